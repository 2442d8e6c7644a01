"""Checks run on every build: what the site shows must be what the articles say.

Each meeting is checked when it is analysed, against the cleaned texts of its articles; a meeting that fails
is never cached, so a cached meeting is one that passed with exactly these texts (its cache key hashes them).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from .model import Article, Meeting, MeetingQuote
from .textutil import normalize


def occurs(text: str, body: str) -> bool:
    """`text` (not empty) appears in `body` once white space and quotation marks are normalised."""
    needle = normalize(text)
    return bool(needle) and needle in normalize(body)


def quote_violations(quotes: Iterable[MeetingQuote], articles: Mapping[str, Article], where: str) -> list[str]:
    """Every quote verbatim in every article it cites."""
    bodies: dict[str, str] = {}
    found = []
    for q in quotes:
        for aid in q.sources:
            if aid not in bodies:
                bodies[aid] = normalize(articles[aid].body) if aid in articles else ""
            if normalize(q.text) not in bodies[aid]:
                found.append(f"{where}: quote {q.text[:60]!r} is not in article {aid}")
    return found


def meeting_violations(m: Meeting, articles: Mapping[str, Article]) -> list[str]:
    """Quotes verbatim in every cited article; every summary sentence (meeting and topic summaries) verbatim
    in its first source, citing only the meeting's articles."""
    where = f"meeting {m.id}"
    found = quote_violations(m.quotes, articles, where)
    for s in [*m.summary, *(s for _, sents in m.topic_summaries for s in sents)]:
        if not s.sources or not occurs(s.text, articles[s.sources[0]].body if s.sources[0] in articles else ""):
            found.append(f"{where}: summary sentence {s.text[:60]!r} is not in its source {s.sources[:1]}")
        for aid in s.sources:
            if aid not in m.articles:
                found.append(f"{where}: summary sentence cites {aid}, an article of another meeting")
    return found
