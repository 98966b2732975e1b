"""The exercise library: contents, links, ladder and lookups."""

from __future__ import annotations

import dataclasses
import itertools

import pytest

from tagalong import exercises
from tagalong.evidence import REGISTRY
from tagalong.exercises import (
    LADDER_LEVELS,
    LIBRARY,
    Dosage,
    Exercise,
    InvalidExercise,
    by_category,
    check_links,
    for_ladder_level,
    get,
    ladder_chain,
    search,
)

PLAN_GENERATOR_SLUGS = (
    "isometric-calf-hold-bent-knee",
    "isometric-calf-hold-straight-knee",
    "double-leg-heel-raise",
    "double-leg-heel-raise-bent-knee",
    "single-leg-heel-raise",
    "single-leg-heel-raise-bent-knee",
    "single-leg-heel-raise-off-step",
    "weighted-heel-raise-straight-knee",
    "weighted-heel-raise-bent-knee",
    "seated-soleus-raise",
    "eccentric-heel-drop-straight-knee",
    "eccentric-heel-drop-bent-knee",
    "pogo-hops-double-leg",
    "pogo-hops-single-leg",
    "forward-hops",
    "walk-run",
    "single-leg-bridge",
    "hamstring-bridge-on-box",
    "side-plank",
    "clamshell",
    "hip-hike",
    "single-leg-romanian-deadlift",
    "step-up",
    "knee-to-wall-mobilisation",
    "calf-stretch-straight-knee",
    "soleus-stretch-bent-knee",
    "foam-roll-calf",
    "foam-roll-soleus",
    "foam-roll-quadriceps",
    "foam-roll-glutes",
    "metronome-cadence-run",
    "a-skip",
    "seated-heel-raises-travel",
    "ankle-pumps",
)
OTHER_REQUIRED_SLUGS = (
    "skipping-rope",
    "glute-bridge",
    "lateral-band-walk",
    "single-leg-squat",
    "foam-roll-hamstrings",
    "b-skip",
    "strides",
    "high-knees",
)


def _sample(**changes: object) -> Exercise:
    return dataclasses.replace(get("single-leg-heel-raise"), **changes)  # type: ignore[arg-type]


def test_library_holds_at_least_44_exercises() -> None:
    assert len(LIBRARY) >= 44


@pytest.mark.parametrize("slug", PLAN_GENERATOR_SLUGS + OTHER_REQUIRED_SLUGS)
def test_required_slug_is_in_the_library(slug: str) -> None:
    assert get(slug).slug == slug


def test_get_unknown_slug_names_the_slug() -> None:
    with pytest.raises(KeyError, match="no-such-drill"):
        get("no-such-drill")


def test_every_regression_and_progression_link_resolves_without_loops() -> None:
    check_links(LIBRARY)
    for exercise in LIBRARY.values():
        for target in (exercise.regression, exercise.progression):
            assert target is None or target in LIBRARY


def test_check_links_rejects_a_dangling_link() -> None:
    broken = {"a": _sample(slug="a", regression=None, progression="missing")}
    with pytest.raises(InvalidExercise, match="'missing' does not exist"):
        check_links(broken)


def test_check_links_rejects_a_loop() -> None:
    loop = {
        "a": _sample(slug="a", regression=None, progression="b"),
        "b": _sample(slug="b", regression=None, progression="a"),
    }
    with pytest.raises(InvalidExercise, match="loops"):
        check_links(loop)


@pytest.mark.parametrize("level", sorted(LADDER_LEVELS))
def test_every_calf_ladder_level_has_an_exercise(level: int) -> None:
    assert for_ladder_level(level)


def test_ladder_chain_climbs_from_isometric_hold_to_walk_run_without_going_down() -> None:
    chain = ladder_chain()
    levels = [e.ladder_level for e in chain]
    assert chain[0].slug == "isometric-calf-hold-bent-knee"
    assert chain[-1].slug == "walk-run"
    assert levels == sorted(levels)
    assert set(levels) == set(LADDER_LEVELS)


def test_ladder_chain_regressions_retrace_the_progressions() -> None:
    chain = ladder_chain()
    for lower, higher in itertools.pairwise(chain):
        assert higher.regression == lower.slug


def test_progressions_never_lead_down_the_ladder() -> None:
    for exercise in LIBRARY.values():
        if exercise.progression and exercise.ladder_level is not None:
            target = get(exercise.progression).ladder_level
            assert target is not None and target >= exercise.ladder_level, exercise.slug


def test_ladder_levels_are_only_on_calf_exercises() -> None:
    for exercise in LIBRARY.values():
        if exercise.ladder_level is not None:
            assert exercise.category == "calf", exercise.slug


def test_isometric_holds_follow_oneill_five_by_45_seconds() -> None:
    dosage = get("isometric-calf-hold-bent-knee").dosage
    assert (dosage.sets, dosage.hold_s) == (5, 45)
    assert "rehab.isometric.oneill_2018" in get("isometric-calf-hold-bent-knee").citations


@pytest.mark.parametrize(
    "slug", ["eccentric-heel-drop-straight-knee", "eccentric-heel-drop-bent-knee"]
)
def test_eccentric_drops_follow_alfredson_3x15_twice_daily(slug: str) -> None:
    dosage = get(slug).dosage
    assert (dosage.sets, dosage.reps) == (3, 15)
    assert "twice daily" in dosage.frequency
    assert "12 weeks" in dosage.frequency


@pytest.mark.parametrize(
    "slug", ["weighted-heel-raise-straight-knee", "weighted-heel-raise-bent-knee"]
)
def test_heavy_slow_raises_follow_beyer_tempo_and_frequency(slug: str) -> None:
    dosage = get(slug).dosage
    assert dosage.tempo == "3 s up, 3 s down"
    assert dosage.frequency.startswith("3 sessions a week")
    assert "15RM" in (dosage.load or "")


def test_pogos_are_3_by_20() -> None:
    dosage = get("pogo-hops-double-leg").dosage
    assert (dosage.sets, dosage.reps) == (3, 20)


@pytest.mark.parametrize("slug", ["seated-heel-raises-travel", "ankle-pumps"])
def test_travel_moves_are_20_reps_every_60_minutes(slug: str) -> None:
    dosage = get(slug).dosage
    assert dosage.reps == 20
    assert "every 60 min" in dosage.frequency


def test_rolling_exercises_say_optional_comfort_and_never_in_place_of_loading() -> None:
    rolling = by_category("rolling")
    assert len(rolling) >= 5
    for exercise in rolling:
        assert "optional comfort, 30–120 s per muscle, never in place of loading" in (
            exercise.description
        )
        assert {c.split(".")[0] for c in exercise.citations} == {"rolling"}
        assert len(exercise.citations) == 3


def test_cadence_run_never_aims_at_a_fixed_180() -> None:
    exercise = get("metronome-cadence-run")
    assert "+5%" in (exercise.dosage.tempo or "")
    assert any("fixed 180" in mistake for mistake in exercise.common_mistakes)


def test_every_category_is_used() -> None:
    for category in exercises.CATEGORIES:
        assert by_category(category)


def test_by_category_rejects_unknown_category() -> None:
    with pytest.raises(ValueError, match="unknown exercise category 'yoga'"):
        by_category("yoga")


def test_for_ladder_level_rejects_level_outside_1_to_10() -> None:
    with pytest.raises(ValueError, match="1-10"):
        for_ladder_level(11)


def test_search_matches_every_word_case_insensitively() -> None:
    slugs = {e.slug for e in search("Soleus STRETCH")}
    assert "soleus-stretch-bent-knee" in slugs
    assert "single-leg-bridge" not in slugs


def test_search_with_blank_text_finds_nothing() -> None:
    assert search("   ") == []


def test_cues_are_short_sentences() -> None:
    for exercise in LIBRARY.values():
        for cue in exercise.cues:
            assert cue.endswith("."), (exercise.slug, cue)
            assert len(cue) <= 90, (exercise.slug, cue)


def test_exercise_rejects_unknown_equipment() -> None:
    with pytest.raises(InvalidExercise, match="equipment"):
        _sample(equipment=("kettlebell",))


def test_exercise_rejects_ladder_level_on_non_calf_exercise() -> None:
    with pytest.raises(InvalidExercise, match="only calf exercises"):
        _sample(category="mobility")


def test_exercise_rejects_link_to_itself() -> None:
    with pytest.raises(InvalidExercise, match="itself"):
        _sample(progression="single-leg-heel-raise")


def test_dosage_rejects_zero_sets() -> None:
    with pytest.raises(InvalidExercise, match=r"dosage\.sets"):
        Dosage(sets=0, reps=10, hold_s=None, tempo=None, load=None, frequency="daily")


def test_dosage_summary_reads_like_a_prescription() -> None:
    summary = get("weighted-heel-raise-bent-knee").dosage.summary()
    assert summary.startswith("3 x 15, 3 s up, 3 s down")


def test_exercises_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        get("side-plank").name = "Plank"  # type: ignore[misc]


def test_every_citation_is_in_the_evidence_registry() -> None:
    cited = {c for e in LIBRARY.values() for c in e.citations}
    assert sorted(cited - REGISTRY.keys()) == []
