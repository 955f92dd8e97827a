"""Reading inputs: folders, files, JSON-lines files and stdin, as a stream of documents and
per-input problems. Nothing is dropped silently: every input yields a Document or a Problem."""

from __future__ import annotations

import codecs
import fnmatch
import io
import json
import os
import select
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

DEFAULT_GLOBS = ("*.txt", "*.md")
JSONL_SUFFIXES = (".jsonl", ".ndjson")


@dataclass
class Document:
    id: str
    text: str
    where: str = ""  # file, or file:line, for messages
    meta: dict = field(default_factory=dict)  # JSON-lines fields passed through to the records
    warning: Problem | None = None  # read, but with a caveat worth telling


@dataclass
class Problem:
    """An input that could not be read (fatal=True) or was read with a caveat (a warning)."""

    where: str  # "path" or "path:line"
    message: str
    fatal: bool = True

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class Options:
    globs: tuple[str, ...] = DEFAULT_GLOBS
    id_field: str = "id"
    text_field: str = "text"
    stdin_format: str = "auto"  # or "jsonl", "text"
    date_field: str = "date"  # the JSON-lines field holding the article's date


def read_inputs(paths: list[str], opts: Options | None = None, stdin: Stdin | None = None
                ) -> Iterator[Document | Problem | Idle]:
    """Documents of every input in order, ids relative to `id_base(paths)`; IDLE whenever stdin
    has nothing ready, so that what was read so far can be processed."""
    opts = opts or Options()
    base = id_base(paths)
    seen: dict[str, str] = {}  # document id -> where it was first read
    for arg in paths:
        for item in _read_arg(arg, opts, base, stdin):
            if isinstance(item, Document):
                if item.id in seen:
                    yield Problem(item.where, f"duplicate document id '{item.id}' (first read at {seen[item.id]})")
                    continue
                seen[item.id] = item.where
            yield item


def id_base(paths: list[str]) -> str:
    """The deepest folder holding every input named on the command line (a folder argument
    counts as itself, a file as its folder). Document ids are paths relative to it, so they do
    not depend on how a path was typed, and same-named files in two folders stay apart."""
    folders = [os.path.abspath(p) if os.path.isdir(p) else os.path.dirname(os.path.abspath(p))
               for p in paths if p != "-" and os.path.exists(p)]
    return os.path.commonpath(folders) if folders else os.getcwd()


def document_id(path: str | Path, base: str) -> str:
    return Path(os.path.relpath(os.path.abspath(path), base)).as_posix()


def count_inputs(paths: list[str], opts: Options) -> int | None:
    """How many documents the inputs hold (for a progress total), or None when unknown (stdin).
    Lists folders and counts JSON-lines lines: cheap next to parsing them."""
    total = 0
    for arg in paths:
        path = Path(arg)
        if arg == "-":
            return None
        if path.is_dir():
            total += sum(1 for item in walk(path, opts.globs) if not isinstance(item, Problem))
        elif path.suffix.lower() in JSONL_SUFFIXES and path.is_file():
            with path.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        else:
            total += 1
    return total


def is_saved_record(line: bytes | str, schema: str = "claimx/1") -> bool:
    """A claimx/1 record (output of `extract`), or a line of another claimx `schema`
    (claimx-group/1), as opposed to an article or an input object."""
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False
    return isinstance(obj, dict) and obj.get("schema") == schema


def saved_records(lines: Iterable[bytes | str | Idle], where: str) -> Iterator[dict | Problem]:
    """The records of claimx/1 JSON lines (a file written by `extract`, or stdin)."""
    for n, line in enumerate((x for x in lines if x is not IDLE), 1):
        if not line.strip():
            continue
        try:
            yield json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            yield Problem(f"{where}:{n}", f"not JSON: {getattr(e, 'msg', e)}")


def saved_records_file(arg: str, schema: str = "claimx/1") -> Iterator[dict | Problem] | None:
    """The records of a .jsonl file written by `extract` (or the lines of another claimx
    `schema`), or None when it holds something else."""
    path = Path(arg)
    if path.suffix.lower() not in JSONL_SUFFIXES or not path.is_file():
        return None
    with path.open("rb") as handle:
        first = next((line for line in handle if line.strip()), b"")
    if not is_saved_record(first, schema):
        return None
    return _saved_records_of(path, arg)


def _saved_records_of(path: Path, where: str) -> Iterator[dict | Problem]:
    with path.open("rb") as handle:
        yield from saved_records(handle, where)


def _read_arg(arg: str, opts: Options, base: str, stdin: Stdin | None) -> Iterator[Document | Problem | Idle]:
    if arg == "-":
        yield from read_stdin(stdin or Stdin(), opts)
        return
    path = Path(arg)
    if path.is_symlink() and not path.exists():
        yield Problem(arg, "broken symbolic link")
    elif path.is_dir():
        yield from _read_folder(path, opts, base)
    elif not path.exists():
        yield Problem(arg, "no such file or folder")
    elif path.suffix.lower() in JSONL_SUFFIXES:
        yield from _read_jsonl_file(path, arg, opts, document_id(path, base))
    else:
        doc = _read_text_file(path, arg)
        if isinstance(doc, Document):
            doc.id = document_id(path, base)
        yield doc


def walk(folder: Path, globs: tuple[str, ...]) -> Iterator[tuple[str, Path] | Problem]:
    """Files under `folder` matching `globs`, sorted by relative path; loops and broken links
    are reported, not followed, and a folder with no such file too (a folder of .jsonl or .html
    files, say: silence would look like an article without extractions)."""
    seen_dirs = set()
    found = False

    def visit(d: Path, rel: str) -> Iterator[tuple[str, Path] | Problem]:
        nonlocal found
        try:
            key = os.stat(d).st_ino, os.stat(d).st_dev
        except OSError as e:
            yield Problem(str(d), f"cannot open folder: {e.strerror}")
            return
        if key in seen_dirs:
            yield Problem(str(d), "symbolic link loop; not followed", fatal=False)
            return
        seen_dirs.add(key)
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError as e:
            yield Problem(str(d), f"cannot list folder: {e.strerror}")
            return
        for e in entries:
            name = f"{rel}{e.name}"
            try:
                is_dir = e.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                yield from visit(Path(e.path), name + "/")
            elif any(fnmatch.fnmatch(e.name, g) for g in globs):
                if e.is_symlink() and not os.path.exists(e.path):
                    yield Problem(e.path, "broken symbolic link")
                else:
                    found = True
                    yield name, Path(e.path)

    yield from visit(folder, "")
    if not found:
        yield Problem(str(folder), f"no files matching {', '.join(globs)} (--glob for others)", fatal=False)


def _read_folder(folder: Path, opts: Options, base: str) -> Iterator[Document | Problem]:
    for item in walk(folder, opts.globs):
        if isinstance(item, Problem):
            yield item
            continue
        _, path = item
        doc = _read_text_file(path, str(path))
        if isinstance(doc, Document):
            doc.id = document_id(path, base)
        yield doc


def decode(data: bytes, where: str) -> tuple[str | None, Problem | None]:
    """Text from bytes. UTF-8 (a BOM stays in the text, so offsets match a plain UTF-8 read);
    UTF-16 with a BOM; invalid UTF-8 is decoded with U+FFFD and reported as a warning."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), Problem(where, "UTF-16 file: decoded as UTF-16", fatal=False)
        except UnicodeDecodeError as e:
            return None, Problem(where, f"invalid UTF-16: {e.reason}")
    if b"\0" in data[:8192]:
        return None, Problem(where, "binary file (NUL bytes); skipped")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        text = data.decode("utf-8", errors="replace")
        return text, Problem(where, f"invalid UTF-8 at byte {e.start}: decoded with U+FFFD replacement "
                                    "characters (offsets index the decoded text)", fatal=False)
    if text.startswith("\ufeff"):
        return text, Problem(where, "UTF-8 byte-order mark kept as U+FEFF at offset 0 (offsets count it)",
                             fatal=False)
    return text, None


def _read_text_file(path: Path, where: str) -> Document | Problem:
    try:
        data = path.read_bytes()
    except PermissionError:
        return Problem(where, "permission denied")
    except OSError as e:
        return Problem(where, f"cannot read: {e.strerror or e}")
    text, problem = decode(data, where)
    if text is None:
        return problem
    return Document(where, text, where, warning=problem)


def _read_jsonl_file(path: Path, where: str, opts: Options, id_prefix: str) -> Iterator[Document | Problem]:
    try:
        handle = path.open("rb")
    except OSError as e:
        yield Problem(where, f"cannot read: {e.strerror or e}")
        return
    with handle:
        yield from _read_jsonl_lines(handle, where, opts, id_prefix)


def _read_jsonl_lines(lines: Iterable[bytes | Idle], where: str, opts: Options, id_prefix: str
                      ) -> Iterator[Document | Problem | Idle]:
    """One document per JSON object; every field but the id and the text passes through to
    the records. A bad line is reported with its number and skipped."""
    n = 0
    for raw in lines:
        if raw is IDLE:
            yield raw
            continue
        n += 1
        line_where = f"{where}:{n}"
        text, problem = decode(raw, line_where)
        if text is None or (problem and problem.fatal):
            yield problem
            continue
        if not text.strip():
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as e:
            yield Problem(line_where, f"not JSON: {e.msg}")
            continue
        if not isinstance(obj, dict):
            yield Problem(line_where, "expected a JSON object")
            continue
        body = obj.pop(opts.text_field, None)
        if body is None:
            yield Problem(line_where, f"missing '{opts.text_field}' field")
            continue
        if not isinstance(body, str):
            yield Problem(line_where, f"'{opts.text_field}' must be a string, not {type(body).__name__}")
            continue
        doc_id = obj.pop(opts.id_field, None)
        yield Document(f"{id_prefix}:{n}" if doc_id is None else str(doc_id), body, line_where, obj, problem)


class Idle:
    """Marker in a document stream: no more input is ready yet, so process what was read."""


IDLE = Idle()
STDIN = "<stdin>"


class Stdin:
    """Standard input as lines, read as they arrive (a slow producer's first document is
    extracted before the next arrives), with IDLE between bursts. `first_line` looks at the
    first non-blank line without losing it."""

    def __init__(self, stream: IO[bytes] | None = None):
        self.lines = _arriving_lines(stream or sys.stdin.buffer)
        self.head: list[bytes | Idle] = []

    def first_line(self) -> bytes:
        for line in self.lines:
            self.head.append(line)
            if line is not IDLE and line.strip():
                return line
        return b""

    def __iter__(self) -> Iterator[bytes | Idle]:
        while self.head:
            yield self.head.pop(0)
        yield from self.lines


def _arriving_lines(stream: IO[bytes]) -> Iterator[bytes | Idle]:
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, io.UnsupportedOperation):  # a test's in-memory stdin
        yield from stream
        return
    partial: list[bytes] = []
    while True:
        if not select.select([fd], [], [], 0)[0]:
            yield IDLE
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            break
        *complete, rest = chunk.split(b"\n")
        for piece in complete:
            partial.append(piece + b"\n")
            yield b"".join(partial)
            partial = []
        if rest:
            partial.append(rest)
    if partial:
        yield b"".join(partial)


def read_stdin(stdin: Stdin, opts: Options) -> Iterator[Document | Problem | Idle]:
    """JSON lines when told so (--stdin-format) or when the first line opens a JSON object,
    else one text document "-"."""
    fmt = opts.stdin_format
    if fmt == "auto":
        fmt = "jsonl" if stdin.first_line().lstrip().startswith(b"{") else "text"
    if fmt == "jsonl":
        yield from _read_jsonl_lines(stdin, STDIN, opts, "-")
        return
    text, problem = decode(b"".join(line for line in stdin if line is not IDLE), STDIN)
    if text is None:
        yield problem
    else:
        yield Document("-", text, STDIN, warning=problem)
