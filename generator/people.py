"""The people gazetteer (`data/people.yml`): canonical names, aliases and role descriptions,
and finding who an article mentions."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz.distance import OSA

from .metadata import parse_date
from .model import Mention
from .resources import ConfigError, load
from .textutil import WORD_END, fold, slugify, standalone, trie_pattern, unaccented, word_alone


@dataclass(frozen=True)
class Person:
    name: str
    aliases: tuple[str, ...]  # every surface form that names this person unambiguously
    descriptions: tuple[str, ...]  # role phrases ("the Chinese leader"), valid in `terms`
    role: str | None
    country: str | None
    terms: tuple[tuple[date | None, date | None], ...] = ()  # (from, to) when the descriptions are theirs; (): always
    organisation: bool = False
    short: str | None = None  # the surname used in meeting ids ("Blinken"); None: the full name
    pronoun: str | None = None  # "he" or "she" (None: an organisation)

    def active(self, on: date | None) -> bool:
        if on is None or not self.terms:
            return True
        return any((start is None or start <= on) and (end is None or on <= end) for start, end in self.terms)




_SYLLABLES = re.compile(r"\b([A-Z][a-z]+)(?:-| )([A-Za-z])([a-z]+)$")


def _spellings(name: str) -> list[str]:
    """The other ways outlets write a hyphenated or spaced given name at the end of a name of three words
    or more: "Yoon Suk Yeol", "Yoon Suk-yeol", "Yoon Suk-Yeol"; "Lee Jae-myung", "Lee Jae Myung"."""
    m = _SYLLABLES.search(name)
    if not m or not name[:m.start()].strip():
        return []
    head, (first, initial, rest) = name[:m.start()], m.groups()
    forms = [f"{first} {initial.upper()}{rest}", f"{first}-{initial.lower()}{rest}", f"{first}-{initial.upper()}{rest}"]
    return [head + f for f in forms if head + f != name]


@dataclass(frozen=True)
class DescriptionForms:
    """How one role description is also written (people.yml: `nationalities`, `country_forms`, `role_synonyms`)."""

    markers: dict[str, tuple[str, ...]]  # country → the words before a role that name it ("the Chinese", "China's")
    synonyms: dict[str, tuple[str, ...]]  # role words → other words for them ("defence minister" → "defence chief")
    countries: dict[str, str]  # another name of a country → the one `markers` uses ("United Kingdom" → "UK")

    @classmethod
    def of(cls, data: dict) -> DescriptionForms:
        markers: dict[str, list[str]] = {}
        for word, country in (data.get("nationalities") or {}).items():
            markers.setdefault(country, []).append(f"the {word}")
        for country, forms in (data.get("country_forms") or {}).items():
            markers.setdefault(country, []).extend(forms)
        return cls({c: tuple(m) for c, m in markers.items()},
                   {k: tuple(v) for k, v in (data.get("role_synonyms") or {}).items()},
                   data.get("country_names") or {})

    def expand(self, description: str, country: str | None) -> list[str]:
        """`description` and, when it starts by naming the holder's country, its other forms: with each other
        way of naming it ("the Chinese defence minister": "China's …", "Beijing's …") and each synonym of the
        role ("… defence chief"; not without a country: "the defence chief" may be anyone's)."""
        markers = self.markers.get(self.countries.get(country or "", country or ""), ())
        role = next((description[len(head) + 1:] for m in sorted(markers, key=len, reverse=True)
                     for head in (m, m.removeprefix("the "))
                     if description.casefold().startswith(head.casefold() + " ")), None)
        if role is None:
            return [description]
        roles = [role] + [re.sub(rf"\b{re.escape(words)}$", other, role, flags=re.I)
                          for words, others in self.synonyms.items() for other in others
                          if re.search(rf"\b{re.escape(words)}$", role, re.I)]
        return list(dict.fromkeys([description] + [f"{m} {r}" for r in roles for m in markers]))


def _person(entry: dict, organisation: bool, surname_titles: list[str], forms: DescriptionForms,
            family_first: frozenset[str] = frozenset()) -> Person:
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(f"people.yml: every entry needs a `name` (got {entry!r})")
    aliases = [name, *entry.get("aliases", [])]
    given, _, family = name.rpartition(" ")
    if entry.get("country") in family_first and given and family == entry.get("surname"):
        aliases.append(f"{family} {given}")  # "Kishida Fumio"
    if not organisation:
        aliases += [v for a in aliases for v in _spellings(a)]
    for key in ("surname", "surname_alone"):
        surname = entry.get(key)
        if surname:
            aliases.append(surname)
            aliases += [f"{title} {surname}" for title in surname_titles]
    aliases += [unaccented(a) for a in aliases]
    return Person(
        name=name,
        aliases=tuple(dict.fromkeys(aliases)),
        descriptions=tuple(dict.fromkeys(f for d in entry.get("descriptions", [])
                                         for f in forms.expand(d, entry.get("country")))),
        role=entry.get("role"),
        country=entry.get("country"),
        terms=tuple(_term(t, name) for t in entry.get("terms") or ([entry] if {"from", "to"} & entry.keys() else [])),
        organisation=organisation,
        short=entry.get("surname") or entry.get("surname_alone"),
        pronoun=None if organisation else entry.get("pronoun", "he"),
    )


def _term(entry: dict, name: str) -> tuple[date | None, date | None]:
    """`from`/`to` of a person's entry, or of one of its `terms` (someone who held the post twice)."""
    if not isinstance(entry, dict):
        raise ConfigError(f"people.yml: {name}: each of `terms` is a mapping with `from` and `to`, got {entry!r}")

    def end(key: str) -> date | None:
        value = entry.get(key)
        if value and parse_date(value) is None:
            raise ConfigError(f"people.yml: {name}: `{key}` must be a date (YYYY-MM-DD), got {value!r}")
        return parse_date(value) if value else None

    return end("from"), end("to")


@lru_cache(maxsize=1)
def gazetteer() -> tuple[Person, ...]:
    return parse_gazetteer(load("people.yml") or {})


def parse_gazetteer(data: dict) -> tuple[Person, ...]:
    """The people and organisations of `people.yml`; every name has one entry, and every way of writing a name
    (name, alias, surname forms) must belong to one entry only, or a text naming it would be given to whichever
    came first."""
    titles, forms = data.get("surname_titles", []), DescriptionForms.of(data)
    family_first = frozenset(data.get("written_family_first") or ())
    people = [_person(e, False, titles, forms, family_first) for e in data.get("people", [])]
    people += [_person(e, True, titles, forms) for e in data.get("organisations", [])]
    owner: dict[str, str] = {}
    clashes = [f"people.yml: {name!r} has {n} entries" for name, n in Counter(p.name for p in people).items() if n > 1]
    for person in people:
        for alias in person.aliases:
            first = owner.setdefault(alias, person.name)
            if first != person.name:
                clashes.append(f"people.yml: {alias!r} names both {first!r} and {person.name!r}")
    if clashes:
        raise ConfigError("\n".join(clashes))
    return tuple(people)


@lru_cache(maxsize=1)
def by_name() -> dict[str, Person]:
    return {p.name: p for p in gazetteer()}


class AnyName:
    """Any surface form of any of some people: the leftmost match, the longest there, like one alternation of
    all their forms, but made of one pattern per person, compiled once and shared by every meeting that names
    them (compiling a meeting's own alternation of aliases costs more than the meeting's use of it)."""

    def __init__(self, names: Iterable[str]):
        self.patterns = [_person_pattern(n) for n in sorted(set(names))]

    def finditer(self, text: str) -> Iterator[re.Match]:
        end = 0
        for m in sorted((m for p in self.patterns for m in p.finditer(text)), key=lambda m: (m.start(), -m.end())):
            if m.start() >= end:
                end = m.end()
                yield m

    def search(self, text: str) -> re.Match | None:
        """The first match `finditer` gives, without finding every other match first."""
        return min(filter(None, (p.search(text) for p in self.patterns)), key=lambda m: (m.start(), -m.end()),
                   default=None)

    def sub(self, repl: str, text: str) -> str:
        out, pos = [], 0
        for m in self.finditer(text):
            out += [text[pos:m.start()], repl]
            pos = m.end()
        return "".join(out) + text[pos:]


def names_pattern(names: Iterable[str]) -> AnyName | None:
    """Any surface form of any of `names`: their gazetteer aliases, or an unknown name in full or by its first or
    last word (its family name, wherever it stands: "Albanese", "Qiu" of Qiu Hanmin). None for no names."""
    return AnyName(names) if names else None


@lru_cache(maxsize=4096)
def _person_pattern(name: str) -> re.Pattern:
    person = by_name().get(name)
    parts = name.split()
    return standalone(person.aliases if person else {name, *(p for p in (parts[0], parts[-1]) if _may_stand_alone(p))})


@lru_cache(maxsize=1)
def _alias_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """One alternation over every alias, longest first, matched on word boundaries."""
    owner: dict[str, str] = {}
    for person in gazetteer():
        for alias in person.aliases:
            owner.setdefault(alias, person.name)
    return standalone(set(owner)), owner


_SWAPPED_MIN = 8  # letters of a name below which two swapped letters may make another name


@lru_cache(maxsize=1)
def _anagrams() -> dict[str, list[str]]:
    """Every alias of two words or more under its letters in order: two swapped letters keep them."""
    found: dict[str, list[str]] = {}
    for alias in _alias_pattern()[1]:
        if len(alias) >= _SWAPPED_MIN and " " in alias:
            found.setdefault("".join(sorted(alias)), []).append(alias)
    return found


def _swapped(name: str) -> str | None:
    """The person whose name or alias an unknown name writes with two neighbouring letters swapped ("Prime
    Minister Fumio Kihsida"): a typo, where one letter more, less or changed may be another name ("Kim Jong Il")."""
    _, owner = _alias_pattern()
    return next((owner[a] for a in _anagrams().get("".join(sorted(name)), ()) if OSA.distance(name, a) == 1), None)


@lru_cache(maxsize=1)
def _surname_forms() -> frozenset[str]:
    """Aliases built on a surname alone ("Wang", "Minister Wang"): they may be the start of another person's
    full name ("Minister Wang Wentao")."""
    return frozenset(a for p in gazetteer() if p.short for a in p.aliases if a.endswith(p.short) and a != p.name)


_NEXT_WORD = re.compile(r"\s+([A-Z][a-z]+)")


def find_mentions(text: str) -> list[Mention]:
    """Gazetteer people and organisations named in `text`, in order (descriptions are not resolved here).
    A surname form followed by another capitalised name part names someone else and is skipped."""
    pattern, owner = _alias_pattern()
    surnames, stop = _surname_forms(), _unknown_pattern()[1]
    found, pos = [], 0
    while m := pattern.search(text, pos):
        if m.group() in surnames and (nxt := _NEXT_WORD.match(text, m.end())) and nxt.group(1) not in stop:
            pos = m.start() + 1  # look again from inside: "Minister Wang Wentao" → "Wang Wentao"
            continue
        found.append(Mention(owner[m.group()], m.start(), m.end(), m.group(), True))
        pos = m.end()
    if capitals := _capitals_named(text, found):
        found = sorted(found + capitals, key=lambda m: m.start)
    return _surnames_of_the_named(found)


_CAPITALS = re.compile(r"(?<![\w’'-])[A-Z][A-Z’'.-]+(?:[^\S\n]+[A-Z][A-Z’'.-]+)+(?![\w’'-])")


def _capitals_named(text: str, found: list[Mention]) -> list[Mention]:
    """Names written in capitals ("PENNY WONG, FOREIGN MINISTER:" heading a transcript's turn, "XI JINPING" in a
    headline): read as written in title case, at the same offsets."""
    if not _CAPITALS.search(text):
        return []
    pattern, owner = _alias_pattern()
    taken = [(m.start, m.end) for m in found]
    out = []
    for run in _CAPITALS.finditer(text):
        for m in pattern.finditer(run.group().title()):
            start, end = run.start() + m.start(), run.start() + m.end()
            if all(end <= a or start >= b for a, b in taken):
                out.append(Mention(owner[m.group()], start, end, text[start:end], True))
    return out


def _named_in_full(found: list[Mention]) -> set[str]:
    """The gazetteer people whose whole name (of two words or more) the text writes."""
    return {m.name for m in found if m.known and " " in m.name
            and (m.name in m.surface or _plain(m.name) in _plain(m.surface))}


@lru_cache(maxsize=16384)
def _plain(name: str) -> str:
    """A name as compared with how a text writes it: no accents, hyphens or case ("Lee Jae Myung")."""
    return unaccented(name).replace("-", " ").casefold()


def _surnames_of_the_named(found: list[Mention]) -> list[Mention]:
    """"Wang told Raimondo" in a text that names Wang Wentao in full and not Wang Yi: a surname alone is the
    person named in full who has it, not the one the gazetteer gives it to."""
    full = _named_in_full(found)
    people = by_name()
    out = []
    for m in found:
        person = people[m.name]
        if person.short and m.surface == person.short and m.name not in full:
            others = [n for n in full if n != m.name and family_name(n, people[n]) == person.short]
            if len(others) == 1:
                m = replace(m, name=others[0])
        out.append(m)
    return out


@lru_cache(maxsize=1)
def _nationality_pattern() -> tuple[re.Pattern, dict[str, str]]:
    table = (load("people.yml") or {}).get("nationalities") or {}
    return standalone(table), table


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    return (load("people.yml") or {}).get("country_names") or {}


_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*)")


def elsewhere(text: str, end: int, person: Person) -> bool:
    """The role description ending at `end` goes on with "of" somewhere other than `person`'s country ("the
    President of Turkey" is not the US president; "the president of the United States" is)."""
    m = _OF_NAME.match(text, end)
    names = country_names()
    return m is not None and names.get(m.group(1), m.group(1)) != names.get(person.country, person.country)


def country_named(text: str) -> str | None:
    """The country a nationality word in `text` names ("the Indian external affairs minister" → India)."""
    pattern, table = _nationality_pattern()
    m = pattern.search(text)
    return table[m.group()] if m else None


def may_be(name: str, pronoun: str) -> bool:
    """Whether "he" or "she" can stand for `name` (anyone the gazetteer does not know can be either)."""
    person = by_name().get(name)
    return person is None or person.pronoun in (None, pronoun.casefold())


def country_of(name: str | None) -> str | None:
    person = by_name().get(name or "")
    return person.country if person else None


def slug_of(name: str) -> str:
    """The name as it appears in meeting ids: the listed surname ("blinken"), else the full name ("li-qiang")."""
    person = by_name().get(name)
    return slugify(person.short if person and person.short else name)


@lru_cache(maxsize=1)
def _sides() -> dict[str, int]:
    return {country: i for i, country in enumerate((load("people.yml") or {}).get("sides", []))}


def side_order(name: str) -> tuple[int, str]:
    """Sort key listing participants side by side (`sides` in people.yml), then by name."""
    sides = _sides()
    return sides.get(country_of(name) or "", len(sides)), name


def _descriptions(on: date | None) -> tuple[re.Pattern | None, dict[str, str]]:
    """Role phrases naming exactly one person active on `on` ("the Chinese leader"). Who is active changes only
    on the days in `_role_changes`: `on` is looked up by the last of them, not by itself (a corpus has thousands
    of dates, and finding who was active on each is a pass over the gazetteer)."""
    if on is None:
        return _described_on(None)
    changes = _role_changes()
    i = bisect_right(changes, on)
    return _described_on(changes[i - 1] if i else date.min)


@lru_cache(maxsize=1)
def _role_changes() -> list[date]:
    """The first days of terms and the days after their ends: between two of them, the same people are active."""
    return sorted({day for p in gazetteer() if p.descriptions for start, end in p.terms
                   for day in (start, end and end + timedelta(days=1)) if day is not None})


@lru_cache(maxsize=256)
def _described_on(on: date | None) -> tuple[re.Pattern | None, dict[str, str]]:
    return _description_pattern(tuple(p.name for p in gazetteer() if p.descriptions and p.active(on)))


@lru_cache(maxsize=256)
def _description_pattern(active: tuple[str, ...]) -> tuple[re.Pattern | None, dict[str, str]]:
    """The descriptions of the `active` people, matched case-insensitively; "the" is optional when two or more
    words remain, and "US" may be written "U.S.". The pattern is that of every description of the gazetteer,
    compiled once (a pattern per period of the gazetteer's cost 15 ms each, in every process): a phrase no one
    or two people hold in the period is no key of `owner`."""
    people = by_name()
    holders: dict[str, set[str]] = {}
    for name in active:
        for phrase in people[name].descriptions:
            holders.setdefault(fold(phrase), set()).add(name)
    owner: dict[str, str] = {}
    for phrase, names in holders.items():
        if len(names) == 1:
            for variant in description_variants(phrase):
                owner.setdefault(variant, next(iter(names)))
    return (_every_description() if owner else None), owner


@lru_cache(maxsize=1)
def _every_description() -> re.Pattern:
    return standalone({v for p in gazetteer() for d in p.descriptions for v in description_variants(fold(d))},
                      fold_case=True)


def description_variants(phrase: str) -> list[str]:
    """Spellings of a description: "the" optional when two or more words remain; "US" also "U.S."; curly
    apostrophes."""
    words = phrase.split()
    forms = [phrase]
    if words[0] == "the" and len(words) > 2:
        forms.append(" ".join(words[1:]))
    forms += [re.sub(r"\bus\b", "u.s.", f) for f in forms]
    return sorted({f for form in forms for f in (form, form.replace("'", "\u2019"))})


@lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    """Capitalised words that never start or continue a person's name ("The", "On", "Monday")."""
    return frozenset((load("people.yml") or {}).get("not_names", []))


@lru_cache(maxsize=1)
def _unknown_pattern() -> tuple[re.Pattern, frozenset[str]]:
    """A capitalised name of one to three words after a title ("Prime Minister Anthony Albanese") or a role
    description ("Chinese leader Qiu Hanmin": the gazetteer's holder is then not meant), or in apposition to it
    ("China's Defense Minister, Ma Qingtao, said"); never with a possessive ("Albanese's")."""
    data = load("people.yml") or {}
    described = {v for p in gazetteer() for d in p.descriptions for v in description_variants(fold(d))}
    titles = sorted({*data.get("titles", []), *described}, key=len, reverse=True)
    word = r"(?:[A-Z]['\u2019])?[A-Z][a-z]+(?:-[A-Za-z]+|['\u2019](?!s\b)[A-Za-z]+)*"  # O'Brien, Jean-Yves
    title = "(?i:" + trie_pattern(titles, fold_case=True) + ")"
    stop = {*not_names(), *(w for t in titles for w in t.split())}
    space = r"[^\S\n]+"  # a name does not run over a line break (a headline above the lead)
    name = rf"{word}(?:{space}{word}){{0,2}}"
    return re.compile(rf"(?<![\w-]){title}(?:{space}|,{space}(?={name},))(?P<name>{name})"), frozenset(stop)


def _unknown_names(text: str) -> list[Mention]:
    pattern, stop = _unknown_pattern()
    found = []
    pos = 0
    while m := pattern.search(text, pos):
        keep = []
        for w in m["name"].split():
            if w in stop:
                break
            keep.append(w)
        if keep:
            name = " ".join(keep)
            start = m.start("name")
            found.append(Mention(name, start, start + len(name), name, False))
            pos = start + len(name)
        else:  # a title word: "Vice" in "Vice Premier Zhou Minghua" may begin the next match
            pos = m.start("name")
    return found


@lru_cache(maxsize=4096)
def _name_forms(name: str, alone: tuple[str, ...]) -> re.Pattern:
    """An unknown name in full or by one of its parts (`alone`: "Albanese", and "Ma" of Ma Qingtao: the family
    name of an unknown person may come first or last)."""
    forms = (re.escape(name), *map(re.escape, alone))
    return re.compile(r"(?<![\w-])(?:" + "|".join(forms) + r")" + WORD_END)


def _part_owners(names: Iterable[str]) -> Counter[str]:
    """How many of `names` (people named in full) each part of a name belongs to."""
    return Counter(part for name in set(names) for part in set(name.split()))


def _parts_alone(found: list[Mention]) -> dict[str, tuple[str, ...]]:
    """Each unknown person named in full → the parts of the name that stand for them alone: not a part of another
    name written in full, a word that is never a name ("He"), or an initial."""
    unknown = sorted({m.name for m in found if not m.known and " " in m.name})
    owners = _part_owners([*_named_in_full(found), *unknown])
    return {name: tuple(p for p in name.split() if owners[p] == 1 and _may_stand_alone(p)) for name in unknown}


def _may_stand_alone(part: str) -> bool:
    """A part of an unknown name may stand for the person: not an initial, nor a word that is never a name."""
    return len(part) > 1 and part not in not_alone() and part not in not_names()


def find_people(text: str, on: date | None = None) -> list[Mention]:
    """Every person `text` names, in order: gazetteer aliases, role descriptions of whoever held the role on `on`
    ("the Chinese leader" in 2023), and unknown capitalised names after a title or a description. Unknown names
    that are a surname or given name of someone named in the same text resolve to that person; organisations are
    left out."""
    people = by_name()
    known = [m for m in find_mentions(text) if not people[m.name].organisation]
    spans = [(m.start, m.end) for m in known]

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in spans)

    found = list(known)
    described: set[tuple[int, int]] = set()  # spans of role descriptions
    pattern, owner = _descriptions(on)
    if pattern is not None:
        for m in pattern.finditer(text):
            name = owner.get(" ".join(m.group().lower().split()).replace("\u2019", "'"))
            if name and free(*m.span()) and not elsewhere(text, m.end(), people[name]):
                found.append(Mention(name, m.start(), m.end(), m.group(), True))
                spans.append(m.span())
                described.add(m.span())
    unknown = [m for m in _unknown_names(text) if free(m.start, m.end)]
    # a part of a name named in full anywhere in the text, even later ("President Qiu" in a headline above
    # "President Qiu Hanmin"); of two people with that part ("Mr Kim" beside Kim Jong Un and Kim Yo Jong), the
    # one named first
    named = dict.fromkeys(m.name for m in sorted([*found, *(m for m in unknown if m.name not in people)],
                                                 key=lambda m: m.start) if " " in m.name)
    parts: dict[str, str] = {}
    for name in named:
        for part in name.split():
            parts.setdefault(part, name)
    for m in unknown:
        if m.name in parts:
            found.append(Mention(parts[m.name], m.start, m.end, m.surface, True))
        elif (typo := _swapped(m.name)) is not None:
            found.append(Mention(typo, m.start, m.end, m.surface, True))
        elif m.name not in people:
            found.append(m)
        spans.append((m.start, m.end))
    for name, alone in _parts_alone(found).items():
        for m in _name_forms(name, alone).finditer(text):
            if free(*m.span()):
                found.append(Mention(name, m.start(), m.end(), m.group(), False))
                spans.append(m.span())
    for token, name in _family_names_alone(found).items():
        for m in word_alone(token, r"(?![\w’'-])(?![ \t]+[A-Z])").finditer(text):
            if free(*m.span()):
                found.append(Mention(name, m.start(), m.end(), m.group(), True))
                spans.append(m.span())
    return _titles_resolved(text, sorted(found, key=lambda m: m.start), described)


@lru_cache(maxsize=1)
def not_alone() -> frozenset[str]:
    """Family names that are also common words and never stand alone for a person ("He")."""
    return frozenset((load("people.yml") or {}).get("not_alone") or ())


def _family_names_alone(found: list[Mention]) -> dict[str, str]:
    """"Li told Yellen" after "Premier Li Qiang": the family names the gazetteer does not list alone (others share
    them) → the one person named in full in the text who has it."""
    people = by_name()
    full = _named_in_full(found)
    owners = _part_owners(full)
    out = {}
    for name in full:
        person = people[name]
        token = family_name(name, person)
        if token not in person.aliases and token not in not_alone() and owners[token] == 1 and len(token) > 1:
            out[token] = out[unaccented(token)] = name
    return out


def _titles_resolved(text: str, found: list[Mention], described: set[tuple[int, int]]) -> list[Mention]:
    """The mentions without the descriptions used as titles, the others naming whom the text says (see
    `titles_beside_names`)."""
    titles, holder = titles_beside_names(text, [
        Beside(m.start, m.end, m.name, frozenset({m.name}) if (m.start, m.end) in described else None)
        for m in found])
    people = by_name()
    return [replace(m, name=holder[m.name], known=holder[m.name] in people)
            if (m.start, m.end) in described and m.name in holder else m
            for m in found if m.start not in titles]


class Beside(NamedTuple):
    """A mention as `titles_beside_names` sees it: a name, or a role description and who may hold it."""

    start: int
    end: int
    name: str | None  # a description's: its key, as the caller looks it up
    holders: frozenset[str] | None  # None: a name


def in_apposition(text: str, name_end: int, start: int, end: int) -> bool:
    """text[start:end] stands between commas right after a name: "Dong, China's defence minister, said"."""
    return bool(re.fullmatch(r",\s*", text[name_end:start])) and text[end:end + 1] == ","


def titles_beside_names(text: str, mentions: list[Beside]) -> tuple[set[int], dict[str | None, str]]:
    """A role description that stands as a title before a name (or in apposition to it) is not a mention of
    its own; beside someone else's name it names that person, and so does the same description elsewhere in the
    text: after "U.S. Treasury Secretary Maria Castellano", "the Treasury secretary" is Castellano, whoever the
    gazetteer says held the post (it may be out of date). A former holder ("former Treasury Secretary Larry
    Summers") only takes the title he stands behind. Returns the starts of the titles, and description → name.
    (Meetings and quotes both read people this way.)"""
    titles: set[int] = set()
    holder: dict[str | None, str] = {}
    for a, b in zip(mentions, mentions[1:]):
        if a.holders is not None and b.holders is None and (
                not text[a.end:b.start].strip() or in_apposition(text, a.end, b.start, b.end)):
            title, person = a, b
        elif a.holders is None and b.holders is not None and in_apposition(text, a.end, b.start, b.end):
            title, person = b, a
        else:
            continue
        titles.add(title.start)
        if person.name not in title.holders and not is_past(text, title.start):
            holder.setdefault(title.name, person.name)
    return titles, holder


def family_name(name: str, person: Person) -> str:
    """The part of a known person's name that stands for it alone: first where names put it first."""
    parts = name.split()
    first = frozenset((load("people.yml") or {}).get("family_name_first") or ())
    return parts[0] if person.country in first else parts[-1]


def is_past(text: str, start: int) -> bool:
    """The role description at `start` is a past holder's ("former", "then-")."""
    return bool(_past_pattern().search(text, max(0, start - 16), start))


@lru_cache(maxsize=1)
def _past_pattern() -> re.Pattern:
    markers = (load("people.yml") or {}).get("past_markers") or []
    if not markers:
        return re.compile(r"(?!)")  # matches nothing
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(m) for m in markers) + r")\s*$", re.I)
