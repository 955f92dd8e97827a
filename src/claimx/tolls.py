"""How a casualty figure relates to a toll, from the words around it (`patterns/tolls.json`):
a part of a larger toll ("six children among the dead"), or the killed and the injured
counted together ("scores were killed and injured"). Pure text: the casualty component and
the incident enrichment both ask."""

from __future__ import annotations

import re
from functools import lru_cache

from claimx import rules

PART_WINDOW = 40  # characters after (or before) a figure where "among the dead" makes it a part


@lru_cache(maxsize=1)
def _toll_cues() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    data = rules.load("tolls.json", required={"part_after": list, "part_before": list, "combined": list})

    def alternation(words):
        return "|".join(re.escape(w) for w in sorted(data[words], key=len, reverse=True))

    return (re.compile(rf"^\W*(?:\w+\W+){{0,2}}?(?:{alternation('part_after')})\b", re.I),
            re.compile(rf"\b(?:{alternation('part_before')})\W*(?:\w+\W+){{0,2}}$", re.I),
            re.compile(rf"^\W*(?:\w+\W+){{0,4}}?(?:{alternation('combined')})\b", re.I))


def is_part(text: str, start: int, end: int) -> bool:
    """The figure at text[start:end] is stated as part of a larger toll ("six children among the dead")."""
    after, before, _ = _toll_cues()
    return bool(after.search(text[end : end + PART_WINDOW]) or before.search(text[max(start - PART_WINDOW, 0) : start]))


def is_combined(text: str, end: int) -> bool:
    """The figure ending at text[end] counts the killed and the injured together ("scores were killed and injured")."""
    return bool(_toll_cues()[2].search(text[end : end + PART_WINDOW]))
