"""`makemessages` that also collects the pure core's phrases (`tagalong.wording`)."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [
        *makemessages.Command.xgettext_options,
        "--keyword=Phrase",
        "--keyword=phrase_n:1,2",
    ]
