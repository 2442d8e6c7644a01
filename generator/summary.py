"""Extractive multi-document summary of a meeting: LexRank centrality over TF-IDF, lead position and
cross-outlet support, redundancy removed by MMR; every sentence cites every article that reported it.

`rank_sentences` is the reusable core (the topics stage summarises the sentences about one topic with it);
`article_candidates` gives the sentences of an article that may appear in a summary at all.
"""
from __future__ import annotations

import math
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import Stemmer

from .model import Article, Meeting, SummarySentence
from .people import names_pattern
from .resources import load
from .sentences import split_sentences
from .textutil import fold, normalize
from .tfidf import similarities, stop_words


class Candidate(NamedTuple):
    """A sentence (or a dangling sentence with its antecedent) verbatim from the body of `article`."""

    article: str  # article id
    text: str
    position: int  # index of the sentence among the article's sentences (0 = lead)


@dataclass(frozen=True)
class Rules:
    weights: Mapping[str, float]
    lexrank: Mapping[str, float]
    same_fact: float
    redundant: float
    mmr_lambda: float
    min_words: int
    max_words: int
    long_words: int
    sentence_end: re.Pattern
    boilerplate: tuple[re.Pattern, ...]
    dangling: tuple[re.Pattern, ...]
    connective: re.Pattern
    preview: re.Pattern
    background: re.Pattern


@lru_cache(maxsize=1)
def rules() -> Rules:
    data = load("summary.yml")
    similarity = data["similarity"]
    return Rules(
        weights=data["weights"],
        lexrank=data["lexrank"],
        same_fact=float(similarity["same_fact"]),
        redundant=float(similarity["redundant"]),
        mmr_lambda=float(similarity["mmr_lambda"]),
        min_words=int(data["min_words"]),
        max_words=int(data["max_words"]),
        long_words=int(data["long_words"]),
        sentence_end=re.compile(data["sentence_end"]),
        boilerplate=tuple(re.compile(p, re.I) for p in data["boilerplate"]),
        dangling=tuple(re.compile(p, re.I) for p in data["dangling"]),
        connective=re.compile(data["connective"], re.I),
        preview=re.compile(data["preview"], re.I),
        background=re.compile(data["background"], re.I),
    )


def is_boilerplate(sentence: str) -> bool:
    """Captions, credits, bylines, calls to action, questions: never summary material."""
    return any(p.search(sentence) for p in rules().boilerplate)


@lru_cache(maxsize=16384)
def is_dangling(sentence: str) -> bool:
    """Makes no sense without the sentence before it ("He added that…", "This is very good.")."""
    text = normalize(sentence).lstrip("\"'([")
    return any(p.search(text) for p in rules().dangling)


def _words(text: str) -> int:
    return len(text.split())


@lru_cache(maxsize=16384)
def _usable(sentence: str) -> bool:
    """(Cached, like `is_dangling`: syndicated copies and rewrites of one story repeat sentences.)"""
    r = rules()
    return (r.min_words <= _words(sentence) <= r.max_words and bool(r.sentence_end.search(sentence))
            and not sentence[:1].islower()  # a sentence cut from something before it ("beijing President …")
            and not is_boilerplate(sentence))


@lru_cache(maxsize=4096)
def _body_candidates(article_id: str, body: str) -> tuple[Candidate, ...]:
    spans = split_sentences(body)
    out = []
    for i, (start, end) in enumerate(spans):
        sentence = body[start:end]
        if not _usable(sentence):
            continue
        if is_dangling(sentence):
            if i == 0:
                continue
            prev_start, prev_end = spans[i - 1]
            antecedent = body[prev_start:prev_end]
            if "\n\n" in body[prev_end:start] or is_dangling(antecedent) or not _usable(antecedent):
                continue
            out.append(Candidate(article_id, body[prev_start:end], i - 1))
            continue
        out.append(Candidate(article_id, sentence, i))
    return tuple(out)


def article_candidates(article: Article) -> list[Candidate]:
    """The article's sentences that can stand in a summary; dangling ones joined to their antecedent."""
    return list(_body_candidates(article.id, article.body))


_TOKEN = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")


_STEMMER = Stemmer.Stemmer("porter")  # Porter's algorithm, compiled (PyStemmer): fast to import and to run


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _STEMMER.stemWord(word)


@lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[str, ...]:
    """(Cached: with the principals' names dropped, most sentences are tokenised again unchanged.)"""
    stop = stop_words()
    return tuple(_stem(w) for w in _TOKEN.findall(fold(text)) if w not in stop)


def _similarity(texts: list[str]) -> np.ndarray:
    """Cosine similarity of TF-IDF vectors over stemmed content words."""
    sim = similarities([_tokens(t) for t in texts], sublinear=True)
    return np.eye(len(texts)) if sim is None else sim  # only stop words


def _lexrank(sim: np.ndarray) -> np.ndarray:
    """Continuous LexRank (PageRank over the thresholded similarity graph), scaled to 0..1."""
    lr = rules().lexrank
    graph = np.where(sim >= lr["threshold"], sim, 0.0)
    np.fill_diagonal(graph, 0.0)
    rows = graph.sum(axis=1, keepdims=True)
    n = len(sim)
    transition = np.divide(graph, rows, out=np.full_like(graph, 1.0 / n), where=rows > 0)
    damping = lr["damping"]
    step = damping * transition.T  # (once, not in each iteration: `*` and `@` bind alike, left to right)
    scores = np.full(n, 1.0 / n)
    for _ in range(int(lr["iterations"])):
        scores = (1 - damping) / n + step @ scores
    top = scores.max()
    return scores / top if top > 0 else scores


def _support(sim: np.ndarray, cands: Sequence[Candidate], threshold: float) -> list[set[int]]:
    """For each sentence, the index of the most similar sentence in every other article that has one."""
    found: list[set[int]] = []
    for i, c in enumerate(cands):
        best: dict[str, int] = {}
        for j in np.nonzero(sim[i] >= threshold)[0]:
            other = cands[j].article
            if other != c.article and (other not in best or sim[i, j] > sim[i, best[other]]):
                best[other] = int(j)
        found.append(set(best.values()))
    return found


@dataclass(frozen=True)
class Space:
    """Candidate sentences vectorised once: every summary drawn from them (the meeting's, each topic's) ranks rows
    of these matrices rather than fitting TF-IDF again."""

    cands: tuple[Candidate, ...]
    sim: np.ndarray  # cosine over all content words
    facts: np.ndarray  # cosine without the principals' names: "reports the same fact"
    lead: np.ndarray  # score for the position in the article
    traits: np.ndarray  # score for naming a principal, a connective opener, length


def _traits(cands: Sequence[Candidate], named: Sequence[bool]) -> np.ndarray:
    """`named`: whether each candidate names a principal."""
    r = rules()
    w = r.weights
    return np.array([w["participants"] * principal
                     + w["connective"] * bool(r.connective.search(normalize(c.text)))
                     + w["preview"] * bool(r.preview.search(c.text))
                     + w["background"] * bool(r.background.search(c.text))
                     + w["long"] * (_words(c.text) > r.long_words) for c, principal in zip(cands, named)])


@lru_cache(maxsize=8)
def _space(cands: tuple[Candidate, ...], participants: tuple[str, ...]) -> Space:
    """(Cached: a meeting's summary and its topic summaries share one.) The facts' similarity drops the
    principals' names first: they make every sentence about the meeting look alike. A sentence they changed
    names a principal."""
    names = names_pattern(participants)
    texts = [c.text for c in cands]
    sim = _similarity(texts)
    unnamed = [names.sub(" ", t) for t in texts] if names else texts
    lead = np.array([rules().weights["position"] / math.sqrt(1 + c.position) for c in cands])
    return Space(cands, sim, _similarity(unnamed) if names else sim, lead,
                 _traits(cands, [u != t for u, t in zip(unnamed, texts)]))


def _scores(space: Space, rows: list[int], sim: np.ndarray, keys: list[str], support: list[set[int]]) -> np.ndarray:
    w = rules().weights
    others = max(len(set(keys)) - 1, 1)
    outlets = np.array([len({keys[j] for j in found} - {keys[i]}) for i, found in enumerate(support)])
    return w["centrality"] * _lexrank(sim) + space.lead[rows] + w["outlets"] * outlets / others + space.traits[rows]


def _mmr(scores: np.ndarray, sim: np.ndarray, length: int) -> list[int]:
    """Maximal marginal relevance: best score first, then the best trade of score against novelty."""
    r = rules()
    chosen: list[int] = []
    overlap = np.zeros(len(scores))  # each sentence's highest similarity to one already chosen
    left = np.ones(len(scores), dtype=bool)
    while left.any() and len(chosen) < length:
        value = np.where(left, r.mmr_lambda * scores - (1 - r.mmr_lambda) * overlap, -np.inf)
        best = int(np.argmax(value))
        left[best] = False
        if chosen and sim[best, chosen].max() >= r.redundant:
            continue
        chosen.append(best)
        overlap = np.maximum(overlap, sim[:, best])
    return chosen


def rank_sentences(candidates: Sequence[Candidate], length: int = 8,
                   independence: Mapping[str, str] | None = None,
                   participants: Sequence[str] = (),
                   among: Collection[str] | None = None,
                   stale: Collection[str] = ()) -> tuple[SummarySentence, ...]:
    """Up to `length` non-redundant sentences, in reading order, each citing every article that reported it.

    `independence` maps an article id to its independent source (syndicated copies and one outlet's articles
    share one key); articles missing from it count as independent. `participants` favours sentences naming them.
    `among`: only the candidates with these texts compete (one topic's), weighed by the TF-IDF of all of them.
    `stale`: articles whose sentences weigh `preview_article` less (previews of a meeting others report).
    """
    cands = tuple(dict.fromkeys(candidates))
    if not cands or length <= 0:
        return ()
    space = _space(cands, tuple(participants))
    rows = [i for i, c in enumerate(cands) if among is None or c.text in among]
    if not rows:
        return ()
    cands = tuple(cands[i] for i in rows)
    independence = independence or {}
    keys = [independence.get(c.article, c.article) for c in cands]
    sim, facts = space.sim[np.ix_(rows, rows)], space.facts[np.ix_(rows, rows)]
    support = _support(facts, cands, rules().same_fact)
    scores = _scores(space, rows, sim, keys, support)
    if stale:
        scores += rules().weights["preview_article"] * np.array([c.article in stale for c in cands])
    chosen = _mmr(scores, facts, length)
    chosen.sort(key=lambda i: (cands[i].position, -scores[i]))
    out = []
    for i in chosen:
        others = sorted(support[i], key=lambda j: -facts[i, j])
        sources = tuple(dict.fromkeys([cands[i].article, *(cands[j].article for j in others)]))
        independent = {independence.get(a, a) for a in sources}
        out.append(SummarySentence(cands[i].text, sources, len(independent)))
    return tuple(out)


def independence_keys(articles: Sequence[Article], syndicated: tuple[tuple[str, ...], ...] = ()) -> dict[str, str]:
    """Article id → its independent source: the syndication group, else the outlet."""
    keys = {a.id: "outlet:" + fold(a.outlet or a.id) for a in articles}
    for group in syndicated:
        for aid in group:
            keys[aid] = "group:" + min(group)
    return keys


def summarize(meeting: Meeting, articles: dict[str, Article], length: int = 8,
              syndicated: tuple[tuple[str, ...], ...] = (),
              among: Collection[str] | None = None) -> tuple[SummarySentence, ...]:
    """The meeting's extractive summary drawn from all its articles (with `among`: from those sentences only)."""
    members = [articles[aid] for aid in meeting.articles if aid in articles]
    candidates = [c for a in members for c in article_candidates(a)]
    return rank_sentences(candidates, length, independence_keys(members, syndicated), meeting.participants, among,
                          meeting.previews)


def summarize_topic(meeting: Meeting, articles: dict[str, Article], sentences: set[str], length: int = 3,
                    syndicated: tuple[tuple[str, ...], ...] = ()) -> tuple[SummarySentence, ...]:
    """The same machinery on the meeting's sentences about one topic (for topic pages); it shares the
    meeting's vectors, so each topic costs no new TF-IDF fit."""
    return summarize(meeting, articles, length, syndicated, sentences)
