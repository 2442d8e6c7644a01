"""Clean: strip page junk (captions, teasers, banners, paywall blocks, bylines) from article bodies.

The rules are data (`data/junk.yml`) plus structural signals: a line repeated (caption pairs), a line
that repeats another with a prefix (related-story teasers), a line with no sentence punctuation.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from .model import Article
from .resources import load
from .textutil import fold


@dataclass(frozen=True)
class Rules:
    drop: re.Pattern  # every drop_line pattern in one alternation: one scan per line (see `_drop_pattern`)
    strip: tuple[re.Pattern, ...]
    any_strip: re.Pattern  # any of `strip`: a line none matches (most) is not tried against each
    strip_suffix: tuple[re.Pattern, ...]
    end_credit: re.Pattern
    min_words: int
    sentence_end: re.Pattern
    long_line_words: int
    max_junk_words: int
    quoted_line: re.Pattern
    rest_after: re.Pattern
    lead_in_words: int
    quotation_start: re.Pattern


def _drop_pattern(patterns: list[str]) -> re.Pattern:
    """The drop_line patterns in one alternation, those anchored at the line start ("^") grouped under one "^":
    `re` then tries them once per line, not again at every position."""
    start = [f"(?:{p})" for p in patterns if p.startswith("^")]
    anywhere = [f"(?:{p})" for p in patterns if not p.startswith("^")]
    grouped = [f"^(?:{'|'.join(start)})"] if start else []
    return re.compile("|".join(grouped + anywhere), re.I)


@lru_cache(maxsize=1)
def rules() -> Rules:
    data = load("junk.yml")
    return Rules(
        drop=_drop_pattern(data["drop_line"]),
        strip=tuple(re.compile(p) for p in data["strip_prefix"]),
        any_strip=re.compile("|".join(f"(?:{p})" for p in data["strip_prefix"])),
        strip_suffix=tuple(re.compile(p) for p in data["strip_suffix"]),
        end_credit=re.compile(data["end_credit"]),
        min_words=int(data["min_words"]),
        sentence_end=re.compile(data["sentence_end"]),
        long_line_words=int(data["long_line_words"]),
        max_junk_words=int(data["max_junk_words"]),
        quoted_line=re.compile(data["quoted_line"]),
        rest_after=re.compile(data["rest_after"], re.I),
        lead_in_words=int(data["lead_in_words"]),
        quotation_start=re.compile(data["quotation_start"]),
    )


_NON_WORD = re.compile(r"\W+")
_LETTER = re.compile(r"[A-Za-z]")


def _key(line: str) -> str:
    return _NON_WORD.sub(" ", fold(line)).strip()


_SENTENCE_END = re.compile(r"[.!?][\"”’)]?(?:\s|$)")


def _prose(line: str, r: Rules) -> bool:
    """Long and of several sentences: a paragraph, not a caption."""
    return len(line.split()) >= r.long_line_words and len(_SENTENCE_END.findall(line)) >= 2


def junk_lines(lines: list[str], title: str, r: Rules) -> set[int]:
    """Indices of lines that are junk."""
    keys = [_key(line) for line in lines]
    counts = Counter(k for k in keys if k)
    title_key = _key(title)
    junk: set[int] = set()
    prose = False  # a paragraph of the story seen: a list of other stories before any is a sidebar's heading
    for i, (line, key) in enumerate(zip(lines, keys)):
        if not key:
            continue
        if r.rest_after.match(line.strip()):  # "You may also like": other stories to the end of the page
            if prose:
                junk.update(range(i, len(lines)))
                break
            junk.add(i)
            continue
        words = len(line.split())
        prose = prose or words >= r.min_words and bool(r.sentence_end.search(line))
        # a quotation standing alone (a quoted heading) is a quotation, not a heading: only a drop rule makes it junk
        quoted = r.quoted_line.match(line) and counts[key] == 1
        structural = not quoted and (
            # repeated lines: captions shown twice, repeated headlines (a lead shown twice: kept once)
            key == title_key or counts[key] > 1 and (i != keys.index(key) or not _prose(line, r))
            # headings, bylines, banners, teasers, tickers (a long line is prose cut short)
            or words < r.min_words or words < r.long_line_words and not r.sentence_end.search(line)
            # a line of another script (e.g. a Chinese ticker) or symbols
            or not _LETTER.search(line)
        )
        # the drop rules, the costliest test, only for lines the structure keeps
        if structural or words <= r.max_junk_words and r.drop.search(line):
            junk.add(i)
    # caption pairs and teasers: a line that another nearby line starts or ends with
    for i, key in enumerate(keys):
        if not key or len(key) < 20:
            continue
        for j in range(max(0, i - 2), min(len(keys), i + 3)):
            other = keys[j]
            if j != i and other != key and (other.startswith(key) or other.endswith(key)):
                junk.update({i, j})
    return junk


# a line break inside a sentence, the next line indented with a tab: text hard-wrapped by an archive page (the
# look-ahead first: the look-behinds are then tested at line breaks only, not at every character)
_WRAPPED = re.compile(r"(?=[ \t]*\n\t)(?<![.!?:\s])(?<![.!?:][\"”’])[ \t]*\n\t+(?=\S)")


def joined_lead_ins(lines: list[str], r: Rules) -> list[str]:
    """A short line ending with a colon and the line after it that opens a quotation ("Meloni told Xi:" /
    "“There is …”") as one: the colon line is that quotation's attribution, not a heading to drop."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line, j = lines[i], i + 1
        while j < len(lines) and not lines[j]:
            j += 1
        if line.endswith(":") and j < len(lines) and len(line.split()) <= r.lead_in_words \
                and r.quotation_start.match(lines[j]):
            out.append(f"{line} {lines[j]}")
            i = j + 1
        else:
            out.append(line)
            i += 1
    return out


def clean_text(text: str, title: str) -> tuple[str, tuple[str, ...]]:
    """Return (cleaned body with paragraphs separated by a blank line, removed lines)."""
    r = rules()
    lines = [" ".join(line.split()) for line in _WRAPPED.sub(" ", text).splitlines()]
    for pattern in r.strip_suffix:
        lines = [pattern.sub("", line) for line in lines]
    last = max((i for i, line in enumerate(lines) if line), default=None)
    if last is not None:
        lines[last] = r.end_credit.sub("", lines[last])
    lines = joined_lead_ins(lines, r)
    junk = junk_lines(lines, title, r)
    kept, removed = [], []
    for i, line in enumerate(lines):
        if not line:
            continue
        if i in junk:
            removed.append(line)
            continue
        if r.any_strip.search(line):
            for pattern in r.strip:
                line = pattern.sub("", line, count=1)
        kept.append(line)
    return "\n\n".join(kept), tuple(removed)


def clean_article(article: Article) -> Article:
    body, removed = clean_text(article.text, article.title)
    return replace(article, body=body, removed=removed)


def clean(articles: list[Article]) -> list[Article]:
    return [clean_article(a) for a in articles]
