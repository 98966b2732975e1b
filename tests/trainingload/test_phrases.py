"""Every sentence the load core writes for people is a Phrase, so a page can say it in the
reader's language; a new bare f-string fails here."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from tagalong.trainingload import athlete_load, compliance, daily
from tagalong.trainingload.cadence_speed import (
    NotEnoughCadenceData,
    fit_cadence_speed,
    fit_speed_bins,
    theil_sen,
)
from tagalong.trainingload.session_load import (
    DEFAULT_ORDER,
    HeartRateProfile,
    available_loads,
    choose_load,
)
from tagalong.wording import Phrase

from .factories import make_activity

PROFILE = HeartRateProfile(hr_rest_bpm=50, hr_max_bpm=190, sex="female")
ACTIVITIES = [
    None,
    make_activity(speed_m_s=3.0, heart_rate_bpm=150.0),
    make_activity(speed_m_s=3.2),
    make_activity(heart_rate_bpm=140.0, sport="cycling"),
]


@pytest.mark.parametrize(
    ("rpe", "minutes", "activity"),
    list(itertools.product([None, 0, 3.5, 7, 10], [0, 1, 47.4, 94, 600], ACTIVITIES)),
)
def test_every_load_note_is_a_phrase(rpe, minutes, activity):
    loads = available_loads(
        minutes=minutes, rpe=rpe, activity=activity, hr_profile=PROFILE, threshold_m_s=4.0
    )
    for order in itertools.permutations(DEFAULT_ORDER, 2):
        chosen = choose_load(
            minutes=minutes,
            rpe=rpe,
            activity=activity,
            hr_profile=PROFILE,
            threshold_m_s=4.0,
            order=order,
        )
        assert isinstance(chosen.note, Phrase), chosen.note
    assert all(isinstance(load.note, Phrase) for load in loads.values())


def test_a_session_rpe_note_keeps_its_numbers_for_the_reader():
    note = choose_load(minutes=94, rpe=4).note
    assert note == "session RPE 4 × 94 min"
    assert note.template == "session RPE {rpe:g} × {minutes:.0f} min"
    assert note.values == {"rpe": 4, "minutes": 94}


@pytest.mark.parametrize("basis", ["duration", "distance"])
@pytest.mark.parametrize(
    "completed", [None, 0, 1, 20, 49.9, 50, 70, 79.9, 80, 100, 120, 120.1, 150, 151, 400]
)
def test_compliance_words_are_phrases(basis, completed):
    found = compliance.compliance(planned=100, completed=completed, basis=basis)
    assert isinstance(found.words, Phrase), found.words


def test_compliance_words_read_as_before_in_english():
    found = compliance.compliance(planned=40, completed=30, basis="duration")
    assert found.words == "Done, shorter than planned (75 % of the planned duration)"
    assert found.words.values == {"percent": 75.0}


def test_labels_and_notes_of_the_series_are_phrases():
    assert isinstance(daily.PMC_CONVENTION, Phrase)
    assert isinstance(daily.ACWR_NOTE, Phrase)
    assert all(isinstance(label, Phrase) for label in athlete_load.LABELS.values())
    basis = athlete_load.choose_basis([athlete_load.ActivityLoads({"srpe": 300.0}, 60.0)])
    assert isinstance(basis.label, Phrase)


def _run(speed: float, n: int = 200) -> tuple[np.ndarray, np.ndarray]:
    return np.full(n, speed), np.full(n, 170.0)


@pytest.mark.parametrize(
    "attempt",
    [
        lambda: fit_cadence_speed([]),
        lambda: fit_cadence_speed([_run(3.0)]),
        lambda: theil_sen(np.array([3.0, 3.0]), np.array([170.0, 172.0])),
        lambda: fit_speed_bins(()),
    ],
)
def test_why_no_cadence_line_is_a_phrase(attempt):
    with pytest.raises(NotEnoughCadenceData) as caught:
        attempt()
    assert isinstance(caught.value.words, Phrase)
