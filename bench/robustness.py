"""How the analysis holds up when a gold-labelled corpus is written differently: the same articles with straight
or single quotation marks, single line breaks between paragraphs, "says" for "said", without their published
date, URL or title, or about people the gazetteer does not know (a hidden test set may differ from the
development set in any of these).

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
from generator.people import by_name, family_name, gazetteer, not_alone

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


class Unknown:
    """Everyone the gold names (principals, speakers) renamed, in the articles and the gold, to invented names of
    the same shape (family name first where the gazetteer says that country writes it first): the analysis then
    knows them only from the text, as it would people missing from `people.yml`. Role descriptions ("the Chinese
    president") still name the gazetteer's holders: those mentions count as errors here."""

    WESTERN = (["Tom", "Carol", "Grant", "Neil", "Frank", "Helen", "Victor", "Laura", "Martin", "Joan"],
               ["Fairley", "Wexford", "Ellery", "Barlow", "Dolan", "Pruitt", "Kessler", "Marlowe", "Haskett",
                "Tolland"])
    FAMILY_FIRST = (["Hanmin", "Wenyu", "Lifu", "Qingtao", "Jianhua", "Xiaodong", "Weiping", "Zhiqiang", "Rongsheng"],
                    ["Qiu", "Pan", "Cao", "Yan", "Fang", "Tan", "Mo", "Ou", "Bi"])

    def __init__(self) -> None:
        self.names: dict[str, str] = {}  # old → new: full names, then family names alone
        self.order: list[tuple[re.Pattern, str]] = []

    def prepare(self, gold: dict) -> dict:
        people, taken = by_name(), {part for p in gazetteer() for part in p.name.split()}
        named = sorted({*(p for m in gold["meetings"] for p in m["participants"]),
                        *(q["speaker"] for a in gold["articles"] for q in a.get("quotes", []))})
        pools = {shape: tuple([w for w in words if w not in taken] for words in lists)
                 for shape, lists in (("western", self.WESTERN), ("first", self.FAMILY_FIRST))}
        used = {"western": 0, "first": 0}
        for name in named:
            person = people.get(name)
            if person is None or person.organisation or " " not in name:
                continue
            first = family_name(name, person) == name.split()[0]
            shape = "first" if first else "western"
            given, family = (pool[used[shape] % len(pool)] for pool in pools[shape])
            used[shape] += 1
            self.names[name] = f"{family} {given}" if first else f"{given} {family}"
            old_family = family_name(name, person)
            if old_family not in not_alone():  # "He" alone is left: the pronoun
                self.names[old_family] = family
        self.order = [(re.compile(rf"(?<![\w-]){re.escape(old)}(?![\w-])"), new)
                      for old, new in sorted(self.names.items(), key=lambda kv: -len(kv[0]))]
        renamed = yaml.safe_load(yaml.safe_dump(gold))
        for m in renamed["meetings"]:
            m["participants"] = [self.names.get(p, p) for p in m["participants"]]
        for a in renamed["articles"]:
            for q in a.get("quotes", []):
                q["speaker"], q["text"] = self.names.get(q["speaker"], q["speaker"]), self(q["text"])
        return renamed

    def __call__(self, text: str) -> str:
        for pattern, new in self.order:
            text = pattern.sub(new, text)
        return text


def _single_marks(text: str) -> str:
    """British style: ‘…’ for speech (straight double marks too), ’ for apostrophes as before."""
    text = text.translate(str.maketrans("\u201c\u201d", "\u2018\u2019"))
    text = re.sub(r'(^|[\s(\[\u2014\u2013-])"', "\\1\u2018", text, flags=re.M)
    return text.replace('"', "\u2019")


VARIANTS: dict[str, Callable[[str], str]] = {
    "as written": lambda t: t,
    "straight quotes": _body(lambda t: t.translate(str.maketrans("\u201c\u201d\u2018\u2019", "\"\"''"))),
    "single quotation marks": _body(_single_marks),
    "single line breaks": _body(lambda t: re.sub(r"\n\s*\n", "\n", t)),
    "'says' for 'said'": _body(lambda t: re.sub(r"\bsaid\b", "says", t)),
    "no published date": _without("published"),
    "no URL": _without("url"),
    "no title": _without("title"),
    "no date, URL or title": lambda t: _without("title")(_without("url")(_without("published")(t))),
    "people not in the gazetteer": Unknown(),
}


def figures(gold: dict, articles: Path, change: Callable[[str], str]) -> dict[str, float]:
    if hasattr(change, "prepare"):  # a variant that renames what the gold names too (`Unknown`)
        gold = change.prepare(gold)
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
