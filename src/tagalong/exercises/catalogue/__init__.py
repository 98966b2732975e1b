"""The exercise data, one module per category."""

from __future__ import annotations

from tagalong.exercises.catalogue import calf, drills, hips, mobility, rolling
from tagalong.exercises.model import Exercise

ALL: tuple[Exercise, ...] = (
    *calf.EXERCISES,
    *hips.EXERCISES,
    *mobility.EXERCISES,
    *rolling.EXERCISES,
    *drills.EXERCISES,
)
