"""Infer missing article metadata from what the article itself shows: never invent it."""
from __future__ import annotations

import re
from datetime import date, datetime
from urllib.parse import urlparse

from .dates import find_dates
from .resources import load

URL_DATE = [
    re.compile(r"/(?P<y>20\d\d|19\d\d)/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/|$|[-_])"),  # /2023/11/15/
    re.compile(r"(?<!\d)(?P<y>20\d\d|19\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)"),  # /2023-06-19/, slug-2023-06-19
    re.compile(r"/(?P<y>20\d\d)[-/]?(?P<m>\d\d)/(?P<d>\d\d)/"),  # /2023-07/10/, /202311/16/
    re.compile(r"/(?P<y>20\d\d)/(?P<m>\d\d)(?P<d>\d\d)/"),  # /2024/0601/
    re.compile(r"(?<!\d)(?P<y>20\d\d)(?P<m>\d\d)(?P<d>\d\d)(?:\d{4}|\d{6})?(?!\d)"),  # /20231116/, 20250203180300
    re.compile(r"(?<![\d-])(?P<m>\d{1,2})-(?P<d>\d{1,2})-(?P<y>20\d\d)(?!\d)"),  # /10-30-2025/ (US order)
]


def parse_date(value) -> date | None:
    """A YYYY-MM-DD value (YAML may already have made it a date)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?\s*", str(value))
    if not match:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def published_from_url(url: str | None) -> date | None:
    """A date in the URL path, in the forms news sites use (see `URL_DATE`)."""
    if not url:
        return None
    path = urlparse(url).path
    for pattern in URL_DATE:
        for match in pattern.finditer(path):
            try:
                found = date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                continue
            if 1990 <= found.year <= 2100:
                return found
    return None


TIMESTAMP_LINES = 10  # the first lines of a page, where bylines, datelines and timestamps sit
TIMESTAMP_CHARS = 90  # longer lines are prose or captions, whose dates may be any day
# "November 6, 2023, Beijing –", "Beijing, 29 August 2023 (TDI):"
DATELINE = re.compile(r"[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4},? [A-Z][\w .]{1,30} ?[-–—]"
                      r"|[A-Z][A-Za-z .]{1,30}, \d{1,2} [A-Z][a-z]+ \d{4} \(")


def published_from_text(body: str) -> date | None:
    """The date of a byline, dateline or timestamp among the first short lines of the page text ("By Evan Symon,
    November 15, 2023 7:32 pm", "2024-05-31 | 04:25", "Published: Jul 08, 2023 12:15 AM")."""
    lines = [line.strip() for line in body.splitlines() if line.strip()][:TIMESTAMP_LINES]
    for line in lines:
        # a short line, or the dateline that opens a paragraph ("November 6, 2023, Beijing – Chinese President…")
        dateline = DATELINE.match(line)
        text = line if len(line) <= TIMESTAMP_CHARS else dateline.group() if dateline else ""
        days = [ref.value for ref in find_dates(text, None) if ref.precision == "day"]
        if days:
            return days[0]
    return None


def infer_title(body: str) -> str | None:
    """The first heading, else the first non-empty line."""
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    for line in lines:
        if line.startswith("#"):
            return line.lstrip("#").strip() or None
    return lines[0][:300] if lines else None


def infer_outlet(url: str | None, body: str) -> str:
    """Outlet from a known text signature, else the URL host, else "Unknown outlet"."""
    outlets = load("outlets.yml")
    for sig in outlets["signatures"]:
        if re.search(sig["pattern"], body, re.M):
            return sig["outlet"]
    if url:
        host = (urlparse(url).hostname or "").lower().removeprefix("www.")
        for known, name in outlets["hosts"].items():
            if host == known or host.endswith("." + known):
                return name
        if host:
            return host
    return "Unknown outlet"
