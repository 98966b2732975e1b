"""``tagalong calf-check --json CASE.json``: read a case, print the ranked findings as JSON."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TextIO

from tagalong.calfcheck.engine import check_calves
from tagalong.calfcheck.merge import RunSummary, merge_activity_summaries
from tagalong.calfcheck.parse import CaseError, case_from_json
from tagalong.calfcheck.serialise import result_to_json

EXIT_OK = 0
EXIT_INVALID_INPUT = 2

Decoder = Callable[[list[str]], list[RunSummary]]


def calf_check_main(
    path: str,
    *,
    out: TextIO,
    decode_files: Decoder | None,
    err: TextIO | None = None,
    today: date | None = None,
) -> int:
    """Exit 0 with the result on ``out``; exit 2 with a field-specific message on ``err``.

    ``today`` defaults to the system date: the command line is the one edge allowed to read it.
    ``activity_files`` paths are resolved by ``decode_files`` as given (relative to the working
    directory); its ValueErrors (the decoder's file errors) are reported as invalid input.
    """
    errors = err if err is not None else sys.stderr
    try:
        case = case_from_json(_load_json(path))
        if case.activity_files:
            if decode_files is None:
                errors.write(f"{path}: activity_files ignored: no decoder available\n")
            else:
                case = merge_activity_summaries(case, decode_files(list(case.activity_files)))
    except (CaseError, OSError, ValueError) as exc:
        errors.write(f"{path}: {exc}\n")
        return EXIT_INVALID_INPUT
    result = check_calves(case, today=today or date.today())
    json.dump(result_to_json(result), out, indent=2, ensure_ascii=False)
    out.write("\n")
    return EXIT_OK


def _load_json(path: str) -> object:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise CaseError("file", f"cannot read: {exc.strerror or exc}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CaseError(
            "file", f"not valid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from None
