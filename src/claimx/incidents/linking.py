"""Linking casualty figures and strikes into incidents by scored evidence: date window, place
(containment or distance), actor, and the kind of attack (an air raid and a shelling in one
city and week are two incidents). Pure: enriched claimx/1 records in, incidents out.

Records are taken in a fixed order (narrowest window, busiest day, date, document, id), so
the result does not depend on input order. Each record joins the best-scoring incident whose anchor date is
within DATE_SLACK days and whose places are compatible with its own, else starts one.
Candidates are found by blocking on (country, day): the cost stays linear in the input.
A record without an event date or place is never linked: unknown is not a wildcard.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from claimx.incidents.dates import WEEKDAYS, gap_days
from claimx.incidents.places import place_match

DATE_SLACK = 3  # an outlet's date, and so a weekday resolved against it, can be days off
WIDE_WINDOW = 7  # a window longer than this (a month, "earlier this month") links only on the same town
MIN_SCORE = 3
RUNNING_TOTAL = 5000  # no single attack's toll reaches this; a figure this large is a running total


@dataclass
class Incident:
    anchor: tuple[dt.date, dt.date]  # the narrowest window among its members
    places: list[dict] = field(default_factory=list)
    actors: set[str] = field(default_factory=set)
    records: list[dict] = field(default_factory=list)
    attacks: set[str] = field(default_factory=set)  # the kinds of attack its reports name

    def score(self, window, geo: dict, actor: str | None, attacks: set[str] = frozenset()) -> int | None:
        """How well a record fits; None when it cannot be this incident."""
        gap = gap_days(self.anchor, window)
        if gap > DATE_SLACK:
            return None
        matches = [place_match(geo, p) for p in self.places]
        if any(m is None for m in matches) and geo["level"] != "country":
            return None  # a town or province that excludes one of the incident's places
        place = max((m for m in matches if m is not None), default=0)
        wide = (window[1] - window[0]).days > WIDE_WINDOW
        if wide and place < 3:
            return None
        score = place + (2 if gap <= 1 else 1)
        if actor and self.actors:  # one side blamed by all so far, another by this report: a doubt
            score += 1 if actor in self.actors else -2 if len(self.actors) == 1 else 0
        if attacks and self.attacks:  # reports of one attack may call it differently: evidence, no veto
            score += 1 if attacks & self.attacks else -1
        return score

    def add(self, record: dict, window, geo: dict, actor: str | None) -> None:
        self.records.append(record)
        self.attacks.update(record.get("attack") or ())
        if (window[1] - window[0]) < (self.anchor[1] - self.anchor[0]):
            self.anchor = window
        if geo["level"] != "country" and all(place_match(geo, p) != 3 for p in self.places):
            self.places.append(geo)
        if actor:
            self.actors.add(actor)


def record_actor(record: dict) -> str | None:
    if record["kind"] == "strike":
        return (record.get("attacker") or {}).get("actor")
    return (record.get("incident") or {}).get("actor")


def linkable(record: dict) -> bool:
    """Figures of one attack's toll and reports of strikes, with a known date and place."""
    if not record.get("event_date") or not record.get("event_place"):
        return False
    if record["kind"] == "casualty":
        return record["scope"] == "incident" and record["figure"]["value"] < RUNNING_TOTAL
    return not record.get("hypothetical") and not record.get("negated")


def _window(record: dict):
    d = record["event_date"]
    return dt.date.fromisoformat(d["start"]), dt.date.fromisoformat(d["end"])


def link(records: list[dict]) -> list[Incident]:
    """Incidents over the linkable records (others are left out)."""
    todo = [(_window(r), r) for r in records if linkable(r)]
    # narrow windows first, and among them the busiest days: an incident is seeded by its most
    # reported day, not by whichever report came first
    busy = Counter((r["event_place"]["country"], r["event_date"]["start"]) for _, r in todo)
    todo.sort(key=lambda wr: (wr[0][1] - wr[0][0], -busy[(wr[1]["event_place"]["country"],
                                                          wr[1]["event_date"]["start"])],
                              wr[1]["event_date"]["start"], wr[1]["doc"], wr[1]["id"]))
    incidents: list[Incident] = []
    blocks: dict[tuple[str, dt.date], list[int]] = defaultdict(list)
    for window, r in todo:
        geo, actor, attacks = r["event_place"], record_actor(r), set(r.get("attack") or ())
        days = range(-DATE_SLACK, (window[1] - window[0]).days + DATE_SLACK + 1)
        candidates = {i for d in days for i in blocks.get((geo["country"], window[0] + dt.timedelta(days=d)), ())}
        scored = [(s, i) for i in sorted(candidates)
                  if (s := incidents[i].score(window, geo, actor, attacks)) is not None and s >= MIN_SCORE]
        if scored:
            best = max(scored, key=lambda si: (si[0], -si[1]))[1]
            incidents[best].add(r, window, geo, actor)
            continue
        incidents.append(Incident(window, [geo] if geo["level"] != "country" else [], {actor} if actor else set(),
                                  [r], attacks))
        start, end = window
        if (end - start).days <= WIDE_WINDOW:
            for n in range((end - start).days + 1):
                blocks[(geo["country"], start + dt.timedelta(days=n))].append(len(incidents) - 1)
    _join_by_weekday([r for r in records if undated(r)], incidents)
    return incidents


def undated(record: dict) -> bool:
    """A report from an article without a date that names the weekday of its event."""
    return (not record.get("event_date") and bool(record.get("event_weekday")) and bool(record.get("event_place"))
            and linkable({**record, "event_date": {"start": "", "end": ""}}))


def _join_by_weekday(records: list[dict], incidents: list[Incident]) -> None:
    """An undated report joins the one dated incident of its weekday, place and actor; with
    none, or several (the same weekday in different weeks or years), it stays alone."""
    by_weekday: dict[tuple[str, str], list[Incident]] = defaultdict(list)
    for inc in incidents:
        if (inc.anchor[1] - inc.anchor[0]).days == 0:
            by_weekday[(inc.places[0]["country"] if inc.places else "", WEEKDAYS[inc.anchor[0].weekday()])].append(inc)
    for r in sorted(records, key=lambda r: (r["doc"], r["id"])):
        geo, actor, attacks = r["event_place"], record_actor(r), set(r.get("attack") or ())
        fits = [inc for inc in by_weekday.get((geo["country"], r["event_weekday"]), ())
                if actor and actor in inc.actors and geo["level"] != "country"
                and not (attacks and inc.attacks and not attacks & inc.attacks)
                and max((m for p in inc.places if (m := place_match(geo, p)) is not None), default=-1) >= 1
                and not any(place_match(geo, p) is None for p in inc.places)]
        if len(fits) == 1:
            fits[0].records.append(r)
