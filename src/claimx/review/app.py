"""`claimx review`: a Textual app to work through disputed groups one by one.

Left: incidents and their groups (a DataTable: only the rows on screen are drawn; a long
list is put in a page at a time after the first frame), filtered by a query. Right: the
selected group's members on one interval axis, and the selected member's sentence in its
paragraph. Marks are saved as they are made (marks.py)."""

from __future__ import annotations

import contextlib
import functools
import threading

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Input, Static

from claimx.render import STATUS_STYLE, article_text
from claimx.review.axis import Axis
from claimx.review.inputs import ReviewData
from claimx.review.marks import MarkBook
from claimx.review.model import (
    KIND_CYCLE,
    SENTENCE_STYLE,
    STATUS_CYCLE,
    Query,
    Row,
    evidence_text,
    incident_of,
    incident_title,
    list_rows,
    next_in_cycle,
    paragraph_bounds,
    record_date,
    set_token,
    token_value,
)
from claimx.run import counted

MARK_SIGN = {"trusted": ("✓", "bold green"), "doubtful": ("?", "bold yellow"), "wrong": ("✗", "bold red")}
MARK_KEYS = {"trusted": "t", "doubtful": "d", "wrong": "w"}
LEFT_SHARE = 0.46  # of the screen's width: the left list (as #left's CSS width says)
# (key, label, width); None: takes the width the others leave
GROUP_COLUMNS = (("status", "status", 10), ("quantity", "quantity", None), ("estimates", "low·best·high", 15),
                 ("sources", "src", 3), ("marked", "marked", 6))
MEMBER_COLUMNS = (("mark", "", 1), ("source", "source", 16), ("figure", "figure", 13), ("article", "article", 14),
                  ("date", "date", 10), ("axis", "on one axis", None))
MIN_FLEX = 12  # the narrowest the quantity and the axis columns get
FILTER_PAUSE = 0.25  # seconds of no typing before the list follows the filter
FIRST_ROWS = 100  # groups put in the left list at once (more than a screen holds); the rest follow
MORE_ROWS = 500  # ...this many after each frame, so that the list is drawn and answers keys meanwhile
QUERY_HELP = ("status:disputed,consistent,single   kind:casualty|strike   place:WORD   date:YYYY[-MM[-DD]]   "
              "other words: must all occur (quantity, sources, figures, articles, sentences)")


def compact(value) -> str:
    """A toll in at most five characters: 36, 10.5, 51k, 1.0M."""
    if value is None:
        return "–"
    if value < 10_000:
        return f"{value:g}"
    return f"{value / 1000:.0f}k" if value < 1_000_000 else f"{value / 1_000_000:.1f}M"


def estimates(group: dict) -> str:
    """low · best · high of a casualty group, compact; empty for strikes."""
    return " · ".join(compact(group[k]) for k in ("low", "best", "high")) if group["kind"] == "casualty" else ""


class NotePrompt(ModalScreen[str | None]):
    """Asks for the note of a mark: Enter saves, Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, note: str) -> None:
        super().__init__()
        self.title_text, self.note = title, note

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt"):
            yield Static(self.title_text)
            yield Input(self.note, placeholder="note (optional); Enter saves, Escape cancels", id="note")

    @on(Input.Submitted)
    def save(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class HelpScreen(ModalScreen[None]):
    """The keys (from the app's bindings) and the filter query."""

    BINDINGS = [Binding("escape,question_mark", "close", "Close")]

    def __init__(self, bindings: list[Binding]) -> None:
        super().__init__()
        self.bindings = bindings

    def compose(self) -> ComposeResult:
        lines = Text()
        for b in self.bindings:
            keys = ", ".join(self.app.get_key_display(Binding(k, "")) for k in b.key.split(","))
            lines.append(f"{keys:>14}  ", "bold").append(f"{b.description}\n")
        lines.append("\n↑ ↓ PgUp PgDn Home End", "bold").append(" move in the list that has the cursor; ")
        lines.append("Enter", "bold").append(" on a group goes to its members, on a member opens its article.\n")
        lines.append("Marks", "bold").append(" apply to the member under the cursor and its repeats, saved at once.\n")
        lines.append("\nFilter (/):  ", "bold").append(QUERY_HELP + "\n")
        lines.append("Mouse: click a group or a member; click the highlighted member again to open its article.\n")
        yield VerticalScroll(Static(lines), id="help")

    def action_close(self) -> None:
        self.dismiss(None)


class ArticleScreen(Screen[None]):
    """The whole article with every extraction highlighted (as `claimx show` does), scrolled
    to the member's sentence."""

    BINDINGS = [Binding("escape,o", "close", "Back")]

    def __init__(self, doc: str, text: str, records: list[dict], focus: dict | None) -> None:
        super().__init__()
        self.doc, self.text, self.records, self.focus_record = doc, text, records, focus

    def compose(self) -> ComposeResult:
        legend, styled = article_text(self.text, self.records)
        yield Static(Text.assemble((f" {self.doc} ", "bold reverse"), "  ", legend), id="legend")
        pieces = [(0, len(self.text))]
        if self.focus_record:
            start, end = self.focus_record["start"], self.focus_record["end"]
            styled.stylize(SENTENCE_STYLE, start, end)
            lo, hi = paragraph_bounds(self.text, start, end)
            pieces = [(0, lo), (lo, hi), (hi, len(self.text))]
        with VerticalScroll(id="article"):
            for n, (lo, hi) in enumerate(pieces):
                if hi > lo:
                    yield Static(styled[lo:hi], id=f"piece{n}", classes="piece")
        yield Footer()

    def on_mount(self) -> None:
        focus = self.query("#piece1")
        if focus:
            self.call_after_refresh(self.query_one("#article").scroll_to_widget, focus.first(), top=True,
                                    animate=False)

    def action_close(self) -> None:
        self.dismiss(None)


class ReviewApp(App[None]):
    TITLE = "claimx review"
    CSS = """
    #left { width: 46%; border-right: solid $primary-darken-2; }
    #search { border: none; height: 1; padding: 0 1; }
    #groups { height: 1fr; }
    #right { width: 1fr; }
    #head { height: auto; padding: 0 1; background: $boost; }
    #members { height: auto; max-height: 50%; }
    #ticks { height: 1; padding: 0 1; }
    #evidence-box { height: 1fr; border-top: solid $primary-darken-2; padding: 0 1; }
    #status { height: 1; background: $panel; padding: 0 1; }
    #prompt, #help { width: 90; height: auto; max-height: 80%; border: thick $primary; background: $surface;
                     padding: 1 2; }
    NotePrompt, HelpScreen { align: center middle; }
    #legend { height: auto; padding: 0 1; }
    #article { padding: 0 2; }
    .piece { margin-bottom: 0; }
    """
    BINDINGS = [
        Binding("q,ctrl+c", "quit", "Quit"),  # Ctrl-C as at any command (marks are saved as made)
        Binding("question_mark", "help", "Keys"),
        Binding("slash", "search", "Filter"),
        Binding("s", "cycle_status", "Status"),
        Binding("k", "cycle_kind", "Kind"),
        Binding("right_square_bracket", "member(1)", "Next member"),
        Binding("left_square_bracket", "member(-1)", "Prev member"),
        Binding("o", "open_article", "Article"),
        Binding("t", "mark('trusted')", "Trusted"),
        Binding("d", "mark('doubtful')", "Doubtful"),
        Binding("w", "mark('wrong')", "Wrong"),
        Binding("escape", "leave_filter", "Back to the list", show=False),
        Binding("tab", "switch_pane", "Groups ↔ members", show=False, priority=True),
    ]

    query_text: reactive[str] = reactive("", init=False)
    row_key: reactive[str | None] = reactive(None, init=False)
    member_index: reactive[int] = reactive(0, init=False)

    def __init__(self, data: ReviewData, book: MarkBook, query: str = "") -> None:
        super().__init__()
        self.data, self.book = data, book
        self.set_reactive(ReviewApp.query_text, query)
        self.rows: list[Row] = []
        self.rows_by_key: dict[str, Row] = {}
        self.by_doc: dict[str, list[dict]] | None = None
        self.cells: dict[tuple[str, int], tuple] = {}  # (row key, quantity width) -> the row's cells
        self.filled_width: int | None = None  # the screen width the left list's columns were made for
        self.filling = 0  # counts the fills of the left list: a newer one stops an older one's adding
        self.filter_timer: Timer | None = None

    # --- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal():
            with Vertical(id="left"):
                yield Input(self.query_text, placeholder="/ filter: status:disputed kind:casualty place:… date:…",
                            id="search")
                yield DataTable(id="groups", cursor_type="row", zebra_stripes=True)
            with Vertical(id="right"):
                yield Static(id="head")
                yield DataTable(id="members", cursor_type="row")
                yield Static(id="ticks")
                with VerticalScroll(id="evidence-box"):
                    yield Static(id="evidence")
        yield Static(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#groups", DataTable).focus()
        if self.data.groups is None:  # grouping many records takes seconds: on screen, in a thread
            self.query_one("#head", Static).update(Text(f"Grouping {len(self.data.records):,} records…", "bold"))
            # a daemon thread, not a Textual worker: `q` must not wait for the grouping to finish
            threading.Thread(target=self.group_records, name="claimx-review-grouping", daemon=True).start()
        else:
            self.data.ready()
            self.fill_groups()

    def group_records(self) -> None:
        try:
            self.data.ready()
            done = self.fill_groups
        except Exception as e:  # bad records: said on screen, the app stays usable for quitting
            done = functools.partial(self.show_failure, f"Grouping failed: {e!r}")
        if self.is_running:
            with contextlib.suppress(RuntimeError):  # the app has just closed: nothing left to show
                self.call_from_thread(done)

    def show_failure(self, message: str) -> None:
        self.query_one("#head", Static).update(Text(message, "bold red"))

    def on_resize(self) -> None:
        if self.size.width != self.filled_width:  # the columns follow the width, nothing else
            self.fill_groups()

    def set_columns(self, table: DataTable, columns: tuple, width: int, needs: dict[str, int] | None = None) -> None:
        """The columns again, the one without a width taking what the others leave of `width`;
        on a narrow screen the others shrink so that it keeps MIN_FLEX cells, but never below
        what `needs` says their content takes (numbers are never cut)."""
        needs = needs or {}
        table.clear(columns=True)
        spare = width - 2 * table.cell_padding * len(columns) - 2  # padding, and the scrollbar
        fixed = sum(max(w, needs.get(key, 0)) for key, _, w in columns if w)
        ratio = min(1.0, max(spare - MIN_FLEX, 0) / fixed)
        shrunk = {key: max(round(w * ratio), min(w, 10)) for key, _, w in columns if w}  # dates keep 10
        widths = {key: max(w, needs.get(key, 0)) for key, w in shrunk.items()}
        wide = {key for key, _, w in columns if w and w > 10 and key not in needs}  # names and ids, not dates
        taken = sum(widths.values()) - sum(shrunk.values())
        for _ in range(min(taken, sum(widths.values()) + MIN_FLEX - spare)):  # the widest of these give it back
            widest = max((k for k in wide if widths[k] > 4), key=widths.get, default=None)
            if widest is None:
                break
            widths[widest] -= 1
        flex = max(spare - sum(widths.values()), MIN_FLEX)
        for key, label, _ in columns:
            table.add_column(label, key=key, width=widths.get(key) or flex)

    # --- the left list ------------------------------------------------------------------

    def fill_groups(self) -> None:
        if self.data.groups is None or len(self.data.facts) != len(self.data.groups):
            return  # still grouping: filled when done, with the query as it is then
        query = Query.parse(self.query_text)
        self.rows = list_rows(self.data.groups, lambda n: query.keeps(self.data.groups[n], self.data.facts[n]))
        self.rows_by_key = {r.key: r for r in self.rows}
        table = self.query_one("#groups", DataTable)
        self.filled_width = self.size.width
        self.set_columns(table, GROUP_COLUMNS, int(self.size.width * LEFT_SHARE) - 1,
                         {"estimates": max((len(estimates(r.group)) for r in self.rows if r.group), default=0)})
        kept = next((n for n, r in enumerate(self.rows) if r.key == self.row_key), None)
        self.filling += 1
        self.add_group_rows(self.filling, (kept or 0) + FIRST_ROWS)
        if kept is not None:
            table.move_cursor(row=kept, animate=False)
        self.set_reactive(ReviewApp.row_key, self.rows[table.cursor_row].key if self.rows else None)
        self.show_group()
        self.show_status(query)

    def add_group_rows(self, filling: int, upto: int) -> None:
        """The left list's rows up to `upto`, and the rest after the next frame, MORE_ROWS at a
        time (unless the list has been filled anew since)."""
        table = self.query_one("#groups", DataTable)
        if filling != self.filling:
            return
        width = table.columns["quantity"].width
        for row in self.rows[table.row_count : upto]:
            if (row.key, width) not in self.cells:
                self.cells[row.key, width] = self.group_cells(row, width)
            table.add_row(*self.cells[row.key, width], key=row.key)
        if table.row_count < len(self.rows):
            self.call_after_refresh(self.add_group_rows, filling, table.row_count + MORE_ROWS)

    def group_cells(self, row: Row, width: int) -> tuple:
        if row.group is None:
            title = Text("▾ " + incident_title(row.incident, counts=False), "bold cyan")
            title.truncate(width, overflow="ellipsis")
            sources = row.incident.get("sources")
            return (Text("incident", "cyan"), title, "", Text("" if sources is None else str(sources), justify="right"),
                    "")
        g = row.group
        indent = "  " if incident_of(g) else ""
        quantity = Text(indent + g["quantity"])
        quantity.truncate(width, overflow="ellipsis")
        return (Text(g["status"], STATUS_STYLE[g["status"]]), quantity, Text(estimates(g), justify="right"),
                Text(str(g["sources"]), justify="right"), self.marked_cell(g))

    def marked_cell(self, group: dict) -> Text:
        marked = sum(self.book.get(m["doc"], m["id"]) is not None for m in group["members"])
        if not marked:
            return Text("")
        wrong = any((mk := self.book.get(m["doc"], m["id"])) and mk.mark == "wrong" for m in group["members"])
        return Text(f"{marked}/{len(group['members'])}", "red" if wrong else "green", justify="right")

    def show_status(self, query: Query | None = None) -> None:
        query = query or Query.parse(self.query_text)
        shown = sum(r.group is not None for r in self.rows)
        parts = [f"{shown} of {len(self.data.groups)} groups shown",
                 f"{counted(len(self.book.current), 'mark')} in {self.book.path}"]
        status = Text(" · ".join(parts))
        for problem in query.problems:
            status.append(f" · {problem}", "bold red")
        self.query_one("#status", Static).update(status)

    # --- the right pane -----------------------------------------------------------------

    @property
    def group(self) -> dict | None:
        row = self.rows_by_key.get(self.row_key) if self.row_key else None
        return row.group if row else None

    def watch_row_key(self) -> None:
        self.show_group()

    def show_group(self) -> None:
        head = self.query_one("#head", Static)
        members = self.query_one("#members", DataTable)
        row = self.rows_by_key.get(self.row_key) if self.row_key else None
        group = row.group if row else None
        figures = [m["figure"] for m in group["members"]] if group and group["kind"] == "casualty" else []
        self.set_columns(members, MEMBER_COLUMNS, self.size.width - int(self.size.width * LEFT_SHARE),
                         {"figure": max(map(len, figures), default=0)})
        if row is None:
            head.update(Text("No group matches the filter (/ to change it).", "dim"))
            self.query_one("#ticks", Static).update("")
            self.query_one("#evidence", Static).update("")
            return
        if row.group is None:
            self.show_incident(row)
            return
        g = row.group
        title = Text.assemble((g["status"].upper(), STATUS_STYLE[g["status"]]), "  ", (g["quantity"], "bold"), "\n")
        summary = f"{g['sources']} source(s), {len(g['members'])} member(s)"
        if g["kind"] == "casualty":
            summary += f" · low {g['low']} · best {g['best']} · high {g['high']} · spread {g['spread']}"
        title.append(summary, "dim")
        if incident_of(g):
            title.append("\nincident: " + incident_title(incident_of(g)), "cyan")
            if g.get("diverging"):
                title.append("  (diverging versions)", "yellow")
        head.update(title)
        axis = self.axis(g)
        for m in g["members"]:
            members.add_row(*self.member_cells(g, m, axis))
        self.query_one("#ticks", Static).update(
            Text.assemble(" " * self.axis_offset(), axis.ticks(self.axis_width())) if axis else "")
        self.member_index = 0
        members.move_cursor(row=0, animate=False)
        self.show_member()

    def show_incident(self, row: Row) -> None:
        self.query_one("#head", Static).update(Text.assemble(("INCIDENT  ", "bold cyan"),
                                                             (incident_title(row.incident), "bold")))
        lines = Text()
        for key in row.members:
            g = self.rows_by_key[key].group
            lines.append(f"{g['status']:<11}", STATUS_STYLE[g["status"]]).append(f"{g['quantity']}")
            if g["kind"] == "casualty":
                lines.append(f"   {g['low']} / {g['best']} / {g['high']}", "dim")
            lines.append("\n")
        self.query_one("#ticks", Static).update("")
        self.query_one("#evidence", Static).update(lines)

    def axis(self, group: dict) -> Axis | None:
        if group["kind"] != "casualty":
            return None
        return Axis.of([(m["interval"][0], m["interval"][1]) for m in group["members"]])

    def axis_width(self) -> int:
        return self.query_one("#members", DataTable).columns["axis"].width

    def axis_offset(self) -> int:
        """Where the axis column starts in the members table (for the ticks line under it)."""
        members = self.query_one("#members", DataTable)
        return sum(c.get_render_width(members) for c in members.ordered_columns[:-1]) + members.cell_padding - 1

    def member_cells(self, group: dict, m: dict, axis: Axis | None) -> tuple:
        mark = self.book.get(m["doc"], m["id"])
        sign = Text(*MARK_SIGN[mark.mark]) if mark else Text("")
        source = Text(m["source"] or "(article)", "bold")
        if m.get("repeats", []):
            source.append(f" +{len(m['repeats'])}", "dim")
        record = self.data.records.get((m["doc"], m["id"]))
        style = MARK_SIGN[mark.mark][1] if mark else "bold"
        if axis is not None:
            shape = axis.bar(m["interval"][0], m["interval"][1], self.axis_width(), style)
            figure = m["figure"]
        else:
            shape = Text(m.get("category") or "", "magenta")
            figure = m.get("target") or ""
        figure_style = "strike" if mark and mark.mark == "wrong" else ""
        return sign, source, Text(figure, figure_style), m["doc"], record_date(record), shape

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "groups":
            self.row_key = event.row_key.value
        else:
            self.member_index = event.cursor_row

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "members":
            self.action_open_article()
        elif self.group is not None:
            self.query_one("#members", DataTable).focus()

    @property
    def member(self) -> dict | None:
        g = self.group
        return g["members"][self.member_index] if g and 0 <= self.member_index < len(g["members"]) else None

    def watch_member_index(self) -> None:
        self.show_member()

    def show_member(self) -> None:
        m = self.member
        box = self.query_one("#evidence", Static)
        if m is None:
            box.update("")
            return
        record = self.data.records.get((m["doc"], m["id"]))
        text = Text.assemble((m["source"] or "(article)", "bold"), " · ", (m["doc"], "dim"))
        date = record_date(record)
        if date:
            text.append(f" · {date}", "dim")
        mark = self.book.get(m["doc"], m["id"])
        if mark:
            text.append(f"\nmarked {mark.mark}", MARK_SIGN[mark.mark][1])
            text.append(f" ({mark.time})" + (f": {mark.note}" if mark.note else ""), "italic")
        text.append("\n\n").append(evidence_text(m, record, self.data.articles.get(m["doc"])))
        box.update(text)

    # --- actions ------------------------------------------------------------------------

    def action_member(self, step: int) -> None:
        g = self.group
        if g:
            self.member_index = (self.member_index + step) % len(g["members"])  # now, not when the table says
            self.query_one("#members", DataTable).move_cursor(row=self.member_index, animate=False)

    def action_switch_pane(self) -> None:
        """Tab: between the two lists (the filter has its own key, /)."""
        if self.screen is not self.screen_stack[0]:
            self.screen.focus_next()
            return
        groups, members = self.query_one("#groups", DataTable), self.query_one("#members", DataTable)
        (groups if members.has_focus else members).focus()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    @on(Input.Submitted, "#search")
    def action_leave_filter(self) -> None:
        """Enter or Escape: the filter as typed applies now, and keys go back to the list."""
        if self.filter_timer is not None:
            self.filter_timer.stop()
        self.query_text = self.query_one("#search", Input).value
        self.query_one("#groups", DataTable).focus()

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        """The list follows the typing once it pauses: refilling a long list on every key lags."""
        if not event.input.has_focus:  # set by the app (start-up, s and k keys), not typed
            return
        if self.filter_timer is not None:
            self.filter_timer.stop()
        self.filter_timer = self.set_timer(FILTER_PAUSE, lambda: setattr(self, "query_text", event.value))

    def watch_query_text(self, value: str) -> None:
        search = self.query_one("#search", Input)
        if search.value != value:
            with search.prevent(Input.Changed):  # not typing: no delayed filter may undo this one later
                search.value = value
        self.fill_groups()

    def action_cycle_status(self) -> None:
        value = next_in_cycle(STATUS_CYCLE, token_value(self.query_text, "status"))
        self.query_text = set_token(self.query_text, "status", value)

    def action_cycle_kind(self) -> None:
        value = next_in_cycle(KIND_CYCLE, token_value(self.query_text, "kind"))
        self.query_text = set_token(self.query_text, "kind", value)

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.BINDINGS))

    def records_of(self, doc: str) -> list[dict]:
        if self.by_doc is None:
            self.by_doc = {}
            for r in self.data.records.values():
                self.by_doc.setdefault(r["doc"], []).append(r)
        return self.by_doc.get(doc, [])

    def action_open_article(self) -> None:
        m = self.member
        if m is None:
            return
        text = self.data.articles.get(m["doc"])
        if text is None:
            self.notify(f"{m['doc']}: article not found; pass --articles DIR (the folder it was extracted from)",
                        severity="warning")
            return
        record = self.data.records.get((m["doc"], m["id"]))
        if record is not None and text[record["start"]:record["end"]] != record["text"]:
            self.notify(f"{m['doc']}: this file is not the article the records were read from", severity="error")
            return
        self.push_screen(ArticleScreen(m["doc"], text, self.records_of(m["doc"]), record))

    def action_mark(self, mark: str) -> None:
        m, g = self.member, self.group
        if m is None or g is None:
            self.notify("Select a group's member to mark it.", severity="warning")
            return
        current = self.book.get(m["doc"], m["id"])
        title = Text.assemble("Mark ", (m["source"] or "(article)", "bold"), f" {m.get('figure') or m.get('target')}",
                              f" ({m['doc']}) as ", (mark.upper(), MARK_SIGN[mark][1]))

        def save(note: str | None) -> None:
            if note is None:
                return
            keys = [(m["doc"], m["id"])] + [(r["doc"], r["id"]) for r in m.get("repeats", [])]
            try:
                self.book.set(keys, mark, note)
            except OSError as e:
                self.notify(f"cannot save marks to {self.book.path}: {e.strerror or e}", severity="error")
                return
            self.refresh_marks(g)

        self.push_screen(NotePrompt(title, current.note if current else ""), save)

    def refresh_marks(self, group: dict) -> None:
        members = self.query_one("#members", DataTable)
        axis = self.axis(group)
        for n, m in enumerate(group["members"]):
            row_key = members.ordered_rows[n].key
            for column, value in zip(members.ordered_columns, self.member_cells(group, m, axis), strict=True):
                members.update_cell(row_key, column.key, value)
        if self.row_key in self.rows_by_key:
            self.query_one("#groups", DataTable).update_cell(self.row_key, "marked", self.marked_cell(group))
            self.cells = {k: v for k, v in self.cells.items() if k[0] != self.row_key}
        self.show_member()
        self.show_status()
