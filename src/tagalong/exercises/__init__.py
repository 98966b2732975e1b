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
    LADDER_LEVELS,
    Category,
    Dosage,
    Equipment,
    Exercise,
    InvalidExercise,
)

__all__ = [
    "CATEGORIES",
    "EQUIPMENT",
    "LADDER_LEVELS",
    "LIBRARY",
    "Category",
    "Dosage",
    "Equipment",
    "Exercise",
    "InvalidExercise",
    "by_category",
    "check_links",
    "for_ladder_level",
    "get",
    "ladder_chain",
    "search",
]
