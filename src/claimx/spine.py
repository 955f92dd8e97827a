"""The spine: documents in, claimx/1 records out. The CLI, the Python API and the Ray engine
all go through `extract_records`."""

from __future__ import annotations

import gc
import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack

from spacy.language import Language
from spacy.tokens import Doc

from claimx.components.base import RuleComponent, tokenized
from claimx.incidents.enrich import enrich
from claimx.kinds import REGISTRY, record_id
from claimx.records import KINDS, LINKS, SCHEMA, complete
from claimx.sources import IDLE, Document, Idle

BATCH_SIZE = 32
CHUNK_CHARS = 100_000  # longer texts are parsed in paragraph-aligned pieces: bounded memory
BATCH_CHARS = 200_000  # the parser's working memory grows with the text of a batch: bound it
ZONE_CHARS = 2_000_000  # text parsed in one spaCy memory zone (see _Zone)
VOCAB_GROWTH = 100_000  # new words a process keeps before it parses in memory zones: ~30 MB (see _Zone)
_VOCAB_AT_START: dict[int, int] = {}  # id(vocab) -> its size when claimx first parsed with it


def doc_records(doc: Doc, doc_id: str, kinds: Iterable[str] = KINDS) -> list[dict]:
    """The records of one processed Doc: claims, then figures, then strikes."""
    return [
        {"schema": SCHEMA, "doc": doc_id, **body}
        for kind in KINDS
        if kind in kinds
        for body in getattr(doc._, REGISTRY[kind].extension) or ()
    ]


def record_failure(name: str, component, docs: list[Doc], error: Exception) -> None:
    """spaCy error handler the spine installs: a component that fails on a document leaves
    a note naming it (the document is reported as failed, its records incomplete) instead of
    ending a run over thousands of documents."""
    for doc in docs:
        doc.user_data.setdefault("claimx_errors", []).append(f"{name}: {type(error).__name__}: {error}")


def chunks(text: str, limit: int | None = None) -> Iterator[tuple[int, str]]:
    """(offset, piece) covering `text`, cut at a paragraph break, else a line break, else a
    sentence end, else a space, so that no piece exceeds `limit` (CHUNK_CHARS) characters."""
    limit = limit or CHUNK_CHARS
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
            new = record_id(rec["kind"], self.counts[rec["kind"]])
            renamed[rec["id"]] = new
            rec["id"] = new
            if offset:
                shift(rec, offset)
        for rec in records:
            for link in LINKS:
                if rec.get(link):
                    rec[link] = renamed.get(rec[link], rec[link])
        self.records.extend(records)


def extract_records(
    nlp: Language,
    docs: Iterable[Document | Idle],
    kinds: Iterable[str] = KINDS,
    n_process: int = 1,
    batch_size: int = BATCH_SIZE,
    date_field: str = "date",
) -> Iterator[tuple[Document, list[dict], list[str]]]:
    """Documents in, (document, records, errors) out, in input order, streaming. `errors` names
    the rules that failed on the document; its records are then incomplete. Each document's
    records get their incident context (places, event dates, actors) once complete; the
    article's date is the dateline in its text, else its `date_field` meta field. IDLE in
    `docs` (input paused) sends what was read so far to the parser, and its records out."""
    kinds = tuple(kinds)
    for _, component in nlp.pipeline:  # spaCy's own pipes keep raising: their pipe() drops failed docs
        if isinstance(component, RuleComponent):
            component.set_error_handler(record_failure)
    source = _Remember(docs)

    def pieces() -> Iterator[Piece | Idle]:
        for n, doc in source:
            if doc is IDLE:
                yield IDLE
                continue
            parts = chunks(doc.text)
            current = next(parts)
            for following in parts:
                yield current[1], (n, doc.id, current[0], False)
                current = following
            yield current[1], (n, doc.id, current[0], True)

    batches = _batches(pieces(), batch_size)
    parsed = _parse_local(nlp, batches, kinds) if n_process <= 1 else _parse_in_workers(nlp, batches, kinds, n_process)
    merger = _Merger()
    for (n, _, offset, last), records, errors in parsed:
        doc = source.kept[n]
        merger.add(records, offset)
        merger.errors += errors
        if last:
            enrich(doc.text, doc.meta, merger.records, date_field)
            for rec in merger.records:  # JSON-lines fields travel with the records
                for key, value in doc.meta.items():
                    rec.setdefault(key, value)
                complete(rec)
            yield doc, merger.records, merger.errors
            merger = _Merger()
            del source.kept[n]


Piece = tuple[str, tuple[int, str, int, bool]]  # text, (document number, document id, offset, last piece)
Parsed = tuple[tuple[int, str, int, bool], list[dict], list[str]]


def _batches(pieces: Iterator[Piece | Idle], size: int) -> Iterator[list[Piece] | Idle]:
    """Groups of pieces, each at most `size` pieces and about BATCH_CHARS characters; a batch
    is cut short when the input pauses."""
    batch, chars = [], 0
    for piece in pieces:
        if piece is IDLE:
            if batch:
                yield batch
                batch, chars = [], 0
            yield IDLE
            continue
        batch.append(piece)
        chars += len(piece[0])
        if len(batch) >= size or chars >= BATCH_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _parse_batch(nlp: Language, batch: list[Piece], kinds: tuple[str, ...]) -> list[Parsed]:
    """Records of a batch: only plain values leave it, as it may be parsed in a memory zone (_Zone)."""
    return [(ctx, doc_records(doc, ctx[1], kinds), doc.user_data.get("claimx_errors", []))
            for doc, ctx in nlp.pipe(((tokenized(nlp, text), ctx) for text, ctx in batch), as_tuples=True,
                                     batch_size=len(batch))]


class _Zone:
    """Parses batches, once the process's vocabulary has grown by VOCAB_GROWTH words, in an
    `nlp.memory_zone()` that is closed and opened again every ZONE_CHARS characters: what a zone
    interns is freed when it closes, so memory stays flat over millions of documents. Until then
    no zone: inside one, spaCy's tokenizer caches nothing and splits every word afresh (about
    3 ms a document), while news text brings few new words after its first thousand articles."""

    def __init__(self, nlp: Language):
        self.nlp = nlp
        self.open: ExitStack | None = None
        self.chars = 0
        self.vocab_at_start = _VOCAB_AT_START.setdefault(id(nlp.vocab), len(nlp.vocab))

    def parse(self, batch: list[Piece], kinds: tuple[str, ...]) -> list[Parsed]:
        if self.open is None and len(self.nlp.vocab) - self.vocab_at_start >= VOCAB_GROWTH:
            self.open = ExitStack()
            self.open.enter_context(self.nlp.memory_zone())
        parsed = _parse_batch(self.nlp, batch, kinds)
        if self.open is not None:
            self.chars += sum(len(text) for text, _ in batch)
            if self.chars >= ZONE_CHARS:
                self.close()
        return parsed

    def close(self) -> None:
        if self.open is not None:
            self.open.close()
            self.open, self.chars = None, 0


def _parse_local(nlp: Language, batches: Iterator[list[Piece] | Idle], kinds: tuple[str, ...]) -> Iterator[Parsed]:
    zone = _Zone(nlp)
    gc.freeze()  # the pipeline outlives the run: full collections, each ~50 ms, need not scan its objects
    try:
        for batch in batches:
            if batch is not IDLE:
                yield from zone.parse(batch, kinds)
    finally:
        zone.close()
        gc.unfreeze()


_WORKER: dict = {}  # the pipeline's memory zone and the kinds, in each worker process


def _worker_init(nlp: Language, kinds: tuple[str, ...]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler: end quietly when terminated
    _WORKER.update(zone=_Zone(nlp), kinds=kinds)
    gc.freeze()  # as in _parse_local


def _worker_parse(batch: list[Piece]) -> list[Parsed]:
    return _WORKER["zone"].parse(batch, _WORKER["kinds"])


def _parse_in_workers(nlp: Language, batches: Iterator[list[Piece] | Idle], kinds: tuple[str, ...],
                      n_process: int) -> Iterator[Parsed]:
    """Batches parsed by `n_process` worker processes that send back records, not Docs. At
    most two batches per worker are in flight, so reading never runs ahead of parsing."""
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with multiprocessing.get_context(method).Pool(n_process, _worker_init, (nlp, kinds)) as pool:
        pending: deque = deque()
        for batch in batches:
            if batch is IDLE:  # nothing more to read yet: hand out all that is parsed
                while pending:
                    yield from pending.popleft().get()
                continue
            pending.append(pool.apply_async(_worker_parse, (batch,)))
            if len(pending) >= 2 * n_process:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


class _Remember:
    """Iterates documents and keeps each until its records are out (the parse lags behind
    the reading by up to a batch per process)."""

    def __init__(self, docs: Iterable[Document | Idle]):
        self.docs = iter(docs)
        self.kept: dict[int, Document] = {}
        self.n = 0

    def __iter__(self) -> Iterator[tuple[int, Document | Idle]]:
        for doc in self.docs:
            if doc is IDLE:
                yield self.n, doc
                continue
            self.kept[self.n] = doc
            yield self.n, doc
            self.n += 1
