import pytest

from tagalong.evidence import REGISTRY
from tagalong.trainingload.compliance import compliance


@pytest.mark.parametrize(
    ("completed", "status"),
    [
        (80, "as_planned"),
        (100, "as_planned"),
        (120, "as_planned"),
        (79, "partly"),
        (50, "partly"),
        (121, "partly"),
        (150, "partly"),
        (49, "off_plan"),
        (151, "off_plan"),
    ],
)
def test_bands_follow_trainingpeaks_percentages(completed, status):
    assert compliance(planned=100, completed=completed).status == status


def test_forty_eight_minutes_of_forty_is_exactly_the_upper_edge():
    assert compliance(planned=40 * 60, completed=48 * 60).status == "as_planned"


@pytest.mark.parametrize("completed", [None, 0])
def test_nothing_done_is_missed_in_plain_words(completed):
    result = compliance(planned=3600, completed=completed)
    assert (result.status, result.tone, result.words) == ("missed", "not_done", "Not done")


def test_words_are_neutral_and_give_the_share():
    result = compliance(planned=3600, completed=2340)
    assert result.words == "Done, shorter than planned (65 % of the planned duration)"
    for word in ("fail", "bad", "red", "poor"):
        assert word not in result.words.lower()


def test_distance_basis_is_named_in_the_words():
    result = compliance(planned=10_000, completed=17_000, basis="distance")
    assert result.status == "off_plan"
    assert result.words == "Done, much longer than planned (170 % of the planned distance)"


def test_planned_zero_is_rejected():
    with pytest.raises(ValueError, match="planned duration must be > 0"):
        compliance(planned=0, completed=10)


def test_compliance_cites_registered_evidence():
    for evidence_id in compliance(planned=1, completed=1).evidence_ids:
        assert evidence_id in REGISTRY
