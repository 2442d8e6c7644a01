"""One build: read articles, analyse, check invariants, render, write. The edges (I/O) are here."""
from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass

from .cache import Cache, key
from .export import to_json
from .config import Settings
from .ingest import ingest
from .model import Briefing
from .pipeline import analyse, cached
from .render import render
from .write import WriteReport, write_pages


class BuildError(Exception):
    """The build stopped: nothing was written. The message says why, one line per cause."""


@dataclass
class BuildResult:
    briefing: Briefing
    report: WriteReport
    skipped: int

    def summary(self) -> str:
        b, r = self.briefing, self.report
        topics = sum(1 for t in b.topics if any(t.id in m.topics for m in b.meetings))
        return (f"Read {len(b.articles)} articles ({self.skipped} skipped), {len(b.meetings)} meetings, "
                f"{len(b.unassigned)} unassigned, {topics} topics; wrote {len(r.written)} pages, "
                f"{len(r.unchanged)} unchanged, {len(r.removed)} removed.")


@contextmanager
def fewer_collections():
    """A rebuild holds hundreds of thousands of cached objects, all alive until the end: at the default
    thresholds the cyclic garbage collector walks them again and again (a third of a warm rebuild)."""
    before = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def build(settings: Settings, progress=lambda step, total: None, report=print) -> BuildResult:
    """Build the pages for `settings.articles` into `settings.docs`. Problems are reported one line each."""
    with fewer_collections():
        return _build(settings, progress, report)


def _build(settings: Settings, progress, report) -> BuildResult:
    if not settings.articles.is_dir():
        raise BuildError(f"{settings.articles}: articles folder not found")
    cache = Cache(settings.cache / "cache.sqlite" if settings.cache else None)
    try:
        index_key = key("index", str(settings.articles.resolve()))
        ingested = ingest(settings.articles, cache.get(index_key), lambda source: cached(cache, source))
        cache.put(index_key, ingested.index)
        for problem in ingested.problems:
            report(str(problem))
        if settings.strict and ingested.problems:
            raise BuildError(f"--strict: {len(ingested.problems)} problem(s) with the articles; nothing written")
        briefing = analyse(ingested.articles, settings, ingested.problems, progress, cache, ingested.known)
        for problem in briefing.problems[len(ingested.problems):]:
            report(str(problem))
        if briefing.violations:
            raise BuildError("invariant violated: " + "\n".join(briefing.violations))
        renderer = render(briefing, settings, cache)
        pages = {**renderer.pages(), "briefings.json": to_json(briefing, renderer.meeting_lines)}
        stamps_key = key("stamps", str(settings.docs.resolve()))
        written = write_pages(settings.docs, pages, renderer.render, cache.get(stamps_key))
        cache.put(stamps_key, written.stamps)
        result = BuildResult(briefing, written, sum(1 for p in ingested.problems if p.fatal))
        cache.save()
    finally:
        cache.close()
    for rel in result.report.refused:
        report(f"{settings.docs / rel}: hand-written page in the way of a generated one: left as it is")
    if settings.strict and result.report.refused:
        raise BuildError("--strict: generated pages collide with hand-written ones")
    return result


