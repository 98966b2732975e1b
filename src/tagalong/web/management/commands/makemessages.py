"""`makemessages` that also collects the pure core's phrases (`tagalong.wording`)."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [
        *makemessages.Command.xgettext_options,
        "--keyword=Phrase",
        "--keyword=phrase_n:1,2",
        # A phrase is filled by str.format: a "%" in it is a per cent sign, not a directive (a
        # "{field}" still marks it python-brace-format).
        "--flag=Phrase:1:no-python-format",
        "--flag=phrase_n:1:no-python-format",
        "--flag=phrase_n:2:no-python-format",
    ]
