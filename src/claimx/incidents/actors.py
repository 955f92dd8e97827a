"""Canonical actors from `patterns/actors.json`: "Russian warplanes", "Moscow" and "Russian jets"
are all Russia; a text naming no known actor (a time, a weapon, a pronoun) has none."""

from __future__ import annotations

import re
from functools import lru_cache

from claimx import rules


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower().replace("'s", "s").replace("’s", "s")))


@lru_cache(maxsize=1)
def _aliases() -> list[tuple[str, str, bool]]:
    """(alias words, actor, case-sensitive) longest first, so that "Syrian Democratic Forces"
    is found before "Syrian forces" could be."""
    data = rules.load("actors.json")
    out = []
    for n, entry in enumerate(data.get("actors") or ()):
        if not isinstance(entry.get("actor"), str) or not isinstance(entry.get("aliases"), list):
            raise rules.PatternError(f"actors.json: entry 'actors' item {n}: needs \"actor\" and \"aliases\"")
        for alias in entry["aliases"]:
            # an all-capital short alias ("IS", "US") is an acronym only in capitals: "is" and "us" are words
            out.append((alias if alias.isupper() else _words(alias), entry["actor"], alias.isupper()))
    return sorted(out, key=lambda a: -len(a[0]))


def actor(text: str | None) -> str | None:
    """The canonical actor a phrase names (the one named first when it names several)."""
    if not text:
        return None
    low = f" {_words(text)} "
    hits = []
    for alias, name, exact in _aliases():
        where = re.search(rf"(?<![\w.-]){re.escape(alias)}(?![\w-])", text) if exact else \
            re.search(rf" {re.escape(alias)} ", low)
        if where:
            hits.append((where.start() / (len(text) if exact else len(low)), -len(alias), name))
    return min(hits)[2] if hits else None
