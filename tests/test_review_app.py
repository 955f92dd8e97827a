"""The review app driven by Textual's pilot on hand-built groups (today's shape and with
incident objects): selection, filters, marks written and read back, the article view; and
snapshots of the main screens (pytest-textual-snapshot: `pytest --snapshot-update` renews them)."""

import asyncio
import functools
import json
from pathlib import Path

import pytest
from tests.review_data import ARTICLES, RECORDS, groups, incident_groups, linked_groups

from claimx.review.app import FIRST_ROWS, ArticleScreen, HelpScreen, ReviewApp
from claimx.review.inputs import ReviewData
from claimx.review.marks import MarkBook
from claimx.review.model import Articles

SIZE = (140, 36)


def drive(test):
    """Runs an async pilot test in its own event loop (no async pytest plugin needed)."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        asyncio.run(test(*args, **kwargs))

    return run


def make_app(marks: Path, shape=groups, query: str = "", with_records: bool = True) -> ReviewApp:
    data = ReviewData.of(shape(), RECORDS if with_records else [], ("casualty", "strike"), Articles(ARTICLES))
    return ReviewApp(data, MarkBook(marks), query)


@drive
async def test_starts_on_the_disputed_group_with_its_members_and_evidence(tmp_path):
    app = make_app(tmp_path / "review.jsonl")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.group["id"] == "g1" and app.member["source"] == "Khaled Khoja"
        assert app.query_one("#members").row_count == 3
        evidence = app.query_one("#evidence").render().plain
        assert "The strikes killed 36 civilians, Khaled Khoja said." in evidence
        await pilot.press("]", "]")
        assert app.member["figure"] == "32"
        await pilot.press("tab", "up")  # to the members
        assert app.focused.id == "members" and app.member["figure"] == "At least 33"
        await pilot.press("tab", "down")  # back to the groups: the next group
        assert app.focused.id == "groups" and app.group["id"] == "g2" and app.member["figure"] == "Five"


@drive
async def test_filters_by_keys_and_by_query(tmp_path):
    app = make_app(tmp_path / "review.jsonl", query="status:disputed,consistent")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert [r.key for r in app.rows] == ["g0"]
        await pilot.press("s")  # disputed only
        assert app.query_text == "status:disputed" and [r.key for r in app.rows] == ["g0"]
        await pilot.press("s", "s")  # consistent, then single
        assert app.query_text == "status:single" and app.group["id"] == "g2"
        await pilot.press("s")  # all
        assert app.query_text == "" and len(app.rows) == 2
        await pilot.press("k")
        assert app.query_text == "kind:casualty" and len(app.rows) == 2
        await pilot.press("k")
        assert app.rows == [] and app.group is None
        await pilot.press("k", "slash", *"barabandi", "enter")
        assert app.query_text == "barabandi" and [r.key for r in app.rows] == ["g0"]
        assert app.focused.id == "groups"  # Enter goes back to the list
        await pilot.press("slash", "ctrl+u", *"status:maybe", "escape")
        assert "unknown status maybe" in app.query_one("#status").render().plain


@drive
async def test_marks_are_written_and_read_back(tmp_path):
    marks = tmp_path / "review.jsonl"
    app = make_app(marks)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("]", "w", *"misread", "enter")
        await pilot.press("[", "t", "enter")
        await pilot.press("]", "d", "escape")  # cancelled: nothing written
        assert app.marked_cell(app.group).plain == "2/3"
    lines = [json.loads(x) for x in marks.read_text().splitlines()]
    assert [(x["doc"], x["mark"], x["note"]) for x in lines] == [("b.txt", "wrong", "misread"),
                                                                  ("a.txt", "trusted", "")]
    again = make_app(marks)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("]")
        assert again.book.get("b.txt", "f1").note == "misread"
        members = again.query_one("#members")
        assert members.get_row_at(1)[0].plain == "✗" and members.get_row_at(0)[0].plain == "✓"
        assert "marked wrong" in again.query_one("#evidence").render().plain
        assert "2 marks in" in again.query_one("#status").render().plain


@drive
async def test_marking_a_member_marks_its_repeats(tmp_path):
    gs = groups()
    gs[0]["members"][0]["repeats"] = [{"doc": "d.txt", "id": "f4"}]
    data = ReviewData.of(gs, RECORDS, ("casualty",), Articles(ARTICLES))
    app = ReviewApp(data, MarkBook(tmp_path / "review.jsonl"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("w", "enter")
    assert set(app.book.current) == {("a.txt", "f1"), ("d.txt", "f4")}


@drive
async def test_incidents_head_their_groups(tmp_path):
    app = make_app(tmp_path / "review.jsonl", shape=incident_groups)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert [r.key for r in app.rows] == ["i:i1", "g0", "g1"]
        assert app.group is None and "Talbiseh, Homs, Syria" in app.query_one("#head").render().plain
        await pilot.press("down")
        assert app.group["id"] == "g1"
        assert "incident: 2015-09-30 · Talbiseh" in app.query_one("#head").render().plain
        await pilot.press("slash", *"place:aleppo", "enter")
        assert app.rows == []


@drive
async def test_compare_s_own_incidents_head_their_groups(tmp_path):
    app = make_app(tmp_path / "review.jsonl", shape=linked_groups)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert [r.key for r in app.rows] == ["i:i1", "g0", "g1"]
        assert "2015-09-30 · Talbiseh" in app.query_one("#head").render().plain
        await pilot.press("down")
        assert app.group["id"] == "g1" and app.member["source"] == "Khaled Khoja"


@drive
async def test_article_view_and_help(tmp_path):
    app = make_app(tmp_path / "review.jsonl")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("]", "o")
        assert isinstance(app.screen, ArticleScreen) and app.screen.doc == "b.txt"
        shown = "".join(s.render().plain for s in app.screen.query(".piece"))
        assert shown == ARTICLES["b.txt"]
        await pilot.press("escape", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert "Wrong" in app.screen.query_one("#help Static").render().plain
        await pilot.press("escape")
        assert app.screen is app.screen_stack[0]
        await pilot.press("q")
    assert app.return_code == 0


@drive
async def test_ctrl_c_quits(tmp_path):
    app = make_app(tmp_path / "review.jsonl")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running


@drive
async def test_article_not_at_hand_is_told_not_shown(tmp_path):
    data = ReviewData.of(groups(), [], ("casualty",), Articles())
    app = ReviewApp(data, MarkBook(tmp_path / "review.jsonl"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o")
        assert not isinstance(app.screen, ArticleScreen)
        assert any("--articles" in str(n.message) for n in app._notifications)
        # no record: the group's own evidence string
        assert "Khaled Khoja said" in app.query_one("#evidence").render().plain


@drive
async def test_records_are_grouped_in_the_background(tmp_path):
    data = ReviewData.of([], RECORDS, ("casualty", "strike"), Articles(ARTICLES))
    app = ReviewApp(data, MarkBook(tmp_path / "review.jsonl"))
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if app.rows:
                break
        assert [r.group and r.group["status"] for r in app.rows] == [None, "disputed", "single"]  # under their incident


# --- snapshots ----------------------------------------------------------------------------

@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the status line names the marks file as given: review.jsonl
    return Path("review.jsonl")


def test_snapshot_groups_and_members(snap_compare, here):
    assert snap_compare(make_app(here), terminal_size=SIZE)


def test_snapshot_incidents(snap_compare, here):
    assert snap_compare(make_app(here, shape=incident_groups), press=["down"], terminal_size=SIZE)


def test_snapshot_article(snap_compare, here):
    assert snap_compare(make_app(here), press=["right_square_bracket", "o"], terminal_size=SIZE)


def test_snapshot_keys(snap_compare, here):
    assert snap_compare(make_app(here), press=["question_mark"], terminal_size=SIZE)


@drive
async def test_mouse_picks_a_member_and_a_second_click_opens_its_article(tmp_path):
    app = make_app(tmp_path / "review.jsonl")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        members = app.query_one("#members")
        await pilot.click(members, offset=(5, 3))  # the header line, then the third member
        await pilot.pause()
        assert app.member["figure"] == "32" and not isinstance(app.screen, ArticleScreen)
        await pilot.click(members, offset=(5, 3))
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen) and app.screen.doc == "c.txt"


@drive
async def test_records_that_cannot_be_grouped_are_told_on_screen(tmp_path):
    broken = [{k: v for k, v in r.items() if k != "scope"} for r in RECORDS]
    app = ReviewApp(ReviewData.of([], broken, ("casualty",), Articles()), MarkBook(tmp_path / "review.jsonl"))
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if "failed" in app.query_one("#head").render().plain:
                break
        assert "Grouping failed: KeyError('scope')" in app.query_one("#head").render().plain
        await pilot.press("q")


@drive
async def test_numbers_are_never_cut_at_a_common_terminal_size(tmp_path):
    app = make_app(tmp_path / "review.jsonl")
    async with app.run_test(size=(120, 40)) as pilot:  # before: "32 · 34 · 3" and "At least 3"
        await pilot.pause()
        groups, members = app.query_one("#groups"), app.query_one("#members")
        estimates = [str(groups.get_cell(r.key, "estimates")) for r in app.rows if r.group]
        assert any(" · " in e for e in estimates)
        assert groups.columns["estimates"].width >= max(map(len, estimates))
        assert members.columns["figure"].width >= max(len(m["figure"]) for m in app.group["members"]) >= 11
        assert members.columns["date"].width == 10


@drive
async def test_a_long_list_is_put_in_a_page_at_a_time_and_whole_in_the_end(tmp_path):
    many = [{**g, "id": f"g{n}"} for n, g in enumerate(groups() * 600)]  # 1,200 groups
    app = ReviewApp(ReviewData.of(many, RECORDS, ("casualty",), Articles(ARTICLES)), MarkBook(tmp_path / "r.jsonl"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.query_one("#groups")
        app.fill_groups()
        assert table.row_count == FIRST_ROWS  # what the screen shows goes in at once, the rest after a frame
        assert "1200 of 1200 groups shown" in app.query_one("#status").render().plain
        await pilot.press("s")  # filled anew while the first fill is still adding rows
        for _ in range(100):
            await pilot.pause(0.05)
            if table.row_count == len(app.rows):
                break
        assert [k.value for k in table.rows] == [r.key for r in app.rows]  # each once, in order
        table.move_cursor(row=len(app.rows) - 1)
        await pilot.pause()
        assert app.group is app.rows[-1].group
