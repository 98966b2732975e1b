"""Evidence entries: shoes (see shared/science.md section 5)."""

from tagalong.evidence.model import Evidence, Strength
from tagalong.wording import Phrase

ENTRIES: tuple[Evidence, ...] = (
    Evidence(
        id="shoes.replace_km.expert_target",
        statement=Phrase(
            "Replace shoes at 300–500 mi (480–800 km): nudge at 500 km, strongly at 800 km. "
            "Evidence is weak (midsole compression in machines, no prospective injury data): "
            "check comfort and wear."
        ),
        source="Machine and simulation studies of EVA midsoles (secondary sources)",
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
    Evidence(
        id="shoes.rotation.malisoux_2015",
        statement=Phrase(
            "Running in more than one pair in parallel: HR 0.614 (95% CI 0.389–0.969), "
            "39% lower injury risk over 22 weeks."
        ),
        source="Malisoux L et al. 2015, SJMSS 25:110–115 (n = 264)",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="shoes.phase_in.expert_target",
        statement=Phrase("Phase in any large drop or stack change over 2–4 weeks."),
        source="Practice convention",
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
)
