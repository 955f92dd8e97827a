"""The claimx/1 record contract (../shared/SPEC.md) as pydantic models.

Components produce plain dicts in this shape; `complete` gives every record of a kind the
same keys (a field a component leaves out is written as its default, null or false), and
`claimx schema` prints the JSON Schema generated from here. A field added to a model below is
thereby on every record and in the schema.
"""

from __future__ import annotations

import types
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


class Target(Span):
    category: Literal["militants", "rebels", "civilians", "military", "infrastructure", "area", "other"]


class Incident(BaseModel):
    """What tells one incident from another (used by `compare`)."""

    model_config = ALWAYS_WRITTEN
    date: str | None = None
    weekday: str | None = None
    attacker: str | None = None


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
    place: Span | None
    scope: Literal["incident", "cumulative"]
    incident: Incident | None = None


class Strike(_Record):
    kind: Literal["strike"] = "strike"
    trigger: Span
    attacker: NamedSpan | None
    target: Target | None
    place: Span | None
    count: int | None
    source: NamedSpan | None
    claim: str | None
    hypothetical: bool = False
    negated: bool = False


Record = TypeAdapter(Annotated[Claim | Casualty | Strike, Field(discriminator="kind")])
KINDS = ("claim", "casualty", "strike")


MODELS = {"claim": Claim, "casualty": Casualty, "strike": Strike}


def _defaults(model: type[BaseModel]) -> list[tuple[str, object, type[BaseModel] | None]]:
    """(key, default, nested model) for each field of `model`, in order."""
    out = []
    for name, info in model.model_fields.items():
        options = get_args(info.annotation) if get_origin(info.annotation) in (Union, types.UnionType) else (
            info.annotation,)
        nested = next((t for t in options if isinstance(t, type) and issubclass(t, BaseModel)), None)
        default = None if info.default is PydanticUndefined else info.default
        out.append((info.alias or name, default, nested))
    return out


_FIELDS = {model: _defaults(model) for model in {*MODELS.values(), Span, Speaker, Cue, Content, Figure, Victims,
                                                 NamedSpan, Target, Incident}}


def complete(record: dict, model: type[BaseModel] | None = None) -> dict:
    """Every key of the record's model, in the model's order, missing ones as their default
    (null or false), nested objects alike; keys beyond the model (JSON-lines fields) follow.
    In place; returns the record."""
    fields = _FIELDS[model or MODELS[record["kind"]]]
    known = {}
    for key, default, nested in fields:
        value = record.pop(key, default)
        if nested is not None and isinstance(value, dict):
            complete(value, nested)
        known[key] = value
    extra = dict(record)
    record.clear()
    record.update(known, **extra)
    return record


def json_schema() -> dict:
    """Every field listed and required (it is always written, if only as null or false)."""
    return Record.json_schema(by_alias=True, mode="serialization")
