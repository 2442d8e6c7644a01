"""The JSON export `briefings.json`: a public contract (see `data/briefings.schema.json`)."""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from .model import Briefing, Meeting, MeetingQuote


def _quote(q: MeetingQuote) -> dict[str, Any]:
    return {"text": q.text, "speaker": q.speaker, "key": q.key, "sources": list(q.sources),
            "cue": q.cue, "variants": list(q.variants)}


def to_data(b: Briefing, with_meetings: bool = True) -> dict[str, Any]:
    meeting_of = {aid: m.id for m in b.meetings for aid in m.articles}
    reasons = {u.article: u.reason for u in b.unassigned}
    return {
        "articles": [
            {
                "id": a.id, "file": a.file, "title": a.title, "outlet": a.outlet, "url": a.url,
                "published": a.published.isoformat() if a.published else None,
                "meeting": meeting_of.get(a.id),
                **({"unassigned_reason": reasons[a.id]} if a.id in reasons else {}),
            }
            for a in sorted(b.articles.values(), key=lambda a: a.file)
        ],
        "meetings": [meeting_data(m) for m in b.meetings] if with_meetings else [],
        "topics": [
            {"id": t.id, "name": t.name, "meetings": [m.id for m in b.meetings if t.id in m.topics]}
            for t in b.topics
        ],
        "unassigned_quotes": [_quote(q) for q in b.unassigned_quotes],
    }


def meeting_data(m: Meeting) -> dict[str, Any]:
    return {
        "id": m.id, "title": m.title, "date": m.date.isoformat(), "location": m.location,
        "venue": m.venue, "mode": m.mode, "duration": m.duration, "participants": list(m.participants),
        "articles": list(m.articles),
        "summary": [{"text": s.text, "sources": list(s.sources), "corroboration": s.corroboration}
                    for s in m.summary],
        "quotes": [_quote(q) for q in m.quotes],
        "topics": list(m.topics),
        "discrepancies": [
            {"about": d.about, "versions": [{"text": v.text, "sources": list(v.sources)} for v in d.versions]}
            for d in m.discrepancies
        ],
        "siblings": list(m.siblings),
        "date_versions": [{"text": v.text, "sources": list(v.sources)} for v in m.date_versions],
    }


# one encoder for every line: `json.dumps` with options builds one a call (a fifth of the export's article lines)
compact = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def meeting_line(m: Meeting) -> bytes:
    return compact(meeting_data(m)).encode()


def to_json(b: Briefing, meeting_lines: Callable[[list[Meeting]], list[bytes]] | None = None) -> bytes:
    """One article, meeting, topic or quote a line: readable, diffable, and written by the C encoder (an
    indented dump is several times slower on a large corpus). `meeting_lines` may memoise `meeting_line`.
    UTF-8 joined once from its pieces: it is 20 MB at 10,000 articles, which as text took twice that in memory,
    a copy a step and an encoding to write."""
    data = to_data(b, with_meetings=False)
    data["meetings"] = meeting_lines(b.meetings) if meeting_lines else [meeting_line(m) for m in b.meetings]
    pieces = [b"{"]
    for i, (name, items) in enumerate(data.items()):
        pieces += (b",\n" if i else b"\n", compact(name).encode(), b": [")
        for j, line in enumerate(items if name == "meetings" else (compact(item).encode() for item in items)):
            pieces += (b",\n  " if j else b"\n  ", line)
        pieces.append(b"\n]" if items else b"]")
    pieces.append(b"\n}\n")
    return b"".join(pieces)
