"""Hip, glute and hamstring exercises: the posterior chain that spares the calves."""

from __future__ import annotations

from tagalong.exercises.model import Dosage, Exercise
from tagalong.wording import Phrase

STRENGTH = "rehab.strength.acsm_2009"
BRIDGE_TEST = "bridge.protocol.freckleton_2014"
POSTNATAL = "rehab.return_to_run.postnatal_goom_2019"
HIP_LINK = "hips.calf_link.franettovich_smith_2014"
SIDE_PLANK = "side_plank.norm.mcgill_1999"

GLUTES = (Phrase("gluteus maximus"), Phrase("gluteus medius"))
BODY_WEIGHT = Phrase("body weight")


def _strength(reps: int = 12, load: Phrase | None = BODY_WEIGHT) -> Dosage:
    return Dosage(
        sets=3,
        reps=reps,
        hold_s=None,
        tempo=Phrase("controlled, 2 s down"),
        load=load,
        frequency=Phrase("2-3 sessions a week"),
    )


EXERCISES: tuple[Exercise, ...] = (
    Exercise(
        slug="glute-bridge",
        name=Phrase("Glute bridge"),
        category="hip_glute_hamstring",
        muscles=(*GLUTES, Phrase("hamstrings")),
        equipment=("none",),
        cues=(
            Phrase("Lie on your back, knees bent, feet flat."),
            Phrase("Squeeze your glutes and lift your hips into a straight line."),
            Phrase("Lower slowly."),
        ),
        common_mistakes=(Phrase("Arching the lower back instead of using the glutes."),),
        dosage=_strength(),
        progression="single-leg-bridge",
        citations=(STRENGTH, HIP_LINK),
        description=Phrase("The entry exercise for hip extension strength."),
    ),
    Exercise(
        slug="single-leg-bridge",
        name=Phrase("Single-leg bridge"),
        category="hip_glute_hamstring",
        muscles=(*GLUTES, Phrase("hamstrings")),
        equipment=("none",),
        cues=(
            Phrase("Lift one knee towards your chest and hold it there."),
            Phrase("Push through the other heel and lift your hips level."),
            Phrase("Keep the pelvis from dropping on the free side."),
        ),
        common_mistakes=(Phrase("Letting the pelvis tilt."), Phrase("Pushing through the toes.")),
        dosage=_strength(),
        regression="glute-bridge",
        progression="hamstring-bridge-on-box",
        citations=(STRENGTH, POSTNATAL, HIP_LINK),
        description=Phrase(
            "Twenty reps per side is a return-to-run strength threshold after childbirth."
        ),
    ),
    Exercise(
        slug="hamstring-bridge-on-box",
        name=Phrase("Single-leg hamstring bridge on a box"),
        category="hip_glute_hamstring",
        muscles=(Phrase("hamstrings"), Phrase("gluteus maximus")),
        equipment=("box",),
        cues=(
            Phrase("Put one heel on a box about 60 cm high, knee slightly bent."),
            Phrase("Cross your arms and lift the other leg."),
            Phrase("Push down through the heel to lift your hips."),
        ),
        common_mistakes=(Phrase("Bending the knee to make it easier."),),
        dosage=_strength(),
        regression="single-leg-bridge",
        citations=(STRENGTH, BRIDGE_TEST),
        description=Phrase(
            "The home test for hamstring endurance doubles as the training exercise: fewer "
            "than 20 reps is poor, more than 30 good."
        ),
    ),
    Exercise(
        slug="side-plank-from-knees",
        name=Phrase("Side plank from the knees"),
        category="hip_glute_hamstring",
        muscles=(Phrase("gluteus medius"), Phrase("obliques"), Phrase("quadratus lumborum")),
        equipment=("none",),
        cues=(
            Phrase("Lie on your side with knees bent."),
            Phrase("Lift your hips so knees, hips and head line up."),
        ),
        common_mistakes=(Phrase("Letting the hips sag."),),
        dosage=Dosage(
            sets=3,
            reps=None,
            hold_s=20,
            tempo=None,
            load=None,
            frequency=Phrase("2-3 sessions a week"),
        ),
        progression="side-plank",
        citations=(STRENGTH, SIDE_PLANK),
        description=Phrase("A shorter lever to build up to the full side plank."),
    ),
    Exercise(
        slug="side-plank",
        name=Phrase("Side plank"),
        category="hip_glute_hamstring",
        muscles=(Phrase("gluteus medius"), Phrase("obliques"), Phrase("quadratus lumborum")),
        equipment=("none",),
        cues=(
            Phrase("Prop yourself on one forearm, feet stacked."),
            Phrase("Lift your hips into a straight line and hold."),
        ),
        common_mistakes=(Phrase("Rolling forward."), Phrase("Letting the hips drop.")),
        dosage=Dosage(
            sets=3,
            reps=None,
            hold_s=30,
            tempo=None,
            load=None,
            frequency=Phrase("2-3 sessions a week; work towards 60 s"),
        ),
        regression="side-plank-from-knees",
        citations=(STRENGTH, SIDE_PLANK, "side_plank.target.expert_target"),
        description=Phrase("Holds the pelvis level; 60 s per side is a practice target."),
    ),
    Exercise(
        slug="clamshell",
        name=Phrase("Clamshell"),
        category="hip_glute_hamstring",
        muscles=(Phrase("gluteus medius"),),
        equipment=("none", "band"),
        cues=(
            Phrase("Lie on your side, hips and knees bent."),
            Phrase("Keep your feet together and lift the top knee."),
            Phrase("Do not let the pelvis roll back."),
        ),
        common_mistakes=(Phrase("Rolling the pelvis to fake the range."),),
        dosage=_strength(reps=15, load=Phrase("body weight, then a light band")),
        progression="side-lying-hip-abduction",
        citations=(STRENGTH, HIP_LINK),
        description=Phrase("Gentle gluteus medius work to start hip abduction strength."),
    ),
    Exercise(
        slug="side-lying-hip-abduction",
        name=Phrase("Side-lying hip abduction"),
        category="hip_glute_hamstring",
        muscles=(Phrase("gluteus medius"), Phrase("tensor fasciae latae")),
        equipment=("none",),
        cues=(
            Phrase("Lie on your side with the bottom knee bent."),
            Phrase("Lift the straight top leg slightly behind you."),
            Phrase("Lower slowly."),
        ),
        common_mistakes=(Phrase("Letting the leg drift forward."),),
        dosage=_strength(reps=15),
        regression="clamshell",
        progression="lateral-band-walk",
        citations=(STRENGTH, POSTNATAL, HIP_LINK),
        description=Phrase(
            "Twenty reps per side is a return-to-run strength threshold after childbirth."
        ),
    ),
    Exercise(
        slug="lateral-band-walk",
        name=Phrase("Lateral band walk"),
        category="hip_glute_hamstring",
        muscles=(Phrase("gluteus medius"),),
        equipment=("band",),
        cues=(
            Phrase("Loop a band above your knees or around your feet."),
            Phrase("Sit into a quarter squat and step sideways."),
            Phrase("Keep tension in the band all the time."),
        ),
        common_mistakes=(Phrase("Letting the feet snap together."),),
        dosage=Dosage(
            sets=3,
            reps=12,
            hold_s=None,
            tempo=None,
            load=Phrase("light to medium band"),
            frequency=Phrase("2-3 sessions a week"),
        ),
        regression="side-lying-hip-abduction",
        citations=(STRENGTH, HIP_LINK),
        description=Phrase("Standing hip abduction work; reps count steps each way."),
    ),
    Exercise(
        slug="hip-hike",
        name=Phrase("Hip hike"),
        category="hip_glute_hamstring",
        muscles=(Phrase("gluteus medius"),),
        equipment=("step",),
        cues=(
            Phrase("Stand on one leg on a step, the other foot hanging free."),
            Phrase("Drop the free hip, then lift it above level with the standing hip."),
            Phrase("Keep both knees straight."),
        ),
        common_mistakes=(Phrase("Bending the standing knee."),),
        dosage=_strength(reps=15),
        citations=(STRENGTH, HIP_LINK),
        description=Phrase("Trains the standing-leg hip to hold the pelvis level."),
    ),
    Exercise(
        slug="double-leg-romanian-deadlift",
        name=Phrase("Romanian deadlift, double leg"),
        category="hip_glute_hamstring",
        muscles=(Phrase("hamstrings"), Phrase("gluteus maximus")),
        equipment=("none", "weights"),
        cues=(
            Phrase("Soften your knees and hinge at the hips."),
            Phrase("Keep your back long as the weight slides down your thighs."),
            Phrase("Drive the hips forward to stand."),
        ),
        common_mistakes=(Phrase("Rounding the back."), Phrase("Squatting instead of hinging.")),
        dosage=_strength(reps=10, load=Phrase("light, then moderate")),
        progression="single-leg-romanian-deadlift",
        citations=(STRENGTH, HIP_LINK),
        description=Phrase("Learn the hip hinge before doing it on one leg."),
    ),
    Exercise(
        slug="single-leg-romanian-deadlift",
        name=Phrase("Single-leg Romanian deadlift"),
        category="hip_glute_hamstring",
        muscles=(Phrase("hamstrings"), Phrase("gluteus maximus"), Phrase("gluteus medius")),
        equipment=("none", "weights"),
        cues=(
            Phrase("Stand on one leg with the knee soft."),
            Phrase("Hinge forward as the free leg reaches back."),
            Phrase("Keep the hips square to the floor."),
        ),
        common_mistakes=(Phrase("Opening the hip to the side."),),
        dosage=_strength(reps=10, load=Phrase("body weight, then a dumbbell")),
        regression="double-leg-romanian-deadlift",
        citations=(STRENGTH, HIP_LINK),
        description=Phrase("Hamstring and glute strength with balance on one leg."),
    ),
    Exercise(
        slug="step-up",
        name=Phrase("Step-up"),
        category="hip_glute_hamstring",
        muscles=(Phrase("quadriceps"), Phrase("gluteus maximus")),
        equipment=("box", "step"),
        cues=(
            Phrase("Put your whole foot on the box."),
            Phrase("Push through that heel to stand tall."),
            Phrase("Step down slowly."),
        ),
        common_mistakes=(
            Phrase("Pushing off the back foot."),
            Phrase("Letting the knee fall inward."),
        ),
        dosage=_strength(reps=10),
        progression="single-leg-squat",
        citations=(STRENGTH, HIP_LINK),
        description=Phrase("Single-leg strength in a running-like position."),
    ),
    Exercise(
        slug="single-leg-sit-to-stand",
        name=Phrase("Single-leg sit-to-stand"),
        category="hip_glute_hamstring",
        muscles=(Phrase("quadriceps"), Phrase("gluteus maximus")),
        equipment=("none",),
        cues=(
            Phrase("Sit on a chair with one foot lifted."),
            Phrase("Stand up without using your hands."),
            Phrase("Sit back down slowly."),
        ),
        common_mistakes=(Phrase("Rocking to get up."),),
        dosage=_strength(),
        progression="single-leg-squat",
        citations=(STRENGTH, POSTNATAL),
        description=Phrase(
            "Twenty reps per side is a return-to-run strength threshold after childbirth."
        ),
    ),
    Exercise(
        slug="single-leg-squat",
        name=Phrase("Single-leg squat"),
        category="hip_glute_hamstring",
        muscles=(Phrase("quadriceps"), Phrase("gluteus maximus"), Phrase("gluteus medius")),
        equipment=("none",),
        cues=(
            Phrase("Stand on one leg and sit back a little."),
            Phrase("Keep the knee over the middle of the foot."),
            Phrase("Keep the pelvis level."),
        ),
        common_mistakes=(Phrase("Knee collapsing inward."), Phrase("Trunk leaning to the side.")),
        dosage=_strength(reps=8),
        regression="step-up",
        citations=(STRENGTH, "sls.reliability.ressman_2019"),
        description=Phrase(
            "Use it to coach form, not to gate progression: ratings vary between raters."
        ),
    ),
)
