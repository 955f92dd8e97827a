"""Casualty figures: values, outcomes, victims, source and scope; and what is not a figure."""

import pytest
from tests.conftest import spans_hold

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
