"""Evidence entries: the coach's attention queue (thresholds of tagalong.triage)."""

from tagalong.evidence.model import Evidence, Strength
from tagalong.wording import Phrase

ENTRIES: tuple[Evidence, ...] = (
    Evidence(
        id="attention.pain_rising",
        statement=Phrase(
            "Calf pain is rising when the last check-in is 2 points or more above the one "
            "before, when it rose on each of the last two check-ins, or when it breaks the "
            "pain-monitoring limits: above 5/10 while running, or above 3/10 the next morning."
        ),
        source=(
            "Limits from Silbernagel 2007; 2 points is "
            "about the smallest change on a 0-10 pain scale that patients notice (practice "
            "convention)."
        ),
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
    Evidence(
        id="attention.calf_check_worse",
        statement=Phrase(
            "A new calf check is worse than the last when any cause moves up a verdict "
            "(unlikely to possible, possible to likely)."
        ),
        source="Tagalong practice rule on the calf check's own verdicts.",
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
    Evidence(
        id="attention.acwr_band",
        statement=Phrase(
            "Acute:chronic load outside 0.8-1.3 is shown for information, and only once 28 days "
            "of training exist: before that there is no chronic load to compare with. The ratio "
            "predicts little for one runner (Impellizzeri 2020)."
        ),
        source=(
            "Gabbett 2016, BJSM 50:273-280 (0.8-1.3 sweet spot); critique Impellizzeri et al. "
            "2020, IJSPP 15:907-913"
        ),
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="attention.compliance_falling",
        statement=Phrase(
            "Completed vs planned running time over the last 7 and 28 days, in TrainingPeaks' "
            "bands: within ±20 % done, 50-79 % or 121-150 % partly, otherwise missed. A signal "
            "when the last 7 days are not done. Days marked ill, travel or holiday do not count."
        ),
        source=("TrainingPeaks compliance; windows by convention"),
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
    Evidence(
        id="attention.missed_key_session",
        statement=Phrase(
            "A long run or quality session (tempo, intervals, hills) of the last 7 days with no "
            "run recorded that day. It is let go or moved, never doubled up."
        ),
        source="Coaching convention: a missed session is never stacked",
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
    Evidence(
        id="attention.no_data",
        statement=Phrase(
            "No run, check-in or test for 7 days (the coach can set another number per "
            "athlete): the coach cannot judge the load without data."
        ),
        source="Tagalong practice default.",
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
    Evidence(
        id="attention.cadence_drop",
        statement=Phrase(
            "Easy-pace cadence of the last 2 weeks (median, at least 3 runs) 3 % or more below "
            "the 6 weeks before. A 5 % higher cadence lowers the load on the joints "
            "(Heiderscheit 2011), so a drop is worth a look; it is not a fault in itself."
        ),
        source="Heiderscheit et al. 2011, MSSE 43:296-302 (cadence.plus_5pct.heiderscheit_2011)",
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
    Evidence(
        id="attention.retest_overdue",
        statement=Phrase(
            "Home tests are due 4 weeks after the last (the retest interval of the reminders); "
            "the plan steps forward on a better retest."
        ),
        source="Tagalong practice interval (4 weeks unless the practice sets another)",
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
    Evidence(
        id="attention.plan_ending",
        statement=Phrase(
            "No active plan, or the active plan ends within 7 days: time to plan what next."
        ),
        source="Tagalong practice rule.",
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
    Evidence(
        id="attention.open_proposals",
        statement=Phrase("A plan change proposed from new data waits for the coach's yes or no."),
        source="Tagalong plan adaptation, after Silbernagel 2007 pain monitoring.",
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
    Evidence(
        id="attention.import_failed",
        statement=Phrase(
            "An activity import failed and no later import worked: runs may be missing."
        ),
        source="Tagalong import pipeline.",
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
    Evidence(
        id="attention.sync_broken",
        statement=Phrase(
            "The runner's intervals.icu connection stopped working (key refused, or failing "
            "for a day): runs are not arriving and planned workouts are not reaching the watch."
        ),
        source="Tagalong intervals.icu sync, after the intervals.icu API documentation.",
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
    Evidence(
        id="attention.unanswered_messages",
        statement=Phrase("A message from the runner unanswered for 48 hours or more."),
        source="Tagalong practice rule.",
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
)
