"""Grouping and interval logic on hand-written records (no model), and the compare/show CLI."""

import json

import pytest
from tests.conftest import CORPUS
from typer.testing import CliRunner

from claimx.cli import app
from claimx.compare import group_records, interval
from claimx.incidents.places import resolve

HOMS = resolve("Homs", "SY")


def figure(doc, rid, value, qualifier="exact", source=None, outcome="killed", category="civilians",
           scope="incident", date="2015-09-30", attacker="Russia", place=HOMS, low=None, high=None):
    lo = value if low is None and qualifier in ("exact", "at_least", "more_than", "vague") else low
    hi = value if high is None and qualifier in ("exact", "up_to", "less_than") else high
    return {
        "schema": "claimx/1", "doc": doc, "id": rid, "kind": "casualty", "start": 0, "end": 10, "text": "x" * 10,
        "figure": {"text": str(value), "start": 0, "end": 2, "value": value, "low": lo, "high": hi,
                   "qualifier": qualifier},
        "outcome": outcome, "victims": {"text": "x", "start": 0, "end": 1, "category": category},
        "source": {"text": source, "start": 0, "end": 1, "name": source} if source else None, "claim": None,
        "place": None, "scope": scope, "incident": {"attacker": attacker, "actor": attacker},
        "event_date": {"start": date, "end": date} if date else None,
        "event_place": {**place, "basis": "place"} if place else None,
    }


@pytest.mark.parametrize(("qualifier", "value", "low", "high", "expected"), [
    ("exact", 36, 36, 36, (36, 36)),
    ("at_least", 33, 33, None, (33, float("inf"))),
    ("more_than", 290000, 290000, None, (290001, float("inf"))),
    ("about", 20, None, None, (18, 22)),
    ("up_to", 12, None, 12, (0, 12)),
    ("vague", 12, 12, None, (12, float("inf"))),
    ("about", 20, 20, 30, (20, 30)),  # a stated range
])
def test_intervals(qualifier, value, low, high, expected):
    assert interval({"value": value, "qualifier": qualifier, "low": low, "high": high}) == expected


def test_narrowing_figures_are_consistent():
    (g,) = group_records([figure("a", "f1", 33, "at_least"), figure("b", "f1", 36, source="Khoja")])
    assert (g.status, g.sources) == ("consistent", 2)


def test_incompatible_figures_are_disputed_with_estimates():
    records = [figure("a", "f1", 33, "at_least"), figure("b", "f1", 32, source="Barabandi"),
               figure("c", "f1", 36, source="Khoja")]
    (g,) = group_records(records)
    assert g.status == "disputed"
    assert g.estimates() == (32, 33, 36)


def test_repeats_within_a_source_count_once():
    records = [figure("a", "f1", 36, source="Khoja"), figure("a", "f2", 36, source="Khoja"),
               figure("b", "f1", 36, source="Khoja")]
    (g,) = group_records(records)
    assert g.sources == 1 and len(g.members) == 1 and len(g.members[0].repeats) == 2 and g.status == "single"


@pytest.mark.parametrize("other", [
    dict(outcome="injured"), dict(category="combatants"), dict(scope="cumulative"), dict(date="2016-08-16"),
    dict(place=resolve("Aleppo", "SY")), dict(date=None), dict(place=None),
])
def test_different_quantities_and_unknown_incidents_never_merge(other):
    first = figure("a", "f1", 36)
    groups = group_records([first, figure("b", "f1", 36, **other)])
    assert len(groups) == 2


def test_people_match_civilians_and_unknown_attackers_join():
    groups = group_records([figure("a", "f1", 36, attacker=None), figure("b", "f1", 40, category="people")])
    assert len(groups) == 1 and groups[0].status == "disputed"


def test_running_totals_ignore_the_incident_and_never_meet_single_tolls():
    records = [figure("a", "f1", 200000, "at_least", category="people", scope="cumulative", date="2015-09-28"),
               figure("b", "f1", 290000, "more_than", category="people", scope="cumulative", date="2015-10-02"),
               figure("b", "f2", 36, category="people")]
    cumulative = [g for g in group_records(records) if g.key["scope"] == "cumulative"]
    assert len(cumulative) == 1 and cumulative[0].status == "consistent" and len(cumulative[0].members) == 2


def test_every_figure_is_in_exactly_one_group():
    records = [figure(d, f"f{i}", v) for i, (d, v) in enumerate([("a", 1), ("b", 2), ("a", 3), ("c", 3)])]
    groups = group_records(records)
    placed = [(m.record["doc"], m.record["id"]) for g in groups for m in g.members] + [
        (r["doc"], r["id"]) for g in groups for m in g.members for r in m.repeats]
    assert sorted(placed) == sorted((r["doc"], r["id"]) for r in records)


def strike(doc, rid, source, category, attacker="Russia"):
    return {"schema": "claimx/1", "doc": doc, "id": rid, "kind": "strike", "start": 0, "end": 5, "text": "xxxxx",
            "trigger": {"text": "hit", "start": 0, "end": 3},
            "attacker": {"text": attacker, "start": 0, "end": 1, "name": attacker},
            "target": {"text": "t", "start": 0, "end": 1, "category": category}, "place": None, "count": None,
            "source": {"text": source, "start": 0, "end": 1, "name": source}, "claim": "c1",
            "hypothetical": False, "negated": False, "event_date": {"start": "2015-09-30", "end": "2015-09-30"},
            "event_place": {**HOMS, "basis": "place"}}


def test_strike_targets_disputed_between_sources():
    groups = group_records([strike("a", "s1", "Russian defense ministry", "militants"),
                            strike("b", "s1", "Ahmet Davutoglu", "rebels")])
    assert [(g.kind, g.status) for g in groups] == [("strike", "disputed")]


def test_a_repeat_mention_of_a_strike_is_not_a_second_member():
    repeat = {**strike("a", "s2", "Russian defense ministry", "militants"), "same_as": "s1"}
    groups = group_records([strike("a", "s1", "Russian defense ministry", "militants"), repeat,
                            strike("b", "s1", "Ahmet Davutoglu", "rebels")])
    assert [[(m.record["doc"], m.record["id"]) for m in g.members] for g in groups] == [[("a", "s1"), ("b", "s1")]]


runner = CliRunner()


@pytest.fixture(scope="module")
def corpus_jsonl(tmp_path_factory):
    path = tmp_path_factory.mktemp("cmp") / "r.jsonl"
    assert runner.invoke(app, ["extract", str(CORPUS), "-o", str(path)]).exit_code == 0
    return path


def test_compare_json_on_the_seed_corpus(corpus_jsonl):
    result = runner.invoke(app, ["compare", str(corpus_jsonl), "--json"])
    assert result.exit_code == 0
    groups = [json.loads(line) for line in result.stdout.splitlines()]
    assert all(g["schema"] == "claimx-group/1" for g in groups)
    first_day = next(g for g in groups if g["kind"] == "casualty" and g["status"] == "disputed")
    assert len({m["doc"] for m in first_day["members"]}) >= 3
    assert {"Khaled Khoja", "Bassam Barabandi"} <= {m["source"] for m in first_day["members"]}
    assert not {200000, 290000} & {m["value"] for m in first_day["members"]}  # running totals stay out
    assert first_day["incident"]["actor"] == "Russia" and first_day["incident"]["articles"] >= 3
    # strikes are grouped by incident: the first day's targets as Moscow and the activists tell them
    targets = next(g for g in groups if g["kind"] == "strike" and g["status"] == "disputed")
    assert "Russian defense ministry" in {m["source"] for m in targets["members"]}
    assert targets["incident"]["event_date"] == first_day["incident"]["event_date"]


def test_compare_all_places_every_figure(corpus_jsonl):
    groups = [json.loads(x) for x in runner.invoke(app, ["compare", str(corpus_jsonl), "--json", "--all",
                                                         "--kinds", "casualty"]).stdout.splitlines()]
    figures = [r for r in map(json.loads, corpus_jsonl.read_text().splitlines()) if r["kind"] == "casualty"]
    placed = sum(1 + len(m["repeats"]) for g in groups for m in g["members"])
    assert placed == len(figures)


def test_compare_panels_and_articles_on_the_fly():
    result = runner.invoke(app, ["compare", str(CORPUS)])
    assert result.exit_code == 0
    assert "DISPUTED" in result.stdout and "Khaled Khoja" in result.stdout


def test_show_highlights_an_article():
    result = runner.invoke(app, ["show", str(CORPUS / "002_739066e79518ad38.txt")])
    assert result.exit_code == 0
    assert "casualty figure" in result.stdout and "Russia and the US will hold talks" in result.stdout
