"""One claimx pipeline for the whole session; helpers to run it on a sentence."""

from __future__ import annotations

import re
import signal
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



def sigint_disposition() -> tuple:
    """Python's SIGINT handler and whether the process ignores or blocks SIGINT (a C library can
    set these without Python knowing); every child process inherits the last two."""
    status = Path("/proc/self/status")
    masks = re.findall(r"^(?:SigBlk|SigIgn):\s*([0-9a-f]+)", status.read_text(), re.M) if status.exists() else []
    return (signal.getsignal(signal.SIGINT), *(int(m, 16) >> (signal.SIGINT - 1) & 1 for m in masks))


@pytest.fixture(autouse=True)
def sigint_left_as_found(request):
    """A test that changes how this process takes Ctrl-C fails here, by name: the interrupt tests'
    children would inherit it."""
    before = sigint_disposition()
    yield
    after = sigint_disposition()
    assert after == before, f"{request.node.nodeid} changed SIGINT's disposition: {before} -> {after}"
