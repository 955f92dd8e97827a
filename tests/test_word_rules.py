"""claimx_word_rules gives every token what the model's attribute ruler and lemmatizer give it."""

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from claimx.components.paragraphs import mark_paragraphs
from claimx.components.word_rules import TokenRules, WordIndex, WordRules, use_word_rules
from claimx.pipeline import resolve_model

ANNOTATION = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
SENTENCES = [
    "Rockets killed four people in a market, a council said.",
    "There were four people in the market and there is no water.",  # "were" after "there": a rule of two tokens
    "Y'all gonna see it, let's go, they all went home on Friday all the same.",
    "I told you it was over.\n\nBut she gave it to me  and you.",  # whitespace tokens are retagged and relabelled
    "Zyxwvut quibbled with the Frobnicators about 1,200 blorfs.",  # words no model has seen
]


@pytest.fixture(scope="module")
def model():
    """The model as spaCy loads it: its own attribute ruler and lemmatizer, untouched."""
    return spacy.load(resolve_model())


def parsed(nlp, text: str):
    """A Doc as claimx's pipeline has it before the attribute ruler: tagged and parsed."""
    doc = mark_paragraphs(nlp.get_pipe("tagger")(nlp.get_pipe("tok2vec")(nlp.make_doc(text))))
    return nlp.get_pipe("parser")(doc)


def by_the_model(model, text: str):
    return model.get_pipe("lemmatizer")(model.get_pipe("attribute_ruler")(parsed(model, text)))


def fresh(nlp) -> WordRules:
    return WordRules(nlp, "test_word_rules", ruler="attribute_ruler", lemmatizer="lemmatizer")


def test_the_loaded_pipeline_runs_word_rules_in_place_of_the_ruler_and_lemmatizer(nlp):
    assert nlp.pipe_names.index("claimx_word_rules") == nlp.pipe_names.index("parser") + 1
    assert {"attribute_ruler", "lemmatizer"} <= set(nlp.disabled)


def test_each_token_gets_what_the_ruler_and_lemmatizer_give_it(nlp, model):
    rules = fresh(nlp)
    for _ in range(2):  # first from the ruler and lemmatizer, then from what was learned
        docs = list(rules.pipe([parsed(nlp, text) for text in SENTENCES]))
        for doc, text in zip(docs, SENTENCES, strict=True):
            assert (doc.to_array(ANNOTATION) == by_the_model(model, text).to_array(ANNOTATION)).all(), text
    doc = docs[1]
    assert [t.pos_ for t in doc][:2] == ["PRON", "VERB"] and doc[1].lemma_ == "be"
    assert [t.dep_ for t in docs[3] if t.is_space] == ["dep", "dep"]
    assert docs[0][1].lemma_ == "kill"


def test_words_learned_once_are_not_run_again(nlp):
    rules = fresh(nlp)
    list(rules.pipe([parsed(nlp, SENTENCES[0])]))
    learned = dict(rules.rules.known)
    assert len(learned) >= 10
    first = next(iter(learned))
    rules.rules.known[first] = (0, 0, 0, 0)  # what was learned is what is used
    doc = next(rules.pipe([parsed(nlp, SENTENCES[0])]))
    assert any(t.orth == first[0] and t.lemma == 0 for t in doc)


def test_what_is_learned_in_a_memory_zone_is_forgotten_with_it(nlp):
    rules = nlp.get_pipe("claimx_word_rules")
    with nlp.memory_zone():
        nlp("Rockets killed four people in a market, a council said.")
        assert rules.rules.known
    assert not rules.rules.known  # its strings (a rare word's lemma) are gone with the zone


def test_a_ruler_with_patterns_it_cannot_stand_in_for_is_left_in_place():
    nlp = spacy.blank("en")
    nlp.add_pipe("tagger")
    nlp.add_pipe("parser")
    ruler = nlp.add_pipe("attribute_ruler")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "rule"})
    assert TokenRules.of([ruler, lemmatizer]) is not None
    ruler.add([[{"ENT_TYPE": "GPE"}]], {"POS": "PROPN"})  # decided by more than the word, tag and label
    assert TokenRules.of([ruler, lemmatizer]) is None
    assert not use_word_rules(nlp)
    assert nlp.pipe_names == ["tagger", "parser", "attribute_ruler", "lemmatizer"] and not nlp.disabled


def test_patterns_of_several_tokens_guard_the_tokens_they_may_match():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}]], {"POS": "VERB"}, index=1)
    rules = TokenRules.of([ruler, nlp.add_pipe("lemmatizer", config={"mode": "rule"})])
    doc = spacy.tokens.Doc(nlp.vocab, words=["so", "there", "is", "hope"], heads=[3, 2, 2, 2],
                           deps=["advmod", "expl", "ROOT", "attr"])
    assert rules.guarded(doc.to_array(rules.columns)).tolist() == [False, True, True, False]


def test_the_lemmatizer_index_answers_as_its_list_does():
    words = ["house", "bomb", "strike"]
    index = WordIndex(words)
    assert index == words and isinstance(index, list)  # saved with the lemmatizer as before
    assert "bomb" in index and "bombs" not in index
