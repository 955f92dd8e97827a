"""spaCy matchers that run only where their rules can match, with the same results as running
them over the whole Doc.

A spaCy Matcher tries every pattern at every token, and a long `{"LOWER": {"IN": [...]}}` test
is a Python call per token and pattern; most tokens of an article start no rule. A rule whose
patterns all begin with a fixed word test (an `ORTH`/`TEXT`/`LOWER`/`NORM`/`LEMMA` value or
`IN` list) and have a fixed length can only match at a token that passes that test, so the
words are looked up for the whole Doc at once (numpy, on `Doc.to_array`) and the Matcher runs
on the stretches around those tokens alone. A DependencyMatcher rule can only match in a
sentence (a parse tree lies within its sentence) holding, for each of its nodes that tests
words, a token that passes the test: its token matcher runs on those sentences alone.
"""

from __future__ import annotations

from collections import defaultdict

import numpy
from spacy.attrs import IDS, SENT_START
from spacy.matcher import DependencyMatcher, Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc

WORD_ATTRS = ("ORTH", "LOWER", "NORM", "LEMMA")  # token attributes holding a word's string id

Anchor = tuple[int, frozenset[int]]  # a token attribute's id and the string ids it must hold


def word_test(spec: dict) -> Anchor | None:
    """The first word test of a token spec (attribute, values it must take), or None."""
    for key, value in spec.items():
        attr = "ORTH" if key.upper() == "TEXT" else key.upper()
        if attr not in WORD_ATTRS:
            continue
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            return IDS[attr], frozenset({get_string_id(value)})
        if isinstance(value, dict) and isinstance(value.get("IN"), list):
            return IDS[attr], frozenset(get_string_id(v) for v in value["IN"])
    return None


GAP = 8  # stretches this few tokens apart are matched in one call: a call costs more than a few tokens


def _columns(doc: Doc, attrs: list[int]) -> numpy.ndarray:
    """The Doc's values of `attrs`, one column each."""
    return doc.to_array(attrs).reshape(len(doc), len(attrs))


def _passing(column: numpy.ndarray, ids: numpy.ndarray) -> numpy.ndarray:
    """Which values of `column` are among the sorted `ids` (numpy.isin costs more on short columns)."""
    at = numpy.searchsorted(ids, column)
    return ids[numpy.minimum(at, len(ids) - 1)] == column


class AnchoredMatcher:
    """A Matcher (same `add` and call) that runs only on the stretches of a Doc where a rule
    can start, when every pattern allows it: its first token tests words and no token has an
    operator (a fixed length). Otherwise on the whole Doc."""

    def __init__(self, vocab, validate: bool = True):
        self.matcher = Matcher(vocab, validate=validate)
        self.first_words: dict[int, set[int]] | None = {}  # attribute -> ids; None: some pattern has no anchor
        self.longest = 0

    def __len__(self) -> int:
        return len(self.matcher)

    def add(self, key: str, patterns: list[list[dict]]) -> None:
        self.matcher.add(key, patterns)  # validates first: a bad pattern is not analysed below
        for pattern in patterns:
            anchor = word_test(pattern[0]) if pattern else None
            if anchor is None or any("OP" in {k.upper() for k in spec} for spec in pattern):
                self.first_words = None
            elif self.first_words is not None:
                self.first_words.setdefault(anchor[0], set()).update(anchor[1])
                self.longest = max(self.longest, len(pattern))
        if self.first_words is not None:
            self.attrs = sorted(self.first_words)
            self.ids = [numpy.sort(numpy.fromiter(self.first_words[a], dtype=numpy.uint64)) for a in self.attrs]

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        if self.first_words is None:
            return self.matcher(doc)
        if not len(self.matcher) or not len(doc):
            return []
        columns = _columns(doc, self.attrs)
        starts = numpy.zeros(len(doc), dtype=bool)
        for n, ids in enumerate(self.ids):
            starts |= _passing(columns[:, n], ids)
        # a match lies within `longest` tokens from its first token; overlapping (or close)
        # stretches join, so that matches come out once and in the order a whole-Doc run gives them
        stretches: list[list[int]] = []
        for i in numpy.flatnonzero(starts).tolist():
            if stretches and i <= stretches[-1][1] + GAP:
                stretches[-1][1] = min(i + self.longest, len(doc))
            else:
                stretches.append([i, min(i + self.longest, len(doc))])
        return [match for start, end in stretches for match in self._within(doc, start, end)]

    def _within(self, doc: Doc, start: int, end: int) -> list[tuple[int, int, int]]:
        return [(key, start + s, start + e) for key, s, e in self.matcher(doc[start:end])]


class _SentenceDependencyMatcher(DependencyMatcher):
    """spaCy's DependencyMatcher, its token matcher (a Python call per token and `IN` test)
    run on the token ranges in `self.sentences` alone, set before each call."""

    sentences: list[tuple[int, int]] = []  # noqa: RUF012  set before each call

    def _get_keys_to_position_maps(self, doc: Doc) -> dict:
        """As DependencyMatcher's: the tokens each node matches, by the root of their tree."""
        positions: dict = defaultdict(lambda: defaultdict(list))
        for start, end in self.sentences:
            for node, first, _ in self._matcher(doc[start:end]):
                token = doc[start + first]
                root = ([token] + list(token.ancestors))[-1]
                positions[root.i][node].append(token.i)
        return positions


class RuleDependencyMatcher:
    """A DependencyMatcher per rule (same `add` and call), each run only on the sentences that
    hold words for every node of one of its patterns that tests words. Rules come out in the
    order added, as from one DependencyMatcher (trees are sentences: each rule's matches keep their order)."""

    def __init__(self, vocab, validate: bool = True):
        self.vocab = vocab
        self.validate = validate
        self.rules: list[tuple[DependencyMatcher, list[list[tuple[int, numpy.ndarray]]]]] = []  # word tests by pattern

    def __len__(self) -> int:
        return len(self.rules)

    def add(self, key: str, patterns: list[list[dict]]) -> None:
        matcher = _SentenceDependencyMatcher(self.vocab, validate=self.validate)
        matcher.add(key, patterns)
        needs = [[(attr, numpy.sort(numpy.fromiter(ids, dtype=numpy.uint64)))
                  for node in pattern if (test := word_test(node.get("RIGHT_ATTRS", {}))) for attr, ids in [test]]
                 for pattern in patterns]
        self.rules.append((matcher, needs))

    def __call__(self, doc: Doc) -> list[tuple[int, list[int]]]:
        if not self.rules or not len(doc):
            return []
        attrs = sorted({attr for _, needs in self.rules for pattern in needs for attr, _ in pattern})
        columns = _columns(doc, [*attrs, SENT_START])
        starts = columns[:, -1] == 1
        starts[0] = True
        sentence_of = numpy.cumsum(starts) - 1  # each token's sentence number
        bounds = [*numpy.flatnonzero(starts).tolist(), len(doc)]
        out = []
        for matcher, needs in self.rules:
            held = numpy.zeros(len(bounds) - 1, dtype=bool)  # sentences where one of the patterns may match
            for pattern in needs:
                holds_all = numpy.ones(len(held), dtype=bool)
                for attr, ids in pattern:
                    holds = numpy.zeros(len(held), dtype=bool)
                    holds[sentence_of[_passing(columns[:, attrs.index(attr)], ids)]] = True
                    holds_all &= holds
                held |= holds_all
            matcher.sentences = [(bounds[n], bounds[n + 1]) for n in numpy.flatnonzero(held).tolist()]
            if matcher.sentences:
                out += matcher(doc)
        return out
