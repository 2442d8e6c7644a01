"""The pipeline: ingest → clean → analyse (meetings, quotes, summary, topics). Rendering and writing follow
in `render` and `write`; this module only turns articles into a `Briefing`.

A `Cache` memoises the per-article work (cleaning, quotes, the meeting reading) under the article's digest and
each meeting's analysis under the digests of its articles, so a rebuild after adding one article reanalyses
that article and its meeting only, and never loads the texts of the others.
"""
from __future__ import annotations

import pickle
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from typing import NamedTuple

from .cache import READING, TEXT, Cache, article_key, key
from .clean import clean_article
from .config import Settings
from .discrepancies import find_discrepancies
from .invariants import meeting_violations, quote_violations
from .meetings import Cluster, Reading, build_meeting, cluster_readings, finish_meetings
from .meetings import read_article as read_meeting
from .model import Article, Briefing, Meeting, MeetingQuote, Problem, Quote, Source, Topic, TopicMention
from .parallel import parallel_map
from .quotes import extract_quotes, merge_quotes
from .sentences import Spans, remember, splits
from .summary import summarize, summarize_topic
from .topics import assign_topics, load_taxonomy


def read_article(article: Article) -> tuple[Text, Reading]:
    """The per-article stage: the cleaned article with its quotations and sentence spans, and what it says
    about its meeting."""
    cleaned = clean_article(article)
    quotes, reading = extract_quotes(cleaned), read_meeting(cleaned)
    kept = replace(cleaned, text="", removed=())  # the raw text and junk are not needed again: not cached
    return Text(kept, quotes, splits(cleaned.paragraphs)), reading


class Text(NamedTuple):
    """What the meeting stage needs of one article (cached): its cleaned text, quotations and the sentence
    spans of each paragraph."""

    article: Article
    quotes: list[Quote]
    splits: tuple[Spans, ...]


PARALLEL_FROM = 200  # articles (or meetings) to analyse from which the stage runs on every core


def _pickled(value) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _safe_read(article: Article):
    """`read_article`, pickled as the cache stores it (the text is never unpickled in the parent, which only
    stores it and hands it to the meeting stage), or the exception a bug raised on this one article
    (reported, not fatal)."""
    try:
        text, reading = read_article(article)
    except Exception as exc:
        return exc
    return _pickled(text), _pickled((reading, not text.article.body.strip()))


def _meeting_task(task) -> tuple[bytes, list[str]]:
    """Build and analyse one meeting (pickled, as the cache stores it), and check it against its articles'
    texts."""
    cluster, blobs, taxonomy, settings = task
    texts = [pickle.loads(blob) for blob in blobs]
    for t in texts:
        remember(dict(zip(t.article.paragraphs, t.splits)))
    articles = {t.article.id: t.article for t in texts}
    quotes = {t.article.id: t.quotes for t in texts}
    meeting = analyse_meeting(build_meeting(cluster, articles), articles, quotes, taxonomy, settings)
    return _pickled(meeting), meeting_violations(meeting, articles)


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
    quotes = merge_quotes(found, meeting.participants, settings.key_quotes, meeting.syndicated)
    return replace(
        meeting,
        quotes=quotes,
        summary=summarize(meeting, articles, settings.summary_sentences, meeting.syndicated),
        discrepancies=find_discrepancies(meeting, articles),
        topics=topic_ids,
        topic_sentences=mentions,
        topic_summaries=topic_summaries,
        topic_quotes=topic_quotes(topic_ids, mentions, quotes),
    )


def topic_quotes(topic_ids: tuple[str, ...], mentions: tuple[TopicMention, ...],
                 quotes: tuple[MeetingQuote, ...]) -> tuple[tuple[str, tuple[MeetingQuote, ...]], ...]:
    """Each topic's quotes: those standing in its sentences, shown on its page beside its summary. (Found here,
    with the meeting's analysis, and cached with it: a rebuild that found them for every meeting spent 0.15 s.)"""
    sentences: dict[str, list[str]] = defaultdict(list)
    for s in mentions:
        sentences[s.topic].append(s.sentence)
    texts = {t: " ".join(sentences[t]) for t in topic_ids}
    return tuple((t, tuple(q for q in quotes if q.text in texts[t])) for t in topic_ids)


def meeting_key(cluster: Cluster, keys: dict[str, str], settings: Settings) -> str:
    return key("meeting", sorted(cluster.pair), [keys[r.article] for r in cluster.readings],
               settings.key_quotes, settings.summary_sentences, settings.topic_sentences)


def analyse(articles: list[Article], settings: Settings, problems: list[Problem] | None = None,
            progress=lambda step, total: None, cache: Cache | None = None,
            known: Iterable[Source] = ()) -> Briefing:
    """Articles as read (and, with a cache, `known` articles whose analysis it holds) → the analysed briefing.
    No file is read or written here."""
    cache = cache or Cache()
    problems = list(problems or [])
    sources = {s.id: s for s in sorted([*(a.source for a in articles), *known], key=lambda s: s.file)}
    keys = {aid: article_key(s) for aid, s in sources.items()}
    texts, readings = read_articles(articles, keys, cache, problems)
    for aid in [aid for aid in sources if aid not in readings]:  # its analysis failed (reported)
        del sources[aid]
    for aid in sources:
        if readings[aid][1]:
            problems.append(Problem(sources[aid].file, "nothing left after removing page junk"))

    def load(ids: Iterable[str]) -> None:
        missing = [i for i in ids if i not in texts]
        got = cache.get_many((TEXT + keys[i] for i in missing), raw=True)
        texts.update((i, got[TEXT + keys[i]]) for i in missing)

    clusters, unassigned = cluster_readings([readings[aid][0] for aid in sources])
    mkeys = [meeting_key(c, keys, settings) for c in clusters]
    done = cache.get_many(mkeys)
    todo = [(c, k) for c, k in zip(clusters, mkeys) if k not in done]
    load({r.article for c, _ in todo for r in c.readings})
    taxonomy = load_taxonomy()
    tasks = [(c, [texts[r.article] for r in c.readings], taxonomy, settings) for c, _ in todo]
    broken: list[str] = []
    for i, ((_, k), (blob, wrong)) in enumerate(zip(todo, parallel_map(_meeting_task, tasks, PARALLEL_FROM))):
        broken += wrong
        done[k] = pickle.loads(blob)
        if not wrong:  # a meeting that fails its checks is never cached
            cache.put(k, blob, raw=True)
        progress(i + 1, len(todo))
    key_of = {done[k].articles: k for k in mkeys}
    meetings = finish_meetings([done[k] for k in mkeys])
    load(u.article for u in unassigned)
    unassigned_texts = [pickle.loads(texts[u.article]) for u in unassigned]
    loose = list(merge_quotes([q for t in unassigned_texts for q in t.quotes], (), 0))
    broken += quote_violations(loose, {t.article.id: t.article for t in unassigned_texts}, "unassigned")
    return Briefing(
        articles=sources,
        meetings=meetings,
        topics=taxonomy,
        unassigned=unassigned,
        unassigned_quotes=loose,
        problems=problems,
        meeting_keys={m.id: key_of[m.articles] for m in meetings},
        violations=broken,
    )


def read_articles(articles: list[Article], keys: dict[str, str], cache: Cache,
                  problems: list[Problem]) -> tuple[dict[str, bytes], dict[str, tuple[Reading, bool]]]:
    """Every article's reading (and whether cleaning left it empty), from the cache or by reading the new
    articles (on every core when there are many); the texts of those read, pickled. A failure is a problem."""
    found = cache.get_many(READING + k for k in keys.values())
    readings = {aid: found[READING + k] for aid, k in keys.items() if READING + k in found}
    cache.keep(TEXT + k for k in keys.values())
    todo = [a for a in articles if a.id not in readings]
    texts: dict[str, bytes] = {}
    for article, result in zip(todo, parallel_map(_safe_read, todo, PARALLEL_FROM)):
        if isinstance(result, Exception):  # a bug tripped by one odd article must not cost the whole build
            problems.append(Problem.bug(article.file, "analysed", result))
            continue
        text, reading = result
        texts[article.id] = cache.put(TEXT + keys[article.id], text, raw=True)
        readings[article.id] = pickle.loads(cache.put(READING + keys[article.id], reading, raw=True))
    return texts, readings
