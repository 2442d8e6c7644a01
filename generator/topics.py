"""Topics: the editable taxonomy (`data/topics.yml`), which topics a meeting's articles discuss substantively
(sentence by sentence, so topic pages can quote the right sentences), and keyphrases no topic covers yet.

A mention is a keyword, an alias or a word in context (`near`), on word boundaries. One passing word is not a topic: each
sentence that mentions a topic adds a weight (more in the lead, in the headline, or where a principal speaks or
acts; less in a sentence listing many topics), and a meeting has the topics whose weights reach a threshold.
All weights live in the `settings:` block of topics.yml.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import product
from typing import Any

from .model import Article, Meeting, Near, Topic, TopicMention
from .people import find_people, gazetteer
from .places import places
from .resources import ConfigError, load
from .sentences import split_sentences
from .textutil import fold, trie_pattern

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LISTS = ("keywords", "aliases", "exclude")
_NUMBERS = ("min_score", "min_articles", "strong", "sentence", "lead", "lead_sentences", "headline", "principal",
            "list_topics", "listed", "suggest_ngram", "suggest_per_article", "suggest_min_articles")
_PHRASES = ("cues", "principal_refs", "background", "suggest_ignore")
_INTEGERS = ("min_articles", "lead_sentences", "list_topics", "suggest_ngram", "suggest_per_article",
             "suggest_min_articles")


@dataclass(frozen=True)
class Settings:
    """The `settings:` block of topics.yml (see the comments there)."""

    min_score: float
    min_articles: int
    strong: float
    sentence: float
    lead: float
    lead_sentences: int
    headline: float
    principal: float
    list_topics: int
    listed: float
    cues: tuple[str, ...]
    principal_refs: tuple[str, ...]
    background: tuple[str, ...]
    suggest_ignore: tuple[str, ...]
    suggest_ngram: int
    suggest_per_article: int
    suggest_min_articles: int


@dataclass(frozen=True)
class Evidence:
    """One sentence (or the headline, `sentence=None`) of one article counting towards one topic."""

    topic: str
    article: str
    weight: float
    sentence: str | None
    listed: bool = False


# ---------------------------------------------------------------------------------------------------- loading


def _strings(entry: dict, key: str, where: str, problems: list[str]) -> tuple[str, ...]:
    value = entry.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{where}: `{key}` must be a list of non-empty strings")
        return ()
    return tuple(v.strip() for v in value)


def _regex_problems(patterns: tuple[str, ...], key: str, where: str) -> list[str]:
    found = []
    for p in patterns:
        try:
            re.compile(p)
        except re.error as exc:
            found.append(f"{where}: `{key}` has an invalid regular expression {p!r}: {exc}")
    return found


def _near(rules: Any, where: str, problems: list[str]) -> tuple[Near, ...]:
    """`near:` rules ({words, near, within}), each checked."""
    if not isinstance(rules, list):
        problems.append(f"{where}: `near` must be a list of {{words, near, within}}")
        return ()
    found = []
    for i, rule in enumerate(rules):
        at = f"{where}: `near` #{i + 1}"
        if not isinstance(rule, dict):
            problems.append(f"{at}: expected a mapping with words, near, within")
            continue
        before = len(problems)
        words, near = _strings(rule, "words", at, problems), _strings(rule, "near", at, problems)
        within = rule.get("within")
        if not words or not near:
            problems.append(f"{at}: `words` and `near` must both be non-empty")
        if not isinstance(within, int) or isinstance(within, bool) or within < 0:
            problems.append(f"{at}: `within` must be a non-negative number of words")
        if len(problems) == before:
            found.append(Near(words, near, within))
    return tuple(found)


def _topic(entry: Any, index: int, problems: list[str]) -> Topic | None:
    """One validated topic; its problems go to `problems`, each naming the topic and the field."""
    if not isinstance(entry, dict):
        problems.append(f"topics.yml: topic #{index + 1}: expected a mapping with id, name, description, keywords")
        return None
    tid = entry.get("id")
    where = f"topics.yml: topic {tid!r}" if isinstance(tid, str) and tid else f"topics.yml: topic #{index + 1}"
    before = len(problems)
    if not isinstance(tid, str) or not _ID.match(tid):
        problems.append(f"{where}: `id` must be a lowercase slug like 'south-china-sea'")
    for key in ("name", "description"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            problems.append(f"{where}: `{key}` must be a non-empty string")
    lists = {key: _strings(entry, key, where, problems) for key in _LISTS}
    problems += _regex_problems(lists["exclude"], "exclude", where)
    near = _near(entry.get("near") or [], where, problems)
    if not (lists["keywords"] or lists["aliases"] or near):
        problems.append(f"{where}: `keywords` is empty (give keywords, aliases or near)")
    parent = entry.get("parent")
    if parent is not None and not isinstance(parent, str):
        problems.append(f"{where}: `parent` must be a topic id")
    unknown = set(entry) - {"id", "name", "description", "parent", "near", *_LISTS}
    if unknown:
        problems.append(f"{where}: unknown field(s) {', '.join(sorted(map(str, unknown)))}")
    if len(problems) > before:
        return None
    return Topic(id=tid, name=entry["name"].strip(), description=entry["description"].strip(),
                 keywords=lists["keywords"], parent=parent, aliases=lists["aliases"], near=near,
                 exclude=lists["exclude"])


def _links(topics: list[Topic], problems: list[str]) -> None:
    """Duplicate ids, parents that do not exist, and parent cycles."""
    ids = Counter(t.id for t in topics)
    problems += [f"topics.yml: topic {i!r}: `id` is used {n} times" for i, n in ids.items() if n > 1]
    parent_of = {t.id: t.parent for t in topics}
    for t in topics:
        if t.parent is None:
            continue
        if t.parent not in parent_of:
            problems.append(f"topics.yml: topic {t.id!r}: `parent` {t.parent!r} is not a topic id")
            continue
        seen, node = {t.id}, t.parent
        while node is not None and node not in seen:
            seen.add(node)
            node = parent_of.get(node)
        if node == t.id:
            problems.append(f"topics.yml: topic {t.id!r}: `parent` makes a cycle")


def parse_taxonomy(data: Any) -> list[Topic]:
    """The topics of a loaded topics.yml; ConfigError listing every problem at once."""
    entries = data.get("topics") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise ConfigError("topics.yml: `topics` must be a non-empty list of topics")
    problems: list[str] = []
    topics = [t for i, e in enumerate(entries) if (t := _topic(e, i, problems)) is not None]
    _links(topics, problems)
    if problems:
        raise ConfigError("\n".join(problems))
    return topics


def parse_settings(data: Any) -> Settings:
    """The `settings:` block, validated (ConfigError naming every bad field)."""
    block = data.get("settings") if isinstance(data, dict) else None
    if not isinstance(block, dict):
        raise ConfigError("topics.yml: `settings` must be a mapping")
    problems = []
    for key in _NUMBERS:
        value = block.get(key)
        ok = isinstance(value, int) if key in _INTEGERS else isinstance(value, (int, float))
        if not ok or isinstance(value, bool) or value < 0:
            kind = "a non-negative integer" if key in _INTEGERS else "a non-negative number"
            problems.append(f"topics.yml: settings: `{key}` must be {kind}")
    lists = {key: _strings(block, key, "topics.yml: settings", problems) for key in _PHRASES}
    if problems:
        raise ConfigError("\n".join(problems))
    return Settings(**{k: block[k] for k in _NUMBERS}, **lists)


@lru_cache(maxsize=1)
def _taxonomy() -> tuple[Topic, ...]:
    return tuple(parse_taxonomy(load("topics.yml")))


def load_taxonomy() -> list[Topic]:
    """The shipped taxonomy, validated."""
    return list(_taxonomy())


@lru_cache(maxsize=1)
def settings() -> Settings:
    return parse_settings(load("topics.yml"))


# --------------------------------------------------------------------------------------------------- matching


def variants(phrase: str) -> set[str]:
    """The literal forms a keyword is found in: spaces and hyphens interchangeable, straight or curly
    apostrophe, an optional plural ending ("rare earth" → "rare-earths")."""
    words = re.split(r"[\s-]+", phrase.strip())
    forms = set()
    for seps in product(" -", repeat=len(words) - 1):
        joined = words[0] + "".join(sep + w for sep, w in zip(seps, words[1:]))
        for apostrophe in ("'", "\u2019"):
            forms.update(joined.replace("'", apostrophe) + end for end in ("", "s", "es"))
    return forms


@dataclass(frozen=True)
class Matcher:
    """The whole taxonomy as two character-trie regexes (keywords folded, aliases exact) scanned once per text.
    The words of `near` rules are in the keyword trie too, owned by (topic id, rule index, side)."""

    keywords: re.Pattern | None
    aliases: re.Pattern | None
    owners: dict[str, tuple[str | tuple[str, int, str], ...]]  # matched form (keywords lower-cased) → owners
    near: dict[tuple[str, int], int]  # (topic id, rule index) → `within`
    exclude: dict[str, re.Pattern]


def _trie(forms: dict[str, list], fold_case: bool) -> re.Pattern | None:
    if not forms:
        return None
    return re.compile(r"(?<!\w)(?:" + trie_pattern(set(forms), fold_case) + r")(?!\w)", re.I if fold_case else 0)


@lru_cache(maxsize=16)
def matcher(taxonomy: tuple[Topic, ...]) -> Matcher:
    keywords: dict[str, list] = defaultdict(list)
    aliases: dict[str, list] = defaultdict(list)
    for t in taxonomy:
        for k in t.keywords:
            for form in variants(k):
                keywords[form.lower()].append(t.id)
        for k in t.aliases:
            for form in variants(k):
                aliases[form].append(t.id)
        for i, rule in enumerate(t.near):
            for side, words in (("words", rule.words), ("near", rule.near)):
                for form in {f.lower() for w in words for f in variants(w)}:
                    keywords[form].append((t.id, i, side))
    owners = {form: tuple(dict.fromkeys(ids)) for form, ids in [*keywords.items(), *aliases.items()]}
    return Matcher(
        keywords=_trie(keywords, True),
        aliases=_trie(aliases, False),
        owners=owners,
        near={(t.id, i): rule.within for t in taxonomy for i, rule in enumerate(t.near)},
        exclude={t.id: re.compile("|".join(f"(?:{p})" for p in t.exclude), re.I) for t in taxonomy if t.exclude},
    )


def _excluded(text: str, start: int, end: int, exclude: re.Pattern | None, reach: int = 120) -> bool:
    """True when an exclusion pattern matched near the mention covers it."""
    if exclude is None:
        return False
    lo = max(0, start - reach)
    return any(m.start() <= start and end <= m.end() for m in exclude.finditer(text, lo, end + reach))


_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?]\s")


def _close(text: str, a: tuple[int, int], b: tuple[int, int], within: int) -> bool:
    """At most `within` words between two spans of one sentence."""
    gap = text[min(a[1], b[1]):max(a[0], b[0])]
    return not _SENTENCE_END.search(gap) and len(_WORD.findall(gap)) <= within


def _near_hits(text: str, parts: dict[tuple[str, int, str], list[tuple[int, int]]],
               near: dict[tuple[str, int], int]) -> list[tuple[int, int, str]]:
    """The `words` of each near rule that have one of its `near` words close by."""
    found = []
    for (tid, i), within in near.items():
        others = parts.get((tid, i, "near"), [])
        words = parts.get((tid, i, "words"), [])
        found += [(*w, tid) for w in words if any(_close(text, w, o, within) for o in others)]
    return found


def find_topics(text: str, taxonomy: list[Topic]) -> list[tuple[int, int, str]]:
    """(start, end, topic id) of every topic mention in `text` that no exclusion covers, in text order."""
    m = matcher(tuple(taxonomy))
    found: list[tuple[int, int, str]] = []
    parts: dict[tuple[str, int, str], list[tuple[int, int]]] = defaultdict(list)
    for regex, fold_case in ((m.keywords, True), (m.aliases, False)):
        for hit in regex.finditer(text) if regex is not None else ():
            for owner in m.owners.get(hit.group().lower() if fold_case else hit.group(), ()):
                if isinstance(owner, str):
                    found.append((hit.start(), hit.end(), owner))
                else:
                    parts[owner].append(hit.span())
    if parts:
        found += _near_hits(text, parts, m.near)
    return sorted(f for f in found if not _excluded(text, f[0], f[1], m.exclude.get(f[2])))


def topics_in(text: str, taxonomy: list[Topic]) -> list[str]:
    """Ids of the topics `text` mentions, in taxonomy order."""
    ids = {tid for _, _, tid in find_topics(text, taxonomy)}
    return [t.id for t in taxonomy if t.id in ids]


def _any_of(phrases: tuple[str, ...]) -> re.Pattern:
    """Any of the phrases as whole words ("then-" also before a word), case-insensitive; none: never matches.
    Only searched for (whether a sentence has one), so a trie serves, whichever phrase it takes at a place."""
    if not phrases:
        return re.compile(r"(?!)")
    return re.compile(r"(?<!\w)(?:" + trie_pattern(phrases, fold_case=True) + r")(?:(?<=\W)|(?!\w))", re.I)


@lru_cache(maxsize=1)
def _cue_pattern() -> re.Pattern:
    return _any_of(settings().cues)


@lru_cache(maxsize=1)
def _background_pattern() -> re.Pattern:
    return _any_of(settings().background)


@lru_cache(maxsize=1)
def _refs_pattern() -> re.Pattern:
    return _any_of(settings().principal_refs)


def principal_acts(sentence: str, participants: tuple[str, ...], on: date | None) -> bool:
    """The sentence has a principal (by name, alias or role description on that day, or "the two leaders")
    and a cue verb: the principal speaks or acts on what the sentence says."""
    if not _cue_pattern().search(sentence):
        return False
    if _refs_pattern().search(sentence):
        return True
    return any(m.name in participants for m in find_people(sentence, on))


# ---------------------------------------------------------------------------------------------------- scoring


def sentence_weight(sentence: str, index: int, topics: int, participants: tuple[str, ...],
                    on: date | None) -> tuple[float, bool]:
    """(weight, passing list?) of a sentence that mentions `topics` topics and is the `index`-th of its article.
    A list of many topics is passing unless a principal speaks or acts in it ("Blinken raised X, Y and Z")."""
    s = settings()
    background = bool(_background_pattern().search(sentence))
    acts = not background and principal_acts(sentence, participants, on)
    if topics >= s.list_topics and not acts:
        return s.listed, True
    if background:
        return s.sentence, False
    return (s.lead if index < s.lead_sentences else s.sentence) + (s.principal if acts else 0.0), False


def article_evidence(article: Article, taxonomy: list[Topic], participants: tuple[str, ...] = (),
                     on: date | None = None) -> list[Evidence]:
    """Every sentence of the article's body (and its headline) that mentions a topic, with its weight.
    `participants`, `on`: the meeting's principals and date, to see where a principal speaks or acts."""
    body = article.body
    spans = split_sentences(body)
    starts = [a for a, _ in spans]
    hits: dict[int, set[str]] = defaultdict(set)
    for start, _, tid in find_topics(body, taxonomy):
        i = bisect_right(starts, start) - 1
        if i >= 0 and start < spans[i][1]:
            hits[i].add(tid)
    found = []
    for i in sorted(hits):
        sentence = body[spans[i][0]:spans[i][1]]
        weight, listed = sentence_weight(sentence, i, len(hits[i]), participants, on)
        found += [Evidence(t.id, article.id, weight, sentence, listed) for t in taxonomy if t.id in hits[i]]
    headline = settings().headline
    found += [Evidence(tid, article.id, headline, None) for tid in topics_in(article.title, taxonomy)]
    return found


def _independent(meeting: Meeting) -> dict[str, str]:
    """Article id → the id standing for its syndication group (copies of one story count once)."""
    group = {aid: aid for aid in meeting.articles}
    for copies in meeting.syndicated:
        for aid in copies:
            group[aid] = copies[0]
    return group


def substantive(evidence: list[Evidence], group: dict[str, str]) -> dict[str, float]:
    """Topic → score, for the topics the evidence discusses substantively: the weights of independent stories
    (the best copy of a syndicated one) add up to `min_score`, and either `min_articles` stories mention the
    topic or one sentence (or headline) weighs `strong` — several plain sentences of one story are background."""
    s = settings()
    per_story: dict[tuple[str, str], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    strongest: dict[str, float] = defaultdict(float)
    for e in evidence:
        per_story[(e.topic, group.get(e.article, e.article))][e.article] += e.weight
        strongest[e.topic] = max(strongest[e.topic], e.weight)
    scores: dict[str, float] = defaultdict(float)
    stories: Counter[str] = Counter()
    for (tid, _), copies in per_story.items():
        scores[tid] += max(copies.values())
        stories[tid] += 1
    return {tid: score for tid, score in scores.items()
            if score >= s.min_score and (stories[tid] >= s.min_articles or strongest[tid] >= s.strong)}


def _mentions(topic: str, evidence: list[Evidence]) -> list[TopicMention]:
    """The sentences shown for a topic: those that discuss it, or the passing ones when there is nothing else."""
    sentences = [e for e in evidence if e.topic == topic and e.sentence is not None]
    chosen = [e for e in sentences if not e.listed] or sentences
    seen: set[str] = set()
    out = []
    for e in chosen:
        key = fold(e.sentence)
        if key not in seen:
            seen.add(key)
            out.append(TopicMention(topic, e.article, e.sentence))
    return out


def meeting_evidence(meeting: Meeting, articles: dict[str, Article], taxonomy: list[Topic]) -> list[Evidence]:
    """The evidence of every article of the meeting (ids missing from `articles` are skipped)."""
    return [e for aid in meeting.articles if aid in articles
            for e in article_evidence(articles[aid], taxonomy, meeting.participants, meeting.date)]


def assign_topics(meeting: Meeting, articles: dict[str, Article],
                  taxonomy: list[Topic]) -> tuple[tuple[str, ...], tuple[TopicMention, ...]]:
    """The meeting's topic ids (taxonomy order) and, for each, the sentences of its articles that discuss it."""
    evidence = meeting_evidence(meeting, articles, taxonomy)
    found = substantive(evidence, _independent(meeting))
    chosen = tuple(t.id for t in taxonomy if t.id in found)
    return chosen, tuple(m for tid in chosen for m in _mentions(tid, evidence))


# ---------------------------------------------------------------------------------------------------- suggest


@lru_cache(maxsize=1)
def _ignored_words() -> frozenset[str]:
    """Words that make a keyphrase a name or news furniture rather than a subject: the words of known people,
    organisations, their role descriptions and places, and the `suggest_ignore` list."""
    names = [n for p in gazetteer() for n in (*p.aliases, *p.descriptions)]
    names += [a for place in places() for a in place.aliases]
    names += settings().suggest_ignore
    return frozenset(w for n in names for w in _WORD.findall(fold(n)))


def _covered(phrase: str, taxonomy: list[Topic]) -> bool:
    """A phrase a topic already finds, or one naming a known person, place or news furniture."""
    words = _WORD.findall(fold(phrase))
    return not words or any(w in _ignored_words() or w.isdigit() for w in words) or bool(topics_in(phrase, taxonomy))


def suggest_topics(articles: list[Article], taxonomy: list[Topic], limit: int = 30) -> list[tuple[str, int]]:
    """Frequent YAKE keyphrases that no topic covers, with how many articles use them (most used first):
    candidates for an editor to add to topics.yml."""
    import yake  # only this editor's command needs it

    s = settings()
    extractor = yake.KeywordExtractor(lan="en", n=s.suggest_ngram, top=s.suggest_per_article)
    counts: Counter[str] = Counter()
    shown: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        phrases: dict[str, str] = {}
        for phrase, _ in extractor.extract_keywords(article.body):  # headlines' Title Case misleads YAKE
            phrases.setdefault(fold(phrase), phrase)
        for key, phrase in phrases.items():
            if not _covered(phrase, taxonomy):
                counts[key] += 1
                shown[key][phrase] += 1
    frequent = [(key, n) for key, n in counts.items() if n >= s.suggest_min_articles]
    ranked = sorted(frequent, key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [(shown[key].most_common(1)[0][0], n) for key, n in ranked]
