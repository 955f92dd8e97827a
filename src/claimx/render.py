"""Terminal views (rich): records as a table, compare panels, one article highlighted."""

from __future__ import annotations

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text


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
        table.add_column("source", ratio=2, overflow="fold")
        if g["kind"] == "casualty":
            table.add_column("figure", ratio=1)
            table.add_column("value", ratio=1)
        else:
            table.add_column("target", ratio=2, overflow="fold")
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
                table.add_row(who, f"{m['target']} [{m['category']}]",
                              _sentence(record, record.get("target"), "bold magenta"))
        footer = f"{g['sources']} source(s)"
        if g["kind"] == "casualty":
            footer += f"   low {g['low']}  best {g['best']}  high {g['high']}  spread {g['spread']}"
            if g.get("diverging"):
                footer += f"   range {g['low']}–{g['high']}"
        header = incident_header(g.get("incident"))
        body = Group(header, table) if header is not None else table
        console.print(Panel(body, title=title, title_align="left", subtitle=footer, subtitle_align="right"))


LEGEND = (("claim", "cyan"), ("speaker", "bold blue"), ("casualty figure", "bold red"),
          ("victims", "red"), ("strike", "bold yellow"), ("target", "magenta"))


def show_article(text: str, records: list[dict], console: Console | None = None) -> None:
    """The article with every extraction coloured, and a legend."""
    console = console or Console()
    styled = Text(text)
    style = dict(LEGEND)
    for r in records:
        if r["kind"] == "claim":
            styled.stylize(style["claim"], r["content"]["start"], r["content"]["end"])
            if r.get("speaker"):
                styled.stylize(style["speaker"], r["speaker"]["start"], r["speaker"]["end"])
        elif r["kind"] == "casualty":
            if r.get("victims"):
                styled.stylize(style["victims"], r["victims"]["start"], r["victims"]["end"])
            styled.stylize(style["casualty figure"], r["figure"]["start"], r["figure"]["end"])
        else:
            styled.stylize(style["strike"], r["trigger"]["start"], r["trigger"]["end"])
            if r.get("target"):
                styled.stylize(style["target"], r["target"]["start"], r["target"]["end"])
    console.print(Text.assemble(*((f" {name} ", f"reverse {s}") for name, s in LEGEND)))
    console.print(styled)
