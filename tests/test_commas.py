"""Comma-stripped text (FA-KES): where the attribution's commas were (resolvers.commas, on
hand-built Docs) and what the claims read once those sentences are parsed again."""

import pytest
import spacy
from spacy.tokens import Doc
from tests.conftest import spans_hold

from claimx.resolvers.commas import (
    according_to_comma,
    after_opener,
    after_subordinate_clause,
    missing_commas,
    speaker_phrase_start,
    stripped,
    unattached_speaker,
)

VOCAB = spacy.blank("en").vocab
SPEAKER_HEADS = {"council", "observatory", "official", "activists", "rebels", "statement"}
TITLES = ("er", "or", "ist", "man")
ADDRESSEE_VERBS = {"tell"}


def tagged(text: str, tags: str, pos: str, heads=None, deps=None) -> Doc:
    """A one-sentence Doc from words, Penn tags and coarse tags (as a first parse gives them)."""
    words = text.split()
    n = len(words)
    lemmas = [{"told": "tell", "said": "say"}.get(w.lower(), w.lower()) for w in words]
    return Doc(VOCAB, words=words, tags=tags.split(), pos=pos.split(), lemmas=lemmas,
               heads=heads or [n - 2] * n, deps=deps or ["dep"] * (n - 2) + ["ROOT", "punct"])


def commas_of(doc: Doc, cue: str) -> list[str]:
    """The words each comma goes after."""
    cues = [t for t in doc if t.lower_ == cue]
    return [doc.text[:at].split()[-1] for at in missing_commas(doc[:], cues, SPEAKER_HEADS, TITLES, ADDRESSEE_VERBS)]


def test_speaker_after_the_reported_clause_is_set_off():
    d = tagged("Rockets killed four people in a market a council said .",
               "NNS VBD CD NNS IN DT NN DT NN VBD .", "NOUN VERB NUM NOUN ADP DET NOUN DET NOUN VERB PUNCT")
    assert commas_of(d, "said") == ["market"]
    assert speaker_phrase_start(d[9], SPEAKER_HEADS, TITLES) == 7


def test_a_count_before_the_speakers_is_of_the_victims():
    d = tagged("Bombs killed 12 people activists and locals said .", "NNS VBD CD NNS NNS CC NNS VBD .",
               "NOUN VERB NUM NOUN NOUN CCONJ NOUN VERB PUNCT")
    assert speaker_phrase_start(d[7], SPEAKER_HEADS, TITLES) == 4
    d = tagged("Shells killed four civilians two residents said .", "NNS VBD CD NNS CD NNS VBD .",
               "NOUN VERB NUM NOUN NUM NOUN VERB PUNCT")
    assert speaker_phrase_start(d[6], SPEAKER_HEADS | {"residents"}, TITLES) == 4
    # a count of the speakers themselves stays theirs
    d = tagged("The convoy was hit three aid workers said .", "DT NN VBD VBN CD NN NNS VBD .",
               "DET NOUN AUX VERB NUM NOUN NOUN VERB PUNCT")
    assert speaker_phrase_start(d[7], SPEAKER_HEADS | {"workers"}, TITLES) == 4


def test_pronoun_speaker_and_adverb_before_the_cue():
    d = tagged("The raids will go on for weeks he also said .", "DT NNS MD VB RP IN NNS PRP RB VBD .",
               "DET NOUN AUX VERB ADP ADP NOUN PRON ADV VERB PUNCT")
    assert commas_of(d, "said") == ["weeks"]


def test_names_after_a_preposition_are_its_object_not_the_speaker():
    d = tagged("Eight people were killed in Homs activists said .", "CD NNS VBD VBN IN NNP NNS VBD .",
               "NUM NOUN AUX VERB ADP PROPN NOUN VERB PUNCT")
    assert speaker_phrase_start(d[7], SPEAKER_HEADS, TITLES) == 6
    assert commas_of(d, "said") == ["Homs"]


@pytest.mark.parametrize("words, tags, pos, cue, after", [
    # a name after a noun that is no title starts the speaker
    ("This is clearly a war crime Rycroft told reporters .", "DT VBZ RB DT NN NN NNP VBD NNS .",
     "PRON AUX ADV DET NOUN NOUN PROPN VERB NOUN PUNCT", "told", ["crime"]),
    ("We will open the road to Aleppo rebel commander Abu Mustafa told reporters .",
     "PRP MD VB DT NN IN NNP NN NN NNP NNP VBD NNS .",
     "PRON AUX VERB DET NOUN ADP PROPN NOUN NOUN PROPN PROPN VERB NOUN PUNCT", "told", ["Aleppo"]),
    # no comma inside a name, nor between the subject and the cue
    ("Ten were taken from villages the London Based Syrian Observatory said .",
     "CD VBD VBN IN NNS DT NNP VBN NNP NNP VBD .", "NUM AUX VERB ADP NOUN DET PROPN VERB PROPN PROPN VERB PUNCT",
     "said", []),
    ("There are many dead he told RIA Novosti .", "EX VBP JJ NNS PRP VBD NNP NNP .",
     "PRON VERB ADJ NOUN PRON VERB PROPN PROPN PUNCT", "told", ["dead"]),
    # the speaker phrase after the cue
    ("Five civilians were killed in Idlib said the Syrian Observatory for Human Rights .",
     "CD NNS VBD VBN IN NNP VBD DT NNP NNP IN NNP NNPS .",
     "NUM NOUN AUX VERB ADP PROPN VERB DET PROPN PROPN ADP PROPN PROPN PUNCT", "said", ["Idlib"]),
])
def test_where_the_comma_goes(words, tags, pos, cue, after):
    assert commas_of(tagged(words, tags, pos), cue) == after


def test_closing_quote_mark_takes_the_comma_inside():
    d = Doc(VOCAB, words=['"', "We", "will", "respond", '"', "the", "army", "said", "."],
            spaces=[False, True, True, False, True, True, True, False, False],
            tags=["``", "PRP", "MD", "VB", "''", "DT", "NN", "VBD", "."],
            pos=["PUNCT", "PRON", "AUX", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"],
            heads=[3, 3, 3, 7, 3, 6, 7, 7, 7],
            deps=["punct", "nsubj", "aux", "dep", "punct", "det", "dep", "ROOT", "punct"])
    at = missing_commas(d[:], [d[7]], SPEAKER_HEADS | {"army"}, TITLES, ADDRESSEE_VERBS)
    assert at == [d[4].idx]  # `respond," the army said`


def test_participle_that_opens_a_second_statement():
    d = tagged("Earnest said Russia was moving to ramp up support for Assad adding : they invested .",
               "NNP VBD NNP VBD VBG TO VB RP NN IN NNP NN : PRP VBD .",
               "PROPN VERB PROPN AUX VERB PART VERB ADP NOUN ADP PROPN NOUN PUNCT PRON VERB PUNCT")
    assert commas_of(d, "adding") == ["Assad"]
    statement = tagged("The group issued a statement saying it had won .", "DT NN VBD DT NN VBG PRP VBD VBN .",
                       "DET NOUN VERB DET NOUN VERB PRON AUX VERB PUNCT")
    assert commas_of(statement, "saying") == []


def test_nothing_missing_where_the_cue_reports_a_clause_of_its_own():
    d = tagged("Officials in the town said the toll had risen .", "NNS IN DT NN VBD DT NN VBD VBN .",
               "NOUN ADP DET NOUN VERB DET NOUN AUX VERB PUNCT")
    assert commas_of(d, "said") == []
    short = tagged("The observatory said .", "DT NN VBD .", "DET NOUN VERB PUNCT")
    assert commas_of(short, "said") == []


def test_nothing_missing_where_the_parse_already_reads_it():
    words = "Rockets killed four people a council said ."
    d = tagged(words, "NNS VBD CD NNS DT NN VBD .", "NOUN VERB NUM NOUN DET NOUN VERB PUNCT",
               heads=[1, 6, 3, 1, 5, 6, 6, 6],
               deps=["nsubj", "ccomp", "nummod", "dobj", "det", "nsubj", "ROOT", "punct"])
    assert commas_of(d, "said") == []


def test_according_to_opening_a_sentence():
    d = tagged("According to activists the strikes killed 12 people .", "VBG IN NNS DT NNS VBD CD NNS .",
               "VERB ADP NOUN DET NOUN VERB NUM NOUN PUNCT")
    assert d.text[: according_to_comma(d[:])].endswith("activists")
    named = tagged("According to the Syrian Observatory for Human Rights 12 people died .",
                   "VBG IN DT NNP NNP IN NNP NNPS CD NNS VBD .",
                   "VERB ADP DET PROPN PROPN ADP PROPN PROPN NUM NOUN VERB PUNCT")
    assert named.text[: according_to_comma(named[:])].endswith("Rights")
    punctuated = tagged("According to activists , the strikes killed 12 .", "VBG IN NNS , DT NNS VBD CD .",
                        "VERB ADP NOUN PUNCT DET NOUN VERB NUM PUNCT")
    assert according_to_comma(punctuated[:]) is None


def test_stripped_text_is_one_with_almost_no_commas():
    prose = "The strikes, which began on Monday, hit two towns, officials said. " * 5
    assert not stripped(prose, 80)
    assert stripped(prose.replace(",", ""), 80)
    assert not stripped("Too short to tell", 4)


FILLER = (" Syrian government forces backed by Russian air strikes have been advancing in the north of the"
          " country for weeks and aid groups say thousands of people have fled their homes since January.")


@pytest.mark.parametrize("sentence, speaker, content", [
    ("Rockets killed four people in a market in the north of the city a local council said.",
     "a local council", "Rockets killed four people in a market in the north of the city"),
    ("One of the reasons for getting involved was the need to stop citizens who joined the militants from"
     " returning home to cause trouble he said.",
     "he", "One of the reasons for getting involved was the need to stop citizens who joined the militants from"
     " returning home to cause trouble"),
    ("At least 12 civilians were killed in the raids on the town said the Syrian Observatory for Human Rights.",
     "the Syrian Observatory for Human Rights", "At least 12 civilians were killed in the raids on the town"),
    ("The air strikes on the market killed 13 people medics said on Monday.",
     "medics", "The air strikes on the market killed 13 people"),
])
def test_attribution_at_the_end_of_a_stripped_sentence(extract, sentence, speaker, content):
    text = sentence + FILLER
    claims = extract(text, "claim")
    assert all(spans_hold(c, text) for c in claims)
    assert any(c["speaker"]["text"] == speaker and c["content"]["text"] == content for c in claims), claims


def test_quote_then_its_speaker_without_the_comma(extract):
    text = ('"There was agreement on both parts about the need for a political solution to the problems in Syria"'
            ' White House spokesman Josh Earnest said on Wednesday about the meeting.' + FILLER)
    claims = extract(text, "claim")
    assert any(c["speaker"]["text"] == "White House spokesman Josh Earnest" and c["content"]["text"].startswith(
        "There was agreement") and c["content"]["text"].endswith("in Syria") for c in claims), claims


def test_a_subject_with_a_relative_clause_is_not_cut(extract):
    text = "The group which attacked the town said it would go on fighting until the spring." + FILLER
    claims = extract(text, "claim")
    said = [c for c in claims if c["cue"]["text"] == "said"]
    assert [(c["speaker"]["text"], c["content"]["text"]) for c in said] == [
        ("The group", "it would go on fighting until the spring")]


def test_a_speaker_phrase_the_parse_hangs_elsewhere_becomes_the_subject():
    words = "Moscow can boost its firepower military analyst Pavel Felgenhauer told AFP ."
    d = tagged(words, "NNP MD VB PRP$ NN JJ NN NNP NNP VBD NNP .",
               "PROPN AUX VERB PRON NOUN ADJ NOUN PROPN PROPN VERB PROPN PUNCT",
               heads=[2, 2, 9, 4, 2, 6, 8, 8, 4, 9, 9, 9],
               deps=["nsubj", "aux", "ccomp", "poss", "dobj", "amod", "compound", "compound", "conj", "ROOT", "dobj",
                     "punct"])
    assert unattached_speaker(d[9], SPEAKER_HEADS, TITLES + ("yst",), ADDRESSEE_VERBS).text == "Felgenhauer"
    subject = tagged(words, "NNP MD VB PRP$ NN JJ NN NNP NNP VBD NNP .",
                     "PROPN AUX VERB PRON NOUN ADJ NOUN PROPN PROPN VERB PROPN PUNCT",
                     heads=[2, 2, 9, 4, 2, 6, 8, 8, 9, 9, 9, 9],
                     deps=["nsubj", "aux", "ccomp", "poss", "dobj", "amod", "compound", "compound", "nsubj", "ROOT",
                           "dobj", "punct"])
    assert unattached_speaker(subject[9], SPEAKER_HEADS, TITLES + ("yst",), ADDRESSEE_VERBS) is None
    at_un = tagged("We agreed on talks at the U.N. Kerry said .", "PRP VBD IN NNS IN DT NNP NNP VBD .",
                   "PRON VERB ADP NOUN ADP DET PROPN PROPN VERB PUNCT",
                   heads=[1, 8, 1, 2, 3, 6, 7, 4, 8, 8],
                   deps=["nsubj", "ccomp", "prep", "pobj", "prep", "det", "compound", "pobj", "ROOT", "punct"])
    assert unattached_speaker(at_un[8], SPEAKER_HEADS, TITLES, ADDRESSEE_VERBS) is None


def test_comma_after_a_sentence_adverb_the_parse_took_into_the_subject():
    d = tagged("Earlier state television said the blast hit a market .", "RBR NN NN VBD DT NN VBD DT NN .",
               "ADV NOUN NOUN VERB DET NOUN VERB DET NOUN PUNCT",
               heads=[2, 2, 3, 3, 5, 6, 3, 8, 6, 3],
               deps=["amod", "compound", "nsubj", "ROOT", "det", "nsubj", "ccomp", "det", "dobj", "punct"])
    assert d.text[: after_opener(d[3], {"earlier"})].endswith("Earlier")
    pp = tagged("Earlier in the day a source told SANA that shells hit a school .",
                "RBR IN DT NN DT NN VBD NNP IN NNS VBD DT NN .",
                "ADV ADP DET NOUN DET NOUN VERB PROPN SCONJ NOUN VERB DET NOUN PUNCT",
                heads=[5, 0, 3, 1, 5, 6, 6, 6, 10, 10, 6, 12, 10, 6],
                deps=["advmod", "prep", "det", "pobj", "det", "nsubj", "ROOT", "dobj", "mark", "nsubj", "ccomp", "det",
                      "dobj", "punct"])
    assert pp.text[: after_opener(pp[6], {"earlier"})].endswith("day")
    assert after_opener(pp[6], {"meanwhile"}) is None


def test_a_quote_with_its_own_speaker_does_not_continue_the_one_before(extract):
    text = ('"We feel the earth trembling under our feet. Aleppo is burning" activist Bahaa al Halabi told dpa from'
            ' the besieged districts. "People are not safe anymore even in shelters" resident Yassin Abu Raed said.'
            + FILLER)
    claims = {c["speaker"]["text"]: c["content"]["text"] for c in extract(text, "claim")}
    assert claims["activist Bahaa al Halabi"] == "We feel the earth trembling under our feet. Aleppo is burning"
    assert claims["resident Yassin Abu Raed"] == "People are not safe anymore even in shelters"


def test_dateline_and_sentence_adverb_stay_out_of_the_claim(extract):
    text = ("MOSCOW (Sputnik) Six people were killed in a shelling of Damascus on Sunday a hospital source told"
            " reporters. Earlier state television said the blast hit a market near the old city." + FILLER)
    claims = {c["speaker"]["text"]: c["content"]["text"] for c in extract(text, "claim")}
    assert claims["a hospital source"] == "Six people were killed in a shelling of Damascus on Sunday"
    assert claims["state television"] == "the blast hit a market near the old city"


@pytest.mark.parametrize("text, speaker", [
    ("The Observatory said the heavy fighting claimed the lives of 30 fighters on both sides.", "the heavy fighting"),
    ("The opposition said the attack calls into question the whole peace process.", "the attack"),
])
def test_no_claim_nested_in_a_claim_from_a_subject_that_says_nothing(extract, text, speaker):
    claims = extract(text, "claim")
    assert [c["speaker"]["text"] for c in claims] == [text.split(" said")[0]]
    assert speaker not in [c["speaker"]["text"] for c in claims]


def test_a_nested_attribution_is_inside_the_outer_content(extract):
    text = "The nurse said the doctors say these are typical symptoms of nerve gas victims."
    assert [(c["speaker"]["text"], c["content"]["text"]) for c in extract(text, "claim")] == [
        ("The nurse", "the doctors say these are typical symptoms of nerve gas victims")]


@pytest.mark.parametrize("sentence, cue, speaker, content", [
    # a quote's comma gone: the quote's words are never the speaker
    ('"We will not leave the city" said Ahmed Haddad a member of the local council.',
     "said", "Ahmed Haddad", "We will not leave the city"),
    ('"The convoy was hit twice on the road" he told reporters.', "told", "he", "The convoy was hit twice on the road"),
    # a speaker named after the cue, then who it is
    ("The bridge was destroyed overnight by the shelling said Omar Saleh who heads the rescue service.",
     "said", "Omar Saleh", "The bridge was destroyed overnight by the shelling"),
    # the reported clause goes on past its attribution
    ("The road will reopen within a week he said and aid convoys could follow soon after.",
     "said", "he", "The road will reopen within a week"),
    # a speaker who speaks for someone
    ("The men were held for three days without charge lawyers for the families said.",
     "said", "lawyers for the families", "The men were held for three days without charge"),
    # a participle that reports a second statement of the subject
    ("The ministry filed a complaint with the council arguing the strikes broke the truce.",
     "arguing", "The ministry", "the strikes broke the truce"),
    # an opening subordinate clause ends before the speaker
    ("When the fighters entered the village the mayor said he had already fled to the city.",
     "said", "the mayor", "he had already fled to the city"),
])
def test_attributions_whose_commas_were_stripped(extract, sentence, cue, speaker, content):
    text = sentence + FILLER
    claims = extract(text, "claim")
    assert all(spans_hold(c, text) for c in claims)
    assert any(c["cue"]["text"] == cue and c["speaker"]["text"] == speaker and c["content"]["text"] == content
               for c in claims), [(c["cue"]["text"], c["speaker"]["text"], c["content"]["text"]) for c in claims]


def test_according_to_after_another_cues_clause(extract):
    text = ("Officials said the convoy was turned back at the border crossing according to a statement from the aid"
            " group." + FILLER)
    claims = extract(text, "claim")
    according = [c for c in claims if c["cue"]["text"] == "according to"]
    assert according and according[0]["speaker"]["text"] == "a statement from the aid group", claims


def test_an_attribution_inside_the_clause_it_reports(extract):
    text = "The hospital was a refuge Dr. Salem said until it was bombed in 2015." + FILLER
    claims = extract(text, "claim")
    assert any(c["speaker"]["text"] == "Dr. Salem" and c["content"]["text"] ==
               "The hospital was a refuge Dr. Salem said until it was bombed in 2015" for c in claims), claims


# a newspaper that quotes with '' lost its quote marks with the apostrophes: ''Y,'' he said. ''Z.''
UNMARKED = ("The council voted on Tuesday to close the old market hall for repairs after a long and bitter debate"
            " among its members about the cost.\n"
            "{quote} the mayor said. {rest}\n"
            "The hall is expected to reopen next spring.\n")


@pytest.mark.parametrize("quote, rest", [
    ("We cant keep patching the roof every winter", "Its time we fixed it properly and I think we can."),
    ("I have never seen the traders this angry", "They want an answer and the council owes them one."),
])
def test_a_paragraph_that_goes_on_quoting_is_one_content(extract, quote, rest):
    text = UNMARKED.format(quote=quote, rest=rest)
    claims = [c for c in extract(text, "claim") if c["speaker"]["text"] == "the mayor"]
    assert all(spans_hold(c, text) for c in claims)
    assert [(c["rule"], c["content"]["text"]) for c in claims] == [
        ("claim.say", f"{quote} the mayor said. {rest[:-1]}")]
    assert [p["text"] for p in claims[0]["content"]["parts"]] == [quote, rest[:-1]]


@pytest.mark.parametrize("quote, rest", [
    # what follows is the writer's: no one speaks in it
    ("The roof has leaked every winter since it was built", "The hall was built in the last century by the town."),
    # it has an attribution of its own
    ("We cant keep patching the roof every winter", "The traders said they want an answer from all of us."),
    # it is about the speaker
    ("We cant keep patching the roof every winter", "The mayor has run the town since our last election."),
])
def test_a_paragraph_that_goes_on_with_another_voice_is_not_quoted(extract, quote, rest):
    text = UNMARKED.format(quote=quote, rest=rest)
    claims = [c for c in extract(text, "claim") if c["speaker"]["text"] == "the mayor"]
    assert [(c["rule"], c["content"]["text"]) for c in claims] == [("claim.say", quote)]


def test_no_quote_continues_in_an_article_on_one_line(extract):
    text = UNMARKED.format(quote="We cant keep patching the roof every winter",
                           rest="Its time we fixed it properly.").replace("\n", " ")
    claims = [c for c in extract(text, "claim") if c["speaker"]["text"] == "the mayor"]
    assert [c["content"]["text"] for c in claims] == ["We cant keep patching the roof every winter"]


@pytest.mark.parametrize("sentence, speaker", [
    ("The talks the mediator said were the last chance to end the siege of the town before the winter.",
     "the mediator"),
    ("Acts of defiance the bishop said are acts of faith whether they happen in a church or in a street.",
     "the bishop"),
])
def test_an_attribution_between_the_subject_and_its_verb(extract, sentence, speaker):
    text = sentence + FILLER
    claims = [c for c in extract(text, "claim") if c["speaker"]["text"] == speaker]
    assert all(spans_hold(c, text) for c in claims)
    assert [(c["rule"], c["content"]["text"]) for c in claims] == [("claim.say", sentence[:-1])]


def test_a_relative_clause_with_its_own_attribution_is_not_split():
    # "an initiative (that) the council said is too small": the noun is the verb's object, not a subject
    d = tagged("The army backed an initiative the council said is too small .", "DT NN VBD DT NN DT NN VBD VBZ RB JJ .",
               "DET NOUN VERB DET NOUN DET NOUN VERB AUX ADV ADJ PUNCT")
    assert commas_of(d, "said") == []
    subject = tagged("The initiative the council said is too small .", "DT NN DT NN VBD VBZ RB JJ .",
                     "DET NOUN DET NOUN VERB AUX ADV ADJ PUNCT")
    assert commas_of(subject, "said") == ["initiative", "said"]


def test_the_circumstances_after_an_attribution_stay_out_of_it(extract):
    text = ('"We are not going to sign a text that nobody has read" the Dutch envoy said after the meeting broke up.'
            + FILLER)
    claims = extract(text, "claim")
    assert [(c["rule"], c["speaker"]["text"], c["content"]["text"]) for c in claims if c["cue"]["text"] == "said"] \
        == [("claim.quote", "the Dutch envoy", "We are not going to sign a text that nobody has read")]


def test_an_opening_participle_phrase_is_not_the_speaker(extract):
    text = "Speaking to reporters in the capital the foreign minister said the talks would resume next week." + FILLER
    claims = [c for c in extract(text, "claim") if c["cue"]["text"] == "said"]
    assert [(c["rule"], c["speaker"]["text"], c["content"]["text"]) for c in claims] == [
        ("claim.say", "the foreign minister", "the talks would resume next week")]


def test_the_circumstances_of_an_attribution_report_nothing():
    d = tagged("The talks will resume soon the envoy said after the meeting broke up .",
               "DT NNS MD VB RB DT NN VBD IN DT NN VBD RP .",
               "DET NOUN AUX VERB ADV DET NOUN VERB SCONJ DET NOUN VERB ADP PUNCT")
    assert commas_of(d, "said") == ["soon"]
    reported = tagged("The talks will resume soon the envoy said the meeting broke up .",
                      "DT NNS MD VB RB DT NN VBD DT NN VBD RP .",
                      "DET NOUN AUX VERB ADV DET NOUN VERB DET NOUN VERB ADP PUNCT")
    assert commas_of(reported, "said") == []


def test_an_opening_participle_phrase_ends_before_the_speaker():
    d = tagged("Speaking to reporters the minister said the talks would resume .",
               "VBG IN NNS DT NN VBD DT NNS MD VB .", "VERB ADP NOUN DET NOUN VERB DET NOUN AUX VERB PUNCT")
    at = after_subordinate_clause(d[5], SPEAKER_HEADS | {"minister"}, TITLES)
    assert at is not None and d.text[:at].endswith("reporters")
    # a participle that modifies the speaker's title opens no phrase
    named = tagged("Leading opposition figure Omar Haddad said the talks would resume .",
                   "VBG NN NN NNP NNP VBD DT NNS MD VB .", "VERB NOUN NOUN PROPN PROPN VERB DET NOUN AUX VERB PUNCT")
    assert after_subordinate_clause(named[5], SPEAKER_HEADS, TITLES) is None
