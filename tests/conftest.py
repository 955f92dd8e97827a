"""One claimx pipeline for the whole session; helpers to run it on a sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimx
from claimx.sources import Document
from claimx.spine import extract_records

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    return claimx.load()


@pytest.fixture(scope="session")
def extract(nlp):
    def run(text: str, kind: str | None = None) -> list[dict]:
        records = next(extract_records(nlp, [Document("t", text)]))[1]
        return [r for r in records if kind is None or r["kind"] == kind]

    return run


def spans_hold(record: dict, text: str) -> bool:
    """Every span in the record satisfies text == document[start:end]."""
    stack = [record]
    while stack:
        x = stack.pop()
        if isinstance(x, dict):
            if isinstance(x.get("start"), int) and isinstance(x.get("text"), str) and (
                    text[x["start"] : x["end"]] != x["text"]):
                return False
            stack.extend(v for v in x.values() if isinstance(v, (dict, list)))
        elif isinstance(x, list):
            stack.extend(x)
    return True

