"""Command line: `python -m generator build|evaluate|suggest-topics`."""
from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from . import blas  # noqa: F401  (first: it must run before numpy loads)
from .build import BuildError, build
from .config import load_settings
from .render import TemplateError
from .resources import ConfigError


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="read the articles and write the briefing pages into the docs folder")
    b.add_argument("--articles", type=Path, help="folder of articles (default: seeds)")
    b.add_argument("--docs", type=Path, help="MkDocs docs folder to write into (default: docs)")
    b.add_argument("--templates", type=Path, help="Jinja2 templates folder (default: templates)")
    b.add_argument("--site-url", help="absolute URL of the published site, for the feed")
    b.add_argument("--strict", action="store_true", default=None, help="fail on any problem with an article")
    b.add_argument("--quiet", action="store_true", help="no progress bar")
    e = sub.add_parser("evaluate", help="score the analysis against gold labels (see shared/corpus/README.md)")
    e.add_argument("--gold", type=Path, required=True)
    e.add_argument("--articles", type=Path, required=True)
    s = sub.add_parser("suggest-topics", help="list frequent keyphrases that no topic of the taxonomy covers")
    s.add_argument("--articles", type=Path, default=Path("seeds"))
    s.add_argument("--limit", type=int, default=30)
    return p


def progress_bar(enabled: bool):
    """A rich progress bar on a terminal for long runs; nothing otherwise."""
    if not enabled or not sys.stderr.isatty():
        return lambda step, total: None, lambda: None
    from rich.progress import Progress

    bar = Progress(transient=True)
    task = None

    def update(step: int, total: int) -> None:
        nonlocal task
        if task is None:
            bar.start()
            task = bar.add_task("Analysing meetings", total=total)
        bar.update(task, completed=step)

    return update, bar.stop


def cmd_build(args) -> int:
    settings = load_settings(Path.cwd(), {
        "articles": args.articles, "docs": args.docs, "templates": args.templates,
        "site_url": args.site_url, "strict": args.strict, "progress": not args.quiet or None,
    })
    update, stop = progress_bar(settings.progress and not args.quiet)
    try:
        result = build(settings, update, report=lambda line: print(line, file=sys.stderr))
    finally:
        stop()
    print(result.summary())
    return 0


def cmd_evaluate(args) -> int:
    from .evaluate import evaluate

    print(evaluate(args.gold, args.articles))
    return 0


def cmd_suggest(args) -> int:
    from .clean import clean
    from .ingest import ingest
    from .topics import load_taxonomy, suggest_topics

    ingested = ingest(args.articles)
    for phrase, count in suggest_topics(clean(ingested.articles), load_taxonomy(), args.limit):
        print(f"{count:5d}  {phrase}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    command = {"build": cmd_build, "evaluate": cmd_evaluate, "suggest-topics": cmd_suggest}[args.command]
    try:
        return command(args)
    except (BuildError, ConfigError, TemplateError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    # The process ends after one command, so the cyclic collector never needs to run: off for the whole run
    # (`build` alone would turn it back on, and its first pass would walk every object the build left: 0.18 s
    # at 10,000 articles), and what is left frozen for the collection at exit (0.1 s).
    gc.disable()
    status = main()
    gc.freeze()
    sys.exit(status)
