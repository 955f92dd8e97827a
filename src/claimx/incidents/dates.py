"""Event dates: when the attack a sentence reports happened, as a window of days resolved
against the article's date. Calendar dates are parsed by `dateparser` (against the article's
date, preferring the past); this module finds the few words that write one, resolves news
weekdays and relative words, and decides how wide the window is.

- an explicit date ("30 September 2015", "Sept. 30") is that day; a month alone is the month;
- a weekday ("on Tuesday") is, as news style uses it, the latest such day on or before the
  article's date (the article's own day included);
- "yesterday", "overnight", "last week", "earlier this month" are windows around the article's date.
Without an article date only a date carrying its year resolves; anything else is None.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from claimx.numbers import MONTHS

Window = tuple[dt.date, dt.date]

WEEKDAYS = [d.lower() for d in calendar.day_name]
# vague expressions dateparser reads as one day: (days back from the article's date: first, last)
RELATIVE_WINDOWS = {"overnight": (1, 0), "last night": (1, 0), "this week": (6, 0), "last week": (14, 1),
                    "past week": (7, 0), "earlier this week": (6, 0), "days ago": (7, 1), "recent days": (7, 0)}
CUES = set(WEEKDAYS) | MONTHS | {"yesterday", "today", "tonight", "overnight", "night", "week", "month", "ago"}
CALENDAR = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first",
            "PARSERS": ["absolute-time"]}
EVENT_PREPOSITIONS = {"on", "in", "since", "from", "until", "by", "before", "after"}
DATELINE_CHARS = 400  # a dateline (or a dated photo caption) is printed at the top of the article


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def parse_date(value: str) -> dt.date | None:
    """A date field in any common format ("7/27/2016" as FA-KES writes it, "2016-07-27", "27 July 2016")."""
    return _parsed(str(value))


MONTH_NUMBERS = {name.lower(): n for names in (calendar.month_name, calendar.month_abbr)
                 for n, name in enumerate(names) if n} | {"sept": 9}
WEEKDAY_NUMBERS = {name: n for names in (WEEKDAYS, map(str.lower, calendar.day_abbr)) for n, name in enumerate(names)}
# "9 August 2016", "Aug 9, 2016", "Wed 05 Apr 2017": the full dates most datelines print, read without dateparser
FULL_DATE = re.compile(r"(?:(?P<weekday>[A-Za-z]+),? )?(?:(?P<d1>\d{1,2}) (?P<m1>[A-Za-z]+) (?P<y1>(?:19|20)\d\d)"
                       r"|(?P<m2>[A-Za-z]+) (?P<d2>\d{1,2}),? (?P<y2>(?:19|20)\d\d))")
MONTH_OF_YEAR = re.compile(r"(?P<month>[A-Za-z]+) (?P<year>(?:19|20)\d\d)")  # "August 2013"
# "July", "July 5", "5 July"
MONTH_DAY = re.compile(r"(?P<m1>[A-Za-z]+)(?: (?P<d1>\d{1,2}))?|(?P<d2>\d{1,2}) (?P<m2>[A-Za-z]+)")


@lru_cache(maxsize=16384)  # datelines and date fields repeat across a corpus; dateparser takes ms a call
def _parsed(phrase: str, base: dt.date | None = None) -> dt.date | None:
    """The day `dateparser` reads in a phrase (relative to `base`, else to today), or None."""
    if (known := _full_date(phrase) or _month_of_year(phrase) or _month_day(phrase, base)) is not None:
        return known
    word = _word_before_a_full_date(phrase)
    if word in _NO_DATE_AFTER:
        return None
    parsed = _parser(base).get_date_data(phrase).date_obj
    if parsed is None and word is not None and len(_NO_DATE_AFTER) < 10_000:
        _NO_DATE_AFTER.add(word)
    return parsed.date() if parsed else None


# words (not month or day names) after which dateparser read no full date ("Published 9 August
# 2016", "publication 18 October 2015"): it reads none after them whatever the date (tests
# check), so a dateline's longest candidates need not go to it again, at a millisecond each
_NO_DATE_AFTER: set[str] = set()


def _word_before_a_full_date(phrase: str) -> str | None:
    """The lowercased first word of a phrase of a word and a full date (as _full_date reads
    it), when that word names no month or weekday; else None."""
    word, _, rest = phrase.partition(" ")
    word = word.lower()
    if not word.isalpha() or word in MONTH_NUMBERS or word in WEEKDAY_NUMBERS or _full_date(rest) is None:
        return None
    return word


def _full_date(phrase: str) -> dt.date | None:
    """A day, month name and year, after the day's weekday or not, as dateparser reads them
    (tests check that it agrees); else None."""
    if (m := FULL_DATE.fullmatch(phrase)) is None or (month := MONTH_NUMBERS.get((m["m1"] or m["m2"]).lower())) is None:
        return None
    try:
        day = dt.date(int(m["y1"] or m["y2"]), month, int(m["d1"] or m["d2"]))
    except ValueError:  # "31 June 2016": dateparser's to decide
        return None
    if m["weekday"] is not None and WEEKDAY_NUMBERS.get(m["weekday"].lower()) != day.weekday():
        return None  # "Published 9 August 2016", or a weekday the date does not fall on: dateparser's to decide
    return day


def _month_of_year(phrase: str) -> dt.date | None:
    """The first day of a month name and year, as dateparser reads them whatever the base date
    (tests check that it agrees; a month alone depends on the base in ways of its own); else None."""
    if (m := MONTH_OF_YEAR.fullmatch(phrase)) is None or (month := MONTH_NUMBERS.get(m["month"].lower())) is None:
        return None
    return dt.date(int(m["year"]), month, 1)


def _month_day(phrase: str, base: dt.date | None) -> dt.date | None:
    """A month name, with a day or not, and no year, as dateparser reads it against `base`,
    preferring the past: that day (else the month's first) in the latest year that does not put
    it after `base` (tests check that it agrees); else None. Event dates are mostly written so,
    each article with its own base: dateparser would take over a millisecond for each."""
    if base is None or (m := MONTH_DAY.fullmatch(phrase)) is None \
            or (month := MONTH_NUMBERS.get((m["m1"] or m["m2"]).lower())) is None:
        return None
    try:
        day = dt.date(base.year, month, int(m["d1"] or m["d2"] or 1))
        return day if day <= base else day.replace(year=base.year - 1)
    except ValueError:  # "31 June", a 29 February a year before a leap year: dateparser's to decide
        return None


@lru_cache(maxsize=64)
def _parser(base: dt.date | None):
    """One parser per base date: what `dateparser.parse` builds on every call."""
    from dateparser.date import DateDataParser

    settings = CALENDAR if base is None else dict(CALENDAR, RELATIVE_BASE=dt.datetime.combine(base, dt.time()))
    return DateDataParser(languages=["en"], settings=settings)


def _normalised(text: str) -> str:
    text = re.sub(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.", r"\1", text)  # "Sept. 30" splits otherwise
    return re.sub(r"\b([A-Z][a-z]{2,8}) (\d{1,2})((?:19|20)\d\d)\b", r"\1 \2 \3", text)  # "Jul 282016": comma lost


def dateline(text: str) -> dt.date | None:
    """The full date (with its year) printed in the article's first lines, if any. Each token
    holding a year ends a candidate: the longest run of up to four tokens ending there that
    `dateparser` reads as a day ("9 Aug 2016 5 people" is 9 August, not the 5th). A date after
    "on", "in" or "since" dates an event, not the article."""
    tokens = _normalised(text[:DATELINE_CHARS]).split()
    for i, token in enumerate(tokens):
        if not re.search(r"(19|20)\d\d\b", token):
            continue
        for first in range(max(i - 3, 0), i + 1):
            phrase = " ".join(tokens[first : i + 1])
            if not _has_day(phrase) or EVENT_PREPOSITIONS.intersection(_words(phrase)):
                continue
            parsed = _parsed(phrase)
            if parsed is not None:
                if first > 0 and tokens[first - 1].lower().strip(":,") in EVENT_PREPOSITIONS:
                    break
                return parsed
    return None


def article_date(meta: dict, text: str, date_field: str = "date") -> tuple[dt.date | None, str | None]:
    """(date, basis): the dateline printed in the article, else its `date_field` (the outlet's
    date, which can be days or weeks off the text's own)."""
    printed = dateline(text)
    if printed is not None:
        return printed, "dateline"
    value = meta.get(date_field)
    if value not in (None, ""):
        parsed = parse_date(str(value))
        if parsed is not None:
            return parsed, "meta"
    return None, None


def _has_day(phrase: str) -> bool:
    return any(not (len(n) == 4 and n[:2] in ("19", "20")) for n in re.findall(r"\d+", phrase))


def weekday(sentence: str) -> str | None:
    """The first weekday a sentence names ("wednesday"), or None."""
    return next((w for w in _words(sentence) if w in WEEKDAYS), None)


def latest_weekday(name: str, on_or_before: dt.date) -> dt.date:
    back = (on_or_before.weekday() - WEEKDAYS.index(name)) % 7
    return on_or_before - dt.timedelta(days=back)


@lru_cache(maxsize=4096)
def event_window(sentence: str, article: dt.date | None) -> Window | None:
    """The days the event of a sentence falls in, or None when the sentence does not say.
    The first date word decides: a weekday, "yesterday"/"today", "N days ago", or a month
    with the numbers beside it ("5 July 2016", "Sept. 30", "July")."""
    words = _words(sentence)
    if not CUES.intersection(words):
        return None
    low = " ".join(words)
    if article is not None:
        for phrase, (first, last) in RELATIVE_WINDOWS.items():
            if re.search(rf"\b{phrase}\b", low):
                return article - dt.timedelta(days=first), article - dt.timedelta(days=last)
        if re.search(r"\bearlier this month\b", low):
            return article.replace(day=1), article
    tokens = _normalised(sentence).split()
    for i, token in enumerate(tokens):
        word = re.sub(r"[^a-z]", "", token.lower())
        if word in WEEKDAYS and article is not None:
            day = latest_weekday(word, article)
            return day, day
        if word in ("yesterday", "today", "tonight") and article is not None:
            day = article - dt.timedelta(days=1 if word == "yesterday" else 0)
            return day, day
        if word in MONTHS and (word != "may" or token.startswith("May")) or NUMERIC_DATE.search(token):
            window = _calendar_window(tokens, i, article)
            if window is not None:
                return window
    return None


NUMERIC_DATE = re.compile(r"^\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\W*$")
NUMBER = re.compile(r"^\d{1,4}(st|nd|rd|th)?\W*$")


def _calendar_window(tokens: list[str], i: int, article: dt.date | None) -> Window | None:
    """The date a month word and the numbers around it write: the longest such run that
    `dateparser` reads. A month alone is the month; without the article's date, a year is needed."""
    lo = i - 1 if i > 0 and NUMBER.match(tokens[i - 1]) else i
    hi = i
    while hi + 1 < len(tokens) and hi - i < 2 and NUMBER.match(tokens[hi + 1]):
        hi += 1
    for start, end in sorted({(a, b) for a in (lo, i) for b in range(i, hi + 1)}, key=lambda ab: ab[0] - ab[1]):
        phrase = " ".join(t.strip(".,;:()") for t in tokens[start : end + 1])
        has_year = re.search(r"\b(19|20)\d\d\b", phrase) or NUMERIC_DATE.search(phrase)
        if article is None and not has_year:
            continue
        day = _parsed(phrase, article or dt.date(2000, 1, 1))
        if day is None:
            continue
        if not _has_day(phrase) and not NUMERIC_DATE.search(phrase):
            return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
        return day, day
    return None


def iso(window: Window | None) -> dict | None:
    return None if window is None else {"start": window[0].isoformat(), "end": window[1].isoformat()}


def gap_days(a: Window, b: Window) -> int:
    """Days between two windows (0 when they overlap)."""
    return max((b[0] - a[1]).days, (a[0] - b[1]).days, 0)
