"""The claimx/1 record contract (../shared/SPEC.md) as pydantic models.

Components produce plain dicts in this shape; `complete` gives every record of a kind the
same keys (a field a component leaves out is written as its default, null or false), and
`claimx schema` prints the JSON Schema generated from here. A field added to a model below is
thereby on every record and in the schema.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from functools import cache
from typing import Annotated, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter
from pydantic_core import PydanticUndefined

SCHEMA = "claimx/1"


ALWAYS_WRITTEN = ConfigDict(extra="allow", populate_by_name=True, json_schema_serialization_defaults_required=True)


class Span(BaseModel):
    """Character offsets into the document text as read: text == document[start:end]."""

    model_config = ALWAYS_WRITTEN
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

    model_config = ALWAYS_WRITTEN
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

    model_config = ALWAYS_WRITTEN
    start: str
    end: str
    basis: Literal["sentence", "article", "article date"] | None = None


class Attacker(NamedSpan):
    actor: str | None = None  # canonical actor from patterns/actors.json


class Incident(BaseModel):
    """What tells a figure's event apart, as the casualty component reads it, and its actor."""

    model_config = ALWAYS_WRITTEN
    date: str | None = None
    weekday: str | None = None
    attacker: str | None = None
    actor: str | None = None  # canonical actor (patterns/actors.json)


class Target(Span):
    category: Literal["militants", "rebels", "civilians", "military", "infrastructure", "area", "other"]


class _Record(BaseModel):
    model_config = ALWAYS_WRITTEN
    schema_: Literal["claimx/1"] = Field(SCHEMA, alias="schema")
    doc: str
    id: str
    kind: str
    start: int
    end: int
    text: str
    rule: str | None = None  # id of the rule in patterns/ that produced the record (SPEC.md, additive)
    date: str | None = None  # from JSON-lines input


class Claim(_Record):
    kind: Literal["claim"] = "claim"
    speaker: Speaker | None
    cue: Cue | None
    content: Content
    quote: Literal["direct", "indirect", "mixed"]
    continuation: bool = False  # a quote continuing the previous claim's
    headline: bool = False


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
    same_as: str | None = None  # the id of the earlier strike in the same document this mention repeats


Record = TypeAdapter(Annotated[Claim | Casualty | Strike, Field(discriminator="kind")])
KINDS = ("claim", "casualty", "strike")
# fields holding the id of another record of the same document
LINKS = ("claim", "part_of", "same_as")


MODELS = {"claim": Claim, "casualty": Casualty, "strike": Strike}


@cache
def _fields(model: type[BaseModel]) -> list[tuple[str, Callable[[], object], type[BaseModel] | None]]:
    """(key, default maker, nested model) for each field of `model`, in order."""
    out = []
    for name, info in model.model_fields.items():
        options = get_args(info.annotation) if get_origin(info.annotation) in (Union, types.UnionType) else (
            info.annotation,)
        nested = next((t for t in options if isinstance(t, type) and issubclass(t, BaseModel)), None)
        if info.default_factory is not None:
            make = info.default_factory
        else:
            default = None if info.default is PydanticUndefined else info.default
            make = lambda default=default: default  # noqa: E731
        out.append((info.alias or name, make, nested))
    return out


def complete(record: dict, model: type[BaseModel] | None = None) -> dict:
    """Every key of the record's model, in the model's order, missing ones as their default
    (null, false or empty), nested objects alike; keys beyond the model (JSON-lines fields)
    follow. In place; returns the record."""
    known = {}
    for key, make, nested in _fields(model or MODELS[record["kind"]]):
        value = record.pop(key) if key in record else make()
        if nested is not None and isinstance(value, dict):
            complete(value, nested)
        known[key] = value
    extra = dict(record)
    record.clear()
    record.update(known, **extra)
    return record


def json_schema() -> dict:
    """Every field listed and required (it is always written, if only as null or false). Only
    a record itself is open (JSON-lines input fields pass through onto it); the objects inside
    it have exactly the properties listed."""
    schema = Record.json_schema(by_alias=True, mode="serialization")
    records = {model.__name__ for model in MODELS.values()}
    for name, definition in schema["$defs"].items():
        definition["additionalProperties"] = name in records
    return schema
