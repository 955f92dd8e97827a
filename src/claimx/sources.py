"""Reading inputs: folders, files, JSON-lines files and stdin, as a stream of documents and
per-input problems. Nothing is dropped silently: every input yields a Document or a Problem."""

from __future__ import annotations

import codecs
import fnmatch
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_GLOBS = ("*.txt", "*.md")
JSONL_SUFFIXES = (".jsonl", ".ndjson")


@dataclass
class Document:
    id: str
    text: str
    where: str = ""  # file, or file:line, for messages
    meta: dict = field(default_factory=dict)  # JSON-lines fields passed through (e.g. "date")
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
    meta_fields: tuple[str, ...] = ("date",)


def read_inputs(paths: list[str], opts: Options | None = None) -> Iterator[Document | Problem]:
    opts = opts or Options()
    seen: dict[str, str] = {}  # document id -> where it was first read
    for arg in paths:
        for item in _read_arg(arg, opts):
            if isinstance(item, Document):
                if item.id in seen:
                    yield Problem(item.where, f"duplicate document id '{item.id}' (first read at {seen[item.id]})")
                    continue
                seen[item.id] = item.where
            yield item


def saved_records(arg: str, data: bytes | None = None, schema: str = "claimx/1") -> list[dict] | None:
    """The records of a claimx/1 JSON-lines file (or stdin bytes), or None when the input is
    something else (articles to extract). `schema` reads other saved lines (claimx-group/1)."""
    if data is None:
        path = Path(arg)
        if path.suffix.lower() not in JSONL_SUFFIXES or not path.is_file():
            return None
        data = path.read_bytes()
    lines = [ln for ln in data.decode("utf-8", errors="replace").splitlines() if ln.strip()]
    try:
        first = json.loads(lines[0]) if lines else None
    except json.JSONDecodeError:
        return None
    if not (isinstance(first, dict) and first.get("schema") == schema):
        return None
    records = []
    for n, line in enumerate(lines, 1):
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as e:
            raise ValueError(f"{arg}:{n}: not JSON: {e.msg}") from None
    return records


def _read_arg(arg: str, opts: Options) -> Iterator[Document | Problem]:
    if arg == "-":
        yield from _read_stdin(opts)
        return
    path = Path(arg)
    if path.is_symlink() and not path.exists():
        yield Problem(arg, "broken symbolic link")
    elif path.is_dir():
        yield from _read_folder(path, opts)
    elif not path.exists():
        yield Problem(arg, "no such file or folder")
    elif path.suffix.lower() in JSONL_SUFFIXES:
        yield from _read_jsonl_file(path, arg, opts)
    else:
        yield _read_text_file(path, arg)


def walk(folder: Path, globs: tuple[str, ...]) -> Iterator[tuple[str, Path] | Problem]:
    """Files under `folder` matching `globs`, sorted by relative path; loops and broken links
    are reported, not followed."""
    seen_dirs = set()

    def visit(d: Path, rel: str) -> Iterator[tuple[str, Path] | Problem]:
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
                    yield name, Path(e.path)

    yield from visit(folder, "")


def _read_folder(folder: Path, opts: Options) -> Iterator[Document | Problem]:
    for item in walk(folder, opts.globs):
        if isinstance(item, Problem):
            yield item
            continue
        rel, path = item
        doc = _read_text_file(path, str(path))
        if isinstance(doc, Document):
            doc.id = rel
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


def _read_jsonl_file(path: Path, where: str, opts: Options) -> Iterator[Document | Problem]:
    try:
        handle = path.open("rb")
    except OSError as e:
        yield Problem(where, f"cannot read: {e.strerror or e}")
        return
    with handle:
        yield from _read_jsonl_lines(handle, where, opts)


def _read_jsonl_lines(lines, where: str, opts: Options) -> Iterator[Document | Problem]:
    for n, raw in enumerate(lines, 1):
        line_where = f"{where}:{n}"
        text, problem = decode(raw, line_where) if isinstance(raw, bytes) else (raw, None)
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
        body = obj.get(opts.text_field)
        if body is None:
            yield Problem(line_where, f"missing '{opts.text_field}' field")
            continue
        if not isinstance(body, str):
            yield Problem(line_where, f"'{opts.text_field}' must be a string, not {type(body).__name__}")
            continue
        doc_id = obj.get(opts.id_field)
        if doc_id is None:
            doc_id = f"{where}:{n}"
        yield Document(str(doc_id), body, line_where, {k: obj[k] for k in opts.meta_fields if k in obj}, problem)


def _read_stdin(opts: Options) -> Iterator[Document | Problem]:
    yield from read_bytes(sys.stdin.buffer.read(), opts)


def read_bytes(data: bytes, opts: Options) -> Iterator[Document | Problem]:
    """Standard input: JSON lines when every line is a JSON object, else one document "-"."""
    text, problem = decode(data, "<stdin>")
    if text is None:
        yield problem
        return
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if lines and all(ln.lstrip().startswith("{") for ln in lines):
        yield from _read_jsonl_lines(text.splitlines(), "<stdin>", opts)
    else:
        yield Document("-", text, "<stdin>", warning=problem)
