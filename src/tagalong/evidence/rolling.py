"""Evidence entries: foam rolling (see shared/science.md section 8)."""

from tagalong.evidence.model import Evidence, Strength
from tagalong.wording import Phrase

ENTRIES: tuple[Evidence, ...] = (
    Evidence(
        id="rolling.effects.wiewelhove_2019",
        statement=Phrase(
            "Foam rolling: small effects; after exercise pain perception 6.0% better (g = 0.47), "
            "before exercise flexibility +4.0% (g = 0.34)."
        ),
        source="Wiewelhove T et al. 2019, Front Physiol 10:376 (21 studies)",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="rolling.dose.review_2022",
        statement=Phrase("Rolling dose: 1–3 sets of 30–120 s per muscle."),
        source="Review, PMC8998857",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="rolling.no_dorsiflexion.konrad_2022",
        statement=Phrase(
            "Long-term rolling gave a moderate range-of-motion gain for hamstrings and quadriceps "
            "but no improvement in ankle dorsiflexion: for calf range, load or stretch instead."
        ),
        source="Konrad A et al. 2022, Sports Med 52:2523–2535",
        strength=Strength.VERIFIED,
    ),
)
