"""What a claim's spans must not start with: bylines, datelines and the words that open the
sentence before a speaker (resolvers.openers, on strings and hand-built Docs)."""

import pytest
import spacy
from spacy.tokens import Doc

from claimx.resolvers.openers import byline_length, without_opener

VOCAB = spacy.blank("en").vocab


@pytest.mark.parametrize("text, rest", [
    ("MOSCOW (Sputnik) Six people were killed", "Six people were killed"),
    ("BEIRUT (Reuters) - Rebels shelled the city", "Rebels shelled the city"),
    ("(Reuters) Western powers say", "Western powers say"),
    ("Reuters) Western powers say", "Western powers say"),
    ("DAMASCUS - Rebels said", "Rebels said"),
])
def test_byline_at_the_start_of_a_span(text, rest):
    assert text[byline_length(text) :] == rest


@pytest.mark.parametrize("text", ["ISIS fighters killed 12", "Turkey (a NATO member) said", "UN (United Nations) staff",
                                  "(Reuters)", "BEIRUT A counterattack"])
def test_no_byline(text):
    assert byline_length(text) == 0


def phrase(words, pos, heads, deps) -> list:
    return list(Doc(VOCAB, words=words, pos=pos, heads=heads, deps=deps))


def test_speaker_without_the_words_that_open_the_sentence():
    tokens = phrase(["Earlier", "in", "the", "day", "a", "source"], ["ADV", "ADP", "DET", "NOUN", "DET", "NOUN"],
                    [5, 0, 3, 1, 5, 5], ["advmod", "prep", "det", "pobj", "det", "ROOT"])
    assert [t.text for t in without_opener(tokens)] == ["a", "source"]
    statement = phrase(["In", "a", "statement", "the", "ministry"], ["ADP", "DET", "NOUN", "DET", "NOUN"],
                       [4, 2, 0, 4, 4], ["prep", "det", "pobj", "det", "ROOT"])
    assert [t.text for t in without_opener(statement)] == ["the", "ministry"]


def test_speaker_phrases_that_keep_their_first_words():
    at_least = phrase(["at", "least", "36", "people"], ["ADP", "ADV", "NUM", "NOUN"], [1, 2, 3, 3],
                      ["advmod", "advmod", "nummod", "ROOT"])
    assert without_opener(at_least) == at_least
    head_of = phrase(["head", "of", "the", "observatory"], ["NOUN", "ADP", "DET", "NOUN"], [0, 0, 3, 1],
                     ["ROOT", "prep", "det", "pobj"])
    assert without_opener(head_of) == head_of
    only = phrase(["Earlier"], ["ADV"], [0], ["ROOT"])
    assert without_opener(only) == only
