"""One extraction run: inputs -> spine -> writer, with problems reported as they happen and
a summary at the end. The CLI is a thin layer over `run_extract`."""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimx.kinds import REGISTRY
from claimx.records import KINDS
from claimx.sources import IDLE, Document, Idle, Problem

if TYPE_CHECKING:  # spaCy takes seconds to import: compare and review on saved records never need it
    from spacy.language import Language

PLURAL = {**{name: kind.plural for name, kind in REGISTRY.items()},
          "document": "documents", "warning": "warnings", "group": "groups", "record": "records", "mark": "marks"}


def counted(n: int, noun: str) -> str:
    """ "1 document", "2 documents"."""
    return f"{n} {noun if n == 1 else PLURAL[noun]}"


def empty_document(where: str) -> Problem:
    return Problem(where, "empty document: no text to extract", fatal=False)


def extraction_failed(where: str, errors: list[str]) -> Problem:
    return Problem(where, f"extraction failed ({'; '.join(errors)}); no records written")


class FailFast(Exception):
    """Raised on the first failed input when the run was asked to stop there."""


def to_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass
class Summary:
    """What a run did, whatever the engine: counts, problems, the one-line summary."""

    documents: int = 0
    records: Counter = field(default_factory=Counter)
    failed: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    skipped: int = 0  # already in the output (--resume)
    seconds: float = 0.0
    report: Callable[[str], None] = to_stderr
    fail_fast: bool = False
    write: Callable[[list[dict]], None] = lambda records: None
    progress: Callable[[], None] | None = None

    def note(self, problem: Problem) -> None:
        (self.failed if problem.fatal else self.warnings).append(problem)
        self.report(f"claimx: {'error' if problem.fatal else 'warning'}: {problem}")
        if problem.fatal and self.fail_fast:
            raise FailFast(str(problem))

    def finished(self, records: list[dict] | None) -> None:
        """A document is done: its records written and counted (None: it failed, as reported)."""
        if records is not None:
            self.write(records)
            self.documents += 1
            self.records.update(r["kind"] for r in records)
        if self.progress:
            self.progress()

    def line(self) -> str:
        parts = [counted(self.documents, "document"), ", ".join(counted(self.records[k], k) for k in KINDS)]
        if self.skipped:
            parts.append(f"{self.skipped} already done")
        if self.warnings:
            parts.append(counted(len(self.warnings), "warning"))
        parts.append(f"{len(self.failed)} failed")
        return f"claimx: {'; '.join(parts)} ({self.seconds:.1f}s)"


def run_extract(
    nlp: Language,
    inputs: Iterable[Document | Problem | Idle],
    write: Callable[[list[dict]], None],
    kinds: Iterable[str] = KINDS,
    n_process: int = 1,
    done_ids: set[str] | frozenset = frozenset(),
    fail_fast: bool = False,
    report: Callable[[str], None] = to_stderr,
    progress: Callable[[], None] | None = None,
    date_field: str = "date",
) -> Summary:
    summary = Summary(report=report, fail_fast=fail_fast, write=write, progress=progress)
    started = time.perf_counter()

    def documents() -> Iterator[Document | Idle]:
        for item in inputs:
            if item is IDLE or (isinstance(item, Document) and item.id not in done_ids):
                if item is not IDLE:
                    if item.warning is not None:
                        summary.note(item.warning)
                    if not item.text.strip():
                        summary.note(empty_document(item.where or item.id))
                yield item
                continue
            if isinstance(item, Problem):
                summary.note(item)
            else:
                summary.skipped += 1  # already in the output (--resume)
            summary.finished(None)

    from claimx.spine import extract_records

    for doc, records, errors in extract_records(nlp, documents(), kinds, n_process=n_process, date_field=date_field):
        if errors:
            summary.note(extraction_failed(doc.where or doc.id, errors))
        summary.finished(None if errors else records)
    summary.seconds = time.perf_counter() - started
    return summary
