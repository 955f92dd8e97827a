"""The review app's pure parts, without Textual or a model: marks files, the filter query,
the left list with and without incident objects, the interval axis, the evidence paragraph."""

import json
import os
import signal

import pytest
from tests.review_data import ARTICLES, RECORDS, groups, incident_groups

from claimx.review.axis import Axis
from claimx.review.inputs import ReviewData, split_saved_groups
from claimx.review.marks import Mark, MarkBook, MarksError, drop_marked_wrong, latest, read_marks, write_marks
from claimx.review.model import (
    Articles,
    GroupFacts,
    Query,
    evidence_text,
    incident_title,
    list_rows,
    paragraph_bounds,
    record_date,
    set_token,
)

BY_KEY = {(r["doc"], r["id"]): r for r in RECORDS}


# --- marks ------------------------------------------------------------------------------

def test_marks_are_saved_and_read_back_last_mark_wins(tmp_path):
    path = tmp_path / "review.jsonl"
    book = MarkBook(path)
    book.set([("a.txt", "f1")], "doubtful", "one source only")
    book.set([("a.txt", "f1"), ("c.txt", "f1")], "wrong", "misread")
    lines = [json.loads(x) for x in path.read_text().splitlines()]
    assert [(x["doc"], x["id"], x["mark"]) for x in lines] == [
        ("a.txt", "f1", "doubtful"), ("a.txt", "f1", "wrong"), ("c.txt", "f1", "wrong")]
    assert set(lines[0]) == {"doc", "id", "mark", "note", "time"}
    again = MarkBook(path)
    assert again.get("a.txt", "f1").mark == "wrong" and again.get("a.txt", "f1").note == "misread"
    assert len(again.log) == 3 and len(again.current) == 2
    assert not list(tmp_path.glob(".review.jsonl.*"))  # no temporary file left behind


def test_an_interrupted_save_keeps_the_previous_file(tmp_path, monkeypatch):
    path = tmp_path / "review.jsonl"
    write_marks(path, [Mark("a.txt", "f1", "trusted")])
    monkeypatch.setattr("os.replace", lambda *a: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(OSError):
        MarkBook(path).set([("b.txt", "f1")], "wrong")
    assert [m.doc for m in read_marks(path)] == ["a.txt"]
    assert not list(tmp_path.glob(".review.jsonl.*"))


@pytest.mark.parametrize(("line", "message"), [
    ("{not json", "review.jsonl:2: not JSON"),
    ('{"doc": "a.txt", "id": "f1", "mark": "maybe"}', "review.jsonl:2: mark 'maybe' is not one of"),
    ('["a.txt"]', "review.jsonl:2: expected an object"),
])
def test_bad_marks_files_name_file_and_line(tmp_path, line, message):
    path = tmp_path / "review.jsonl"
    path.write_text('{"doc": "a.txt", "id": "f1", "mark": "wrong"}\n' + line + "\n")
    with pytest.raises(MarksError, match=message):
        read_marks(path)


def test_missing_marks_file_is_an_empty_review(tmp_path):
    assert MarkBook(tmp_path / "none.jsonl").current == {}


def test_records_marked_wrong_are_left_out_unless_marked_again():
    marks = [Mark("a.txt", "f1", "wrong"), Mark("c.txt", "f1", "wrong"), Mark("c.txt", "f1", "trusted")]
    kept = drop_marked_wrong(RECORDS, marks)
    assert [(r["doc"], r["id"]) for r in kept] == [("b.txt", "f1"), ("b.txt", "f2"), ("c.txt", "f1")]
    assert latest(marks)[("c.txt", "f1")].mark == "trusted"


# --- the query and the left list ---------------------------------------------------------

def test_query_fields_and_words():
    q = Query.parse('status:disputed,consistent kind:casualty place:Homs date:2015-09 "khaled khoja"')
    assert q.status == {"disputed", "consistent"} and q.kind == "casualty"
    assert (q.place, q.date, q.words) == ("homs", "2015-09", ("khaled khoja",))
    assert Query.parse("status:maybe kind:claim").problems == ("unknown status maybe", "unknown kind claim")
    assert Query.parse('khoja "unclosed').words == ("khoja", '"unclosed')


def test_set_token_replaces_one_field():
    assert set_token("status:disputed place:homs 36", "status", "single") == "status:single place:homs 36"
    assert set_token("status:disputed kind:strike", "kind", None) == "status:disputed"


@pytest.mark.parametrize("shape", [groups, incident_groups])
@pytest.mark.parametrize(("query", "shown"), [
    ("", ["g1", "g2"]),
    ("status:disputed", ["g1"]),
    ("status:single", ["g2"]),
    ("kind:strike", []),
    ("barabandi", ["g1"]),
    ("injured observatory", ["g2"]),
    ("date:2015-09", ["g1", "g2"]),
    ("date:2016", []),
])
def test_filters_on_both_group_shapes(shape, query, shown):
    gs = shape()
    facts = [GroupFacts(g, BY_KEY) for g in gs]
    q = Query.parse(query)
    rows = list_rows(gs, lambda n: q.keeps(gs[n], facts[n]))
    assert [r.group["id"] for r in rows if r.group] == shown


def test_place_filter_uses_the_incident_place_and_its_gazetteer_names():
    gs = incident_groups()
    facts = [GroupFacts(g, BY_KEY) for g in gs]
    for place, expected in (("talbiseh", 2), ("homs", 2), ("syria", 2), ("aleppo", 0)):
        q = Query.parse(f"place:{place}")
        assert sum(q.keeps(g, f) for g, f in zip(gs, facts, strict=True)) == expected
    plain = groups()  # no incident, no place in the records: the quantity is all there is
    assert not Query.parse("place:homs").keeps(plain[0], GroupFacts(plain[0], BY_KEY))


def test_incident_groups_are_listed_under_one_header():
    gs = incident_groups()
    rows = list_rows(gs, lambda n: True)
    assert [r.key for r in rows] == ["i:i1", "g0", "g1"]
    assert rows[0].group is None and rows[0].members == ["g0", "g1"]
    assert incident_title(rows[0].incident) == "2015-09-30 · Talbiseh, Homs, Syria · Russia · 3 articles, 3 sources"
    assert [r.key for r in list_rows(groups(), lambda n: True)] == ["g0", "g1"]  # no incident: no header


def test_incident_without_id_is_keyed_by_what_defines_it():
    gs = incident_groups()
    for g in gs:
        del g["incident"]["id"]
    gs[1]["incident"]["actor"] = "Syrian government"
    rows = list_rows(gs, lambda n: True)
    assert [r.group is None for r in rows] == [True, False, True, False]


def test_record_dates():
    assert record_date(RECORDS[0]) == "2015-09-30"
    assert record_date({"event_date": {"start": "2015-09-29", "end": "2015-10-01"}}) == "2015-09-29..2015-10-01"
    assert record_date({"incident": {"date": "--09-30"}}) == "09-30"
    assert record_date(None) == ""


# --- axis and evidence -------------------------------------------------------------------

def test_figures_on_one_axis():
    axis = Axis.of([(36, 36), (33, None), (32, 32)])
    bars = [axis.bar(lo, hi, 20).plain for lo, hi in ((36, 36), (33, None), (32, 32))]
    assert bars[2].index("●") == 0 and bars[0].index("●") > bars[1].index("├") > 0
    assert bars[1].endswith("▶") and all(len(b) == 20 for b in bars)
    assert axis.ticks(20).plain.startswith("32") and axis.ticks(20).plain.endswith("∞")
    assert "36" in axis.ticks(20).plain
    assert Axis.of([(18, 22)]).bar(18, 22, 10).plain == "├────────┤"
    assert Axis.of([(5, 5)]).bar(5, 5, 11).plain == "     ●     "


def test_paragraph_of_a_sentence():
    text = ARTICLES["a.txt"]
    r = RECORDS[0]
    assert text[slice(*paragraph_bounds(text, r["start"], r["end"]))] == r["text"]
    long = "Aa. " * 300 + "Target sentence. " + "Bb. " * 300
    lo, hi = paragraph_bounds(long, long.index("Target"), long.index("Target") + 16, reach=40)
    assert long[lo:hi].startswith("Aa.") and "Target sentence." in long[lo:hi] and hi - lo < 120


def styled(text, style_part):
    return {text.plain[s.start:s.end] for s in text.spans if style_part in str(s.style)}


def test_evidence_highlights_figure_victims_and_source_in_the_paragraph():
    b = RECORDS[1]
    text = evidence_text({}, b, ARTICLES["b.txt"])
    assert text.plain.startswith("Talbiseh was hit") and "Five people" in text.plain  # the whole paragraph
    assert styled(text, "bold red") == {"At least 33"}
    assert styled(text, "bold blue") == {"the Syrian Observatory"}
    assert b["text"] in styled(text, "on grey19")


def test_evidence_without_the_article_or_the_record():
    text = evidence_text({}, RECORDS[0], None)
    assert text.plain == RECORDS[0]["text"] and styled(text, "bold red") == {"36"}
    wrong_file = "something else entirely " * 10
    assert evidence_text({}, RECORDS[0], wrong_file).plain == RECORDS[0]["text"]  # offsets do not hold: sentence
    member = groups()[0]["members"][0]
    text = evidence_text(member, None, None)
    assert text.plain == member["evidence"] and styled(text, "bold red") == {member["figure"]}


def test_articles_from_memory_folders_or_the_id_as_a_path(tmp_path):
    (tmp_path / "a.txt").write_text("from disk")
    articles = Articles({"b.txt": "in memory"}, [tmp_path])
    assert articles.get("b.txt") == "in memory" and articles.get("a.txt") == "from disk"
    assert articles.get("nowhere.txt") is None


def test_saved_groups_are_told_from_records(tmp_path):
    gfile, rfile = tmp_path / "groups.jsonl", tmp_path / "records.jsonl"
    gfile.write_text("".join(json.dumps(g) + "\n" for g in groups()))
    rfile.write_text("".join(json.dumps(r) + "\n" for r in RECORDS))
    found, rest, problems = split_saved_groups([str(gfile), str(rfile), "corpus/"])
    assert [g["id"] for g in found] == ["g1", "g2"] and rest == [str(rfile), "corpus/"] and problems == []
    data = ReviewData.of([], RECORDS, ("casualty",), Articles()).ready()
    assert [g["status"] for g in data.groups] == ["disputed", "single"] and len(data.facts) == 2


def test_groups_made_in_a_child_process_are_those_made_here():
    here = ReviewData.of([], RECORDS, ("casualty", "strike"), Articles()).ready()
    data = ReviewData.of([], RECORDS, ("casualty", "strike"), Articles())
    data.start_grouping()
    assert data.grouping is not None  # forked (pytest runs the test in its only thread)
    assert data.ready().groups == here.groups and data.grouping is None
    broken = ReviewData.of([], [{k: v for k, v in r.items() if k != "scope"} for r in RECORDS], ("casualty",),
                           Articles())
    broken.start_grouping()
    with pytest.raises(KeyError, match="scope"):  # told on screen as when grouping in the app's thread
        broken.ready()


def test_groups_are_made_here_when_the_child_dies():
    here = ReviewData.of([], RECORDS, ("casualty", "strike"), Articles()).ready()
    data = ReviewData.of([], RECORDS, ("casualty", "strike"), Articles())
    data.start_grouping()
    os.kill(data.grouping[0], signal.SIGKILL)
    assert data.ready().groups == here.groups


def test_a_child_still_grouping_when_the_app_closes_is_ended():
    data = ReviewData.of([], RECORDS, ("casualty", "strike"), Articles())
    data.start_grouping()
    pid = data.grouping[0]
    data.stop_grouping()
    assert data.grouping is None
    with pytest.raises(ChildProcessError):  # gone and reaped
        os.waitpid(pid, 0)
