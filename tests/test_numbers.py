"""The number normaliser, table-driven (SPEC.md conventions for vague terms)."""

import json

import pytest

from claimx import numbers, rules
from claimx.numbers import NumberReader, Quantity

READER = NumberReader(rules.load("numbers.json"))

TABLE = [
    # phrase, value, low, high, qualifier
    ("tens", 10, 10, None, "vague"),
    ("dozens", 12, 12, None, "vague"),
    ("scores", 20, 20, None, "vague"),
    ("scores of", 20, 20, None, "vague"),
    ("hundreds", 100, 100, None, "vague"),
    ("hundreds of", 100, 100, None, "vague"),
    ("thousands", 1000, 1000, None, "vague"),
    ("tens of thousands", 10000, 10000, None, "vague"),
    ("hundreds of thousands", 100000, 100000, None, "vague"),
    ("several", 3, 3, None, "vague"),
    ("a few", 2, 2, None, "vague"),
    ("a dozen", 12, None, None, "about"),
    ("half a dozen", 6, None, None, "about"),
    ("more than 290,000", 290000, 290000, None, "more_than"),
    ("at least 33", 33, 33, None, "at_least"),
    ("over 100", 100, 100, None, "more_than"),
    ("nearly 50", 50, None, None, "about"),
    ("some 200", 200, None, None, "about"),
    ("up to 12", 12, None, 12, "up_to"),
    ("fewer than 10", 10, None, 10, "less_than"),
    ("1.5 million", 1500000, 1500000, 1500000, "exact"),
    ("290000", 290000, 290000, 290000, "exact"),
    ("thirty-three", 33, 33, 33, "exact"),
    ("twenty-one", 21, 21, 21, "exact"),
    ("two hundred and five", 205, 205, 205, "exact"),
    ("a hundred", 100, 100, 100, "exact"),
    ("nine", 9, 9, 9, "exact"),
    ("between 20 and 30", 20, 20, 30, "about"),
    ("20-30", 20, 20, 30, "about"),
    ("two women and a child", 3, 3, 3, "exact"),
    ("a child", 1, 1, 1, "exact"),
    ("no one", 0, 0, 0, "exact"),
    ("none", 0, 0, 0, "exact"),
]


@pytest.mark.parametrize(("phrase", "value", "low", "high", "qualifier"), TABLE)
def test_phrase(phrase, value, low, high, qualifier):
    assert READER.parse(phrase) == Quantity(value, low, high, qualifier)


@pytest.mark.parametrize("phrase", ["the", "civilians", "hundred", "1.5", "", "of"])
def test_not_a_quantity(phrase):
    assert READER.parse(phrase) is None


def test_every_vague_term_in_the_rules_is_tabled():
    tabled = {row[0] for row in TABLE}
    vague = json.loads((rules.default_dir() / "numbers.json").read_text())["vague"]
    assert {k for k in vague if k not in ("few", "millions")} <= tabled


@pytest.mark.parametrize(("words", "first", "second"), [
    # comma-less text (FA-KES): a year or day before a count is its own number, never joined
    (["2016", "135", "civilians"], 2016, 135),
    (["2017", "20", "killed"], 2017, 20),
    (["14", "12", "soldiers"], 14, 12),
])
def test_numbers_side_by_side_are_read_apart(words, first, second):
    assert READER.match(words, 0) == (1, Quantity(first, first, first, "exact"))
    assert READER.match(words, 1) == (1, Quantity(second, second, second, "exact"))


@pytest.mark.parametrize(("phrase", "value"), [
    # thousands written with spaces (noisy text): groups of exactly three digits
    ("1 000 civilians", 1000),
    ("over 1 000 civilians", 1000),
    ("12 500 civilians", 12500),
    ("200 000 people", 200000),
    ("1 000 000 people", 1000000),
    ("1 200 people were injured", 1200),
    ("killed 3 000 were injured", 3000),  # 000 is never a count of its own
    # neighbouring numbers, commas stripped: read apart
    ("killed 3 200 were injured", 3),
    ("killed 3 200 injured", 3),
    ("101 102 and 103 gas fields", 101),
    ("5 200 to 300 people", 5),
    ("march 15 200 people", 15),
    ("get short url 0 110", 0),
    ("12 50 people", 12),
    ("1234 567 people", 1234),
    ("2016 135 civilians", 2016),
])
def test_thousands_written_with_spaces(phrase, value):
    words = numbers.words_of(phrase)
    at = next(i for i, w in enumerate(words) if w[:1].isdigit())
    assert READER.match(words, at)[1].value == value
