"""Casualty figures: values, outcomes, victims, source and scope; and what is not a figure."""

import pytest
import spacy
from spacy.tokens import Doc
from tests.conftest import spans_hold

from claimx.resolvers.victims import displaced_count

VOCAB = spacy.blank("en").vocab

CASES = [
    # text, [(figure text, value, qualifier, outcome, victims category, source name, scope)]
    ("Western-backed Syrian opposition chief Khaled Khoja said the Russian strikes had killed 36 civilians and "
     "no rebel fighters.",
     [("36", 36, "exact", "killed", "civilians", "Khaled Khoja", "incident"),
      ("no", 0, "exact", "killed", "combatants", "Khaled Khoja", "incident")]),
    ("At least 200,000 people have been killed since the civil war began in 2011.",
     [("At least 200,000", 200000, "at_least", "killed", "people", None, "cumulative")]),
    ("The activist claimed 32 civilian deaths and six casualties among opposition forces.",
     [("32", 32, "exact", "killed", "civilians", "activist", "incident"),
      ("six", 6, "exact", "casualties", "combatants", "activist", "incident")]),
    ("The Observatory said the strike killed two women and a child in Aleppo.",
     [("two women and a child", 3, "exact", "killed", "civilians", "Observatory", "incident")]),
    ("Dozens of people were wounded in the blast.", [("Dozens", 12, "vague", "injured", "people", None, "incident")]),
    ("The bombing killed 100 civilians and injured 700.",
     [("100", 100, "exact", "killed", "civilians", None, "incident"),
      ("700", 700, "exact", "injured", "people", None, "incident")]),
    ("The conflict has killed more than 290,000 people since it erupted in March 2011.",
     [("more than 290,000", 290000, "more_than", "killed", "people", None, "cumulative")]),
    ("No one was killed in the attack.", [("No one", 0, "exact", "killed", "people", None, "incident")]),
    ("The death toll rose to thirty-three, according to the health ministry.",
     [("thirty-three", 33, "exact", "killed", "people", "health ministry", "cumulative")]),
    ("Syria attack WHO said in a statement putting the death toll at at least 70",  # FA-KES: commas stripped
     [("at least 70", 70, "at_least", "killed", "people", None, "incident")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_figures(extract, text, expected):
    got = extract(text, "casualty")
    assert [
        (f["figure"]["text"], f["figure"]["value"], f["figure"]["qualifier"], f["outcome"], f["victims"]["category"],
         (f["source"] or {}).get("name"), f["scope"])
        for f in got
    ] == expected
    assert all(spans_hold(f, text) for f in got)


NOT_FIGURES = [
    "A 5-year-old boy was among those hurt.",  # an age
    "The strikes could kill thousands of civilians.",  # hypothetical
    "Russian jets carried out 20 flights and hit eight targets.",  # unit counts
    "Twenty percent of the 300 residents fled.",  # percentage, no outcome
    "Three soldiers were not killed, the army said.",  # negated
    "The war began in 2011 and has displaced millions.",  # a date
    "The government paid $5 million in compensation for the deaths.",  # money
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_a_figure(extract, text):
    assert extract(text, "casualty") == []


def test_every_figure_has_a_victim_category(extract):
    text = "The bombing killed 100 and injured 700. The toll rose to 40."
    assert all(f["victims"] and f["victims"]["category"] for f in extract(text, "casualty"))


# Sentences from FA-KES (commas stripped) and the rule each one exercises: (rule id, text, figures
# that must be extracted as (text, value, outcome)). The slot rules fix which outcome word a number
# belongs to when the parse hangs it on the wrong noun or a nearer outcome word.
RULE_CASES = [
    ("casualty.toll_to", "The death toll from air strikes on a Syrian town in a de-escalation zone has risen to 61 "
     "a war monitor said on Tuesday.", [("61", 61, "killed")]),
    ("casualty.toll_to", "A Syrian war monitoring group on Tuesday raised the death toll from airstrikes on a market "
     "in a northern opposition-held town the previous day to 61 as rescue workers continued searching for victims.",
     [("61", 61, "killed")]),
    ("casualty.toll_to", '"A number of people died of their wounds bringing the toll to 61 people including five '
     'children and three policemen" SOHR said.', [("61", 61, "killed")]),
    ("casualty.toll_to", "Syria attack WHO said in a statement putting the death toll at at least 70",
     [("at least 70", 70, "killed")]),
    ("casualty.more_injured", "A twin bombing struck a crowd in a predominantly Kurdish town in northern Syria on "
     "Wednesday killing 44 people and wounding dozens more Syrias state-run news agency and Kurdish media reported.",
     [("44", 44, "killed"), ("dozens", 12, "injured")]),
    ("casualty.killed", "Medical sources told SANAs reporter that a number of private hospitals received the bodies of "
     "44 victims as well as 140 injured people.", [("44", 44, "killed"), ("140", 140, "injured")]),
    ("casualty.killed", "Air strikes that ripped through a market in a rebel-held Syrian town have killed at least 61 "
     "people mostly civilians a war monitor said on Tuesday.", [("at least 61", 61, "killed")]),
    ("casualty.killed", "Posted on July 2 2016 by Asharq Al-Awsat English Thirty Killed in Syrian Strikes on Damascan "
     "Suburb Town Thirty civilians were killed on Saturday in intensive Syrian air strikes.",
     [("Thirty", 30, "killed"), ("Thirty", 30, "killed")]),
    ("casualty.killed", "Two men later died of their wounds in hospital.", [("Two", 2, "killed")]),
]


@pytest.mark.parametrize(("rule", "text", "expected"), RULE_CASES)
def test_rule_reads_the_figure(extract, rule, text, expected):
    got = extract(text, "casualty")
    assert [(f["figure"]["text"], f["figure"]["value"], f["outcome"]) for f in got] == expected
    assert rule in {f["rule"] for f in got}
    assert all(spans_hold(f, text) for f in got)


NOT_TOLLS = [
    "The death toll could rise to 100 officials warned.",  # casualty.toll_to, hypothetical
    "The toll road fee rose to 5 dollars.",  # casualty.toll_to, no death toll, not people
]


@pytest.mark.parametrize("text", NOT_TOLLS)
def test_not_a_toll(extract, text):
    assert extract(text, "casualty") == []


# A number governed by displace / flee / uproot / homeless counts people driven out, not casualties.
DISPLACEMENT = [
    ("The conflict has killed more than 280000 people and displaced millions.", [280000]),
    ("More than 146000 people have been killed in Syrias war and millions more displaced.", [146000]),
    ("The Observatory says a month of infighting in Dier el-Zour alone has killed nearly 300 fighters and "
     "displaced 100000 civilians.", [300]),
    ("Since 2011 the country has found itself in the clutches of foreign-backed militancy which has so far killed "
     "hundreds of thousands and displaced millions.", [100000]),
    # people killed while fleeing are casualties
    ("The observatory said Russian air strikes on Thursday night killed 14 people including three children fleeing "
     "across the Euphrates on rafts near Mayadeen.", [14, 3]),
]


@pytest.mark.parametrize(("text", "values"), DISPLACEMENT)
def test_displaced_people_are_not_casualties(extract, text, values):
    assert [f["figure"]["value"] for f in extract(text, "casualty")] == values


WAR_LONG = [
    "According to the Syrian Center for Policy Research the six-year conflict has caused more than 470000 deaths in "
    "the country.",
    "Syrias conflict has killed more than 230000 people and wounded at least a million according to the UN.",
    "The Observatory relies on a network of sources inside Syria to gather its information on the five-year-old "
    "conflict which has killed more than 280000 people.",
    "The brutal government offensive against rebel-held eastern Aleppo has plunged Syria into some of the worst "
    "violence of the five-year war that has claimed over 300000 lives.",
]


@pytest.mark.parametrize("text", WAR_LONG)
def test_a_war_long_total_is_cumulative(extract, text):
    got = extract(text, "casualty")
    assert got and all(f["scope"] == "cumulative" for f in got)


# ---- displaced_count on hand-built Docs (heads and relations set by hand, no model) -----------------
DISPLACEMENT_WORDS = {"displaced", "flee", "homeless"}


def hand_doc(words, heads, deps):
    return Doc(VOCAB, words=words, heads=heads, deps=deps, lemmas=[w.lower() for w in words])


@pytest.mark.parametrize(("words", "heads", "deps", "anchor", "first", "displaced"), [
    (["killed", "300", "and", "displaced", "millions"], [0, 0, 0, 4, 0], ["ROOT", "dobj", "cc", "amod", "conj"], 4, 4,
     True),  # "displaced [millions]"
    (["killed", "300", "and", "displaced", "millions"], [0, 0, 0, 4, 0], ["ROOT", "dobj", "cc", "amod", "conj"], 1, 1,
     False),  # the killed are not
    (["millions", "more", "displaced"], [2, 2, 2], ["nsubj", "advmod", "ROOT"], 0, 0, True),
    (["left", "millions", "homeless"], [0, 0, 0], ["ROOT", "dobj", "oprd"], 1, 1, True),
    (["killed", "20", "displaced", "people"], [0, 3, 3, 0], ["ROOT", "nummod", "amod", "dobj"], 3, 1, False),
    (["killed", "three", "children", "fleeing"], [0, 2, 0, 2], ["ROOT", "nummod", "dobj", "acl"], 2, 1, False),
])
def test_displaced_count(words, heads, deps, anchor, first, displaced):
    d = hand_doc(words, heads, deps)
    assert displaced_count(d[anchor], first, DISPLACEMENT_WORDS) is displaced
