"""Relative date resolution: "on Monday", "Friday afternoon", "Monday (Jun 19)", "last November", "later this
year", resolved against an article's published date and the tense of the words around them.

News reports say "met on Monday" (the Monday just gone, or today) and previews say "will meet on Friday" (the
coming Friday, or today). Weekday and month names live in `data/meetings.yml` with the tense cues.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .resources import load
from .textutil import trie_pattern

PAST, FUTURE, PRESENT = "past", "future", "present"
SPAN_ENDS = ("since", "until", "till", "by")  # "since Thursday": the end of a span, not an event


@dataclass(frozen=True)
class DateRef:
    """A date expression found in a text. `value` is the resolved day (precision "day"), or the first day of the
    month / year it names; `precision` says which."""

    start: int
    end: int
    text: str
    value: date
    precision: str  # "day" | "month" | "year"


@lru_cache(maxsize=1)
def _config() -> dict:
    return load("meetings.yml")["dates"]


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    """Lower-case month names and abbreviations → month number."""
    out: dict[str, int] = {}
    for number, names in enumerate(_config()["months"], start=1):
        for name in names:
            out[name.lower()] = number
    return out


@lru_cache(maxsize=1)
def _weekdays() -> dict[str, int]:
    return {name.lower(): i for i, name in enumerate(_config()["weekdays"])}


_IN_YEAR = r"\b(?i:in)\s+(?P<y>(?:19|20)\d\d)\b(?![-\u2013/]\d)"  # "in 2022", not "in 2023-24"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    months = "|".join(sorted((re.escape(m.capitalize()) for m in _months()), key=len, reverse=True))
    weekdays = "|".join(w.capitalize() for w in _weekdays())
    parts = "|".join(_config()["day_parts"])
    # a range of days ("July 28-29, 2025", "January 26 to 27", "28-29 July 2025") is its first day, in its year
    to = r"(?:\s*[-\u2013]\s*|\s+(?:to|and)\s+)"
    md = (rf"(?P<month>{months})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:.]\d)"
          rf"(?:{to}\d{{1,2}}(?:st|nd|rd|th)?(?![\d:.]\d))?(?:,?\s+(?P<year>(?:19|20)\d\d))?")
    dm = (rf"(?:(?P<day0>\d{{1,2}})(?:st|nd|rd|th)?{to})?(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>{months})\.?"
          rf"(?:,?\s+(?P<year2>(?:19|20)\d\d))?")
    return {
        "any": re.compile(rf"\b(?:{trie_pattern([*_weekdays(), *_months()], fold_case=True)})\b"
                          r"|\d\d-\d\d|\b(?:today|yesterday|tomorrow|tonight|night|year)\b|" + _IN_YEAR, re.I),
        "iso": re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)"),
        # "Monday (Jun 19)", "Friday, May 31", "on June 19, 2023", "19 June"
        "explicit": re.compile(
            rf"(?:\b(?:{weekdays})\b,?\s*\(?)?\b(?:{md}|{dm})\)?"
        ),
        "weekday": re.compile(
            rf"\b(?P<mod>(?i:since|until|till|by|last|next|this|earlier on|later on|earlier|later)\s+)?(?:on\s+)?"
            rf"(?P<wd>{weekdays})\b(?:\s+(?P<part>{parts}))?"
        ),
        "relative": re.compile(r"\b(?P<rel>(?i:today|yesterday|tomorrow|last night|tonight))\b"),
        "month": re.compile(
            rf"\b(?P<mod>(?i:last|next|this|earlier this|later this|in|since|by|until)\s+)?"
            rf"(?P<month>{months})\b(?!\.?\s+\d)(?:\s+(?P<year>(?:19|20)\d\d))?"
        ),
        "year": re.compile(r"\b(?P<rel>(?i:later this year|earlier this year|this year|last year|next year))\b"),
        "in_year": re.compile(_IN_YEAR),
    }


@lru_cache(maxsize=1)
def _tense_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    cues = _config()["tense"]
    return tuple((re.compile(r"\b(?:" + "|".join(cues[key]) + r")\b", re.I), tense)
                 for key, tense in (("future", FUTURE), ("past", PAST), ("present", PRESENT)))


def tense_at(sentence: str, pos: int) -> str:
    """The tense governing position `pos` of `sentence`: the nearest cue before it, else the nearest after it.
    Of two cues starting at one word, the longer wins ("expected to" is future, though "expected" is past); of two
    on the same words, the one not in the past ("planned" is listed as future, though it ends in "-ed")."""
    cues = [(m.start(), m.end(), tense != PAST, tense) for pattern, tense in _tense_patterns()
            for m in pattern.finditer(sentence)]
    if not cues:
        return PRESENT
    before = [c for c in cues if c[0] < pos]
    if before:
        return max(before)[3]
    return min(cues, key=lambda c: (c[0], -c[1], not c[2]))[3]


def resolve_weekday(weekday: int, anchor: date, tense: str, modifier: str = "") -> date:
    """The day named by a weekday seen in an article published on `anchor` (0 = Monday)."""
    modifier = modifier.strip().lower()
    back = (anchor.weekday() - weekday) % 7  # days back to the most recent such weekday (0: today)
    ahead = (weekday - anchor.weekday()) % 7
    if modifier == "last":
        return anchor - timedelta(days=back or 7)
    if modifier == "next":
        return anchor + timedelta(days=ahead or 7)
    if modifier.startswith("earlier"):
        return anchor - timedelta(days=back)
    if modifier.startswith("later"):
        return anchor + timedelta(days=ahead)
    if tense == FUTURE:
        return anchor + timedelta(days=ahead)
    if tense == PRESENT and ahead < back and ahead <= 2:
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


def resolve_month_day(month: int, day: int, year: int | None, anchor: date | None) -> date | None:
    """A day and month; without a year, the one nearest the anchor (a report of 2 January about 30 December)."""
    if year is not None:
        try:
            return date(year, month, day)
        except ValueError:
            return None
    if anchor is None:
        return None
    options = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(date(y, month, day))
        except ValueError:
            continue
    return min(options, key=lambda d: (abs((d - anchor).days), d)) if options else None


def resolve_month(month: int, year: int | None, anchor: date, tense: str, modifier: str = "") -> date:
    """First day of the month named ("last November", "in March", "later this year" is handled elsewhere)."""
    modifier = modifier.strip().lower()
    if year is not None:
        return date(year, month, 1)
    if modifier == "last" or (tense == PAST and modifier in ("in", "since", "") and month > anchor.month):
        return date(anchor.year - (month >= anchor.month), month, 1)
    if modifier == "next" or (tense == FUTURE and month < anchor.month):
        return date(anchor.year + (month <= anchor.month), month, 1)
    return date(anchor.year, month, 1)


def _relative_day(word: str, anchor: date) -> date:
    return anchor + timedelta(days={"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word.lower(), 0))


def _relative_year(words: str, anchor: date) -> date:
    words = words.lower()
    return date(anchor.year + (1 if words.startswith("next") else -1 if words.startswith("last") else 0), 1, 1)


def weekdays_named(text: str) -> list[tuple[int, int]]:
    """(position, weekday: 0 = Monday) of the days of the week `text` names as events (not "since Monday"):
    what an undated article still says of its date."""
    found = []
    for m in _patterns()["weekday"].finditer(text):
        if (m["mod"] or "").strip().lower() not in SPAN_ENDS:
            found.append((m.start(), _weekdays()[m["wd"].lower()]))
    return found


def find_dates(text: str, published: date | None, tense: str | None = None) -> list[DateRef]:
    """Date expressions of `text` (best read one sentence at a time), resolved against `published`.

    Explicit days ("June 19", "Monday (Jun 19)") need no anchor; the rest are dropped when `published` is None.
    "since Thursday" and "until Friday" name a span's end, not an event, and are skipped. `tense` overrides the
    tense read from the words around each expression.
    """
    pats = _patterns()
    if not pats["any"].search(text):
        return []
    found: list[DateRef] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(m: re.Match, value: date | None, precision: str) -> None:
        taken.append(m.span())
        if value is not None:
            found.append(DateRef(m.start(), m.end(), m.group(), value, precision))

    for m in pats["iso"].finditer(text):
        try:
            add(m, date(int(m["y"]), int(m["m"]), int(m["d"])), "day")
        except ValueError:
            taken.append(m.span())
    months = _months()
    for m in pats["explicit"].finditer(text):
        if not free(*m.span()):
            continue
        month = months[(m["month"] or m["month2"]).lower()]
        day = int(m["day"] or m["day0"] or m["day2"])
        year = m["year"] or m["year2"]
        add(m, resolve_month_day(month, day, int(year) if year else None, published), "day")
    for m in pats["year"].finditer(text):
        if free(*m.span()):
            add(m, _relative_year(m["rel"], published) if published else None, "year")
    for m in pats["relative"].finditer(text):
        if free(*m.span()):
            add(m, _relative_day(m["rel"], published) if published else None, "day")
    for m in pats["weekday"].finditer(text):
        if not free(*m.span()):
            continue
        modifier = (m["mod"] or "").strip().lower()
        if modifier in SPAN_ENDS or published is None:
            taken.append(m.span())
            continue
        when = tense or tense_at(text, m.start())
        add(m, resolve_weekday(_weekdays()[m["wd"].lower()], published, when, modifier), "day")
    for m in pats["month"].finditer(text):
        if not free(*m.span()):
            continue
        modifier = (m["mod"] or "").strip().lower()
        year = int(m["year"]) if m["year"] else None
        # a bare month name needs a modifier or a year to be a date ("in November", "March 2023")
        if modifier in ("since", "by", "until") or year is None and (not modifier or published is None):
            taken.append(m.span())
            continue
        when = tense or tense_at(text, m.start())
        anchor = published or date(year or 2000, 1, 1)
        add(m, resolve_month(months[m["month"].lower()], year, anchor, when, modifier), "month")
    for m in pats["in_year"].finditer(text):
        if free(*m.span()):
            add(m, date(int(m["y"]), 1, 1), "year")
    return sorted(found, key=lambda r: r.start)
