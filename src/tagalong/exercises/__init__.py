"""The exercise library: calf ladder, hip and hamstring work, mobility, rolling and drills."""

from tagalong.exercises.library import (
    LIBRARY,
    by_category,
    check_links,
    for_ladder_level,
    get,
    ladder_chain,
    search,
)
from tagalong.exercises.model import (
    CATEGORIES,
    EQUIPMENT,
    EQUIPMENT_WORDS,
    LADDER_LEVELS,
    Category,
    Dosage,
    Equipment,
    Exercise,
    InvalidExercise,
    equipment_words,
)

__all__ = [
    "CATEGORIES",
    "EQUIPMENT",
    "EQUIPMENT_WORDS",
    "LADDER_LEVELS",
    "LIBRARY",
    "Category",
    "Dosage",
    "Equipment",
    "Exercise",
    "InvalidExercise",
    "by_category",
    "check_links",
    "equipment_words",
    "for_ladder_level",
    "get",
    "ladder_chain",
    "search",
]
