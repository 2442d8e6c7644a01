"""The pipeline: ingest → clean → analyse (meetings, quotes, summary, topics). Rendering and writing follow
in `render` and `write`; this module only turns articles into a `Briefing`."""
from __future__ import annotations

from dataclasses import replace

from .clean import clean
from .config import Settings
from .discrepancies import find_discrepancies
from .meetings import group_meetings
from .model import Article, Briefing, Meeting, Problem, Quote
from .quotes import extract_quotes, merge_quotes
from .summary import summarize
from .topics import assign_topics, load_taxonomy


def analyse_meeting(meeting: Meeting, articles: dict[str, Article], quotes: dict[str, list[Quote]],
                    taxonomy, settings: Settings) -> Meeting:
    """Fill one meeting's quotes, summary, discrepancies and topics."""
    found = [q for aid in meeting.articles for q in quotes[aid]]
    topic_ids, mentions = assign_topics(meeting, articles, taxonomy)
    return replace(
        meeting,
        quotes=merge_quotes(found, meeting.participants, settings.key_quotes, meeting.syndicated),
        summary=summarize(meeting, articles, settings.summary_sentences, meeting.syndicated),
        discrepancies=find_discrepancies(meeting, articles),
        topics=topic_ids,
        topic_sentences=mentions,
    )


def analyse(articles: list[Article], settings: Settings, problems: list[Problem] | None = None,
            progress=lambda step, total: None) -> Briefing:
    """Articles as read → the analysed briefing. Pure: no file is read or written here."""
    cleaned = clean(articles)
    by_id = {a.id: a for a in cleaned}
    problems = list(problems or [])
    for article in cleaned:
        if not article.body.strip():
            problems.append(Problem(article.file, "nothing left after removing page junk"))
    quotes = {a.id: extract_quotes(a) for a in cleaned}
    meetings, unassigned = group_meetings(cleaned)
    taxonomy = load_taxonomy()
    done = []
    for i, meeting in enumerate(meetings):
        done.append(analyse_meeting(meeting, by_id, quotes, taxonomy, settings))
        progress(i + 1, len(meetings))
    loose = [q for u in unassigned for q in quotes[u.article]]
    return Briefing(
        articles=by_id,
        meetings=done,
        topics=taxonomy,
        unassigned=unassigned,
        unassigned_quotes=list(merge_quotes(loose, (), 0)),
        problems=problems,
    )
