"""Key-fact recall of our summaries against sumy's LexRank, meeting by meeting, on a gold-labelled corpus.

usage: python bench/lexrank_baseline.py GOLD ARTICLES_DIR [--length 8] [--raw]

Articles are grouped by their gold `meeting` (this measures summaries, not grouping). LexRank summarises the
meeting's concatenated article bodies (cleaned; `--raw` gives it the page text as read, junk included) to the
same number of sentences. sumy's default tokenizer needs NLTK punkt data, so it gets our sentence splitter.
Also counts boilerplate sentences (captions, bylines, questions…) in each summary: ours must have none.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml
from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words

from generator.clean import clean
from generator.ingest import ingest
from generator.model import Article, Meeting
from generator.sentences import sentences
from generator.summary import is_boilerplate, summarize

_WORD = re.compile(r"\w+(?:['\u2019-]\w+)*")


class Tokenizer:
    """The sumy tokenizer interface over our segmenter (no NLTK data needed)."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


def lexrank(texts: list[str], length: int) -> list[str]:
    """sumy LexRank over the concatenated texts."""
    parser = PlaintextParser.from_string("\n\n".join(texts), Tokenizer())
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return [str(s) for s in summarizer(parser.document, length)]


def recall(facts: list[dict], summary: list[str]) -> tuple[int, int]:
    """Facts whose patterns match a summary sentence (the official scorer's rule), and all facts."""
    hit = sum(any(re.search(p, s, re.I) for p in f["patterns"] for s in summary) for f in facts)
    return hit, len(facts)


def gold_meetings(gold: dict, articles: dict[str, Article]) -> list[tuple[Meeting, list[dict]]]:
    """Meetings built from the gold labels: the articles each gold meeting lists."""
    by_file = {Path(a.file).name: a.id for a in articles.values()}
    out = []
    for gm in gold["meetings"]:
        ids = tuple(by_file[g["file"]] for g in gold["articles"] if g["meeting"] == gm["id"] and g["file"] in by_file)
        meeting = Meeting(id=gm["id"], title=gm["id"], date=gm["date"], location=gm.get("location"), venue=None,
                          participants=tuple(gm.get("participants", [])), articles=ids)
        out.append((meeting, gm.get("facts", [])))
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("articles", type=Path)
    parser.add_argument("--length", type=int, default=8)
    parser.add_argument("--raw", action="store_true", help="give LexRank the raw page text, junk included")
    args = parser.parse_args(argv)
    gold = yaml.safe_load(args.gold.read_text(encoding="utf-8"))
    articles = {a.id: a for a in clean(list(ingest(args.articles).articles))}
    totals = [0, 0, 0, 0, 0]  # ours hit, lexrank hit, facts, ours junk, lexrank junk
    print(f"{'meeting':32} {'ours':>7} {'LexRank':>8} {'junk ours/LR':>13}")
    for meeting, facts in gold_meetings(gold, articles):
        ours = [s.text for s in summarize(meeting, articles, args.length, meeting.syndicated)]
        texts = [articles[a].text if args.raw else articles[a].body for a in meeting.articles]
        theirs = lexrank(texts, args.length)
        (h1, n), (h2, _) = recall(facts, ours), recall(facts, theirs)
        j1, j2 = sum(map(is_boilerplate, ours)), sum(map(is_boilerplate, theirs))
        for i, v in enumerate((h1, h2, n, j1, j2)):
            totals[i] += v
        print(f"{meeting.id:32} {h1:>3}/{n:<3} {h2:>4}/{n:<3} {j1:>6}/{j2:<6}")
    ours_r, theirs_r = totals[0] / max(totals[2], 1), totals[1] / max(totals[2], 1)
    print(f"{'all':32} {ours_r:>7.3f} {theirs_r:>8.3f} {totals[3]:>6}/{totals[4]:<6}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
