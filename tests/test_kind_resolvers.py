"""The kind-specific resolvers (speech, victims, targets) on hand-built Docs: heads, deps,
tags and entities set by hand, no model."""

import json
import re

import spacy
from spacy.tokens import Doc

from claimx import resolvers
from claimx.numbers import NumberReader
from claimx.rules import default_dir

VOCAB = spacy.blank("en").vocab


def doc(words, heads, deps, ents=None, lemmas=None, pos=None, tags=None, spaces=None) -> Doc:
    return Doc(VOCAB, words=words, heads=heads, deps=deps, ents=ents, lemmas=lemmas or [w.lower() for w in words],
               pos=pos, tags=tags, spaces=spaces)


def never(_t) -> bool:
    return False


def speaker(cue, is_cue=never, plausible=never):
    return resolvers.speaker(cue, relative_pronouns={"which", "who"}, is_cue=is_cue, plausible=plausible)


# ---- speech ---------------------------------------------------------------------------------
def test_speaker_is_the_subject_or_the_agent():
    d = doc(["Kerry", "said", "jets", "struck"], [1, 1, 3, 1], ["nsubj", "ROOT", "nsubj", "ccomp"])
    assert speaker(d[1]).text == "Kerry"
    passive = doc(["It", "was", "reported", "by", "SANA"], [2, 2, 2, 2, 3], ["nsubjpass", "auxpass", "ROOT", "agent",
                                                                              "pobj"])
    assert speaker(passive[2]).text == "SANA"
    assert resolvers.agent_of(passive[2]).text == "SANA" and resolvers.argument(passive[2], ("nsubj",)) is None


def test_speaker_of_a_relative_clause_is_its_noun():
    words = ["Turkey", ",", "which", "said", "it", "struck"]
    d = doc(words, [0, 0, 3, 0, 5, 3], ["ROOT", "punct", "nsubj", "relcl", "nsubj", "ccomp"])
    assert speaker(d[3]).text == "Turkey"
    assert resolvers.argument(d[3], ("nsubj",)).text == "which"  # without the relative pronouns named


def test_speaker_of_quote_is_the_quoted():
    words = ["Agencies", "quoted", "Lavrov", "as", "saying", "it", "ended"]
    d = doc(words, [1, 1, 1, 4, 1, 6, 4], ["nsubj", "ROOT", "dobj", "mark", "advcl", "nsubj", "ccomp"],
            lemmas=["agency", "quote", "Lavrov", "as", "say", "it", "end"])
    assert speaker(d[4]).text == "Lavrov"
    assert speaker(d[1]).text == "Lavrov"


def test_speaker_climbs_to_the_verb_a_cue_depends_on():
    words = ["Kerry", "spoke", ",", "adding", "that", "it", "ended"]
    d = doc(words, [1, 1, 1, 1, 6, 6, 3], ["nsubj", "ROOT", "punct", "advcl", "mark", "nsubj", "ccomp"],
            pos=["PROPN", "VERB", "PUNCT", "VERB", "SCONJ", "PRON", "VERB"])
    assert speaker(d[3]).text == "Kerry"
    assert resolvers.subject(d[3]).text == "Kerry"


def test_speaker_skips_a_reported_clause_unless_it_has_a_plausible_subject():
    # "X said strikes killed 12 and accused B": the conj hangs off the reported clause's verb
    words = ["Moscow", "said", "strikes", "killed", "12", "and", "accused", "Ankara"]
    d = doc(words, [1, 1, 3, 1, 3, 3, 3, 6], ["nsubj", "ROOT", "nsubj", "ccomp", "dobj", "cc", "conj", "dobj"],
            pos=["PROPN", "VERB", "NOUN", "VERB", "NUM", "CCONJ", "VERB", "PROPN"])
    is_said = lambda t: t.i == 1  # noqa: E731
    assert speaker(d[6], is_cue=is_said).text == "Moscow"
    assert speaker(d[6], is_cue=is_said, plausible=lambda t: True).text == "strikes"
    assert speaker(d[6]).text == "strikes"  # the head is not a cue: its own subject


def test_plausible_speaker():
    d = doc(["officials", "rain", "he", "Idlib"], [0, 0, 0, 0], ["ROOT", "dep", "dep", "dep"],
            ents=["O", "O", "O", "B-GPE"], pos=["NOUN", "NOUN", "PRON", "PROPN"])
    assert [resolvers.plausible_speaker(t, {"officials"}) for t in d] == [True, False, True, True]


def test_trimmed_drops_that_and_end_punctuation():
    d = doc(["that", "jets", "struck", "."], [2, 2, 2, 2], ["mark", "nsubj", "ROOT", "punct"])
    assert resolvers.trimmed(d, 0, 3, {"that", ","}) == (5, 16)
    assert resolvers.trimmed(d, 0, 0, {"that"}) is None


def test_reported_content_after_and_before_the_cue():
    words = ["Kerry", "said", "that", "jets", "struck", "."]
    d = doc(words, [1, 1, 4, 4, 1, 1], ["nsubj", "ROOT", "mark", "nsubj", "ccomp", "punct"])
    got = resolvers.reported_content(d[1], trim={"that"}, addressee_verbs=(), object_cue=False, opens_claim=never)
    assert d.text[slice(*got)] == "jets struck"
    words = ["Jets", "struck", ",", "Kerry", "said", "."]
    d = doc(words, [1, 4, 4, 4, 4, 4], ["nsubj", "ccomp", "punct", "nsubj", "ROOT", "punct"])
    got = resolvers.reported_content(d[4], trim={","}, addressee_verbs=(), object_cue=False, opens_claim=never)
    assert d.text[slice(*got)] == "Jets struck"


def test_reported_content_of_an_object_cue_and_after_a_colon():
    words = ["Kerry", "accused", "Russia", "of", "bombing"]
    d = doc(words, [1, 1, 1, 1, 3], ["nsubj", "ROOT", "dobj", "prep", "pcomp"])
    got = resolvers.reported_content(d[1], trim=(), addressee_verbs=(), object_cue=True, opens_claim=never)
    assert d.text[slice(*got)] == "Russia of bombing"
    assert resolvers.reported_content(d[1], trim=(), addressee_verbs=(), object_cue=False, opens_claim=never) is None
    colon = doc(["Kerry", "said", ":", "it", "ended"], [1, 1, 1, 4, 1], ["nsubj", "ROOT", "punct", "nsubj", "dep"])
    got = resolvers.reported_content(colon[1], trim=(), addressee_verbs=(), object_cue=False, opens_claim=never)
    assert colon.text[slice(*got)] == "it ended"


def test_reported_content_ends_where_a_claim_of_its_own_begins():
    words = ["Moscow", "said", "it", "struck", "while", "Kerry", "said", "no"]
    d = doc(words, [1, 1, 3, 1, 6, 6, 3, 6], ["nsubj", "ROOT", "nsubj", "ccomp", "mark", "nsubj", "advcl", "ccomp"])
    kw = dict(trim=(), addressee_verbs=(), object_cue=False)
    assert d.text[slice(*resolvers.reported_content(d[1], **kw, opens_claim=lambda t: t.i == 6))] == "it struck"
    assert d.text[slice(*resolvers.reported_content(d[1], **kw, opens_claim=never))] == "it struck while Kerry said no"


def test_that_clause_through_the_cues_object():
    words = ["Kerry", "told", "IRNA", "that", "it", "ended"]
    d = doc(words, [1, 1, 1, 5, 5, 2], ["nsubj", "ROOT", "dobj", "mark", "nsubj", "acl"])
    assert resolvers.that_clause(d[1]).text == "ended"
    assert resolvers.that_clause(d[5]) is None


def test_phrase_before_a_cue_after_a_comma():
    words = ["It", "ended", ",", "analyst", "Pavel", "Felgenhauer", "told", "AFP"]
    d = doc(words, [1, 1, 1, 5, 5, 6, 1, 6], ["nsubj", "ROOT", "punct", "compound", "compound", "nsubj", "parataxis",
                                              "dobj"],
            pos=["PRON", "VERB", "PUNCT", "NOUN", "PROPN", "PROPN", "VERB", "PROPN"])
    assert resolvers.phrase_before(d[6]).text == "Felgenhauer"
    assert resolvers.phrase_before(d[1]) is None


def test_quote_kind():
    marks = ({"\u201c", '"'}, {"\u201d", '"'})
    assert resolvers.quote_kind("\u201cwe struck\u201d", *marks) == "direct"
    assert resolvers.quote_kind("he said \u201cwe struck\u201d", *marks) == "mixed"
    assert resolvers.quote_kind("he said it ended", *marks) == "indirect"


# ---- victims --------------------------------------------------------------------------------
VICTIMS = {"civilians": "civilians", "people": "people", "children": "children", "fighters": "combatants",
           "child": "children"}
MODIFIERS = {"civilian": "civilians", "rebel": "combatants"}


def test_counted_noun_skips_modifiers_and_stops_at_verbs():
    words = ["killed", "33", "rebel", "fighters", "and", "12", "fled"]
    d = doc(words, [0, 3, 3, 0, 3, 6, 3], ["ROOT", "nummod", "compound", "dobj", "cc", "nsubj", "conj"],
            pos=["VERB", "NUM", "NOUN", "NOUN", "CCONJ", "NUM", "VERB"])
    assert resolvers.counted_noun(d, 2, len(d), never).text == "fighters"
    assert resolvers.counted_noun(d, 6, len(d), never) is None
    assert resolvers.counted_noun(d, 6, len(d), lambda t: t.text == "fled").text == "fled"


def test_victim_category_from_modifier_noun_or_lemma():
    d = doc(["civilian", "deaths", "people", "including", "children"], [1, 1, 1, 1, 3],
            ["amod", "ROOT", "appos", "prep", "pobj"], lemmas=["civilian", "death", "people", "include", "child"])
    assert resolvers.victim_category(d[1], VICTIMS, MODIFIERS) == "civilians"
    assert resolvers.victim_category(d[2], VICTIMS, MODIFIERS) == "people"
    kids = doc(["young", "kids"], [1, 1], ["amod", "ROOT"], lemmas=["young", "child"])
    assert resolvers.victim_category(kids[1], VICTIMS, MODIFIERS) == "children"  # by lemma
    narrowed = doc(["children", "people"], [1, 1], ["compound", "ROOT"])
    assert resolvers.victim_category(narrowed[1], VICTIMS, MODIFIERS) == "children"


def test_victims_span_keeps_modifiers_after_the_number():
    d = doc(["33", "rebel", "fighters"], [2, 2, 2], ["nummod", "compound", "ROOT"])
    assert d.text[slice(*resolvers.victims_span(d, d[2], 1))] == "rebel fighters"
    assert d.text[slice(*resolvers.victims_span(d, d[2], 2))] == "fighters"


def test_victim_modifier_and_victim_in_a_subtree():
    d = doc(["killing", "12", "civilian", "residents"], [0, 3, 3, 0], ["ROOT", "nummod", "amod", "dobj"],
            pos=["VERB", "NUM", "ADJ", "NOUN"])
    assert resolvers.victim_modifier(d[3], MODIFIERS).text == "civilian"
    assert resolvers.victim_modifier(d[3], {"rebel"}) is None
    assert resolvers.victim_in(d[0], {"residents"}).text == "residents"
    assert resolvers.victim_in(d[0], {"civilian"}) is None  # an adjective, not a victim noun
    assert resolvers.victim_in(d[3], {"residents"}) is None  # not the word itself


# ---- targets --------------------------------------------------------------------------------
def test_trigger_start_takes_modifiers_of_the_trigger():
    d = doc(["Russian", "air", "strikes"], [2, 2, 2], ["amod", "compound", "ROOT"])
    assert resolvers.trigger_start(d[2], {"air"}).text == "air"
    assert resolvers.trigger_start(d[2], set()).text == "strikes"


def test_target_of_object_antecedent_modified_noun_or_prepositional_object():
    d = doc(["Jets", "hit", "a", "school"], [1, 1, 3, 1], ["nsubj", "ROOT", "det", "dobj"])
    assert resolvers.target_of(d[1], {"who"}, {"on"}).text == "school"
    rel = doc(["Shurbajy", ",", "who", "was", "shot"], [0, 0, 4, 4, 0], ["ROOT", "punct", "nsubjpass", "auxpass",
                                                                       "relcl"])
    assert resolvers.target_of(rel[4], {"who"}, ()).text == "Shurbajy"
    assert resolvers.target_of(rel[4], (), ()).text == "who"
    acl = doc(["areas", "struck", "by", "Russians"], [0, 0, 1, 2], ["ROOT", "acl", "agent", "pobj"],
              pos=["NOUN", "VERB", "ADP", "PROPN"])
    assert resolvers.target_of(acl[1], (), ()).text == "areas"
    fired = doc(["Troops", "fired", "on", "protesters"], [1, 1, 1, 2], ["nsubj", "ROOT", "prep", "pobj"])
    assert resolvers.target_of(fired[1], (), {"on"}).text == "protesters"
    assert resolvers.target_of(fired[1], (), {"at"}) is None


def test_target_phrase_drops_trailing_clause_and_conjunction():
    words = ["the", "hospital", "which", "burned"]
    d = doc(words, [1, 1, 3, 1], ["det", "ROOT", "nsubj", "relcl"])
    first, last = resolvers.target_phrase(d[1])
    assert d[first.i : last.i + 1].text == "the hospital"


def test_target_phrase_and_category_stop_at_a_relative_clause_inside_the_target():
    # "towns such as Rastan which militants hold": the clause hangs on "Rastan", not on "towns"
    words = ["towns", "such", "as", "Rastan", "which", "militants", "hold"]
    d = doc(words, [0, 2, 0, 2, 6, 6, 3], ["ROOT", "amod", "prep", "pobj", "dobj", "nsubj", "relcl"])
    first, last = resolvers.target_phrase(d[0])
    assert d[first.i : last.i + 1].text == "towns such as Rastan"
    cats = {"towns": "area", "militants": "militants"}
    assert resolvers.target_category(d[0], cats, {"militants": "militants"}) == "area"


def test_target_phrase_drops_an_agent_and_the_weapon_the_parser_hung_on_it():
    # "guards at a checkpoint by attackers"; "the neighborhood with rocket shells"
    d = doc(["guards", "at", "a", "checkpoint", "by", "attackers"], [0, 0, 3, 1, 3, 4],
            ["ROOT", "prep", "det", "pobj", "prep", "pobj"])
    first, last = resolvers.target_phrase(d[0])
    assert d[first.i : last.i + 1].text == "guards at a checkpoint"
    d = doc(["the", "neighborhood", "with", "rocket", "shells"], [1, 1, 1, 4, 2],
            ["det", "ROOT", "prep", "compound", "pobj"])
    assert d[resolvers.target_phrase(d[1], {"shells"})[1].i].text == "neighborhood"
    assert d[resolvers.target_phrase(d[1])[1].i].text == "shells"  # no weapons named: kept


def test_target_category_actor_word_head_word_or_place():
    cats = {"positions": "military", "school": "infrastructure", "rebel": "rebels"}
    actors = {"rebel": "rebels"}
    d = doc(["rebel", "positions"], [1, 1], ["compound", "ROOT"])
    assert resolvers.target_category(d[1], cats, actors) == "rebels"
    assert resolvers.target_category(doc(["schools"], [0], ["ROOT"], lemmas=["school"])[0], cats, actors) == \
        "infrastructure"
    assert resolvers.target_category(doc(["Homs"], [0], ["ROOT"], ents=["B-GPE"])[0], cats, actors) == "area"
    assert resolvers.target_category(doc(["ISIS"], [0], ["ROOT"], ents=["B-ORG"])[0], cats, actors) == "other"
    assert resolvers.target_category(doc(["rain"], [0], ["ROOT"])[0], cats, actors) == "other"


def test_is_actor():
    d = doc(["warplanes", "Russian", "rain"], [0, 0, 0], ["ROOT", "dep", "dep"], ents=["O", "B-NORP", "O"],
            lemmas=["warplane", "russian", "rain"])
    assert [resolvers.is_actor(t, {"warplane"}, {}) for t in d] == [True, True, False]


def test_attacker_phrase_of_a_modifier_and_of_a_noun():
    d = doc(["Russian", "jets", ",", "Moscow"], [1, 1, 1, 1], ["amod", "ROOT", "punct", "appos"])
    assert [t.text for t in resolvers.attacker_phrase(d[0])] == ["Russian", "Russian"]
    assert [t.text for t in resolvers.attacker_phrase(d[1])] == ["Russian", "jets"]


def test_count_of_a_trigger():
    reader = NumberReader(json.loads((default_dir() / "numbers.json").read_text()))
    d = doc(["three", "airstrikes"], [1, 1], ["nummod", "ROOT"])
    assert resolvers.count_of(d[1], reader) == 3
    assert resolvers.count_of(d[0], reader) is None


# ---- shared helpers --------------------------------------------------------------------------
def test_listed_first_child_and_prep_object_with_any_entity():
    d = doc(["casualties", "among", "civilians"], [0, 0, 1], ["ROOT", "prep", "pobj"], ents=["O", "O", "B-DATE"],
            lemmas=["casualty", "among", "civilian"])
    assert resolvers.listed(d[0], {"casualty"}) and not resolvers.listed(d[0], {"death"})
    assert resolvers.first_child(d[0], ("prep",)).text == "among"
    assert resolvers.prep_object(d[0], {"among"}) is None  # a date by default
    assert resolvers.prep_object(d[0], {"among"}, not_ents=()).text == "civilians"


# ---- quotes ---------------------------------------------------------------------------------
OPEN, CLOSE = {"\u201c", '"'}, {"\u201d", '"'}
MARKS = re.compile("|".join(map(re.escape, sorted(OPEN | CLOSE | {"\n"}))))


def starts(d: Doc) -> list[int]:
    return [t.idx for t in d]


def test_find_quotes_balanced_continued_and_unbalanced():
    text = "He said \u201cwe struck.\u201d Then \u201cit went on\n\u201cand on\u201d and \u201copen"
    quotes = resolvers.find_quotes(text, OPEN, CLOSE, MARKS)
    got = [(text[q.start : q.end], q.close is not None) for q in quotes]
    assert got == [("we struck.", True), ("it went on\n\u201cand on", True), ("open", False)]
    assert resolvers.find_quotes("no marks here", OPEN, CLOSE, MARKS) == []


def test_cue_after_a_quote_with_its_speaker_between():
    words = ["\u201c", "We", "struck", ",", "\u201d", "Kerry", "said", "."]
    d = doc(words, [6, 2, 6, 6, 6, 6, 6, 6], ["punct", "nsubj", "ccomp", "punct", "punct", "nsubj", "ROOT", "punct"],
            spaces=[False, True, False, False, True, True, False, False])
    q = resolvers.find_quotes(d.text, OPEN, CLOSE, MARKS)[0]
    is_said = lambda t: t.i == 6  # noqa: E731
    assert resolvers.cue_after(d, q, starts(d), OPEN | CLOSE, is_said, speaker).text == "said"
    assert resolvers.cue_after(d, q, starts(d), OPEN | CLOSE, never, speaker) is None
    assert resolvers.cue_after(d, q, starts(d), OPEN | CLOSE, is_said, lambda t: None) is None


def test_cue_before_a_quote_after_a_colon():
    words = ["Kerry", "said", ":", "\u201c", "We", "struck", "\u201d"]
    d = doc(words, [1, 1, 1, 5, 5, 1, 5], ["nsubj", "ROOT", "punct", "punct", "nsubj", "ccomp", "punct"],
            spaces=[True, False, True, False, True, False, False])
    q = resolvers.find_quotes(d.text, OPEN, CLOSE, MARKS)[0]
    assert d.text[q.start : q.end] == "We struck"
    assert resolvers.cue_before(d, d.text, q, starts(d), lambda t: t.i == 1, speaker).text == "said"
    assert resolvers.cue_before(d, d.text, q, starts(d), never, speaker) is None


def test_split_quote_lead_in_paragraph_and_clause_opening():
    text = "\u201cWe struck,\u201d he said, \u201cand will again.\u201d"
    words = ["\u201c", "We", "struck", ",", "\u201d", "he", "said", ",", "\u201c", "and", "will", "again", ".",
             "\u201d"]
    spaces = [False, True, False, False, True, True, False, True, False, True, True, False, False, False]
    heads = [2, 2, 2, 2, 2, 6, 2, 2, 2, 2, 2, 10, 2, 2]  # "he said" hangs off the quote's verb
    deps = ["punct", "nsubj", "ROOT", "punct", "punct", "nsubj", "parataxis", "punct", "punct", "cc", "conj",
            "advmod", "punct", "punct"]
    d = doc(words, heads, deps, spaces=spaces)
    assert d.text == text
    quotes = resolvers.find_quotes(text, OPEN, CLOSE, MARKS)
    assert resolvers.next_part(text, d[6], quotes, 0) == 1  # only ", " between the cue's clause and the quote
    assert resolvers.next_part(text, d[6], quotes, 1) is None
    assert resolvers.next_part(text, d[5], quotes, 0) is None  # " said, " is more than a comma between
    assert resolvers.lead_in(d, text, quotes[0], starts(d)) is None  # nothing before the quote
    assert resolvers.opens_clause(text, quotes[0])
    assert not resolvers.opens_clause("the banner of the \u201cFree Army\u201d", resolvers.find_quotes(
        "the banner of the \u201cFree Army\u201d", OPEN, CLOSE, MARKS)[0])
    para = "He spoke.\n\u201cWe will go on.\u201d\nLater."
    assert resolvers.fills_paragraph(para, resolvers.find_quotes(para, OPEN, CLOSE, MARKS)[0])
    assert not resolvers.fills_paragraph(text, quotes[0])
