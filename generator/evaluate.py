"""Evaluation against gold labels (format: shared/corpus/README.md), with the same definitions as the
project's reference scorer: pairwise meeting F1 and date accuracy, quote F1 and speaker accuracy,
key-fact recall (and junk in summaries), topic micro-F1."""
from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import yaml

from .clean import rules
from .config import Settings
from .export import to_data
from .ingest import ingest
from .pipeline import analyse

TITLES = {"mr", "mrs", "ms", "dr", "president", "secretary", "minister", "foreign", "state", "of", "the", "us",
          "u.s.", "chinese", "premier", "vice"}


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[\u2018\u2019\u201a\u201b`´]", "'", text)
    text = re.sub(r"[\u201c\u201d\u201e\u201f«»]", '"', text)
    text = re.sub(r"\s+", " ", text).strip().casefold()
    return text.strip(" .,;:!?'\"-\u2013\u2014\u2026")


def same_quote(a: str, b: str) -> bool:
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return (short in long_ and len(short) >= 0.8 * len(long_)) or SequenceMatcher(None, a, b).ratio() >= 0.9


def same_speaker(pred: str | None, gold: str) -> bool:
    def tokens(name):
        return {t for t in re.findall(r"[\w.]+", norm(name or "")) if t not in TITLES}
    p, g = tokens(pred), tokens(gold)
    return bool(p and g) and (p == g or p <= g or g <= p)


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def majority(gold_id: str, gold: dict, pred_of: dict[str, str | None]) -> str | None:
    votes = Counter(pred_of.get(a["file"]) for a in gold["articles"] if a["meeting"] == gold_id and pred_of.get(a["file"]))
    return votes.most_common(1)[0][0] if votes else None


def score(export: dict[str, Any], gold: dict) -> dict[str, float]:
    pred_of = {Path(a["file"]).name: a["meeting"] for a in export["articles"]}
    art_id = {Path(a["file"]).name: a["id"] for a in export["articles"]}
    meetings = {m["id"]: m for m in export["meetings"]}
    gold_of = {a["file"]: a["meeting"] for a in gold["articles"]}
    out: dict[str, float] = {}
    # meetings
    tp = fp = fn = 0
    for x, y in itertools.combinations(gold_of, 2):
        g = gold_of[x] == gold_of[y]
        p = pred_of.get(x) is not None and pred_of.get(x) == pred_of.get(y)
        tp, fp, fn = tp + (g and p), fp + (p and not g), fn + (g and not p)
    prec, rec = (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)
    out.update(meeting_precision=prec, meeting_recall=rec, meeting_f1=f1(prec, rec))
    matched = {gm["id"]: meetings.get(majority(gm["id"], gold, pred_of)) or {} for gm in gold["meetings"]}
    out["date_accuracy"] = sum(
        str(matched[gm["id"]].get("date")) in {str(gm["date"]), *map(str, gm.get("dates_ok", []))} for gm in gold["meetings"]
    ) / len(gold["meetings"])
    # quotes
    quotes = [q for m in export["meetings"] for q in m["quotes"]] + export["unassigned_quotes"]
    tp = n_pred = n_gold = spk_ok = spk_n = 0
    for ga in gold["articles"]:
        aid = art_id.get(ga["file"])
        pred = [q for q in quotes if aid in q["sources"] and len(norm(q["text"]).split()) >= 4]
        n_pred, n_gold = n_pred + len(pred), n_gold + len(ga.get("quotes") or [])
        used: set[int] = set()
        for gq in ga.get("quotes") or []:
            hit = next((i for i, q in enumerate(pred) if i not in used and same_quote(q["text"], gq["text"])), None)
            if hit is None:
                continue
            used.add(hit)
            tp += 1
            if gq.get("speaker") and gq["speaker"] != "unknown":
                spk_n += 1
                spk_ok += any(same_speaker(pred[hit]["speaker"], w) for w in [gq["speaker"], *gq.get("speakers_ok", [])])
    prec, rec = (tp / n_pred if n_pred else 0.0), (tp / n_gold if n_gold else 0.0)
    out.update(quote_precision=prec, quote_recall=rec, quote_f1=f1(prec, rec),
               speaker_accuracy=spk_ok / spk_n if spk_n else 0.0)
    # facts and junk in summaries
    hit = total = longest = junk = 0
    drop = rules().drop
    for gm in gold["meetings"]:
        sents = [s["text"] for s in matched[gm["id"]].get("summary", [])]
        longest = max(longest, len(sents))
        junk += sum(1 for s in sents if drop.search(s))
        for fact in gm.get("facts", []):
            total += 1
            hit += any(re.search(p, s, re.I) for p in fact["patterns"] for s in sents)
    out.update(fact_recall=hit / total if total else 0.0, longest_summary=longest, boilerplate_sentences=junk)
    # topics
    tp = fp = fn = 0
    for gm in gold["meetings"]:
        p, g = set(matched[gm["id"]].get("topics", [])), set(gm.get("topics", []))
        tp, fp, fn = tp + len(p & g), fp + len(p - g - set(gm.get("topics_optional", []))), fn + len(g - p)
    prec, rec = (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)
    out.update(topic_precision=prec, topic_recall=rec, topic_f1=f1(prec, rec))
    return out


def figures(gold: dict, articles: Path) -> dict[str, float]:
    """Run the analysis on `articles` (nothing is written) and score it against `gold`."""
    ingested = ingest(articles)
    return score(to_data(analyse(ingested.articles, Settings(articles=articles), ingested.problems)), gold)


def evaluate(gold_path: Path, articles: Path) -> str:
    """The figures as a table."""
    measured = figures(yaml.safe_load(gold_path.read_text(encoding="utf-8")), articles)
    lines = ["| figure | value |", "|---|---|"]
    lines += [f"| {name.replace('_', ' ')} | {value:.3f} |" if isinstance(value, float) else f"| {name.replace('_', ' ')} | {value} |"
              for name, value in measured.items()]
    return "\n".join(lines)
