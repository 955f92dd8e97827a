"""The shared resolvers on hand-built Docs (heads, deps and entities set by hand, as spaCy's
own matcher tests build them): no model, no parser's mood."""

import pytest
import spacy
from spacy.tokens import Doc

from claimx import resolvers

VOCAB = spacy.blank("en").vocab


def doc(words, heads, deps, ents=None, lemmas=None, pos=None) -> Doc:
    return Doc(VOCAB, words=words, heads=heads, deps=deps, ents=ents, lemmas=lemmas or [w.lower() for w in words],
               pos=pos)


def test_subject_of_an_active_verb_and_of_a_passive_one():
    active = doc(["Jets", "struck", "the", "town"], [1, 1, 3, 1], ["nsubj", "ROOT", "det", "dobj"])
    assert resolvers.subject(active[1]).text == "Jets"
    passive = doc(["The", "town", "was", "struck", "by", "jets"], [1, 3, 3, 3, 3, 4],
                  ["det", "nsubjpass", "auxpass", "ROOT", "agent", "pobj"])
    assert resolvers.subject(passive[3]).text == "jets"


def test_subject_of_a_verb_taken_from_the_verb_it_depends_on():
    d = doc(["Troops", "moved", "in", ",", "shelling", "houses"], [1, 1, 1, 1, 1, 4],
            ["nsubj", "ROOT", "prt", "punct", "advcl", "dobj"], pos=["NOUN", "VERB", "ADP", "PUNCT", "VERB", "NOUN"])
    assert resolvers.subject(d[4]).text == "Troops"
    alone = doc(["Shelling", "continued"], [1, 1], ["nsubj", "ROOT"])
    assert resolvers.subject(alone[0]) is None


def test_hypothetical_by_modal_condition_or_governor():
    could = doc(["Russia", "could", "strike", "Homs"], [2, 2, 2, 2], ["nsubj", "aux", "ROOT", "dobj"])
    assert resolvers.hypothetical(could[2], aux={"could"}, conditionals={"if"})
    assert not resolvers.hypothetical(could[2], aux={"would"}, conditionals={"if"})
    threat = doc(["Russia", "threatened", "to", "strike", "Homs"], [1, 1, 3, 1, 3],
                 ["nsubj", "ROOT", "aux", "xcomp", "dobj"], lemmas=["Russia", "threaten", "to", "strike", "Homs"])
    assert resolvers.hypothetical(threat[3], aux=(), conditionals=(), governors={"threaten"}, levels=4)
    assert not resolvers.hypothetical(threat[3], aux=(), conditionals=(), governors={"threaten"}, levels=1)
    assert not resolvers.hypothetical(threat[1], aux=(), conditionals=(), governors={"threaten"}, levels=4)


def test_hypothetical_by_condition_on_the_head():
    d = doc(["if", "jets", "strike", ",", "people", "die"], [2, 2, 5, 5, 5, 5],
            ["mark", "nsubj", "advcl", "punct", "nsubj", "ROOT"])
    assert resolvers.hypothetical(d[2], aux=(), conditionals={"if", "unless"})
    assert not resolvers.hypothetical(d[5], aux=(), conditionals={"if", "unless"})


def test_negated_on_the_word_or_through_its_head():
    d = doc(["Jets", "did", "not", "strike"], [3, 3, 3, 3], ["nsubj", "aux", "neg", "ROOT"])
    assert resolvers.negated(d[3]) and not resolvers.negated(d[0])
    reported = doc(["Civilians", "were", "not", "reported", "killed"], [3, 3, 3, 3, 3],
                   ["nsubjpass", "auxpass", "neg", "ROOT", "xcomp"])
    assert not resolvers.negated(reported[4])
    assert resolvers.negated(reported[4], through=("acomp", "xcomp"))


def test_place_of_needs_a_place_entity_after_a_place_preposition():
    d = doc(["Jets", "struck", "in", "Homs", "on", "Monday"], [1, 1, 1, 2, 1, 4],
            ["nsubj", "ROOT", "prep", "pobj", "prep", "pobj"], ents=["O", "O", "O", "B-GPE", "O", "B-DATE"])
    assert resolvers.place_of(d[1], {"in", "near"}).text == "Homs"
    assert resolvers.place_of(d[1], {"near"}) is None
    assert resolvers.place_of(d[1], {"on"}) is None  # Monday is a date, not a place


def test_prep_object_skips_dates():
    d = doc(["struck", "on", "Monday", "at", "dawn", "on", "the", "base"], [0, 0, 1, 0, 3, 0, 7, 5],
            ["ROOT", "prep", "pobj", "prep", "pobj", "prep", "det", "pobj"],
            ents=["O", "O", "B-DATE", "O", "B-TIME", "O", "O", "O"])
    assert resolvers.prep_object(d[0], {"on"}).text == "base"
    assert resolvers.prep_object(d[0], {"at"}) is None


def test_places_after_and_nearest():
    d = doc(["Strikes", "in", "Homs", "and", "Hama", "killed", "12", "near", "Aleppo"],
            [5, 0, 1, 2, 2, 5, 5, 5, 7], ["nsubj", "prep", "pobj", "cc", "conj", "ROOT", "dobj", "prep", "pobj"],
            ents=["O", "O", "B-GPE", "O", "B-GPE", "O", "O", "O", "B-GPE"])
    places = resolvers.places_after(d[0:9], d.ents, {"in", "near"})
    assert [p.text for p in places] == ["Homs", "Aleppo"]  # Hama follows "and"
    assert resolvers.nearest(places, d[6]).text == "Aleppo"
    assert resolvers.nearest([], d[6]) is None


def test_entity_of():
    d = doc(["in", "Deir", "ez-Zor"], [0, 2, 0], ["ROOT", "compound", "pobj"], ents=["O", "B-GPE", "I-GPE"])
    assert resolvers.entity_of(d[2]).text == "Deir ez-Zor"
    assert resolvers.entity_of(d[0]).text == "in"


def test_first_conjunct_carries_the_phrase_role():
    d = doc(["Two", "officials", "and", "three", "residents", "said"], [1, 5, 1, 4, 1, 5],
            ["nummod", "nsubj", "cc", "nummod", "conj", "ROOT"])
    assert resolvers.first_conjunct(d[4]).text == "officials"
    assert resolvers.first_conjunct(d[1]).text == "officials"
    assert resolvers.first_conjunct(d[3]).text == "three"  # not a conjunct


@pytest.mark.parametrize(("a", "b", "distance"), [(0, 0, 0), (0, 1, 1), (0, 3, 2), (2, 3, 1), (2, 0, 3)])
def test_tree_distance(a, b, distance):
    d = doc(["Jets", "struck", "the", "town"], [1, 1, 3, 1], ["nsubj", "ROOT", "det", "dobj"])
    assert resolvers.tree_distance(d[a], d[b]) == distance


def test_phrase_of_drops_apposition_and_relative_clause():
    words = ["Bassam", "Barabandi", ",", "a", "former", "diplomat", ",", "said"]
    d = doc(words, [1, 7, 1, 5, 5, 1, 1, 7], ["compound", "nsubj", "punct", "det", "amod", "appos", "punct", "ROOT"])
    assert [t.text for t in resolvers.phrase_of(d[1])] == ["Bassam", "Barabandi"]
    rel = doc(["Officials", "who", "asked", "not", "to", "be", "named", "said"], [7, 2, 0, 6, 6, 6, 2, 7],
              ["nsubj", "nsubj", "relcl", "neg", "aux", "auxpass", "xcomp", "ROOT"])
    assert [t.text for t in resolvers.phrase_of(rel[0])] == ["Officials"]
