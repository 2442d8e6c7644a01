"""Render: the analysed briefing → page texts (path → content). Presentation lives in `templates/`.

Every value a template prints is escaped as Markdown-safe text unless a filter marked it safe, so article
text cannot inject markup; undefined variables are errors that name the template and line.
"""
from __future__ import annotations

import sys
import traceback
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from .config import Settings
from .escape import md, safe_url, yaml_str
from .export import to_json
from .model import Article, Briefing, Meeting, MeetingQuote, Topic
from .people import by_name
from .textutil import slugify


class TemplateError(Exception):
    """A broken template: the message names the template file and line."""


@lru_cache(maxsize=16384)
def long_date(value: date | None) -> str:
    """19 June 2023; empty for no date (templates say what to show instead)."""
    return f"{value.day} {value:%B %Y}" if value else ""


def cite(ids) -> Markup:
    """Footnote references to articles: `[^id]`, one per article (ids are slugs, safe as labels)."""
    return Markup("".join(f"[^{slugify(i)}]" for i in ids))


def environment(templates: Path, markdown: bool = True) -> jinja2.Environment:
    """Markdown templates escape every printed string with `md`; XML/HTML templates use HTML autoescaping."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
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
    outlets: dict[str, list[Article]] = defaultdict(list)
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
    try:
        return env.get_template(name).render(values)
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


def render(b: Briefing, settings: Settings) -> dict[str, str]:
    """Every generated file, as docs-relative path → content. Nothing is written here."""
    env = environment(settings.templates)
    base = context(b, settings)
    pages: dict[str, str] = {
        "index.md": render_page(env, "home.md.j2", base),
        "meetings/index.md": render_page(env, "meetings.md.j2", base),
        "topics/index.md": render_page(env, "topics.md.j2", base),
        "outlets/index.md": render_page(env, "outlets.md.j2", base),
        "people/index.md": render_page(env, "people.md.j2", base),
        "tags.md": render_page(env, "tags.md.j2", base),
        "feed.xml": render_page(environment(settings.templates, markdown=False), "feed.xml.j2", base),
        "briefings.json": to_json(b),
    }
    for m in b.meetings:
        sources = [b.articles[aid] for aid in m.articles]
        pages[f"meetings/{m.id}.md"] = render_page(env, "meeting.md.j2", {**base, "meeting": m, "sources": sources})
    for t in b.topics:
        pages[f"topics/{t.id}.md"] = render_page(env, "topic.md.j2", {**base, "topic": t, **topic_view(t, b)})
    for name, slug, arts in base["outlets"]:
        pages[f"outlets/{slug}.md"] = render_page(env, "outlet.md.j2", {**base, "outlet": name, "outlet_articles": arts})
    for person in base["people"]:
        pages[f"people/{person.slug}.md"] = render_page(env, "person.md.j2", {**base, "person": person})
    return pages


def topic_view(topic: Topic, b: Briefing) -> dict[str, Any]:
    """Per meeting that discussed the topic: its cited summary of the topic's sentences, and the quotes that
    stand in those sentences."""
    entries = []
    for m in b.meetings:
        if topic.id not in m.topics:
            continue
        summary = dict(m.topic_summaries).get(topic.id, ())
        texts = " ".join(s.sentence for s in m.topic_sentences if s.topic == topic.id)
        quotes = [q for q in m.quotes if q.text in texts]
        entries.append({"meeting": m, "summary": summary, "quotes": quotes})
    cited = {a for e in entries for s in e["summary"] for a in s.sources} | {
        a for e in entries for q in e["quotes"] for a in q.sources}
    return {"entries": entries, "cited": [b.articles[a] for a in sorted(cited)]}
