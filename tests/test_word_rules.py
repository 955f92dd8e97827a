"""claimx_word_rules gives every token what the model's attribute ruler and lemmatizer give it."""

import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from claimx.components.word_rules import TokenRules, WordRules, use_word_rules

ANNOTATION = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
SENTENCES = [
    "Rockets killed four people in a market, a council said.",
    "There were four people in the market and there is no water.",  # "were" after "there": a rule of two tokens
    "Y'all gonna see it, let's go, they all went home on Friday all the same.",
    "I told you it was over.\n\nBut she gave it to me  and you.",  # whitespace tokens are retagged and relabelled
    "Zyxwvut quibbled with the Frobnicators about 1,200 blorfs.",  # words no model has seen
]


def parsed(nlp, text: str):
    """A Doc as the pipeline has it before the attribute ruler: tagged and parsed."""
    doc = nlp.make_doc(text)
    for name in ("tok2vec", "tagger", "claimx_paragraphs", "parser"):
        doc = nlp.get_pipe(name)(doc)
    return doc


def by_the_model(nlp, text: str):
    return nlp.get_pipe("lemmatizer")(nlp.get_pipe("attribute_ruler")(parsed(nlp, text)))


def fresh(nlp) -> WordRules:
    return WordRules(nlp, "test_word_rules", ruler="attribute_ruler", lemmatizer="lemmatizer")


def test_the_loaded_pipeline_runs_word_rules_in_place_of_the_ruler_and_lemmatizer(nlp):
    assert nlp.pipe_names.index("claimx_word_rules") == nlp.pipe_names.index("parser") + 1
    assert {"attribute_ruler", "lemmatizer"} <= set(nlp.disabled)


def test_each_token_gets_what_the_ruler_and_lemmatizer_give_it(nlp):
    rules = fresh(nlp)
    for _ in range(2):  # first from the ruler and lemmatizer, then from what was learned
        docs = list(rules.pipe([parsed(nlp, text) for text in SENTENCES]))
        for doc, text in zip(docs, SENTENCES, strict=True):
            assert (doc.to_array(ANNOTATION) == by_the_model(nlp, text).to_array(ANNOTATION)).all(), text
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
