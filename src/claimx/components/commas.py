"""Re-parse the sentences of a comma-stripped text (FA-KES) whose attribution lost its commas.

The parser reads `Rockets killed four people in a market a council said` as a market council,
and `... to cause trouble he said` as a relative clause. `resolvers.commas` finds where the
commas were; only those sentences are parsed again, as a copy with the commas put back, and
the copy's tags, lemmas and tree are written onto the document's own tokens (the
inserted commas dropped, their dependents hung on their heads). The text is never changed:
offsets stay those of the text as read."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property

import numpy
from spacy.attrs import DEP, HEAD, IDS, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from claimx import rules
from claimx.components.base import text_of, tokenized
from claimx.resolvers.commas import (
    according_to_comma,
    according_to_comma_after,
    after_opener,
    after_subordinate_clause,
    missing_commas,
    stripped,
    unattached_speaker,
)

COPIED = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
ENTITY_ATTRS = frozenset({"doc.ents", "token.ent_iob", "token.ent_type"})
RULED = [TAG, POS, MORPH, LEMMA]  # what an attribute ruler and a lemmatizer set on a token
WORD = [ORTH, TAG, DEP]  # what they decide it by (but for the patterns TokenRules.marks stand for)
# token attributes a ruler pattern of one token may test for TokenRules to stand in for it
WORD_TESTS = frozenset({"ORTH", "TEXT", "LOWER", "IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "TAG", "DEP"})
MAX_WORDS = 50_000  # about 15 MB, when a run holds no memory zone (see CommaReparser.memory_zone)


@Language.factory(
    "claimx_commas",
    assigns=["token.dep", "token.head", "token.tag", "token.pos", "token.lemma"],
    requires=["token.dep", "token.tag", "token.lemma"],
    default_config={"patterns_dir": None},
)
def make_commas(nlp: Language, name: str, patterns_dir: str | None) -> CommaReparser:
    return CommaReparser(nlp, name, patterns_dir=patterns_dir)


class CommaReparser:
    """Runs the pipeline's components before it again on the sentences that need it."""

    def __init__(self, nlp: Language, name: str, *, patterns_dir: str | None = None):
        self.nlp = nlp
        self.name = name
        words = rules.load("commas.json", patterns_dir, {"cue_lemmas": list, "participles": list,
                                                         "title_suffixes": list, "openers": list})
        claims = rules.load("claims.json", patterns_dir, {"speaker_types": dict, "addressee_verbs": list})
        self.speaker_heads = {w for ws in claims["speaker_types"].values() for w in ws}
        self.addressee_verbs = set(claims["addressee_verbs"])
        self.title_suffixes = tuple(words["title_suffixes"])
        self.openers = set(words["openers"])
        self.participle_words = set(words["participles"])
        strings = nlp.vocab.strings
        self.cue_lemmas = numpy.array([strings.add(w) for w in words["cue_lemmas"]], dtype="uint64")
        self.participles = numpy.array([strings.add(w) for w in words["participles"]], dtype="uint64")
        self.according = strings.add("according")

    @cached_property
    def token_rules(self) -> TokenRules | None:
        return TokenRules.of(self.reparsing())

    @contextmanager
    def memory_zone(self, mem=None) -> Iterator[None]:
        """Entered with `nlp.memory_zone()`: what `token_rules` learns inside names strings the
        zone frees, so it is forgotten with them."""
        try:
            yield
        finally:
            if self.token_rules is not None:
                self.token_rules.known.clear()

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """The sentences to parse again of a whole batch go through the parser together."""
        for batch in minibatch(stream, batch_size):
            fixes = [self.fixes(doc) for doc in batch]
            copies = iter(self.parse([fix.copy for found in fixes for fix in found]))
            for doc, found in zip(batch, fixes, strict=True):
                for fix in found:
                    fix.copy = next(copies)
                if found:
                    self.write(doc, found)
                yield doc

    def fixes(self, doc: Doc) -> list[Fix]:
        """The sentences whose attribution lost its commas."""
        text = text_of(doc)
        if not len(doc) or not stripped(text, len(doc)):
            return []
        lemma, lower = doc.to_array([LEMMA, LOWER]).T
        hits = numpy.flatnonzero(numpy.isin(lemma, self.cue_lemmas) | numpy.isin(lower, self.participles)
                                 | (lower == self.according)).tolist()
        by_sentence: dict[int, tuple[Span, list[int]]] = {}
        for i in hits:
            sent = doc[i].sent
            by_sentence.setdefault(sent.start, (sent, []))[1].append(i)
        found = []
        for sent, cues in by_sentence.values():
            commas = missing_commas(sent, [doc[i] for i in cues if doc[i].lower_ != "according"], self.speaker_heads,
                                    self.title_suffixes, self.addressee_verbs, self.participle_words)
            if cues[0] == sent.start and (at := according_to_comma(sent)) is not None:
                commas.append(at)
            commas += [at for i in cues if (at := after_opener(doc[i], self.openers)) is not None]
            if (at := after_subordinate_clause(doc[cues[0]], self.speaker_heads, self.title_suffixes)) is not None:
                commas.append(at)
            if doc[cues[0]].lower_ != "according":  # a cue before an "according to" that ends the sentence
                commas += [at for i in cues[1:] if doc[i].lower_ == "according"
                           and (at := according_to_comma_after(doc[i])) is not None]
            if commas:
                commas = sorted(set(commas))
                copy = tokenized(self.nlp, _with_commas(text, sent.start_char, sent.end_char, commas))
                found.append(Fix(sent, commas, copy, cues))
        if found and self.token_rules is not None:  # what the copies hold, bar the commas and the changed parse
            self.token_rules.learn(doc, [(fix.sent.start, fix.sent.end) for fix in found])
        return found

    def parse(self, copies: list[Doc]) -> list[Doc]:
        """The pipeline's components before this one, but entity recognisers: the document's
        own entities stand. A trailing attribute ruler and lemmatizer run only on the copies
        whose words `token_rules` has not seen."""
        if not copies:
            return copies
        procs, rules = self.reparsing(), self.token_rules
        for proc in procs[:-2] if rules else procs:
            copies = _run(proc, copies)
        if rules is not None:
            ruled = [rules.values(copy) for copy in copies]
            unruled = [copy for copy, values in zip(copies, ruled, strict=True) if values is None]
            _run_all(procs[-2:], unruled)
            for copy in unruled:  # the commas put back are words no stripped document has
                rules.learn(copy, [(0, len(copy))])
            for copy, values in zip(copies, ruled, strict=True):
                if values is not None:
                    copy.from_array(RULED, values)
        return copies

    def reparsing(self) -> list:
        """The components the copies go through."""
        procs = []
        for name, proc in self.nlp.pipeline:
            if name == self.name:
                break
            assigns = set(self.nlp.get_pipe_meta(name).assigns)
            if not (assigns and assigns <= ENTITY_ATTRS):
                procs.append(proc)
        return procs

    def write(self, doc: Doc, fixes: list[Fix]) -> None:
        """The copies' annotation onto the document; then a speaker phrase the copy's parse
        still leaves hanging off the reported clause becomes its cue's subject."""
        values = doc.to_array(COPIED)
        written = [fix for fix in fixes if _copy_parse(doc, fix.sent, fix.commas, fix.copy, values)]
        if not written:
            return
        doc.from_array(COPIED, values)
        subjects = [(said_by, cue) for fix in written for cue in fix.cues
                    if (said_by := unattached_speaker(doc[cue], self.speaker_heads, self.title_suffixes,
                                                      self.addressee_verbs)) is not None]
        if subjects:
            tree = doc.to_array([HEAD, DEP])
            nsubj = self.nlp.vocab.strings.add("nsubj")
            for said_by, cue in subjects:
                tree[said_by.i] = [numpy.uint64((cue - said_by.i) % 2**64), nsubj]
            doc.from_array([HEAD, DEP], tree)


def _run(proc, docs: list[Doc]) -> list[Doc]:
    return list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]


def _run_all(procs: list, docs: list[Doc]) -> None:
    for proc in procs:
        if docs:
            docs = _run(proc, docs)


class TokenRules:
    """What an attribute ruler and a lemmatizer after it set on a token (tag, POS, morphology,
    lemma), read off the tokens of the documents themselves with the same text, tag and
    dependency label: both decide a token by these alone, but for the ruler's patterns of
    several tokens ("there is") and those that retag, which can match only around a token
    passing their most selective test (`marks`). A copy with such a token or a word not seen
    so goes through both; running them on every copy costs about a millisecond a document."""

    def __init__(self, marks: list[Mark]):
        self.marks = marks
        self.columns = [*WORD, *RULED, *sorted({attr for attr, *_ in marks} - set(WORD) - set(RULED))]
        self.known: dict[tuple[int, ...], tuple[int, ...]] = {}

    @classmethod
    def of(cls, procs: list) -> TokenRules | None:
        """TokenRules for a pipeline ending in a rule-based lemmatizer after an attribute ruler
        whose patterns of one token test the word, tag and dependency label alone (and of those
        that retag, the word alone), and whose others each have a test of listed values; None otherwise."""
        if len(procs) < 2 or not isinstance(procs[-2], AttributeRuler) or not isinstance(procs[-1], Lemmatizer) \
                or procs[-1].mode not in ("rule", "lookup"):
            return None
        marks = []
        for entry in procs[-2].patterns:
            for pattern in entry["patterns"]:
                tests = {key.upper() for key in pattern[0]} if len(pattern) == 1 else set()
                if not tests <= WORD_TESTS or "TAG" in entry["attrs"] and tests & {"TAG", "DEP"}:
                    return None
                if len(pattern) > 1 or "TAG" in entry["attrs"]:
                    if (mark := _selective_test(pattern)) is None:
                        return None
                    marks.append(mark)
        return cls(marks)

    def guarded(self, table: numpy.ndarray) -> numpy.ndarray:
        """Which tokens (rows of a Doc's `columns`) a pattern of several tokens or one that retags may match."""
        guarded = numpy.zeros(len(table), dtype=bool)
        for attr, ids, position, length in self.marks:
            column = table[:, self.columns.index(attr)]
            for hit in numpy.flatnonzero(column == ids[0] if len(ids) == 1 else numpy.isin(column, ids)).tolist():
                guarded[max(hit - position, 0) : hit - position + length] = True
        return guarded

    def learn(self, doc: Doc, ranges: list[tuple[int, int]]) -> None:
        """Remember the values of the tokens in `ranges` of a Doc the ruler and lemmatizer ran on."""
        if len(self.known) >= MAX_WORDS:
            return
        table = doc.to_array(self.columns)
        free = ~self.guarded(table)
        for start, end in ranges:
            rows = table[start:end][free[start:end]].tolist()
            self.known.update((tuple(row[: len(WORD)]), tuple(row[len(WORD) : len(WORD) + len(RULED)]))
                              for row in rows)

    def values(self, copy: Doc) -> numpy.ndarray | None:
        """The RULED values of a tagged and parsed copy, or None when the ruler and lemmatizer must run."""
        table = copy.to_array(self.columns)
        if self.guarded(table).any():
            return None
        found = [self.known.get(word) for word in map(tuple, table[:, : len(WORD)].tolist())]
        if None in found:
            return None
        return numpy.array(found, dtype="uint64")


Mark = tuple[int, numpy.ndarray, int, int]  # attribute, the values it tests for, position in the pattern, length


def _selective_test(pattern: list[dict]) -> Mark | None:
    """The test of a pattern's token that lists the fewest values (`"DEP": "expl"`, `"LOWER": {"IN": [...]}`)."""
    tests = []
    for position, spec in enumerate(pattern):
        for key, value in spec.items():
            values = value.get("IN") if isinstance(value, dict) else [value]
            if isinstance(values, list) and key.upper() in IDS:
                ids = [int(v) if isinstance(v, bool) else get_string_id(v) for v in values]
                tests.append((len(ids), IDS["ORTH" if key.upper() == "TEXT" else key.upper()], ids, position))
    if not tests:
        return None
    _, attr, ids, position = min(tests, key=lambda test: test[0])
    return attr, numpy.array(ids, dtype="uint64"), position, len(pattern)


@dataclass
class Fix:
    """A sentence whose attribution lost its commas: where they were, its text with the commas
    back (tokenized, then parsed) and its cues."""

    sent: Span
    commas: list[int]
    copy: Doc
    cues: list[int]


def _with_commas(text: str, start: int, end: int, commas: list[int]) -> str:
    pieces, at = [], start
    for c in commas:
        pieces += [text[at:c], ","]
        at = c
    pieces.append(text[at:end])
    return "".join(pieces)


def _copy_parse(doc: Doc, sent: Span, commas: list[int], copy: Doc, values: numpy.ndarray) -> bool:
    """Write the copy's annotation onto the sentence's rows of `values`; False (nothing
    written) when the copy's tokens are not the sentence's plus the commas."""
    own = []  # the copy's token index of each sentence token
    shift, n = 0, 0
    for t in copy:
        offset = t.idx - shift
        if shift < len(commas) and t.text == "," and offset == commas[shift] - sent.start_char:
            shift += 1
            continue
        i = sent.start + n
        if i >= sent.end or doc[i].text != t.text or doc[i].idx - sent.start_char != offset:
            return False
        own.append(t.i)
        n += 1
    if n != len(sent) or shift != len(commas):
        return False
    mine = {c: sent.start + k for k, c in enumerate(own)}
    copied = copy.to_array(COPIED)
    for k, c in enumerate(own):
        row = copied[c].copy()
        head = copy[c].head
        while head.i not in mine and head.head.i != head.i:
            head = head.head  # an inserted comma's dependents hang on its head
        i = sent.start + k
        row[COPIED.index(HEAD)] = numpy.uint64((mine.get(head.i, i) - i) % 2**64)
        values[i] = row
    return True
