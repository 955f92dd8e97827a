"""The claimx/1 record contract (../shared/SPEC.md) as pydantic models.

Components produce plain dicts in exactly this shape; `Record.validate_python` checks them
and `claimx schema` prints the JSON Schema generated from here.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

SCHEMA = "claimx/1"


class Span(BaseModel):
    """Character offsets into the document text as read: text == document[start:end]."""

    model_config = ConfigDict(extra="allow")
    text: str
    start: int
    end: int


class Speaker(Span):
    name: str | None = None
    type: Literal["person", "organization", "country", "group", "anonymous", "unknown"] = "unknown"
    title: str | None = None


class Cue(Span):
    lemma: str


class Content(Span):
    parts: list[Span] | None = None


class Figure(Span):
    value: int
    low: int | None
    high: int | None
    qualifier: Literal["exact", "at_least", "more_than", "about", "up_to", "less_than", "vague"]


class Victims(Span):
    category: Literal["civilians", "children", "women", "combatants", "people", "other"]


class NamedSpan(Span):
    name: str | None = None


class Geo(BaseModel):
    """A place resolved in the GeoNames gazetteer; `admin1` is GeoNames' first-level code ("SY.09")."""

    model_config = ConfigDict(extra="allow")
    name: str
    admin1: str | None
    country: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    level: Literal["city", "admin1", "country"]


class Place(Span):
    geo: Geo | None = None  # null when the gazetteer does not resolve the place: never a guess


class EventPlace(Geo):
    basis: Literal["place", "sentence", "article"]  # the record's place, its sentence, or the article's main place


class EventDate(BaseModel):
    """The day or window of the event, resolved against the article's date."""

    model_config = ConfigDict(extra="allow")
    start: str
    end: str
    basis: Literal["sentence", "article", "article date"] | None = None


class Attacker(NamedSpan):
    actor: str | None = None  # canonical actor from patterns/actors.json


class Incident(BaseModel):
    """What tells a figure's event apart, as the casualty component reads it, and its actor."""

    model_config = ConfigDict(extra="allow")
    date: str | None = None
    weekday: str | None = None
    attacker: str | None = None
    actor: str | None = None  # canonical actor (patterns/actors.json)


class Target(Span):
    category: Literal["militants", "rebels", "civilians", "military", "infrastructure", "area", "other"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)
    schema_: Literal["claimx/1"] = Field(SCHEMA, alias="schema")
    doc: str
    id: str
    start: int
    end: int
    text: str


class Claim(_Record):
    kind: Literal["claim"] = "claim"
    speaker: Speaker | None
    cue: Cue | None
    content: Content
    quote: Literal["direct", "indirect", "mixed"]


class Casualty(_Record):
    kind: Literal["casualty"] = "casualty"
    figure: Figure
    outcome: Literal["killed", "injured", "casualties"]
    victims: Victims | None
    source: NamedSpan | None
    claim: str | None
    place: Place | None
    scope: Literal["incident", "cumulative"]
    incident: Incident | None = None
    event_date: EventDate | None = None
    event_place: EventPlace | None = None
    article_date: str | None = None
    event_weekday: str | None = None  # an undated article's weekday of the event
    attack: list[str] = Field(default_factory=list)  # kinds of attack the sentence names (patterns/attacks.json)
    subcount: bool = False  # a part of a larger toll ("six children among the dead")
    part_of: str | None = None  # the id of that toll in the same document, when extracted


class Strike(_Record):
    kind: Literal["strike"] = "strike"
    trigger: Span
    attacker: Attacker | None
    target: Target | None
    place: Place | None
    count: int | None
    source: NamedSpan | None
    claim: str | None
    hypothetical: bool = False
    negated: bool = False
    event_date: EventDate | None = None
    event_place: EventPlace | None = None
    article_date: str | None = None
    event_weekday: str | None = None
    attack: list[str] = Field(default_factory=list)


Record = TypeAdapter(Annotated[Claim | Casualty | Strike, Field(discriminator="kind")])
KINDS = ("claim", "casualty", "strike")


def json_schema() -> dict:
    return Record.json_schema(by_alias=True)
