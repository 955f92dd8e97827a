"""Attributed claims on real and edge-case sentences: what is extracted, and what is not."""

import pytest
from tests.conftest import spans_hold

CASES = [
    # text, content, speaker name, speaker type, quote
    ("Kerry said the Russian warning was ignored and U.S. air strikes continued on Wednesday.",
     "the Russian warning was ignored and U.S. air strikes continued on Wednesday", "Kerry", "person", "indirect"),
    ("The minister told reporters that the talks would resume next week.",
     "the talks would resume next week", "minister", None, "indirect"),
    ("A U.S. defense official confirmed that talks could take place within the next day.",
     "talks could take place within the next day", "U.S. defense official", "anonymous", "indirect"),
    ("Khaled Khoja accused Russia of seeking only to keep Assad in power.",
     "Russia of seeking only to keep Assad in power", "Khaled Khoja", "person", "indirect"),
    ("The ceasefire was holding, said Carter.", "The ceasefire was holding", "Carter", "person", "indirect"),
    ('"We agreed on the imperative of as soon as possible," Kerry said.',
     "We agreed on the imperative of as soon as possible,", "Kerry", "person", "direct"),
    ('U.S. Defense Secretary Ash Carter said of the strikes: "It does appear that they were in areas where '
     'there probably were not ISIL forces."',
     "It does appear that they were in areas where there probably were not ISIL forces.", "Ash Carter", "person",
     "direct"),
    ("According to the Syrian Observatory, the strikes hit three villages.",
     "the strikes hit three villages", "Syrian Observatory", "organization", "indirect"),
    ("The group said in a statement that its fighters had withdrawn.", "its fighters had withdrawn", "group",
     "organization", "indirect"),
    ("An unnamed military source said the army had taken the hill.", "the army had taken the hill",
     "unnamed military source", "anonymous", "indirect"),
    ('White House spokesman Josh Earnest said Russia was moving to "ramp up" support for Assad.',
     'Russia was moving to "ramp up" support for Assad', "Josh Earnest", "person", "mixed"),
    ("The Times and the Journal report that rebels have been targeted by the Russian airstrikes.",
     "rebels have been targeted by the Russian airstrikes", "Times and the Journal", None, "indirect"),
    ("By using Iran, Moscow can boost its firepower, military analyst Pavel Felgenhauer told AFP.",
     "By using Iran, Moscow can boost its firepower", "Pavel Felgenhauer", "person", "indirect"),
]


@pytest.mark.parametrize(("text", "content", "name", "kind", "quote"), CASES)
def test_claim(extract, text, content, name, kind, quote):
    claims = extract(text, "claim")
    match = [c for c in claims if c["content"]["text"] == content]
    assert match, [c["content"]["text"] for c in claims]
    claim = match[0]
    assert claim["speaker"]["name"] == name
    if kind:
        assert claim["speaker"]["type"] == kind
    assert claim["quote"] == quote
    assert spans_hold(claim, text)


def test_split_quote_is_one_claim_with_parts(extract):
    text = 'Kerry met the press. "It is a mistake," Kerry said. "They will regret it."'
    (claim,) = extract(text, "claim")
    assert claim["content"]["text"] == 'It is a mistake," Kerry said. "They will regret it.'
    assert [p["text"] for p in claim["content"]["parts"]] == ["It is a mistake,", "They will regret it."]


def test_pronoun_and_surname_resolve_to_full_name(extract):
    text = ("John Kerry met Lavrov in New York. Kerry said the talks were useful. "
            "He added that more meetings would follow.")
    claims = extract(text, "claim")
    assert [c["speaker"]["name"] for c in claims] == ["John Kerry", "John Kerry"]
    assert [c["speaker"]["text"] for c in claims] == ["Kerry", "He"]


def test_title_is_kept_for_later_mentions(extract):
    text = ("U.S. Secretary of State John Kerry said talks would start soon.\n\n"
            "Kerry said the warning was ignored.")
    claims = extract(text, "claim")
    assert {c["speaker"]["title"] for c in claims} == {"U.S. Secretary of State"}


def test_quote_continuation_paragraph_keeps_the_speaker(extract):
    text = ('On Tuesday, Erdogan warned that Russia risked losing Turkey as a friend.\n'
            '"If Russia loses a friend like Turkey, it is going to lose a lot of things. It needs to know this."')
    claims = extract(text, "claim")
    assert claims[-1]["content"]["text"].startswith("If Russia loses")
    assert claims[-1]["speaker"]["text"] == "Erdogan" and claims[-1]["cue"] is None
    assert claims[-1]["continuation"] is True


NOT_CLAIMS = [
    "The report was published by the ministry on Tuesday.",
    "Russia releases video of air strikes in Syria",  # a headline with no cue
    "RELATED COVERAGE\n\n› Syrian opposition head says Russia intervening to prolong Assad",  # link list
    "By Andrew Osborn and Phil Stewart",  # byline
    'To "deconflict", in military parlance, is to ensure that aircraft do not clash.',  # scare quote
    '"He said "yes" and left',  # unbalanced marks: no crash, nothing attributable
    "Lavrov (left) and Kerry speak to the media at the United Nations, Sept. 30, 2015. Andrew Kelly/Reuters",
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_a_claim(extract, text):
    assert extract(text, "claim") == []
