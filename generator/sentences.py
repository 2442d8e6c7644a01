"""Sentence segmentation for news text, shared by the summary and topics stages.

pysbd knows news abbreviations (U.S., Mr., Gen., Jan.) and quotations with inner full stops, but it is slow
(~0.3 MB/s). Most boundaries are unambiguous, so a cheap pre-split handles those and pysbd sees only the
chunks that still hold a doubtful full stop: line breaks first (so no span crosses a blank line), then "safe" breaks
(a word that is not an abbreviation, a full stop outside any quotation, a capital letter next).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

import pysbd

from .resources import load

# Any place where a sentence could end: terminal punctuation, closing quotes/brackets, whitespace, more text.
_CANDIDATE = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s+\S")
# A break pysbd cannot get wrong: "<word of 4+ letters, or a year>. <Capital>", the word not an abbreviation
# (the quote balance is checked separately).
_SAFE = re.compile(r"(?<![.\w'\u2019-])([a-z]{3,}|[A-Z][a-z]{3,}|\d{4})([.!?])(\s+)(?=[A-Z\u201c\"])")
# pysbd ends a sentence at every line break; so do we, before anything else.
_LINE_BREAK = re.compile(r"\s*\n\s*")
_OPEN = ("\u201c",)
_CLOSE = ("\u201d",)


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False, char_span=False)


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """Words that take a full stop without ending a sentence ("approx.", "Calif."): never safe breaks."""
    return frozenset(str(w).casefold() for w in load("summary.yml")["sentences"]["abbreviations"])


def _inside_quote(text: str, end: int) -> bool:
    """True when `text[:end]` leaves a double quotation open (curly or straight quotes)."""
    head = text[:end]
    curly = sum(head.count(c) for c in _OPEN) - sum(head.count(c) for c in _CLOSE)
    return curly > 0 or head.count('"') % 2 == 1


def _safe_breaks(text: str) -> list[int]:
    """Offsets where `text` can be cut before running pysbd."""
    abbreviations = _abbreviations()
    cuts = []
    for m in _SAFE.finditer(text):
        if m.group(1).casefold() in abbreviations or _inside_quote(text, m.end(2)):
            continue
        cuts.append(m.end(3))
    return cuts


def _pysbd_spans(text: str, offset: int) -> list[tuple[int, int]]:
    """pysbd's sentences of `text`, located by a moving cursor (pysbd with clean=False keeps the text).
    `processor().process()` is what `segment` runs before locating each sentence with a regex of its own, compiled
    per sentence (a third of pysbd's time); the cursor does that job here."""
    spans = []
    cursor = 0
    for piece in _segmenter().processor(text).process():
        piece = piece.strip()
        if not piece:
            continue
        start = text.find(piece, cursor)
        if start < 0:  # pysbd altered the text: keep the rest as one sentence rather than lose it
            rest = text[cursor:].strip()
            if rest:
                start = text.index(rest, cursor)
                spans.append((offset + start, offset + start + len(rest)))
            return spans
        spans.append((offset + start, offset + start + len(piece)))
        cursor = start + len(piece)
    return spans


def _chunk_spans(text: str, offset: int) -> list[tuple[int, int]]:
    """Sentences of one chunk with no paragraph break; pysbd only when a doubtful boundary remains."""
    stripped = text.strip()
    if not stripped:
        return []
    lead = text.index(stripped)
    if not _CANDIDATE.search(stripped):
        return [(offset + lead, offset + lead + len(stripped))]
    return _pysbd_spans(stripped, offset + lead)


@lru_cache(maxsize=4096)
def _paragraph_spans(paragraph: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans of one line, relative to it (cached: syndicated copies repeat paragraphs)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in [*_safe_breaks(paragraph), len(paragraph)]:
        spans += _chunk_spans(paragraph[start:cut], start)
        start = cut
    return tuple(spans)


Spans = tuple[tuple[int, int], ...]
_SPLITS: dict[str, Spans] = {}  # text → its sentence spans; see `remember`
_MEMO_LIMIT = 65536


def _split(text: str) -> Spans:
    if (known := _SPLITS.get(text)) is not None:
        return known
    spans: list[tuple[int, int]] = []
    start = 0
    for m in [*_LINE_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        line = text[start:end]  # a paragraph whose spans `remember` got, when `text` is a whole body
        spans += [(start + a, start + b) for a, b in _SPLITS.get(line) or _paragraph_spans(line)]
        start = m.end() if m else end
    if len(_SPLITS) >= _MEMO_LIMIT:
        _SPLITS.clear()
    _SPLITS[text] = found = tuple(spans)
    return found


def splits(texts: Iterable[str]) -> tuple[Spans, ...]:
    """The sentence spans of each of `texts`, to hand to `remember` in another process: splitting (pysbd) is
    the costliest step of reading an article, and an article's meeting is analysed apart from the article."""
    return tuple(_split(t) for t in texts)


def remember(known: Mapping[str, Spans]) -> None:
    """Take sentence spans computed elsewhere (by `splits`) instead of splitting those texts again."""
    _SPLITS.update(known)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of `text`: never across a blank line, stripped of outer space."""
    return list(_split(text))


def sentences(text: str) -> list[str]:
    """The sentences of `text` as strings (for callers that do not need offsets)."""
    return [text[a:b] for a, b in _split(text)]
