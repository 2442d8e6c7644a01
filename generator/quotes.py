"""Quotes: find every direct quotation in an article, attribute it, and merge quotations across outlets.

Extraction pairs quotation marks paragraph by paragraph (an unbalanced mark is dropped, never allowed to
swallow text; a paragraph left open and continued by an opening mark is a multi-paragraph quotation).
Attribution tries, in order: the attribution right after the closing mark (`"…," X said`), "quoted X as
saying", the nearest cue verb before the quotation in its sentence (and its subject), "according to X", the
previous quotation of the paragraph (`"A," X said. "B."`), an attribution opening the next sentence, and a
previous quotation paragraph. Pronouns and descriptions resolve to the nearest fitting earlier subject
(a named subject earlier in the same sentence first); an unknown subject in between ("…, Rudolf said") or
other people mentioned in a later paragraph make "he"/"she" ambiguous. Anything less certain leaves the
speaker None.

Merging (`merge_quotes`) keeps one MeetingQuote per wording, citing only the articles whose own quotation
contains that wording, so the text occurs verbatim in every cited article; near-identical wordings, partial
quotations and translation variants of one quotation form a family: its best wording is the family's entry
(ranked on the whole family's corroboration), the others follow it with `variants` linking them.
"""
from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .model import Article, MeetingQuote, Quote
from .people import (Beside, Person, by_name, country_named, country_of, description_variants, elsewhere,
                     family_name, find_mentions, gazetteer, in_apposition, may_be, not_names, titles_beside_names)
from .resources import load
from .textutil import WORD_END, alternation, fold, normalize, unaccented, word_alone

OPEN_DOUBLE, CLOSE_DOUBLE, EITHER_DOUBLE = "“„«", "”»", '"'
OPEN_SINGLE, CLOSE_SINGLE, EITHER_SINGLE = "‘", "’", "'"
OPENERS_BEFORE = " \t\n([{—–-/"  # characters after which a straight mark opens a quotation
EDGE = " .,;:!?'\"-–—…"
# two single marks stand for a double one in some outlets' copy (“…’’, ``…'')
DOUBLED = {"‘‘": "“", "``": "“", "’’": "”", "''": '"'}
_DOUBLE_MARKS = re.compile("|".join(DOUBLED) + f"|[{OPEN_DOUBLE}{CLOSE_DOUBLE}{EITHER_DOUBLE}]")
_SINGLE_MARKS = re.compile(f"[{OPEN_SINGLE}{CLOSE_SINGLE}{EITHER_SINGLE}]")
ABBREVIATIONS = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Adm|Lt|Col|Capt|Sen|Rep|Gov|Jr|Sr|St|No|Prof|Maj|Sgt)"
                           r"|\b[A-Z]|\b(?:[A-Za-z]\.)+[A-Za-z])$")


@dataclass(frozen=True)
class Ref:
    """Something a quotation can be attributed to, found in the body."""

    start: int
    end: int
    kind: str  # person, organisation, pronoun-person, pronoun-organisation, description, unnamed
    name: str | None  # canonical or detected name; None for pronouns and unresolved descriptions
    surface: str
    roles: frozenset[str] = frozenset()  # role words seen with this mention ("spokesperson")


class Span(NamedTuple):
    """A quotation's place in the body. (A named tuple: the quotation mask is memoised on a tuple of an article's
    spans, which hashes them all at every look-up, in C for a tuple, in Python for a dataclass.)"""

    start: int  # first character inside the marks
    end: int
    open: int  # position of the opening mark
    close: int  # position of the closing mark (== end of paragraph when continued)
    paragraph: int
    continued: bool = False  # unclosed paragraph continued by the next one


# ---------------------------------------------------------------- configuration


@lru_cache(maxsize=1)
def config() -> dict:
    return load("quotes.yml")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    c = config()
    verbs = [v.casefold() for v in c["cue_verbs"]]
    courtesy = alternation(c["courtesy_titles"])
    # lower case anywhere; capitalised only where a sentence can start, so "United States" holds no cue
    cue = rf"{alternation(verbs)}|(?<![\w,;:’'-]\s)(?:{alternation([v[0].upper() + v[1:] for v in verbs])})"
    return {
        "cue": re.compile(rf"(?<![\w’'-])(?:{cue})(?![\w’'-])"),
        "according": re.compile(r"\baccording\s+to\s+", re.I),
        "source_by": re.compile(r"(?:an?|the)\s+[^,;.:“”\"]{1,60}?\b(?:by|from)\s+", re.I),
        # "quoted Dong as saying", "… as having told" (not "was quoted by CCTV as saying": see was_quoted)
        "quoted_as": re.compile(r"\b(?:quoted|paraphrased|cited)\s+(?!by\b)(.{1,80}?)\s+as\s+(?:having\s+)?"
                                r"(?:saying|telling|said|told)\b", re.I),
        "was_quoted": re.compile(r"\b(?:was|were|is|has\s+been)\s+quoted\s+(?:by\s+[^,]{1,60}\s+)?as\s+"
                                 r"(?:having\s+)?(?:saying|said|telling|told)\b", re.I),
        "unnamed": re.compile(c["unnamed_speaker"], re.I),
        "pronoun": re.compile(
            rf"\b(?:{alternation(c['pronouns']['person'] + c['pronouns']['organisation'])})\b", re.I),
        "orgdesc": re.compile(rf"\b(?:{alternation(c['organisation_descriptions'])})\b", re.I),
        "orgphrase": re.compile(c["organisation_phrase"]),
        # (up to three words before the role, within one sentence: "the U.S. president", not "the world.\n\nThe
        # Russian president")
        "roledesc": re.compile(rf"\bthe[ \t]+(?:(?:[\w-]+|(?:\w\.)+)[ \t]+){{0,3}}?"
                               rf"({alternation(c['role_descriptions'])})\b", re.I),
        # an aside between a subject and its verb: "Trump, who met Xi, said", "Austin, asked about it, said"
        "relative": re.compile(c["aside"]),
        # "Jane Roe, a professor at X University, said": an appositive may stand between a name and its cue (one
        # opening with an article may hold commas: "a director of the Energy, Economics and Security Program"),
        # or the name may end one ("a senior official, John Roe, told reporters")
        "cue_after": re.compile(rf"\s*(?:,\s+[^,]{{1,{c['appositive_max_chars']}}},\s*|,\s+(?:a|an|the)\s[^;:\"“”]"
                                rf"{{1,{c['appositive_max_chars']}}}?,\s*|,\s*)?(?:\w+ly\s+)?(?:{cue})"
                                rf"(?![\w’'-])"),
        # a phrase opening a sentence before its subject ("At a press conference with Putin,")
        "intro": re.compile(rf"(?:{alternation(c['intro_prepositions'])})\b[^,.;:“”\"]{{0,120}},"),
        # between a subject and its verb: spaces and adverbs ("He also", "Xi later")
        "subject_gap": re.compile(rf"\s*(?:(?:{alternation(c['adverbs'])}|\w+ly)\s+)*", re.I),
        "passive": re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", re.I),
        "coordinated": re.compile(r"\b(?:and|but)\s+(?:(?:also|then|has|have|had|\w+ly)\s+){0,2}$", re.I),
        "compound": re.compile(r"^\s*(?:and|&)\s+$", re.I),
        "new_clause": re.compile(r"(?:and|but|while|whereas)\s", re.I),
        # (not a possessive: "China’s claims" is a noun, not a verb whose subject is China)
        "capitalised_before": re.compile(r"(?<![\w’'-])([A-Z][\w’'-]*)(?<![’']s)\s+(?:\w+ly\s+)?$"),
        # "a seemingly exuberant Mr. Kim told", "a visibly angry Trump said", "a puzzled Ramaphosa asked": an
        # article, an adverb, a courtesy title or an adjective's ending, and a word describing the speaker (not "a
        # position Biden said he respects": none of them)
        "described": re.compile(rf"(?:an?|the)\s+(?:[a-z]+ly\s+[a-z]+\s+(?:(?:{courtesy})\.?\s+)?"
                                rf"|[a-z]+\s+(?:{courtesy})\.?\s+|[a-z]+(?:ed|ing|ful|ous|ive|ant|ic|al|ish|less)\s+)"),
        # what follows a nickname quoted inside a name: the rest of the name ("“Lula” da Silva")
        "nickname_after": re.compile(rf"\s+(?:(?:{alternation(c['name_particles'])})\s+)?[A-Z]"),
        "words_of": re.compile(c["words_of"], re.I),
        "words_owned": re.compile(c["words_owned"]),
        "first_person": re.compile(rf"\b(?:{'|'.join(map(re.escape, c['first_person']))})\b"),
        # a staff word before the one it speaks for ("a spokesperson for Pompeo", "an aide close to Kim")
        "staff_of": re.compile(rf"([\w.-]+)\s+(?:{alternation(c['staff_links'])})\s+(?:the\s+)?$"),
        # between a subject and whom it names (`_staff_of`)
        "staff_gap": re.compile(r"(?P<possessive>['’]s)?(?P<comma>[ \t]*,)?(?P<words>(?:[ \t]+[\w.-]+){0,5}?)[ \t]+"),
    }


@lru_cache(maxsize=1)
def _word_sets() -> dict[str, frozenset[str]]:
    c = config()
    return {
        "titles": frozenset(t.casefold() for t in c["titles"]),
        "title_links": frozenset(c["title_links"]),
        "title_small_words": frozenset(c["title_small_words"]),
        "pronouns": frozenset(w.casefold() for w in c["pronouns"]["person"] + c["pronouns"]["organisation"]),
        "roles": frozenset(c["role_descriptions"]) | frozenset(t.casefold() for t in c["titles"]),
        "organisation": frozenset(w.casefold() for w in c["organisation_words"]),
        "object": frozenset(c["object_markers"]),
        "cues": frozenset(" ".join(v.casefold().split()) for v in c["cue_verbs"]),
        "not_subjects": frozenset(w.casefold() for w in c["not_subjects"]),
        "any_role": frozenset(c["any_role"]),
        "reporting": frozenset(c["reporting_verbs"]),
        "relaying": frozenset(c["relaying_verbs"]),
        "inverted": frozenset(" ".join(v.casefold().split()) for v in c["inverted_verbs"]),
        "after_cue": frozenset(c["after_attribution_words"]),
        "addressed": frozenset(c["addressed_verbs"]),
        "weak": frozenset(c["weak_cues"]),
        "staff": frozenset(c["role_descriptions"]) | frozenset(t.casefold() for t in c["titles"])
        | frozenset(c["staff_words"]),
    }


def _unknown_name_ends(text: str) -> bool:
    """`text` ends with a capitalised word that is no known name ("… Beijing", "… Minister Yi"): the subject
    of a cue verb that follows is someone we cannot name."""
    m = _patterns()["capitalised_before"].search(text)
    return bool(m) and m.group(1).casefold() not in _word_sets()["not_subjects"]


@lru_cache(maxsize=1)
def _organisations() -> tuple[re.Pattern, dict[str, str]]:
    """Gazetteer organisations, matched case-insensitively ("China's Foreign Ministry")."""
    owner = {form.casefold(): p.name for p in gazetteer() if p.organisation for a in p.aliases
             for form in (a, a.replace("'", "’"))}
    pattern = re.compile(r"(?<![\w-])(?:" + alternation(list(owner)) + r")(?:['’]s)?(?![\w-])", re.I)
    return pattern, owner


@lru_cache(maxsize=1)
def _descriptions() -> tuple[re.Pattern, dict[str, tuple[Person, ...]]]:
    owners: dict[str, list[Person]] = {}
    for person in gazetteer():
        for d in person.descriptions:
            for form in description_variants(d.casefold()):
                if person not in owners.setdefault(form, []):
                    owners[form].append(person)
    pattern = re.compile(r"(?<![\w-])(?:" + alternation(list(owners)) + r")(?![\w-])", re.I)
    return pattern, {k: tuple(v) for k, v in owners.items()}


@lru_cache(maxsize=1)
def _name_pattern() -> re.Pattern:
    """A run of capitalised words (with initials and particles): candidate new names and organisations."""
    word = r"(?:(?:[A-Z]\.)+|[A-Z][\w’'-]*\w)"  # initials: "U.S.", "J.D."
    particles = alternation(config()["name_particles"])
    return re.compile(rf"{word}(?:[ \t]+(?:{word}|(?:{particles})\b|al-\w+))*")


# ---------------------------------------------------------------- quotation marks


def _kind(text: str, i: int, width: int = 1) -> str:
    """'open', 'close' or 'either' for the mark at text[i:i + width], judged by its neighbours."""
    ch = DOUBLED.get(text[i:i + width], text[i])
    if ch in OPEN_DOUBLE or ch in OPEN_SINGLE:
        return "open"
    if ch in CLOSE_DOUBLE:
        return "close"
    before = text[i - 1] if i else " "
    after = text[i + width] if i + width < len(text) else " "
    if ch in CLOSE_SINGLE or ch == EITHER_SINGLE:
        if before.isalnum() and after.isalnum():
            return "inner"  # an apostrophe: don't, Xi’s
        if before in OPENERS_BEFORE or before in OPEN_DOUBLE + EITHER_DOUBLE:
            return "open" if (after.isalnum() or after in "….") and ch == EITHER_SINGLE else "inner"
        return "close" if after.isspace() or not after.isalnum() else "inner"
    if before in OPENERS_BEFORE or before in OPEN_DOUBLE + OPEN_SINGLE:
        return "open"
    if after.isspace() or after in ".,;:!?)]—–-" or i + 1 == len(text):
        return "close"
    return "either"


def _double_spans(paragraphs: list[tuple[int, str]]) -> list[Span]:
    spans: list[Span] = []
    for n, (offset, para) in enumerate(paragraphs):
        open_at: int | None = None
        for mark in _DOUBLE_MARKS.finditer(para):
            i, j = mark.span()
            kind = _kind(para, i, j - i)
            if open_at is None:
                if kind in ("open", "either"):
                    open_at, inner = i, j
            elif kind in ("close", "either"):
                spans.append(Span(offset + inner, offset + i, offset + open_at, offset + j - 1, n))
                open_at = None
            else:
                open_at, inner = i, j  # a second opening mark: the first one was unbalanced
        if open_at is not None:
            following = paragraphs[n + 1][1].lstrip() if n + 1 < len(paragraphs) else ""
            if following[:1] and following[0] in OPEN_DOUBLE + EITHER_DOUBLE:
                end = offset + len(para)
                spans.append(Span(offset + inner, end, offset + open_at, end, n, continued=True))
            elif n + 1 == len(paragraphs) and len(para[inner:].split()) >= 4:  # the excerpt stops inside it
                end = offset + len(para.rstrip())
                spans.append(Span(offset + inner, end, offset + open_at, end, n))
    return spans


def _single_spans(paragraphs: list[tuple[int, str]], taken: list[Span]) -> list[Span]:
    """Single-quoted quotations outside double-quoted ones; apostrophes ("nations’") never open one."""
    limit, framed = config()["single_quote_max_words"], config()["single_quote_framed_max_words"]
    spans: list[Span] = []
    for n, (offset, para) in enumerate(paragraphs):
        inside = [(s.open - offset, s.close - offset) for s in taken if s.paragraph == n]
        marks = [(m.start(), _kind(para, m.start())) for m in _SINGLE_MARKS.finditer(para)
                 if not any(a <= m.start() <= b for a, b in inside)]
        k = 0
        while k < len(marks):
            i, kind = marks[k]
            if kind != "open":
                k += 1
                continue
            closers = []
            for j, other in marks[k + 1:]:
                if other == "open":
                    break
                if other == "close":
                    closers.append(j)
            near_punct = [j for j in closers if para[j - 1] in ",.!?" or para[j + 1:j + 2] in tuple(",.;:!?")]
            close = (near_punct or closers or [None])[0]
            before = para[:i].rstrip()
            speech = close is not None and para[close - 1] in ",.!?" and (not before or before[-1] in ",:")
            if close is not None and 0 < len(para[i + 1:close].split()) <= (framed if speech else limit):
                spans.append(Span(offset + i + 1, offset + close, offset + i, offset + close, n))
            k = next((m for m, (j, _) in enumerate(marks) if j > (close if close is not None else i)), len(marks))
    return spans


def _trim(span: Span, body: str) -> Span | None:
    text = body[span.start:span.end]
    lead = len(text) - len(text.lstrip())
    tail = len(text) - len(text.rstrip())
    start, end = span.start + lead, span.end - tail
    if end <= start or not re.search(r"\w", body[start:end]):
        return None
    return Span(start, end, span.open, span.close, span.paragraph, span.continued)


def find_spans(body: str) -> list[Span]:
    """Every quotation's inner span, in order of appearance."""
    paragraphs, pos = [], 0
    for para in body.split("\n\n"):
        paragraphs.append((pos, para))
        pos += len(para) + 2
    double = _double_spans(paragraphs)
    found = [_trim(s, body) for s in double + _single_spans(paragraphs, double)]
    return sorted((s for s in found if s), key=lambda s: s.start)


# ---------------------------------------------------------------- sentences and mentions


_SENTENCE_END = re.compile(r"([.!?]+[)\]]?)\s+$")


def _sentences(body: str, spans: list[Span]) -> list[tuple[int, int]]:
    """Sentence spans; full stops inside quotations don't end a sentence, a quotation ending in one may."""
    masked = _mask(body, spans, 0, len(body))
    cuts = {0, len(body)}
    for m in re.finditer(r"\n\n", body):
        cuts.add(m.end())
    for m in re.finditer(r"[.!?]+[)\]]?(?=\s+[A-Z“\"‘'(])", masked):
        if not ABBREVIATIONS.search(masked[max(0, m.start() - 12):m.start()]):
            cuts.add(m.end())
    for s in spans:
        after = body[s.close + 1:s.close + 3]
        if body[s.start:s.end][-1:] in ".!?" and re.match(r"\s+[A-Z“\"‘]", after):
            cuts.add(s.close + 1)
        # a quotation that opens a sentence ("… on Monday. “We are ready,” she said"): blanked in `masked`
        end = _SENTENCE_END.search(masked, max(0, s.open - 40), s.open)
        if end and not ABBREVIATIONS.search(masked[max(0, end.start() - 12):end.start()]):
            cuts.add(end.end(1))
    points = sorted(cuts)
    return [(a, b) for a, b in zip(points, points[1:]) if body[a:b].strip()]


def _mask(body: str, spans: list[Span], start: int, end: int) -> str:
    """body[start:end] with quotation contents (marks included) blanked, so cues inside quotes don't count."""
    return _masked(body, tuple(spans))[start:end]


@lru_cache(maxsize=1)
def _masked(body: str, spans: tuple[Span, ...]) -> str:
    """The whole body masked (see `_mask`); cached for the article being read, whose quotes are attributed one
    after another, each asking for a piece of it."""
    pieces, pos = [], 0
    for a, b in sorted((s.open, s.close + 1) for s in spans):
        a = max(a, pos)
        if a < b:
            pieces += [body[pos:a], " " * (b - a)]
            pos = b
    pieces.append(body[pos:])
    return "".join(pieces)


class _Taken:
    """The characters of a body that refs cover: whether a new span overlaps any of them is one slice, not a walk
    over every ref (a long article has hundreds)."""

    def __init__(self, size: int, refs: Iterable[Ref] = ()):
        self.marks = bytearray(size)
        for r in refs:
            self.add(r)

    def add(self, r: Ref) -> None:
        self.marks[r.start:r.end] = b"\1" * (r.end - r.start)

    def overlaps(self, r: Ref) -> bool:
        return 1 in self.marks[r.start:r.end]


_ROLE_WORD = re.compile(r"[\w.]+")


def _roles_before(body: str, start: int) -> frozenset[str]:
    """The role words right before a name, up to the first other word ("Ohio Gov. Ann Roe met Xi": Xi has none)."""
    words = _ROLE_WORD.findall(body[max(0, start - 60):start].casefold())[-4:]
    roles, full = _word_sets()["roles"], config()["title_abbreviations"]  # "Gov. Ann Roe": "the governor"
    run = list(itertools.takewhile(lambda w: w in roles, reversed(words)))
    return frozenset(full.get(w, w) for w in run)


def _beside_cue(body: str, end: int, last: list[str]) -> bool:
    """A cue verb follows `body[:end]` (perhaps after an appositive), or `last` (the words before) is one."""
    cues = _word_sets()["cues"]
    after = body[end:end + config()["appositive_max_chars"] + 30]
    return bool(_patterns()["cue_after"].match(after)) or bool(last) and (last[-1] in cues or " ".join(last) in cues)


_BARE_END = re.compile(r"(?:['’]s?)?[.,]*$")


@lru_cache(maxsize=65536)
def _bare(token: str) -> str:
    """A word of a name without case, possessive or trailing punctuation ("Times'," → "times")."""
    return _BARE_END.sub("", token.casefold())


_POSSESSIVE_END = re.compile(r"[’']s$")


def _new_names(body: str, known: list[Ref]) -> list[Ref]:
    """People and organisations not in the gazetteer: capitalised runs next to a cue verb or after a title."""
    titles, org_words = _word_sets()["titles"], _word_sets()["organisation"]
    taken = _Taken(len(body), (r for r in known if not r.kind.startswith("pronoun")))  # a name may start with "He"
    found: list[Ref] = []
    single: list[Ref] = []  # one word after a title: a part of the name of someone named in full?
    for m in _name_pattern().finditer(body):
        tokens = m.group().split()
        # a person's name follows the last title word, whatever comes before it ("European Council President
        # António Costa"), and never starts with "The" or "On"; an organisation keeps its title words ("National
        # Security Council", "Office of the President")
        titled_at = max((i + 1 for i, t in enumerate(tokens[:-1]) if t.casefold().rstrip(",") in titles), default=0)
        organisation = bool({_bare(t) for t in tokens[titled_at:]} & org_words)
        if organisation:
            titled_at = 0
        cut = titled_at
        while cut < len(tokens) and tokens[cut] in not_names():
            cut += 1
        while cut < len(tokens) - 1 and not organisation and _POSSESSIVE_END.search(tokens[cut]):
            cut += 1  # "NPR's Scott Horsley": the outlet's, not part of the name
        keep = tokens[cut:]
        if not keep or not organisation and keep[0].casefold().rstrip(",") in titles:
            continue
        before = body[max(0, m.start() - 30):m.start()]
        last = before.casefold().split()[-2:] if before[-1:].isspace() else []
        titled = titled_at > 0 or bool(last) and last[-1] in titles
        person = not organisation and 2 <= len(keep) <= 4 and not _POSSESSIVE_END.search(keep[-1]) \
            and keep[-1].casefold().rstrip(",") not in titles  # "California Gov. Gavin Newsom": no "California Gov"
        if not (organisation or person or titled and len(keep) == 1):
            continue  # nothing it could name (known before the costlier look for a cue beside it)
        if not titled and not _beside_cue(body, m.end(), last):
            continue
        start = m.start() + m.group().index(keep[0])
        ref_end = m.end()
        if organisation:
            the = re.search(r"\bthe\s+$", body[max(0, start - 4):start], re.I)
            ref = Ref(start, ref_end, "organisation", " ".join(keep), body[start:ref_end])
            if not the and len(keep) == 1 and keep[0].casefold() not in org_words:
                continue
        elif person:
            ref = Ref(start, ref_end, "person", " ".join(keep), body[start:ref_end], _roles_before(body, start))
        else:  # one word after a title
            single.append(Ref(start, ref_end, "person", keep[0], body[start:ref_end], _roles_before(body, start)))
            continue
        if not taken.overlaps(ref):
            found.append(ref)
            taken.add(ref)
    parts = _name_parts(known + found)  # "Foreign Minister Yi" after "Wang Yi"
    found += [replace(r, name=parts[r.name]) for r in single if r.name in parts and not taken.overlaps(r)]
    return sorted(found, key=lambda r: r.start)


def _part_owners(refs: list[Ref], written: bool = False) -> dict[str, set[str]]:
    """Each part of the names of the people named in full among `refs` → the people whose names have it;
    `written`: only parts the text writes in a mention (not a person met only by an alias, "Wang")."""
    owners: dict[str, set[str]] = {}
    for r in refs:
        if r.kind == "person" and " " in r.name:
            seen = set(r.surface.split()) if written else None
            for part in r.name.split():
                if seen is None or part in seen:
                    owners.setdefault(part, set()).add(r.name)
    return owners


def _name_parts(refs: list[Ref]) -> dict[str, str]:
    """A part of the name of one person named in full among `refs` → that person: after a title, a part names
    them even when it is the given name ("Foreign Minister Yi" for Wang Yi, "President Jinping": outlets mistake
    a Chinese given name for the family name)."""
    return {part: next(iter(names)) for part, names in _part_owners(refs, written=True).items() if len(names) == 1}


def _surname_tokens(name: str, person: Person | None) -> list[str]:
    """The parts of a name that may stand for it alone: a known person's family name (`people.family_name`), with
    or without its accents; any part of a name the gazetteer does not know."""
    if person is None:
        return name.split()
    token = family_name(name, person)
    return list(dict.fromkeys([token, unaccented(token)]))


def _surname_refs(body: str, refs: list[Ref]) -> list[Ref]:
    """"Wu said" after "spokesperson Wu Qian", "Li said" after "Premier Li Qiang": a single name token that belongs
    to one person named in full in the text (the gazetteer leaves shared surnames such as Li out of its aliases;
    a token that is also a pronoun, the "He" of "He Lifeng", is never one; nor a token in two people's names, even
    as one's given name: "Minister Yi" beside Wang Yi and Yi Gang)."""
    pronouns = _word_sets()["pronouns"]
    people = by_name()
    owners: dict[str, set[str]] = {}
    sharers = _part_owners(refs)
    for r in refs:
        if r.kind == "person" and " " in r.name:
            for token in _surname_tokens(r.name, people.get(r.name)):
                if token.casefold() not in pronouns:
                    owners.setdefault(token, set()).add(r.name)
    found = []
    taken = _Taken(len(body), refs)
    for token, names in owners.items():
        if len(names) != 1 or len(sharers.get(token, ())) > 1 or len(token) < 2:
            continue
        name = next(iter(names))
        # not the first part of a longer name ("Yang" of "a Yang Jiechi-Biden meeting")
        for m in word_alone(token, rf"{WORD_END}(?![ \t]+[A-Z])").finditer(body):
            ref = Ref(m.start(), m.end(), "person", name, m.group())
            if not taken.overlaps(ref):
                found.append(ref)
                taken.add(ref)
    # a family name mistyped by one letter ("Ramphosa said:" after "Cyril Ramaphosa"), when it is long enough
    # that one letter does not make another name
    mistyped = [t for t, names in owners.items() if len(names) == 1 and len(t) >= _MISTYPED_MIN
                and len(sharers.get(t, ())) <= 1]
    if mistyped:
        for m in _CAPITALISED_WORD.finditer(body):
            near = [t for t in mistyped if Levenshtein.distance(m.group(), t, score_cutoff=1) == 1]
            if len(near) != 1:
                continue
            ref = Ref(m.start(), m.end(), "person", next(iter(owners[near[0]])), m.group())
            if not taken.overlaps(ref):
                found.append(ref)
                taken.add(ref)
    return found


_MISTYPED_MIN = 7  # letters of a family name below which a one-letter difference may be another name
_CAPITALISED_WORD = re.compile(r"(?<![\w’'-])[A-Z][a-z]{5,}(?![\w-])")


def find_refs(body: str, on: date | None) -> list[Ref]:
    """Everything in `body` that a quotation can be attributed to, in order, without overlaps."""
    p = _patterns()
    refs = [Ref(m.start, m.end, "organisation" if by_name()[m.name].organisation else "person", m.name,
                m.surface, _roles_before(body, m.start)) for m in find_mentions(body)]
    org_pattern, org_owner = _organisations()
    candidates: list[Ref] = []
    for m in org_pattern.finditer(body):
        key = re.sub(r"['’]s$", "", m.group()).casefold()
        candidates.append(Ref(m.start(), m.end(), "organisation", org_owner.get(key), m.group()))
    desc_pattern, desc_owner = _descriptions()
    for m in desc_pattern.finditer(body):
        people = [x for x in desc_owner[m.group().casefold()] if x.active(on) and not elsewhere(body, m.end(), x)]
        candidates.append(Ref(m.start(), m.end(), "description", "|".join(x.name for x in people), m.group()))
    for m in p["orgphrase"].finditer(body):
        name = re.sub(r"^the\s+", "", m.group(), flags=re.I)
        name = name[0].upper() + name[1:]
        candidates.append(Ref(m.start(), m.end(), "organisation", name, m.group()))
    for m in p["orgdesc"].finditer(body):
        candidates.append(Ref(m.start(), m.end(), "organisation-description", None, m.group()))
    for m in p["unnamed"].finditer(body):
        if p["cue"].search(m.group()):  # "the spokesperson told reporters": the reporters are not the source
            continue
        candidates.append(Ref(m.start(), m.end(), "unnamed", None, m.group()))
    full = config()["title_abbreviations"]  # "the PM": a minister
    for m in p["roledesc"].finditer(body):
        role = m.group(1).casefold()
        candidates.append(Ref(m.start(), m.end(), "role", None, m.group(), frozenset({full.get(role, role)})))
    for m in p["pronoun"].finditer(body):
        person = m.group().casefold() in config()["pronouns"]["person"]
        candidates.append(Ref(m.start(), m.end(), "pronoun-person" if person else "pronoun-organisation", None,
                              m.group()))
    # longer spans win ("a White House readout" over "White House"; "the Chinese president" over "the president")
    taken = bytearray(len(body))  # 1: a gazetteer mention, 2: an accepted candidate
    for r in refs:
        taken[r.start:r.end] = b"\1" * (r.end - r.start)
    for ref in sorted(candidates, key=lambda r: (-(r.end - r.start), r.start)):
        seg = taken[ref.start:ref.end]
        if 2 in seg:
            continue
        if 1 in seg:
            clash = [r for r in refs if ref.start < r.end and r.start < ref.end]
            if any(r.end - r.start >= ref.end - ref.start for r in clash):
                continue
            refs = [r for r in refs if r not in clash]
        refs.append(ref)
        taken[ref.start:ref.end] = b"\2" * (ref.end - ref.start)
    new = _new_names(body, refs)  # a name wins over a pronoun it starts with ("spokesperson He Yadong")
    named = _Taken(len(body), new)
    refs = [r for r in refs if not (r.kind.startswith("pronoun") and named.overlaps(r))] + new
    refs += _surname_refs(body, refs)
    return _titles_resolved(body, sorted(refs, key=lambda r: r.start))


def _titles_resolved(body: str, refs: list[Ref]) -> list[Ref]:
    """As for meetings (`people.titles_beside_names`): the refs without the role descriptions used as titles,
    the others naming whom the text says. A pronoun with a description in apposition ("He, the Chinese vice
    premier, said") stands for the description."""
    retitled: dict[int, Ref] = {}  # pronouns an appositive description names
    dropped: set[int] = set()
    for r, nxt in zip(refs, refs[1:]):
        if r.kind == "pronoun-person" and nxt.kind == "description" \
                and in_apposition(body, r.end, nxt.start, nxt.end):
            retitled[r.start] = replace(r, kind=nxt.kind, name=nxt.name)
            dropped.add(nxt.start)
    refs = [retitled.get(r.start, r) for r in refs if r.start not in dropped]
    titles, holder = titles_beside_names(body, [
        Beside(r.start, r.end, r.name, frozenset((r.name or "").split("|")) if r.kind == "description" else None)
        for r in refs if r.kind in ("person", "description")])
    return [replace(r, name=holder[r.name]) if r.kind == "description" and r.name in holder else r
            for r in refs if r.start not in titles]


# ---------------------------------------------------------------- attribution


@dataclass
class _State:
    """What pronouns and descriptions can refer to: the latest subjects and mentions seen so far."""

    person: str | None = None
    organisation: str | None = None
    seen: list[tuple[str, frozenset[str]]] | None = None  # (name, roles) of people mentioned, in order
    person_paragraph: int = -1  # the paragraph where `person` became the subject
    rivals: frozenset[str] = frozenset()  # other people mentioned in later paragraphs: "he" is then ambiguous


def _resolve(ref: Ref, state: _State) -> str | None:
    """The name a mention stands for, or None when it names no one (or no one for sure)."""
    if ref.kind in ("person", "organisation"):
        return ref.name
    if ref.kind == "pronoun-person":
        if state.person is None or may_be(state.person, ref.surface):
            return None if state.rivals else state.person
        # "Trump asked Sheinbaum … she suggested": the latest person mentioned whom the pronoun fits
        return next((n for n, _ in reversed(state.seen or []) if may_be(n, ref.surface)), None)
    if ref.kind in ("pronoun-organisation", "organisation-description"):
        return state.organisation
    if ref.kind == "description":
        names = [n for n in ref.name.split("|") if n]
        mentioned = [n for n, _ in reversed(state.seen or []) if n in names]
        if mentioned:
            return mentioned[0]
        if len(names) == 1 and len(ref.surface.split()) >= 3:
            return names[0]
        # "the president" of an article about Lee Jae-myung: not the US one the gazetteer knows by it
        head = ref.surface.split()[-1].casefold()
        return _role_holder(head, ref.surface, state) if head in _word_sets()["roles"] else None
    if ref.kind == "role":  # "the Indian external affairs minister": only an Indian one
        return _role_holder(next(iter(ref.roles)), ref.surface, state)
    return None


def _role_holder(role: str, surface: str, state: _State) -> str | None:
    """Whom a role description means: the one the text is about if the role fits ("The president recalled that
    President Xi had …": the subject, Lee), else the latest mentioned it fits; of the country it names, if any."""
    country = country_named(surface)
    if role in _word_sets()["any_role"]:  # "the Russian leader": whoever of Russia was named last
        return next((n for n, _ in reversed(state.seen or []) if country and country_of(n) == country), None)
    for name, roles in [(state.person, frozenset()), *reversed(state.seen or [])]:
        person = by_name().get(name or "")
        if name and (role in roles or (person and person.role and role in person.role.casefold())) \
                and (country is None or country_of(name) in (country, None)):
            return name
    return None


def _is_subject(ref: Ref, body: str, sentence_start: int, spans: list[Span]) -> bool:
    """Not possessive ("Trump's vision"), not an object ("met with Xi", "between Xi and Trump") and not in a
    phrase opening the sentence ("At a press conference with Putin, Orban said")."""
    if re.match(r"['’]s\b", body[ref.end:ref.end + 3]) or ref.surface.endswith(("'s", "’s")):
        return False
    intro = _patterns()["intro"].match(body, sentence_start)
    if intro and ref.start < intro.end():
        return False
    start = max(sentence_start, ref.start - 20)
    before = re.findall(r"[\w’']+", _mask(body, spans, start, ref.start).casefold())
    if start == sentence_start and len(before) == 1 and before[0] in ("and", "or"):
        return True  # "And Rubio said …": the conjunction opens the sentence, it joins no object to the name
    return not (before and before[-1] in _word_sets()["object"])


def _refs_in(refs: list[Ref], start: int, end: int, spans: list[Span]) -> list[Ref]:
    return [r for r in refs if start <= r.start and r.end <= end
            and not any(s.open <= r.start and r.end <= s.close + 1 for s in spans)]


_OWNER = re.compile(r"[\s,]*(?:the\s+)?[A-Z][\w.&-]*(?:['’]s|s['’])\s+")


def _close_by(gap: str, adverb: bool = False) -> bool:
    """Next to each other: at most four characters (`adverb`: spaces, commas and an adverb, "said firmly"), an
    owner's name ("NPR's") or a title run between a cue or "according to" and a name: title words, staff words,
    capitalised words and links, ending in a title or a staff word ("U.S. Treasury Secretary", "South Korean
    President", "Minister of Foreign Affairs", "said aide Yuri Ushakov")."""
    if re.fullmatch(r"[\s,]*(?:\w+ly\s+)?", gap) if adverb else len(gap) <= 4:
        return True
    if _OWNER.fullmatch(gap):  # "NPR's Scott Horsley", "China's Wang Yi"
        return True
    words = gap.split()
    titles, links, staff = _word_sets()["titles"], _word_sets()["title_links"], _word_sets()["staff"]
    return (0 < len(words) <= 6 and gap[-1:].isspace() and words[-1].casefold() in titles | staff
            and all(w.casefold() in titles | staff or w[0].isupper() or w in links for w in words))


def _person_behind(ref: Ref, refs: list[Ref], body: str) -> Ref:
    """Who speaks when the text names `ref` as the subject: the person or role named right after it when only
    role words stand between. After an institution, "Foreign Ministry spokesperson Wang Wenbin"; in apposition
    to a role or an unnamed source, "the spokesman, Maj. Gen. Patrick Ryder,"; after a person, their staff:
    "Putin aide Yuri Ushakov", "Biden's national security adviser", "Xi's top diplomat Wang Yi". Not "an aide
    close to Mr. Kim": the aide is no one named."""
    for _ in range(3):  # "Xi's top diplomat, Foreign Minister Wang Yi": a chain of a few
        nxt = next((r for r in refs if r.start >= ref.end), None)
        if nxt is None or not _staff_of(ref, nxt, body[ref.end:nxt.start]):
            break
        ref = nxt
    return ref


def _staff_of(ref: Ref, nxt: Ref, gap: str) -> bool:
    """`nxt` stands for whom `ref` (then `gap`) begins to name (see `_person_behind`): only role words between
    (`staff_words`, roles, titles), after a comma for a role or an unnamed source, after a possessive or a
    role word for a person."""
    m = _patterns()["staff_gap"].fullmatch(gap)
    if m is None or not all(w.casefold() in _word_sets()["staff"] for w in m.group("words").split()):
        return False
    if ref.kind == "organisation":
        return nxt.kind == "person" and not m.group("comma")
    if ref.kind in ("role", "unnamed"):
        return nxt.kind == "person" and not m.group("possessive")
    if ref.kind in ("person", "description"):
        return nxt.kind in ("person", "description", "role") and not m.group("comma") \
            and bool(m.group("possessive") or m.group("words"))
    return False


def _parse_attribution(body: str, pos: int, end: int, refs: list[Ref], spans: list[Span],
                       state: _State) -> tuple[bool, str | None, str | None]:
    """Read "X said" / "said X" (X: a name, pronoun, description or unnamed source) in body[pos:end]."""
    tail = body[pos:end]
    owned = _patterns()["words_owned"].match(tail)
    if owned:  # "“…,” were Xi's first words"
        named = _refs_in(refs, pos + owned.start(1), pos + owned.end(1), spans)
        if named:
            return True, _resolve(named[-1], state), "said"
    lead = re.match(r"[\s,;:—–-]*", tail)
    cue = _patterns()["cue"].search(tail, lead.end())
    if not cue:
        return False, None, None
    before = tail[lead.end():cue.start()]
    quoted = _patterns()["quoted_as"].search(before + cue.group())
    if quoted:  # "the spokesperson quoted Dong as saying": Dong is the speaker
        named = _refs_in(refs, pos + lead.end() + quoted.start(1), pos + lead.end() + quoted.end(1), spans)
        if named:
            return True, _resolve(named[0], state), "quoted"
    was = _patterns()["was_quoted"].search(before + cue.group())
    if was:  # "“…,” Scholz was quoted by the Associated Press as telling the press": the one quoted
        named = _refs_in(refs, pos + lead.end(), pos + lead.end() + was.start(), spans)
        if named and _close_by(body[pos + lead.end():named[0].start]):
            return True, _resolve(named[0], state), "quoted"
    if not before.strip():  # ", said X" (not ", praised X": a verb that puts its subject after it)
        if cue.group().casefold() not in _word_sets()["inverted"]:
            return False, None, None
        after = _refs_in(refs, pos + cue.end(), end, spans)
        near = [r for r in after if _close_by(body[pos + cue.end():r.start], adverb=True)]
        if not near:
            return False, None, None
        return True, _resolve(_person_behind(near[0], refs, body), state), cue.group().casefold()
    if len(_patterns()["relative"].sub(",", before).split()) > 8:
        return False, None, None
    inside = _refs_in(refs, pos + lead.end(), pos + cue.start(), spans)
    if not inside or not (_close_by(gap := body[pos + lead.end():inside[0].start])
                           or _patterns()["described"].fullmatch(gap)
                           or _patterns()["source_by"].fullmatch(gap)):  # "a readout from the Treasury said"
        return False, None, None
    return True, _resolve(_person_behind(inside[0], refs, body), state), cue.group().casefold()


def _after_attribution(body: str, span: Span, sentence_end: int, refs: list[Ref], spans: list[Span],
                       state: _State) -> tuple[bool, str | None, str | None]:
    """`"…," X said` / `"…," said X` right after the closing mark."""
    nxt = next((s.open for s in spans if s.open > span.close), len(body))
    end = min(sentence_end, nxt)
    inner_end = body[span.start:span.end].rstrip().rstrip("'’\"”")[-1:]  # "… is 'Taiwan independence,'" Wang said
    lead = re.match(r"[\s,;:—–-]*", body[span.close + 1:end]).group()
    if not (inner_end in ",?!—–-…" or "," in lead or "—" in lead or ":" in lead  # “…”: Scholz emphasized that …
            or _bare_attribution(body[span.close + 1:end])):
        return False, None, None
    if _patterns()["new_clause"].match(body, span.close + 1 + len(lead)):  # `"…," and Xi said that …`
        return False, None, None
    return _parse_attribution(body, span.close + 1, end, refs, spans, state)


def _bare_attribution(rest: str) -> bool:
    """What follows a quotation without a comma is only its attribution (“… in this world” Joko Widodo said.):
    a few words and a cue verb ending the sentence."""
    cue = _patterns()["cue"].search(rest)
    return cue is not None and not rest[cue.end():].strip(" .") and 0 < len(rest[:cue.start()].split()) <= 4


def _final_attribution(body: str, span: Span, sentence_end: int, refs: list[Ref], spans: list[Span],
                       state: _State) -> tuple[bool, str | None, str | None]:
    """A clause after the quotation, opened by a comma, that attributes it: `China agreed to "…" in May, the
    White House said.`, `The talks aimed for "…" on trade, Yellen wrote on X, …`, `"…" after the election, Xi said
    as he met Biden, acknowledging "…"` (up to the next quotation: what follows it attributes that one)."""
    end = next((s.open for s in spans if span.close < s.open < sentence_end), sentence_end)
    masked = _mask(body, spans, span.close + 1, end)
    for comma in (m.start() for m in re.finditer(",", masked)):
        found = _parse_attribution(body, span.close + 1 + comma, end, refs, spans, state)
        if found[0]:
            return found
    return False, None, None


def _closing_clause(body: str, start: int, end: int, refs: list[Ref], spans: list[Span],
                    state: _State) -> tuple[bool, str | None, str | None]:
    """The attribution after the last comma of body[start:end] (", the White House said.")."""
    comma = _mask(body, spans, start, end).rfind(",")
    if comma < 0:
        return False, None, None
    return _parse_attribution(body, start + comma, end, refs, spans, state)


def _blank(m: re.Match) -> str:
    """Spaces for a match: text taken out of consideration, offsets kept."""
    return " " * len(m.group())


def _before_attribution(body: str, at: int, sentence: tuple[int, int], refs: list[Ref], spans: list[Span],
                        state: _State, subject: str | None) -> tuple[str | None, str | None] | None:
    """The nearest cue verb before `at` (a quotation's opening mark, or the end of a sentence that quotes nothing)
    in its sentence and its subject; None when there is no cue."""
    start = sentence[0]
    head = _mask(body, spans, start, at)
    p = _patterns()
    quoted = list(p["quoted_as"].finditer(head))
    if quoted:
        m = quoted[-1]
        inside = _refs_in(refs, start + m.start(1), start + m.end(1), spans)
        if inside:
            return _resolve(inside[0], state), "quoted"
    was = list(p["was_quoted"].finditer(head))
    if was:
        prior = _refs_in(refs, start, start + was[-1].start(), spans)
        if prior:
            return _resolve(prior[-1], state), "quoted"
    if head.rstrip().endswith(":"):  # "drawing a quick comeback from Trump: “…”": whom the words come from
        last = [r for r in _refs_in(refs, start, at, spans) if not body[r.end:at].strip(" \t:")]
        if last and _FROM_BEFORE.search(body, max(start, last[0].start - 8), last[0].start):
            return _resolve(last[0], state), ":"
    # not a cue inside an aside ("Austin, asked about the meeting, said: …"); the comma that introduces the
    # quotation closes none ("Later, the minister said, “…”")
    cues = list(p["cue"].finditer(p["relative"].sub(_blank, re.sub(r",\s*$", _blank, head))))
    # "…,” Mattis told the president, as reported by the Washington Post, “…”: an aside relays, it does not
    # speak
    cues = [c for c in cues if not (c.group().casefold() in _word_sets()["relaying"]
                                    and _AS_BEFORE.search(head, 0, c.start()))]
    if not cues:  # "Trump was unequivocal: “…”": the subject of a clause the colon opens onto the quotation
        # "Putin was “delighted that our relations …”": his words when they speak in the first person (not
        # "Biden was “candid and direct”": someone else's word for him)
        copula = _COPULA_END.search(head)
        words = next((body[q.start:q.end] for q in spans if q.open == at), "")
        if copula is not None and p["first_person"].search(words):
            near = [r for r in _refs_in(refs, start, start + copula.start(), spans)
                    if not body[r.end:start + copula.start()].strip()]
            if near and near[-1].kind in ("person", "description"):
                return _resolve(near[-1], state), copula.group(1).casefold()
        return (subject, ":") if subject and head.rstrip().endswith(":") else None
    word = cues[-1].group().casefold()
    agent = _BY_AGENT.match(head, cues[-1].end())
    if agent:  # "a summit described by a US official as “…”": the agent speaks, named or not
        named = _refs_in(refs, start + agent.start(1), start + agent.end(1), spans)
        return (_resolve(named[0], state) if named else None), word
    if not head[:cues[-1].start()].strip():  # "Said Obama: “…”": the verb before its subject
        after = _refs_in(refs, start + cues[-1].end(), at, spans)
        if after and not body[start + cues[-1].end():after[0].start].strip() \
                and re.fullmatch(r"\s*[,:]?\s*", body[after[0].end:at]):
            return _resolve(after[0], state), word
    if word.endswith("ing"):  # "…, saying": the sentence's subject; "with Carney calling Trump …": Carney
        right_before = [r for r in _refs_in(refs, start, start + cues[-1].start(), spans)
                        if not body[r.end:start + cues[-1].start()].strip()
                        and re.search(r"\bwith\s+$", body[max(start, r.start - 6):r.start], re.I)]
        return (_resolve(right_before[0], state) if right_before else subject), word
    n = len(cues) - 1
    while n >= 0:
        speaker = _cue_subject(body, head, start, cues, n, refs, spans, state)
        # "The State Department said that in his meetings he had raised China's “…”": a weak cue's words are the
        # one reporting it
        weak = n == len(cues) - 1 and word in _word_sets()["weak"]
        if (not speaker or weak) and n and cues[n - 1].group().casefold() in _word_sets()["reporting"]:
            # "Misri said the two leaders agreed to “…”": the words of the one reporting what no one named did
            # ("Macron praised … and said he and Xi had agreed to “…”": "said" has the subject of "praised")
            k = n - 1
            earlier = _cue_subject(body, head, start, cues, k, refs, spans, state)
            while earlier == "and" and k:
                k -= 1
                earlier = _cue_subject(body, head, start, cues, k, refs, spans, state)
            if earlier and earlier != "and":
                return earlier, cues[k].group().casefold() if weak else word
        if speaker != "and":
            return None if speaker is None else (speaker or None, word)
        n -= 1
        # "The president recalled that Xi had described it as … and emphasized …": "and" joins the main verb, not
        # the one inside the reported clause
        if n >= 1 and re.match(r"\s*that\b", head[cues[n - 1].end():cues[n].start()]):
            n -= 1
    return None


_THAT = re.compile(r"\bthat\b")
_FROM_BEFORE = re.compile(r"\b(?:from|by)\s+$", re.I)
_COPULA_END = re.compile(r"\b(was|is)\s*$")
_WHO_AFTER = re.compile(r",\s+who\s")
_OF_PLACE = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*\s+")
_AS_BEFORE = re.compile(r"\bas\s+$", re.I)
_BY_AGENT = re.compile(r"\s+by\s+(\S.{0,60}?)\s+as\s*$")
_STAFF_BEFORE = re.compile(r"\b(?:his|her|their|its|an?|the)\s+(?:[\w-]+\s+){0,2}?([\w-]+)\s*$", re.I)
_NAME_THEN_PRONOUN = re.compile(r"\s+(?:(?:him|her)self\s+)?")


def _staff(m: re.Match | None) -> bool:
    """The word `m` caught is a staff word ("spokesperson", "aide"): someone who speaks for another."""
    return m is not None and m.group(1).casefold() in _word_sets()["staff"]


def _cue_subject(body: str, head: str, start: int, cues: list[re.Match], n: int, refs: list[Ref],
                 spans: list[Span], state: _State) -> str | None:
    """The subject of cue verb `n` in `head` (the masked sentence up to the quotation): a name; "" when the
    cue has a subject we cannot name (passive "was described as", "Blinken and Xi agreed", an unknown
    "Beijing says"); "and" when it shares the previous verb's subject ("Wang said … and called"); None if
    it has no subject at all."""
    p = _patterns()
    cue = cues[n]
    clause_start = start + (cues[n - 1].end() if n else 0)
    lead = head[clause_start - start:cue.start()]
    if p["passive"].search(lead):
        return ""
    region = p["relative"].sub(_blank, lead)
    if n and (that := list(_THAT.finditer(region))):
        # "Biden told Xi that their talks have been “…”": the subject of a verb inside the reported clause is
        # after "that"; a name before it is the previous verb's object
        clause_start += that[-1].end()
        region = region[that[-1].end():]
    prior = [r for r in _refs_in(refs, clause_start, start + cue.start(), spans)
             if region[r.start - clause_start:r.end - clause_start].strip()]
    if prior and _unknown_name_ends(gap := body[prior[-1].end:start + cue.start()]) and not _OF_PLACE.fullmatch(gap):
        return ""  # another name, not one we know, is the subject ("…with Blinken, Minister Yi said"; not
        # "Albanese of Australia said")
    if prior and len(prior) > 1 and p["compound"].match(body[prior[-2].end:prior[-1].start]):
        return ""
    if prior and _WHO_AFTER.match(body, prior[0].end):  # "Macron, who … since the U.S. president …, said"
        return _resolve(prior[0], state) or ""
    # "Wang said … and called", "Zhao welcomed Albanese and said": the subject of the first verb
    if p["coordinated"].search(region):
        if n:
            return "and"
        if prior:
            return _resolve(prior[0], state) or ""
    if prior and prior[-1].kind in ("person", "description") \
            and _staff(_patterns()["staff_of"].search(body, max(clause_start, prior[-1].start - 40), prior[-1].start)):
        return ""  # "a spokesperson for Pompeo stressed": someone unnamed who speaks for the one named
    if prior and _staff(_STAFF_BEFORE.search(body, prior[-1].end, start + cue.start())):
        return ""  # "Trump invited Xi, a gesture his spokesperson described as": the spokesperson, unnamed
    if prior:
        last = prior[-1]
        if last.kind == "pronoun-person" and len(prior) > 1 and prior[-2].kind == "person" \
                and _NAME_THEN_PRONOUN.fullmatch(body, prior[-2].end, last.start) \
                and may_be(prior[-2].name or "", last.surface):
            last = prior[-2]  # "tweeted out by Biden himself he spoke": the name just before, not the last subject
        return _resolve(last, state) or ""
    if _unknown_name_ends(region):
        return ""
    return None


def _according(body: str, sentence: tuple[int, int], refs: list[Ref], spans: list[Span],
               state: _State) -> str | None:
    head = _mask(body, spans, *sentence)
    for m in _patterns()["according"].finditer(head):
        near = _refs_in(refs, sentence[0] + m.end(), sentence[0] + m.end() + 40, spans)
        if len(near) > 1 and near[0].kind in ("unnamed", "role") and not body[near[0].end:near[1].start].strip():
            near = near[1:]  # "according to the official Xinhua news agency": "official" describes the agency
        if near and _close_by(body[sentence[0] + m.end():near[0].start]):
            return _resolve(near[0], state)
        # "according to a readout released by the White House": the source named after "by"/"from"
        source = _patterns()["source_by"].match(head, m.end())
        if source:
            near = _refs_in(refs, sentence[0] + source.end(), sentence[0] + source.end() + 40, spans)
            if near and near[0].start - sentence[0] - source.end() <= 4:
                return _resolve(near[0], state)
    return None


def _next_attribution(body: str, sentence: tuple[int, int], refs: list[Ref], spans: list[Span],
                      state: _State) -> tuple[str | None, str | None] | None:
    """A next sentence that opens with an attribution ("Blinken said in a statement.", "This is the message
    delivered by Turkish President Erdoğan to Putin") and quotes nothing."""
    a, b = sentence
    if any(a <= s.open < b for s in spans):
        return None
    text = body[a:b]
    words_of = _patterns()["words_of"].match(text)
    if words_of:
        after = _refs_in(refs, a + words_of.end(), b, spans)
        if after and _close_by(body[a + words_of.end():after[0].start]):
            return _resolve(after[0], state), "said"
    cue = _patterns()["cue"].search(text)
    first = _refs_in(refs, a, b, spans)
    if not cue or not first or not _close_by(body[a:first[0].start]) or first[0].end > a + cue.start():
        return None
    if len(text[first[0].end - a:cue.start()].split()) > 2:
        return None
    # "Blinken said in a statement.", "Xi told reporters.": not "Lavrov said the ball was in Washington's court"
    rest = [w.casefold() for w in _WORDS.findall(text[cue.end():])]
    if rest and cue.group().casefold() not in _word_sets()["addressed"] \
            and not {rest[0], " ".join(rest[:2])} & _word_sets()["after_cue"]:
        return None
    return _resolve(first[0], state), cue.group().casefold()


_WORDS = re.compile(r"[\w’'-]+")


def _reported_before(body: str, sentence: tuple[int, int] | None, refs: list[Ref], spans: list[Span],
                     state: _State) -> tuple[str | None, str | None] | None:
    """The one who speaks last in `sentence`, the last of the paragraph before a quotation standing alone
    ("Blinken says he reiterated that stance to Lavrov.\n\n“I made clear to Minister Lavrov …”"; "Interactions
    should rest on respect, said Xi. “I hope …”"), when it reports speech and quotes nothing."""
    if sentence is None or any(sentence[0] <= s.open < sentence[1] for s in spans):
        return None
    closing, speaker, cue = _closing_clause(body, *sentence, refs, spans, state)  # "…, said Xi."
    if closing and speaker:
        return speaker, cue
    found = _before_attribution(body, sentence[1], sentence, refs, spans, state, None)
    return found if found and found[0] else None


_TURN = re.compile(r"\b(?:but|yet)\s+$")


def _turned_to(body: str, sentence: tuple[int, int], refs: list[Ref], spans: list[Span]) -> Ref | None:
    """The subject of a last clause opened by "but" or "yet" ("Hannity asked Trump …, but Trump didn't bite."):
    whom "he" in the next sentence means."""
    masked = _mask(body, spans, *sentence)
    last = None
    for r in _refs_in(refs, *sentence, spans):
        at = r.start - sentence[0]
        if r.kind == "person" and _TURN.search(masked, max(0, at - 12), at) \
                and _is_subject(r, body, sentence[0], spans):
            last = r
    return last


def _sentence_subject(body: str, sentence: tuple[int, int], refs: list[Ref], spans: list[Span]) -> Ref | None:
    for r in _refs_in(refs, *sentence, spans):
        if r.kind != "unnamed" and _is_subject(r, body, sentence[0], spans):
            return _person_behind(r, refs, body)
    return None


def _phrase(text: str) -> bool:
    return len(fold(text).strip(EDGE).split()) <= config()["phrase_max_words"]


def _whole_line(body: str, span: Span) -> bool:
    """The quotation is its line (a quoted heading), but for trailing punctuation."""
    start = body.rfind("\n", 0, span.open) + 1
    end = body.find("\n", span.close)
    after = body[span.close + 1:end if end >= 0 else len(body)]
    return not body[start:span.open].strip() and not after.strip(" :.,")


_WORK_WORD = re.compile(r"[^\W_][\w’'-]*")


def is_work_title(text: str) -> bool:
    """Title case, short, no sentence end: "State of the Union", "60 Minutes" (see `work_title_max_words`)."""
    words = _WORK_WORD.findall(text)
    small = _word_sets()["title_small_words"]
    return (2 <= len(words) <= config()["work_title_max_words"] and not re.search(r"[.!?…]\W*$", text.strip())
            and (words[0][0].isupper() or words[0][0].isdigit())
            and all(w[0].isupper() or w[0].isdigit() or w in small for w in words[1:]))


_NICKNAME_BEFORE = re.compile(r"[A-Z][\w.’'-]*\s+$")


def _nickname(body: str, span: Span) -> bool:
    """A name's nickname: one or two capitalised words quoted between parts of the name (Luiz Inácio "Lula" da
    Silva, Dwayne "The Rock" Johnson), not something said."""
    words = body[span.start:span.end].split()
    return (0 < len(words) <= 2 and all(w[0].isupper() for w in words)
            and bool(_NICKNAME_BEFORE.search(body, max(0, span.open - 40), span.open))
            and bool(_patterns()["nickname_after"].match(body, span.close + 1)))


def extract_quotes(article: Article) -> list[Quote]:
    """Every direct quotation in `article.body`, with its speaker (or None) and cue verb."""
    body = article.body
    spans = find_spans(body)
    if not spans:
        return []
    refs = find_refs(body, article.published)
    sentences = _sentences(body, spans)
    state = _State(seen=[])
    quotes: list[Quote] = []
    speaker_of: dict[int, tuple[str | None, str | None]] = {}  # span index -> (speaker, cue)
    paragraph, organisations = 0, _organisation_names(refs)
    for k, sentence in enumerate(sentences):
        paragraph += body.count("\n\n", sentences[k - 1][0], sentence[0]) if k else 0
        subject_ref = _sentence_subject(body, sentence, refs, spans)
        subject = _resolve(subject_ref, state) if subject_ref else None
        named = subject_ref is not None and subject_ref.kind in ("person", "description", "role")
        if not any(sentence[0] <= s.open < sentence[1] for s in spans):
            # "…, India's Foreign Secretary Vikram Misri said.": the one reporting is whom "he" means next
            _, reporter, _ = _closing_clause(body, *sentence, refs, spans, state)
            if reporter and reporter not in organisations:
                subject, named = reporter, True
        # "Wang pointed to China's “…” which, he says, …": a pronoun after a named subject is that subject
        local = state
        if subject and named and subject not in organisations:
            local = replace(state, person=subject, rivals=frozenset())
        elif subject is None and _unknown_subject(body, sentence, spans):
            local = replace(state, person=None)  # "Keller-Sutter said … “…,” she said": not the last known name
        for i, span in enumerate(spans):
            if not sentence[0] <= span.open < sentence[1]:
                continue
            speaker_of[i] = _attribute(body, i, spans, sentence, sentences[k + 1:k + 2], refs, local, subject,
                                       sentences[k - 1] if k else None,
                                       speaker_of)
        _share_closing(body, sentence, spans, speaker_of)
        quoted = [speaker_of[i][0] for i, s in enumerate(spans) if sentence[0] <= s.open < sentence[1]
                  and speaker_of[i][0]]
        subject = quoted[0] if quoted and (not subject_ref or subject_ref.start > sentence[0] + 2) else subject
        if (turn := _turned_to(body, sentence, refs, spans)) is not None:
            subject = _resolve(turn, state) or subject
        unknown = subject is None and _unknown_subject(body, sentence, spans)
        _advance(state, body, sentence, refs, spans, subject, paragraph, unknown, quoted, organisations)
    for i in range(len(spans) - 2, -1, -1):  # a quotation running over paragraphs: attributed at its end
        if spans[i].continued and not speaker_of.get(i, (None, None))[0] and speaker_of.get(i + 1, (None, None))[0]:
            speaker_of[i] = speaker_of[i + 1]
    for i, span in enumerate(spans):
        speaker, cue = speaker_of.get(i, (None, None))
        text = body[span.start:span.end]
        if _nickname(body, span):
            continue
        if not is_work_title(text) or _whole_line(body, span):  # a quoted section heading stays
            quotes.append(Quote(text, article.id, span.start, span.end, speaker, cue, _phrase(text)))
    return quotes


def _share_closing(body: str, sentence: tuple[int, int], spans: list[Span],
                   speaker_of: dict[int, tuple[str | None, str | None]]) -> None:
    """"The meeting is “…” and a chance to insist Beijing “…,” Psaki said.": the attribution after the
    sentence's last quotation is also that of the earlier ones that have none."""
    inside = [i for i, s in enumerate(spans) if sentence[0] <= s.open < sentence[1]]
    last = inside[-1] if inside else None
    if last is None or not speaker_of[last][0] \
            or not _patterns()["cue"].search(_mask(body, spans, spans[last].close + 1, sentence[1])):
        return
    for i in inside[:-1]:
        if speaker_of[i] == (None, None):
            speaker_of[i] = speaker_of[last]


def _attribute(body: str, i: int, spans: list[Span], sentence: tuple[int, int], following: list[tuple[int, int]],
               refs: list[Ref], state: _State, subject: str | None, preceding: tuple[int, int] | None,
               done: dict[int, tuple[str | None, str | None]]) -> tuple[str | None, str | None]:
    span = spans[i]
    found, speaker, cue = _after_attribution(body, span, sentence[1], refs, spans, state)
    if found and cue not in _word_sets()["relaying"]:
        return speaker, cue
    before = _before_attribution(body, span.open, sentence, refs, spans, state, subject)
    if found:
        # "Sherman said the two sides were “…,” the New York Times reported": the outlet relays Sherman's words
        if before is not None and before[0]:
            return before
        according = _according(body, sentence, refs, spans, state)
        return (according, "according to") if according else (speaker, cue)
    if before is not None and before[0]:
        return before
    found, speaker, cue = _final_attribution(body, span, sentence[1], refs, spans, state)
    if found:
        return speaker, cue
    according = _according(body, sentence, refs, spans, state)
    if according:
        return according, "according to"
    if before is not None:
        return before
    opening = _opening_cue(body, span, sentence[0], refs, spans, state)
    if opening:
        return opening
    previous = done.get(i - 1) if i else None
    same_paragraph = i and spans[i - 1].paragraph == span.paragraph
    if previous and previous[0] and (same_paragraph or spans[i - 1].continued):
        return previous
    whole = body[sentence[0]:span.open].strip() == "" and not body[span.close + 1:sentence[1]].strip().strip(" .,")
    if whole and following:
        nxt = _next_attribution(body, following[0], refs, spans, state)
        if nxt:
            return nxt
    paragraph_start = body.rfind("\n\n", 0, span.open) + 2 if "\n\n" in body[:span.open] else 0
    opens_paragraph = not body[paragraph_start:span.open].strip()
    if previous and previous[0] and spans[i - 1].paragraph == span.paragraph - 1 and opens_paragraph:
        return previous
    if whole and opens_paragraph and paragraph_start and body[:paragraph_start].rstrip().endswith(":"):
        # "Xi said at the start of the meeting:\n\n“…”": the paragraph before introduces it
        intro_start = body.rfind("\n\n", 0, paragraph_start - 2) + 2 if "\n\n" in body[:paragraph_start - 2] else 0
        intro = _before_attribution(body, span.open, (intro_start, span.open), refs, spans, state, None)
        if intro and intro[0]:
            return intro
    # (a sentence, not a quoted heading: "‘All options on the table’"; in the same paragraph too: "Wang, for his
    # part, highlighted areas of cooperation. “We maintained peace …”")
    if whole and preceding and re.search(r"[.!?…][\"'”’]*\W*$", body[span.start:sentence[1]]):
        reported = _reported_before(body, preceding, refs, spans, state)
        if reported:
            return reported
    return None, None


def _opening_cue(body: str, span: Span, start: int, refs: list[Ref], spans: list[Span],
                 state: _State) -> tuple[str, str] | None:
    """"He also “welcomed the recent agreement …”": a quotation that opens with its cue verb is the words of the
    subject right before it (when nothing else attributes it: not "Trump “thanked Xi …,” NPR's Scott Horsley
    reported")."""
    words = body[span.start:span.end].split(maxsplit=1)
    cue = words[0].casefold() if words else ""
    if cue not in _word_sets()["cues"]:
        return None
    near = [r for r in _refs_in(refs, start, span.open, spans)
            if _patterns()["subject_gap"].fullmatch(body, r.end, span.open)]
    speaker = _resolve(near[-1], state) if near else None
    return (speaker, cue) if speaker else None


def _organisation_names(refs: list[Ref]) -> set[str]:
    return {r.name for r in refs if r.kind == "organisation" and r.name}


def _is_organisation(name: str, organisations: set[str]) -> bool:
    """A gazetteer organisation, or one the text names (`organisations`, from `_organisation_names`)."""
    person = by_name().get(name)
    return bool(person and person.organisation) or name in organisations


def _unknown_subject(body: str, sentence: tuple[int, int], spans: list[Span]) -> bool:
    """A cue verb whose subject is a capitalised word we don't know ("…, Rudolf said."): "he" in the next
    sentence may mean that unknown person, so the last known subject must not be used."""
    masked = _mask(body, spans, *sentence)
    return any(_unknown_name_ends(masked[:m.start()]) for m in _patterns()["cue"].finditer(masked))


def _advance(state: _State, body: str, sentence: tuple[int, int], refs: list[Ref], spans: list[Span],
             subject: str | None, paragraph: int, unknown: bool, quoted: list[str], organisations: set[str]) -> None:
    """After a sentence: its subject becomes what "he"/"it" mean; its mentions become candidates. People
    mentioned (not as subject) in a later paragraph than the subject's make "he"/"she" ambiguous. When the
    subject is an organisation, the first person the sentence quotes is whom "he"/"she" mean ("The readout said
    Dong told Hegseth that … “…”. He said …")."""
    for r in _refs_in(refs, *sentence, spans):
        name = _resolve(r, state) if r.kind not in ("pronoun-person", "pronoun-organisation") else None
        if not name:
            continue
        person = by_name().get(name)
        if person and person.organisation or r.kind == "organisation":
            state.organisation = name
        else:
            state.seen.append((name, r.roles))
            if name != state.person and name != subject and paragraph > state.person_paragraph:
                state.rivals |= {name}
    if subject:
        if _is_organisation(subject, organisations):
            state.organisation = subject
            speaker = next((q for q in quoted if not _is_organisation(q, organisations)), None)
            if speaker:
                state.person, state.person_paragraph, state.rivals = speaker, paragraph, frozenset()
        else:
            state.person, state.person_paragraph, state.rivals = subject, paragraph, frozenset()
    elif unknown:
        state.person, state.person_paragraph, state.rivals = None, paragraph, frozenset()
    elif state.person is None and state.person_paragraph < 0 and state.seen:
        state.person, state.person_paragraph = state.seen[-1][0], paragraph


# ---------------------------------------------------------------- the invariant and merging


def _key(text: str) -> str:
    """Wording identity: normalised (case kept, as the invariant is), without edge punctuation."""
    return normalize(text).strip(EDGE)


def _shown(texts: list[str]) -> str:
    """One wording's display text: the verbatim form when all copies agree, else the bare shared wording."""
    if len({normalize(t) for t in texts}) == 1:
        return texts[0]
    return _key(texts[0])


def _similar(a: str, b: str) -> bool:
    """Same quotation in other words: near-identical, one inside the other, or a translation variant."""
    m = config()["merge"]
    a, b = a.casefold(), b.casefold()
    if a in b or b in a:
        return min(len(a), len(b)) >= 12
    if fuzz.ratio(a, b) >= m["same_ratio"]:
        return True
    words_a, words_b = a.split(), b.split()
    return (min(len(words_a), len(words_b)) >= m["variant_min_words"]
            and fuzz.token_set_ratio(a, b) >= m["variant_token_ratio"]
            and fuzz.ratio(a, b) >= m["variant_token_ratio"] - 20)


def _families(keys: list[str]) -> list[list[int]]:
    """Group wordings into families; candidate pairs come from shared 3-word shingles (no all-pairs scan)."""
    parent = list(range(len(keys)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    index: dict[tuple[str, ...], list[int]] = {}
    for i, k in enumerate(keys):
        words = re.findall(r"\w+", k)
        shingles = {tuple(words[j:j + 3]) for j in range(max(1, len(words) - 2))}
        for sh in shingles:
            for j in index.get(sh, ()):
                if root(i) != root(j) and _similar(keys[i], keys[j]):
                    parent[root(i)] = root(j)
            index.setdefault(sh, []).append(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(keys)):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def _outlets(sources: set[str], syndicated: tuple[tuple[str, ...], ...]) -> int:
    group_of = {aid: n for n, group in enumerate(syndicated) for aid in group}
    return len({group_of.get(aid, aid) for aid in sources})


def _vote(values: list[str | None]) -> str | None:
    named = Counter(v for v in values if v)
    return named.most_common(1)[0][0] if named else None


def merge_quotes(quotes: list[Quote], principals: tuple[str, ...], key_count: int,
                 syndicated: tuple[tuple[str, ...], ...] = ()) -> tuple[MeetingQuote, ...]:
    """One MeetingQuote per wording, citing every article that carries it; families of variants ranked
    together by corroboration, speaker prominence and substance; the best `key_count` non-phrases are key."""
    m = config()["merge"]
    w = m["weights"]
    by_key: dict[str, list[Quote]] = {}
    for q in quotes:
        by_key.setdefault(_key(q.text), []).append(q)
    keys = [k for k in by_key if k]
    # a wording's sources: the articles that carry it (so it occurs verbatim in each)
    sources = {k: {q.article for q in by_key[k]} for k in keys}
    ranked: list[tuple[float, int, MeetingQuote]] = []
    for family in _families(keys):
        members = sorted((keys[i] for i in family), key=lambda k: (-len(sources[k]), -len(k)))
        family_sources: set[str] = set()
        for k in members:
            family_sources |= sources[k]
        family_quotes = [q for k in members for q in by_key[k]]
        speaker = _vote([q.speaker for q in family_quotes])
        cue = _vote([q.cue for q in family_quotes])
        phrase = all(q.phrase for q in family_quotes)
        best = max(members, key=lambda k: (len(sources[k]), len(k.split()) if not phrase else 0))
        words = len(best.split())
        score = (w["outlets"] * _outlets(family_sources, syndicated)
                 + (w["principal"] if speaker in principals else w["known_speaker"] if speaker else 0.0)
                 + w["substance"] * min(words, m["substance_words"]) / m["substance_words"]
                 - (10.0 if phrase else 0.0))
        shown = {k: _shown([q.text for q in by_key[k]]) for k in members}
        order = [best] + [k for k in members if k != best]
        for rank, k in enumerate(order):
            own = by_key[k]
            ranked.append((score - 0.001 * rank, rank, MeetingQuote(
                text=shown[k],
                speaker=speaker if rank == 0 else _vote([q.speaker for q in own]) or speaker,
                cue=cue if rank == 0 else _vote([q.cue for q in own]) or cue,
                sources=tuple(sorted(sources[k])),
                variants=tuple(shown[o] for o in order if o != k) if rank == 0 else (shown[best],),
                score=round(score - 0.001 * rank, 4),
                key=False,
            )))
    ranked.sort(key=lambda t: (-t[0], t[2].text))
    out, keyed = [], 0
    for score, rank, mq in ranked:
        is_key = rank == 0 and keyed < key_count and not _phrase(mq.text)
        keyed += is_key
        out.append(MeetingQuote(mq.text, mq.speaker, mq.cue, mq.sources, is_key, mq.variants, mq.score))
    return tuple(out)
