"""Claims on clean news (issue #13 parts 2 and 3): where a content starts and ends, and cues
beyond a finite verb with a clause; each case names the rule whose record it checks."""

import pytest
from tests.conftest import spans_hold

CASES = [
    # rule, text, content, speaker name
    ("claim.quote",  # a quote in several parts is one content, the attribution between them included
     "''It is more tinkering at the edges,'' said Alan Cole, an economist at the Tax Foundation. "
     "''It is basically just a tax increase.''",
     "It is more tinkering at the edges,'' said Alan Cole, an economist at the Tax Foundation. "
     "''It is basically just a tax increase.", "Alan Cole"),
    ("claim.say",  # 'A, X said, B': the whole clause
     "Acts of protest, Mr. Obama said, are acts of patriotism.",
     "Acts of protest, Mr. Obama said, are acts of patriotism", "Obama"),
    ("claim.say",
     "Many of the visitors were older, she said, and the exhibition moved them.",
     "Many of the visitors were older, she said, and the exhibition moved them", None),
    ("claim.say",  # a quote going on after 'Y, X said, who ...'
     'Both parties "saw Burma as a country under pressure from China," said Victor Cha, who served under '
     'Bush. "In that sense, it was like pushing on an open door."',
     'Both parties "saw Burma as a country under pressure from China," said Victor Cha, who served under '
     'Bush. "In that sense, it was like pushing on an open door.', "Victor Cha"),
    ("claim.say",  # a nested attribution: the whole reported clause, the outer speaker
     "Aides said he believes rates will rise.", "he believes rates will rise", "Aides"),
    ("claim.say_object",  # a noun phrase as content
     "The firm announced a buyback of its shares on Monday.", "a buyback of its shares", "firm"),
    ("claim.say_object",
     "A chorus of prominent Republicans has said the same thing.", "the same thing", "chorus"),
    ("claim.object_verb",  # a passive with a by-phrase
     "The registration issue was first reported by The Washington Post.", "The registration issue",
     "Washington Post"),
    ("claim.say",  # a participle after "with"
     "With surveys showing that voters are angry, the party changed course.", "voters are angry", "surveys"),
    ("claim.object_verb",
     "The strike killed 12 people, with state media confirming three deaths.", "three deaths", "state media"),
    ("claim.nominal",  # a noun of saying with its sayer as possessive
     "Contrary to his claim that people would learn nothing, the returns hold much.", "people would learn nothing",
     None),
    ("claim.nominal", "The senator's remarks about tariffs drew criticism.", "tariffs", "senator"),
    ("claim.say",  # a light verb: the document's issuer speaks
     "The ministry released a memo arguing that the rules were illegal.", "the rules were illegal", "ministry"),
]


@pytest.mark.parametrize(("rule", "text", "content", "name"), CASES)
def test_claim_boundary(extract, rule, text, content, name):
    claims = extract(text, "claim")
    match = [c for c in claims if c["content"]["text"] == content]
    assert match, [c["content"]["text"] for c in claims]
    claim = match[0]
    assert claim["rule"] == rule
    if name:
        assert name in claim["speaker"]["name"]
    assert spans_hold(claim, text)


def test_content_ends_at_the_closing_quote_not_in_the_attribution(extract):
    text = '"We will rebuild the town," said Ann Roe, a party aide.'
    (claim,) = extract(text, "claim")
    assert claim["content"]["text"] == "We will rebuild the town,"
    assert claim["speaker"]["name"] == "Ann Roe"


def test_a_quote_that_a_second_cue_reports_is_not_joined(extract):
    text = 'The mayor spoke on Monday. "We see no link," the mayor said, adding that "it will take more hours."'
    claims = extract(text, "claim")
    first = next(c for c in claims if c["content"]["text"].startswith("We see"))
    assert first["content"]["text"] == "We see no link,"
    assert not first["content"].get("parts")


NOT_CLAIMS = [
    ("no claim of the inner speaker in a nested attribution", "Aides said he believes rates will rise.", "he"),
    ("no claim of an object cue inside a reported clause",
     "She said professors would sometimes dismiss her proposals.", "professors"),
]


@pytest.mark.parametrize(("why", "text", "speaker"), NOT_CLAIMS)
def test_not_a_claim_of(extract, why, text, speaker):
    assert all(c["speaker"]["text"] != speaker for c in extract(text, "claim")), why


@pytest.mark.parametrize("text", [
    "He said it.",  # a bare pronoun is no content
    "It was declared by the court.",
    "The group called EB-5 raised money.",  # a past participle on a noun is no cue
    "Her remarks on Saturday drew criticism.",  # a time is no content
    "The remarks about tariffs drew criticism.",  # no sayer
])
def test_no_noun_phrase_claim(extract, text):
    assert extract(text, "claim") == []


@pytest.mark.parametrize(("text", "inner"), [
    ("Regime TV reported the town was destroyed while state news agency SANA said that six people were killed.",
     "six people were killed"),
    ("Syrian television reported that planes had struck Aleppo, saying rebel positions had been targeted.",
     "rebel positions had been targeted"),
])
def test_a_clause_of_its_own_keeps_its_claim_inside_another(extract, text, inner):
    assert inner in [c["content"]["text"] for c in extract(text, "claim")]
