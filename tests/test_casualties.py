"""Casualty figures: values, outcomes, victims, source and scope; and what is not a figure."""

import pytest
import spacy
from spacy.tokens import Doc
from tests.conftest import spans_hold

from claimx.resolvers.victims import (
    counted_noun,
    displaced_count,
    member_category,
    predicate_noun,
    share_noun,
    victim_in,
)

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
    # the parse hangs the number on a later verb ("... forces monitor", "... a war monitor said")
    ("casualty.verb_killed", "Military jets believed to be Russian killed at least 60 civilians trying to flee heavy "
     "fighting in the oil-rich province when their small boats were targeted as they sought to cross the river "
     "opposition activists former residents and a war monitor said late on Wednesday.",
     [("at least 60", 60, "killed")]),
    ("casualty.verb_injured", "The highest toll was in the largest town in the region where raids killed 16 civilians "
     "including at least one child and wounded 22 it said.",
     [("16", 16, "killed"), ("one", 1, "killed"), ("22", 22, "injured")]),
    # "victims" reports deaths in "among the victims" / "of the victims"
    ("casualty.killed", "The war monitor said that 12 children were among the victims of the attack on a gathering "
     "at a checkpoint.", [("12", 12, "killed")]),
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


# ---- figure structure (issue #13 part 4) ---------------------------------------------------------------
# Sub-counts: their own record, `subcount` true and `part_of` the id of the total when the document has it.
SUBCOUNTS = [
    # text, [(figure text, value, category, subcount, part_of)]
    ("Two medics were among at least 31 people killed on Saturday in Syrian government shelling.",
     [("Two", 2, "civilians", True, "f2"), ("at least 31", 31, "people", False, None)]),
    ("2 medics among 31 dead in Syria army reprisal for slain pilot AFP",
     [("2", 2, "civilians", True, "f2"), ("31", 31, "people", False, None)]),
    ("Ten of the 26 dead were children.", [("Ten", 10, "children", True, "f2"), ("26", 26, "people", False, None)]),
    ("20 died, among them six boys.", [("20", 20, "people", False, None), ("six", 6, "children", True, "f1")]),
    ("The strike killed 14 people including three children.",
     [("14", 14, "people", False, None), ("three", 3, "children", True, "f1")]),
    ("Four of those killed were minors.", [("Four", 4, "children", True, None)]),  # the total is not in the text
    # "N of them X" after the total, commas stripped
    ("Air strikes killed 20 people 12 of them children.",
     [("20", 20, "people", False, None), ("12", 12, "children", True, "f1")]),
    ("The death toll from the attack has risen to 86 30 of them children a monitoring group said.",
     [("86", 86, "people", False, None), ("30", 30, "children", True, "f1")]),
    # counts after a count of everyone, within it: its parts (a Title-Case headline, commas stripped)
    ("15 Syrian Civilians 3 Children Killed in Russian Airstrikes",
     [("15", 15, "civilians", False, None), ("3", 3, "children", True, "f1")]),
    ("Strikes killed 10 people 4 children and 2 women in Idlib.",
     [("10", 10, "people", False, None), ("4", 4, "children", True, "f1"), ("2", 2, "women", True, "f1")]),
    # counts that add up to the first break it down, whatever the first counts
    ("Airstrikes killed three civilians two women and a man.",
     [("three", 3, "civilians", False, None), ("two", 2, "women", True, "f1"), ("a", 1, "people", True, "f1")]),
    # a count that is who said it is no part of the toll (commas stripped)
    ("Bombing has killed at least 32 people a war monitor medics and emergency workers said.",
     [("at least 32", 32, "people", False, None)]),
]


def test_who_said_it_is_no_part_of_the_toll(extract):
    got = extract("Tanks shelled a district of the city killing four more civilians two residents said.", "casualty")
    assert got[0]["figure"]["value"] == 4 and not any(f["subcount"] for f in got)
    # the speakers before the cue, the toll in what they say
    got = extract("Two officials and three residents said 12 people died in the shelling.", "casualty")
    assert [f["figure"]["value"] for f in got] == [12]
    got = extract("Government forces pressed an offensive on rebel held districts in the north of the country on "
                  "Monday in what residents described as the heaviest fighting in months. The shelling killed four "
                  "civilians two residents said.", "casualty")  # long enough to be read as comma-stripped
    assert [f["figure"]["value"] for f in got] == [4]
    # but the parse of a comma-less attribution after the toll makes the victims its subject
    got = extract("The air strikes killed 1102 people said the Observatory on Monday.", "casualty")
    assert [f["figure"]["value"] for f in got] == [1102]


def test_a_bare_number_before_its_own_outcome_takes_that_outcome(extract):
    # commas stripped: the parse hangs "200" on "killed", but it is the subject of "were injured"
    got = extract("The strikes killed 3 200 were injured in the attack on the market.", "casualty")
    assert [(f["figure"]["text"], f["outcome"]) for f in got] == [("3", "killed"), ("200", "injured")]
    got = extract("At least 14 people were killed 25 have been wounded in a suicide attack on a wedding.", "casualty")
    assert [(f["figure"]["text"], f["outcome"]) for f in got] == [("At least 14", "killed"), ("25", "injured")]


@pytest.mark.parametrize(("text", "expected"), SUBCOUNTS)
def test_a_subcount_is_its_own_record_part_of_the_total(extract, text, expected):
    got = extract(text, "casualty")
    assert [(f["figure"]["text"], f["figure"]["value"], f["victims"]["category"], f["subcount"], f["part_of"])
            for f in got] == expected
    assert all(f["outcome"] == "killed" for f in got)


# Lists add up to one figure (SPEC.md), with or without commas (FA-KES has them stripped).
LISTS = [
    ("Government air strikes killed 10 children 5 women and 3 men in the city a monitor said.",
     "10 children 5 women and 3 men", 18, "civilians"),
    ("Another airstrike hit a village on Tuesday killing a woman and nine children.", "a woman and nine children",
     10, "civilians"),
    ("Two medics and an aid worker were killed.", "Two medics and an aid worker", 3, "civilians"),
    # a first count of children, not of everyone, and counts beyond a count of everyone: more victims
    ("15 Children 3 Women Killed in Russian Airstrikes", "15 Children 3 Women", 18, "civilians"),
    ("Airstrikes killed 5 civilians 8 children in Idlib.", "5 civilians 8 children", 13, "civilians"),
    ("At least 16 civilians and three children have been killed in air raids.",
     "At least 16 civilians and three children", 19, "civilians"),
]


@pytest.mark.parametrize(("text", "figure", "value", "category"), LISTS)
def test_a_list_is_one_figure(extract, text, figure, value, category):
    got = extract(text, "casualty")
    assert [(f["figure"]["text"], f["figure"]["value"], f["victims"]["category"]) for f in got] == [
        (figure, value, category)]


# A list that breaks a toll down ("among them", "include", "among those killed") is a sub-count, and
# so is each of its counts, part of the list.
BREAKDOWNS = [
    ("Eleven civilians were killed among them a child and two women while 44 others were injured.",
     [("Eleven", 11, "civilians", False, None), ("a child and two women", 3, "civilians", True, "f1"),
      ("a", 1, "children", True, "f2"), ("two", 2, "women", True, "f2")]),
    ("The dead included 40 children 12 women and 30 men.",
     [("40 children 12 women and 30 men", 82, "civilians", True, None), ("40", 40, "children", True, "f1"),
      ("12", 12, "women", True, "f1"), ("30", 30, "people", True, "f1")]),
    ("The observatory gave the same death toll and said 14 children and a woman were among those killed.",
     [("14 children and a woman", 15, "civilians", True, None), ("14", 14, "children", True, "f1"),
      ("a", 1, "women", True, "f1")]),
]


@pytest.mark.parametrize(("text", "expected"), BREAKDOWNS)
def test_a_breakdown_lists_its_counts(extract, text, expected):
    got = [f for f in extract(text, "casualty") if f["outcome"] == "killed"]
    assert [(f["figure"]["text"], f["figure"]["value"], f["victims"]["category"], f["subcount"], f["part_of"])
            for f in got] == expected
    assert all(spans_hold(f, text) for f in got)


# Who the victims are: members of armed groups are combatants, medics and aid workers civilians.
CATEGORIES = [
    ("At least 10 members of the Takfiri group were killed in the army's attacks.", 10, "combatants",
     "members of the Takfiri group"),
    ("Three members of the same family were killed.", 3, "civilians", "members of the same family"),
    ("Fifteen SARC volunteers were killed in the double-tap strike said the Civil Defence.", 15, "civilians",
     "SARC volunteers"),
    ("Four Hezbollah members have been killed in Syria amid reports of fierce clashes.", 4, "combatants",
     "Hezbollah members"),
    ("The brigade announced on Monday that it had killed six Nusra Front fighters and injured several others.", 6,
     "combatants", "Front fighters"),
    ("Mon Aug 29 2016 40 Civilians 25 YPG Fighters Killed 110 Injured by Turkey Near Jarablus.", 25, "combatants",
     "YPG Fighters"),
    ("ISIL Kills Crucifies 5 Syrians in Deir Ezzor", 5, "people", "Syrians"),
    ("A hospital was destroyed by airstrikes over the weekend that killed 13 people MSF said on Monday.", 13, "people",
     "people"),
]


@pytest.mark.parametrize(("text", "value", "category", "victims"), CATEGORIES)
def test_victim_category(extract, text, value, category, victims):
    got = {f["figure"]["value"]: f for f in extract(text, "casualty")}
    assert (got[value]["victims"]["category"], got[value]["victims"]["text"]) == (category, victims)
    assert all(spans_hold(f, text) for f in got.values())


# Explicit zeros are figures of 0.
ZEROS = [
    ("Nobody was hurt in the blast.", "injured", "people"),
    ("There were no casualties.", "casualties", "people"),
    ("The attack caused no injuries.", "injured", "people"),
    ("None of the passengers were injured.", "injured", "civilians"),
]


@pytest.mark.parametrize(("text", "outcome", "category"), ZEROS)
def test_an_explicit_zero_is_a_figure(extract, text, outcome, category):
    assert [(f["figure"]["value"], f["outcome"], f["victims"]["category"]) for f in extract(text, "casualty")] == [
        (0, outcome, category)]


# What must not become a figure: an article or number before a noun that only modifies another
# ("a terrorist rocket attack", "two other districts"), a date before a victim word, a source.
NOT_COUNTS = [
    ("Three children were killed and 14 students were injured in a terrorist rocket attack on the national school.",
     [3, 14]),
    ("Another five civilians were killed in two other districts and on the citys outskirts.", [5]),
    ("Since July 11 regime bombardment of IS-held towns and villages has cost the lives of 136 civilians.", [136]),
    ("The groom and bride were safe but the grooms father and brother were killed in the attack a relative told AFP.",
     []),
    ("A regime warplane launched four raids on civilian homes in the city centre killing three people.", [3]),
    ("No death toll was given.", []),
    ("There were no immediate reports of casualties.", []),
    ("Most of the bodies appeared ashen or pale but with no visible injuries.", []),  # how the dead looked
]


@pytest.mark.parametrize(("text", "values"), NOT_COUNTS)
def test_not_a_count_of_people(extract, text, values):
    assert [f["figure"]["value"] for f in extract(text, "casualty")] == values


# ---- victim resolvers on hand-built Docs (no model) --------------------------------------------------
VICTIMS = {"people", "fighters", "forces", "regime", "members", "minors", "militants", "terrorist"}


def tagged_doc(words, heads, deps, pos, tags=None):
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags or ["" for _ in words],
               lemmas=[w.lower() for w in words])


@pytest.mark.parametrize(("words", "heads", "deps", "pos", "tags", "counted"), [
    # "13 [people] MSF said": a plural victim noun ends the phrase before an unknown noun
    (["killed", "13", "people", "MSF", "said"], [0, 2, 3, 4, 4], ["ROOT", "nummod", "compound", "nsubj", "ccomp"],
     ["VERB", "NUM", "NOUN", "NOUN", "VERB"], ["VBD", "CD", "NNS", "NN", "VBD"], 2),
    # "six Nusra Front [fighters]": a group's name before the counted noun
    (["killed", "six", "Nusra", "Front", "fighters"], [0, 4, 3, 4, 0],
     ["ROOT", "nummod", "compound", "compound", "dobj"], ["VERB", "NUM", "PROPN", "PROPN", "NOUN"],
     ["VBD", "CD", "NNP", "NNP", "NNS"], 4),
    # "38 regime [forces]": a singular modifier goes on to the noun it modifies
    (["killed", "38", "regime", "forces"], [0, 3, 3, 0], ["ROOT", "nummod", "compound", "dobj"],
     ["VERB", "NUM", "NOUN", "NOUN"], ["VBD", "CD", "NN", "NNS"], 3),
    # "a terrorist rocket [attack]": the noun counted is the attack, not a victim
    (["in", "a", "terrorist", "rocket", "attack"], [0, 4, 3, 4, 0], ["ROOT", "det", "compound", "compound", "pobj"],
     ["ADP", "DET", "NOUN", "NOUN", "NOUN"], ["IN", "DT", "NN", "NN", "NN"], 4),
])
def test_counted_noun(words, heads, deps, pos, tags, counted):
    d = tagged_doc(words, heads, deps, pos, tags)
    assert counted_noun(d, 2, len(d), lambda t: t.lower_ in VICTIMS).i == counted


GROUPS = {"group": "combatants", "front": "combatants", "family": "civilians", "forces": "combatants"}


@pytest.mark.parametrize(("words", "heads", "deps", "category"), [
    (["members", "of", "the", "Takfiri", "group"], [0, 0, 4, 4, 1], ["ROOT", "prep", "det", "compound", "pobj"],
     "combatants"),
    (["members", "of", "the", "same", "family"], [0, 0, 4, 4, 1], ["ROOT", "prep", "det", "amod", "pobj"], "civilians"),
    (["members", "of", "the", "family", "forces"], [0, 0, 4, 4, 1], ["ROOT", "prep", "det", "compound", "pobj"],
     "combatants"),  # an armed group wins
    (["members", "of", "parliament"], [0, 0, 1], ["ROOT", "prep", "pobj"], None),
    (["Hezbollah", "members"], [1, 1], ["compound", "ROOT"], "combatants"),  # the group named before
    (["members", "killed"], [0, 0], ["ROOT", "acl"], None),
])
def test_member_category(words, heads, deps, category):
    d = hand_doc(words, heads, deps)
    assert member_category(d[words.index("members")], GROUPS | {"hezbollah": "combatants"}) == category


def test_predicate_noun():
    # "Four of those killed were [minors]"
    d = hand_doc(["Four", "of", "those", "killed", "were", "minors"], [4, 0, 1, 2, 4, 4],
                 ["nsubj", "prep", "pobj", "acl", "ROOT", "attr"])
    d[4].lemma_ = "be"
    assert predicate_noun(d[0], VICTIMS).i == 5
    assert predicate_noun(d[2], VICTIMS) is None  # not the copula's subject


@pytest.mark.parametrize(("words", "noun"), [
    (["killed", "20", "people", "12", "of", "them", "children"], 6),
    (["killed", "20", "people", "12", "of", "whom", "were", "children"], 7),
    (["killed", "20", "people", "12", "of", "them", "in", "Aleppo"], None),
    (["killed", "12", "of", "the", "children"], None),
])
def test_share_noun(words, noun):
    d = tagged_doc(words, list(range(len(words))), ["dep"] * len(words),
                   ["AUX" if w == "were" else "X" for w in words])
    got = share_noun(d, 4 if words[3] == "12" else 2, len(d), VICTIMS | {"children"}, {"of", "among"}, {"them", "whom"})
    assert (got.i if got is not None else None) == noun


def test_victim_in_leaves_out_who_did_it():
    # "militants killed 3 people": the victims are the people, not the militants
    d = tagged_doc(["militants", "killed", "3", "people"], [1, 1, 3, 1], ["nsubj", "ROOT", "nummod", "dobj"],
                   ["NOUN", "VERB", "NUM", "NOUN"])
    assert victim_in(d[1], VICTIMS).i == 3
    d = tagged_doc(["militants", "killed", "3"], [1, 1, 1], ["nsubj", "ROOT", "dobj"], ["NOUN", "VERB", "NUM"])
    assert victim_in(d[1], VICTIMS) is None
    # "kills 23 including 8 kids": the kids are a part, not who the 23 are
    d = tagged_doc(["kills", "23", "including", "8", "kids"], [0, 0, 1, 4, 2],
                   ["ROOT", "dobj", "prep", "nummod", "pobj"], ["VERB", "NUM", "VERB", "NUM", "NOUN"])
    assert victim_in(d[0], VICTIMS | {"kids"}) is None
    # "gunmen who shot civilians killed 3": the civilians are in the phrase of who did it, however deep
    d = tagged_doc(["gunmen", "who", "shot", "civilians", "killed", "3"], [4, 2, 0, 2, 4, 4],
                   ["nsubj", "nsubj", "relcl", "dobj", "ROOT", "dobj"], ["NOUN", "PRON", "VERB", "NOUN", "VERB", "NUM"])
    assert victim_in(d[4], VICTIMS | {"civilians"}) is None
    # "killed 3 , among them civilians , and wounded residents": the first victim noun outside the part
    d = tagged_doc(["killed", "3", "among", "civilians", "and", "wounded", "residents"], [0, 0, 0, 2, 0, 0, 5],
                   ["ROOT", "dobj", "prep", "pobj", "cc", "conj", "dobj"],
                   ["VERB", "NUM", "ADP", "NOUN", "CCONJ", "VERB", "NOUN"])
    assert victim_in(d[0], VICTIMS | {"civilians", "residents"}).i == 6


@pytest.mark.parametrize(("text", "values"), [
    # thousands written with spaces (noisy text) are one number
    ("Over 1 000 civilians have been killed in the city.", [1000]),
    ("More than 12 500 civilians were killed last year.", [12500]),
    # neighbouring counts with the comma stripped are not: no 3200, no 15200
    ("The bombing killed 3 200 were injured in the blast.", [3, 200]),
    ("On March 15 200 people were killed in the city.", [200]),
])
def test_thousands_written_with_spaces(extract, text, values):
    assert [f["figure"]["value"] for f in extract(text, "casualty")] == values
