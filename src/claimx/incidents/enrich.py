"""The incident context of one document's records, added once the document's records are
complete (called from the spine): `place.geo`, `event_date`, `event_place`, `article_date`,
`actor` on strike attackers and casualty incidents, and `subcount` / `part_of` for sub-counts."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from claimx import rules
from claimx.incidents import actors, dates, places

LEVEL_RANK = {"city": 0, "admin1": 1, "country": 2}
PART_WINDOW = 40  # characters after (or before) a figure where "among the dead" makes it a part


@lru_cache(maxsize=1)
def _part_cues() -> tuple[re.Pattern, re.Pattern]:
    data = rules.load("subcounts.json", required={"after": list, "before": list})

    def alternation(words):
        return "|".join(re.escape(w) for w in sorted(data[words], key=len, reverse=True))

    return (re.compile(rf"^\W*(?:\w+\W+){{0,3}}?(?:{alternation('after')})\b", re.I),
            re.compile(rf"\b(?:{alternation('before')})\W*(?:\w+\W+){{0,2}}$", re.I))


def is_part(text: str, record: dict) -> bool:
    """A figure stated as part of a larger toll ("six children among the dead")."""
    after, before = _part_cues()
    fig = record["figure"]
    return bool(after.search(text[fig["end"] : fig["end"] + PART_WINDOW])
                or before.search(text[max(fig["start"] - PART_WINDOW, 0) : fig["start"]]))


def _main_place(found: list[places.Mention]) -> dict | None:
    """The place an article is about: its most named town, else province, else country."""
    for level in ("city", "admin1", "country"):
        at = [m for m in found if m.geo["level"] == level]
        if at:
            counts = Counter(_place_id(m.geo) for m in at)
            top = min(at, key=lambda m: (-counts[_place_id(m.geo)], m.start))
            return top.geo
    return None


def _place_id(geo: dict):
    return geo["geonameid"] or geo["admin1"]


def enrich(text: str, meta: dict, records: list[dict], date_field: str = "date") -> None:
    """Add the incident fields to a document's records, in place."""
    events = [r for r in records if r.get("kind") in ("casualty", "strike")]
    if not events:
        return
    country = places.main_country(text)
    found = places.mentions(text, country)
    main = _main_place(found)
    article, _ = dates.article_date(meta, text, date_field)
    windows = {id(r): dates.event_window(r["text"], article) for r in events}
    lead = next((windows[id(r)] for r in sorted(events, key=lambda r: r["start"]) if windows[id(r)]), None)
    wholes: list[dict] = []
    for r in sorted(events, key=lambda r: r["start"]):
        if r.get("place"):
            r["place"]["geo"] = places.resolve(r["place"]["text"], country)
        if r["kind"] == "strike" and r.get("attacker"):
            r["attacker"]["actor"] = actors.actor(r["attacker"].get("name") or r["attacker"]["text"])
        if r["kind"] == "casualty" and isinstance(r.get("incident"), dict):
            r["incident"]["actor"] = actors.actor(r["incident"].get("attacker"))
        window, basis = windows[id(r)], "sentence"
        if window is None and lead is not None:
            window, basis = lead, "article"
        if window is None and article is not None:
            window, basis = (article - dates.dt.timedelta(days=3), article), "article date"
        r["event_date"] = None if window is None else {**dates.iso(window), "basis": basis}
        r["article_date"] = article.isoformat() if article else None
        r["event_place"] = _event_place(r, found, main)
        if r["kind"] == "casualty":
            r["subcount"] = is_part(text, r)
            whole = next((w for w in reversed(wholes) if w["outcome"] == r["outcome"]
                          and w["figure"]["value"] > r["figure"]["value"]), None) if r["subcount"] else None
            r["part_of"] = whole["id"] if whole else None
            if not r["subcount"] and r["scope"] == "incident":
                wholes.append(r)


def _event_place(record: dict, found: list[places.Mention], main: dict | None) -> dict | None:
    """Where the event happened: the record's own place, else the most specific place its
    sentence names, else the article's main place."""
    geo = (record.get("place") or {}).get("geo")
    if geo is not None:
        return {**geo, "basis": "place"}
    inside = [m for m in found if record["start"] <= m.start < record["end"]]
    if inside:
        best = min(inside, key=lambda m: (LEVEL_RANK[m.geo["level"]], m.start))
        if best.geo["level"] != "country" or main is None:
            return {**best.geo, "basis": "sentence"}
    return None if main is None else {**main, "basis": "article"}
