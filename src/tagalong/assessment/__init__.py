"""Scoring of the home tests: left/right raw values against norms and expert targets.

Pure core: no Django, no clock. Every threshold cites an evidence id from ``tagalong.evidence``.
"""

from tagalong.assessment.bridge import single_leg_bridge_test
from tagalong.assessment.errors import AssessmentError
from tagalong.assessment.hop import hop_test
from tagalong.assessment.hret import heel_raise_norm, heel_raise_test
from tagalong.assessment.knee_to_wall import knee_to_wall_test
from tagalong.assessment.model import (
    BilateralTest,
    Reference,
    RetestComparison,
    Sex,
    Side,
    SideChange,
    SquatRating,
    Symmetry,
    TestName,
    TestScore,
)
from tagalong.assessment.plank import side_plank_norm, side_plank_test
from tagalong.assessment.retest import compare_retest
from tagalong.assessment.soleus import seated_soleus_test, times_body_weight
from tagalong.assessment.squat import single_leg_squat_test
from tagalong.assessment.symmetry import limb_symmetry_index, symmetry

__all__ = [
    "AssessmentError",
    "BilateralTest",
    "Reference",
    "RetestComparison",
    "Sex",
    "Side",
    "SideChange",
    "SquatRating",
    "Symmetry",
    "TestName",
    "TestScore",
    "compare_retest",
    "heel_raise_norm",
    "heel_raise_test",
    "hop_test",
    "knee_to_wall_test",
    "limb_symmetry_index",
    "seated_soleus_test",
    "side_plank_norm",
    "side_plank_test",
    "single_leg_bridge_test",
    "single_leg_squat_test",
    "symmetry",
    "times_body_weight",
]
