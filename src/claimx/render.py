"""Terminal views (rich): records as a table, compare panels, one article highlighted; long
output paged on a terminal; plain-text marks where there is no colour."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from claimx.kinds import REGISTRY


def _one_line(text: str | None, width: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def record_cells(r: dict) -> tuple[str, str, str]:
    """(who, what, detail) for one record, as a reader wants to see it."""
    kind = r["kind"]
    if kind == "claim":
        sp = r.get("speaker") or {}
        who = sp.get("name") or sp.get("text") or "?"
        return who, _one_line(r["content"]["text"]), r["quote"]
    source = (r.get("source") or {}).get("name") or "(article)"
    if kind == "casualty":
        victims = (r.get("victims") or {}).get("category", "")
        fig = r["figure"]
        return source, f"{fig['text']} {victims} {r['outcome']} (= {fig['value']}, {fig['qualifier']})", r["scope"]
    target = r.get("target") or {}
    attacker = (r.get("attacker") or {}).get("name") or ""
    flags = ", ".join(f for f in ("hypothetical", "negated") if r.get(f))
    what = f"{attacker} {r['trigger']['text']} → {target.get('text', '?')} [{target.get('category', '')}]".strip()
    return source, _one_line(what), flags


def page(render: Callable[[Console], None], use_pager: bool = True) -> None:
    """Print what `render` draws to stdout. On a terminal, output longer than the screen goes
    through $PAGER, else `less`, with LESS=FRX as git sets it (colours; quits when it fits)."""
    console = Console()
    if not (use_pager and sys.stdout.isatty()):
        render(console)
        return
    with console.capture() as captured:
        render(console)
    text = captured.get()
    if text.count("\n") < console.height:
        sys.stdout.write(text)
        return
    env = {**os.environ, "LESS": os.environ.get("LESS", "FRX")}
    interrupt = signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C belongs to the pager
    try:
        pager = subprocess.Popen(os.environ.get("PAGER") or "less", shell=True, stdin=subprocess.PIPE, env=env)
        try:
            pager.communicate(text.encode())
        except BrokenPipeError:  # quit before the end
            pager.wait()
    except OSError:
        sys.stdout.write(text)
    finally:
        signal.signal(signal.SIGINT, interrupt)


def records_table(records: list[dict], console: Console | None = None) -> None:
    console = console or Console()
    table = Table(show_lines=False, header_style="bold")
    for col in ("doc", "id", "kind", "who / source", "what", "detail"):
        table.add_column(col, overflow="fold")
    for r in records:
        table.add_row(r["doc"], r["id"], r["kind"], *record_cells(r))
    console.print(table)


STATUS_STYLE = {"disputed": "bold red", "consistent": "green", "single": "dim"}


def _sentence(record: dict, highlight: dict | None, style: str) -> Text:
    """The record's evidence with one span highlighted (offsets are document offsets)."""
    text = Text(" ".join(record["text"].split()) if highlight is None else record["text"])
    if highlight is not None:
        start, end = highlight["start"] - record["start"], highlight["end"] - record["start"]
        if 0 <= start < end <= len(record["text"]):
            text.stylize(style, start, end)
    return text


def _interval(lo, hi) -> str:
    return f"{lo}" if lo == hi else f"{lo}–{'∞' if hi is None else hi}"


def incident_header(incident: dict | None) -> Text | None:
    """The incident a group belongs to: when, where, who, and how many articles and sources."""
    if not incident:
        return None
    when = incident["event_date"]
    day = when["start"] if when["start"] == when["end"] else f"{when['start']} – {when['end']}"
    place = incident.get("place") or {}
    where = ", ".join(v for v in (place.get("name"), place.get("admin1"), place.get("country")) if v) or "?"
    return Text.assemble(("incident ", "dim"), (day, "bold cyan"), "  ", (where, "bold"),
                         *(("  by ", (incident["actor"], "bold yellow")) if incident.get("actor") else ()),
                         (f"  {incident['articles']} article(s), {incident['sources']} independent source(s)", "dim"))


def compare_panels(groups: list[dict], records: dict[tuple[str, str], dict], console: Console | None = None) -> None:
    """One panel per claimx-group/1 group: the incident as its header, then who says what (by
    article date, so that a rising toll reads as updates), the figure, and the sentence."""
    console = console or Console()
    for g in groups:
        title = Text.assemble((g["status"].upper(), STATUS_STYLE[g["status"]]), "  ",
                              *((("DIVERGING", "bold magenta"), "  ") if g.get("diverging") else ()),
                              (g["quantity"], "bold"))
        table = Table(box=box.SIMPLE, expand=True, show_edge=False)
        # (a ratio column's width is its least) a document id folds only when longer than 16
        table.add_column("source", ratio=2, overflow="fold", width=min(16, max(len(m["doc"]) for m in g["members"])))
        if g["kind"] == "casualty":  # numbers are never cut: these columns are as wide as their longest
            table.add_column("figure", ratio=1, overflow="fold", width=max(len(m["figure"]) for m in g["members"]))
            table.add_column("value", no_wrap=True,
                             min_width=max(len(_interval(*m["interval"])) for m in g["members"]))
        else:
            table.add_column("target", ratio=2, overflow="fold",
                             width=max(len(m["category"]) + 2 for m in g["members"]))  # "[militants]" whole
        table.add_column("sentence", ratio=6, overflow="fold")
        for m in g["members"]:
            record = records[(m["doc"], m["id"])]
            who = Text.assemble((m["source"] or "(article)", "bold"), "\n", (m["doc"], "dim"),
                                *(("\n", (m["article_date"], "dim")) if m.get("article_date") else ()))
            if m["repeats"]:
                who.append(f"\n+{len(m['repeats'])} repeat(s)", "dim")
            if g["kind"] == "casualty":
                table.add_row(who, m["figure"], _interval(*m["interval"]),
                              _sentence(record, record["figure"], "bold red"))
            else:
                table.add_row(who, Text(f"{m['target']} [{m['category']}]"),  # Text: no markup in brackets
                              _sentence(record, record.get("target"), "bold magenta"))
        footer = f"{g['sources']} source(s)"
        if g["kind"] == "casualty":
            footer += f"   low {g['low']}  best {g['best']}  high {g['high']}  spread {g['spread']}"
            if g.get("diverging"):
                footer += f"   range {g['low']}–{g['high']}"
        table.caption = footer  # a caption wraps where a panel subtitle would be cut
        table.caption_justify = "right"
        header = incident_header(g.get("incident"))
        body = Group(header, table) if header is not None else table
        console.print(Panel(body, title=title, title_align="left"))


LEGEND = (("claim", "cyan"), ("speaker", "bold blue"), ("casualty figure", "bold red"),
          ("victims", "red"), ("strike", "bold yellow"), ("target", "magenta"))


MARK = {"claim": "claim", "speaker": "speaker", "casualty figure": "figure", "victims": "victims",
        "strike": "strike", "target": "target"}


def article_spans(records: list[dict]) -> list[tuple[int, int, str]]:
    """(start, end, legend name) of every span `show` highlights, in drawing order."""
    spans = []
    for r in records:
        if r["kind"] == "claim":
            spans.append((r["content"]["start"], r["content"]["end"], "claim"))
            if r.get("speaker"):
                spans.append((r["speaker"]["start"], r["speaker"]["end"], "speaker"))
        elif r["kind"] == "casualty":
            if r.get("victims"):
                spans.append((r["victims"]["start"], r["victims"]["end"], "victims"))
            spans.append((r["figure"]["start"], r["figure"]["end"], "casualty figure"))
        else:
            spans.append((r["trigger"]["start"], r["trigger"]["end"], "strike"))
            if r.get("target"):
                spans.append((r["target"]["start"], r["target"]["end"], "target"))
    return spans


def rule_marks(records: list[dict]) -> list[tuple[int, str]]:
    """(offset, "[rule id]"): each record's rule, after the words its rule fired on (cue, figure, trigger)."""
    return sorted(((r.get(REGISTRY[r["kind"]].anchor) or r.get("content") or r)["end"], f"[{r['rule']}]")
                  for r in records if r.get("rule"))


def marked(text: str, spans: list[tuple[int, int, str]], inserts: list[tuple[int, str]] = ()) -> str:
    """The text with each span as [name: ...], nested, and each insert at its offset; a span
    crossing an enclosing one's end is cut there so that the brackets stay balanced."""
    events: dict[int, list[str]] = {}
    open_ends: list[int] = []
    closes: dict[int, int] = {}
    for start, end, name in sorted(set(spans), key=lambda s: (s[0], -s[1])):
        while open_ends and open_ends[-1] <= start:
            open_ends.pop()
        end = min(end, open_ends[-1]) if open_ends else end
        if end <= start:
            continue
        events.setdefault(start, []).append(f"[{MARK[name]}: ")
        closes[end] = closes.get(end, 0) + 1
        open_ends.append(end)
    added: dict[int, list[str]] = {}
    for pos, mark in inserts:
        added.setdefault(pos, []).append(mark)
    out, last = [], 0
    for pos in sorted(set(events) | set(closes) | set(added)):
        out += [text[last:pos], "]" * closes.get(pos, 0), *added.get(pos, []), *events.get(pos, [])]
        last = pos
    out.append(text[last:])
    return "".join(out)


def article_text(text: str, records: list[dict], mark_rules: bool = False) -> tuple[Text, Text]:
    """(legend, the article with every extraction coloured): rich Texts for a console or a
    widget. With `mark_rules`, each record's rule id follows the words its rule fired on."""
    styled = Text(text)
    style = dict(LEGEND)
    for start, end, name in article_spans(records):
        styled.stylize(style[name], start, end)
    if mark_rules:
        styled = with_inserts(styled, rule_marks(records))
    return Text.assemble(*((f" {name} ", f"reverse {s}") for name, s in LEGEND)), styled


def show_article(text: str, records: list[dict], console: Console | None = None, mark_rules: bool = False) -> None:
    """The article with every extraction coloured and a legend; without colour (piped,
    NO_COLOR) the spans are marked in the text instead."""
    console = console or Console()
    if console.no_color or not console.is_terminal or console.color_system is None:
        inserts = rule_marks(records) if mark_rules else []
        console.print("legend: " + ", ".join(f"{name} [{MARK[name]}: ...]" for name, _ in LEGEND), markup=False,
                      highlight=False, soft_wrap=True)
        console.print(marked(text, article_spans(records), inserts), markup=False, highlight=False, soft_wrap=True)
        return
    for part in article_text(text, records, mark_rules):
        console.print(part)


def with_inserts(styled: Text, inserts: list[tuple[int, str]]) -> Text:
    """`styled` with each insert (dimmed) at its offset, keeping the styles."""
    out, last = Text(), 0
    for pos, mark in inserts:
        out.append_text(styled[last:pos])
        out.append(mark, style="dim italic")
        last = pos
    out.append_text(styled[last:])
    return out
