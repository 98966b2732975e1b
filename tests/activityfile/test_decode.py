from __future__ import annotations

import gzip

import pytest

from tagalong.activityfile.decode import decode_activity
from tagalong.activityfile.errors import DecodeError

from .conftest import corpus_file

BILLION_LAUGHS_ENTITIES = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)


def _error(data: bytes, filename: str = "upload", **kwargs: int) -> DecodeError:
    with pytest.raises(DecodeError) as caught:
        decode_activity(data, filename=filename, **kwargs)
    assert caught.value.file == filename
    return caught.value


def test_empty_file_is_refused_as_empty() -> None:
    assert _error(b"").code == "empty"


def test_jpeg_renamed_to_fit_is_reported_as_an_image() -> None:
    error = _error(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(50), filename="run.fit")
    assert error.code == "unsupported_format"
    assert "JPEG" in error.reason


def test_unknown_text_is_unsupported_and_says_so() -> None:
    error = _error(b"date,distance\n2024-01-01,5000\n", filename="run.csv")
    assert (error.code, "plain text" in error.reason) == ("unsupported_format", True)


def test_other_xml_is_unsupported() -> None:
    assert _error(b"<?xml version='1.0'?><kml></kml>").code == "unsupported_format"


def test_billion_laughs_gpx_is_refused_before_parsing() -> None:
    gpx = (
        f"<?xml version='1.0'?>{BILLION_LAUGHS_ENTITIES}"
        "<gpx version='1.1'><trk><name>&lol3;</name></trk></gpx>"
    ).encode()
    assert _error(gpx, filename="bomb.gpx").code == "unsafe_xml"


def test_billion_laughs_tcx_is_refused_before_parsing() -> None:
    tcx = (
        f"<?xml version='1.0'?>{BILLION_LAUGHS_ENTITIES}"
        "<TrainingCenterDatabase><Activities><Activity Sport='Running'><Id>&lol3;</Id>"
        "</Activity></Activities></TrainingCenterDatabase>"
    ).encode()
    assert _error(tcx, filename="bomb.tcx").code == "unsafe_xml"


def test_external_entity_gpx_is_refused() -> None:
    gpx = b'<?xml version="1.0"?><!DOCTYPE gpx SYSTEM "file:///etc/passwd"><gpx></gpx>'
    assert _error(gpx).code == "unsafe_xml"


def test_gzipped_corpus_fit_decodes_like_the_plain_file() -> None:
    raw = corpus_file("fitparse/garmin-fenix-5-run.fit").read_bytes()
    plain = decode_activity(raw, filename="run.fit")
    zipped = decode_activity(gzip.compress(raw), filename="run.fit.gz")
    assert (zipped.sport, zipped.distance_m, len(zipped.streams)) == (
        plain.sport,
        plain.distance_m,
        len(plain.streams),
    )


def test_gzip_bomb_beyond_the_cap_is_too_large() -> None:
    bomb = gzip.compress(bytes(5 * 2**20))  # 5 MiB of zeros squeezes to a few KiB
    error = _error(bomb, filename="bomb.fit.gz", max_decompressed_bytes=2**20)
    assert error.code == "too_large"


def test_truncated_gzip_is_corrupt() -> None:
    data = gzip.compress(corpus_file("fitparse/Activity.fit").read_bytes())
    assert _error(data[: len(data) // 2]).code == "corrupt"


def test_gpx_with_bom_and_track_decodes() -> None:
    gpx = (
        "\ufeff<?xml version='1.0' encoding='UTF-8'?>"
        "<gpx version='1.1' xmlns='http://www.topografix.com/GPX/1/1'><trk><type>running</type>"
        "<trkseg><trkpt lat='46.0' lon='14.0'><time>2024-05-01T06:00:00Z</time></trkpt>"
        "<trkpt lat='46.001' lon='14.0'><time>2024-05-01T06:00:40Z</time></trkpt>"
        "</trkseg></trk></gpx>"
    ).encode()
    activity = decode_activity(gpx, filename="bom.gpx")
    assert activity.sport == "running"
    assert activity.distance_m == pytest.approx(111.2, abs=0.5)  # 0.001° of latitude
    assert activity.duration_s == 40.0


def test_gpx_run_cadence_per_leg_in_garmin_extension_is_doubled() -> None:
    points = "".join(
        f"<trkpt lat='46.{i:04d}' lon='14.0'><time>2024-05-01T06:00:{i:02d}Z</time>"
        "<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>150</gpxtpx:hr>"
        "<gpxtpx:cad>85</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>"
        for i in range(10)
    )
    gpx = (
        "<gpx version='1.1' xmlns='http://www.topografix.com/GPX/1/1' "
        "xmlns:gpxtpx='http://www.garmin.com/xmlschemas/TrackPointExtension/v1'>"
        f"<trk><type>9</type><trkseg>{points}</trkseg></trk></gpx>"
    ).encode()
    activity = decode_activity(gpx, filename="strava.gpx")
    assert activity.sport == "running"
    assert activity.streams.cadence_spm is not None
    assert set(activity.streams.cadence_spm.tolist()) == {170.0}
