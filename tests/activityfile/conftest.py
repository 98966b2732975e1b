from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


def corpus_file(relative: str) -> Path:
    return (CORPUS / relative).resolve()


@pytest.fixture
def corpus() -> Path:
    return CORPUS.resolve()
