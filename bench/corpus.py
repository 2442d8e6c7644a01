"""Make a realistic synthetic corpus of N articles for the speed benchmark.

usage: python bench/corpus.py N DEST [--seed 0]

The real articles (`seeds/`, plus `../shared/corpus/dev/articles` when it is there) are grouped into their
meetings by the generator itself; each synthetic meeting copies one real meeting's articles (2–8 of them; when
it needs more than the meeting has, the extras are syndicated copies with one paragraph dropped) and makes
them a different encounter:
- other principals, drawn from the gazetteer (`generator/data/people.yml`) on the same side as the ones they
  replace, never someone the real articles name; every name form and role description of the originals
  ("President Xi", "the Chinese leader") is replaced consistently in title and body;
- another place (venue and its city, or a city) from `generator/data/places.yml`;
- dates moved by whole weeks, so "on Monday" stays true: the published date and every written date
  ("June 19", "19 June 2023", "2023-06-19") move together; no person meets twice in one week;
- other outlets, and a URL of its own per article.
Articles are written as Markdown with front matter; `corpus.json` beside them lists the meetings made.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import yaml

from generator.clean import clean
from generator.dates import find_dates
from generator.ingest import ingest
from generator.meetings import group_meetings
from generator.model import Article
from generator.people import by_name, find_people, gazetteer
from generator.places import find_places, places
from generator.resources import load
from generator.textutil import slugify

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DEV = ROOT.parent / "shared" / "corpus" / "dev" / "articles"
MANIFEST = "corpus.json"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
FULL_MONTHS = {m.lower() for m in MONTHS}
_MONTH_WORD = re.compile(r"\b(" + "|".join(m[:3] for m in MONTHS) + r")[a-z]*\b", re.I)
_ISO = re.compile(r"\d{4}-\d\d-\d\d")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DAY = re.compile(r"\b\d{1,2}(?=(?:st|nd|rd|th)?\b)")


@dataclass(frozen=True)
class Source:
    """One real meeting and its articles as read (raw text), with what must not be drawn as a replacement."""

    participants: tuple[str, ...]
    date: date
    venue: str | None
    city: str | None
    articles: tuple[Article, ...]
    named: frozenset[str]  # people and places the articles name anywhere


@dataclass(frozen=True)
class Plan:
    """One synthetic meeting: which real meeting it copies and how it differs."""

    source: int
    people: dict[str, str]  # original principal → replacement
    place: dict[str, str]  # original venue / city → replacement
    weeks: int
    size: int


@dataclass
class Corpus:
    articles: list[tuple[str, str]] = field(default_factory=list)  # (file name, Markdown with front matter)
    meetings: list[dict] = field(default_factory=list)  # manifest: id, participants, date, articles


def source_folders() -> list[Path]:
    """The seeds, and the dev corpus when ../shared is there."""
    return [p for p in (SEEDS, DEV) if p.is_dir()]


@lru_cache(maxsize=1)
def sources() -> tuple[Source, ...]:
    """The real meetings, grouped by the generator; unassigned articles are left out."""
    raw: dict[str, Article] = {}
    for folder in source_folders():
        for article in ingest(folder).articles:
            raw[article.id] = article
    cleaned = clean(list(raw.values()))
    meetings, _ = group_meetings(cleaned)
    out = []
    for m in sorted(meetings, key=lambda m: m.id):
        texts = [raw[a].title + "\n" + raw[a].text for a in m.articles]
        named = {p.name for t in texts for p in find_people(t, m.date)}
        named |= {name for t in texts for p in find_places(t) for name in (p.place.name, p.place.city)}
        out.append(Source(m.participants, m.date, m.venue, m.location, tuple(raw[a] for a in m.articles),
                          frozenset(named)))
    return tuple(out)


@lru_cache(maxsize=1)
def principals_by_country() -> dict[str, tuple[str, ...]]:
    """People who can be a meeting's principal (no organisations, no spokespeople), by country."""
    excluded = [r.lower() for r in load("meetings.yml")["not_principal_roles"]]
    out: dict[str, list[str]] = {}
    for p in gazetteer():
        if p.organisation or not p.country or any(r in (p.role or "").lower() for r in excluded):
            continue
        out.setdefault(p.country, []).append(p.name)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def outlets() -> tuple[str, ...]:
    """Real outlet names: those of the source articles and of `data/outlets.yml`."""
    names = {a.outlet for s in sources() for a in s.articles if a.outlet}
    names |= set((load("outlets.yml") or {}).get("hosts", {}).values())
    return tuple(sorted(names))


def name_replacements(old: str, new: str) -> dict[str, str]:
    """Every surface form of `old` (aliases, role descriptions) → the matching form of `new`."""
    o, n = by_name()[old], by_name()[new]
    short = n.short or n.name
    titles = tuple(t + " " for t in load("people.yml").get("surname_titles", []))
    out = {}
    for alias in o.aliases:
        if o.name in alias:
            out[alias] = alias.replace(o.name, n.name)
        elif o.short and alias.startswith(titles) and alias.endswith(o.short):
            out[alias] = alias[: -len(o.short)] + short
            out[alias[: -len(o.short)] + o.name] = alias[: -len(o.short)] + n.name  # "President Xi Jinping"
        elif o.short and alias == o.short:
            out[alias] = short
        else:
            out[alias] = n.name
    for phrase in o.descriptions:
        out.update(dict.fromkeys(description_forms(phrase.lower()), n.name))
    return out


def description_forms(phrase: str) -> set[str]:
    """The spellings the generator accepts for a role description (see `generator.people`): "the" optional
    when two or more words remain, "US" also "U.S.", straight or curly apostrophes."""
    words = phrase.split()
    forms = {phrase, " ".join(words[1:])} if words[0] == "the" and len(words) > 2 else {phrase}
    forms |= {re.sub(r"\bus\b", "u.s.", f) for f in forms}
    return forms | {f.replace("'", "\u2019") for f in forms}


def place_replacements(old: str, new: str) -> dict[str, str]:
    """Every alias of the place `old` → the name of `new`."""
    table = {p.name: p for p in places()}
    return {alias: new for alias in table[old].aliases}


@lru_cache(maxsize=1024)
def _pattern(keys: tuple[str, ...], folded: tuple[str, ...]) -> re.Pattern:
    """Case-sensitive names, case-insensitive role descriptions; longest first; hyphens count as boundaries
    ("Biden-Xi summit")."""
    exact = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    loose = "|".join(re.escape(k) for k in sorted(folded, key=len, reverse=True))
    alternatives = [a for a in (exact, f"(?i:{loose})" if loose else "") if a]
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


def substitute(text: str, table: dict[str, str]) -> str:
    """Replace every key of `table` found in `text` (keys in lower case match in any case)."""
    if not table:
        return text
    exact = tuple(sorted(k for k in table if not k.islower()))
    folded = tuple(sorted(k for k in table if k.islower()))
    text = _pattern(exact, folded).sub(lambda m: table.get(m.group(), table.get(m.group().lower(), m.group())), text)
    return _doubled(tuple(sorted(set(table.values())))).sub(r"\1", text)


@lru_cache(maxsize=4096)
def _doubled(names: tuple[str, ...]) -> re.Pattern:
    """"the secretary of state, Antony Blinken" became "Marco Rubio, Marco Rubio": say it once."""
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)({alternatives}),?\s+\1(?!\w)")


def rewrite_date(written: str, new: date) -> str:
    """A written date ("Jun 19", "19 June 2023", "Monday (June 19)", "2023-06-19") as `new`, in its own style."""
    if _ISO.search(written):
        return _ISO.sub(new.isoformat(), written)

    def month(m: re.Match) -> str:
        word = m.group()
        name = MONTHS[new.month - 1]
        if word.lower() not in FULL_MONTHS:
            name = name[:3] + ("t" if word.lower() == "sept" else "")
        return name.upper() if word.isupper() else name

    out = _MONTH_WORD.sub(month, written, count=1)
    out = _YEAR.sub(str(new.year), out, count=1)
    return _DAY.sub(str(new.day), out, count=1)


def shift_dates(text: str, published: date | None, days: int) -> str:
    """Move every day-precise written date of `text` by `days` (weekday words need no change)."""
    if not days:
        return text
    out, last = [], 0
    for ref in _written_days(text, published):
        out += [text[last:ref.start], rewrite_date(ref.text, ref.value + timedelta(days=days))]
        last = ref.end
    return "".join(out) + text[last:]


@lru_cache(maxsize=256)
def _written_days(text: str, published: date | None) -> tuple:
    """The day-precise dates written with figures in `text` (each source text is read once)."""
    return tuple(r for r in find_dates(text, published) if r.precision == "day" and any(c.isdigit() for c in r.text))


def syndicated_copy(text: str, outlet: str, rng: random.Random) -> str:
    """Another outlet's copy of a story: one paragraph (not the first) cut, and the outlet's credit line."""
    paragraphs = text.split("\n\n")
    if len(paragraphs) > 2:
        del paragraphs[rng.randrange(1, len(paragraphs))]
    return "\n\n".join([*paragraphs, f"Distributed by {outlet}."])


def plan_meetings(count: int, span: int, rng: random.Random) -> list[Plan]:
    """`count` distinct synthetic meetings: principals replaced, place moved, moved back by up to `span` weeks
    to a week in which neither principal meets anyone else."""
    pool, by_country = sources(), principals_by_country()
    busy: set[tuple[str, int]] = set()
    seen: set[tuple] = set()  # (source, people, place): a repeat would copy articles without written dates verbatim
    plans = []
    for i in range(count):
        s = pool[i % len(pool)]
        for _ in range(200):
            people = {p: rng.choice([c for c in by_country.get(by_name()[p].country, (p,)) if c not in s.named] or [p])
                      for p in s.participants}
            place, weeks = _new_place(s, rng), -rng.randrange(span)
            variant = (i % len(pool), tuple(people.items()), tuple(place.items()))
            if len(set(people.values())) == len(people) and variant not in seen \
                    and not any((n, weeks) in busy for n in people.values()):
                break
        busy |= {(n, weeks) for n in people.values()}
        seen.add(variant)
        plans.append(Plan(i % len(pool), people, place, weeks, rng.randint(2, 8)))
    return plans


def _new_place(s: Source, rng: random.Random) -> dict[str, str]:
    """Move the meeting: a venue to another venue (and its city), a city to another city."""
    table = {p.name: p for p in places()}
    venues = [p for p in table.values() if p.kind == "venue" and not p.ambiguous and p.name not in s.named
              and p.city not in s.named]
    cities = [p for p in table.values() if p.kind == "city" and p.name not in s.named]
    if s.venue and venues:
        new = rng.choice(venues)
        return {s.venue: new.name, **({s.city: new.city} if s.city else {})}
    if s.city and cities:
        return {s.city: rng.choice(cities).name}
    return {}


def write_article(article: Article, plan: Plan, number: int, outlet: str, text: str) -> tuple[str, str]:
    """One synthetic article as (file name, Markdown with front matter)."""
    s = sources()[plan.source]
    days = 7 * plan.weeks
    table: dict[str, str] = {}
    for old, new in plan.people.items():
        if old != new:
            table.update(name_replacements(old, new))
    for old, new in plan.place.items():
        table.update(place_replacements(old, new))
    published = (article.published or s.date) + timedelta(days=days)
    title = substitute(shift_dates(article.title, article.published or s.date, days), table)
    body = substitute(shift_dates(text, article.published or s.date, days), table)
    body = f"{published:%B} {published.day}, {published.year}\n\n{body.strip()}"  # a dateline: copies never coincide
    slug = slugify(title)[:60].strip("-") or "article"
    meta = {"title": title, "outlet": outlet, "published": published.isoformat(),
            "url": f"https://{slugify(outlet)}.example/{published:%Y/%m/%d}/{slug}-{number}"}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"{number:05d}-{slug}.md", f"---\n{front}---\n{body.strip()}\n"


def meeting_articles(plan: Plan, first: int, rng: random.Random) -> list[tuple[str, str]]:
    """The `plan.size` articles of one synthetic meeting, numbered from `first`."""
    pool = list(sources()[plan.source].articles)
    rng.shuffle(pool)
    names = rng.sample(outlets(), plan.size)  # one outlet per article: copies differ by their credit line
    picked = [(a, a.text) for a in pool[: plan.size]]
    while len(picked) < plan.size:
        a = rng.choice(pool)
        picked.append((a, syndicated_copy(a.text, names[len(picked)], rng)))
    return [write_article(a, plan, first + i, names[i], text) for i, (a, text) in enumerate(picked)]


def weeks_back(n: int) -> int:
    """How far back meetings are spread: about 15 meetings a week in all at 10,000 articles (8 years)."""
    return max(52, n // 25)


def make(n: int, seed: int = 0) -> Corpus:
    """`n` articles in meetings of 2–8 (the last meeting takes what is left)."""
    rng = random.Random(seed)
    plans = plan_meetings(n // 2 + 1, weeks_back(n), rng)
    corpus = Corpus()
    for plan in plans:
        if len(corpus.articles) >= n:
            break
        made = meeting_articles(plan, len(corpus.articles), rng)[: n - len(corpus.articles)]
        corpus.articles += made
        s = sources()[plan.source]
        corpus.meetings.append({
            "participants": sorted(plan.people[p] for p in s.participants),
            "date": (s.date + timedelta(days=7 * plan.weeks)).isoformat(),
            "articles": [name for name, _ in made],
            "plan": {"source": plan.source, "weeks": plan.weeks},
        })
    return corpus


def extra_article(n: int, seed: int = 0) -> tuple[str, str]:
    """One more article for the corpus `make(n, seed)`: another outlet's copy about its first meeting."""
    rng = random.Random(seed + 1)
    plan = plan_meetings(1, weeks_back(n), random.Random(seed))[0]
    a = rng.choice(sources()[plan.source].articles)
    return write_article(a, plan, n, "Bench Extra News", syndicated_copy(a.text, "Bench Extra News", rng))


def write_corpus(dest: Path, n: int, seed: int = 0) -> Corpus:
    """Write `make(n, seed)` into `dest` (emptied of earlier articles) with its manifest."""
    corpus = make(n, seed)
    dest.mkdir(parents=True, exist_ok=True)
    for old in dest.glob("*.md"):
        old.unlink()
    for name, content in corpus.articles:
        (dest / name).write_text(content, encoding="utf-8")
    (dest.parent / MANIFEST).write_text(json.dumps({"n": n, "seed": seed, "meetings": corpus.meetings}, indent=1),
                                        encoding="utf-8")
    return corpus


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("dest", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    corpus = write_corpus(args.dest, args.n, args.seed)
    print(f"{len(corpus.articles)} articles in {len(corpus.meetings)} meetings → {args.dest} "
          f"(from {len(sources())} real meetings in {', '.join(map(str, source_folders()))})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
