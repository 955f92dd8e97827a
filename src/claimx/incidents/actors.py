"""Canonical actors from `patterns/actors.json`: "Russian warplanes", "Moscow" and "Russian jets"
are all Russia; a text naming no known actor (a time, a weapon, a pronoun) has none. And the
kinds of attack a sentence names (`patterns/attacks.json`): air strike, shelling, bombing..."""

from __future__ import annotations

import re
from functools import lru_cache

from claimx import rules


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower().replace("'s", "s").replace("’s", "s")))


@lru_cache(maxsize=1)
def _matchers() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    """Two alternations (longest alias first, so that "Syrian Democratic Forces" wins over
    "Syrian forces"): folded words, and all-capital acronyms ("IS", "US") matched only in
    capitals, where "is" and "us" are words; and each alias's actor."""
    data = rules.load("actors.json")
    exact, folded, names = [], [], {}
    for n, entry in enumerate(data.get("actors") or ()):
        if not isinstance(entry.get("actor"), str) or not isinstance(entry.get("aliases"), list):
            raise rules.PatternError(f"actors.json: entry 'actors' item {n}: needs \"actor\" and \"aliases\"")
        for alias in entry["aliases"]:
            key = alias if alias.isupper() else _words(alias)
            (exact if alias.isupper() else folded).append(key)
            names.setdefault(key, entry["actor"])

    def alternation(aliases):
        return "|".join(re.escape(a) for a in sorted(set(aliases), key=len, reverse=True))

    return (re.compile(rf"(?<![\w.-])(?:{alternation(exact)})(?![\w-])"),
            re.compile(rf"(?<= )(?:{alternation(folded)})(?= )"), names)


def actor(text: str | None) -> str | None:
    """The canonical actor a phrase names (the one named first when it names several)."""
    if not text:
        return None
    exact, folded, names = _matchers()
    low = f" {_words(text)} "
    hits = [(m.start() / len(text), names[m.group()]) for m in exact.finditer(text)]
    hits += [(m.start() / len(low), names[m.group()]) for m in folded.finditer(low)]
    return min(hits)[1] if hits else None


@lru_cache(maxsize=1)
def _attack_words() -> tuple[re.Pattern, dict[str, str]]:
    data = rules.load("attacks.json")
    names = {}
    for n, entry in enumerate(data.get("kinds") or ()):
        if not isinstance(entry.get("kind"), str) or not isinstance(entry.get("words"), list):
            raise rules.PatternError(f"attacks.json: entry 'kinds' item {n}: needs \"kind\" and \"words\"")
        for word in entry["words"]:
            names.setdefault(_words(word), entry["kind"])
    alternation = "|".join(re.escape(w) for w in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<= )(?:{alternation})(?= )"), names


def attack_kinds(text: str) -> list[str]:
    """The kinds of attack a sentence names, sorted ("killed in air strikes and shelling": both)."""
    pattern, names = _attack_words()
    return sorted({names[m.group()] for m in pattern.finditer(f" {_words(text)} ")})
