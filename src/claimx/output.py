"""Writing records: JSON lines to stdout, or to a file (JSON lines or Parquet) that appears
only when complete."""

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


class CannotResume(Exception):
    """The file --resume would continue is not claimx JSON lines."""


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
                raise CannotResume(f"{source} is not claimx JSON lines") from None
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

    def discard(self) -> None:
        """Nothing worth keeping was written: the final name and no partial file are left."""
        self.handle.close()
        self.partial.unlink(missing_ok=True)


class StdoutWriter:
    done_ids: frozenset[str] = frozenset()

    def write_document(self, records: list[dict]) -> None:
        write_lines(sys.stdout, records)

    def commit(self) -> None:
        sys.stdout.flush()

    def abandon(self) -> None:
        pass

    discard = abandon


class ParquetFile:
    """`--format parquet -o FILE` (needs pyarrow, from `claimx[ray]`): one row per record with
    doc, id, kind, start, end, text, and the whole record as JSON; written to FILE.partial and
    renamed when complete, as AtomicFile does."""

    ROWS_PER_GROUP = 10_000
    done_ids: frozenset[str] = frozenset()

    def __init__(self, path: str | Path):
        import pyarrow as pa

        self.path = Path(path)
        self.partial = self.path.with_name(self.path.name + ".partial")
        self.schema = pa.schema([("doc", pa.string()), ("id", pa.string()), ("kind", pa.string()),
                                 ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string()),
                                 ("record", pa.string())])
        self.rows: list[dict] = []
        self.writer = None

    def write_document(self, records: list[dict]) -> None:
        self.rows += [{"doc": r["doc"], "id": r["id"], "kind": r["kind"], "start": r["start"], "end": r["end"],
                       "text": r["text"], "record": dumps(r)} for r in records]
        if len(self.rows) >= self.ROWS_PER_GROUP:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self.writer is None:
            self.writer = pq.ParquetWriter(self.partial, self.schema)
        self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
        self.rows = []

    def commit(self) -> None:
        self._flush()
        self.writer.close()
        os.replace(self.partial, self.path)

    def abandon(self) -> None:
        """A Parquet file without its footer cannot be resumed: remove it."""
        if self.writer is not None:
            self.writer.close()
        self.partial.unlink(missing_ok=True)

    discard = abandon
