"""How the analysis holds up when a gold-labelled corpus is written differently: the same articles with straight
quotation marks, single line breaks between paragraphs, "says" for "said", or without their published date,
URL or title (a hidden test set may differ from the development set in any of these).

usage: python bench/robustness.py [GOLD] [ARTICLES_DIR]   (default: ../shared/corpus/dev)

Prints one row of figures a variant, with the definitions of `python -m generator evaluate`.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import yaml

from generator import evaluate
from generator.ingest import FRONT_MATTER

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
FIGURES = ("meeting_f1", "date_accuracy", "quote_f1", "speaker_accuracy", "fact_recall", "topic_f1")


def _body(change: Callable[[str], str]) -> Callable[[str], str]:
    """Apply `change` to the body only, not to the front matter."""
    def apply(text: str) -> str:
        m = FRONT_MATTER.match(text)
        return text[:m.end()] + change(text[m.end():]) if m else change(text)
    return apply


def _without(field: str) -> Callable[[str], str]:
    def apply(text: str) -> str:
        m = FRONT_MATTER.match(text)
        if not m:
            return text
        kept = re.sub(rf"(?m)^{field}:.*\n?", "", m.group(1)).rstrip("\n")
        return f"---\n{kept}\n---\n" + text[m.end():]
    return apply


VARIANTS: dict[str, Callable[[str], str]] = {
    "as written": lambda t: t,
    "straight quotes": _body(lambda t: t.translate(str.maketrans("\u201c\u201d\u2018\u2019", "\"\"''"))),
    "single line breaks": _body(lambda t: re.sub(r"\n\s*\n", "\n", t)),
    "'says' for 'said'": _body(lambda t: re.sub(r"\bsaid\b", "says", t)),
    "no published date": _without("published"),
    "no URL": _without("url"),
    "no title": _without("title"),
    "no date, URL or title": lambda t: _without("title")(_without("url")(_without("published")(t))),
}


def figures(gold: dict, articles: Path, change: Callable[[str], str]) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for path in sorted(articles.iterdir()):
            if path.is_file():
                (folder / path.name).write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
        return evaluate.figures(gold, folder)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("gold", nargs="?", type=Path, default=DEV / "gold.yml")
    p.add_argument("articles", nargs="?", type=Path, default=DEV / "articles")
    p.add_argument("--variants", nargs="*", choices=list(VARIANTS), default=list(VARIANTS))
    args = p.parse_args(argv)
    if not args.gold.is_file() or not args.articles.is_dir():
        print(f"error: {args.gold} or {args.articles} not found", file=sys.stderr)
        return 1
    gold = yaml.safe_load(args.gold.read_text(encoding="utf-8"))
    print("| variant | " + " | ".join(f.replace("_", " ") for f in FIGURES) + " |")
    print("|---|" + "---|" * len(FIGURES))
    for name in args.variants:
        got = figures(gold, args.articles, VARIANTS[name])
        print(f"| {name} | " + " | ".join(f"{got[f]:.3f}" for f in FIGURES) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
