"""Hand-built records and groups for the review tests: three articles on one strike with
"36", "at least 33" and "32" civilians killed, and one injured toll; the same groups also in
the shape incident linking gives them (an `incident` object)."""

from __future__ import annotations

import copy

from claimx.compare import group_records, groups_json

ARTICLES = {
    "a.txt": "Russian jets struck Talbiseh on Wednesday.\n\nThe strikes killed 36 civilians, Khaled Khoja said.\n",
    "b.txt": "Talbiseh was hit on Wednesday. At least 33 civilians were killed, the Syrian Observatory said. "
             "Five people were injured, the Observatory added.\n",
    "c.txt": "The Russian strikes killed 32 civilians, Bassam Barabandi said.\n",
}


TALBISEH = {"name": "Talbiseh", "admin1": "Homs", "country": "SY", "geonameid": 163345, "lat": 34.84, "lon": 36.73}


def span(doc: str, text: str, after: int = 0, **extra) -> dict:
    start = ARTICLES[doc].index(text, after)
    return {"text": text, "start": start, "end": start + len(text), **extra}


def casualty(doc: str, rid: str, sentence: str, figure: str, value: int, qualifier: str, victims: str,
             source: str | None, outcome: str = "killed", category: str = "civilians") -> dict:
    ev = span(doc, sentence)
    low = value if qualifier in ("exact", "at_least") else None
    return {
        "schema": "claimx/1", "doc": doc, "id": rid, "kind": "casualty", **ev,
        "figure": span(doc, figure, ev["start"], value=value, low=low, high=value if qualifier == "exact" else None,
                       qualifier=qualifier),
        "outcome": outcome, "victims": span(doc, victims, ev["start"], category=category),
        "source": span(doc, source, ev["start"], name=source.replace("the ", "")) if source else None,
        "claim": None, "place": None, "scope": "incident",
        "incident": {"date": "2015-09-30", "weekday": "wednesday", "attacker": "Russia", "actor": "Russia"},
        "event_date": {"start": "2015-09-30", "end": "2015-09-30", "basis": "sentence"},
        "event_place": {**TALBISEH, "level": "city", "basis": "article"},
        "article_date": "2015-09-30",
    }


RECORDS = [
    casualty("a.txt", "f1", "The strikes killed 36 civilians, Khaled Khoja said.", "36", 36, "exact", "civilians",
             "Khaled Khoja"),
    casualty("b.txt", "f1", "At least 33 civilians were killed, the Syrian Observatory said.", "At least 33", 33,
             "at_least", "civilians", "the Syrian Observatory"),
    casualty("b.txt", "f2", "Five people were injured, the Observatory added.", "Five", 5, "exact", "people",
             "the Observatory", outcome="injured", category="people"),
    casualty("c.txt", "f1", "The Russian strikes killed 32 civilians, Bassam Barabandi said.", "32", 32, "exact",
             "civilians", "Bassam Barabandi"),
]

INCIDENT = {"id": "i1", "event_date": {"start": "2015-09-30", "end": "2015-09-30"},
            "place": {"name": "Talbiseh", "geo": {"name": "Talbiseh", "admin1": "Homs", "country": "Syria",
                                                  "geonameid": 163345, "lat": 34.84, "lon": 36.73}},
            "actor": "Russia", "articles": 3, "sources": 3}


def linked_groups() -> list[dict]:
    """The groups `compare --json --all` makes of RECORDS: both under one incident."""
    return groups_json(group_records(RECORDS))


def groups() -> list[dict]:
    """The same groups without the incident object (as saved before incident linking):
    disputed killed toll, single injured."""
    return [{**g, "incident": None} for g in linked_groups()]


def incident_groups() -> list[dict]:
    """The same groups as incident linking gives them: both under one incident."""
    out = copy.deepcopy(groups())
    for g in out:
        g["incident"] = copy.deepcopy(INCIDENT)
        g["diverging"] = False
    return out
