"""Render: the analysed briefing → page texts (path → content). Presentation lives in `templates/`.

Every value a template prints is escaped as Markdown-safe text unless a filter marked it safe, so article
text cannot inject markup; undefined variables are errors that name the template and line.
"""
from __future__ import annotations

import dataclasses
import hashlib
import sys
import traceback
from collections import defaultdict
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta
from markupsafe import Markup

from .cache import Cache, key
from .config import Settings
from .escape import md, safe_url, yaml_str
from .export import meeting_line
from .model import Briefing, Meeting, MeetingQuote, Source, SummarySentence, Topic, TopicMention, Unassigned
from .parallel import parallel_map
from .people import by_name
from .resources import load
from .textutil import slugify
from .write import Cached, digest


class TemplateError(Exception):
    """A broken template: the message names the template file and line."""


@lru_cache(maxsize=16384)
def long_date(value: date | None) -> str:
    """19 June 2023; empty for no date (templates say what to show instead)."""
    return f"{value.day} {value:%B %Y}" if value else ""


def cite(ids) -> Markup:
    """Footnote references to articles: `[^id]`, one per article (ids are slugs, safe as labels)."""
    return Markup("".join(f"[^{slugify(i)}]" for i in ids))


def environment(templates: Path, markdown: bool = True, compiled: Path | None = None) -> jinja2.Environment:
    """Markdown templates escape every printed string with `md`; XML/HTML templates use HTML autoescaping.
    With `compiled`, templates compiled once are kept there (Jinja's bytecode cache)."""
    if compiled:
        compiled.mkdir(parents=True, exist_ok=True)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(compiled)) if compiled else None,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=True,  # macro results come back as Markup, so they are not escaped twice
        finalize=(lambda v: v if isinstance(v, Markup) or not isinstance(v, str) else md(v)) if markdown else None,
    )
    env.filters.update(md=md, yaml=yaml_str, url=safe_url, cite=cite, long_date=long_date, slug=slugify)
    return env


@dataclass(frozen=True)
class PersonView:
    name: str
    slug: str
    role: str | None
    country: str | None
    meetings: list[Meeting]
    quotes: list[tuple[Meeting, MeetingQuote]]


def people_of(b: Briefing) -> list[PersonView]:
    """Principals and quoted speakers, each with their meetings and quotes (newest first)."""
    meetings: dict[str, list[Meeting]] = defaultdict(list)
    quotes: dict[str, list[tuple[Meeting, MeetingQuote]]] = defaultdict(list)
    for m in b.meetings:
        for name in m.participants:
            meetings[name].append(m)
        for q in m.quotes:
            if q.speaker:
                quotes[q.speaker].append((m, q))
    known = by_name()
    views = []
    for name in sorted(set(meetings) | set(quotes)):
        person = known.get(name)
        views.append(PersonView(name, slugify(name), person.role if person else None,
                                person.country if person else None, meetings[name], quotes[name]))
    return views


def context(b: Briefing, settings: Settings) -> dict[str, Any]:
    """What every template receives (documented in docs/templates.md)."""
    outlets: dict[str, list[Source]] = defaultdict(list)
    for a in b.articles.values():
        outlets[a.outlet].append(a)
    meeting_of = {aid: m for m in b.meetings for aid in m.articles}
    years: dict[int, list[Meeting]] = defaultdict(list)
    for m in b.meetings:
        years[m.date.year].append(m)
    people = people_of(b)
    return {
        "site_name": settings.site_name,
        "site_url": settings.site_url.rstrip("/"),
        "meetings": b.meetings,
        "years": sorted(years.items(), reverse=True),
        "topics": b.topics,
        "topic_meetings": {t.id: [m for m in b.meetings if t.id in m.topics] for t in b.topics},
        "topic_names": {t.id: t.name for t in b.topics},
        # read here, not from `meetings`: a build with nothing new renders without importing the analysis
        "modes": {mode: how["shown"] for mode, how in load("meetings.yml")["remote"].items()},
        "articles": b.articles,
        "meeting_of": meeting_of,
        "outlets": sorted(((name, slugify(name), sorted(arts, key=lambda a: (a.published or date.min, a.id), reverse=True))
                           for name, arts in outlets.items()), key=lambda o: o[0].casefold()),
        "people": people,
        "person_slugs": {p.name: p.slug for p in people},
        "countries": {p.name: p.country for p in people},
        "unassigned": [(u, b.articles[u.article]) for u in b.unassigned],
    }


def render_page(env: jinja2.Environment, name: str, values: dict[str, Any]) -> str:
    with template_errors(env, name):
        return env.get_template(name).render(values)


@contextmanager
def template_errors(env: jinja2.Environment, name: str):
    """Any error from Jinja while loading or rendering template `name` → one TemplateError naming file and line."""
    try:
        yield
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{exc.filename or exc.name}:{exc.lineno}: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"template {exc.name} not found in {env.loader.searchpath[0]}") from None
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"{_where(name)}: {exc.message}") from None
    except Exception as exc:  # any other runtime error in a template
        raise TemplateError(f"{_where(name)}: {type(exc).__name__}: {exc}") from None


def _where(name: str) -> str:
    """The template file and line of the error being handled (Jinja puts them into the traceback)."""
    for frame in reversed(traceback.extract_tb(sys.exc_info()[2])):
        if frame.filename.endswith(name):
            return f"{frame.filename}:{frame.lineno}"
    return name


@dataclass(frozen=True)
class Lazy:
    """A page value made only if its page is rendered: its fingerprint, derived from what determines it, stands
    for it in the page's key (a rebuild renders few of its pages, and a person's or a year's cited articles cost
    more to gather than to key)."""

    fingerprint: str
    make: Callable[[], Any]


LEAVES = (MeetingQuote, SummarySentence, Topic, TopicMention, Unassigned)  # model values holding no others
PLAIN = (str, int, float, bool, date, type(None))


class Fingerprints:
    """Content hashes of template values, memoised by object: a meeting by its content key and the id and
    siblings set after analysis, an article by its digest, anything else by its parts. Two builds give a value
    the same fingerprint exactly when it has the same content."""

    def __init__(self, b: Briefing):
        self.memo: dict[int, tuple[Any, str]] = {id(s): (s, "source:" + s.digest) for s in b.articles.values()}
        for m in b.meetings:
            fp = self.note(m, f"meeting:{b.meeting_keys[m.id]}:{m.id}:{m.siblings}")
            for topic, sentences in m.topic_summaries:
                self.note(sentences, f"{fp}:topic:{topic}")

    def note(self, value: Any, fingerprint: str) -> str:
        """Give `value` a fingerprint derived from others (the value is kept alive, so its id is not reused)."""
        self.memo[id(value)] = (value, fingerprint)
        return fingerprint

    def derive(self, value: Any, *parts: Any) -> str:
        """Give `value` a fingerprint made of the fingerprints of `parts`, which determine it: cheaper than
        hashing its contents (a person view, from the meetings its details and quotes come from)."""
        return self.note(value, self.derived(*parts))

    def derived(self, *parts: Any) -> str:
        """The fingerprint of a value that `parts` determine."""
        return hashlib.sha1("\x1f".join(map(self.of, parts)).encode()).hexdigest()

    def lazy(self, make: Callable[[], Any], *parts: Any) -> Lazy:
        """A `Lazy` value made by `make`, which `parts` determine."""
        return Lazy(self.derived(*parts), make)

    def of(self, value: Any) -> str:
        if (hit := self.memo.get(id(value))) is not None:
            return hit[1]
        if isinstance(value, Lazy):
            return value.fingerprint
        if isinstance(value, PLAIN):
            return repr(value)
        memo = self.memo  # known parts are looked up inline: most parts are meetings and articles
        if isinstance(value, LEAVES):
            text = repr(value)
        elif isinstance(value, dict):
            text = "\x1f".join([f"{k!r}={h[1] if (h := memo.get(id(v))) is not None else self.of(v)}"
                                for k, v in value.items()])
        elif isinstance(value, (list, tuple)):
            text = "\x1f".join([h[1] if (h := memo.get(id(v))) is not None else self.of(v) for v in value])
        elif dataclasses.is_dataclass(value):
            fields = (self.of(getattr(value, f.name)) for f in dataclasses.fields(value))
            text = "\x1f".join([type(value).__name__, *fields])
        else:
            text = repr(value)
        return self.note(value, hashlib.sha1(text.encode()).hexdigest())


@lru_cache(maxsize=64)
def _names(env: jinja2.Environment, name: str) -> frozenset[str]:
    """The context variables a template (with the templates it imports or includes) may read."""
    with template_errors(env, name):
        source, filename, _ = env.loader.get_source(env, name)
        tree = env.parse(source, name, filename)
    found = set(meta.find_undeclared_variables(tree))
    for other in meta.find_referenced_templates(tree):
        if other:
            found |= _names(env, other)
    return frozenset(found)


def template_version(templates: Path) -> str:
    """A hash of the template folder's files: part of every page's key."""
    return hashlib.sha1(b"".join(
        p.name.encode() + b"\0" + p.read_bytes() for p in sorted(templates.iterdir()) if p.is_file())).hexdigest()


class Renderer:
    """Renders pages, skipping a page whose template and values are unchanged since the cache saw them (the
    values a template reads are found by inspecting it, so an edited template that reads more is keyed on
    more). Such a page comes back as `Cached`: it is rendered only if the file on disk needs it."""

    def __init__(self, fingerprints: Fingerprints, templates: Path, cache: Cache | None):
        self.fingerprints, self.cache = fingerprints, cache
        self.version = template_version(templates)
        self.jobs: dict[str, tuple[jinja2.Environment, str, dict[str, Any]]] = {}
        compiled = cache.path.parent / "templates" if cache and cache.path else None
        self.markdown = environment(templates, compiled=compiled and compiled / "markdown")
        self.xml = environment(templates, markdown=False, compiled=compiled and compiled / "xml")
        self.names_key = key("template names", self.version)
        self.names: dict[str, frozenset[str]] = (cache.get(self.names_key) if cache else None) or {}

    def add(self, path: str, template: str, values: dict[str, Any]) -> None:
        env = self.xml if template.endswith(".xml.j2") else self.markdown
        self.jobs[path] = (env, template, values)

    def pages(self) -> dict[str, str | Cached]:
        if self.cache is None:
            return dict(zip(self.jobs, self.render_many(list(self.jobs))))
        keys = {path: self.page_key(*job) for path, job in self.jobs.items()}
        self.cache.put(self.names_key, self.names)
        digests = self.cache.get_many(keys.values())
        out: dict[str, str | Cached] = {path: Cached(digests[k]) for path, k in keys.items() if k in digests}
        todo = [path for path in keys if path not in out]
        for path, text in zip(todo, self.render_many(todo)):
            out[path] = text
            self.cache.put(keys[path], digest(text.encode()))
        return out

    def render(self, path: str) -> str:
        """The text of one page (also for a `Cached` page whose file is missing or was edited: the cache keeps
        digests, not texts, which are in docs/)."""
        env, template, values = self.jobs[path]
        return render_page(env, template, {n: v.make() if isinstance(v, Lazy) else v for n, v in values.items()})

    def render_many(self, paths: list[str]) -> list[str]:
        """Render `paths`; many of them (a first build) on every core, in forked processes that inherit this
        renderer, so nothing but the page texts crosses between processes."""
        global _FORKED
        _FORKED = self
        try:
            return parallel_map(_render_forked, paths, PARALLEL_FROM, chunksize=64, fork=True)
        finally:
            _FORKED = None

    def meeting_lines(self, meetings: list[Meeting]) -> list[bytes]:
        """The meetings' lines of the JSON export, memoised like pages."""
        if self.cache is None:
            return [meeting_line(m) for m in meetings]
        keys = [key("json", self.fingerprints.of(m)) for m in meetings]
        found = self.cache.get_many(keys)
        return [found[k] if k in found else self.cache.put(k, meeting_line(m)) for m, k in zip(meetings, keys)]

    def page_key(self, env: jinja2.Environment, template: str, values: dict[str, Any]) -> str:
        if template not in self.names:
            self.names[template] = _names(env, template)
        read = sorted(self.names[template])
        return key("page", self.version, template,
                   [(n, self.fingerprints.of(values.get(n)) if n in values else "-") for n in read])


PARALLEL_FROM = 400  # pages to render from which they are rendered on every core
_FORKED: Renderer | None = None  # the renderer forked workers inherit (see `Renderer.render_many`)


def _render_forked(path: str) -> str:
    return _FORKED.render(path)


def render(b: Briefing, settings: Settings, cache: Cache | None = None) -> Renderer:
    """Every generated file, queued on a `Renderer`: its `pages()` are docs-relative path → content. Nothing
    is written here. With a `cache`, a page whose template and values are unchanged is not rendered again."""
    fingerprints = Fingerprints(b)
    pages = Renderer(fingerprints, settings.templates, cache)
    base = context(b, settings)
    for path, template in [("index.md", "home.md.j2"), ("meetings/index.md", "meetings.md.j2"),
                           ("topics/index.md", "topics.md.j2"), ("outlets/index.md", "outlets.md.j2"),
                           ("people/index.md", "people.md.j2"), ("tags.md", "tags.md.j2"), ("feed.xml", "feed.xml.j2")]:
        pages.add(path, template, base)
    for m in b.meetings:
        pages.add(f"meetings/{m.id}.md", "meeting.md.j2", {**base, **meeting_values(m, b, fingerprints)})
    by_topic = topic_entries(b, fingerprints)
    for t in b.topics:
        entries = by_topic[t.id]
        years = defaultdict(list)
        for e in entries:
            years[e["meeting"].date.year].append(e)
        pages.add(f"topics/{t.id}.md", "topic.md.j2",
                  {**base, "topic": t, "entries": entries, "topic_years": [(y, len(es)) for y, es in years.items()]})
        for year, year_entries in years.items():
            pages.add(f"topics/{t.id}/{year}.md", "topic-year.md.j2",
                      {**base, "topic": t, "year": year, "entries": year_entries,
                       "cited": cited_articles(year_entries, b, fingerprints)})
    meeting_of = base["meeting_of"]
    for name, slug, arts in base["outlets"]:
        pages.add(f"outlets/{slug}.md", "outlet.md.j2", {
            **base, "outlet": name, "outlet_articles": arts,
            "meeting_of": {a.id: meeting_of[a.id] for a in arts if a.id in meeting_of}})
    for person in base["people"]:
        years = by_year(person)
        pages.add(f"people/{person.slug}.md", "person.md.j2", {
            **base, **person_values(person, b, fingerprints),
            "person_years": [(year, len(view.meetings), len(view.quotes)) for year, view in years.items()]})
        for year, view in years.items():
            pages.add(f"people/{person.slug}/{year}.md", "person-year.md.j2",
                      {**base, **person_values(view, b, fingerprints), "year": year})
    return pages


def by_year(person: PersonView) -> dict[int, PersonView]:
    """The person's meetings and quotes of each year, newest year first (one page each: a person's page would
    otherwise grow with the corpus)."""
    meetings: dict[int, list[Meeting]] = defaultdict(list)
    quotes: dict[int, list[tuple[Meeting, MeetingQuote]]] = defaultdict(list)
    for m in person.meetings:
        meetings[m.date.year].append(m)
    for m, q in person.quotes:
        quotes[m.date.year].append((m, q))
    return {year: replace(person, meetings=meetings.get(year, []), quotes=quotes.get(year, []))
            for year in sorted(meetings.keys() | quotes.keys(), reverse=True)}


def meeting_values(m: Meeting, b: Briefing, fingerprints: Fingerprints) -> dict[str, Any]:
    """A meeting page's own values: the meeting and its articles, as a list and by id (fingerprinted by the
    meeting's, which covers its articles: their digests are in its key)."""
    sources = fingerprints.lazy(lambda: [b.articles[aid] for aid in m.articles], "sources", m)
    articles = fingerprints.lazy(lambda: {aid: b.articles[aid] for aid in m.articles}, "articles", m)
    return {"meeting": m, "sources": sources, "articles": articles}


def person_values(person: PersonView, b: Briefing, fingerprints: Fingerprints) -> dict[str, Any]:
    """A person page's own values: the person and the articles its quotes cite, both fingerprinted by the
    person's details, meetings and the meetings its quotes come from (the person's quotes are those of these
    meetings the person said, and a meeting's fingerprint covers its quotes and articles)."""
    fingerprints.derive(person, "person", person.name, person.slug, person.role, person.country,
                        *person.meetings, "quoted in", *{id(m): m for m, _ in person.quotes}.values())
    articles = fingerprints.lazy(
        lambda: {aid: b.articles[aid] for aid in sorted({aid for _, q in person.quotes for aid in q.sources})},
        "articles", person)
    return {"person": person, "articles": articles}


def topic_entries(b: Briefing, fingerprints: Fingerprints) -> dict[str, list[dict[str, Any]]]:
    """Topic id → per meeting that discussed it, newest first: its cited summary of the topic's sentences, and
    the quotes that stand in those sentences."""
    entries: dict[str, list[dict[str, Any]]] = {t.id: [] for t in b.topics}
    for m in b.meetings:
        summaries, quotes = dict(m.topic_summaries), dict(m.topic_quotes)
        for topic in m.topics:
            entry = {"meeting": m, "summary": summaries.get(topic, ()), "quotes": list(quotes.get(topic, ()))}
            entries.setdefault(topic, []).append(entry)
            fingerprints.note(entry, f"{fingerprints.of(m)}:entry:{topic}")
    return entries


def cited_articles(entries: list[dict[str, Any]], b: Briefing, fingerprints: Fingerprints) -> Lazy:
    """The articles that topic entries cite, for their footnotes (determined by the entries)."""
    def make() -> list[Source]:
        ids = {a for e in entries for s in e["summary"] for a in s.sources} | {
            a for e in entries for q in e["quotes"] for a in q.sources}
        return [b.articles[a] for a in sorted(ids)]

    return fingerprints.lazy(make, "cited", entries)
