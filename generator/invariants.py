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
    return _in(text, normalize(body))


def _in(text: str, normalised_body: str) -> bool:
    needle = normalize(text)
    return bool(needle) and needle in normalised_body


class _Bodies(dict):
    """Normalised article bodies, each made once (a body is long; it is searched for many sentences)."""

    def __init__(self, articles: Mapping[str, Article]):
        super().__init__()
        self.articles = articles

    def __missing__(self, aid: str) -> str:
        self[aid] = normalize(self.articles[aid].body) if aid in self.articles else ""
        return self[aid]


def quote_violations(quotes: Iterable[MeetingQuote], articles: Mapping[str, Article], where: str,
                     bodies: Mapping[str, str] | None = None) -> list[str]:
    """Every quote verbatim in every article it cites."""
    bodies = _Bodies(articles) if bodies is None else bodies
    return [f"{where}: quote {q.text[:60]!r} is not in article {aid}"
            for q in quotes for aid in q.sources if normalize(q.text) not in bodies[aid]]


def meeting_violations(m: Meeting, articles: Mapping[str, Article]) -> list[str]:
    """Quotes verbatim in every cited article; every summary sentence (meeting and topic summaries) verbatim
    in its first source, citing only the meeting's articles."""
    where = f"meeting {m.id}"
    bodies = _Bodies(articles)
    found = quote_violations(m.quotes, articles, where, bodies)
    for s in [*m.summary, *(s for _, sents in m.topic_summaries for s in sents)]:
        if not (s.sources and _in(s.text, bodies[s.sources[0]])):
            found.append(f"{where}: summary sentence {s.text[:60]!r} is not in its source {s.sources[:1]}")
        for aid in s.sources:
            if aid not in m.articles:
                found.append(f"{where}: summary sentence cites {aid}, an article of another meeting")
    return found
