from __future__ import annotations

import pytest

from tagalong.errors import DomainError
from tagalong.messaging.files import check_file
from tests.messaging.conftest import PDF, PNG


def test_png_and_pdf_are_recognised_by_their_bytes() -> None:
    assert check_file("calf.png", PNG).content_type == "image/png"
    assert check_file("report.PDF", PDF).content_type == "application/pdf"
    assert check_file("photo.jpeg", b"\xff\xd8\xff\xe0" + b"\0" * 20).content_type == "image/jpeg"


def test_an_executable_named_png_is_refused_with_the_file_named() -> None:
    with pytest.raises(DomainError, match=r"virus\.png is not a photo .* or a PDF"):
        check_file("virus.png", b"MZ\x90\x00" + b"\0" * 40)


def test_a_pdf_named_as_an_image_is_refused_and_told_how_to_fix_it() -> None:
    with pytest.raises(DomainError, match=r"scan\.jpg holds a PDF file .* end in \.pdf"):
        check_file("scan.jpg", PDF)


def test_a_file_over_the_limit_is_refused_with_its_size() -> None:
    with pytest.raises(DomainError, match=r"big\.png is 2\.0 MB; files can be up to 1 MB"):
        check_file("big.png", PNG + b"\0" * (2 * 1024 * 1024 - len(PNG)), max_bytes=1024 * 1024)


def test_an_empty_file_is_refused() -> None:
    with pytest.raises(DomainError, match=r"empty\.pdf is empty"):
        check_file("empty.pdf", b"")


def test_a_riff_file_that_is_not_webp_is_refused() -> None:
    with pytest.raises(DomainError, match="is not a photo"):
        check_file("sound.webp", b"RIFF\x00\x00\x00\x00WAVEfmt ")


def test_a_path_in_the_name_is_dropped() -> None:
    assert check_file("../../etc/calf.png", PNG).name == "calf.png"
