"""Grouping reported figures and strike targets across documents and sources, and deciding
whether the versions can all be true. Pure: claimx/1 records in, claimx-group/1 groups out.

A casualty figure is an interval ("at least 33" is [33, inf), "about 20" a band, "36" exact).
Figures and strikes are first linked into incidents (claimx.incidents.linking: date window,
place, actor); within an incident each quantity (outcome and victim class, sub-counts apart)
is one group. A group is disputed when its intervals have no common point, and diverging
when they have one but the sources' counts are far apart ("at least 40" and "at least 90").
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field

from claimx.incidents.linking import RUNNING_TOTAL, Incident, link, record_actor

GROUP_SCHEMA = "claimx-group/1"
ABOUT_BAND = 0.1  # "about 20" covers 18..22
VICTIM_CLASS = {"people": "civilians"}  # unspecified people and civilians are the same victims in news usage
INF = math.inf
DIVERGING_RATIO = 1.5  # compatible counts whose largest is this many times the smallest...
DIVERGING_GAP = 5  # ...and this many apart are shown as diverging versions


def interval(figure: dict) -> tuple[float, float]:
    """The values a figure commits to, from its qualifier and bounds."""
    v, q = figure["value"], figure["qualifier"]
    low, high = figure.get("low"), figure.get("high")
    if q == "exact":
        return v, v
    if q in ("at_least", "vague"):
        return (low if low is not None else v), INF
    if q == "more_than":
        return v + 1, INF
    if q == "up_to":
        return 0, v
    if q == "less_than":
        return 0, max(v - 1, 0)
    if low is not None and high is not None:  # a range: "between 20 and 30"
        return low, high
    return math.floor(v * (1 - ABOUT_BAND)), math.ceil(v * (1 + ABOUT_BAND))


def source_name(record: dict) -> str | None:
    source = record.get("source")
    return (source.get("name") or source.get("text")) if source else None


@dataclass
class Member:
    record: dict
    repeats: list[dict] = field(default_factory=list)  # the same figure again, same source or document

    @property
    def who(self) -> str:
        return source_name(self.record) or f"({self.record['doc']})"


@dataclass
class Group:
    kind: str
    key: dict  # what the members agree on; None values are unknown
    members: list[Member] = field(default_factory=list)
    incident: Incident | None = None
    incident_id: str | None = None  # "i1", ...: shared by the groups of one incident

    def add(self, record: dict) -> None:
        for m in self.members:
            if self.repeats(m.record, record):
                m.repeats.append(record)
                return
        self.members.append(Member(record))

    def repeats(self, a: dict, b: dict) -> bool:
        """One source (or one document in its own voice) saying the same thing again."""
        same_teller = source_name(a) == source_name(b) and (source_name(a) is not None or a["doc"] == b["doc"])
        if self.kind == "casualty":
            return same_teller and a["figure"]["value"] == b["figure"]["value"]
        return same_teller and target_category(a) == target_category(b)

    @property
    def sources(self) -> int:
        return len({m.who for m in self.members})

    @property
    def status(self) -> str:
        if self.sources < 2:
            return "single"
        if self.kind == "casualty":
            lows, highs = zip(*(interval(m.record["figure"]) for m in self.members), strict=True)
            return "disputed" if max(lows) > min(highs) else "consistent"
        return "disputed" if len({target_category(m.record) for m in self.members}) > 1 else "consistent"

    @property
    def diverging(self) -> bool:
        """Versions that can all be true yet whose counts are far apart."""
        if self.kind != "casualty" or self.status != "consistent":
            return False
        values = [m.record["figure"]["value"] for m in self.members]
        return max(values) >= DIVERGING_RATIO * max(min(values), 1) and max(values) - min(values) >= DIVERGING_GAP

    def estimates(self) -> tuple[int | None, float | None, int | None]:
        """Conservative low (the smallest reported value, as ACLED codes it), a UCDP-style best
        (the median of the sources' values) and high (the largest bounded value)."""
        if self.kind != "casualty":
            return None, None, None
        values = [m.record["figure"]["value"] for m in self.members]
        highs = [h for m in self.members if (h := interval(m.record["figure"])[1]) != INF]
        best = statistics.median(values)
        return min(values), int(best) if best == int(best) else best, max(highs + values)

    def quantity(self, info: dict | None) -> str:
        """What the group counts, and where, who and when from its incident's `info` (incident_json)."""
        k = self.key
        if self.kind == "casualty":
            parts = [f"{k['victims']} {k['outcome']}" + (" (running total)" if k["scope"] == "cumulative" else "")
                     + (" (part of a toll)" if k.get("part") else "")]
        else:
            parts = ["strike targets"]
        if info:
            place = (info["place"] or {}).get("name")
            actor = info["actor"]
            when = info["event_date"]["start"] if info["event_date"]["start"] == info["event_date"]["end"] \
                else f"{info['event_date']['start']}..{info['event_date']['end']}"
            parts += [v for v in (place, actor, when) if v]
        elif k.get("year"):
            parts.append(k["year"])
        return ", ".join(parts)

    def incident_json(self) -> dict | None:
        """Event date or window, place with geo, actor, articles and independent sources."""
        inc = self.incident
        if inc is None:
            return None
        actors = [a for r in inc.records if (a := record_actor(r))]
        place = next((p for p in inc.places if p["level"] == "city"), inc.places[0] if inc.places else None)
        tellers = {source_name(r) or f"({r['doc']})" for r in inc.records}
        return {"id": self.incident_id,
                "event_date": {"start": inc.anchor[0].isoformat(), "end": inc.anchor[1].isoformat()},
                "place": {k: v for k, v in place.items() if k != "basis"} if place else None,
                "actor": max(set(actors), key=lambda a: (actors.count(a), a)) if actors else None,
                "articles": len({r["doc"] for r in inc.records}), "sources": len(tellers)}

    def to_json(self, gid: str, info: dict | None = None) -> dict:
        """The claimx-group/1 object; `info`: the incident's facts (incident_json) when already
        made for another group of the incident."""
        low, best, high = self.estimates()
        info = info or self.incident_json()
        out = {"schema": GROUP_SCHEMA, "id": gid, "kind": self.kind, "quantity": self.quantity(info),
               "status": self.status, "low": low, "best": best, "high": high,
               "spread": (high - low) if low is not None else None, "sources": self.sources,
               "diverging": self.diverging, "incident": info, "members": []}
        for m in sorted(self.members, key=lambda m: (m.record.get("article_date") or "9999", m.record["doc"])):
            r = m.record
            entry = {"doc": r["doc"], "id": r["id"], "source": source_name(r), "evidence": r["text"],
                     "article_date": r.get("article_date")}
            if self.kind == "casualty":
                fig = r["figure"]
                lo, hi = interval(fig)
                entry.update(figure=fig["text"], value=fig["value"], qualifier=fig["qualifier"],
                             interval=[lo, None if hi == INF else hi])
            else:
                entry.update(trigger=r["trigger"]["text"], target=(r.get("target") or {}).get("text"),
                             category=target_category(r))
            entry["repeats"] = [{"doc": x["doc"], "id": x["id"]} for x in m.repeats]
            out["members"].append(entry)
        return out


def target_category(record: dict) -> str:
    return (record.get("target") or {}).get("category") or "unstated"


def casualty_key(record: dict) -> dict:
    """The quantity a figure reports: outcome and victim class; a sub-count is its own quantity."""
    category = (record.get("victims") or {}).get("category", "people")
    running = record["scope"] == "cumulative" or record["figure"]["value"] >= RUNNING_TOTAL
    key = {"outcome": record["outcome"], "victims": VICTIM_CLASS.get(category, category),
           "scope": "cumulative" if running else record["scope"], "part": bool(record.get("subcount"))}
    if running:  # a running total is one quantity per country and year
        key["country"] = (record.get("event_place") or {}).get("country")
        key["year"] = (record.get("article_date") or (record.get("event_date") or {}).get("end") or "")[:4] or None
    return key


def group_records(records: Iterable[dict], kinds: Iterable[str] = ("casualty", "strike")) -> list[Group]:
    """Every casualty figure lands in exactly one group: one per quantity within an incident,
    running totals by country and year, figures whose incident cannot be told alone. Strikes
    with a target are grouped by incident, each once (a repeat mention, `same_as`, is left out).
    Groups come out disputed first, then by size."""
    kinds = set(kinds)
    records = [r for r in records if r.get("kind") in kinds]
    groups: dict[tuple, Group] = {}
    linked: set[int] = set()
    for n, inc in enumerate(link(records)):
        for r in inc.records:
            linked.add(id(r))
            if r["kind"] == "strike" and (not r.get("target") or r.get("same_as")):
                continue  # a strike is shown by its first mention in an article, with what it hit
            key = casualty_key(r) if r["kind"] == "casualty" else {}
            group = groups.setdefault((n, r["kind"], tuple(sorted(key.items()))), Group(r["kind"], key, incident=inc))
            group.add(r)
    for r in sorted((r for r in records if id(r) not in linked and r["kind"] == "casualty"),
                    key=lambda r: (r["doc"], r["id"])):
        key = casualty_key(r)
        running = key["scope"] == "cumulative"
        ident = ("running", tuple(sorted(key.items()))) if running else ("alone", r["doc"], r["id"])
        groups.setdefault(ident, Group("casualty", key)).add(r)
    order = {"disputed": 0, "consistent": 1, "single": 2}
    out = sorted(groups.values(), key=lambda g: (order[g.status], -g.sources, -len(g.members),
                                                 g.members[0].record["doc"], g.members[0].record["id"]))
    numbers: dict[int, str] = {}  # incidents numbered in output order: i1 holds the first group shown
    for g in out:
        if g.incident is not None:
            g.incident_id = numbers.setdefault(id(g.incident), f"i{len(numbers) + 1}")
    return out


def groups_json(groups: list[Group]) -> list[dict]:
    """The groups as claimx-group/1 objects g1, g2, ...: an incident's facts are made once
    and shared by its groups."""
    infos: dict[str, dict | None] = {}
    out = []
    for n, g in enumerate(groups, 1):
        out.append(g.to_json(f"g{n}", infos.get(g.incident_id)))
        if g.incident_id is not None:
            infos[g.incident_id] = out[-1]["incident"]
    return out
