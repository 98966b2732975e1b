"""Evidence entries: calf muscle pump, travel and red flags (see shared/science.md section 6)."""

from tagalong.evidence.model import Evidence, Strength
from tagalong.wording import Phrase

ENTRIES: tuple[Evidence, ...] = (
    Evidence(
        id="circulation.calf_pump.lattimer_2018",
        statement=Phrase(
            "Calf pump ejection fraction by air plethysmography: median 42.6% on tip-toe, "
            "59.7% on body-weight transfer."
        ),
        source="Lattimer CR et al. 2018, Phlebology 33:353–360",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="circulation.travel_risk.cdc",
        statement=Phrase(
            "Anyone travelling more than four hours by air, car, bus or train can be at risk of "
            "blood clots; walk around, exercise the calves and stretch while sitting."
        ),
        source="CDC, 'Blood Clots and Travel: What You Need to Know'",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="circulation.travel_prompt.expert_target",
        statement=Phrase(
            "Trips over 4 h: seated heel raises or ankle pumps every 60 min (about 20 reps) and "
            "a walk every 1–2 h."
        ),
        source="Society for Vascular Surgery (every 2–4 h for at-risk travellers); physicians",
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
    Evidence(
        id="circulation.red_flags.urgent_care",
        statement=Phrase(
            "One-sided calf swelling, pain or warmth, breathlessness or chest pain (more so after "
            "long travel or surgery) can mean a blood clot: stop and seek urgent care. The app "
            "is not medical advice."
        ),
        source="CDC blood clots and travel; Tagalong's evidence summary rule",
        strength=Strength.SECONDARY,
    ),
)
