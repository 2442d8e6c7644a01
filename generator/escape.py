"""Escaping untrusted article text for Markdown pages, YAML front matter and URLs.

Text is data: after escaping, nothing in it can become markup, a link, a footnote or script.
"""
from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from urllib.parse import quote, urlsplit

from markupsafe import Markup

_INLINE = re.compile(r"([\\`*_{}\[\]()#+!|])")
_LINE_START = re.compile(r"^(\s*)([-+>=]|\d+[.)])")


def md(text: object) -> Markup:
    """Inline Markdown-safe text: one line, HTML special characters as entities, Markdown syntax escaped."""
    if isinstance(text, Markup):
        return text
    return _md(str(text))


@lru_cache(maxsize=65536)
def _md(text: str) -> Markup:
    """The escaping itself, memoised: pages repeat names, titles and outlets many times."""
    s = " ".join(text.split())
    s = html.escape(s, quote=False)
    s = _INLINE.sub(r"\\\1", s)
    s = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2) if not m.group(2)[0].isdigit()
                        else m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], s)
    return Markup(s)


def yaml_str(text: object) -> Markup:
    """A YAML scalar (JSON strings are valid YAML) safe for front matter. HTML-escaped too: MkDocs and
    Material print front-matter titles and descriptions into the page unescaped (<title>, header, meta)."""
    return Markup(json.dumps(html.escape(" ".join(str(text).split())), ensure_ascii=True))


def safe_url(url: object) -> Markup:
    """An http(s) URL safe inside Markdown link parentheses; anything else becomes an empty link target."""
    return _safe_url(str(url).strip()) if url else Markup("")


@lru_cache(maxsize=65536)
def _safe_url(url: str) -> Markup:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return Markup("")
    return Markup(quote(url, safe=":/?#[]@!$&'*+,;=%~.-_"))
