"""Re-parse the sentences of a comma-stripped text (FA-KES) whose attribution lost its commas.

The parser reads `Rockets killed four people in a market a council said` as a market council,
and `... to cause trouble he said` as a relative clause. `resolvers.commas` finds where the
commas were; only those sentences are parsed again, as a copy with the commas put back, and
the copy's tags, lemmas, tree and entities are written onto the document's own tokens (the
inserted commas dropped, their dependents hung on their heads). The text is never changed:
offsets stay those of the text as read."""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span

from claimx import rules
from claimx.components.base import text_of
from claimx.resolvers.commas import according_to_comma, missing_commas, stripped

COPIED = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE]
I_TAG, O_TAG, B_TAG = 1, 2, 3  # ENT_IOB codes


@Language.factory(
    "claimx_commas",
    assigns=["token.dep", "token.head", "token.tag", "token.pos", "token.lemma", "doc.ents"],
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
        words = rules.load("commas.json", patterns_dir, {"cue_lemmas": list, "participles": list})
        speakers = rules.load("claims.json", patterns_dir, {"speaker_types": dict})["speaker_types"]
        self.speaker_heads = {w for ws in speakers.values() for w in ws}
        strings = nlp.vocab.strings
        self.cue_lemmas = numpy.array([strings.add(w) for w in words["cue_lemmas"]], dtype="uint64")
        self.participles = numpy.array([strings.add(w) for w in words["participles"]], dtype="uint64")
        self.according = strings.add("according")

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        if not len(doc) or not stripped(text, len(doc)):
            return doc
        lemma, lower = doc.to_array([LEMMA, LOWER]).T
        hits = numpy.flatnonzero(numpy.isin(lemma, self.cue_lemmas) | numpy.isin(lower, self.participles)
                                 | (lower == self.according)).tolist()
        if not hits:
            return doc
        todo: list[tuple[Span, list[int]]] = []
        sent, cues = None, []
        for i in hits:
            s = doc[i].sent
            if sent is not None and s.start != sent.start:
                todo.append((sent, cues))
                cues = []
            sent = s
            cues.append(i)
        todo.append((sent, cues))
        fixes = []
        for sent, cues in todo:
            commas = missing_commas(sent, [doc[i] for i in cues if doc[i].lower_ != "according"], self.speaker_heads)
            if doc[cues[0]].i == sent.start and (at := according_to_comma(sent)) is not None:
                commas.append(at)
            if commas:
                fixes.append((sent, sorted(commas)))
        if fixes:
            self.reparse(doc, text, fixes)
        return doc

    def reparse(self, doc: Doc, text: str, fixes: list[tuple[Span, list[int]]]) -> None:
        copies = [self.nlp.make_doc(_with_commas(text, sent.start_char, sent.end_char, commas))
                  for sent, commas in fixes]
        for name, proc in self.nlp.pipeline:
            if name == self.name:
                break
            copies = list(proc.pipe(copies)) if hasattr(proc, "pipe") else [proc(d) for d in copies]
        values = doc.to_array(COPIED)
        changed = False
        for (sent, commas), copy in zip(fixes, copies):
            changed |= _copy_parse(doc, sent, commas, copy, values)
        if changed:
            _mend_entity_edges(values)
            doc.from_array(COPIED, values)


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
        if row[COPIED.index(ENT_IOB)] == I_TAG and (k == 0 or own[k - 1] != c - 1):
            row[COPIED.index(ENT_IOB)] = B_TAG  # the entity was cut at a comma
        values[i] = row
    return True


def _mend_entity_edges(values: numpy.ndarray) -> None:
    """An entity inside that now ends before a sentence edge can't run on after it."""
    iob = values[:, COPIED.index(ENT_IOB)]
    for i in numpy.flatnonzero(iob == I_TAG).tolist():
        if i == 0 or iob[i - 1] == O_TAG or iob[i - 1] == 0:
            iob[i] = B_TAG
