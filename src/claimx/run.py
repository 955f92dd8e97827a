"""One extraction run: inputs -> spine -> writer, with problems reported as they happen and
a summary at the end. The CLI is a thin layer over `run_extract`."""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language

from claimx.records import KINDS
from claimx.sources import Document, Problem
from claimx.spine import extract_records

PLURAL = {"claim": "claims", "casualty": "casualties", "strike": "strikes"}


def empty_document(where: str) -> Problem:
    return Problem(where, "empty document: no text to extract", fatal=False)


def extraction_failed(where: str, errors: list[str]) -> Problem:
    return Problem(where, f"extraction failed ({'; '.join(errors)}); no records written")


class FailFast(Exception):
    """Raised on the first failed input when the run was asked to stop there."""


@dataclass
class Summary:
    documents: int = 0
    records: Counter = field(default_factory=Counter)
    failed: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    skipped: int = 0  # already in the output (--resume)
    seconds: float = 0.0

    def line(self) -> str:
        kinds = ", ".join(f"{self.records[k]} {PLURAL[k]}" for k in KINDS)
        parts = [f"{self.documents} documents", kinds]
        if self.skipped:
            parts.append(f"{self.skipped} already done")
        if self.warnings:
            parts.append(f"{len(self.warnings)} warnings")
        parts.append(f"{len(self.failed)} failed")
        return f"claimx: {'; '.join(parts)} ({self.seconds:.1f}s)"


def run_extract(
    nlp: Language,
    inputs: Iterable[Document | Problem],
    write: Callable[[list[dict]], None],
    kinds: Iterable[str] = KINDS,
    n_process: int = 1,
    done_ids: set[str] | frozenset = frozenset(),
    fail_fast: bool = False,
    report: Callable[[str], None] = lambda msg: print(msg, file=sys.stderr),
    progress: Callable[[], None] | None = None,
    date_field: str = "date",
) -> Summary:
    summary = Summary()
    started = time.perf_counter()

    def note(problem: Problem) -> None:
        (summary.failed if problem.fatal else summary.warnings).append(problem)
        report(f"claimx: {'error' if problem.fatal else 'warning'}: {problem}")
        if problem.fatal and fail_fast:
            raise FailFast(str(problem))

    def documents() -> Iterator[Document]:
        for item in inputs:
            if isinstance(item, Document) and item.id not in done_ids:
                if item.warning is not None:
                    note(item.warning)
                if not item.text.strip():
                    note(empty_document(item.where or item.id))
                yield item
                continue
            if isinstance(item, Problem):
                note(item)
            else:
                summary.skipped += 1  # already in the output (--resume)
            if progress:
                progress()

    for doc, records, errors in extract_records(nlp, documents(), kinds, n_process=n_process, date_field=date_field):
        if errors:
            note(extraction_failed(doc.where or doc.id, errors))
            continue
        write(records)
        summary.documents += 1
        summary.records.update(r["kind"] for r in records)
        if progress:
            progress()
    summary.seconds = time.perf_counter() - started
    return summary
