"""Line roles in an article: prose, headings, and non-article lines (link lists, bylines,
credits) that must never yield records. Pure text, no spaCy."""

from __future__ import annotations

import re
from bisect import bisect_right

_LINK = re.compile(r"^\s*[›•»▶]")
_RELATED = re.compile(r"^\s*(RELATED|READ MORE|SEE ALSO|MORE ON)\b[A-Z\s:]*$")
_CREDIT = re.compile(r"^\s*(By [A-Z][\w.'’-]+( [A-Z][\w.'’-]+)*( and [A-Z][\w.'’-]+( [A-Z][\w.'’-]+)*)?\s*$"
                     r"|\((Additional )?[Rr]eporting by|\(Writing by|\(Editing by|Continue reading)")
_PROSE_END = re.compile(r"[.!?…][\"”’')\]]*\s*$")


def line_roles(text: str) -> list[tuple[int, int, str]]:
    """(start, end, role) for every non-empty line; role is "prose", "heading" or "skip"."""
    roles: list[tuple[int, int, str]] = []
    in_related = False
    pos = 0
    lines = text.splitlines(keepends=True)
    single = sum(1 for line in lines if line.strip()) <= 1  # a lone line is the text, not a heading
    for line in lines:
        start, end = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        body = text[start:end]
        if not body.strip():
            continue
        prose = bool(_PROSE_END.search(body)) and len(body.split()) > 3
        if _RELATED.match(body):
            in_related, role = True, "skip"
        elif in_related and not prose or _LINK.match(body) or _CREDIT.match(body):
            role = "skip"
        else:
            in_related = False
            role = "prose" if prose or single or len(body.split()) > 14 else "heading"
        roles.append((start, end, role))
    return roles


def role_at(roles: list[tuple[int, int, str]], offset: int) -> str:
    """The role of the line holding `offset` ("prose" between lines)."""
    i = bisect_right(roles, offset, key=lambda r: r[0]) - 1
    return roles[i][2] if i >= 0 and offset < roles[i][1] else "prose"
