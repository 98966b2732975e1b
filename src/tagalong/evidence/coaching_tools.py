"""Evidence entries: coaching_tools (see shared/science.md section 11)."""

from tagalong.evidence.model import Evidence, Strength
from tagalong.wording import Phrase

ENTRIES: tuple[Evidence, ...] = (
    Evidence(
        id="coaching.pmc.form_from_yesterday",
        statement=Phrase(
            "TrainingPeaks and intervals.icu show form (TSB) as yesterday's CTL − yesterday's ATL, "
            "so today's session does not change today's form."
        ),
        source="TrainingPeaks PMC help; intervals.icu fitness chart documentation.",
        strength=Strength.SECONDARY,
    ),
    Evidence(
        id="coaching.ramp_rate.guidance",
        statement=Phrase(
            "Ramp rate = weekly change of CTL; coaching guidance is 5–8 points a week, about 10 "
            "as an upper limit."
        ),
        source="TrainingPeaks coaching articles (secondary).",
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
    Evidence(
        id="coaching.compliance.trainingpeaks",
        statement=Phrase(
            "Compliance by planned duration: within ±20 % complete; 50–79 % or 121–150 % partly; "
            "missed, < 50 % or > 150 % off plan."
        ),
        source="TrainingPeaks help centre: 'Workout compliance colours'.",
        strength=Strength.SECONDARY,
    ),
    Evidence(
        id="coaching.compliance.never_shame",
        statement=Phrase(
            "Coaches complain of 'green-box tyranny': show compliance in neutral words, never as "
            "a judgement of the athlete."
        ),
        source="Coach forums on TrainingPeaks compliance colours (secondary).",
        strength=Strength.SECONDARY,
    ),
    Evidence(
        id="coaching.missed_sessions.no_stacking",
        statement=Phrase(
            "Plan rule: a missed session is never made up by doubling up. A missed long run or "
            "quality session may move to a free, available day later in the same week when no "
            "hard run sits the day before or after, the week keeps a rest day and the move "
            "keeps every hard limit; otherwise it is let go. Missed easy runs are let go."
        ),
        source=(
            "Coaching convention; Green 2022 (never raise volume and intensity together, "
            "Green 2022)"
        ),
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
)
