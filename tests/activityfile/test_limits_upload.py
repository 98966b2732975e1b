"""Upload limits: defaults, and reading them from TAGALONG_UPLOAD_* settings."""

from __future__ import annotations

import dataclasses

import pytest

from tagalong.activityfile.limits import GiB, MiB, UploadLimits, UploadLimitsError, parse_size


def test_defaults_fit_a_bulk_export_and_refuse_nested_archives() -> None:
    limits = UploadLimits()
    assert limits.max_upload_bytes == 512 * MiB
    assert limits.max_file_bytes == 64 * MiB
    assert limits.max_entries == 20_000
    assert limits.max_total_uncompressed_bytes == 4 * GiB
    assert limits.max_compression_ratio == 200.0
    assert limits.allow_nested_archives is False


def test_limits_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        UploadLimits().max_entries = 5  # type: ignore[misc]


def test_empty_environment_gives_the_defaults() -> None:
    assert UploadLimits.from_mapping({}) == UploadLimits()


def test_every_variable_is_read_with_units() -> None:
    env = {
        "TAGALONG_UPLOAD_MAX_BYTES": "1GiB",
        "TAGALONG_UPLOAD_MAX_FILE_BYTES": "32 MB",
        "TAGALONG_UPLOAD_MAX_ENTRIES": "500",
        "TAGALONG_UPLOAD_MAX_TOTAL_BYTES": "2147483648",
        "TAGALONG_UPLOAD_MAX_COMPRESSION_RATIO": "100:1",
        "TAGALONG_UPLOAD_ALLOW_NESTED_ARCHIVES": "yes",
    }
    assert UploadLimits.from_mapping(env) == UploadLimits(
        max_upload_bytes=GiB,
        max_file_bytes=32_000_000,
        max_entries=500,
        max_total_uncompressed_bytes=2 * GiB,
        max_compression_ratio=100.0,
        allow_nested_archives=True,
    )


def test_blank_variable_keeps_the_default() -> None:
    env = {"TAGALONG_UPLOAD_MAX_ENTRIES": "  ", "TAGALONG_UPLOAD_ALLOW_NESTED_ARCHIVES": ""}
    assert UploadLimits.from_mapping(env) == UploadLimits()


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("TAGALONG_UPLOAD_MAX_BYTES", "lots"),
        ("TAGALONG_UPLOAD_MAX_BYTES", "12 parsecs"),
        ("TAGALONG_UPLOAD_MAX_FILE_BYTES", "0"),
        ("TAGALONG_UPLOAD_MAX_ENTRIES", "-3"),
        ("TAGALONG_UPLOAD_MAX_ENTRIES", "1.5"),
        ("TAGALONG_UPLOAD_MAX_COMPRESSION_RATIO", "0.5"),
        ("TAGALONG_UPLOAD_MAX_COMPRESSION_RATIO", "nan"),
        ("TAGALONG_UPLOAD_ALLOW_NESTED_ARCHIVES", "maybe"),
    ],
)
def test_bad_value_names_the_variable_and_the_value(name: str, value: str) -> None:
    with pytest.raises(UploadLimitsError) as caught:
        UploadLimits.from_mapping({name: value})
    assert name in str(caught.value)
    assert repr(value.strip()) in str(caught.value)


def test_limits_error_is_a_value_error_for_settings_code() -> None:
    assert issubclass(UploadLimitsError, ValueError)


def test_non_positive_limit_is_refused_when_built_directly() -> None:
    with pytest.raises(UploadLimitsError, match="max_entries"):
        UploadLimits(max_entries=0)
    with pytest.raises(UploadLimitsError, match="max_compression_ratio"):
        UploadLimits(max_compression_ratio=float("nan"))


def test_sizes_use_decimal_and_binary_units() -> None:
    assert parse_size("1KB") == 1000
    assert parse_size("1 KiB") == 1024
    assert parse_size("1.5GiB") == 3 * GiB // 2
    assert parse_size("42") == 42
