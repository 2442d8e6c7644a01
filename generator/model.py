"""The typed model that flows through the pipeline: ingest → clean → analyse → render → write.

Every stage takes model objects and returns new ones; nothing here does I/O.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date


@dataclass(frozen=True)
class Problem:
    """A reportable issue with one input: shown as one line naming the file (and line)."""

    file: str
    message: str
    line: int | None = None
    fatal: bool = False  # True: the article was skipped

    @classmethod
    def bug(cls, file: str, doing: str, exc: Exception) -> Problem:
        """A step that raised on this one input (a bug, not bad input): the input is skipped, the build goes on."""
        return cls(file, f"could not be {doing} ({type(exc).__name__}: {exc}): skipped", fatal=True)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {' '.join(self.message.split())}"  # an exception's message may span lines


@dataclass(frozen=True)
class Source:
    """What pages and the export show of an article: its metadata, never its text. `digest` hashes the whole
    article as read (text included), so whatever is cached under it follows any edit of the file."""

    id: str
    file: str
    title: str
    outlet: str
    url: str | None
    published: date | None
    author: str | None = None
    via: str | None = None
    digest: str = ""


@dataclass(frozen=True)
class Article:
    """One news article. `text` is the raw body; `body` the cleaned body (paragraphs joined by a blank line)."""

    id: str  # stable id derived from the file path (slug)
    file: str  # path relative to the articles folder, with forward slashes
    title: str
    outlet: str
    url: str | None
    published: date | None
    text: str
    author: str | None = None
    via: str | None = None  # aggregator that republished it, when known
    body: str = ""  # filled by clean
    removed: tuple[str, ...] = ()  # junk lines the cleaner dropped (for reports and tests)

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n\n") if p]

    @cached_property
    def source(self) -> Source:
        """(Cached: ingest indexes it and the pipeline keys the analysis with it; hashing the text once will do.)"""
        fields = (self.id, self.file, self.title, self.outlet, self.url, self.published, self.author, self.via)
        digest = hashlib.sha256(repr((*fields, self.text)).encode()).hexdigest()
        return Source(*fields, digest=digest)


@dataclass(frozen=True)
class Mention:
    """A person found in an article: canonical name (or the detected name) and character span in `body`."""

    name: str
    start: int
    end: int
    surface: str
    known: bool  # True when the name is in the gazetteer


@dataclass(frozen=True)
class Quote:
    """A direct quotation found in one article. `text` is verbatim from `article.body[start:end]`."""

    text: str
    article: str  # article id
    start: int
    end: int
    speaker: str | None = None
    cue: str | None = None  # the cue verb: said, told, warned...
    phrase: bool = False  # a short scare-quoted phrase, not a key-quote candidate


@dataclass(frozen=True)
class MeetingQuote:
    """A quotation as shown on a page: merged across outlets, citing every article that carried it."""

    text: str
    speaker: str | None
    cue: str | None
    sources: tuple[str, ...]  # article ids
    key: bool = False
    variants: tuple[str, ...] = ()  # other wordings merged into this one
    score: float = 0.0


@dataclass(frozen=True)
class SummarySentence:
    """A sentence taken verbatim from `sources[0]`; the other sources reported the same fact."""

    text: str
    sources: tuple[str, ...]  # article ids; the first is the one the text is taken from
    corroboration: int = 1  # independent outlets (syndicated copies count once)


@dataclass(frozen=True)
class Version:
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Discrepancy:
    """A fact that outlets report differently (durations, counts, dates, venues)."""

    about: str
    versions: tuple[Version, ...]


@dataclass(frozen=True)
class Near:
    """A topic word that counts only close to another: "communication" within 6 words of "military"."""

    words: tuple[str, ...]
    near: tuple[str, ...]
    within: int  # words between them, at most


@dataclass(frozen=True)
class Topic:
    """An entry of the topic taxonomy (topics.yml)."""

    id: str
    name: str
    description: str
    keywords: tuple[str, ...]
    parent: str | None = None
    aliases: tuple[str, ...] = ()  # matched case-sensitively ("AI")
    near: tuple[Near, ...] = ()  # words that count only in context
    exclude: tuple[str, ...] = ()  # regular expressions: a match inside one of these does not count


@dataclass(frozen=True)
class TopicMention:
    """A topic found in one sentence of one article."""

    topic: str
    article: str
    sentence: str


@dataclass(frozen=True)
class Meeting:
    id: str  # "<date>-<principal surnames>", stable when articles are added
    title: str
    date: date
    location: str | None  # city
    venue: str | None
    participants: tuple[str, ...]  # canonical full names
    articles: tuple[str, ...]  # article ids
    summary: tuple[SummarySentence, ...] = ()
    quotes: tuple[MeetingQuote, ...] = ()
    topics: tuple[str, ...] = ()
    topic_sentences: tuple[TopicMention, ...] = ()
    topic_summaries: tuple[tuple[str, tuple[SummarySentence, ...]], ...] = ()  # (topic id, its sentences)
    topic_quotes: tuple[tuple[str, tuple[MeetingQuote, ...]], ...] = ()  # (topic id, quotes in its sentences)
    discrepancies: tuple[Discrepancy, ...] = ()
    siblings: tuple[str, ...] = ()  # ids (or descriptions) of other meetings of the same visit
    sibling_mentions: tuple[str, ...] = ()  # e.g. "Wang Yi" from "earlier met Wang Yi"
    date_versions: tuple[Version, ...] = ()  # conflicting dates across sources, shown not hidden
    duration: str | None = None
    syndicated: tuple[tuple[str, ...], ...] = ()  # groups of article ids that are copies of one story
    previews: tuple[str, ...] = ()  # articles announcing the meeting beforehand, when others report it
    mode: str | None = None  # "phone" or "video" for a call or video meeting (no place then); None: in person


@dataclass(frozen=True)
class Unassigned:
    article: str
    reason: str


@dataclass
class Briefing:
    """The whole analysed corpus: what render and export consume."""

    articles: dict[str, Source]
    meetings: list[Meeting]
    topics: list[Topic]
    unassigned: list[Unassigned] = field(default_factory=list)
    unassigned_quotes: list[MeetingQuote] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    meeting_keys: dict[str, str] = field(default_factory=dict)  # meeting id → hash of its content (for caches)
    violations: list[str] = field(default_factory=list)  # broken invariants (see invariants.py): stop the build
