"""A bare number through `in_units` is written in the reader's format."""

from django.utils import translation

from tagalong.activities.templatetags.activity_format import in_units


def test_numbers_take_the_reader_decimal_separator():
    with translation.override("de"):
        assert in_units(14.0) == "14,0"
        assert in_units("keep the next long run within 10 % of 14.5 km") == (
            "keep the next long run within 10 % of 14.5 km"
        )
    with translation.override("en-gb"):
        assert in_units(14.0) == "14.0"
        assert in_units(None) == ""
