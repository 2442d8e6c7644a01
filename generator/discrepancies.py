"""Facts that outlets report differently: the length of the meeting ("35-minute" against "approximately
30 minutes") and counts of what was agreed ("four agreements" against "five"). Each version cites its articles.

A figure counts only when its sentence names the encounter and nobody outside its principals (so "seven hours
of talks with the foreign minister" on the day before is not compared). Qualifiers widen a figure into a range
("about" ±10 %, "more than" upwards); versions conflict when their ranges do not overlap.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .model import Article, Discrepancy, Meeting, Version
from .people import by_name, find_mentions
from .resources import load
from .sentences import split_sentences
from .textutil import alternation, normalize


@dataclass(frozen=True)
class Figure:
    """One stated quantity: what it measures, its range, the words used and the article."""

    about: str
    low: float
    high: float
    text: str
    article: str


@dataclass(frozen=True)
class Rules:
    meeting_words: re.Pattern
    window: int
    hint: re.Pattern  # a unit or a counted noun: a sentence without one states no figure
    duration: re.Pattern
    count: re.Pattern
    offsets: re.Pattern
    qualifiers: dict[str, tuple[float, float]]
    exact: tuple[float, float]
    vague: tuple[float, float]
    numbers: dict[str, float]
    units: dict[str, float]
    counts: tuple[str, ...]  # noun stems, longest first
    labels: dict[str, str]  # what each kind of discrepancy is called on pages and in the export


@lru_cache(maxsize=1)
def rules() -> Rules:
    data = load("summary.yml")["discrepancies"]
    qualifiers = {k: tuple(v) for k, v in data["qualifiers"].items()}
    numbers = {str(k): float(v) for k, v in data["numbers"].items()}
    number = rf"(?P<num>\d+(?:\.\d+)?|{alternation(numbers)})"
    qualifier = rf"(?:(?P<qual>{alternation(qualifiers)})\s+)?"
    units = alternation(data["units"])
    count_numbers = alternation(w for w in numbers if w not in ("a", "an") and not w.startswith("half"))
    return Rules(
        meeting_words=re.compile(data["meeting_words"], re.I),
        window=int(data["window"]),
        hint=re.compile(rf"\b(?:{units})\b|\b(?:{alternation(data['counts'])})", re.I),
        duration=re.compile(rf"\b{qualifier}{number}[\s-]+(?P<unit>{units})\b"
                            rf"(?:\s+and\s+(?:(?P<half>a half)|(?P<num2>\d+|{alternation(numbers)})\s+(?P<unit2>{units})\b))?"
                            rf"(?:[\s-]long\b)?", re.I),
        count=re.compile(rf"\b{qualifier}(?P<num>\d+|{count_numbers})\s+(?:\w+\s+)?(?P<noun>(?:{alternation(data['counts'])})\w*)",
                         re.I),
        offsets=re.compile(data["offsets"], re.I),
        qualifiers=qualifiers,
        exact=tuple(data["exact"]),
        vague=tuple(data["vague"]),
        numbers=numbers,
        units={k.lower(): float(v) for k, v in data["units"].items()},
        counts=tuple(sorted(data["counts"], key=len, reverse=True)),
        labels=dict(data["labels"]),
    )


def _value(word: str) -> float:
    word = word.lower()
    return float(word) if word[0].isdigit() else rules().numbers[word]


def _range(value: float, qualifier: str | None, number: str) -> tuple[float, float]:
    r = rules()
    if qualifier:
        low, high = r.qualifiers[qualifier.lower()]
    else:
        low, high = r.vague if number.lower() in ("a", "an") else r.exact
    return value * low, value * high


def _others(text: str, participants: tuple[str, ...]) -> bool:
    """Names a gazetteer person who is not one of the principals."""
    people = by_name()
    return any(m.name not in participants and not people[m.name].organisation for m in find_mentions(text))


def _about_meeting(sentence: str, start: int, end: int, participants: tuple[str, ...]) -> bool:
    """The figure at sentence[start:end] measures this encounter: the nearest meeting word lies within the
    window and is not "talks with <someone else>" ("seven hours of talks with the foreign minister")."""
    r = rules()
    near = [m for m in r.meeting_words.finditer(sentence)
            if m.start() - end <= r.window and start - m.end() <= r.window]
    if not near:
        return False
    word = min(near, key=lambda m: max(m.start() - end, start - m.end(), 0))
    after = sentence[word.end():word.end() + r.window]
    partner = re.match(r"\W*(?:\w+\W+){0,2}?with\b", after)
    return not (partner and _others(after, participants))


def sentence_figures(sentence: str, article: str, participants: tuple[str, ...] = ()) -> list[Figure]:
    """The durations and counts stated in one sentence about the meeting."""
    r = rules()
    if not (r.meeting_words.search(sentence) and r.hint.search(sentence)):
        return []  # most sentences: two cheap searches instead of the costly figure patterns
    found = []
    for m in r.duration.finditer(sentence):
        if r.offsets.match(sentence[m.end():]) or not _about_meeting(sentence, m.start(), m.end(), participants):
            continue
        unit = r.units[m.group("unit").lower()]
        minutes = _value(m.group("num")) * unit + (unit / 2 if m.group("half") else 0)
        if m.group("num2"):
            minutes += _value(m.group("num2")) * r.units[m.group("unit2").lower()]
        low, high = _range(minutes, m.group("qual"), m.group("num") if not m.group("num2") else "0")
        found.append(Figure(r.labels["duration"], low, high, normalize(m.group()), article))
    for m in r.count.finditer(sentence):
        if not _about_meeting(sentence, m.start(), m.end(), participants):
            continue
        noun = m.group("noun").lower()
        stem = next(c for c in r.counts if noun.startswith(c))
        low, high = _range(_value(m.group("num")), m.group("qual"), m.group("num"))
        found.append(Figure(r.labels["count"].format(noun=stem), low, high, normalize(m.group()), article))
    return found


def _overlap(a: Figure, b: Figure) -> bool:
    return a.low <= b.high and b.low <= a.high


def _versions(figures: list[Figure]) -> tuple[Version, ...]:
    """Compatible figures form one version, worded as its most precise figure; most-cited version first."""
    groups: list[list[Figure]] = []
    for f in sorted(figures, key=lambda f: f.high - f.low):
        home = next((g for g in groups if all(_overlap(f, x) for x in g)), None)
        if home is None:
            groups.append([f])
        else:
            home.append(f)
    order = {f.article: i for i, f in enumerate(figures)}
    versions = [Version(g[0].text, tuple(sorted(dict.fromkeys(f.article for f in g), key=order.get))) for g in groups]
    return tuple(sorted(versions, key=lambda v: -len(v.sources)))


def _conflict(figures: list[Figure]) -> bool:
    """Two articles state ranges that cannot both hold."""
    return any(a.article != b.article and (a.high < b.low or b.high < a.low)
               for i, a in enumerate(figures) for b in figures[i + 1:])


def find_discrepancies(meeting: Meeting, articles: dict[str, Article]) -> tuple[Discrepancy, ...]:
    """Quantities about the meeting that its articles report differently, each version with its articles; and
    the meeting's date when sources state different days."""
    by_about: dict[str, list[Figure]] = {}
    for aid in meeting.articles:
        article = articles.get(aid)
        if article is None:
            continue
        body = article.body
        for start, end in split_sentences(body):
            for f in sentence_figures(body[start:end], aid, meeting.participants):
                by_about.setdefault(f.about, []).append(f)
    found = tuple(Discrepancy(about, _versions(figs)) for about, figs in by_about.items() if _conflict(figs))
    if len(meeting.date_versions) > 1:
        found += (Discrepancy(rules().labels["date"], meeting.date_versions),)
    return found
