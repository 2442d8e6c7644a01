"""The pipeline: ingest → clean → analyse (meetings, quotes, summary, topics). Rendering and writing follow
in `render` and `write`; this module only turns articles into a `Briefing`.

An optional `Cache` memoises the per-article work (cleaning, quote extraction) and the per-meeting analysis
by content hash, so a rebuild after adding one article redoes only what that article touches.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace

from .cache import Cache, key
from .clean import clean_article
from .config import Settings
from .discrepancies import find_discrepancies
from .meetings import Reading, group_meetings
from .meetings import read_article as read_meeting
from .model import Article, Briefing, Meeting, Problem, Quote, Topic
from .quotes import extract_quotes, merge_quotes
from .summary import summarize, summarize_topic
from .topics import assign_topics, load_taxonomy


def read_article(article: Article) -> tuple[Article, list[Quote], Reading]:
    """The per-article stage: the cleaned article, its quotations and what it says about its meeting."""
    cleaned = clean_article(article)
    return cleaned, extract_quotes(cleaned), read_meeting(cleaned)


PARALLEL_FROM = 200  # uncached articles from which the per-article stage runs on every core


def _safe_read(article: Article):
    """`read_article`, or the exception a bug raised on this one article (reported, not fatal)."""
    try:
        return read_article(article)
    except Exception as exc:
        return exc


def parallel_map(fn, items: list) -> list:
    """`map` in order; on every core when there are many items (results are the same either way)."""
    workers = os.cpu_count() or 1
    if len(items) < PARALLEL_FROM or workers < 2:
        return [fn(item) for item in items]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(fn, items, chunksize=16))


def _analyse_task(task) -> Meeting:
    return analyse_meeting(*task)


def analyse_meeting(meeting: Meeting, articles: dict[str, Article], quotes: dict[str, list[Quote]],
                    taxonomy: list[Topic], settings: Settings) -> Meeting:
    """Fill one meeting's quotes, summary, discrepancies and topics."""
    found = [q for aid in meeting.articles for q in quotes[aid]]
    topic_ids, mentions = assign_topics(meeting, articles, taxonomy)
    topic_summaries = tuple(
        (t, summarize_topic(meeting, articles, {m.sentence for m in mentions if m.topic == t},
                            settings.topic_sentences, meeting.syndicated))
        for t in topic_ids
    )
    return replace(
        meeting,
        quotes=merge_quotes(found, meeting.participants, settings.key_quotes, meeting.syndicated),
        summary=summarize(meeting, articles, settings.summary_sentences, meeting.syndicated),
        discrepancies=find_discrepancies(meeting, articles),
        topics=topic_ids,
        topic_sentences=mentions,
        topic_summaries=topic_summaries,
    )


def analyse(articles: list[Article], settings: Settings, problems: list[Problem] | None = None,
            progress=lambda step, total: None, cache: Cache | None = None) -> Briefing:
    """Articles as read → the analysed briefing. No file is read or written here."""
    cache = cache or Cache()
    problems = list(problems or [])
    article_keys = {a.id: key("article", a) for a in articles}
    todo = [a for a in articles if cache.get(article_keys[a.id]) is None]
    for article, result in zip(todo, parallel_map(_safe_read, todo)):
        if isinstance(result, Exception):  # a bug tripped by one odd article must not cost the whole build
            problems.append(Problem(article.file, f"could not be analysed ({type(result).__name__}: {result}): "
                                                  "skipped", fatal=True))
        else:
            cache.put(article_keys[article.id], result)
    cleaned, quotes, readings = [], {}, []
    for article in articles:
        if (result := cache.get(article_keys[article.id])) is None:
            continue
        done, found, reading = result
        cleaned.append(done)
        quotes[done.id] = found
        readings.append(reading)
        if not done.body.strip():
            problems.append(Problem(article.file, "nothing left after removing page junk"))
    by_id = {a.id: a for a in cleaned}
    meetings, unassigned = group_meetings(cleaned, readings)
    taxonomy = load_taxonomy()
    keys = [key("meeting", m, [article_keys[a] for a in m.articles], settings.key_quotes,
                settings.summary_sentences, settings.topic_sentences) for m in meetings]
    todo = [(m, k) for m, k in zip(meetings, keys) if cache.get(k) is None]
    tasks = [(m, {a: by_id[a] for a in m.articles}, {a: quotes[a] for a in m.articles}, taxonomy, settings)
             for m, _ in todo]
    for i, ((_, k), done) in enumerate(zip(todo, parallel_map(_analyse_task, tasks))):
        cache.put(k, done)
        progress(i + 1, len(todo))
    analysed = [cache.get(k) for k in keys]
    loose = [q for u in unassigned for q in quotes[u.article]]
    return Briefing(
        articles=by_id,
        meetings=analysed,
        topics=taxonomy,
        unassigned=unassigned,
        unassigned_quotes=list(merge_quotes(loose, (), 0)),
        problems=problems,
    )
