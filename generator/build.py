"""One build: read articles, analyse, check invariants, render, write. The edges (I/O) are here."""
from __future__ import annotations

from dataclasses import dataclass

from .cache import Cache
from .config import Settings
from .ingest import ingest
from .invariants import violations
from .model import Briefing
from .pipeline import analyse
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


def build(settings: Settings, progress=lambda step, total: None, report=print) -> BuildResult:
    """Build the pages for `settings.articles` into `settings.docs`. Problems are reported one line each."""
    if not settings.articles.is_dir():
        raise BuildError(f"{settings.articles}: articles folder not found")
    ingested = ingest(settings.articles)
    for problem in ingested.problems:
        report(str(problem))
    if settings.strict and ingested.problems:
        raise BuildError(f"--strict: {len(ingested.problems)} problem(s) with the articles; nothing written")
    cache = Cache(settings.cache / "analysis.pickle" if settings.cache else None)
    briefing = analyse(ingested.articles, settings, ingested.problems, progress, cache)
    for problem in briefing.problems[len(ingested.problems):]:
        report(str(problem))
    broken = violations(briefing)
    if broken:
        raise BuildError("invariant violated: " + "\n".join(broken))
    pages = render(briefing, settings)
    result = BuildResult(briefing, write_pages(settings.docs, pages),
                         sum(1 for p in ingested.problems if p.fatal))
    cache.save()
    for rel in result.report.refused:
        report(f"{settings.docs / rel}: hand-written page in the way of a generated one: left as it is")
    if settings.strict and result.report.refused:
        raise BuildError("--strict: generated pages collide with hand-written ones")
    return result


