"""Terminal views (rich): records as a table, compare panels, one article highlighted."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table


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
