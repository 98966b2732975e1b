from __future__ import annotations

import shutil

import pytest
from django.core.management import CommandError, call_command

from tagalong.activities.models import Activity
from tests.activities.conftest import FENIX_RUN, SETTINGS_FIT, SWEATPY_TCX
from tests.factories import make_athlete

pytestmark = pytest.mark.django_db


def test_command_imports_a_folder_and_prints_progress_and_summary(tmp_path, capsys):
    athlete = make_athlete()
    folder = tmp_path / "runs"
    folder.mkdir()
    for path in (FENIX_RUN, SETTINGS_FIT):
        shutil.copy(path, folder / path.name)
    (folder / "notes.txt").write_text("not an activity")
    call_command(
        "import_activities", "--athlete", athlete.user.email, str(folder), str(SWEATPY_TCX)
    )
    out, err = capsys.readouterr()
    assert "3/3" in err
    assert "2 imported" in out and "1 failed" in out and "Settings.fit" in out
    assert Activity.objects.filter(athlete=athlete).count() == 2


def test_command_refuses_an_unknown_athlete():
    with pytest.raises(CommandError, match="No athlete"):
        call_command("import_activities", "--athlete", "nobody@example.com", str(FENIX_RUN))
