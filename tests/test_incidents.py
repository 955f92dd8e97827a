"""Incidents: gazetteer, event dates, actors and linking, each on hand-written input (no model)."""

import datetime as dt
import json
import random
import subprocess
import sys

import pytest
from tests.conftest import SHARED

from claimx.compare import group_records
from claimx.incidents import actors, dates, places
from claimx.tolls import is_part

D = dt.date


@pytest.mark.parametrize("phrase, country, name, level", [
    ("Deir ez-Zor", None, "Deir ez-Zor", "city"),
    ("Deir al-Zour", "SY", "Deir ez-Zor", "city"),
    ("Dayr az Zawr", None, "Deir ez-Zor", "city"),
    ("the town of Jayrud", "SY", "Jayrūd", "city"),
    ("Idleb", "SY", "Idlib", "city"),
    ("al-Qameshli city in Hasaka province", "SY", "Al Qāmishlī", "city"),
    ("West Aleppo", "SY", "Aleppo", "city"),
    ("the western Aleppo countryside", "SY", "Aleppo province", "admin1"),
    ("Syria's Homs province", "SY", "Homs province", "admin1"),
    ("Hama province", "SY", "Ḩamāh province", "admin1"),
    ("the Damascus countryside", "SY", "Rif Dimashq", "admin1"),
    ("Rif Dimashq", None, "Rif Dimashq", "admin1"),
    ("northern Syria", None, "Syria", "country"),
    ("Syrias", "SY", "Syria", "country"),
])
def test_gazetteer_resolves(phrase, country, name, level):
    geo = places.resolve(phrase, country)
    assert (geo["name"], geo["level"]) == (name, level)


def test_gazetteer_does_not_guess():
    assert places.resolve("the market", "SY") is None
    assert places.resolve("Tuesday", "SY") is None
    assert places.resolve("Islamic State", "SY") is None


def test_ambiguous_name_resolves_in_the_article_country():
    assert places.resolve("Hama", "SY")["country"] == "SY"


def test_place_compatibility_by_containment_and_distance():
    town = places.resolve("Atareb", "SY")
    assert places.place_match(town, places.resolve("Atareb", "SY")) == 3
    assert places.place_match(town, places.resolve("Aleppo", "SY")) == 2  # about 30 km apart
    assert places.place_match(town, places.resolve("Aleppo province", "SY")) == 1
    assert places.place_match(town, places.resolve("northern Syria", None)) == 0
    assert places.place_match(town, places.resolve("Deir ez-Zor", "SY")) is None
    assert places.place_match(town, places.resolve("Homs province", "SY")) is None


WED = D(2016, 7, 27)  # a Wednesday


@pytest.mark.parametrize("sentence, article, window", [
    ("A bombing struck the town on Wednesday killing 44", WED, (WED, WED)),  # the article's own day
    ("killed on Tuesday", WED, (D(2016, 7, 26),) * 2),
    ("the strike on Thursday", WED, (D(2016, 7, 21),) * 2),  # a weekday is never after the article
    ("yesterday 20 people died", WED, (D(2016, 7, 26),) * 2),
    ("overnight strikes killed five", WED, (D(2016, 7, 26), WED)),
    ("six people were killed last week", WED, (D(2016, 7, 13), D(2016, 7, 26))),
    ("earlier this month a blast killed six", WED, (D(2016, 7, 1), WED)),
    ("a bakery bombing on 5 July 2016 killed 16", WED, (D(2016, 7, 5),) * 2),
    ("a bombing on Sept. 30 killed 33", D(2015, 10, 1), (D(2015, 9, 30),) * 2),
    ("a suicide blast in April killed six", WED, (D(2016, 4, 1), D(2016, 4, 30))),
    ("a blast on December 30 killed six", D(2017, 1, 2), (D(2016, 12, 30),) * 2),  # year boundary
    ("on Saturday 12 died", D(2016, 3, 1), (D(2016, 2, 27),) * 2),  # month boundary, leap year
    ("At least 44 people were killed", WED, None),
    ("casualties may rise", WED, None),
    ("killed on Tuesday", None, None),  # a weekday without the article's date is unknown
    ("on 5 July 2016 a bomb killed 16", None, (D(2016, 7, 5),) * 2),
])
def test_event_window(sentence, article, window):
    assert dates.event_window(sentence, article) == window


@pytest.mark.parametrize("meta, text, expected", [
    ({"date": "7/27/2016"}, "A twin bombing", (D(2016, 7, 27), "meta")),  # FA-KES writes m/d/yyyy
    ({"date": "2016-07-27"}, "A twin bombing", (D(2016, 7, 27), "meta")),
    ({"date": "27 July 2016"}, "A twin bombing", (D(2016, 7, 27), "meta")),
    ({"date": "7/10/2016"}, "Published July 27 2016 A twin bombing", (D(2016, 7, 27), "dateline")),
    ({}, "Wednesday 27 Jul 2016 Double bomb attack", (D(2016, 7, 27), "dateline")),
    ({}, "27-07-2016 Syria Dozens killed", (D(2016, 7, 27), "dateline")),
    ({}, "9 Aug 2016 5 people were killed", (D(2016, 8, 9), "dateline")),  # commas stripped: not the 5th
    ({}, "Last updated at Jul 282016 QAMISHLI Syria", (D(2016, 7, 28), "dateline")),
    ({"date": "8/21/2017"}, "Ghouta: On August 21 2013 the regime fired", (D(2017, 8, 21), "meta")),  # an event
    ({}, "A twin bombing", (None, None)),
])
def test_article_date(meta, text, expected):
    assert dates.article_date(meta, text) == expected


@pytest.mark.parametrize("text, actor", [
    ("Russian warplanes", "Russia"), ("Moscow", "Russia"), ("Russian jets", "Russia"),
    ("the regime", "Syrian government"), ("government forces", "Syrian government"),
    ("Assad's forces", "Syrian government"), ("the US-led coalition", "US-led coalition"),
    ("Turkish jets", "Turkey"), ("IS", "Islamic State"), ("ISIS", "Islamic State"), ("ISIL", "Islamic State"),
    ("Daesh", "Islamic State"), ("rebels", "rebels"), ("Syrian Democratic Forces", "Kurdish forces"),
    ("it", None), ("that", None), ("Tuesday", None), ("this is", None), ("jets", None), ("suicide bomber", None),
    ("the Syrian Observatory", None),
])
def test_actor(text, actor):
    assert actors.actor(text) == actor


@pytest.mark.parametrize("text, kinds", [
    ("Syrian air force raids left 15 people dead", ["air strike"]),
    ("Nine civilians died in rebel shelling of the west", ["shelling"]),
    ("A twin bombing struck a crowd", ["bombing"]),
    ("killed in air strikes and shelling", ["air strike", "shelling"]),
    ("At least 44 people were killed", []),
])
def test_attack_kinds(text, kinds):
    assert actors.attack_kinds(text) == kinds


@pytest.mark.parametrize("text, part", [
    ("Five children were among the dead in the market", True),
    ("At least two of the killed in Jayrud were medical staff", True),
    ("The toll includes 12 children, including six girls", True),
    ("A double bomb attack killed 31 people", False),
])
def test_subcounts(text, part):
    number = next(w for w in text.split() if w.lower() in ("five", "two", "six", "31"))
    start = text.index(number)
    assert is_part(text, start, start + len(number)) is part


# Linking on hand-written records -------------------------------------------------------------

QAMISHLI = places.resolve("Qamishli", "SY")
HASAKA_PROVINCE = places.resolve("Hasaka province", "SY")
ATAREB = places.resolve("Atareb", "SY")


def figure(doc, value, day, geo, qualifier="exact", outcome="killed", victims="people", scope="incident",
           actor=None, subcount=False, source=None, end=None, rid="f1"):
    return {"schema": "claimx/1", "kind": "casualty", "doc": doc, "id": rid, "start": 0, "end": 10,
            "text": f"{value} {outcome}", "outcome": outcome, "scope": scope,
            "figure": {"text": str(value), "start": 0, "end": 2, "value": value, "low": None, "high": None,
                       "qualifier": qualifier},
            "victims": {"text": victims, "start": 3, "end": 9, "category": victims},
            "source": {"text": source, "start": 0, "end": 1, "name": source} if source else None,
            "incident": {"attacker": actor, "actor": actor}, "subcount": subcount,
            "event_date": {"start": day, "end": end or day, "basis": "sentence"} if day else None,
            "event_place": {**geo, "basis": "place"} if geo else None, "article_date": day}


def main_group(groups, doc, rid="f1"):
    return next(g for g in groups if any((m.record["doc"], m.record["id"]) == (doc, rid) for m in g.members))


def test_one_incident_many_outlets_is_one_group_per_quantity():
    recs = [figure("a", 44, "2016-07-27", QAMISHLI, "at_least"), figure("b", 48, "2016-07-28", QAMISHLI),
            figure("c", 31, "2016-07-27", HASAKA_PROVINCE), figure("d", 44, "2016-07-26", QAMISHLI),
            figure("e", 140, "2016-07-27", QAMISHLI, outcome="injured")]
    groups = group_records(recs)
    killed = main_group(groups, "a")
    assert {m.record["doc"] for m in killed.members} == {"a", "b", "c", "d"}
    assert main_group(groups, "e") is not killed
    assert killed.status == "disputed"


def test_other_day_other_town_and_unknowns_stay_apart():
    recs = [figure("a", 44, "2016-07-27", QAMISHLI), figure("b", 16, "2016-07-05", QAMISHLI),
            figure("c", 61, "2016-07-27", ATAREB), figure("d", 44, None, QAMISHLI), figure("e", 44, "2016-07-27", None),
            figure("f", 6, "2016-04-01", QAMISHLI, end="2016-04-30")]
    groups = group_records(recs)
    assert all(len(g.members) == 1 for g in groups)


def test_subcounts_and_running_totals_never_join_the_toll():
    recs = [figure("a", 61, "2017-11-13", ATAREB), figure("b", 53, "2017-11-13", ATAREB),
            figure("b", 5, "2017-11-13", ATAREB, victims="children", subcount=True, rid="f2"),
            figure("a", 3, "2017-11-13", ATAREB, victims="people", subcount=True, rid="f2"),
            figure("a", 330000, "2017-11-13", ATAREB, scope="cumulative", rid="f3"),
            figure("b", 400000, "2017-11-13", ATAREB, rid="f3")]
    groups = group_records(recs)
    toll = main_group(groups, "a")
    assert {(m.record["doc"], m.record["id"]) for m in toll.members} == {("a", "f1"), ("b", "f1")}
    assert main_group(groups, "a", "f2") is not toll and main_group(groups, "b", "f3") is not toll


def test_different_actors_on_different_towns_do_not_merge_but_outlets_naming_different_attackers_may():
    recs = [figure("a", 61, "2017-11-13", ATAREB, actor="Russia"),
            figure("b", 53, "2017-11-13", ATAREB, actor="Syrian government")]
    assert len(main_group(group_records(recs), "a").members) == 2  # same town, same day: blame differs
    recs = [figure("a", 61, "2017-11-13", ATAREB, actor="Russia"),
            figure("b", 53, "2017-11-13", places.resolve("Aleppo", "SY"), actor="Islamic State")]
    assert len(main_group(group_records(recs), "a").members) == 1


def test_result_does_not_depend_on_input_order():
    recs = [figure(d, v, day, QAMISHLI) for d, v, day in
            [("a", 44, "2016-07-27"), ("b", 48, "2016-07-29"), ("c", 31, "2016-07-30"), ("d", 16, "2016-07-05"),
             ("e", 50, "2016-07-31"), ("f", 44, "2016-07-25")]]

    def shape(rs):
        return sorted(sorted(m.record["doc"] for m in g.members) for g in group_records(rs))

    expected = shape(recs)
    for seed in range(5):
        shuffled = recs[:]
        random.Random(seed).shuffle(shuffled)
        assert shape(shuffled) == expected


def strike(doc, day, geo, actor, category="civilians", source=None):
    return {"schema": "claimx/1", "kind": "strike", "doc": doc, "id": "s1", "start": 0, "end": 5, "text": "x",
            "trigger": {"text": "hit", "start": 0, "end": 3},
            "attacker": {"text": actor or "it", "start": 0, "end": 1, "name": actor, "actor": actor},
            "target": {"text": "t", "start": 0, "end": 1, "category": category}, "place": None, "count": None,
            "source": {"text": source, "start": 0, "end": 1, "name": source} if source else None, "claim": None,
            "hypothetical": False, "negated": False, "event_date": {"start": day, "end": day},
            "event_place": {**geo, "basis": "place"}}


def test_strikes_are_grouped_by_incident_not_by_attacker_name():
    recs = [strike("a", "2016-07-27", QAMISHLI, "Islamic State", source="SANA"),
            strike("b", "2016-07-27", QAMISHLI, None, "military", source="Kurdish media"),
            strike("c", "2016-05-02", QAMISHLI, "Islamic State"), strike("d", "2017-11-13", ATAREB, "Russia")]
    groups = [g for g in group_records(recs) if g.kind == "strike"]
    assert sorted(sorted(m.record["doc"] for m in g.members) for g in groups) == [["a", "b"], ["c"], ["d"]]
    same = next(g for g in groups if len(g.members) == 2)
    assert same.status == "disputed" and same.incident_json()["actor"] == "Islamic State"


def test_diverging_versions_and_order_by_article_date():
    recs = [figure("b", 90, "2016-07-28", QAMISHLI, "at_least"), figure("a", 40, "2016-07-27", QAMISHLI, "at_least")]
    group = main_group(group_records(recs), "a")
    out = group.to_json("g1")
    assert out["status"] == "consistent" and out["diverging"] is True
    assert [m["doc"] for m in out["members"]] == ["a", "b"]  # a rising toll reads as an update
    assert out["incident"]["place"]["name"] == "Al Qāmishlī" and out["incident"]["articles"] == 2


# The CLI on incidents-dev ----------------------------------------------------------------------

def test_compare_cli_on_incidents_dev_with_dates(tmp_path):
    """extract (JSON lines with FA-KES dates, --date-field) then compare, as a user runs them;
    scored by ../shared/eval/score_incidents.py. Not a tuning target: a floor."""
    set_dir = SHARED / "eval" / "incidents-dev"
    if not set_dir.is_dir():
        pytest.skip("../shared/eval is not beside this checkout")
    meta = {}
    for line in (SHARED / "corpus" / "fakes.meta.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            meta[row["id"] + ".txt"] = row["date"]
    inputs = tmp_path / "in.jsonl"
    inputs.write_text("".join(json.dumps({"id": p.name, "body": p.read_text(encoding="utf-8"),
                                          "published": meta.get(p.name)}) + "\n"
                              for p in sorted((set_dir / "docs").glob("*.txt"))), encoding="utf-8")
    claimx = [sys.executable, "-m", "claimx.cli"]
    records, groups = tmp_path / "r.jsonl", tmp_path / "g.jsonl"
    subprocess.run([*claimx, "extract", str(inputs), "--text-field", "body", "--date-field", "published", "-j", "1",
                    "-o", str(records)], check=True, capture_output=True)
    out = subprocess.run([*claimx, "compare", str(records), "--json", "--all"], check=True, capture_output=True,
                         text=True).stdout
    groups.write_text(out, encoding="utf-8")
    assert all(json.loads(line)["schema"] == "claimx-group/1" for line in out.splitlines())
    rows = [json.loads(line) for line in records.read_text(encoding="utf-8").splitlines()]
    assert all(r["article_date"] for r in rows if r["kind"] == "casualty")
    score = subprocess.run([sys.executable, str(SHARED / "eval" / "score_incidents.py"), str(set_dir), str(records),
                            str(groups), "--json"], check=True, capture_output=True, text=True)
    result = json.loads(score.stdout)
    assert result["intruders"] == 0
    assert result["completeness"] >= 0.9 and result["groups_per_unit"] <= 1.5


@pytest.mark.parametrize("phrase", ["9 August 2016", "Aug 9, 2016", "Sept 30 2015", "1 may 2017", "31 Dec 1999",
                                    "29 February 2016", "Wed 05 Apr 2017", "Fri Sep 27 2013",
                                    "Sunday, 14 August 2016"])
def test_full_dates_read_without_dateparser_as_dateparser_reads_them(phrase):
    import dateparser

    assert dates._full_date(phrase) == dateparser.parse(phrase, languages=["en"], settings=dates.CALENDAR).date()


@pytest.mark.parametrize("phrase", ["August 2013", "Sept 2015", "february 2016", "DEC 1999"])
@pytest.mark.parametrize("base", [None, dt.date(2016, 1, 31), dt.date(2016, 3, 29)])
def test_month_of_year_read_without_dateparser_as_dateparser_reads_it(phrase, base):
    parsed = dates._parser(base).get_date_data(phrase).date_obj
    assert dates._month_of_year(phrase) == parsed.date()


@pytest.mark.parametrize("phrase", ["31 June 2016", "29 February 2015", "Published 9 August 2016", "9 Foo 2016",
                                    "9 August 2016,", "August 2016", "Thu 05 Apr 2017"])
def test_other_phrases_are_left_to_dateparser(phrase):
    assert dates._full_date(phrase) is None


def test_gazetteer_is_indexed_once_with_a_line_on_stderr_and_in_memory_when_the_cache_is_unwritable(
        tmp_path, monkeypatch, capsys):
    def empty_tables(db):  # the real tables take seconds: what is tested is where they go and what is said
        db.executescript("CREATE TABLE countries (key TEXT, cc TEXT, gid INTEGER, name TEXT);")

    def index(cache_home) -> str:
        monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home))
        places.gazetteer.cache_clear()
        places.gazetteer()
        return capsys.readouterr().err

    monkeypatch.setattr(places, "_build", empty_tables)
    try:
        first = index(tmp_path)
        assert "indexing the gazetteer once" in first and str(tmp_path / "claimx") in first
        assert places.cache_path().is_file()
        assert index(tmp_path) == ""  # the next run reads the file
        unwritable = tmp_path / "file"
        unwritable.write_text("")  # a file where the cache folder would be
        assert "is not writable: indexing the gazetteer in memory" in index(unwritable)
    finally:
        places.gazetteer.cache_clear()  # the real gazetteer for the tests after


@pytest.mark.parametrize("phrase", ["September", "sept", "May", "OCT", "October 12", "12 October", "Sept 30",
                                    "1 January", "December 31", "29 February", "March 29"])
@pytest.mark.parametrize("base", [dt.date(2015, 10, 12), dt.date(2016, 1, 31), dt.date(2016, 2, 29),
                                  dt.date(2016, 3, 1), dt.date(2017, 12, 31)])
def test_month_and_day_read_without_dateparser_as_dateparser_reads_them(phrase, base):
    parsed = dates._parser(base).get_date_data(phrase).date_obj
    assert dates._month_day(phrase, base) in (None, parsed.date())  # None: dateparser's to decide
    assert dates._parsed(phrase, base) == parsed.date()


@pytest.mark.parametrize("phrase", ["31 June", "Published September", "September 2015", "30th September", "Foo 12"])
def test_other_month_phrases_are_left_to_dateparser(phrase):
    assert dates._month_day(phrase, dt.date(2016, 3, 1)) is None
    assert dates._month_day("September", None) is None  # no base: dateparser's today


@pytest.mark.parametrize("word", ["Published", "publication", "updated", "Raqqa", "at", "on", "the", "By", "from",
                                  "noon", "last", "Posted", "t"])
def test_a_word_before_a_full_date_is_read_as_dateparser_reads_it_whatever_the_date(word):
    import dateparser

    for date in ("18 October 2015", "Oct 9, 2016", "June 30 2014", "1 Sept 2017", "February 29 2016"):
        phrase = f"{word} {date}"
        parsed = dateparser.parse(phrase, languages=["en"], settings=dates.CALENDAR)
        assert dates._parsed(phrase) == (parsed.date() if parsed else None)
