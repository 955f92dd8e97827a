"""The spine: documents in, claimx/1 records out. The CLI, the Python API and the Ray engine
all go through `extract_records`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from claimx.components.base import EXTENSIONS
from claimx.records import KINDS, SCHEMA
from claimx.sources import Document

BATCH_SIZE = 32
CHUNK_CHARS = 100_000  # longer texts are parsed in paragraph-aligned pieces: bounded memory
ID_PREFIX = {"claim": "c", "casualty": "f", "strike": "s"}


def doc_records(doc: Doc, doc_id: str, kinds: Iterable[str] = KINDS) -> list[dict]:
    """The records of one processed Doc: claims, then figures, then strikes."""
    return [
        {"schema": SCHEMA, "doc": doc_id, **body}
        for kind in KINDS
        if kind in kinds
        for body in getattr(doc._, EXTENSIONS[kind]) or ()
    ]


def chunks(text: str, limit: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, piece) covering `text`, cut at a paragraph break, else a line break, else a
    sentence end, else a space, so that no piece exceeds `limit` characters."""
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            cut = window.rfind(sep, limit // 2)
            if cut > 0:
                cut += len(sep)
                break
        if cut <= 0:
            cut = limit
        yield start, text[start : start + cut]
        start += cut
    yield start, text[start:]


def shift(obj, offset: int) -> None:
    """Add `offset` to every span in a record (in place)."""
    if isinstance(obj, dict):
        if isinstance(obj.get("start"), int) and isinstance(obj.get("end"), int):
            obj["start"] += offset
            obj["end"] += offset
        for value in obj.values():
            if isinstance(value, (dict, list)):
                shift(value, offset)
    elif isinstance(obj, list):
        for value in obj:
            shift(value, offset)


class _Merger:
    """Joins the records of a document's pieces, renumbering ids across pieces."""

    def __init__(self) -> None:
        self.records: list[dict] = []
        self.errors: list[str] = []
        self.counts = dict.fromkeys(KINDS, 0)

    def add(self, records: list[dict], offset: int) -> None:
        renamed = {}
        for rec in records:
            self.counts[rec["kind"]] += 1
            new = f"{ID_PREFIX[rec['kind']]}{self.counts[rec['kind']]}"
            renamed[rec["id"]] = new
            rec["id"] = new
            if offset:
                shift(rec, offset)
        for rec in records:
            if rec.get("claim"):
                rec["claim"] = renamed.get(rec["claim"], rec["claim"])
        self.records.extend(records)


def extract_records(
    nlp: Language,
    docs: Iterable[Document],
    kinds: Iterable[str] = KINDS,
    n_process: int = 1,
    batch_size: int = BATCH_SIZE,
) -> Iterator[tuple[Document, list[dict], list[str]]]:
    """Documents in, (document, records, errors) out, in input order, streaming. `errors` names
    the rules that failed on the document; its records are then incomplete."""
    kinds = tuple(kinds)
    source = _Remember(docs)

    def pieces() -> Iterator[tuple[str, tuple[int, int, bool]]]:
        for n, doc in source:
            parts = chunks(doc.text)
            current = next(parts)
            for following in parts:
                yield current[1], (n, current[0], False)
                current = following
            yield current[1], (n, current[0], True)

    merger = _Merger()
    for spacy_doc, (n, offset, last) in nlp.pipe(pieces(), as_tuples=True, n_process=n_process,
                                                batch_size=batch_size):
        doc = source.kept[n]
        merger.add(doc_records(spacy_doc, doc.id, kinds), offset)
        merger.errors += spacy_doc.user_data.get("claimx_errors", [])
        if last:
            for rec in merger.records:  # JSON-lines fields such as "date" travel with the records
                for key, value in doc.meta.items():
                    rec.setdefault(key, value)
            yield doc, merger.records, merger.errors
            merger = _Merger()
            del source.kept[n]


class _Remember:
    """Iterates documents and keeps each until its records are out (the parse lags behind
    the reading by up to a batch per process)."""

    def __init__(self, docs: Iterable[Document]):
        self.docs = iter(docs)
        self.kept: dict[int, Document] = {}
        self.n = 0

    def __iter__(self) -> Iterator[tuple[int, Document]]:
        for doc in self.docs:
            self.kept[self.n] = doc
            yield self.n, doc
            self.n += 1
