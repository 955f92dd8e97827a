"""What every claimx component shares: rule loading and serialisation, plain-value spans,
evidence sentences, and attribution of a span to the claim that carries it."""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import numpy as np
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimx import rules
from claimx.layout import line_roles, role_at

# Plain lists of dicts (offsets, strings): safe for DocBin and n_process.
EXTENSIONS = {"claim": "claimx_claims", "casualty": "claimx_casualties", "strike": "claimx_strikes"}
for _attr in EXTENSIONS.values():
    if not Doc.has_extension(_attr):
        Doc.set_extension(_attr, default=None)


class RuleComponent:
    """A rule-based component whose rules are JSON files; `to_disk` writes them back out."""

    rule_files: ClassVar[dict[str, dict[str, type]]]  # file name -> required keys and their types
    kind: ClassVar[str]  # the record kind this component sets

    def __init__(self, nlp: Language, name: str, *, patterns_dir: str | None = None):
        self.nlp = nlp
        self.name = name
        self.rules = {f: rules.load(f, patterns_dir, req) for f, req in self.rule_files.items()}
        self.compile()

    def compile(self) -> None:
        """Build lookups from self.rules."""
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        """Run the rules; a failure is recorded on the Doc (and the document reported as failed
        by the spine) instead of ending a run over thousands of documents."""
        try:
            return self.process(doc)
        except Exception as e:  # noqa: BLE001  any rule bug on any text
            doc.user_data.setdefault("claimx_errors", []).append(f"{self.name}: {type(e).__name__}: {e}")
            setattr(doc._, EXTENSIONS[self.kind], [])
            return doc

    def process(self, doc: Doc) -> Doc:
        raise NotImplementedError

    @staticmethod
    def sentences_with(doc: Doc, ids: np.ndarray, roles: tuple[str, ...]) -> Iterator[tuple[Span, list[int]]]:
        """Sentences (on lines of the given layout roles) holding a token whose lower-cased form
        or lemma is one of `ids`, with those tokens' indices."""
        hits = positions(doc, (LOWER, ids), (LEMMA, ids))
        if not hits:
            return
        layout = line_layout(doc)
        offsets = [doc[i].idx for i in hits]
        for start, end in sentences(doc):
            inside = hits[bisect_left(offsets, start) : bisect_left(offsets, end)]
            if inside and role_at(layout, start) in roles:
                yield doc.char_span(start, end, alignment_mode="expand"), inside

    def to_bytes(self, *, exclude=()) -> bytes:
        return json.dumps(self.rules, sort_keys=True).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude=()) -> RuleComponent:
        self.rules = json.loads(data)
        self.compile()
        return self

    def to_disk(self, path: str | Path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name, data in self.rules.items():
            (path / name).write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude=()) -> RuleComponent:
        self.rules = {f: rules.load(f, path, req) for f, req in self.rule_files.items()}
        self.compile()
        return self


def word_ids(nlp: Language, words) -> np.ndarray:
    """String-store ids of lower-cased words, for vectorised lookups over a Doc's tokens."""
    return np.array(sorted({nlp.vocab.strings.add(w.lower()) for w in words}), dtype="uint64")


def positions(doc: Doc, *matches: tuple[int, np.ndarray]) -> list[int]:
    """Indices of tokens whose attribute (spacy.attrs LOWER, LEMMA, ...) is one of the ids:
    a numpy pass instead of a Python loop over every token."""
    attrs = [attr for attr, _ in matches]
    table = doc.to_array(attrs).reshape(len(doc), len(attrs))
    hit = np.zeros(len(doc), dtype=bool)
    for col, (_, ids) in enumerate(matches):
        hit |= np.isin(table[:, col], ids)
    return np.flatnonzero(hit).tolist()


def text_of(doc: Doc) -> str:
    """The document text, built once: `Doc.text` joins every token on each access."""
    text = doc.user_data.get("claimx_text")
    if text is None:
        text = doc.user_data["claimx_text"] = doc.text
    return text


def line_layout(doc: Doc) -> list[tuple[int, int, str]]:
    """The document's line roles (layout.line_roles), computed once for all components."""
    roles = doc.user_data.get("claimx_layout")
    if roles is None:
        roles = doc.user_data["claimx_layout"] = line_roles(text_of(doc))
    return roles


def char_span(doc: Doc, start: int, end: int, **extra) -> dict:
    return {"text": text_of(doc)[start:end], "start": start, "end": end, **extra}


def tokens_span(doc: Doc, first: Token, last: Token, **extra) -> dict:
    return char_span(doc, first.idx, last.idx + len(last.text), **extra)


def sentences(doc: Doc) -> list[list[int]]:
    """[start_char, end_char] of every sentence, computed once per document."""
    if doc._.claimx_sents is None:
        doc._.claimx_sents = [[s.start_char, s.end_char] for s in doc.sents]
    return doc._.claimx_sents


if not Doc.has_extension("claimx_sents"):
    Doc.set_extension("claimx_sents", default=None)


def evidence(doc: Doc, start: int, end: int) -> dict:
    """The sentence or sentences that hold [start, end), without surrounding white space."""
    sents = sentences(doc)
    first = max(0, bisect_right(sents, start, key=lambda s: s[0]) - 1)
    last = max(first, bisect_right(sents, max(start, end - 1), key=lambda s: s[0]) - 1)
    lo, hi = sents[first][0], max(sents[last][1], end)
    text = text_of(doc)
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return {"start": lo, "end": hi, "text": text[lo:hi]}


def attribution(doc: Doc, start: int, end: int) -> tuple[str | None, dict | None]:
    """The innermost claim whose content holds [start, end): its id and its speaker as a
    `source` span, or (None, None) when the text says it in its own voice."""
    best = None
    for claim in doc._.claimx_claims or ():
        content = claim["content"]
        if content["start"] <= start and end <= content["end"] and (
            best is None or content["end"] - content["start"] < best["content"]["end"] - best["content"]["start"]
        ):
            best = claim
    if best is None:
        return None, None
    speaker = best["speaker"]
    source = None
    if speaker:
        source = {k: speaker[k] for k in ("text", "start", "end", "name")}
    return best["id"], source
