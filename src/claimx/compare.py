"""Grouping reported figures and strike targets across documents and sources, and deciding
whether the versions can all be true. Pure: claimx/1 records in, claimx-group/1 groups out.

A casualty figure is an interval ("at least 33" is [33, inf), "about 20" a band, "36" exact).
Figures report the same quantity when outcome, victims, scope and incident agree; a group is
disputed when its intervals have no common point.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field

GROUP_SCHEMA = "claimx-group/1"
ABOUT_BAND = 0.1  # "about 20" covers 18..22
VICTIM_CLASS = {"people": "civilians"}  # unspecified people and civilians are the same victims in news usage
INF = math.inf


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

    def compatible(self, key: dict) -> bool:
        return all(self.key.get(k) is None or v is None or _same(k, self.key[k], v) for k, v in key.items())

    def add(self, record: dict, key: dict) -> None:
        for k, v in key.items():
            if self.key.get(k) is None:
                self.key[k] = v
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

    def estimates(self) -> tuple[int | None, float | None, int | None]:
        """Conservative low (the smallest reported value, as ACLED codes it), a UCDP-style best
        (the median of the sources' values) and high (the largest bounded value)."""
        if self.kind != "casualty":
            return None, None, None
        values = [m.record["figure"]["value"] for m in self.members]
        highs = [h for m in self.members if (h := interval(m.record["figure"])[1]) != INF]
        best = statistics.median(values)
        return min(values), int(best) if best == int(best) else best, max(highs + values)

    def quantity(self) -> str:
        k = self.key
        if self.kind == "casualty":
            parts = [f"{k['victims']} {k['outcome']}" + (" (running total)" if k["scope"] == "cumulative" else "")]
        else:
            parts = [f"targets of {k['attacker']} strikes"]
        parts += [v for v in (k.get("place"), k.get("attacker") if self.kind == "casualty" else None) if v]
        when = k.get("date") or k.get("weekday")
        if when:
            parts.append(str(when).lstrip("-"))
        return ", ".join(parts)

    def to_json(self, gid: str) -> dict:
        low, best, high = self.estimates()
        out = {"schema": GROUP_SCHEMA, "id": gid, "kind": self.kind, "quantity": self.quantity(),
               "status": self.status, "low": low, "best": best, "high": high,
               "spread": (high - low) if low is not None else None, "sources": self.sources, "members": []}
        for m in self.members:
            r = m.record
            entry = {"doc": r["doc"], "id": r["id"], "source": source_name(r), "evidence": r["text"]}
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


def _same(key: str, a, b) -> bool:
    if key == "date" and len(a) > 4 and len(b) > 4:  # "--09-30" (no year) matches "2015-09-30"
        return a[-5:] == b[-5:] and (a.startswith("-") or b.startswith("-") or a[:4] == b[:4])
    return a == b


def place_name(record: dict) -> str | None:
    place = record.get("place")
    if not place:
        return None
    words = [w for w in place["text"].replace("'s", "").split() if w[:1].isupper()]
    return words[0] if words else None


def target_category(record: dict) -> str:
    return (record.get("target") or {}).get("category") or "unstated"


def casualty_key(record: dict) -> dict:
    incident = record.get("incident") or {}
    category = (record.get("victims") or {}).get("category", "people")
    date = record.get("date") or incident.get("date")
    running = record["scope"] == "cumulative"
    return {
        "outcome": record["outcome"],
        "victims": VICTIM_CLASS.get(category, category),
        "scope": record["scope"],
        "place": place_name(record),
        # a running total is one quantity whatever the day or attack its article reports
        "attacker": None if running else incident.get("attacker"),
        "date": (date[:4] if date and date[0].isdigit() else None) if running else date,
        "weekday": None if running else incident.get("weekday"),
    }


def strike_key(record: dict) -> dict | None:
    """Strikes are compared by who struck: what each source says that attacker hit."""
    attacker = (record.get("attacker") or {}).get("name")
    if not attacker or record.get("hypothetical") or not record.get("target"):
        return None
    return {"attacker": attacker}


def group_records(records: Iterable[dict], kinds: Iterable[str] = ("casualty", "strike")) -> list[Group]:
    """Every casualty figure lands in exactly one group; strikes with an attacker and a target
    are grouped by attacker. Groups come out disputed first, then by size."""
    kinds = set(kinds)
    groups: list[Group] = []
    for r in records:
        if r.get("kind") not in kinds:
            continue
        key = casualty_key(r) if r["kind"] == "casualty" else strike_key(r)
        if key is None:
            continue
        fixed = {k: key[k] for k in ("outcome", "victims", "scope") if k in key}
        candidates = [g for g in groups if g.kind == r["kind"] and all(g.key.get(k) == v for k, v in fixed.items())
                      and g.compatible(key)]
        if candidates:
            max(candidates, key=lambda g: sum(g.key.get(k) is not None and g.key[k] == v for k, v in key.items())
                ).add(r, key)
        else:
            group = Group(r["kind"], dict(key))
            group.add(r, key)
            groups.append(group)
    order = {"disputed": 0, "consistent": 1, "single": 2}
    return sorted(groups, key=lambda g: (order[g.status], -g.sources, -len(g.members)))
