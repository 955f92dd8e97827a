"""Writing records: JSON lines to stdout, or to a file that appears only when complete."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import IO


def dumps(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False)


def write_lines(handle: IO[str], records: list[dict]) -> None:
    """One document's records, in one write, flushed: a killed run cuts at most one line."""
    if records:
        handle.write("".join(dumps(r) + "\n" for r in records))
        handle.flush()


class AtomicFile:
    """Writes `path` via `path.partial`: the final name holds the previous file (or nothing)
    until `commit`, so an interrupted run never leaves a truncated output. The partial file
    keeps whole documents only and is what `--resume` continues from."""

    def __init__(self, path: str | Path, resume: bool = False):
        self.path = Path(path)
        self.partial = self.path.with_name(self.path.name + ".partial")
        self.done_ids: set[str] = set()
        kept = self._resumable_lines() if resume else []
        self.handle: IO[str] = self.partial.open("w", encoding="utf-8")
        for line in kept:
            self.handle.write(line)
        self.handle.flush()

    def _resumable_lines(self) -> list[str]:
        """Complete lines of earlier output, without the last document's (it may be cut short)."""
        source = self.partial if self.partial.exists() else self.path if self.path.exists() else None
        if source is None:
            return []
        lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
        if lines and not lines[-1].endswith("\n"):
            lines.pop()
        docs = []
        for line in lines:
            try:
                docs.append(json.loads(line).get("doc"))
            except (json.JSONDecodeError, AttributeError):
                raise SystemExit(f"claimx: {source}: cannot resume, not claimx JSON lines") from None
        if source == self.partial and docs:
            last = docs[-1]
            while docs and docs[-1] == last:
                docs.pop()
                lines.pop()
        self.done_ids = set(docs)
        return lines

    def write_document(self, records: list[dict]) -> None:
        write_lines(self.handle, records)

    def commit(self) -> None:
        self.handle.close()
        os.replace(self.partial, self.path)

    def abandon(self) -> None:
        """Keep the partial file for --resume; the final name is untouched."""
        self.handle.close()


class StdoutWriter:
    done_ids: frozenset[str] = frozenset()

    def write_document(self, records: list[dict]) -> None:
        write_lines(sys.stdout, records)

    def commit(self) -> None:
        sys.stdout.flush()

    def abandon(self) -> None:
        pass
