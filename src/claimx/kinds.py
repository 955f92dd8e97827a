"""The one registry of record kinds: what a new kind needs is one entry here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from pydantic import BaseModel

from claimx.records import KINDS, Casualty, Claim, Strike


@dataclass(frozen=True)
class Kind:
    name: str  # the record's `kind`
    plural: str  # in messages and summaries
    prefix: str  # record ids: c1, f1, s1
    component: str  # spaCy factory name
    extension: str  # Doc extension holding the records; also the doc.spans key of its rule matches
    rule_file: str  # patterns/<rule_file>: one rule a line
    model: type[BaseModel]  # the claimx/1 contract for this kind
    anchor: str  # the record's span its rule fired on: where `show --rules` marks it


REGISTRY = {
    k.name: k
    for k in (
        Kind("claim", "claims", "c", "claimx_claims", "claimx_claims", "claims.jsonl", Claim, "cue"),
        Kind("casualty", "casualties", "f", "claimx_casualties", "claimx_casualties", "casualties.jsonl", Casualty,
             "figure"),
        Kind("strike", "strikes", "s", "claimx_strikes", "claimx_strikes", "strikes.jsonl", Strike, "trigger"),
    )
}
assert tuple(REGISTRY) == KINDS, "records.KINDS and the registry list the same kinds in the same order"


def record_id(kind: str, n: int) -> str:
    """The id of a document's n-th record of a kind (from 1)."""
    return f"{REGISTRY[kind].prefix}{n}"


def new_record(kind: str, n: int, rule: str, evidence: dict, **fields) -> dict:
    """A record body in the claimx/1 shape (the spine adds `schema` and `doc`), the one place
    components make them."""
    return {"id": record_id(kind, n), "kind": kind, **evidence, **fields, "rule": rule}


def contract_values(model: type[BaseModel], field: str) -> frozenset[str]:
    """The values a Literal field of a claimx/1 model allows (a category, an outcome)."""
    annotation = model.model_fields[field].annotation
    return frozenset(a for arg in get_args(annotation) for a in (get_args(arg) or (arg,)) if isinstance(a, str))
