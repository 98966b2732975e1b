"""Every label a model gives a choice or a field is translatable: a bare English one would be
English on a German page (the template checker does not see Python)."""

from __future__ import annotations

from collections.abc import Iterator

from django.apps import apps
from django.db import models
from django.utils.functional import Promise


def _choice_classes(base: type[models.Choices]) -> Iterator[type[models.Choices]]:
    for sub in base.__subclasses__():
        yield sub
        yield from _choice_classes(sub)


def _ours(module: str) -> bool:
    return module.startswith("tagalong.")


def test_every_choice_label_is_translatable() -> None:
    bare = [
        f"{cls.__module__}.{cls.__name__}.{member.name}: {member.label!r}"
        for cls in _choice_classes(models.Choices)
        if _ours(cls.__module__)
        for member in cls
        if not isinstance(member.label, Promise)
    ]
    assert bare == []


def test_the_choices_checked_include_the_plans() -> None:
    from tagalong.plans.models import PlanStatus

    assert PlanStatus in set(_choice_classes(models.Choices))


def test_every_field_name_and_help_text_given_is_translatable() -> None:
    bare = []
    for model in apps.get_models():
        if not _ours(model.__module__):
            continue
        for field in model._meta.get_fields():
            if field.auto_created:  # Django's own id and reverse relations
                continue
            given = getattr(field, "_verbose_name", None)  # None: made from the field's name
            help_text = getattr(field, "help_text", "")
            for what, text in (("verbose_name", given), ("help_text", help_text)):
                if text and not isinstance(text, Promise):
                    bare.append(f"{model.__name__}.{field.name} {what}: {text!r}")
        for option in ("verbose_name", "verbose_name_plural"):
            text = model._meta.original_attrs.get(option)
            if text and not isinstance(text, Promise):
                bare.append(f"{model.__name__} Meta.{option}: {text!r}")
    assert bare == []
