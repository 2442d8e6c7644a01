"""One build: read articles, analyse, check invariants, render, write. The edges (I/O) are here."""
from __future__ import annotations

import gc
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from .cache import Cache, cached, key
from .export import to_json
from .config import Settings
from .ingest import Indexed, ingest
from .model import Briefing
from .render import render, template_version
from .write import MANIFEST, WriteReport, stamp_of, write_pages


class BuildError(Exception):
    """The build stopped: nothing was written. The message says why, one line per cause."""


@dataclass
class BuildResult:
    briefing: Briefing | None  # None when nothing had changed since the last build (see `LastBuild`)
    report: WriteReport
    skipped: int
    counts: tuple[int, int, int, int]  # articles, meetings, unassigned, topics discussed

    def summary(self) -> str:
        articles, meetings, unassigned, topics = self.counts
        r = self.report
        return (f"Read {articles} articles ({self.skipped} skipped), {meetings} meetings, "
                f"{unassigned} unassigned, {topics} topics; wrote {len(r.written)} pages, "
                f"{len(r.unchanged)} unchanged, {len(r.removed)} removed.")


def counts(b: Briefing) -> tuple[int, int, int, int]:
    topics = sum(1 for t in b.topics if any(t.id in m.topics for m in b.meetings))
    return len(b.articles), len(b.meetings), len(b.unassigned), topics


@dataclass(frozen=True)
class LastBuild:
    """What a build leaves for the next one into the same docs folder. Its stamps spare the page writer reading
    unchanged files; and when the files, their index, the settings, the templates and the pages on disk are all
    as a build that wrote every page left them, the next build has nothing to do and says so without loading a
    single analysis (every `mkdocs build` and `mkdocs serve` reload runs the generator first)."""

    inputs: str  # key of the settings and templates
    counts: tuple[int, int, int, int]
    problems: tuple[str, ...]  # found by the analysis: reported again
    stamps: dict[str, tuple[int, int]]  # every generated file, the manifest included → (size, mtime_ns)
    refused: bool  # hand-written pages were in the way: they are reported by every build


def inputs_key(settings: Settings) -> str:
    """What the pages depend on besides the articles (and the code, in every key)."""
    output = replace(settings, strict=False, progress=True, articles=settings.articles.resolve(),
                     docs=settings.docs.resolve(), templates=settings.templates.resolve())
    return key("inputs", repr(output), template_version(settings.templates))


def unchanged(last: LastBuild | None, inputs: str, docs: Path) -> bool:
    return (last is not None and not last.refused and last.inputs == inputs
            and all(stamp_of(docs / rel) == stamp for rel, stamp in last.stamps.items()))


INDEX_PARTS = 16  # the file index is stored in parts: a rebuild after one new file stores one part again


def index_keys(articles: Path) -> list[str]:
    return [key("index", str(articles.resolve()), part) for part in range(INDEX_PARTS)]


def index_part(rel: str) -> int:
    """Which part of the index holds a file: a stable hash of its path."""
    return zlib.crc32(rel.encode()) % INDEX_PARTS


def index_parts(index: dict[str, Indexed]) -> list[dict[str, Indexed]]:
    """The index in parts (the whole index is 6 MB at 10,000 articles)."""
    parts: list[dict[str, Indexed]] = [{} for _ in range(INDEX_PARTS)]
    for rel, record in index.items():
        parts[index_part(rel)][rel] = record
    return parts


@contextmanager
def no_collections():
    """No cyclic garbage collection during a build: its objects are freed by reference counting (the analysis
    makes no measurable cyclic garbage), while each collection walks every object created since the last one,
    and a rebuild creates hundreds of thousands loading the cache: five passes cost a tenth of it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build(settings: Settings, progress=lambda step, total: None, report=print) -> BuildResult:
    """Build the pages for `settings.articles` into `settings.docs`. Problems are reported one line each."""
    with no_collections():
        return _build(settings, progress, report)


def _build(settings: Settings, progress, report) -> BuildResult:
    for name, folder in (("articles", settings.articles), ("templates", settings.templates)):
        if not folder.is_dir():
            raise BuildError(f"{folder}: {name} folder not found")
    cache = Cache(settings.cache / "cache.sqlite" if settings.cache else None)
    try:
        # the index and `LastBuild` are saved together; a build into another docs folder drops this one's
        # `LastBuild` (a save keeps only the entries its build used), so it always goes with the index
        keys = index_keys(settings.articles)
        stored = cache.get_many(keys)
        index = {rel: record for k in keys for rel, record in stored.get(k, {}).items()}
        ingested = ingest(settings.articles, index, lambda source: cached(cache, source))
        for k, part in zip(keys, index_parts(ingested.index)):
            if stored.get(k) != part:
                cache.put(k, part)
        for problem in ingested.problems:
            report(str(problem))
        if settings.strict and ingested.problems:
            raise BuildError(f"--strict: {len(ingested.problems)} problem(s) with the articles; nothing written")
        skipped = sum(1 for p in ingested.problems if p.fatal)
        last_key, inputs = key("last build", str(settings.docs.resolve())), inputs_key(settings)
        last = cache.get(last_key)
        if not ingested.articles and ingested.index == index and unchanged(last, inputs, settings.docs):
            for line in last.problems:
                report(line)
            return BuildResult(None, WriteReport(unchanged=sorted(last.stamps.keys() - {MANIFEST})), skipped,
                               last.counts)  # nothing saved: the cache stays as the last build left it
        # imported here: the stages import numpy and pysbd, which a build with nothing new (most `mkdocs serve`
        # reloads) does not need
        from .pipeline import analyse
        briefing = analyse(ingested.articles, settings, ingested.problems, progress, cache, ingested.known)
        found = [str(problem) for problem in briefing.problems[len(ingested.problems):]]
        for line in found:
            report(line)
        if briefing.violations:
            raise BuildError("invariant violated: " + "\n".join(briefing.violations))
        renderer = render(briefing, settings, cache)
        pages = {**renderer.pages(), "briefings.json": to_json(briefing, renderer.meeting_lines)}
        written = write_pages(settings.docs, pages, renderer.render, last.stamps if last else None)
        result = BuildResult(briefing, written, skipped, counts(briefing))
        cache.put(last_key, LastBuild(inputs, result.counts, tuple(found), {
            **written.stamps, MANIFEST: stamp_of(settings.docs / MANIFEST)}, bool(written.refused)))
        cache.save()
    finally:
        cache.close()
    for rel in result.report.refused:
        report(f"{settings.docs / rel}: hand-written page in the way of a generated one: left as it is")
    if settings.strict and result.report.refused:
        raise BuildError("--strict: generated pages collide with hand-written ones")
    return result


