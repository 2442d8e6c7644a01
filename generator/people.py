"""The people gazetteer (`data/people.yml`): canonical names, aliases and role descriptions,
and finding who an article mentions."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .metadata import parse_date
from .model import Mention
from .resources import ConfigError, load


@dataclass(frozen=True)
class Person:
    name: str
    aliases: tuple[str, ...]  # every surface form that names this person unambiguously
    descriptions: tuple[str, ...]  # role phrases ("the Chinese leader"), valid between start and end
    role: str | None
    country: str | None
    start: date | None = None
    end: date | None = None
    organisation: bool = False

    def active(self, on: date | None) -> bool:
        if on is None:
            return True
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


TITLES = ("Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "President", "Secretary", "Premier", "Minister", "Vice Premier",
          "Foreign Minister", "Defence Minister", "Defense Minister", "General", "Gen.", "Gen", "Admiral", "Adm.")


def _person(entry: dict, organisation: bool) -> Person:
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(f"people.yml: every entry needs a `name` (got {entry!r})")
    aliases = [name, *entry.get("aliases", [])]
    for key in ("surname", "surname_alone"):
        surname = entry.get(key)
        if surname:
            aliases.append(surname)
            aliases += [f"{title} {surname}" for title in TITLES]
    return Person(
        name=name,
        aliases=tuple(dict.fromkeys(aliases)),
        descriptions=tuple(entry.get("descriptions", [])),
        role=entry.get("role"),
        country=entry.get("country"),
        start=parse_date(entry["from"]) if entry.get("from") else None,
        end=parse_date(entry["to"]) if entry.get("to") else None,
        organisation=organisation,
    )


@lru_cache(maxsize=1)
def gazetteer() -> tuple[Person, ...]:
    data = load("people.yml") or {}
    people = [_person(e, False) for e in data.get("people", [])]
    people += [_person(e, True) for e in data.get("organisations", [])]
    return tuple(people)


@lru_cache(maxsize=1)
def by_name() -> dict[str, Person]:
    return {p.name: p for p in gazetteer()}


@lru_cache(maxsize=1)
def _alias_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """One alternation over every alias, longest first, matched on word boundaries."""
    owner: dict[str, str] = {}
    for person in gazetteer():
        for alias in person.aliases:
            owner.setdefault(alias, person.name)
    alternatives = sorted(owner, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in alternatives) + r")(?![\w-])")
    return pattern, owner


def find_mentions(text: str) -> list[Mention]:
    """Gazetteer people and organisations named in `text`, in order (descriptions are not resolved here)."""
    pattern, owner = _alias_pattern()
    return [Mention(owner[m.group()], m.start(), m.end(), m.group(), True) for m in pattern.finditer(text)]


def country_of(name: str | None) -> str | None:
    person = by_name().get(name or "")
    return person.country if person else None
