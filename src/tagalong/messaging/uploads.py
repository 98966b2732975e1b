"""Uploaded files from a request, checked before anything is written."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext

from tagalong.errors import DomainError
from tagalong.messaging.files import MAX_BYTES, MAX_FILES_PER_MESSAGE, CheckedFile, check_file


def checked_uploads(files: Iterable[UploadedFile | None]) -> list[CheckedFile]:
    """Read and check each upload; reading stops past the size limit so a huge file never
    sits in memory whole."""
    present = [f for f in files if f is not None]
    if len(present) > MAX_FILES_PER_MESSAGE:
        raise DomainError(
            gettext("Attach at most %(max_files_per_message)s files to one message.")
            % {"max_files_per_message": MAX_FILES_PER_MESSAGE},
            field="files",
        )
    checked = []
    for upload in present:
        name = upload.name or "file"
        if upload.size is not None and upload.size > MAX_BYTES:
            check_file(name, b"x" * (MAX_BYTES + 1))  # raises the size error, named
        checked.append(check_file(name, upload.read(MAX_BYTES + 1)))
    return checked
