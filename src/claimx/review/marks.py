"""A fact-checker's marks on group members, kept as JSON lines beside the input.

One line per mark: {"doc", "id", "mark": "trusted" | "doubtful" | "wrong", "note", "time"}.
The file is a log: later lines win for the same (doc, id), so earlier decisions stay on
record. It is rewritten whole (temporary file + rename) on every change, so an interrupted
save leaves the previous file intact. Pure: no Textual, no spaCy.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

MARKS = ("trusted", "doubtful", "wrong")
DEFAULT_NAME = "review.jsonl"


class MarksError(ValueError):
    """A marks file that cannot be read: names the file and line."""


@dataclass(frozen=True)
class Mark:
    doc: str
    id: str
    mark: str
    note: str = ""
    time: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return self.doc, self.id


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def read_marks(path: Path) -> list[Mark]:
    """Every line of a marks file, in order; a missing file has none."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    except OSError as e:
        raise MarksError(f"{path}: cannot read: {e.strerror or e}") from None
    marks = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise MarksError(f"{path}:{n}: not JSON: {e.msg}") from None
        if not isinstance(obj, dict) or not all(isinstance(obj.get(k), str) for k in ("doc", "id", "mark")):
            raise MarksError(f"{path}:{n}: expected an object with string doc, id and mark")
        if obj["mark"] not in MARKS:
            raise MarksError(f"{path}:{n}: mark '{obj['mark']}' is not one of {', '.join(MARKS)}")
        marks.append(Mark(obj["doc"], obj["id"], obj["mark"], str(obj.get("note") or ""), str(obj.get("time") or "")))
    return marks


def latest(marks: Iterable[Mark]) -> dict[tuple[str, str], Mark]:
    """The mark in force for each member: the last one written."""
    return {m.key: m for m in marks}


def write_marks(path: Path, marks: Iterable[Mark]) -> None:
    """The whole log, written to a temporary file in the same folder and renamed over `path`."""
    path = Path(path)
    body = "".join(json.dumps(asdict(m), ensure_ascii=False) + "\n" for m in marks)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(body)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class MarkBook:
    """The marks of one review session: read at start, saved after every change."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.log = read_marks(self.path)
        self.current = latest(self.log)

    def get(self, doc: str, rid: str) -> Mark | None:
        return self.current.get((doc, rid))

    def set(self, keys: Iterable[tuple[str, str]], mark: str, note: str = "") -> list[Mark]:
        """Mark each (doc, id) and save; returns the new lines."""
        if mark not in MARKS:
            raise ValueError(f"unknown mark {mark!r}")
        stamp = now()
        added = [Mark(doc, rid, mark, note, stamp) for doc, rid in keys]
        write_marks(self.path, [*self.log, *added])
        self.log.extend(added)
        self.current.update((m.key, m) for m in added)
        return added


def drop_marked_wrong(records: Iterable[dict], marks: Iterable[Mark]) -> list[dict]:
    """Records without those whose mark in force is "wrong" (for `compare --marks`)."""
    wrong = {key for key, m in latest(marks).items() if m.mark == "wrong"}
    return [r for r in records if (r.get("doc"), r.get("id")) not in wrong]
