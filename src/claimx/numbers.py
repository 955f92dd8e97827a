"""Number normalisation: the words news uses for quantities of people, as numbers.

Pure (no spaCy): the casualty component feeds it token texts, the table tests feed it
phrases. Values follow SPEC.md: vague terms take the smallest number they commit to.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass

_WORD = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_]+(?:['’][^\W\d_]+)?|[-–—]")
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")
_GROUP_LEAD = re.compile(r"[1-9]\d{0,2}")  # "12" of "12 500": a number's first group, before a space
_GROUP = re.compile(r"\d{3}")
MONTHS = {m.lower() for m in (*calendar.month_name[1:], *calendar.month_abbr[1:])} | {"sept"}  # lower-cased


RULE_FILE = {"numbers.json": {"units": dict, "tens": dict, "multipliers": dict, "vague": dict, "qualifiers": dict,
                               "clause_after_group": list}}


@dataclass(frozen=True)
class Quantity:
    value: int
    low: int | None
    high: int | None
    qualifier: str

    @classmethod
    def qualified(cls, value: int, qualifier: str) -> Quantity:
        """Bounds implied by a qualifier; open bounds are None."""
        low, high = {
            "exact": (value, value),
            "at_least": (value, None),
            "more_than": (value, None),
            "vague": (value, None),
            "up_to": (None, value),
            "less_than": (None, value),
        }.get(qualifier, (None, None))
        return cls(value, low, high, qualifier)


def words_of(phrase: str) -> list[str]:
    """Split a phrase the way the tokenizer does for numbers ("thirty-three" -> 3 words)."""
    return _WORD.findall(phrase.lower())


def _phrases(table: dict[str, object]) -> dict[tuple[str, ...], object]:
    return {tuple(k.split()): v for k, v in table.items()}


class NumberReader:
    """Reads quantity phrases from word sequences, driven by `patterns/numbers.json`."""

    def __init__(self, table: dict):
        self.units: dict[str, int] = table["units"]
        self.tens: dict[str, int] = table["tens"]
        self.multipliers: dict[str, int] = table["multipliers"]
        self.single = set(table["single"])
        self.zero = _phrases(dict.fromkeys(table["zero_words"], 0))
        self.vague = _phrases(table["vague"])
        self.approximate = _phrases(table["approximate"])
        self.qualifiers = _phrases(table["qualifiers"])
        self.range_joiners = set(table["range_joiners"])
        self.clause_after_group = set(table["clause_after_group"])
        self.max_phrase = max(len(k) for k in (*self.vague, *self.approximate, *self.qualifiers, *self.zero))
        self.starters = (
            set(self.units) | set(self.tens) | set(self.multipliers) | self.single
            | {k[0] for k in (*self.zero, *self.vague, *self.approximate, *self.qualifiers)}
            | {"between"}
        )

    def may_start(self, word: str) -> bool:
        """Cheap test: can a quantity phrase start at this (lower-cased) word?"""
        return word in self.starters or word[:1].isdigit()

    @staticmethod
    def _longest(table: dict[tuple[str, ...], object], words: Sequence[str], at: int, limit: int):
        for n in range(min(limit, len(words) - at), 0, -1):
            hit = table.get(tuple(words[at : at + n]))
            if hit is not None:
                return n, hit
        return 0, None

    def cardinal(self, words: Sequence[str], at: int = 0) -> tuple[int, int] | None:
        """A plain number ("290,000", "1.5 million", "thirty-three", "two hundred and five")
        at words[at]: (words consumed, value)."""
        i, total, current, last = at, 0, 0.0, None  # last: the kind of the previous number word
        while i < len(words):
            w = words[i]
            if _DIGITS.fullmatch(w) and last is None:
                groups = self.space_groups(words, i)
                current, last = float("".join(words[i : i + 1 + groups]).replace(",", "")), "digits"
                i += groups
            elif w in self.single and last is None and i + 1 < len(words) and words[i + 1] in self.multipliers:
                current, last = 1.0, "units"  # "a hundred", "one thousand"
            elif w in self.units and last in (None, "tens", "scale"):
                current, last = current + self.units[w], "units"
            elif w in self.tens and last in (None, "scale"):
                current, last = current + self.tens[w], "tens"
            elif w == "hundred" and last in ("units", "tens", "digits") and current < 100:
                current, last = current * 100, "scale"
            elif w in self.multipliers and w != "hundred" and last in ("units", "tens", "digits", "scale"):
                total, current, last = total + current * self.multipliers[w], 0.0, "scale"
            elif w in ("-", "and") and last and i + 1 < len(words) and self._continues(words[i + 1], w, last):
                pass
            else:
                break
            i += 1
        seen = last is not None
        if not seen:
            return None
        value = total + current
        if value != int(value):
            return None  # "1.5" alone is not a count of people
        return i - at, int(value)

    def space_groups(self, words: Sequence[str], at: int) -> int:
        """How many words after words[at] are its thousands written with spaces ("1 000",
        "12 500", "1 000 000" in noisy text): groups of exactly three digits after one of one to
        three without a leading zero. None where the digits read rather as neighbouring numbers
        (commas stripped): a list ("101 102 and 103"), and unless every group is 000 (no count
        is written so), a day ("March 15 200 people") or a figure with its own verb or outcome
        ("killed 3 200 were injured")."""
        if not _GROUP_LEAD.fullmatch(words[at]):
            return 0
        n = 0
        while at + n + 1 < len(words) and _GROUP.fullmatch(words[at + n + 1]):
            n += 1
        after = words[at + n + 1 : at + n + 3]
        if not n or after[:1] and (after[0][:1].isdigit() or after[0] in self.range_joiners and after[1:2]
                                   and after[1][:1].isdigit()):
            return 0
        if all(w == "000" for w in words[at + 1 : at + n + 1]):
            return n
        if at and words[at - 1].rstrip(".") in MONTHS or after[:1] and after[0] in self.clause_after_group:
            return 0
        return n

    def _continues(self, nxt: str, joiner: str, last: str) -> bool:
        """A hyphen or 'and' inside one number: "thirty-three", "two hundred and five"."""
        if joiner == "-":
            return nxt in self.units and last == "tens"
        return (nxt in self.units or nxt in self.tens) and last == "scale"

    def _amount(self, words: Sequence[str], at: int) -> tuple[int, int, str] | None:
        """One amount without qualifier: (words consumed, value, qualifier)."""
        n, v = self._longest(self.approximate, words, at, self.max_phrase)
        if n:
            return n, v, "about"
        n, v = self._longest(self.vague, words, at, self.max_phrase)
        if n:
            return n, v, "vague"
        n, v = self._longest(self.zero, words, at, self.max_phrase)
        if n:
            return n, v, "exact"
        got = self.cardinal(words, at)
        if got:
            return got[0], got[1], "exact"
        if words[at] in self.single:
            return 1, 1, "exact"
        return None

    def match(self, words: Sequence[str], at: int = 0) -> tuple[int, Quantity] | None:
        """The longest quantity phrase starting at words[at]: qualifier, range or amount."""
        if at >= len(words):
            return None
        if words[at] == "between":
            first = self.cardinal(words, at + 1)
            if first and at + 1 + first[0] < len(words) and words[at + 1 + first[0]] == "and":
                second = self.cardinal(words, at + 2 + first[0])
                if second:
                    lo, hi = first[1], second[1]
                    return 2 + first[0] + second[0], Quantity(lo, lo, hi, "about")
            return None
        nq, qualifier = self._longest(self.qualifiers, words, at, self.max_phrase)
        if nq:
            amount = self._amount(words, at + nq) if at + nq < len(words) else None
            if amount is None or amount[2] != "exact" or words[at + nq] in self.single:
                nq, qualifier = 0, None  # "some people", "over a", "about no": no qualifier here
                amount = self._amount(words, at)
        else:
            amount = self._amount(words, at)
        if amount is None:
            return None
        n, value, kind = amount
        end = at + nq + n
        if kind == "exact" and qualifier is None and end + 1 < len(words) and words[end] in self.range_joiners:
            second = self.cardinal(words, end + 1)
            if second and second[1] > value:
                return end + 1 + second[0] - at, Quantity(value, value, second[1], "about")
        return end - at, Quantity.qualified(value, qualifier or kind)

    def parse(self, phrase: str) -> Quantity | None:
        """A whole phrase: "at least 33", "dozens", "two women and a child" (parts add up)."""
        words = words_of(phrase)
        total: Quantity | None = None
        i = 0
        while i < len(words):
            got = self.match(words, i)
            if got is None:
                return total if total and i == len(words) else None
            n, q = got
            total = q if total is None else Quantity.qualified(total.value + q.value, total.qualifier)
            i += n
            while i < len(words) and words[i] not in ("and", ","):
                i += 1  # the noun counted: "women", "child"
            i += 1
        return total
