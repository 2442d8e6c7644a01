"""Speed benchmark: the generator and MkDocs on synthetic corpora of N articles.

usage: python bench/run.py [--sizes 100 1000 10000] [--out bench/out] [--no-mkdocs] [--seed 0]

For each N, in a scratch copy of the project (`--out`/N/project, articles in its `seeds/`), each step runs in
a fresh subprocess, timed from outside, with its own peak memory (`wait4` rusage):
  full      `python -m generator build` with no cache and no pages
  +1        the same after adding one article to a meeting (cache warm; pages rewritten only when changed):
            the median of three such rebuilds, the article removed again (and that rebuild run) between them
  mkdocs    `mkdocs build` of the result (its hook re-runs the generator, which finds nothing to do)
  dirty     `mkdocs build --dirty` after the +1 rebuild (fast, but not publishable: see docs/benchmarks.md)
  mkdocs +1 `mkdocs build` after the +1 rebuild: the whole site again, unchanged pages from MkDocs' page cache
  template  the generator after editing the meeting template
Then the growth exponent of each step (slope of log time against log N), and, on the same texts in one
process, our per-article analysis time against sumy's LexRank summarising each article (as a ratio, after both
have run once untimed; the median of three rounds on fresh articles); and as each N begins and at the end, a
yardstick of the machine's speed (a fixed pure-Python loop) to compare runs by.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402  (bench/corpus.py)

from generator.cache import code_version  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PROJECT_FILES = ["mkdocs.yml", "briefing.yml", "docs", "templates", "generator/mkdocs_hook.py"]
GENERATED = ("meetings", "topics", "people", "outlets", "index.md", "tags.md", "feed.xml", "briefings.json",
             ".generator-manifest.json")
SUMMARY = re.compile(r"Read (\d+) articles .*?, (\d+) meetings, (\d+) unassigned.*?wrote (\d+) pages, (\d+) unchanged")
# Python caches compiled modules as usual (a sandbox may forbid it: then every run compiles the generator again)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"NO_MKDOCS_2_WARNING": "1"}


@dataclass
class Step:
    seconds: float
    peak_mb: float
    written: int | None = None  # pages written (generator steps)
    pages: int | None = None  # pages in all
    runs: list[float] = field(default_factory=list)  # a step timed several times: every run's seconds


@dataclass
class Result:
    n: int
    articles: int = 0
    meetings_made: int = 0
    meetings_found: int = 0
    unassigned: int = 0
    grouped_exactly: float = 0.0  # share of made meetings found as exactly one meeting
    code_changed: bool = False  # the generator's code changed during the run: the rebuilds ran cold
    yardstick: float = 0.0  # the machine's speed as this size's runs began (`yardstick`)
    steps: dict[str, Step] = field(default_factory=dict)


def run(cmd: list[str], cwd: Path, timeout: float = 3600) -> tuple[Step, str]:
    """Run `cmd` in a fresh process: wall time, peak resident memory of that process tree's largest member."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{out[-3000:]}")
    return Step(seconds, usage.ru_maxrss / 1024), out


def scratch_project(dest: Path) -> Path:
    """A copy of what the generator and `mkdocs build` read, without generated pages, cache or articles."""
    if dest.exists():
        shutil.rmtree(dest)
    for name in PROJECT_FILES:
        src, dst = ROOT / name, dest / name
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dst, ignore=shutil.ignore_patterns(*GENERATED))
        else:
            shutil.copy2(src, dst)
    return dest


def generator(project: Path) -> tuple[Step, re.Match]:
    step, out = run([sys.executable, "-m", "generator", "build", "--quiet"], project)
    m = SUMMARY.search(out)
    if not m:
        raise RuntimeError(f"no build summary in the generator's output:\n{out[-3000:]}")
    step.written, step.pages = int(m[4]), int(m[4]) + int(m[5])
    return step, m


PLUS_ONE_RUNS = 3  # one rebuild is at the mercy of the machine's noise (±20 % here): the median of three


def one_more(project: Path, path: Path, content: str) -> Step:
    """The rebuild after adding the article at `path`, timed `PLUS_ONE_RUNS` times: the median run, with every
    run's seconds. Between runs the article is removed and the project rebuilt, which drops its analysis from
    the cache (a build keeps only the entries it used), so each run analyses it anew. It ends added."""
    runs = []
    for i in range(PLUS_ONE_RUNS):
        if i:
            path.unlink()
            generator(project)
        path.write_text(content, encoding="utf-8")
        runs.append(generator(project)[0])
    median = sorted(runs, key=lambda step: step.seconds)[len(runs) // 2]
    median.runs = [step.seconds for step in runs]
    return median


def mkdocs(project: Path, *extra: str) -> Step:
    step, _ = run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", "site", *extra], project)
    step.pages = sum(1 for _ in (project / "site").rglob("index.html"))
    return step


def grouping(project: Path, manifest: dict) -> float:
    """Share of the made meetings whose articles the generator put together, and nothing else, in one meeting."""
    data = json.loads((project / "docs" / "briefings.json").read_text(encoding="utf-8"))
    file_of = {a["id"]: a["file"] for a in data["articles"]}
    found = {frozenset(file_of[a] for a in m["articles"]) for m in data["meetings"]}
    made = [frozenset(m["articles"]) for m in manifest["meetings"]]
    return sum(m in found for m in made) / max(len(made), 1)


def bench_size(n: int, out: Path, seed: int, with_mkdocs: bool) -> Result:
    version = code_version.__wrapped__()
    project = scratch_project(out / str(n) / "project")
    made = corpus.write_corpus(project / "seeds", n, seed)
    manifest = json.loads((project / corpus.MANIFEST).read_text(encoding="utf-8"))
    result = Result(n, len(made.articles), len(made.meetings), yardstick=yardstick())
    result.steps["full"], m = generator(project)
    result.meetings_found, result.unassigned = int(m[2]), int(m[3])
    result.grouped_exactly = grouping(project, manifest)
    if with_mkdocs:
        result.steps["mkdocs"] = mkdocs(project)
    name, content = corpus.extra_article(n, seed)
    result.steps["+1 article"] = one_more(project, project / "seeds" / name, content)
    if with_mkdocs:
        result.steps["mkdocs --dirty"] = mkdocs(project, "--dirty")
        result.steps["mkdocs +1"] = mkdocs(project)
    template = project / "templates" / "meeting.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\n*Benchmark edit.*\n", encoding="utf-8")
    result.steps["template edit"], _ = generator(project)
    result.code_changed = code_version.__wrapped__() != version
    return result


def exponent(results: list[Result], step: str) -> float | None:
    """Least-squares slope of log(time) against log(N): 1 is linear, 2 quadratic."""
    points = [(math.log(r.n), math.log(r.steps[step].seconds)) for r in results if step in r.steps]
    if len(points) < 2:
        return None
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    sxx = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / sxx if sxx else None


WARM_UP = 10  # articles each tool reads untimed first


def side_by_side(n: int, seed: int, limit: int = 100, rounds: int = 3) -> dict[str, float]:
    """Per-article seconds of our whole analysis (no cache) and of sumy's LexRank summarising each article, on
    the same synthetic articles, in this process. Both first run untimed on `WARM_UP` other articles, so neither
    is charged what it pays once per process (imports, compiled patterns, word lists: a build pays them once
    for all its articles). Then each of `rounds` rounds times both on `limit` fresh articles, alternating which
    goes first; the figures are the medians over the rounds."""
    from lexrank_baseline import lexrank

    from generator.clean import clean
    from generator.config import Settings
    from generator.ingest import split_front_matter
    from generator.metadata import parse_date
    from generator.model import Article
    from generator.pipeline import analyse

    size = min(n, limit)
    articles = []
    for name, content in corpus.make(WARM_UP + size * rounds, seed).articles:
        meta, body, _ = split_front_matter(content)
        articles.append(Article(id=Path(name).stem, file=name, title=meta["title"], outlet=meta["outlet"],
                                url=meta["url"], published=parse_date(meta["published"]), text=body))

    def ours(batch: list[Article]) -> float:
        start = time.perf_counter()
        analyse(batch, Settings(progress=False))
        return (time.perf_counter() - start) / len(batch)

    def theirs(batch: list[Article]) -> float:
        bodies = [a.body for a in clean(batch)]
        start = time.perf_counter()
        for body in bodies:
            lexrank([body], 8)
        return (time.perf_counter() - start) / len(bodies)

    ours(articles[:WARM_UP])
    theirs(articles[:WARM_UP])
    timed: list[tuple[float, float]] = []
    for i in range(rounds):
        batch = articles[WARM_UP + i * size:WARM_UP + (i + 1) * size]
        if i % 2:
            b, a = theirs(batch), ours(batch)
        else:
            a, b = ours(batch), theirs(batch)
        timed.append((a, b))
    return {"articles": size, "rounds": rounds, "ours_ms": 1000 * statistics.median(a for a, _ in timed),
            "lexrank_ms": 1000 * statistics.median(b for _, b in timed),
            "ratio": statistics.median(a / b for a, b in timed)}


def table(results: list[Result]) -> str:
    """The results as a Markdown table, one row per N, with the growth exponents below."""
    steps = [s for s in ("full", "+1 article", "template edit", "mkdocs", "mkdocs --dirty", "mkdocs +1")
             if any(s in r.steps for r in results)]
    head = ["N", "yardstick s", "meetings made / found (exact)", *(f"{s} s" for s in steps), "generator peak MB",
            "mkdocs peak MB", "pages (written +1 / template)", "generator ms/page", "mkdocs ms/page"]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in results:
        full = r.steps["full"]
        cells = [f"{r.n:,}" + (" (code changed during the run)" if r.code_changed else ""), f"{r.yardstick:.2f}",
                 f"{r.meetings_made} / {r.meetings_found} ({r.grouped_exactly:.0%})"]
        cells += [f"{r.steps[s].seconds:.2f}" if s in r.steps else "–" for s in steps]
        gen_peak = max(r.steps[s].peak_mb for s in ("full", "+1 article", "template edit"))
        cells += [f"{gen_peak:.0f}", f"{r.steps['mkdocs'].peak_mb:.0f}" if "mkdocs" in r.steps else "–"]
        cells.append(f"{full.pages:,} ({r.steps['+1 article'].written} / {r.steps['template edit'].written:,})")
        cells.append(f"{1000 * full.seconds / full.pages:.1f}")
        mk = r.steps.get("mkdocs")
        cells.append(f"{1000 * mk.seconds / mk.pages:.1f}" if mk else "–")
        rows.append("| " + " | ".join(cells) + " |")
    growth = [f"{s}: {e:.2f}" for s in steps if (e := exponent(results, s)) is not None]
    if growth:
        rows.append("")
        rows.append("Growth exponent (slope of log time against log N; 1 = linear): " + ", ".join(growth))
    runs = [f"{r.n:,}: " + " / ".join(f"{sec:.2f}" for sec in r.steps["+1 article"].runs) for r in results
            if r.steps["+1 article"].runs]
    if runs:
        rows.append("")
        rows.append(f"+1 article is the median of {PLUS_ONE_RUNS} rebuilds, each adding the article anew; all runs, "
                    "in s: " + "; ".join(runs))
    return "\n".join(rows)


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), "unknown CPU") if Path("/proc/cpuinfo").exists() else "unknown CPU"
    return f"{date.today().isoformat()}, {os.cpu_count()} cores ({cpu}), Python {sys.version.split()[0]}"


def yardstick() -> float:
    """Seconds of a fixed pure-Python loop (best of three): how fast the machine runs Python just now. A shared
    machine's speed drifts (this one's has doubled and halved between sessions); timings of different runs
    compare only alongside it."""
    def once() -> float:
        start, total = time.perf_counter(), 0
        for i in range(5_000_000):
            total += i % 7
        return time.perf_counter() - start
    return min(once() for _ in range(3))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-mkdocs", action="store_true", help="time the generator only")
    args = parser.parse_args(argv)
    results = []
    for n in args.sizes:
        results.append(bench_size(n, args.out, args.seed, not args.no_mkdocs))
        print(f"N={n}: " + ", ".join(f"{k} {v.seconds:.2f} s" for k, v in results[-1].steps.items()), flush=True)
    compare = side_by_side(min(args.sizes), args.seed)
    after = yardstick()
    speed = (f"Yardstick (a fixed pure-Python loop, lower is faster): measured as each N began (in the table) and "
             f"{after:.2f} s at the end")
    text = (f"{machine()}\n\n{speed}\n\n{table(results)}\n\n"
            f"Per-article analysis on the same {compare['articles']} articles (median of {compare['rounds']} rounds, "
            f"after a warm-up): "
            f"ours {compare['ours_ms']:.1f} ms (clean, quotes, meetings, summary, topics, discrepancies), "
            f"sumy LexRank {compare['lexrank_ms']:.1f} ms (summary only): ratio {compare['ratio']:.2f}")
    print(text)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.md").write_text(text + "\n", encoding="utf-8")
    (args.out / "results.json").write_text(json.dumps({"machine": machine(), "yardstick_at_end": after,
                                                       "results": [asdict(r) for r in results],
                                                       "side_by_side": compare}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
