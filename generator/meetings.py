"""Group articles into meetings: one encounter of named principals on one day at one place.

Each article is read once (`read_article`): its principals come from the headline and lead, weighted towards
sentences with a meeting cue ("met", "held talks with"); its meeting date from the date expressions of those
sentences, resolved against the published date; its place from "in Busan" / "at the Great Hall of the People".
Articles are then blocked by principal pair and chained by date, so the cost is near-linear: no comparison ever
crosses two pairs, and text similarity (TF-IDF) only decides where an article naming one principal belongs.
"""
from __future__ import annotations

import bisect
import calendar
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from .dates import FUTURE, DateRef, find_dates, tense_at, weekdays_named
from .model import Article, Meeting, Mention, Unassigned, Version
from .people import by_name, country_named, country_names, country_of, find_people, names_pattern, side_order, slug_of
from .places import by_name as place_by_name
from .places import find_places
from .places import places as places_of
from .resources import load
from .sentences import split_sentences as sentence_spans
from .textutil import alternation, standalone
from .tfidf import similarities, stop_words


@lru_cache(maxsize=1)
def _config() -> dict:
    return load("meetings.yml")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    cfg = _config()
    words = alternation
    dur = cfg["duration"]
    num = "|".join(dur["numbers"])
    return {
        "cue": standalone(cfg["cues"], fold_case=True),
        "met": standalone(cfg["sibling_cues"], fold_case=True),
        "preview": re.compile(rf"\b(?:{words(cfg['preview'])})\b", re.I),
        "passing": re.compile(rf"(?:{words(cfg['passing'])})\s*(?:[\w.’'-]+\s+){{0,3}}$", re.I),
        "duration": re.compile(
            rf"\b(?:(?P<q>{words(dur['qualifiers'])})\s+)?(?P<a>{num})[\s-]+(?P<u>hour|minute)s?(?:-long)?"
            rf"(?:\s+and\s+(?P<b>{num})\s+minutes?)?\b", re.I),
        "pluperfect": re.compile(cfg["pluperfect"], re.I),
        "object_end": re.compile(cfg["sibling_object_end"]),
        "past_place": re.compile(cfg["past_place"], re.I),
        "since_place": re.compile(cfg["since_place"], re.I),
        "since": re.compile(cfg["since"], re.I),
        "other_event": re.compile(cfg["other_event"], re.I),
        "remarks": re.compile(cfg["remarks"], re.I),
        "dateline": re.compile(cfg["dateline"]["pattern"]),
        "hypothetical": re.compile(rf"\b(?:{words(cfg['hypothetical'])})\s+(?:[\w-]+\s+){{0,2}}$", re.I),
        "background": re.compile(cfg["background"], re.I),
        "between": re.compile(cfg["between"], re.I),
        # "Biden and Xi", "Biden and his Brazilian colleague Lula"
        "pair_join": re.compile(rf" (?:and|&) (?:(?:his|her|their) (?:[\w-]+ ){{0,2}}"
                                rf"(?:{words(cfg['pair_nouns'])}) )?"),
        "told": re.compile(rf"\s+(?:\w+ly\s+)?(?:{words(cfg['addressed_verbs'])})\s+(?:[\w’'.-]+\s+){{0,4}}"),
        "counterpart": re.compile(cfg["counterpart"], re.I),
        "owner": re.compile(rf"(?:['’]s\b|\s+(?:{words(cfg['modifier_nouns'])})\b)", re.I),
        **{f"remote {mode}": standalone(how["cues"], fold_case=True) for mode, how in cfg["remote"].items()},
    }


def split_sentences(paragraph: str) -> list[str]:
    """The paragraph's sentences, from the shared news-aware segmenter."""
    return [paragraph[s:e] for s, e in sentence_spans(paragraph)]


@dataclass(frozen=True)
class Unit:
    """A sentence of the headline or lead, with its weight (the headline and first paragraphs weigh most) and
    the people it names."""

    text: str
    weight: float
    cue: bool
    people: tuple[Mention, ...] = ()


@dataclass
class Reading:
    """What one article says about the meeting it mainly reports. Small on purpose: a rebuild groups every
    article from its cached reading without loading its text."""

    article: str  # article id
    published: date | None
    lead: str  # headline and lead paragraphs (to tell which meeting an article naming one principal belongs to)
    principals: tuple[str, ...] = ()
    scores: dict[str, float] = field(default_factory=dict)
    date: date | None = None
    explicit: bool = False  # the text states the date (else it is the published date)
    preview: bool = False
    places: dict[str, float] = field(default_factory=dict)  # venue or city name → weight
    duration: str | None = None
    reason: str | None = None  # why no meeting can be read from it
    weekday: int | None = None  # undated: the day of the week the lead gives the meeting (0 = Monday)
    mode: str | None = None  # "phone" or "video" when the lead reports a call (`remote` in meetings.yml)


def reports_meeting(sentence: str) -> bool:
    """The sentence has a meeting cue, and its first is no hypothetical one ("ahead of a possible meeting between
    Biden and Xi at the G20 summit": the summit is where that meeting may be)."""
    pats = _patterns()
    m = pats["cue"].search(sentence)
    return m is not None and not pats["hypothetical"].search(sentence, max(0, m.start() - 30), m.start())


def lead_units(article: Article) -> list[Unit]:
    """The headline and lead sentences; people are found in one pass over the whole lead (one regex scan)."""
    cfg = _config()
    w = cfg["weights"]
    raw = [(article.title, w["title"])] if article.title else []
    for i, paragraph in enumerate(article.paragraphs[: cfg["lead_paragraphs"]]):
        weight = w["lead"] / (1 + w["decay"] * i)
        raw += [(s, weight) for s in split_sentences(paragraph)]
    lead = "\n".join(text for text, _ in raw)
    mentions = find_people(lead, article.published)
    units, offset, k = [], 0, 0
    for text, weight in raw:
        end = offset + len(text)
        inside = []
        while k < len(mentions) and mentions[k].start < end:
            m = mentions[k]
            if m.start >= offset:
                inside.append(replace(m, start=m.start - offset, end=m.end - offset))
            k += 1
        units.append(Unit(text, weight, reports_meeting(text), tuple(inside)))
        offset = end + 1
    return units


@lru_cache(maxsize=1)
def _excluded_roles() -> re.Pattern:
    return re.compile("|".join(re.escape(r) for r in _config()["not_principal_roles"]), re.I)


def _can_be_principal(name: str, sentence: str, start: int) -> bool:
    person = by_name().get(name)
    if person is not None and (person.organisation or (person.role and _excluded_roles().search(person.role))):
        return False
    return not _patterns()["passing"].search(sentence[max(0, start - 40):start])


def _together(unit: Unit, principals: tuple[str, ...]) -> bool:
    """The two principals act together in the sentence ("Biden and Xi agreed on Saturday that …"): it reports an
    encounter though it has no meeting word."""
    return len(principals) == 2 and set(principals) <= _paired(unit)


def _paired(unit: Unit) -> set[str]:
    """The people a sentence names as a pair ("Trump and Zelenskyy clash in Oval Office", "Biden and his Brazilian
    colleague Lula announced at the White House"): they weigh as in a sentence with a meeting cue. Not after
    "between" ("a possible summit between Biden and Xi"): `between` weighs those, when the meeting is no
    hypothetical one."""
    return {m.name for a, b in zip(unit.people, unit.people[1:]) if a.name != b.name
            and _patterns()["pair_join"].fullmatch(unit.text, a.end, b.start)
            and not _BETWEEN_BEFORE.search(unit.text, 0, a.start)
            for m in (a, b)}


_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:[\w.]+\s+){0,3}$", re.I)


def score_people(units: list[Unit]) -> dict[str, float]:
    """Lead weight of every person who can be a principal: each sentence counts a person once. In order of first
    mention (the tie-break of `choose_principals`)."""
    w = _config()["weights"]
    pats = _patterns()
    scores: Counter[str] = Counter()
    for unit in units:
        names: dict[str, float] = {}  # a name met only as a possessive or modifier ("Trump's push") weighs less
        quoted = _quoted(unit.text)
        for m in unit.people:
            if _can_be_principal(m.name, unit.text, m.start) and not any(a <= m.start < b for a, b in quoted):
                owner = bool(pats["owner"].match(unit.text, m.end))
                names[m.name] = max(names.get(m.name, 0.0), w["possessive"] if owner else 1.0)
        paired = _paired(unit)
        for name, share in names.items():
            scores[name] += unit.weight * (w["cue"] if unit.cue or name in paired else w["plain"]) * share
        for m in pats["between"].finditer(unit.text):
            parties = dict.fromkeys(p.name for p in unit.people if p.start >= m.end() and p.name in names)
            for name in list(parties)[:2]:
                scores[name] += unit.weight * w["between"]
        for name in _who_met_whom(unit, names):
            scores[name] += unit.weight * w["met"]
    # "Raimondo met her Chinese counterpart …": the one of China a later sentence names beside Raimondo
    for k, unit in enumerate(units):
        for m in pats["counterpart"].finditer(unit.text):
            country = country_named(m.group())
            subjects = {p.name for p in unit.people if p.end <= m.start()}
            later = [p.name for u in units[k + 1:] if subjects & {q.name for q in u.people} for p in u.people]
            name = next((n for n in later if country and country_of(n) == country and n in scores), None)
            if name:
                scores[name] += unit.weight * (w["cue"] if unit.cue else w["plain"])
    return dict(scores)


# up to four words (a title, "on Sunday") between a name and a meeting verb
_NEAR = re.compile(r"[^\S\n]+(?:[\w’'.-]+[^\S\n]+){0,4}")


def _who_met_whom(unit: Unit, names: dict[str, float]) -> set[str]:
    """"Modi met Chinese President Xi Jinping", "Sullivan held talks with Wang": the people named just before a
    meeting verb and just after it, in one clause, are two who met, and so are two joined by "and" who open the
    sentence before a verb with no one after it ("Carney and Sheinbaum met to announce …"); others named in the sentence ("amid the
    tariffs of Donald Trump") are not. (Both or neither: "Yellen met Chinese officials" says nothing of whom.)"""
    if len(unit.people) < 2:
        return set()
    pats = _patterns()
    text = unit.text
    found: set[str] = set()
    for verb in pats["met"].finditer(text):
        before = [p for p in unit.people if p.end <= verb.start()][-2:]
        after = [p for p in unit.people if p.start >= verb.end()][:1]
        if not before or not _NEAR.fullmatch(" " + text[before[-1].end:verb.start()]):
            continue
        if after and before[-1].name != after[0].name \
                and _NEAR.fullmatch(text[verb.end():after[0].start] + " ") \
                and not pats["object_end"].search(text, before[-1].end, after[0].start):
            found |= {before[-1].name, after[0].name}
        elif len(before) == 2 and before[0].name != before[1].name \
                and _SUBJECTS_LEAD.fullmatch(text, 0, before[0].start) \
                and _SUBJECTS_JOIN.fullmatch(text, before[0].end, before[1].start):
            found |= {before[0].name, before[1].name}  # "On Thursday, Carney and President Sheinbaum met to …"
    return found & names.keys()


# two people who open a sentence as its subject: after a short opening phrase and their titles ("On Thursday,
# Prime Minister"), joined by "and" and the second one's title (not "… a day after Xi and Trump met")
_SUBJECTS_LEAD = re.compile(r"(?:[^,\n]{1,40},[^\S\n]+)?(?:[A-Z][\w.’'-]*[^\S\n]+){0,4}")
_SUBJECTS_JOIN = re.compile(r"[^\S\n]+(?:and|&)[^\S\n]+(?:[A-Z][\w.’'-]*[^\S\n]+){0,3}")


_QUOTATION = re.compile(r"[“\"][^“”\"]*(?:[”\"]|$)")


def _quoted(sentence: str) -> list[tuple[int, int]]:
    """Spans of the quotations in a sentence (one left open runs to its end): whom a speaker names ("I look
    forward to your meeting with Chairman Kim") is not whom the report says met."""
    if '"' not in sentence and "“" not in sentence:
        return []
    return [m.span() for m in _QUOTATION.finditer(sentence)]


def choose_principals(scores: dict[str, float]) -> tuple[str, ...]:
    """The best-scored person and the best counterpart from another side (or anyone else when sides are
    unknown), if the counterpart has a fair share of the score. At a tie, someone whose side is known (not a
    bystander the gazetteer does not know), then the one named first."""
    if not scores:
        return ()
    order = {name: i for i, name in enumerate(scores)}
    ranked = sorted(scores, key=lambda n: (-scores[n], country_of(n) is None, order[n]))
    first = ranked[0]
    minimum = scores[first] * _config()["weights"]["counterpart"]
    others = [n for n in ranked[1:] if scores[n] >= minimum]
    side = country_of(first)
    across = [n for n in others if side is None or country_of(n) is None or country_of(n) != side]
    second = (across or others)[:1]
    return (first, *second)


def meeting_date(units: list[Unit], principals: tuple[str, ...], published: date | None) -> tuple[date | None, bool]:
    """The day the lead says the meeting happened: the day-precise date of a sentence that names a principal,
    preferring sentences with a meeting cue that name both, and in a sentence the date nearest a cue ("the
    Kremlin said on Friday that the two leaders held talks on Thursday"); else the published date (not
    explicit)."""
    best: tuple | None = None
    wanted = set(principals)
    cue = _patterns()["cue"]
    for position, unit in enumerate(units):
        named = len({m.name for m in unit.people} & wanted)
        # a day in a sentence about one of them that reports no encounter ("Kim arrived on September 12") is some
        # other event's: the published date is the better guess, when there is one
        if not unit.cue and (published is not None and named < len(wanted) or not named):
            continue
        rank = ((unit.cue or _told(unit, wanted)) and named > 0, named, -position)
        if best is not None and rank[:2] <= best[0][:2]:
            continue
        cues = [m.span() for m in cue.finditer(unit.text)]
        days = [ref for ref in _days_near(unit.text, published)
                # (after "since", a date with numbers only: "his fifth call since taking office with his
                # counterpart on Thursday" is the call's)
                if not (_after_opener("since", unit.text, ref.start, cues) and any(c.isdigit() for c in ref.text))
                and not _after_opener("other_event", unit.text, ref.start, cues)]
        # "Xi on Tuesday said … Xi made the remarks in a meeting with Ramaphosa after arriving on Monday": the
        # remarks' day
        said = _remarks_day(units[:position], wanted, published) if _patterns()["remarks"].search(unit.text) else []
        if said:
            days, cues = said, []
        if days:
            # a date with its number ("on Monday, Jan. 9, ahead of Tuesday's summit") over a weekday alone
            days = [ref for ref in days if any(c.isdigit() for c in ref.text)] or days
            nearest = min(days, key=lambda ref: min((_gap((ref.start, ref.end), c) for c in cues), default=0))
            best = (rank, nearest.value)
        if best is not None and best[0][:2] == (True, len(wanted)):
            break
    if best is not None:
        return best[1], True
    return published, False


def _told(unit: Unit, wanted: set[str]) -> bool:
    """One principal tells the other something in the sentence ("Raimondo told Chinese Premier Li Qiang on
    Tuesday …"): their encounter, as much as a sentence with a meeting word."""
    named = [m for m in unit.people if m.name in wanted]
    told = _patterns()["told"]
    return any(a.name != b.name and told.fullmatch(unit.text, a.end, b.start) for a, b in zip(named, named[1:]))


def _remarks_day(before: list[Unit], wanted: set[str], published: date | None) -> list[DateRef]:
    """The days of the nearest of the two sentences before "… made the remarks" that names a principal and a day."""
    for unit in before[:-3:-1]:
        if {m.name for m in unit.people} & wanted and (days := _days_near(unit.text, published)):
            return days
    return []


def _days_near(text: str, published: date | None) -> list[DateRef]:
    """The days `text` names, but those more than ten days from the publication (another event's) and those of a
    range ("the summit scheduled for September 4 to September 6", "September 4-6": an event of several days,
    not one meeting's)."""
    refs = find_dates(text, published)
    ranged = {i for i, (a, b) in enumerate(zip(refs, refs[1:])) if _RANGE.fullmatch(text, a.end, b.start)}
    ranged |= {i + 1 for i in ranged} | {i for i, ref in enumerate(refs) if _RANGE_IN.search(ref.text)}
    return [ref for i, ref in enumerate(refs) if i not in ranged
            and ref.precision == "day" and not (published and abs((ref.value - published).days) > 10)]


_RANGE = re.compile(r"\s*(?:to|through|till|until|[-–—])\s*")
_RANGE_IN = re.compile(r"\d\s*[-–—]\s*\d")


def _after_opener(pattern: str, sentence: str, at: int, cues: list[tuple[int, int]]) -> bool:
    """Position `at` follows a match of `pattern` (meetings.yml: `since`, `other_event`) with no meeting cue
    between: a day of another event ("their first meeting since the president visited Israel after the attack on
    October 7, 2023", "after Macron came to the White House on Monday")."""
    return any(not any(m.end() <= c < at for c, _ in cues) for m in _patterns()[pattern].finditer(sentence, 0, at))


def recalled(units: list[Unit], principals: tuple[str, ...], published: date | None,
             headline: Unit | None = None) -> DateRef | None:
    """The year or month of an earlier meeting when that is all the lead dates ("When Biden met Xi in Bali in
    2022, …" in an opinion piece of 2024): the headline reports no meeting of a principal, no sentence with a
    meeting cue naming every principal (or one and "his counterpart") has a day near the published date, and one
    naming every principal has a year or month that ended well before it. Background does not count: a relative
    clause ("who last met in 2023"), a recalled meeting ("their last meeting was in Bali in 2022", `background`
    in meetings.yml)."""
    wanted = set(principals)
    if published is None or headline is not None and headline.cue and {m.name for m in headline.people} & wanted:
        return None
    limit = published - timedelta(days=_config()["windows"]["report_after"])
    pats = _patterns()
    old = None
    for unit in units:
        named = {m.name for m in unit.people} & wanted
        if not unit.cue or not named:
            continue
        text = _RELATIVE.sub(" ", unit.text)
        refs = find_dates(text, published)
        # a day of now for one of them ("Biden held his fifth call since taking office with his Chinese
        # counterpart on Thursday")
        if (named == wanted or pats["counterpart"].search(text)) \
                and any(ref.precision == "day" and abs((ref.value - published).days) <= 10 for ref in refs):
            return None
        if pats["pluperfect"].search(text) or pats["background"].search(text) or named != wanted:
            continue
        old = old or next((ref for ref in refs if ref.precision != "day" and _period_end(ref) < limit), None)
    return old


def _period_end(ref: DateRef) -> date:
    """The last day of the month or year a date of that precision names."""
    year, month = ref.value.year, ref.value.month
    if ref.precision == "year":
        return date(year, 12, 31)
    if ref.precision == "month":
        return date(year, month, calendar.monthrange(year, month)[1])
    return ref.value


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters between two spans (0 when they overlap)."""
    return max(0, b[0] - a[1], a[0] - b[1])


def _first_meeting_sentences(units: list[Unit]) -> list[Unit]:
    """The lead's first two sentences with a meeting cue: those that report the meeting itself."""
    return [u for u in units if u.cue][:2]


# between a call and the one called: "… by video link with (President) Zelensky", no comma (not "…, Sullivan said")
_CALLED = re.compile(r"[^,.;]*\b(?:with|to)\s+[^,.;]*")


def remote_mode(units: list[Unit], principals: tuple[str, ...]) -> str | None:
    """"phone" or "video" when one of the lead's first two meeting sentences reports a call ("spoke by phone"),
    not one with someone else ("… is to speak by video link with Zelensky": someone not a principal is called)."""
    pats = _patterns()
    for unit in _first_meeting_sentences(units):
        for mode in _config()["remote"]:
            cue = pats[f"remote {mode}"].search(unit.text)
            if cue and not any(_CALLED.fullmatch(unit.text, cue.end(), m.start) for m in unit.people
                               if m.start >= cue.end() and m.name not in principals):
                return mode
    return None


def is_preview(units: list[Unit]) -> bool:
    """One of the lead's first two meeting sentences speaks of the future ("is set to meet ... on Friday")."""
    pats = _patterns()
    for unit in _first_meeting_sentences(units):
        m = pats["cue"].search(unit.text)
        if pats["preview"].search(unit.text) and tense_at(unit.text, m.start()) == FUTURE:
            return True
    return False


_ALTERNATIVE = re.compile(r"\s+or\s+(?:(?:in|at)\s+(?:the\s+)?)?[A-Z]")


def place_votes(article: Article, units: list[Unit]) -> dict[str, float]:
    """Venues anywhere, cities only after "in"/"at", weighted like the lead (later paragraphs weigh little); a
    place offered as one of two ("in London or Beijing"), next to a past time ("last summer in Bali") or in a
    sentence about a possible meeting is no vote."""
    votes: Counter[str] = Counter()
    pats = _patterns()
    lead = "\n".join(u.text for u in units)
    starts = list(itertools.accumulate((len(u.text) + 1 for u in units[:-1]), initial=0))
    for m in find_places(lead):
        if _ALTERNATIVE.match(lead, m.end):  # "a meeting in London or Beijing": somewhere it may happen
            continue
        if pats["past_place"].search(lead, max(0, m.start - 30), min(len(lead), m.end + 30)) \
                or pats["since_place"].search(lead, max(0, m.start - 70), m.start):
            continue
        unit = units[bisect.bisect_right(starts, m.start) - 1]
        if not unit.cue and pats["cue"].search(unit.text):  # where a possible meeting may be
            continue
        if m.place.kind == "venue" or m.preposition:
            votes[m.place.name] += unit.weight * (2 if unit.cue else 1)
    rest = "\n".join(article.paragraphs[_config()["lead_paragraphs"]:])
    for m in find_places(rest):
        if m.place.kind == "venue":
            votes[m.place.name] += 0.3
    city = dateline_city(article.text)
    if city is not None and _countries_named(lead) <= {place_by_name()[city].country}:
        votes[city] += _config()["dateline"]["weight"]
    return dict(votes)


@lru_cache(maxsize=1)
def _country_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """A country where the lead says the meeting was ("in Kazakhstan", "in the U.S. state of Hawaii")."""
    names = {p.country: p.country for p in places_of() if p.country}
    names.update(country_names())
    names.update(_config()["dateline"]["country_words"])
    return re.compile(rf"\b(?:in|at)\s+(?:the\s+)?({alternation(names)})(?![\w-])"), names


def _countries_named(lead: str) -> set[str]:
    pattern, names = _country_pattern()
    return {names[m.group(1)] for m in pattern.finditer(lead)}


def _city(name: str) -> str | None:
    """The known city `name` is, written as a dateline writes it ("WASHINGTON", "Busan")."""
    name = name.title() if name.isupper() else name
    found = [p for p in find_places(name) if p.place.kind == "city" and (p.start, p.end) == (0, len(name))]
    return found[0].place.name if found else None


def dateline_city(text: str) -> str | None:
    """The known city of the dateline that opens the story ("WOODSIDE, Calif. (AP) —", "MOSCOW, Aug. 28 (Xinhua)
    --"; cleaning strips it from the body): where the reporter was, most often where the meeting was (it is no
    vote when the lead puts the meeting in another country: "BEIJING, June 18 (Xinhua) -- … in the U.S. state of
    Hawaii")."""
    cfg = _config()["dateline"]
    for line in text.splitlines()[:cfg["lines"]]:
        m = _patterns()["dateline"].match(line.strip())
        if m is None:
            continue
        names = [m.group("place") or m.group("place_after"), *(m.group("others") or "").split("/")[1:]]
        cities = [_city(n.strip()) for n in names]
        if cities[0] is not None:
            return cities[0] if all(c is None for c in cities[1:]) else None
    return None


def find_duration(article: Article, principals: tuple[str, ...]) -> str | None:
    """The first duration said of the meeting ("35-minute encounter" → "35 minutes"): in a sentence with a
    meeting cue or "lasted", naming no one but the principals (not "five-hour talks with Wang Yi")."""
    pats = _patterns()
    for paragraph in article.paragraphs:
        if "hour" not in paragraph and "minute" not in paragraph:
            continue
        for sentence in split_sentences(paragraph):
            m = pats["duration"].search(sentence)
            if not m or not (pats["cue"].search(sentence) or re.search(r"\blast(?:ed|ing)\b", sentence, re.I)):
                continue
            if all(p.name in principals for p in find_people(sentence, article.published)):
                return normalise_duration(m)
    return None


def normalise_duration(m: re.Match) -> str:
    amount, unit = m["a"].lower(), m["u"].lower()
    plural = "" if amount in ("one", "a", "an", "1") else "s"
    text = f"{amount} {unit}{plural}"
    if m["b"]:
        text += f" and {m['b'].lower()} minutes"
    return f"{m['q'].lower()} {text}" if m["q"] else text


NO_DATE = "no date: the text names no day and the article has no published date"


def read_article(article: Article) -> Reading:
    """Principals, date, place and duration of the meeting an article mainly reports."""
    units = lead_units(article)
    on = article.published
    scores = score_people(units)
    principals = choose_principals(scores)
    reading = Reading(article.id, on, _lead_text(article), principals, scores)
    if not principals:
        reading.reason = "no person named in the headline or lead"
        return reading
    if not any(u.cue or _together(u, principals) for u in units):
        reading.reason = "the headline and lead report no meeting"
        return reading
    headline = units[0] if article.title else None
    if (earlier := recalled(units, principals, on, headline)) is not None:
        reading.reason = f"the lead recalls an earlier meeting ({earlier.text}), not one it reports"
        return reading
    reading.date, reading.explicit = meeting_date(units, principals, on)
    reading.preview = is_preview(units)
    reading.mode = remote_mode(units, principals)
    reading.places = {} if reading.mode else place_votes(article, units)
    reading.duration = find_duration(article, principals)
    if reading.date is None:
        reading.reason = NO_DATE
        reading.weekday = meeting_weekday(units, principals)
    return reading


def meeting_weekday(units: list[Unit], principals: tuple[str, ...]) -> int | None:
    """The day of the week nearest a meeting cue in the first lead sentence naming a principal that has both."""
    cue = _patterns()["cue"]
    for unit in units:
        days = weekdays_named(unit.text)
        if unit.cue and days and {m.name for m in unit.people} & set(principals):
            cues = [m.start() for m in cue.finditer(unit.text)]
            return min(days, key=lambda d: min(abs(d[0] - c) for c in cues))[1]
    return None


# ---- grouping ------------------------------------------------------------------------------------------------


@dataclass
class Cluster:
    pair: frozenset[str]
    readings: list[Reading] = field(default_factory=list)

    def date(self) -> date:
        """Explicit dates weigh more than published dates; ties go to the earlier date."""
        w = _config()["weights"]["explicit_date"]
        votes: Counter[date] = Counter()
        for r in self.readings:
            if r.date is not None:
                votes[r.date] += w if r.explicit else 1.0
        return min(votes, key=lambda d: (-votes[d], d))


def _fits(reading: Reading, cluster: Cluster) -> int | None:
    """Days between an article's (published) date and a cluster's date when it may report that meeting."""
    win = _config()["windows"]
    d = cluster.date()
    gap = (reading.date - d).days
    if reading.explicit:
        return abs(gap) if abs(gap) <= win["same_meeting"] else None
    if 0 <= gap <= win["report_after"] or (reading.preview and 0 <= -gap <= win["preview_before"]):
        return abs(gap)
    return None


def cluster_pair(readings: list[Reading]) -> list[Cluster]:
    """Chain one pair's articles by date: explicit dates first, then published dates attach where they fit."""
    pair = frozenset(readings[0].principals)
    clusters: list[Cluster] = []
    window = _config()["windows"]["same_meeting"]
    for r in sorted((r for r in readings if r.explicit), key=lambda r: (r.date, r.article)):
        if clusters and (r.date - clusters[-1].readings[0].date).days <= window:
            clusters[-1].readings.append(r)
        else:
            clusters.append(Cluster(pair, [r]))
    for r in sorted((r for r in readings if not r.explicit), key=lambda r: (r.date, r.article)):
        fits = [(gap, i) for i, c in enumerate(clusters) if (gap := _fits(r, c)) is not None]
        if fits:
            clusters[min(fits)[1]].readings.append(r)
        else:
            clusters.append(Cluster(pair, [r]))
    return clusters


def _lead_text(article: Article) -> str:
    return " ".join([article.title, *article.paragraphs[: _config()["lead_paragraphs"]]])


_WORD = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token, for comparing leads


def attach_undated(readings: list[Reading], clusters: list[Cluster]) -> list[Unassigned]:
    """An article with no date at all joins its principals' meeting when they met once in the corpus, or the one
    of their meetings on the day of the week it names, never one in another country than it says ("met at
    Sunnylands" is not their Hangzhou meeting); else which meeting it reports cannot be told, and it stays out."""
    by_pair: dict[frozenset[str], list[Cluster]] = defaultdict(list)
    for c in clusters:
        by_pair[c.pair].append(c)
    unassigned = []
    for r in readings:
        pair = by_pair.get(frozenset(r.principals), [])
        met = [c for c in pair if _same_country(r, c)]
        # of several meetings, "… met on Monday" can only report one on a Monday (a single meeting's date may
        # be off by a day: it stays the one)
        same = met if len(met) == 1 else [c for c in met if r.weekday is None or c.date().weekday() == r.weekday]
        if len(same) == 1:
            same[0].readings.append(r)
        elif not pair:
            unassigned.append(Unassigned(r.article, r.reason))
        else:
            day = calendar.day_name[r.weekday] if r.weekday is not None else ""
            times = f"{len(pair)} times, none in {place_by_name()[_place([r])[0]].country}" if not met else \
                f"{len(met)} times, none on a {day}" if not same else \
                f"{len(same)} times" + (f" on a {day}" if day else "")
            unassigned.append(Unassigned(r.article, f"{NO_DATE}, and {' and '.join(r.principals)} met {times}"))
    return unassigned


def _same_country(reading: Reading, cluster: Cluster) -> bool:
    """The article's place and the meeting's (from its dated articles) are not in two different countries (a
    report may name the summit's city, San Francisco, for a meeting held near it, in Woodside)."""
    mine, theirs = _place([reading])[0], _place(cluster.readings)[0]
    places = place_by_name()
    return mine is None or theirs is None or places[mine].country == places[theirs].country


def attach_single(readings: list[Reading], clusters: list[Cluster]) -> list[Unassigned]:
    """Articles naming one principal join the most similar (TF-IDF cosine) meeting of that person whose date
    fits; only these articles and their candidates are vectorised."""
    by_person: dict[str, list[Cluster]] = defaultdict(list)
    for c in clusters:
        for name in c.pair:
            by_person[name].append(c)
    unassigned = []
    pending = []
    for r in readings:
        candidates = [c for c in by_person.get(r.principals[0], []) if _fits(r, c) is not None]
        if not candidates:
            unassigned.append(Unassigned(r.article, f"only one principal named ({r.principals[0]}) and no "
                                                       "meeting of theirs on a matching date"))
        elif len(candidates) == 1:
            candidates[0].readings.append(r)
        else:
            pending.append((r, candidates))
    stop = stop_words()
    for r, candidates in pending:
        docs = [r.lead] + [" ".join(x.lead for x in c.readings) for c in candidates]
        sims = similarities([[w for w in _WORD.findall(d.lower()) if w not in stop] for d in docs])
        scores = sims[0, 1:] if sims is not None else [0.0] * len(candidates)
        best = max(range(len(candidates)), key=lambda i: (scores[i], -i))
        candidates[best].readings.append(r)
    return unassigned


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.casefold())
    return set(zip(words, words[1:], words[2:], words[3:], words[4:]))


def syndicated_groups(articles: list[Article]) -> tuple[tuple[str, ...], ...]:
    """Groups of near-identical articles (one story republished): connected by shared 5-word shingles."""
    threshold = _config()["syndication"]
    sh = {a.id: _shingles(a.body) for a in articles}
    parent = {a.id: a.id for a in articles}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    ids = sorted(sh)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            small = min(len(sh[a]), len(sh[b]))
            if small and len(sh[a] & sh[b]) / small >= threshold:
                parent[root(b)] = root(a)
    groups: dict[str, list[str]] = defaultdict(list)
    for x in ids:
        groups[root(x)].append(x)
    return tuple(sorted(tuple(g) for g in groups.values() if len(g) > 1))


_RELATIVE = re.compile(r",\s+(?:who|whose)\b[^,]*,?")
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")


def sibling_mentions(articles: list[Article], principals: tuple[str, ...], on: date) -> tuple[str, ...]:
    """Other people a principal is said to have met on this trip ("earlier met Wang Yi"): a principal (or "he",
    "she") before the verb, the people met after it up to where a clause of its own begins, "who" clauses aside;
    past meetings ("had met", "last year") are left out."""
    pats = _patterns()
    visit = _config()["windows"]["visit"]
    principal = names_pattern(principals)
    found: set[str] = set()
    for article in articles:
        for paragraph in article.paragraphs:
            if not pats["met"].search(paragraph):
                continue
            for sentence in split_sentences(paragraph):
                sentence = _RELATIVE.sub(" ", sentence)
                if pats["pluperfect"].search(sentence):
                    continue
                subject = (principal and principal.search(sentence)) or _PRONOUN.search(sentence)
                verbs = [v for v in pats["met"].finditer(sentence) if subject and subject.start() < v.start()]
                if not verbs:
                    continue
                after = sentence[verbs[0].end():]
                end = pats["object_end"].search(after)
                after = after[:end.start()] if end else after
                met = {m.name for m in find_people(after, on)  # not "Trump's envoy", "Biden administration officials"
                       if m.name not in principals and _can_be_principal(m.name, "", 0)
                       and not pats["owner"].match(after, m.end)}
                refs = find_dates(sentence, article.published) if met else []
                if not any(abs((r.value - on).days) > visit or r.precision != "day" for r in refs):
                    found |= met
    return tuple(sorted(found))


def _place(readings: list[Reading]) -> tuple[str | None, str | None]:
    """(city, venue): the city with the most votes, its venues' included and weighing more (`weights.venue`: "at
    the Filoli estate" says more than "in San Francisco", the summit's city; "the Kremlin" once does not outvote
    Sochi named by every article); its best-voted venue, if any."""
    places = place_by_name()
    votes: Counter[str] = Counter()
    for r in readings:
        votes.update(r.places)
    if not votes:
        return None, None
    cities: Counter[str] = Counter()
    for name, n in votes.items():
        cities[places[name].city] += n * (_config()["weights"]["venue"] if places[name].kind == "venue" else 1)
    city = min(cities, key=lambda c: (-cities[c], c))
    venues = [n for n in votes if places[n].kind == "venue" and places[n].city == city]
    return city, (min(venues, key=lambda n: (-votes[n], n)) if venues else None)


def _title(participants: tuple[str, ...], where: str | None, on: date) -> str:
    where = f", {where}" if where else ""
    return f"{' – '.join(participants)}{where}, {on.day} {on:%B} {on.year}"


def mode_names() -> dict[str, str]:
    """How each way of meeting other than in person is shown ("phone" → "by phone")."""
    return {mode: how["shown"] for mode, how in _config()["remote"].items()}


def _mode(readings: list[Reading]) -> str | None:
    """How the meeting was held when not in person: the way most of its articles report, if at least half do."""
    modes = Counter(r.mode for r in readings if r.mode)
    if sum(modes.values()) * 2 < len(readings):
        return None
    return min(modes, key=lambda m: (-modes[m], m))


def build_meeting(cluster: Cluster, texts: Mapping[str, Article]) -> Meeting:
    """One meeting from its cluster; `texts` holds (at least) the cluster's cleaned articles by id."""
    readings = cluster.readings
    on = cluster.date()
    participants = tuple(sorted(cluster.pair, key=side_order))
    mode = _mode(readings)
    city, venue = (None, None) if mode else _place(readings)
    articles = sorted((texts[r.article] for r in readings),
                      key=lambda a: (a.published is None, a.published or on, a.id))
    explicit: dict[date, list[str]] = defaultdict(list)
    for r in readings:
        if r.explicit:
            explicit[r.date].append(r.article)
    versions = tuple(Version(d.isoformat(), tuple(sorted(ids))) for d, ids in sorted(explicit.items())) \
        if len(explicit) > 1 else ()
    durations = Counter(r.duration for r in readings if r.duration)
    duration = min(durations, key=lambda d: (-durations[d], d)) if durations else None
    return Meeting(
        id=f"{on.isoformat()}-{'-'.join(slug_of(p) for p in participants)}",
        title=_title(participants, mode_names()[mode] if mode else city, on),
        date=on,
        location=city,
        venue=venue,
        participants=participants,
        articles=tuple(a.id for a in articles),
        sibling_mentions=sibling_mentions(articles, participants, on),
        date_versions=versions,
        duration=duration,
        syndicated=syndicated_groups(articles),
        previews=() if all(r.preview for r in readings) else tuple(sorted(r.article for r in readings if r.preview)),
        mode=mode,
    )


def link_siblings(meetings: list[Meeting]) -> list[Meeting]:
    """Meetings sharing a principal within a few days are one visit: each lists the others (found by
    bisecting each person's meetings by date, so a principal with hundreds of meetings costs no more)."""
    visit = timedelta(days=_config()["windows"]["visit"])
    by_person: dict[str, list[Meeting]] = defaultdict(list)
    for m in meetings:
        for p in m.participants:
            by_person[p].append(m)
    for ms in by_person.values():
        ms.sort(key=lambda m: m.date)
    days = {p: [m.date for m in ms] for p, ms in by_person.items()}
    out = []
    for m in meetings:
        near = {}
        for p in m.participants:
            ms = by_person[p]
            for o in ms[bisect.bisect_left(days[p], m.date - visit):bisect.bisect_right(days[p], m.date + visit)]:
                if o.id != m.id:
                    near[o.id] = o
        out.append(replace(m, siblings=tuple(sorted(near, key=lambda i: (near[i].date, i)))))
    return out


def _unique_ids(meetings: list[Meeting]) -> list[Meeting]:
    """Two meetings of one pair on one day (rare) keep distinct ids: the later-listed one gets "-2"."""
    seen: Counter[str] = Counter()
    out = []
    for m in sorted(meetings, key=lambda m: (m.id, m.articles)):
        seen[m.id] += 1
        out.append(replace(m, id=f"{m.id}-{seen[m.id]}") if seen[m.id] > 1 else m)
    return out


def cluster_readings(readings: list[Reading]) -> tuple[list[Cluster], list[Unassigned]]:
    """Readings → one cluster of readings per meeting, and the articles no meeting could be read from, with why.
    Works on readings alone (no article text), so a rebuild can regroup the whole corpus cheaply."""
    undated, unassigned, usable = [], [], []
    for r in readings:
        if r.reason == NO_DATE and len(r.principals) >= 2:
            undated.append(r)
        elif r.reason:
            unassigned.append(Unassigned(r.article, r.reason))
        else:
            usable.append(r)
    by_pair: dict[frozenset[str], list[Reading]] = defaultdict(list)
    for r in usable:
        if len(r.principals) >= 2:
            by_pair[frozenset(r.principals)].append(r)
    clusters = [c for pair in sorted(by_pair, key=sorted) for c in cluster_pair(by_pair[pair])]
    unassigned += attach_undated(undated, clusters)
    unassigned += attach_single([r for r in usable if len(r.principals) == 1], clusters)
    unassigned.sort(key=lambda u: u.article)
    return clusters, unassigned


def finish_meetings(meetings: list[Meeting]) -> list[Meeting]:
    """Unique ids, siblings of the same visit, newest first: the steps that look across meetings."""
    out = link_siblings(_unique_ids(meetings))
    out.sort(key=lambda m: (-m.date.toordinal(), m.id))
    return out


def group_meetings(articles: list[Article],
                   readings: list[Reading] | None = None) -> tuple[list[Meeting], list[Unassigned]]:
    """Cleaned articles → meetings (newest first) and the articles no meeting could be read from, with why.

    `readings` (one per article, from `read_article`) may come from a cache: reading is the costly part."""
    clusters, unassigned = cluster_readings(readings if readings is not None else [read_article(a) for a in articles])
    texts = {a.id: a for a in articles}
    return finish_meetings([build_meeting(c, texts) for c in clusters]), unassigned
