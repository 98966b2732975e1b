"""Strava bulk exports: the activities.csv index, its quirks, and its link to the files."""

from __future__ import annotations

import csv
import gzip
import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tagalong.activityfile.archive import UploadEntry, iter_upload
from tagalong.activityfile.errors import ArchiveError
from tagalong.activityfile.limits import UploadLimits
from tagalong.activityfile.strava_export import (
    ENGLISH_HEADER,
    is_strava_export,
    parse_activities_csv,
    parse_number,
    parse_strava_date,
    read_strava_export,
)

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
FIT_RUN = CORPUS / "fitparse" / "garmin-fenix-5-run.fit"
GPX_LAKE = CORPUS / "gpxpy" / "cerknicko-jezero.gpx"
TCX_SUP = CORPUS / "tcxreader" / "sup_activity_1.tcx"

LIMITS = UploadLimits()


def csv_text(rows: list[dict[str, str]], header: tuple[str, ...] = ENGLISH_HEADER) -> str:
    """A CSV in Strava's layout; a key ``"Distance#2"`` fills the second Distance column."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    writer.writerow(header)
    for values in rows:
        seen: dict[str, int] = {}
        cells = []
        for name in header:
            seen[name] = seen.get(name, 0) + 1
            key = name if seen[name] == 1 else f"{name}#{seen[name]}"
            cells.append(values.get(key, ""))
        writer.writerow(cells)
    return buffer.getvalue()


ROWS = [
    {
        "Activity ID": "1111111111",
        "Activity Date": "Mar 3, 2024, 6:45:10 AM",
        "Activity Name": "Easy run, calves fine",
        "Activity Type": "Run",
        "Activity Description": "Felt the left calf on the hill",
        "Elapsed Time": "2843",
        "Distance": "8.03",
        "Activity Gear": "Pegasus 40",
        "Filename": "activities/1111111111.fit.gz",
        "Elapsed Time#2": "2843.0",
        "Moving Time": "2790.0",
        "Distance#2": "8030.5",
        "Perceived Exertion": "4.0",
    },
    {
        "Activity ID": "2222222222",
        "Activity Date": "Mar 5, 2024, 5:30:00 PM",
        "Activity Name": "Lake loop",
        "Activity Type": "Run",
        "Filename": "activities/2222222222.gpx",
        "Perceived Exertion": "",
    },
    {
        "Activity ID": "3333333333",
        "Activity Date": "Mar 7, 2024, 7:00:00 AM",
        "Activity Name": "Paddle",
        "Activity Type": "Stand Up Paddling",
        "Filename": "activities/3333333333.tcx.gz",
        "Perceived Exertion": "7",
    },
    {
        "Activity ID": "4444444444",
        "Activity Date": "Mar 9, 2024, 8:00:00 AM",
        "Activity Name": "Treadmill (typed in)",
        "Activity Type": "Run",
        "Elapsed Time": "1800",
        "Distance": "5.00",
        "Distance#2": "5000.0",
        "Activity Gear": "Pegasus 40",
    },
    {
        "Activity ID": "5555555555",
        "Activity Date": "Mar 11, 2024, 8:00:00 AM",
        "Activity Name": "Lost file",
        "Activity Type": "Run",
        "Filename": "activities/5555555555.fit.gz",
    },
]


def strava_zip(rows: list[dict[str, str]] = ROWS, *, root: str = "") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(root + "activities.csv", "\ufeff" + csv_text(rows))
        zf.writestr(root + "profile.csv", "Athlete ID\n42\n")
        zf.writestr(root + "activities/1111111111.fit.gz", gzip.compress(FIT_RUN.read_bytes()))
        zf.writestr(root + "activities/2222222222.gpx", GPX_LAKE.read_bytes())
        zf.writestr(root + "activities/3333333333.tcx.gz", gzip.compress(TCX_SUP.read_bytes()))
        zf.writestr(root + "media/photo.jpg", b"\xff\xd8\xff")
    return buffer.getvalue()


def test_rows_are_keyed_by_the_member_path_with_name_gear_and_rpe() -> None:
    export = read_strava_export(strava_zip(), LIMITS)
    row = export.rows_by_filename["activities/1111111111.fit.gz"]
    assert row.activity_id == "1111111111"
    assert row.name == "Easy run, calves fine"
    assert row.type == "Run"
    assert row.gear == "Pegasus 40"
    assert row.perceived_exertion == 4.0
    assert row.description == "Felt the left calf on the hill"
    assert row.date == datetime(2024, 3, 3, 6, 45, 10, tzinfo=UTC)
    assert export.rows_by_filename["activities/3333333333.tcx.gz"].perceived_exertion == 7.0
    assert export.rows_by_filename["activities/2222222222.gpx"].perceived_exertion is None


def test_every_decoded_entry_finds_its_row() -> None:
    data = strava_zip()
    export = read_strava_export(data, LIMITS)
    items = list(iter_upload(data, filename="export_42.zip", limits=LIMITS))
    entries = [item for item in items if isinstance(item, UploadEntry)]
    assert len(entries) == 3
    assert {export.rows_by_filename[entry.name].activity_id for entry in entries} == {
        "1111111111",
        "2222222222",
        "3333333333",
    }


def test_row_whose_file_is_missing_is_reported_not_raised() -> None:
    export = read_strava_export(strava_zip(), LIMITS)
    assert [row.activity_id for row in export.missing_files] == ["5555555555"]


def test_manual_activity_keeps_date_duration_distance_and_type() -> None:
    export = read_strava_export(strava_zip(), LIMITS)
    [manual] = export.manual_activities
    assert manual.activity_id == "4444444444"
    assert manual.is_manual
    assert manual.type == "Run"
    assert manual.elapsed_s == 1800.0
    assert manual.distance_m == 5000.0
    assert manual.date == datetime(2024, 3, 9, 8, 0, tzinfo=UTC)


def test_repeated_columns_are_read_by_position_first_wins_distance_from_the_metric_copy() -> None:
    export = read_strava_export(strava_zip(), LIMITS)
    row = export.rows_by_filename["activities/1111111111.fit.gz"]
    assert row.elapsed_s == 2843.0  # first Elapsed Time
    assert row.moving_s == 2790.0
    assert row.distance_m == 8030.5  # second Distance, metres, not the 8.03 km display value


def test_short_header_without_later_columns_still_reads() -> None:
    header = ("Activity ID", "Activity Date", "Activity Name", "Activity Type", "Filename")
    rows, problems = parse_activities_csv(
        csv_text(
            [{"Activity ID": "9", "Activity Name": "Old export", "Filename": "a/9.gpx"}], header
        )
    )
    assert problems == []
    [row] = rows
    assert (row.name, row.filename, row.perceived_exertion, row.distance_m) == (
        "Old export",
        "a/9.gpx",
        None,
        None,
    )


def test_row_without_an_id_is_reported_with_its_line() -> None:
    rows, problems = parse_activities_csv(csv_text([{"Activity Name": "ghost"}, ROWS[1]]))
    assert [row.activity_id for row in rows] == ["2222222222"]
    [problem] = problems
    assert problem.place == "activities.csv line 2"


def test_rpe_outside_stravas_one_to_ten_scale_is_dropped() -> None:
    rows, _ = parse_activities_csv(
        csv_text(
            [
                {"Activity ID": "1", "Perceived Exertion": "0"},
                {"Activity ID": "2", "Perceived Exertion": "11"},
            ]
        )
    )
    assert [row.perceived_exertion for row in rows] == [None, None]


def test_non_english_header_is_refused_with_a_clear_reason() -> None:
    with pytest.raises(ArchiveError) as caught:
        parse_activities_csv("Aktivitäts-ID,Aktivitätsdatum\n1,2\n")
    assert caught.value.code == "unsupported_format"
    assert "English" in caught.value.reason


def test_export_re_zipped_inside_a_folder_is_still_recognised() -> None:
    data = strava_zip(root="export_42/")
    assert is_strava_export(data)
    export = read_strava_export(data, LIMITS)
    assert export.root == "export_42/"
    assert "export_42/activities/2222222222.gpx" in export.rows_by_filename


def test_ordinary_zip_is_not_a_strava_export() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("runs/lake.gpx", GPX_LAKE.read_bytes())
    assert not is_strava_export(buffer.getvalue())
    assert not is_strava_export(b"not a zip at all")
    with pytest.raises(ArchiveError) as caught:
        read_strava_export(buffer.getvalue(), LIMITS)
    assert caught.value.code == "not_strava_export"


def test_oversized_activities_csv_is_refused_by_the_file_cap() -> None:
    with pytest.raises(ArchiveError) as caught:
        read_strava_export(strava_zip(ROWS * 200), UploadLimits(max_file_bytes=10_000))
    assert (caught.value.code, caught.value.place) == ("too_large", "activities.csv")


def test_open_zipfile_and_path_sources_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    path.write_bytes(strava_zip())
    with zipfile.ZipFile(path) as zf:
        assert is_strava_export(zf)
        assert len(read_strava_export(zf, LIMITS).rows) == 5
    assert len(read_strava_export(path, LIMITS).rows) == 5


@pytest.mark.parametrize(
    ("text", "expected"),
    [("10.5", 10.5), ("10,5", 10.5), ("1,234.5", 1234.5), ("1.234,5", 1234.5),
     ("1,234,567", 1234567.0), ("", None), ("n/a", None), ("nan", None)],
)  # fmt: skip
def test_numbers_in_english_and_localised_forms(text: str, expected: float | None) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Feb 6, 2013, 12:11:14 PM",
        "Feb 6, 2013, 12:11:14\u202fPM",
        "2013-02-06 12:11:14",
        "06.02.2013, 12:11:14",
    ],
)
def test_dates_in_the_forms_strava_writes_are_utc(text: str) -> None:
    assert parse_strava_date(text) == datetime(2013, 2, 6, 12, 11, 14, tzinfo=UTC)


def test_unknown_date_form_is_none_rather_than_a_guess() -> None:
    assert parse_strava_date("6 février 2013") is None


def test_pre_2019_lower_case_header_keeps_name_gear_and_file() -> None:
    rows, problems = parse_activities_csv(
        "id,date,name,type,description,elapsed_time,distance,commute,gear,filename\n"
        '7,"2016-04-02 08:00:00",Parkrun,Run,,1260,5.0,false,Ghost 8,activities/7.gpx\n'
    )
    assert not problems
    (row,) = rows
    assert (row.name, row.gear, row.filename, row.elapsed_s) == (
        "Parkrun", "Ghost 8", "activities/7.gpx", 1260.0,
    )  # fmt: skip


def test_translated_header_is_read_by_position_when_the_rows_bear_it_out() -> None:
    header = ",".join(f"Spalte {i}" for i in range(13))
    row = '9,"02.04.2016, 08:00:00",Parkrun,Laufen,,1260,5.0,,,,,Ghost 8,activities/9.fit'
    (parsed,), _ = parse_activities_csv(f"{header}\n{row}\n")
    assert (parsed.name, parsed.gear, parsed.filename) == ("Parkrun", "Ghost 8", "activities/9.fit")
    with pytest.raises(ArchiveError, match="not in the order of a Strava export"):
        parse_activities_csv(f"{header}\nnot-an-id,x,y,z,,,,,,,,,photo.jpg\n")
