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
    rule: str | None = None  # id of the rule in patterns/ that produced the record (SPEC.md, additive)


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
    place: Span | None
    scope: Literal["incident", "cumulative"]


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


def json_schema() -> dict:
    return Record.json_schema(by_alias=True)
