"""The attention rules against their stated thresholds (tagalong.evidence.attention)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from tagalong import triage
from tagalong.evidence import REGISTRY
from tagalong.triage import CheckIn, PlannedSession

D = date(2026, 3, 16)  # a Monday


def _day(n: int) -> date:
    return D - timedelta(days=n)


def test_every_kind_has_a_label_and_every_cited_id_is_in_the_registry() -> None:
    for kind, label in triage.KINDS:
        assert label and triage.kind_label(kind) == label
    for entry_id in (
        "attention.pain_rising",
        "attention.compliance_falling",
        "attention.acwr_band",
        "attention.no_data",
        "attention.unanswered_messages",
    ):
        assert entry_id in REGISTRY


def test_red_flag_sorts_before_everything() -> None:
    assert triage.SEVERITY["red_flag"] == 0
    assert min(triage.SEVERITY.values()) == 0


def test_pain_up_two_points_is_rising() -> None:
    found = triage.pain_rising([CheckIn(_day(3), 2, 1), CheckIn(_day(1), 4, 2)])
    assert found is not None and found.kind == "pain_rising" and found.level == 4
    assert "up 2 points" in found.words


def test_pain_up_one_point_once_is_not_rising() -> None:
    assert triage.pain_rising([CheckIn(_day(3), 2, 1), CheckIn(_day(1), 3, 2)]) is None


def test_pain_up_on_two_check_ins_in_a_row_is_rising() -> None:
    found = triage.pain_rising(
        [CheckIn(_day(5), 1, 0), CheckIn(_day(3), 2, 1), CheckIn(_day(1), 3, 1)]
    )
    assert found is not None and "two check-ins in a row" in found.words


def test_pain_above_the_monitoring_limits_is_rising_on_its_own() -> None:
    assert triage.pain_rising([CheckIn(_day(1), 6, None)]) is not None  # above 5/10 running
    assert triage.pain_rising([CheckIn(_day(1), 5, None)]) is None  # 5/10 is still acceptable
    morning = triage.pain_rising([CheckIn(_day(1), None, 4)])  # not settled to 3/10
    assert morning is not None and "next morning" in morning.words


def _week(
    done: float | None, *, key: bool = False, days: range = range(1, 8)
) -> list[PlannedSession]:
    return [PlannedSession(_day(n), 3600, None if done is None else 3600 * done, key) for n in days]


@pytest.mark.parametrize(
    ("done", "band"),
    [
        (1.0, None),
        (0.8, None),
        (1.2, None),
        (0.79, "partly"),
        (1.21, "partly"),
        (0.5, "partly"),
        (0.49, "missed"),
        (1.51, "missed"),
    ],
)
def test_compliance_uses_the_trainingpeaks_bands(done: float, band: str | None) -> None:
    found = triage.compliance_falling(_week(done), today=D)
    if band is None:
        assert found is None
    else:
        assert found is not None and f"({band}" in found.words


def test_compliance_leaves_out_days_marked_away() -> None:
    sessions = _week(1.0, days=range(1, 4)) + _week(None, days=range(4, 8))
    assert triage.compliance_falling(sessions, today=D) is not None
    away = {_day(n) for n in range(4, 8)}
    assert triage.compliance_falling(sessions, today=D, unavailable=away) is None


def test_compliance_words_never_shame() -> None:
    found = triage.compliance_falling(_week(None), today=D)
    assert found is not None
    for word in ("fail", "bad", "lazy"):
        assert word not in found.words.lower()


def test_a_missed_long_run_is_named() -> None:
    sessions = [
        PlannedSession(_day(2), 5400, None, True, "long run"),
        PlannedSession(_day(3), 1800, None),
    ]
    found = triage.missed_key_sessions(sessions, today=D)
    assert found is not None and "long run on Sat 14 Mar" in found.words and found.level == 1


def test_plan_ending_within_seven_days_or_none() -> None:
    assert triage.plan_ending(D + timedelta(days=8), today=D) is None
    assert triage.plan_ending(D + timedelta(days=7), today=D) is not None
    none = triage.plan_ending(None, today=D)
    assert none is not None and none.words == "No active plan."


def test_load_jump_reuses_the_calf_check_spike_and_weekly_rules() -> None:
    runs = [(_day(30), 10.0), (_day(20), 10.0), (_day(9), 10.0), (_day(1), 11.0)]
    assert triage.load_spike(runs, today=D) is None  # +10 % exactly is no spike
    found = triage.load_spike([*runs[:-1], (_day(1), 12.0)], today=D)
    assert found is not None and found.evidence_id == "capacity.single_run_spike.frandsen_2025"


def test_acwr_only_counts_with_28_days_of_history() -> None:
    assert triage.acwr_out_of_band(1.6, history_days=20) is None
    assert triage.acwr_out_of_band(1.2, history_days=60) is None
    high = triage.acwr_out_of_band(1.6, history_days=60)
    assert high is not None and "above" in high.words
    assert triage.acwr_out_of_band(0.7, history_days=60) is not None


def test_no_data_after_the_athletes_own_number_of_days() -> None:
    assert triage.no_data(_day(6), today=D, days=7) is None
    assert triage.no_data(_day(7), today=D, days=7) is not None
    assert triage.no_data(_day(7), today=D, days=10) is None
    assert triage.no_data(None, today=D, days=7) is not None


def test_easy_cadence_dropping_by_three_percent() -> None:
    assert triage.cadence_dropping([166, 165, 166], [170, 170, 171]) is None  # about 2 %
    found = triage.cadence_dropping([164, 164, 165], [170, 170, 171])
    assert found is not None and "down 4 %" in found.words
    assert triage.cadence_dropping([150, 150], [170, 170, 170]) is None  # too few runs


def test_retest_due_after_the_interval() -> None:
    assert triage.retest_overdue(_day(28), today=D, weeks=4) is None
    assert triage.retest_overdue(_day(29), today=D, weeks=4) is not None
    assert triage.retest_overdue(None, today=D, weeks=4) is None


def test_calf_check_worse_when_a_cause_moves_up() -> None:
    labels = {"capacity_vs_load": "Calves vs load"}
    before = {"capacity_vs_load": "possible", "shoes": "likely"}
    assert (
        triage.calf_check_worse(
            before, {"capacity_vs_load": "possible", "shoes": "possible"}, labels
        )
        is None
    )
    found = triage.calf_check_worse(
        before, {"capacity_vs_load": "likely", "shoes": "likely"}, labels
    )
    assert found is not None and "Calves vs load now likely" in found.words


def test_worn_shoes_open_proposals_import_failed() -> None:
    assert triage.worn_shoes([("Blue", 499, 500)]) is None
    assert triage.worn_shoes([("Blue", 520, 500)]) is not None
    assert triage.open_proposals(0) is None
    assert (
        triage.open_proposals(2) is not None and "2 plan changes" in triage.open_proposals(2).words
    )  # type: ignore[union-attr]
    assert triage.import_failed([]) is None
    assert triage.import_failed([(D, "bad file")]) is not None


def test_unanswered_messages_after_48_hours() -> None:
    now = datetime(2026, 3, 16, 12, tzinfo=UTC)
    assert triage.unanswered_messages([now - timedelta(hours=47)], now=now) is None
    found = triage.unanswered_messages([now - timedelta(hours=50)], now=now)
    assert found is not None and "50 h" in found.words


def _finding_calls() -> list[tuple[str, str | None, str]]:
    """(module, evidence id or None when computed, kind) of every Finding(...) in the rules
    and the attention app's providers, read from the source."""
    import ast
    from pathlib import Path

    import tagalong.attention
    import tagalong.sync
    import tagalong.triage

    files = [*Path(tagalong.triage.__file__).parent.glob("*.py")]
    attention = Path(tagalong.attention.__file__).parent
    files += [attention / "sources.py", attention / "messaging_source.py"]
    files += [Path(tagalong.sync.__file__).parent / "signals.py"]
    found = []
    for path in files:
        tree = ast.parse(path.read_text())
        constants = {
            target.id: node.value.value
            for node in tree.body
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Finding"):
                continue
            args = {k.arg: k.value for k in node.keywords}
            kind = args["kind"].value if isinstance(args.get("kind"), ast.Constant) else "?"
            value = args["evidence_id"]
            if isinstance(value, ast.Constant):
                found.append((path.name, value.value, kind))
            elif isinstance(value, ast.Name) and value.id in constants:
                found.append((path.name, constants[value.id], kind))
            else:
                found.append((path.name, None, kind))
    return found


def test_every_signal_cites_a_registry_entry_with_its_threshold_in_words() -> None:
    calls = _finding_calls()
    assert {kind for _, _, kind in calls} >= set(triage.SEVERITY)  # every kind has a rule
    for module, entry_id, kind in calls:
        if entry_id is None:
            assert kind == "load_spike", f"{module}: {kind} cites a computed evidence id"
            continue
        assert entry_id in REGISTRY, f"{module}: {kind} cites {entry_id}, not in the registry"
        entry = REGISTRY[entry_id]
        assert entry.statement.strip(), f"{entry_id} has no statement in words"


def test_a_load_jump_cites_the_calf_checks_own_registered_rule() -> None:
    runs = [(_day(n), 8.0) for n in range(30, 2, -3)] + [(_day(1), 20.0)]
    finding = triage.load_spike(runs, today=D)
    assert finding is not None and finding.evidence_id in REGISTRY
    assert "longer than the longest of the 30 days before" in finding.words
