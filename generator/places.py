"""Venues and cities (`data/places.yml`): where a meeting took place, read from "at the Great Hall of the People"
or "in Singapore" in the text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .resources import ConfigError, load
from .textutil import standalone


@dataclass(frozen=True)
class Place:
    name: str
    kind: str  # "venue" | "city"
    city: str  # the city itself for a city
    country: str | None
    aliases: tuple[str, ...]
    ambiguous: bool = False


@dataclass(frozen=True)
class PlaceMention:
    place: Place
    start: int
    end: int
    preposition: bool  # "in Busan", "at the Filoli estate"


@lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    data = load("places.yml") or {}
    cities = {}
    for entry in data.get("cities", []):
        if not entry.get("name"):
            raise ConfigError(f"places.yml: every city needs a `name` (got {entry!r})")
        cities[entry["name"]] = Place(entry["name"], "city", entry["name"], entry.get("country"),
                                      tuple(dict.fromkeys([entry["name"], *entry.get("aliases", [])])))
    venues = []
    for entry in data.get("venues", []):
        city = cities.get(entry.get("city"))
        if not entry.get("name") or city is None:
            raise ConfigError(f"places.yml: venue {entry.get('name')!r} needs a `name` and a `city` listed in cities")
        venues.append(Place(entry["name"], "venue", city.name, city.country,
                            tuple(dict.fromkeys([entry["name"], *entry.get("aliases", [])])),
                            bool(entry.get("ambiguous"))))
    return (*venues, *cities.values())


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern, dict[str, Place], re.Pattern]:
    owner: dict[str, Place] = {}
    for place in places():
        for alias in place.aliases:
            owner.setdefault(alias, place)
    # a place counts only after a preposition (a bare "Beijing" is often the Chinese government)
    return standalone(set(owner)), owner, re.compile(load("places.yml")["preposition"])


_REACH = 60  # characters before a place name searched for its preposition ("in the southern Chinese city of ")


def find_places(text: str) -> list[PlaceMention]:
    """Venues and cities named in `text`; ambiguous venues only after a preposition."""
    pattern, owner, preposition = _pattern()
    found = []
    for m in pattern.finditer(text):
        place = owner[m.group()]
        prep = bool(preposition.search(text, max(0, m.start() - _REACH), m.start()))
        if place.ambiguous and not prep:
            continue
        found.append(PlaceMention(place, m.start(), m.end(), prep))
    return found


def by_name() -> dict[str, Place]:
    return {p.name: p for p in places()}
