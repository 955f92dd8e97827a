"""The model's attribute ruler and lemmatizer, remembered per word.

Both decide a token by its text, tag and dependency label alone (but for a few patterns of
several tokens, see TokenRules), yet spaCy's attribute ruler runs its matcher over every token
of every document: with the lemmatizer, about 12 ms of a news article's 62 in en_core_web_sm.
`claimx_word_rules` stands in for the two (the pipeline keeps them, disabled, and runs them on
what it has not seen): the annotation is the same token for token, at about a tenth of the cost."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cached_property

import numpy
from spacy.attrs import DEP, HEAD, IDS, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.util import minibatch

RULED = [TAG, POS, MORPH, LEMMA]  # what an attribute ruler and a lemmatizer set on a token
WORD = [ORTH, TAG, DEP]  # what they decide it by (but for the patterns TokenRules.marks stand for)
# token attributes a ruler pattern of one token may test for TokenRules to stand in for it
WORD_TESTS = frozenset({"ORTH", "TEXT", "LOWER", "IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "TAG", "DEP"})
RULED_NAMES = frozenset({"POS", "MORPH", "LEMMA"})
MAX_WORDS = 100_000  # about 30 MB, when a run holds no memory zone (see WordRules.memory_zone)


@Language.factory(
    "claimx_word_rules",
    assigns=["token.tag", "token.pos", "token.morph", "token.lemma"],
    requires=["token.tag", "token.dep"],
    default_config={"ruler": "attribute_ruler", "lemmatizer": "lemmatizer"},
)
def make_word_rules(nlp: Language, name: str, ruler: str, lemmatizer: str) -> WordRules:
    return WordRules(nlp, name, ruler=ruler, lemmatizer=lemmatizer)


def use_word_rules(nlp: Language) -> bool:
    """Put `claimx_word_rules` in place of the pipeline's attribute ruler and lemmatizer (kept,
    disabled) when it can stand in for them; False when it can't."""
    names = nlp.pipe_names
    if "attribute_ruler" not in names or "lemmatizer" not in names \
            or names.index("lemmatizer") != names.index("attribute_ruler") + 1 \
            or TokenRules.of([nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")]) is None:
        return False
    nlp.add_pipe("claimx_word_rules", before="attribute_ruler")
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    return True


class WordIndex(list):
    """A rule lemmatizer's index of the words of a part of speech (a list in spaCy's lookups,
    kept one so it saves as before) whose `in` is a set's: the lemmatizer tests each form a
    word it has not seen may take against lists of up to 57,000 words, 65 µs a word."""

    def __init__(self, words):
        super().__init__(words)
        self.words = frozenset(self)

    def __contains__(self, word) -> bool:
        return word in self.words


class WordRules:
    """Gives each token what the attribute ruler and the lemmatizer after it would. Tokens it
    has not seen, and the tokens a pattern of several tokens may match, go through the two
    themselves, gathered into one small Doc per batch (and one per run of such tokens)."""

    def __init__(self, nlp: Language, name: str, *, ruler: str, lemmatizer: str):
        self.nlp = nlp
        self.name = name
        self.ruler_name = ruler
        self.lemmatizer_name = lemmatizer

    @cached_property
    def procs(self) -> list:
        ruler, lemmatizer = self.nlp.get_pipe(self.ruler_name), self.nlp.get_pipe(self.lemmatizer_name)
        index = lemmatizer.lookups.get_table("lemma_index", {})
        for pos, words in index.items():
            index[pos] = WordIndex(words)
        return [ruler, lemmatizer]

    @cached_property
    def rules(self) -> TokenRules:
        rules = TokenRules.of(self.procs)
        if rules is None:
            raise ValueError(f"{self.name}: '{self.ruler_name}' and '{self.lemmatizer_name}' have rules it can't "
                             "stand in for; leave them in the pipeline instead")
        return rules

    @contextmanager
    def memory_zone(self, mem=None) -> Iterator[None]:
        """Entered with `nlp.memory_zone()`: what is learned inside names strings the zone
        frees (a rare word's lemma), so it is forgotten with them."""
        try:
            yield
        finally:
            if "rules" in self.__dict__:
                self.rules.known.clear()

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        rules = self.rules
        for batch in minibatch(stream, batch_size):
            tables = [doc.to_array(rules.columns) for doc in batch]
            guarded = [rules.guarded(table) for table in tables]
            keys = [list(map(tuple, table[~near, : len(WORD)].tolist()))  # of each doc's unguarded tokens
                    for table, near in zip(tables, guarded, strict=True)]
            runs = [_runs(near) for near in guarded]
            unseen = dict.fromkeys(key for doc_keys in keys for key in doc_keys if key not in rules.known)
            learned = self._run([self._words(numpy.array(list(unseen), dtype="uint64").reshape(-1, len(WORD))),
                                 *(self._words(table[start:end, : len(WORD)])
                                   for table, doc_runs in zip(tables, runs, strict=True) for start, end in doc_runs)])
            fresh = dict(zip(unseen, map(tuple, learned[0][:, len(WORD) :].tolist()), strict=True))
            rules.remember(fresh)
            ran = iter(learned[1:])
            for doc, table, near, doc_keys, doc_runs in zip(batch, tables, guarded, keys, runs, strict=True):
                values = numpy.empty((len(doc), len(RULED)), dtype="uint64")
                if doc_keys:
                    values[~near] = [rules.known.get(key) or fresh[key] for key in doc_keys]
                relabelled = []
                for start, end in doc_runs:
                    run = next(ran)
                    values[start:end] = run[:, len(WORD) :]
                    deps = run[:, WORD.index(DEP)]
                    relabelled += [(start + k, int(deps[k])) for k in
                                   numpy.flatnonzero(deps != table[start:end, WORD.index(DEP)]).tolist()]
                doc.from_array(RULED, values)
                for i, dep in relabelled:  # a ruler pattern may relabel (whitespace: "dep")
                    doc[i].dep = dep
                yield doc

    def _words(self, rows: numpy.ndarray) -> Doc:
        """A Doc of the given words (rows of WORD), each its own tree: its tokens match the
        ruler's patterns as they do in place, as no pattern tests a token's head. The words not
        seen are gathered in one: none of them is a token a pattern of several tokens may match
        (those are run in place), so no pattern spans two of them."""
        strings = self.nlp.vocab.strings
        doc = Doc(self.nlp.vocab, words=[strings[orth] for orth in rows[:, 0].tolist()])
        if len(rows):
            doc.from_array([TAG, DEP, HEAD], numpy.column_stack([rows[:, 1:], numpy.zeros(len(rows), dtype="uint64")]))
        return doc

    def _run(self, docs: list[Doc]) -> list[numpy.ndarray]:
        """WORD then RULED of each Doc's tokens, after the ruler and the lemmatizer."""
        for proc in self.procs:
            docs = list(proc.pipe(docs))
        return [doc.to_array([*WORD, *RULED]) for doc in docs]


def _runs(near: numpy.ndarray) -> list[tuple[int, int]]:
    """(start, end) of each run of True in `near`."""
    edges = numpy.flatnonzero(numpy.diff(numpy.concatenate(([0], near.view(numpy.int8), [0]))))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True))


class TokenRules:
    """What an attribute ruler and a lemmatizer after it set on a token (tag, POS, morphology,
    lemma), learned per word, tag and dependency label: both decide a token by these alone, but
    for the ruler's patterns of several tokens ("there is") and those that set more than POS,
    morphology and lemma (retag, relabel), which can match only around a token passing their
    most selective test (`marks`): such tokens go through both."""

    def __init__(self, marks: list[Mark]):
        self.marks = marks
        self.columns = [*WORD, *sorted({attr for attr, *_ in marks} - set(WORD))]
        self.known: dict[tuple[int, ...], tuple[int, ...]] = {}

    @classmethod
    def of(cls, procs: list) -> TokenRules | None:
        """TokenRules for a rule-based lemmatizer after an attribute ruler whose patterns of
        one token test the word, tag and dependency label alone (and of those that set more
        than POS, morphology and lemma, the word alone), and whose others each have a test of
        listed values; None otherwise."""
        if len(procs) != 2 or not isinstance(procs[0], AttributeRuler) or not isinstance(procs[1], Lemmatizer) \
                or procs[1].mode not in ("rule", "lookup"):
            return None
        marks = []
        for entry in procs[0].patterns:
            sets_more = bool(set(entry["attrs"]) - RULED_NAMES)
            for pattern in entry["patterns"]:
                tests = {key.upper() for key in pattern[0]} if len(pattern) == 1 else set()
                if not tests <= WORD_TESTS:
                    return None
                if len(pattern) > 1 or sets_more:
                    if (mark := _selective_test(pattern)) is None:
                        return None
                    marks.append(mark)
        return cls(marks)

    def guarded(self, table: numpy.ndarray) -> numpy.ndarray:
        """Which tokens (rows of a Doc's `columns`) a pattern of several tokens, or one that
        sets more than POS, morphology and lemma, may match."""
        guarded = numpy.zeros(len(table), dtype=bool)
        for attr, ids, position, length in self.marks:
            column = table[:, self.columns.index(attr)]
            for hit in numpy.flatnonzero(column == ids[0] if len(ids) == 1 else numpy.isin(column, ids)).tolist():
                guarded[max(hit - position, 0) : hit - position + length] = True
        return guarded

    def remember(self, values: dict[tuple[int, ...], tuple[int, ...]]) -> None:
        if len(self.known) < MAX_WORDS:
            self.known.update(values)


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
