"""Who may run yet, and which extra work the tests and findings call for."""

from __future__ import annotations

import datetime as dt

from tagalong.plangen.model import PlanRequest, SidePair, Tests

# rehab.return_to_run.criteria: ≥ 25 single-leg heel raises per side, LSI ≥ 90 %.
RETURN_HEEL_RAISES = 25
RETURN_LSI_PCT = 90.0
# periodisation.postnatal.goom_2019: 20 reps each of single-leg calf raise and bridge.
POSTNATAL_STRENGTH_REPS = 20
POSTNATAL_GUIDELINE_WEEKS = 12
POSTNATAL_MIN_REST_WEEKS = 3  # periodisation.postnatal.delphi_2024
# periodisation.plan.posterior_chain
BRIDGE_POOR_REPS = 20
HIP_ASYMMETRY_PCT = 10.0
# McGill side-bridge means [S] by decade 20s/30s/40s/50s+ (hips domain, shared/science.md §2).
SIDE_PLANK_MEAN_S = {"male": (39.0, 34.0, 29.0, 25.0), "female": (47.0, 40.0, 33.0, 29.0)}
# periodisation.plan.mobility_optional
KNEE_TO_WALL_LOW_CM = 10.0
KNEE_TO_WALL_ASYMMETRY_CM = 2.0


def return_criteria_met(tests: Tests) -> bool:
    heel = tests.heel_raise_reps
    if heel is None:
        return False
    return heel.weaker >= RETURN_HEEL_RAISES and heel.symmetry_index >= RETURN_LSI_PCT


def postnatal_tests_passed(request: PlanRequest) -> bool:
    tests = request.tests
    if not request.goal.return_tests_passed:
        return False
    for pair in (tests.heel_raise_reps, tests.single_leg_bridge_reps):
        if pair is None or pair.weaker < POSTNATAL_STRENGTH_REPS:
            return False
    return True


def postnatal_earliest_run(request: PlanRequest) -> dt.date:
    """First date running may start: 12 weeks postnatal, or 3 weeks with a coach override."""
    weeks_postnatal = request.goal.weeks_postnatal or 0
    birth = request.start - dt.timedelta(weeks=weeks_postnatal)
    block = POSTNATAL_GUIDELINE_WEEKS
    if request.goal.coach_override is not None:
        block = POSTNATAL_MIN_REST_WEEKS
    return max(request.start, birth + dt.timedelta(weeks=block))


def running_allowed(request: PlanRequest) -> bool:
    """Whether the plan may contain running at all (the return gates)."""
    goal = request.goal.type
    if goal == "return_to_run":
        return return_criteria_met(request.tests)
    if goal == "postnatal":
        return postnatal_tests_passed(request)
    return True


def first_run_date(request: PlanRequest) -> dt.date:
    if request.goal.type == "postnatal":
        return postnatal_earliest_run(request)
    return request.start


def _asymmetric(pair: SidePair, threshold_pct: float) -> bool:
    return pair.symmetry_index < 100.0 - threshold_pct


def side_plank_weak(pair: SidePair, *, age: int, sex: str) -> bool:
    means = SIDE_PLANK_MEAN_S["female" if sex == "female" else "male"]
    decade = min(max((age - 20) // 10, 0), len(means) - 1)
    return pair.weaker < means[decade]


def needs_hip_work(request: PlanRequest) -> bool:
    tests = request.tests
    bridge = tests.single_leg_bridge_reps
    if bridge is not None and (
        bridge.weaker < BRIDGE_POOR_REPS or _asymmetric(bridge, HIP_ASYMMETRY_PCT)
    ):
        return True
    plank = tests.side_plank_s
    if plank is None:
        return False
    athlete = request.athlete
    return _asymmetric(plank, HIP_ASYMMETRY_PCT) or side_plank_weak(
        plank, age=athlete.age, sex=athlete.sex
    )


def needs_mobility(tests: Tests) -> bool:
    ktw = tests.knee_to_wall_cm
    if ktw is None:
        return False
    spread = abs(ktw.left - ktw.right)
    return ktw.weaker < KNEE_TO_WALL_LOW_CM or spread > KNEE_TO_WALL_ASYMMETRY_CM


def finding_flags(request: PlanRequest, cause_word: str) -> bool:
    """True when a calf-check finding naming ``cause_word`` is likely or possible."""
    return any(
        cause_word in f.cause.lower() and f.verdict.lower() in {"likely", "possible"}
        for f in request.findings
    )


def needs_cadence_step(request: PlanRequest) -> bool:
    return finding_flags(request, "technique")


def wants_rolling(request: PlanRequest) -> bool:
    return finding_flags(request, "tension") or finding_flags(request, "rolling")
