"""What the review app shows, computed without Textual: the left list (incidents and their
groups, filtered), a group's members with their dates and places, and the evidence
paragraph with the figure, victims and source highlighted.

Groups are claimx-group/1 objects. When a group carries an `incident` object (the incident
linking of `compare`), groups of one incident are listed under a header row; otherwise each
group stands alone and its own quantity and members' records give place and date.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from rich.text import Text

from claimx.render import LEGEND

STATUSES = ("disputed", "consistent", "single")
KIND_CHOICES = ("casualty", "strike")
STATUS_CYCLE = ("disputed,consistent", "disputed", "consistent", "single", None)  # `s` steps through these
KIND_CYCLE = (None, "casualty", "strike")
FILTER_FIELDS = ("status", "kind", "place", "date")
STYLE = dict(LEGEND)
SENTENCE_STYLE = "on grey19"
PARAGRAPH_REACH = 400  # characters shown either side of the sentence when a paragraph is one long line


# --- reading groups ---------------------------------------------------------------------

def incident_of(group: dict) -> dict | None:
    incident = group.get("incident")
    return incident if isinstance(incident, dict) and incident else None


def _place_names(place) -> list[str]:
    """Names a place object answers to: its text or name, and its gazetteer name, region, country."""
    if not isinstance(place, dict):
        return [place] if isinstance(place, str) and place else []
    names = [place.get("name"), place.get("text")]
    geo = place.get("geo")
    if isinstance(geo, dict):
        names += [geo.get("name"), geo.get("admin1"), geo.get("country")]
    return [n for n in names if isinstance(n, str) and n]


def _window(value) -> tuple[str, str] | None:
    """(start, end) of a date, an {start, end} window, or a [start, end] pair."""
    if isinstance(value, str) and value:
        return value, value
    if isinstance(value, dict) and (value.get("start") or value.get("end")):
        return value.get("start") or value["end"], value.get("end") or value["start"]
    if isinstance(value, list | tuple) and len(value) == 2 and all(isinstance(v, str) for v in value):
        return value[0], value[1]
    return None


def incident_window(incident: dict) -> tuple[str, str] | None:
    for name in ("event_date", "date", "window"):
        window = _window(incident.get(name))
        if window:
            return window
    return None


def incident_key(incident: dict) -> str:
    """Groups of one incident share this key: its id when it has one, else what defines it."""
    if incident.get("id") is not None:
        return str(incident["id"])
    place = incident.get("place")
    geo = place.get("geo") if isinstance(place, dict) else None
    where = (geo or {}).get("geonameid") or ",".join(_place_names(place)[:1])
    return f"{incident_window(incident)}|{where}|{incident.get('actor')}"


def incident_title(incident: dict, counts: bool = True) -> str:
    """"2015-09-30 · Talbiseh, Homs, Syria · Russia · 4 articles, 3 sources" (without the
    numbers of articles and sources when `counts` is false)."""
    parts = []
    window = incident_window(incident)
    if window:
        parts.append(window[0] if window[0] == window[1] else f"{window[0]}..{window[1]}")
    place = incident.get("place")
    geo = place.get("geo") if isinstance(place, dict) else None
    if isinstance(geo, dict) and geo.get("name"):
        parts.append(", ".join(dict.fromkeys(n for n in (geo.get("name"), geo.get("admin1"), geo.get("country")) if n)))
    elif _place_names(place):
        parts.append(_place_names(place)[0])
    if incident.get("actor"):
        parts.append(str(incident["actor"]))
    numbers = [f"{incident[k]} {k}" for k in ("articles", "sources") if isinstance(incident.get(k), int)]
    if counts and numbers:
        parts.append(", ".join(numbers))
    return " · ".join(parts) or "incident"


def record_date(record: dict | None) -> str:
    """The event's day (or window) a record gives: event_date, else its incident date or input date."""
    if not record:
        return ""
    window = _window(record.get("event_date")) or _window((record.get("incident") or {}).get("date")) \
        or _window(record.get("date"))
    if not window:
        return ""
    return window[0].lstrip("-") if window[0] == window[1] else f"{window[0]}..{window[1]}"


class GroupFacts:
    """What the filters read of one group and its members' records, worked out when a filter
    first asks (a list filtered by status and kind alone never needs them)."""

    def __init__(self, group: dict, records: dict[tuple[str, str], dict]) -> None:
        self.group, self.records = group, records

    def member_records(self) -> list[dict]:
        return [r for m in self.group["members"] if (r := self.records.get((m["doc"], m["id"])))]

    @cached_property
    def places(self) -> list[str]:
        incident = incident_of(self.group)
        places = _place_names(incident.get("place")) if incident else []
        for record in self.member_records():
            places += _place_names(record.get("place"))
        return list(dict.fromkeys(places))

    @cached_property
    def dates(self) -> list[str]:
        incident = incident_of(self.group)
        window = incident_window(incident) if incident else None
        dates = list(window) if window else []
        dates += [d for record in self.member_records() if (d := record_date(record))]
        return list(dict.fromkeys(dates))

    @cached_property
    def text(self) -> str:
        """Everything `/` words search: quantity, sources, figures, documents, evidence."""
        words = [self.group["quantity"]]
        for m in self.group["members"]:
            words += [m.get("source") or "", m.get("figure") or m.get("target") or "", m["doc"],
                      m.get("evidence") or ""]
        return "\n".join(words).lower()


# --- the filter query -------------------------------------------------------------------

@dataclass(frozen=True)
class Query:
    """`status:disputed,consistent kind:casualty place:homs date:2015-09 khoja`: field tokens
    narrow the list, other words must all occur in the group."""

    status: frozenset[str] | None = None
    kind: str | None = None
    place: str = ""
    date: str = ""
    words: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str) -> Query:
        try:
            tokens = shlex.split(text)
        except ValueError:  # an unclosed quote while typing
            tokens = text.split()
        fields: dict = {}
        words, problems = [], []
        for token in tokens:
            name, sep, value = token.partition(":")
            if not sep or name not in FILTER_FIELDS:
                words.append(token.lower())
                continue
            value = value.strip().lower()
            if name == "status":
                chosen = frozenset(v for v in value.split(",") if v)
                bad = chosen - set(STATUSES)
                if bad:
                    problems.append(f"unknown status {', '.join(sorted(bad))}")
                fields["status"] = (chosen & set(STATUSES)) or None
            elif name == "kind":
                if value and value not in KIND_CHOICES:
                    problems.append(f"unknown kind {value}")
                fields["kind"] = value if value in KIND_CHOICES else None
            else:
                fields[name] = value
        return cls(**fields, words=tuple(words), problems=tuple(problems))

    def keeps(self, group: dict, facts: GroupFacts) -> bool:
        if self.status is not None and group["status"] not in self.status:
            return False
        if self.kind is not None and group["kind"] != self.kind:
            return False
        quantity = group["quantity"].lower()
        if self.place and not any(self.place in p.lower() for p in facts.places) and self.place not in quantity:
            return False
        if self.date and not _date_matches(self.date, facts.dates) and self.date not in quantity:
            return False
        return all(w in facts.text for w in self.words)


def _date_matches(wanted: str, dates: list[str]) -> bool:
    """A date prefix ("2015-09") matches a day it starts, or falls inside a window."""
    for d in dates:
        start, _, end = d.partition("..")
        if d.startswith(wanted) or (end and start[: len(wanted)] <= wanted <= end[: len(wanted)]):
            return True
    return False


def set_token(text: str, name: str, value: str | None) -> str:
    """The query with its `name:` token replaced by `name:value` (or removed for None)."""
    kept = [t for t in text.split() if not t.startswith(f"{name}:")]
    return " ".join(([f"{name}:{value}"] if value else []) + kept)


def token_value(text: str, name: str) -> str | None:
    for t in text.split():
        if t.startswith(f"{name}:"):
            return t.partition(":")[2]
    return None


def next_in_cycle(cycle: tuple, current) -> str | None:
    return cycle[(cycle.index(current) + 1) % len(cycle)] if current in cycle else cycle[0]


# --- the left list ----------------------------------------------------------------------

@dataclass
class Row:
    """One line of the left list: an incident header (`group` is None) or a group."""

    key: str
    group: dict | None = None
    incident: dict | None = None
    members: list[str] = field(default_factory=list)  # an incident header: the keys of its shown groups


def list_rows(groups: list[dict], keep: Callable[[int], bool]) -> list[Row]:
    """Rows in the groups' own order (disputed first): a linked incident appears where its
    first kept group would, with its kept groups under it."""
    rows: list[Row] = []
    headers: dict[str, Row] = {}
    under: dict[str, list[Row]] = {}
    for n, g in enumerate(groups):
        if not keep(n):
            continue
        row = Row(f"g{n}", g)
        incident = incident_of(g)
        if incident is None:
            rows.append(row)
            continue
        ikey = incident_key(incident)
        if ikey not in headers:
            headers[ikey] = Row(f"i:{ikey}", None, incident)
            under[ikey] = []
            rows.append(headers[ikey])
        headers[ikey].members.append(row.key)
        under[ikey].append(row)
    out: list[Row] = []
    for row in rows:
        out.append(row)
        if row.group is None:
            out += under[incident_key(row.incident)]
    return out


# --- evidence ---------------------------------------------------------------------------

def paragraph_bounds(text: str, start: int, end: int, reach: int = PARAGRAPH_REACH) -> tuple[int, int]:
    """The paragraph (blank-line or line bounded) holding text[start:end]; in a long one-line
    article, whole sentences up to `reach` characters either side."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    if start - lo > reach:
        cut = text.find(". ", start - reach, start)
        lo = cut + 2 if cut >= 0 else start - reach
    if hi - end > reach:
        cut = text.rfind(". ", end, end + reach)
        hi = cut + 1 if cut >= 0 else end + reach
    return lo, hi


def _spans(record: dict) -> list[tuple[dict, str]]:
    """The spans the evidence view colours, with their styles (as `claimx show` colours them)."""
    out = []
    if record.get("source"):
        out.append((record["source"], STYLE["speaker"]))
    if record["kind"] == "casualty":
        if record.get("victims"):
            out.append((record["victims"], STYLE["victims"]))
        out.append((record["figure"], STYLE["casualty figure"]))
    else:
        out.append((record["trigger"], STYLE["strike"]))
        if record.get("target"):
            out.append((record["target"], STYLE["target"]))
    return out


def evidence_text(member: dict, record: dict | None, article: str | None) -> Text:
    """The member's sentence in its paragraph, sentence shaded, figure, victims and source
    coloured. Falls back to the record's sentence, then to the group's evidence string."""
    if record is not None:
        start, end = record["start"], record["end"]
        if article is not None and article[start:end] == record["text"]:
            lo, hi = paragraph_bounds(article, start, end)
            text = Text(article[lo:hi])
        else:  # the article is not at hand (or is not the one extracted): the sentence alone
            lo, hi = start, end
            text = Text(record["text"])
        text.stylize(SENTENCE_STYLE, start - lo, end - lo)
        for span, style in _spans(record):
            if lo <= span["start"] and span["end"] <= hi:
                text.stylize(style, span["start"] - lo, span["end"] - lo)
        return text
    evidence = member.get("evidence") or ""
    text = Text(evidence)
    for value, style in ((member.get("source"), STYLE["speaker"]),
                         (member.get("figure") or member.get("target"), STYLE["casualty figure"])):
        at = evidence.find(value) if value else -1
        if at >= 0:
            text.stylize(style, at, at + len(value))
    return text


class Articles:
    """Article texts by document id: those read in this run, else files found under the
    given folders (or the id itself as a path), read when first asked for."""

    def __init__(self, texts: dict[str, str] | None = None, folders: list[Path] | None = None):
        self.texts = dict(texts or {})
        self.folders = list(folders or [])
        self.missing: set[str] = set()

    def get(self, doc: str) -> str | None:
        if doc in self.texts:
            return self.texts[doc]
        if doc in self.missing:
            return None
        from claimx.sources import decode

        for path in [*(f / doc for f in self.folders), Path(doc)]:
            try:
                data = path.read_bytes()
            except OSError:
                continue
            text, _ = decode(data, str(path))
            if text is not None:
                self.texts[doc] = text
                return text
        self.missing.add(doc)
        return None
