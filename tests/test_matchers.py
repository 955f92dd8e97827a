"""The anchored matchers find exactly what spaCy's matchers find over the whole Doc, in the same
order, on hand-built Docs (no model)."""

import pytest
import spacy
from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc

from claimx.components.matchers import AnchoredMatcher, RuleDependencyMatcher

VOCAB = spacy.blank("en").vocab

# "Jets killed ten people and killed dozens more . Officials said the toll rose to 61 ."
WORDS = ["Jets", "killed", "ten", "people", "and", "killed", "dozens", "more", ".",
         "Officials", "said", "the", "toll", "rose", "to", "61", "."]
LEMMAS = ["jet", "kill", "ten", "people", "and", "kill", "dozen", "more", ".",
          "official", "say", "the", "toll", "rise", "to", "61", "."]
POS = ["NOUN", "VERB", "NUM", "NOUN", "CCONJ", "VERB", "NOUN", "ADJ", "PUNCT",
       "NOUN", "VERB", "DET", "NOUN", "VERB", "ADP", "NUM", "PUNCT"]
HEADS = [1, 1, 3, 1, 1, 1, 5, 6, 1, 10, 10, 12, 13, 10, 13, 14, 10]
DEPS = ["nsubj", "ROOT", "nummod", "dobj", "cc", "conj", "dobj", "amod", "punct",
        "nsubj", "ROOT", "det", "nsubj", "ccomp", "prep", "pobj", "punct"]


def doc() -> Doc:
    return Doc(VOCAB, words=WORDS, lemmas=LEMMAS, pos=POS, heads=HEADS, deps=DEPS,
               sent_starts=[True] + [False] * 8 + [True] + [False] * 7)


TOKEN_RULES = {
    "killed": [[{"LOWER": {"IN": ["killed", "dead"]}}], [{"LEMMA": {"IN": ["kill", "die"]}}]],
    "more": [[{"LEMMA": {"IN": ["kill"]}, "POS": "VERB"}, {"LOWER": {"IN": ["dozens", "scores"]}}, {"LOWER": "more"}]],
    "said": [[{"LEMMA": "say", "POS": {"IN": ["VERB", "AUX"]}}]],
    "toll": [[{"ORTH": "toll"}, {"LEMMA": "rise"}]],
    "absent": [[{"LOWER": {"IN": ["wounded", "injured"]}}]],
}


def both(rules: dict) -> tuple[Matcher, AnchoredMatcher]:
    plain, anchored = Matcher(VOCAB, validate=True), AnchoredMatcher(VOCAB, validate=True)
    for key, patterns in rules.items():
        plain.add(key, patterns)
        anchored.add(key, patterns)
    return plain, anchored


def test_anchored_matcher_finds_what_the_matcher_finds_in_its_order():
    plain, anchored = both(TOKEN_RULES)
    assert anchored.first_words is not None  # every rule starts with a word test: it runs on stretches
    assert anchored(doc()) == plain(doc())
    names = [VOCAB.strings[key] for key, _, _ in anchored(doc())]
    assert "more" in names and "toll" in names and "absent" not in names


def test_a_pattern_without_a_first_word_or_of_open_length_runs_on_the_whole_doc():
    for extra in ({"number": [[{"POS": "NUM"}, {"LOWER": "people"}]]},
                  {"optional": [[{"LEMMA": "kill"}, {"POS": "NUM", "OP": "?"}, {"LOWER": "people"}]]}):
        plain, anchored = both({**TOKEN_RULES, **extra})
        assert anchored.first_words is None
        assert anchored(doc()) == plain(doc())


def test_anchored_matcher_on_a_doc_without_its_words_finds_nothing():
    _, anchored = both({"absent": TOKEN_RULES["absent"]})
    assert anchored(doc()) == []
    assert anchored(Doc(VOCAB, words=[])) == []


TOLL = [{"RIGHT_ID": "prep", "RIGHT_ATTRS": {"LOWER": {"IN": ["to", "at"]}, "DEP": "prep"}},
        {"LEFT_ID": "prep", "REL_OP": "<", "RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": ["rise", "reach"]}}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "toll", "RIGHT_ATTRS": {"LOWER": "toll"}}]
OBJECT = [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": "kill"}},
          {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "object", "RIGHT_ATTRS": {"DEP": "dobj"}}]
WEAPON = [{"RIGHT_ID": "weapon", "RIGHT_ATTRS": {"LOWER": "bombs", "DEP": "dobj"}},
          {"LEFT_ID": "weapon", "REL_OP": "<", "RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": "drop"}}]
ANY_VERB = [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": "VERB"}},
            {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "subject", "RIGHT_ATTRS": {"DEP": "nsubj"}}]


@pytest.mark.parametrize("rules", [{"toll": [TOLL], "object": [OBJECT], "weapon": [WEAPON]},
                                   {"weapon": [WEAPON], "any": [ANY_VERB], "toll": [TOLL, WEAPON]}])
def test_rule_dependency_matcher_finds_what_the_dependency_matcher_finds_in_its_order(rules):
    plain, per_rule = DependencyMatcher(VOCAB), RuleDependencyMatcher(VOCAB)
    for key, patterns in rules.items():
        plain.add(key, patterns)
        per_rule.add(key, patterns)
    assert per_rule(doc()) == plain(doc())
    assert len(per_rule) == len(rules)


def test_a_dependency_rule_missing_a_nodes_word_is_not_run():
    per_rule = RuleDependencyMatcher(VOCAB)
    per_rule.add("weapon", [WEAPON])
    per_rule.rules[0][0].add("probe", [ANY_VERB])  # would match if the rule's matcher ran: it must not
    assert per_rule(doc()) == []


def test_a_dependency_rule_runs_its_token_matcher_on_the_sentences_holding_its_words_alone():
    per_rule = RuleDependencyMatcher(VOCAB)
    per_rule.add("toll", [TOLL])
    per_rule.add("object", [OBJECT])
    found = per_rule(doc())
    (toll, _), (obj, _) = per_rule.rules
    assert toll.sentences == [(9, 17)]  # "toll" and "rise" are in the second sentence only
    assert obj.sentences == [(0, 9)]
    assert [VOCAB.strings[key] for key, _ in found] == ["toll", "object", "object"]
