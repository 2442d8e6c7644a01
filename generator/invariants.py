"""Checks run on every build: what the site shows must be what the articles say."""
from __future__ import annotations

from .model import Briefing
from .textutil import normalize


def occurs(text: str, body: str) -> bool:
    """`text` (not empty) appears in `body` once white space and quotation marks are normalised."""
    needle = normalize(text)
    return bool(needle) and needle in normalize(body)


def violations(b: Briefing) -> list[str]:
    """Every quote verbatim in every article it cites; every summary sentence verbatim in its first source."""
    found = []
    bodies = {aid: normalize(a.body) for aid, a in b.articles.items()}
    for m in b.meetings:
        for q in m.quotes:
            for aid in q.sources:
                if normalize(q.text) not in bodies.get(aid, ""):
                    found.append(f"meeting {m.id}: quote {q.text[:60]!r} is not in article {aid}")
        for s in [*m.summary, *(s for _, sents in m.topic_summaries for s in sents)]:
            if not s.sources or normalize(s.text) not in bodies.get(s.sources[0], ""):
                found.append(f"meeting {m.id}: summary sentence {s.text[:60]!r} is not in its source {s.sources[:1]}")
            for aid in s.sources:
                if aid not in m.articles:
                    found.append(f"meeting {m.id}: summary sentence cites {aid}, an article of another meeting")
    for q in b.unassigned_quotes:
        for aid in q.sources:
            if normalize(q.text) not in bodies.get(aid, ""):
                found.append(f"unassigned quote {q.text[:60]!r} is not in article {aid}")
    return found
