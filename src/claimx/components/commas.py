"""Re-parse the sentences of a comma-stripped text (FA-KES) whose attribution lost its commas.

The parser reads `Rockets killed four people in a market a council said` as a market council,
and `... to cause trouble he said` as a relative clause. `resolvers.commas` finds where the
commas were; only those sentences are parsed again, as a copy with the commas put back, and
the copy's tags, lemmas and tree are written onto the document's own tokens (the
inserted commas dropped, their dependents hung on their heads). The text is never changed:
offsets stay those of the text as read."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
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
        return found

    def parse(self, copies: list[Doc]) -> list[Doc]:
        """The pipeline's components before this one, but entity recognisers: the document's
        own entities stand."""
        for proc in self.reparsing():
            if copies:
                copies = list(proc.pipe(copies)) if hasattr(proc, "pipe") else [proc(d) for d in copies]
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
