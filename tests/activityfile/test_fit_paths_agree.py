"""The fast (fitfast) and lenient (fitdecode) FIT paths tell the same story on the corpus."""

from __future__ import annotations

import fitfast
import pytest

from tagalong.activityfile.analyze import summarize
from tagalong.activityfile.errors import DecodeError
from tagalong.activityfile.fit import decode_fit, decode_fit_lenient

from .conftest import CORPUS


def _fast_readable() -> list[str]:
    names = []
    for path in sorted(CORPUS.resolve().glob("*/*")):
        if path.suffix.lower() != ".fit":
            continue
        try:
            fitfast.count(path.read_bytes())
        except fitfast.FitDecodeError:
            continue
        names.append(str(path.relative_to(CORPUS.resolve())))
    return names


FAST_READABLE = _fast_readable()
COMPARED = ("distance_m", "duration_s", "records", "avg_hr", "avg_cadence_spm", "sport", "laps")


def test_the_agreement_check_covers_most_of_the_corpus() -> None:
    assert len(FAST_READABLE) >= 35


@pytest.mark.parametrize("relative", FAST_READABLE)
def test_fast_and_lenient_fit_paths_agree(relative: str) -> None:
    data = (CORPUS / relative).read_bytes()
    try:
        fast = decode_fit(data, filename=relative)
    except DecodeError as fast_error:
        with pytest.raises(DecodeError) as lenient_error:
            decode_fit_lenient(data, filename=relative)
        assert lenient_error.value.code == fast_error.code
        return
    lenient = decode_fit_lenient(data, filename=relative)
    fast_summary = summarize(fast, file=relative)
    lenient_summary = summarize(lenient, file=relative)
    for key in COMPARED:
        expected = fast_summary[key]
        if isinstance(expected, float):
            assert lenient_summary[key] == pytest.approx(expected, abs=0.11), key
        else:
            assert lenient_summary[key] == expected, key
    assert fast.device == lenient.device
    assert set(fast.streams.developer) == set(lenient.streams.developer)
