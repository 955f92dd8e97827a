"""Strikes: triggers, attackers, targets with categories, counts, flags; and what is not a strike."""

import pytest
from tests.conftest import spans_hold

CASES = [
    # text, trigger, attacker name, target text, target category, place, count
    ("Russia launched air strikes in Syria on Wednesday.", "air strikes", "Russia", None, None, "Syria", None),
    ("The Russian defense ministry said it carried out about 20 flights over Syria, hitting eight Islamic State "
     "targets.",
     "hitting", "Russia", "eight Islamic State targets", "militants", None, 8),  # "it" in its own claim
    ("Government helicopters dropped barrel bombs on the town of Rastan.", "dropped barrel bombs",
     "Syrian government", "the town of Rastan", "area", None, None),
    ("Regime forces shelled rebel-held districts of Aleppo.", "shelled", "Syrian government",
     "rebel-held districts of Aleppo", "rebels", None, None),
    ("Israeli jets struck a military airport.", "struck", "Israel", "a military airport", "military", None, None),
]


@pytest.mark.parametrize(("text", "trigger", "attacker", "target", "category", "place", "count"), CASES)
def test_strike(extract, text, trigger, attacker, target, category, place, count):
    strikes = [s for s in extract(text, "strike") if s["trigger"]["text"] == trigger]
    assert strikes, [s["trigger"]["text"] for s in extract(text, "strike")]
    s = strikes[0]
    assert (s["attacker"] or {}).get("name") == attacker
    assert (s["target"] or {}).get("text") == target
    assert (s["target"] or {}).get("category") == category
    assert (s["place"] or {}).get("text") == place
    assert s["count"] == count
    assert spans_hold(s, text)


def test_disputed_strike_takes_the_claim_source(extract):
    text = "He said only two out of 57 Russian strikes had hit the jihadist group."
    strikes = extract(text, "strike")
    assert {s["count"] for s in strikes} >= {57}
    hit = next(s for s in strikes if s["trigger"]["text"] == "hit")
    assert hit["target"]["category"] == "militants" and hit["claim"] == "c1"


def test_conditional_strike_is_hypothetical(extract):
    text = ("Kerry said Washington would have grave concerns if Russia hit Syrian targets where fighters were "
            "not present.")
    (s,) = extract(text, "strike")
    assert s["hypothetical"] is True and s["source"]["name"] == "Kerry"


def test_negated_strike(extract):
    (s,) = extract("The strikes did not hit any civilian areas, the ministry said.", "strike")
    assert s["negated"] is True and s["target"]["category"] == "civilians"


NOT_STRIKES = [
    "The economy was hit hard by sanctions.",
    "The attacks also raised tensions between the two capitals.",  # bare back-reference
    "Russia, US to Hold Talks on Coordinating Airstrikes in Syria\n\nThe talks start today.",  # headline
    "The two sides fought over the wording of the resolution.",
]


@pytest.mark.parametrize("text", NOT_STRIKES)
def test_not_a_strike(extract, text):
    assert extract(text, "strike") == []
