"""What every claimx component shares: rules compiled into matchers, serialisation, plain-value spans,
evidence sentences, and attribution of a span to the claim that carries it."""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import ClassVar

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import raise_error

from claimx import rules
from claimx.components.matchers import AnchoredMatcher, RuleDependencyMatcher
from claimx.kinds import REGISTRY
from claimx.layout import line_roles, role_at
from claimx.rules import PatternError, Rule

# Plain lists of dicts (offsets, strings): safe for DocBin and n_process.
for _kind in REGISTRY.values():
    if not Doc.has_extension(_kind.extension):
        Doc.set_extension(_kind.extension, default=None)

Match = tuple[Rule, list[int]]  # a rule and the tokens it matched; the first is the anchor


class RuleComponent:
    """A component whose rules are `patterns/<kind>.jsonl` lines compiled into spaCy matchers,
    with the word lists its resolvers consult; `to_disk` writes both back out."""

    word_files: ClassVar[dict[str, dict[str, type]]]  # word-list file -> required keys and their types
    categories: ClassVar[dict[str, dict[str, frozenset[str]]]] = {}  # file -> key -> categories allowed
    kind: ClassVar[str]  # the record kind this component sets
    resolvers: ClassVar[frozenset[str]]  # the resolver names its rules may hand matches to
    rule_labels: ClassVar[frozenset[str] | None] = None  # labels a rule may have, when the contract fixes them

    def __init__(self, nlp: Language, name: str, *, patterns_dir: str | None = None):
        self.nlp = nlp
        self.name = name
        self.patterns_dir = patterns_dir
        self.initialize()

    def initialize(self, get_examples: Callable | None = None, *, nlp: Language | None = None,
                   patterns_dir: str | None = None) -> None:
        """Load and compile the rules: the defaults with the folder's (given here, as in
        `[initialize.components]`, or to the factory) added."""
        self.patterns_dir = patterns_dir or self.patterns_dir
        self.words = self.load_words(self.patterns_dir)
        self.rules = rules.load_rules(self.rule_file, self.patterns_dir, set(self.resolvers), self.rule_labels)
        self.compile()

    def load_words(self, folder: str | Path | None, replace: bool = False) -> dict[str, dict]:
        return {f: rules.load(f, folder, req, self.categories.get(f), replace) for f, req in self.word_files.items()}

    @property
    def rule_file(self) -> str:
        return REGISTRY[self.kind].rule_file

    def compile(self) -> None:
        """spaCy matchers from the rules (a bad pattern names its file:line and rule id), then
        lookups from the word lists."""
        vocab = self.nlp.vocab
        self.matcher = AnchoredMatcher(vocab, validate=True)
        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        self.dependencies = RuleDependencyMatcher(vocab, validate=True)
        self.rule_of: dict[int, Rule] = {}
        self.scanners: dict[str, Rule] = {}  # rules over the raw text, by resolver
        for r in self.rules:
            self.rule_of[vocab.strings.add(r.id)] = r
            vocab.strings.add(r.label)
            try:
                if r.matcher == "token":
                    self.matcher.add(r.id, r.pattern)
                elif r.matcher == "phrase":
                    self.phrases.add(r.id, [self.nlp.make_doc(p) for p in r.pattern])
                elif r.matcher == "dependency":
                    self.dependencies.add(r.id, r.pattern)
                else:
                    self.scanners[r.resolver] = r
            except (ValueError, KeyError, TypeError) as e:
                message = " ".join(str(e).split())
                raise PatternError(f"{r.where}: rule '{r.id}': bad {r.matcher} pattern: {message}") from None
        self.compile_words()

    def compile_words(self) -> None:
        """Build lookups from self.words."""
        raise NotImplementedError

    def matches(self, doc: Doc) -> list[Match]:
        """Every rule match in text order of its anchor, one per rule and anchor; also kept as
        `doc.spans[<extension>]` (label: the rule's label, id: the rule's id) for displaCy."""
        found: dict[tuple[str, int], list[int]] = {}
        for key, start, end in self.matcher(doc) + self.phrases(doc):
            found.setdefault((self.rule_of[key].id, start), list(range(start, end)))
        if len(self.dependencies) and doc.has_annotation("DEP"):
            for key, tokens in self.dependencies(doc):
                found.setdefault((self.rule_of[key].id, tokens[0]), tokens)
        by_id = {r.id: r for r in self.rules}
        out = sorted(((by_id[rid], tokens) for (rid, _), tokens in found.items()), key=lambda m: m[1][0])
        doc.spans[REGISTRY[self.kind].extension] = [
            Span(doc, min(tokens), max(tokens) + 1, label=r.label, span_id=r.id) for r, tokens in out]
        return out

    def __call__(self, doc: Doc) -> Doc:
        if not (doc.has_annotation("DEP") and doc.has_annotation("POS") and doc.has_annotation("LEMMA")):
            raise ValueError(f"{self.name} needs a tagger, lemmatizer and parser before it in the pipeline "
                             f"(token.pos, token.lemma, token.dep), as in en_core_web_sm")
        return self.process(doc)

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Like spaCy's own pipes, a failure goes to the error handler (`nlp.set_error_handler`;
        by default it raises); unlike them, the document goes on, with this kind's records
        left empty, so that one document's failure does not drop it from the stream."""
        handler = self.get_error_handler()
        for doc in stream:
            try:
                yield self(doc)
            except Exception as e:  # noqa: BLE001  the handler decides
                handler(self.name, self, [doc], e)
                if getattr(doc._, REGISTRY[self.kind].extension) is None:
                    setattr(doc._, REGISTRY[self.kind].extension, [])
                yield doc

    def set_error_handler(self, error_handler: Callable) -> None:
        self.error_handler = error_handler

    def get_error_handler(self) -> Callable:
        return getattr(self, "error_handler", raise_error)

    def process(self, doc: Doc) -> Doc:
        raise NotImplementedError

    @staticmethod
    def sentences_holding(doc: Doc, hits: list[int], roles: tuple[str, ...]) -> Iterator[tuple[Span, list[int]]]:
        """Sentences (on lines of the given layout roles) holding one of the token indices
        `hits` (ascending), with those indices."""
        if not hits:
            return
        layout = line_layout(doc)
        offsets = [doc[i].idx for i in hits]
        for start, end in sentences(doc):
            inside = hits[bisect_left(offsets, start) : bisect_left(offsets, end)]
            if inside and role_at(layout, start) in roles:
                yield doc.char_span(start, end, alignment_mode="expand"), inside

    def to_bytes(self, *, exclude=()) -> bytes:
        return json.dumps({"words": self.words, "rules": [r.data for r in self.rules]}, sort_keys=True).encode()

    def from_bytes(self, data: bytes, *, exclude=()) -> RuleComponent:
        saved = json.loads(data)
        self.words = saved["words"]
        self.rules = [Rule(r, f"{self.rule_file}:{n}") for n, r in enumerate(saved["rules"], 1)]
        self.compile()
        return self

    def to_disk(self, path: str | Path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name, data in self.words.items():
            (path / name).write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
        (path / self.rule_file).write_text(rules.dump_rules(self.rules), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude=()) -> RuleComponent:
        self.words = self.load_words(path, replace=True)
        self.rules = rules.load_rules(self.rule_file, path, set(self.resolvers), self.rule_labels, replace=True)
        self.compile()
        return self


def tokenized(nlp: Language, text: str) -> Doc:
    """A Doc that keeps the text it came from, so components need not rebuild `Doc.text`."""
    doc = nlp.make_doc(text)
    doc.user_data["claimx_text"] = text
    return doc


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


def span_dict(span: Span, **extra) -> dict:
    return char_span(span.doc, span.start_char, span.end_char, **extra)


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
