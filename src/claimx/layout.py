"""Line roles in an article: prose, headings, and non-article text (link lists, bylines,
credits, date lines, share bars, tag and comment blocks) that must never yield records.
Pure text, no spaCy.

Scraped pages often lose their line breaks (every FA-KES article is one line: "Wed 05 Apr
2017 Syria attack ... Print Tweet Views 729 Related ..."), so page furniture is found by its
shape inside a line too, and the line is cut into pieces around it."""

from __future__ import annotations

import re
from bisect import bisect_right

_LINK = re.compile(r"^\s*[›•»▶]")
_RELATED = re.compile(r"^\s*(RELATED|READ MORE|SEE ALSO|MORE ON)\b[A-Z\s:]*$")
_CREDIT = re.compile(r"^\s*(By [A-Z][\w.'’-]+( [A-Z][\w.'’-]+)*( and [A-Z][\w.'’-]+( [A-Z][\w.'’-]+)*)?\s*$"
                     r"|\((Additional )?[Rr]eporting by|\(Writing by|\(Editing by|Continue reading)")
_PROSE_END = re.compile(r"[.!?…][\"”’')\]]*\s*$")

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?)"
_YEAR = r"(?:19|20)\d\d"
# A time of day: "at 0914", "16:06", "KSA 16:06", "0742 PM", "1849 UTC+3" (a bare "1200" after a
# date may be a count).
_CLOCK = (r"(?:(?:[A-Z]{2,4}\s+)?(?:at\s+(?:[01]?\d|2[0-3]):?[0-5]\d|(?:[01]?\d|2[0-3]):[0-5]\d"
          r"|(?:[01]?\d|2[0-3])[0-5]\d(?=\s*(?:GMT|UTC|[AP]M\b)))(?!\d)"
          r"(?:\s*(?:GMT|UTC(?:[+-]\d{1,2})?|[AP]\.?M\.?))?)")
# A date line: "Wed 05 Apr 2017 at 0914", "Published February 18 2015", "Last updated at Apr 232017"
# (day glued to year), "09-03-2015 0415 PM", "2159 18.05.2017(updated 2204 18.05.2017)",
# "Last Update: Saturday 7 October 2017 KSA 16:06 - GMT 13:06".
_DATELINE = re.compile(
    rf"(?:(?:Published|Posted|Updated|Last [Uu]pdated?|Date of publication)(?:\s+(?:at|on))?:?\s+)?"
    rf"(?:(?:{_WEEKDAY},?\s+)?"
    rf"(?:\d{{1,2}}\s+{_MONTH},?\s+{_YEAR}|{_MONTH}\s+\d{{1,2}},?\s*{_YEAR}|{_MONTH},?\s+{_YEAR}"
    rf"|(?:(?:[01]\d|2[0-3])[0-5]\d\s+)?\d{{1,2}}([./-])\d{{1,2}}\1{_YEAR})(?!\d|[./:-]\d)"
    rf"|{_WEEKDAY}\s+\d{{1,2}}(?=\s*$))"
    rf"(?:\s*(?:[-|]\s*)?{_CLOCK})*(?:\s*\(updated[^()]*\))?"
)
# Words before a date that make it part of a sentence ("on 21 August 2013", "since March 2011").
_PROSE_BEFORE = frozenset({
    "on", "in", "of", "since", "until", "till", "by", "from", "to", "before", "after", "between", "and", "or",
    "the", "a", "an", "this", "that", "last", "early", "late", "mid", "dated", "during", "through", "as", "at",
    "than"})
# Share bars and counters: runs of page-interface words and bare counts ("Print Tweet Views 729",
# "Get short URL 0 55", "Like Follow Follow", "Community standardsDiscussion Comment via Facebook").
_UI = (r"(?:Comment via(?: [A-Z][a-z]+)+|Print|Tweet|Share|E-?mail|Views?|Like|Follow"
       r"|Subscribe|Comments?|Discussion|Reply|Facebook|Twitter|WhatsApp|Telegram|Google\+|LinkedIn|Reddit"
       r"|Pinterest|Get short URL|Community standards|Copyright\s*©?|©)")
_COUNT = r"\d{1,6}(?![\d.:,/%])"
# An interface word with at most two counts ("Get short URL 0 85 12 Daesh terrorists ...": the
# third number is the article's); a bar is two or more of them, or a counter and its count.
_UNIT = rf"{_UI}(?![a-z])(?:\s*{_COUNT}){{0,2}}"
_SHARE_BAR = re.compile(rf"(?:{_UNIT}(?:\s*{_UNIT})+"
                        rf"|(?:Views?|Comments?|Shares?|Get short URL)(?:\s*{_COUNT}){{1,2}})")
# Photo and agency credits: "(AFP Photo)", "(TRT World and Agencies)", and a short name in
# parentheses where a sentence would start (". (Reuters) Western powers say ...").
_PARENS = re.compile(r"\(([^()\n]{1,80})\)")
_PHOTO_CREDIT = re.compile(r"(?:[^()\n]{0,40}\s)?(?:[Pp]hoto|[Aa]gencies)(?:\s[^()\n]{0,40})?")
_NAME_CREDIT = re.compile(r"(?:With )?[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,2}")
_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?\"”] )$")
_SENTENCE_AFTER = re.compile(r"\s*(?:[-–—]\s*)?(?:[A-Z\"“(]|$)")
# A related-headlines list with no line breaks runs until the article resumes: a capitalised
# article or quantifier ("A car bomb ...", "At least 22 ..."), a dash, or a sentence end.
_RELATED_RUN = re.compile(
    r"(?:Related (?:News|Articles|Stories|Posts|Content)|Most (?:Read|Popular)|More [Ss]tories)\b.*"
    r"|Related(?= [A-Z0-9])(?:(?!\s(?:A|An|The|At least|More than)\s|\s-)[^.!?\n])*"
)
# Tag lines and topic links: "Tags Syria Aleppo airstrikes" up to the comment block or the end,
# "Topic Battle for the City (180)".
_TAGS = re.compile(r"Tags (?=[A-Za-z])[^.!?\n\"]{0,200}?(?=Community standards|Comment via|$)"
                   r"|Topic [^.!?\n()]{0,80}\(\d+\)")
# Where a date line may end: a year, or a day at the end of the line ("AFP Tuesday 14").
_DATE_END = re.compile(r"(?:19|20)\d\d(?!\d)|\d(?=\s*$)")
_WORD_START = re.compile(r"\b\w")
_NON_SPACE = re.compile(r"\S")
_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")
_NEXT_WORD = re.compile(r"\W*(\w)")


def _in_sentence(line: str, start: int, end: int) -> bool:
    """A date that a sentence runs through: a preposition or article before it, or, unless
    the line opens with it, a lower-case word right after it ("said Tuesday Sept. 30 2015 that")."""
    if not _NON_SPACE.search(line, 0, start):  # the line opens with it: "Mon Jul 11 2016 title: ..."
        return False
    before = _LAST_WORD.search(line, max(0, start - 40), start)
    after = _NEXT_WORD.match(line, end, end + 40)
    return bool(before and before.group(1).lower() in _PROSE_BEFORE or after and after.group(1).islower())


def _datelines(line: str):
    """Date lines, found from the years (and line-final days) they end with: trying the date
    pattern only at the few words before each is much faster than at every character."""
    done = 0
    for date_end in _DATE_END.finditer(line):
        if date_end.start() < done:
            continue
        for word in _WORD_START.finditer(line, max(done, date_end.start() - 60), date_end.start() + 1):
            m = _DATELINE.match(line, word.start())
            if m and m.end() > date_end.start():
                done = m.end()
                if not _in_sentence(line, m.start(), m.end()):
                    yield m.start(), m.end()
                break


def _credits(line: str):
    for m in _PARENS.finditer(line):
        inner = m.group(1)
        if _PHOTO_CREDIT.fullmatch(inner) or _NAME_CREDIT.fullmatch(inner) and (
                _SENTENCE_BEFORE.search(line, max(0, m.start() - 2), m.start())
                and _SENTENCE_AFTER.match(line, m.end())):
            yield m.start(), m.end()


def furniture(line: str) -> list[tuple[int, int]]:
    """Stretches of a line that are page furniture, not article text: (start, end) within
    the line, sorted, not overlapping, each with the white space after it."""
    found = [*_datelines(line), *_credits(line)]
    for pattern in (_SHARE_BAR, _RELATED_RUN, _TAGS):
        for m in pattern.finditer(line):
            if m.start() == 0 or not (line[m.start() - 1].isalpha() or line[m.start() - 1] == "-"):
                found.append(m.span())
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        while end < len(line) and line[end].isspace():
            end += 1
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _pieces(start: int, body: str, role: str) -> list[tuple[int, int, str]]:
    """The line cut around its furniture: furniture pieces "skip", the rest the line's role."""
    out, at = [], 0
    for s, e in furniture(body):
        if body[at:s].strip():
            out.append((start + at, start + s, role))
        out.append((start + s, start + e, "skip"))
        at = e
    if body[at:].strip():
        out.append((start + at, start + len(body), role))
    return out


def line_roles(text: str) -> list[tuple[int, int, str]]:
    """(start, end, role) for every non-empty line, or piece of a line around its furniture;
    role is "prose", "heading" or "skip"."""
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
        roles.extend([(start, end, role)] if role == "skip" else _pieces(start, body, role))
    return roles


def role_at(roles: list[tuple[int, int, str]], offset: int) -> str:
    """The role of the line (piece) holding `offset` ("prose" between lines)."""
    i = bisect_right(roles, offset, key=lambda r: r[0]) - 1
    return roles[i][2] if i >= 0 and offset < roles[i][1] else "prose"
