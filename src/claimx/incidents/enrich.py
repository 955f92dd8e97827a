"""The incident context of one document's records, added once the document's records are
complete (called from the spine): `place.geo`, `event_date`, `event_place`, `article_date`,
`actor` on strike attackers and casualty incidents, `attack` (the kinds of attack the
sentence names), `subcount` / `part_of` for sub-counts, and `outcome` casualties for a
figure of the killed and injured together."""

from __future__ import annotations

from collections import Counter

from claimx.incidents import actors, dates, places
from claimx.incidents.linking import WIDE_WINDOW
from claimx.tolls import is_combined, is_part

LEVEL_RANK = {"city": 0, "admin1": 1, "country": 2}


def _main_place(events: list[dict], found: list[places.Mention]) -> dict | None:
    """The place an article is about: where its first event with a known town or province
    happened (a report leads with its main event), else its most named province (counting
    the towns in it) and in it the most named town, else its first country."""
    for r in sorted(events, key=lambda r: r["start"]):
        own = _event_place(r, found, None)
        if own is not None and own["level"] != "country":
            return {k: v for k, v in own.items() if k != "basis"}
    areas = Counter(m.geo["admin1"] for m in found if m.geo["admin1"])
    if not areas:
        return found[0].geo if found else None
    first: dict[str, int] = {}
    for m in found:
        first.setdefault(m.geo["admin1"], m.start)
    area = min(areas, key=lambda a: (-areas[a], first[a]))
    towns = [m for m in found if m.geo["admin1"] == area and m.geo["level"] == "city"]
    if towns:
        counts = Counter(m.geo["geonameid"] for m in towns)
        return min(towns, key=lambda m: (-counts[m.geo["geonameid"]], m.start)).geo
    return next(m.geo for m in found if m.geo["admin1"] == area)


def enrich(text: str, meta: dict, records: list[dict], date_field: str = "date") -> None:
    """Add the incident fields to a document's records, in place."""
    events = [r for r in records if r.get("kind") in ("casualty", "strike")]
    if not events:
        return
    # the country of the events: the one the event sentences name most ("Moscow launched
    # strikes in Syria" is about Syria, however often the article names Moscow)
    country = places.main_country(" ".join(r["text"] for r in events)) or places.main_country(text)
    found = places.mentions(text, country)
    local = [m for m in found if country is None or m.geo["country"] == country]
    article, _ = dates.article_date(meta, text, date_field)
    for r in events:
        if r.get("place"):
            r["place"]["geo"] = places.resolve(_with_admin_word(text, r["place"]), country)
    main = _main_place(events, local)
    windows = {id(r): dates.event_window(r["text"], article) for r in events}
    # the article's own event: the first narrow window of an attack's toll or a strike
    lead = next((w for r in sorted(events, key=lambda r: r["start"]) if (w := windows[id(r)]) is not None
                 and (w[1] - w[0]).days <= WIDE_WINDOW and r.get("scope") != "cumulative"), None)
    lead_weekday = next((w for r in sorted(events, key=lambda r: r["start"]) if (w := dates.weekday(r["text"]))),
                        None)
    attackers = [a for r in events if r["kind"] == "strike" and r.get("attacker")
                 and (a := actors.actor(r["attacker"].get("name") or r["attacker"]["text"]))]
    article_actor = max(attackers, key=lambda a: (attackers.count(a), -attackers.index(a))) if attackers else None
    wholes: list[dict] = []
    for r in sorted(events, key=lambda r: r["start"]):
        if r["kind"] == "strike" and r.get("attacker"):
            r["attacker"]["actor"] = actors.actor(r["attacker"].get("name") or r["attacker"]["text"])
        if r["kind"] == "casualty":  # who the sentence says struck, else whom the article's strikes name
            r["incident"] = r.get("incident") or {}
            r["incident"]["actor"] = actors.actor(r["incident"].get("attacker")) or article_actor
        window, basis = windows[id(r)], "sentence"
        if window is None and lead is not None:
            window, basis = lead, "article"
        if window is None and article is not None:
            window, basis = (article - dates.dt.timedelta(days=3), article), "article date"
        r["event_date"] = None if window is None else {**dates.iso(window), "basis": basis}
        # an undated article's weekday: linking may use it to join a dated incident, never to found one
        r["event_weekday"] = (dates.weekday(r["text"]) or lead_weekday) if window is None else None
        r["article_date"] = article.isoformat() if article else None
        r["event_place"] = _event_place(r, found, main)
        r["attack"] = actors.attack_kinds(r["text"])
        if r["kind"] == "casualty":
            if r["outcome"] != "casualties" and is_combined(text, r["figure"]["end"]):
                r["outcome"] = "casualties"
            r["subcount"] = r.get("subcount") or is_part(text, r["figure"]["start"], r["figure"]["end"])
            if r.get("part_of") is None:  # a list's members already name their list's total
                whole = next((w for w in reversed(wholes) if w["outcome"] == r["outcome"]
                              and w["figure"]["value"] > r["figure"]["value"]), None) if r["subcount"] else None
                r["part_of"] = whole["id"] if whole else None
            if not r["subcount"] and r["scope"] == "incident":
                wholes.append(r)


def _with_admin_word(text: str, place: dict) -> str:
    """The place span's text, with "province" or the like when the text goes on with it."""
    following = places.fold(text[place["end"] : place["end"] + 14]).split()[:1]
    return f"{place['text']} {following[0]}" if following and following[0] in places.place_words()["after"] \
        else place["text"]


def _event_place(record: dict, found: list[places.Mention], main: dict | None) -> dict | None:
    """Where the event happened: the record's own place (or a town its sentence names inside
    that province or country), else the most specific place its sentence names, else the
    article's main place."""
    geo = (record.get("place") or {}).get("geo")
    inside = [m for m in found if record["start"] <= m.start < record["end"]]
    if geo is not None and geo["level"] != "city":
        within = [m for m in inside if m.geo["level"] == "city" and places.place_match(m.geo, geo) is not None]
        if within:
            return {**within[0].geo, "basis": "sentence"}
        if geo["level"] == "country" and main is not None and places.place_match(main, geo) is not None:
            return {**main, "basis": "article"}
    if geo is not None:
        return {**geo, "basis": "place"}
    if inside:
        best = min(inside, key=lambda m: (LEVEL_RANK[m.geo["level"]], m.start))
        if best.geo["level"] != "country" or main is None:
            return {**best.geo, "basis": "sentence"}
    return None if main is None else {**main, "basis": "article"}
