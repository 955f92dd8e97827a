"""Claim resolvers for clean news (boundaries, cues beyond a finite verb with a clause) on
hand-built Docs or plain text: no model."""

import re

import spacy
from spacy.tokens import Doc

from claimx import resolvers


def test_doubled_apostrophes_become_single_marks_beside_the_quoted_words():
    text = "''It is more tinkering at the edges,'' said Alan Cole. ''Seeing it is emotional.''"
    marked = resolvers.single_marks(text, re.compile("''"), '"')
    assert len(marked) == len(text)
    assert marked == ' "It is more tinkering at the edges,"  said Alan Cole.  "Seeing it is emotional." '
    quotes = resolvers.find_quotes(marked, {'"'}, {'"'}, re.compile('"|\n'))
    assert [text[q.start : q.end] for q in quotes] == ["It is more tinkering at the edges,", "Seeing it is emotional."]


def test_a_lone_apostrophe_is_not_a_mark():
    text = "The players' union said it's over."
    assert resolvers.single_marks(text, re.compile("''"), '"') == text


VOCAB = spacy.blank("en").vocab


def doc(words, heads, deps, pos=None, lemmas=None, tags=None) -> Doc:
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags,
               lemmas=lemmas or [w.lower() for w in words])


TRIM = {"that", ",", ";", ":"}


def test_parenthetical_attribution_reports_the_whole_clause():
    d = doc(["The", "test", ",", "Korea", "said", ",", "was", "its", "biggest", "."], [1, 6, 4, 4, 6, 4, 6, 8, 6, 6],
            ["det", "nsubj", "punct", "nsubj", "parataxis", "punct", "ROOT", "poss", "attr", "punct"],
            pos=["DET", "NOUN", "PUNCT", "PROPN", "VERB", "PUNCT", "AUX", "PRON", "ADJ", "PUNCT"])
    start, end = resolvers.parenthetical_content(d[4], TRIM)
    assert d.text[start:end] == "The test , Korea said , was its biggest"
    closing = doc(["The", "test", "was", "big", ",", "Korea", "said", "."], [1, 2, 2, 2, 6, 6, 2, 2],
                  ["det", "nsubj", "ROOT", "acomp", "punct", "nsubj", "parataxis", "punct"],
                  pos=["DET", "NOUN", "AUX", "ADJ", "PUNCT", "PROPN", "VERB", "PUNCT"])
    assert resolvers.parenthetical_content(closing[6], TRIM) is None  # "Y, X said." is reported_content's


def test_parenthetical_attribution_that_lost_its_commas():
    d = doc(["The", "test", "Korea", "said", "was", "its", "biggest", "."], [1, 4, 3, 4, 4, 6, 4, 4],
            ["det", "nsubj", "nsubj", "parataxis", "ROOT", "poss", "attr", "punct"],
            pos=["DET", "NOUN", "PROPN", "VERB", "AUX", "PRON", "ADJ", "PUNCT"])
    start, end = resolvers.parenthetical_content(d[3], TRIM)
    assert d.text[start:end] == "The test Korea said was its biggest"
    one_comma = doc(["The", "test", ",", "Korea", "said", "was", "its", "biggest", "."], [1, 5, 4, 4, 5, 5, 7, 5, 5],
                    ["det", "nsubj", "punct", "nsubj", "parataxis", "ROOT", "poss", "attr", "punct"],
                    pos=["DET", "NOUN", "PUNCT", "PROPN", "VERB", "AUX", "PRON", "ADJ", "PUNCT"])
    assert resolvers.parenthetical_content(one_comma[4], TRIM) is None


def test_the_speaker_of_a_cue_after_a_quote_is_outside_it():
    words = ['"', "It", "is", "hard", '"', "said", "Omar", "Saleh", "."]
    d = Doc(VOCAB, words=words, spaces=[False, True, True, False, True, True, True, False, False],
            heads=[5, 3, 3, 5, 5, 5, 7, 5, 5],
            deps=["punct", "nsubj", "cop", "nsubj", "punct", "ROOT", "compound", "nsubj", "punct"])
    q = resolvers.Quote(1, d[4].idx, d[4].idx)
    assert resolvers.speaker_after(q, d[5], lambda cue: d[3]).i == 7  # not "hard", inside the quote
    assert resolvers.speaker_after(q, d[5], lambda cue: d[7]).i == 7


def test_object_content_is_the_direct_object_not_a_bare_pronoun():
    d = doc(["The", "firm", "announced", "a", "buyback", "."], [1, 2, 2, 4, 2, 2],
            ["det", "nsubj", "ROOT", "det", "dobj", "punct"])
    start, end = resolvers.object_content(d[2], TRIM, {"it"}, lambda t: False)
    assert d.text[start:end] == "a buyback"
    bare = doc(["He", "said", "it"], [1, 1, 1], ["nsubj", "ROOT", "dobj"])
    assert resolvers.object_content(bare[1], TRIM, {"it"}, lambda t: False) is None
    inverted = doc(["Jets", "struck", "said", "a", "group"], [1, 2, 2, 4, 2], ["nsubj", "ccomp", "ROOT", "det", "dobj"])
    assert resolvers.object_content(inverted[2], TRIM, {"it"}, lambda t: t.lower_ == "group") is None


def test_passive_content_is_the_subject_of_a_cue_with_a_by_phrase():
    d = doc(["The", "issue", "was", "reported", "by", "the", "Post"], [1, 3, 3, 3, 3, 6, 4],
            ["det", "nsubjpass", "auxpass", "ROOT", "agent", "det", "pobj"])
    start, end = resolvers.passive_content(d[3], TRIM, {"it"})
    assert d.text[start:end] == "The issue"
    no_agent = doc(["The", "issue", "was", "reported"], [1, 3, 3, 3], ["det", "nsubjpass", "auxpass", "ROOT"])
    assert resolvers.passive_content(no_agent[3], TRIM, {"it"}) is None


def speaker_of(cue, heads=("ministry", "memo", "surveys")):
    return resolvers.speaker(cue, relative_pronouns={"who"}, is_cue=lambda t: False,
                             plausible=lambda t: t.lower_ in heads)


def test_participle_on_a_speaking_noun_or_after_with_takes_the_noun_or_its_issuer():
    memo = doc(["The", "ministry", "released", "a", "memo", "arguing", "that", "it", "failed"],
               [1, 2, 2, 4, 2, 4, 8, 8, 5], ["det", "nsubj", "ROOT", "det", "dobj", "acl", "mark", "nsubj", "ccomp"],
               pos=["DET", "NOUN", "VERB", "DET", "NOUN", "VERB", "SCONJ", "PRON", "VERB"],
               tags=["DT", "NN", "VBD", "DT", "NN", "VBG", "IN", "PRP", "VBD"])
    assert speaker_of(memo[5]).text == "ministry"
    surveys = doc(["With", "polls", "showing", "anger", ",", "it", "changed"], [6, 0, 1, 2, 6, 6, 6],
                  ["prep", "pobj", "acl", "dobj", "punct", "nsubj", "ROOT"],
                  pos=["ADP", "NOUN", "VERB", "NOUN", "PUNCT", "PRON", "VERB"],
                  tags=["IN", "NNS", "VBG", "NN", ",", "PRP", "VBD"])
    assert speaker_of(surveys[2]).text == "polls"
    named = doc(["A", "group", "called", "EB-5", "grew"], [1, 4, 1, 2, 4], ["det", "nsubj", "acl", "oprd", "ROOT"],
                pos=["DET", "NOUN", "VERB", "PROPN", "VERB"], tags=["DT", "NN", "VBN", "NNP", "VBD"])
    assert speaker_of(named[2]) is None  # a past participle names, it does not say


def test_a_split_quote_stops_where_a_cue_on_the_attribution_reports_the_next_quote():
    text = '"No link," he said, adding that "it takes hours."'
    d = Doc(VOCAB, words=['"', "No", "link", ",", '"', "he", "said", ",", "adding", "that", '"', "it", "takes", "hours",
                          ".", '"'],
            spaces=[False, True, False, False, True, True, False, True, True, True, False, True, True, False, False,
                    False],
            heads=[6, 2, 6, 6, 6, 6, 6, 6, 6, 12, 12, 12, 8, 12, 12, 12],
            deps=["punct", "det", "ccomp", "punct", "punct", "nsubj", "ROOT", "punct", "advcl", "mark", "punct",
                  "nsubj", "ccomp", "dobj", "punct", "punct"])
    assert d.text == text
    quotes = resolvers.find_quotes(text, {'"'}, {'"'}, re.compile('"|\n'))
    assert resolvers.next_part(text, d[6], quotes, 0) == 1  # no cue known: joined
    assert resolvers.next_part(text, d[6], quotes, 0, is_cue=lambda t: t.text == "adding") is None


def test_nominal_content_is_the_that_clause_or_the_topic_without_the_sentence_verb():
    d = doc(["Her", "remarks", "about", "tariffs", "angered", "farmers"], [1, 1, 1, 2, 3, 4],
            ["poss", "ROOT", "prep", "pobj", "acl", "dobj"])
    start, end = resolvers.nominal_content(d[1], d[2], TRIM)
    assert d.text[start:end] == "tariffs"
    claim = doc(["his", "claim", "that", "people", "lose"], [1, 1, 4, 4, 1], ["poss", "ROOT", "mark", "nsubj", "acl"])
    start, end = resolvers.nominal_content(claim[1], claim[2], TRIM)
    assert claim.text[start:end] == "people lose"
