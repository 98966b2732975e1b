"""Evidence entries: hip, glute and hamstring screening (see shared/science.md section 2)."""

from tagalong.evidence.model import Evidence, Strength
from tagalong.wording import Phrase

ENTRIES: tuple[Evidence, ...] = (
    Evidence(
        id="bridge.protocol.freckleton_2014",
        statement=Phrase(
            "Single-leg hamstring bridge: heel on a 60 cm box, knee about 20°, arms crossed, "
            "reps to failure; footballers who later hurt a hamstring scored lower on that side."
        ),
        source="Freckleton G, Cook J & Pizzari T 2014, BJSM 48:713–717",
        strength=Strength.VERIFIED,
    ),
    Evidence(
        id="bridge.bands.expert_target",
        statement=Phrase(
            "Single-leg bridge: < 20 reps poor, about 25 average, > 30 good; a score below 20 "
            "or a side difference above 10% adds posterior-chain work. Not a stand-alone "
            "predictor of calf injury."
        ),
        source="Practice bands (secondary sources)",
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
    Evidence(
        id="side_plank.norm.mcgill_1999",
        statement=Phrase(
            "Side-plank endurance by age 20–29 / 30–39 / 40–49 / 50–59: men 39, 34, 29, 25 s; "
            "women 47, 40, 33, 29 s (test–retest r > 0.97 for the McGill battery)."
        ),
        source="McGill SM et al. 1999, Arch Phys Med Rehabil 80:941–944; age norms secondary",
        strength=Strength.SECONDARY,
    ),
    Evidence(
        id="side_plank.target.expert_target",
        statement=Phrase("Side plank: practice target 60 s per side."),
        source="Practice convention (secondary sources)",
        strength=Strength.SECONDARY,
        expert_target=True,
    ),
    Evidence(
        id="sls.reliability.ressman_2019",
        statement=Phrase(
            "Single-leg squat visual rating has fair-to-moderate inter-rater reliability: use it "
            "to coach form, never to gate progression."
        ),
        source="Ressman J et al. 2019, BMJ Open Sport Exerc Med",
        strength=Strength.SECONDARY,
    ),
    Evidence(
        id="hips.calf_link.franettovich_smith_2014",
        statement=Phrase(
            "Runners with Achilles tendinopathy show delayed, shorter gluteus medius and maximus "
            "activation; the hypothesis (not proven) is that a smaller hip-extension moment is "
            "made up at the ankle."
        ),
        source="Franettovich Smith MM et al. 2014, MSSE 46:594–599",
        strength=Strength.VERIFIED,
    ),
)
