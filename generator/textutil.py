"""Small text helpers shared by the stages: normalisation, slugs."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SINGLE = re.compile(r"[\u2018\u2019\u201a\u201b`´]")
_DOUBLE = re.compile(r"[\u201c\u201d\u201e\u201f«»]")
_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Compare-friendly text: NFKC, straight quotes, single spaces (case kept)."""
    text = unicodedata.normalize("NFKC", text)
    text = _SINGLE.sub("'", text)
    text = _DOUBLE.sub('"', text)
    return _SPACE.sub(" ", text).strip()


def fold(text: str) -> str:
    """`normalize`, case-folded: for matching, never for display."""
    return normalize(text).casefold()


@lru_cache(maxsize=65536)
def slugify(text: str, max_len: int = 80) -> str:
    """ASCII slug of lowercase letters, digits and single hyphens: cannot name a path outside its folder."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:max_len].rstrip("-") or "untitled"


def alternation(words) -> str:
    """A regex alternation of literal words or phrases, longest first (so "vice premier" wins over "premier"),
    with any run of white space allowed between the words of a phrase."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
