"""Calf (and other) symptoms an athlete logs: the pain-monitoring record."""

from __future__ import annotations

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tagalong.athletes.models import AthleteProfile

MEASURES = ("tightness", "pain")
SIDES = ("left", "right")
TIMES = ("during", "after", "next_morning")
TIME_LABELS = {
    "during": _("During the run"),
    "after": _("After"),
    "next_morning": _("Next morning"),
}
REGIONS = ("achilles", "shin", "plantar_fascia", "knee", "hip", "hamstring")
REGION_LABELS = {
    "achilles": _("Achilles"),
    "shin": _("Shin"),
    "plantar_fascia": _("Sole of the foot (plantar fascia)"),
    "knee": _("Knee"),
    "hip": _("Hip"),
    "hamstring": _("Hamstring"),
}
REGION_SIDES = ("left", "right", "both")
SIDE_LABELS = {"left": _("Left"), "right": _("Right"), "both": _("Both")}
CALF_LABELS = {
    ("tightness", "left"): _("Left calf tightness"),
    ("tightness", "right"): _("Right calf tightness"),
    ("pain", "left"): _("Left calf pain"),
    ("pain", "right"): _("Right calf pain"),
}

SCORE_FIELDS = tuple(f"calf_{m}_{s}_{t}" for t in TIMES for m in MEASURES for s in SIDES)


def _score(label: str) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        label, null=True, blank=True, validators=[MaxValueValidator(10)]
    )


class SymptomLog(models.Model):
    athlete = models.ForeignKey(AthleteProfile, on_delete=models.CASCADE, related_name="symptoms")
    day = models.DateField()
    activity = models.ForeignKey(
        "activities.Activity",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="symptom_logs",
    )
    # Scores 0-10 for each measure, side and time; empty means "not noted".
    calf_tightness_left_during = _score(_("left calf tightness during"))
    calf_tightness_right_during = _score(_("right calf tightness during"))
    calf_pain_left_during = _score(_("left calf pain during"))
    calf_pain_right_during = _score(_("right calf pain during"))
    calf_tightness_left_after = _score(_("left calf tightness after"))
    calf_tightness_right_after = _score(_("right calf tightness after"))
    calf_pain_left_after = _score(_("left calf pain after"))
    calf_pain_right_after = _score(_("right calf pain after"))
    calf_tightness_left_next_morning = _score(_("left calf tightness next morning"))
    calf_tightness_right_next_morning = _score(_("right calf tightness next morning"))
    calf_pain_left_next_morning = _score(_("left calf pain next morning"))
    calf_pain_right_next_morning = _score(_("right calf pain next morning"))
    # [{"region": "achilles", "side": "left", "pain": 3}, ...]
    other_regions = models.JSONField(default=list, blank=True)
    note = models.TextField(blank=True, max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-day", "-created_at"]
        indexes = [models.Index(fields=["athlete", "-day"])]

    def __str__(self) -> str:
        return f"symptoms {self.day}"

    def worst_calf_pain(self, side: str) -> int | None:
        """The highest calf pain noted on one side that day, or None."""
        values = [getattr(self, f"calf_pain_{side}_{t}") for t in TIMES]
        noted = [v for v in values if v is not None]
        return max(noted) if noted else None

    def score_rows(self) -> list[tuple[str, list[int | None]]]:
        """For display: (time label, [tight L, tight R, pain L, pain R])."""
        return [
            (
                TIME_LABELS[t],
                [getattr(self, f"calf_{m}_{s}_{t}") for m in MEASURES for s in SIDES],
            )
            for t in TIMES
        ]

    def regions_read(self) -> list[tuple[str, str, int | None]]:
        """For display: (place, side, pain) of each other region, in the reader's language."""
        return [
            (
                str(REGION_LABELS.get(r.get("region", ""), r.get("region", ""))),
                str(SIDE_LABELS.get(r.get("side", ""), r.get("side", ""))).lower(),
                r.get("pain"),
            )
            for r in self.other_regions or []
        ]
