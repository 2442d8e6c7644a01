"""Ingest: read article files (one reader per format) into `Article`s, reporting bad input as `Problem`s.

Side effects (reading files) live here and nowhere else in the analysis path.
"""
from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from .metadata import infer_outlet, infer_title, parse_date, published_from_text, published_from_url
from .model import Article, Problem, Source
from .parallel import parallel_map
from .resources import SafeLoader
from .textutil import slugify

class MetaLoader(SafeLoader):
    """YAML for article metadata: a date stays text for `parse_date` to judge, so an impossible one
    ("2023-13-45") is reported and ignored instead of costing the article."""


MetaLoader.add_constructor("tag:yaml.org,2002:timestamp", MetaLoader.construct_yaml_str)

TEXT_SUFFIXES = {".md", ".markdown", ".txt"}
HTML_SUFFIXES = {".html", ".htm"}
MANIFEST = "sources.yml"
FIELDS = ("title", "outlet", "url", "published", "author", "via")
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)---[ \t]*(?:\r?\n|\Z)", re.S)


class BadArticle(Exception):
    """One article cannot be read; `line` is the 1-based line in the file when known."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class Ingested:
    articles: list[Article]  # the articles read
    problems: list[Problem]
    known: list[Source] = field(default_factory=list)  # unchanged articles not read again (see `ingest`)
    index: dict[str, Indexed] = field(default_factory=dict)  # for the next build


def decode(data: bytes) -> tuple[str, str | None]:
    """UTF-8 first, then cp1252 (the usual encoding of pasted Windows text); a NUL byte means binary."""
    if not data.strip():
        raise BadArticle("empty file")
    if b"\x00" in data[:8192]:
        raise BadArticle("binary file, not text")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "not UTF-8: decoded as cp1252"
    except UnicodeDecodeError as exc:
        raise BadArticle(f"not UTF-8 nor cp1252 text (byte {exc.start})") from None


def split_front_matter(text: str) -> tuple[dict[str, Any], str, int]:
    """Return (metadata, body, line offset of the body). Malformed YAML raises with its line."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text, 0
    try:
        meta = yaml.load(match.group(1), Loader=MetaLoader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else None  # +1 for 1-based, +1 for the opening ---
        reason = getattr(exc, "problem", None) or "invalid YAML"
        raise BadArticle(f"malformed front matter: {reason}", line) from None
    if not isinstance(meta, dict):
        raise BadArticle("malformed front matter: expected `key: value` lines", 2)
    body = text[match.end():]
    return meta, body, text[: match.end()].count("\n")


def load_manifest(folder: Path, root: Path) -> tuple[dict[str, dict], list[Problem]]:
    """`sources.yml`: file name → metadata for the .txt files beside it."""
    path = folder / MANIFEST
    rel = path.relative_to(root).as_posix()
    if not path.is_file():
        return {}, []
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=MetaLoader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return {}, [Problem(rel, f"invalid YAML: {getattr(exc, 'problem', exc)}", mark.line + 1 if mark else None)]
    except UnicodeDecodeError:
        return {}, [Problem(rel, "not UTF-8 text")]
    if not isinstance(data, dict):
        return {}, [Problem(rel, "expected a mapping of file name → metadata", 1)]
    good, problems = {}, []
    for name, meta in data.items():
        if isinstance(meta, dict):
            good[str(name)] = meta
        else:
            problems.append(Problem(rel, f"entry {name!r}: expected a mapping of metadata"))
    return good, problems


def read_html(text: str) -> tuple[dict[str, Any], str]:
    """Main text and metadata of an HTML page, extracted with trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False, favor_precision=True)
    if doc is None:
        raise BadArticle("no article text found in the HTML page")
    doc = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    meta = {
        "title": doc.get("title"),
        "outlet": doc.get("sitename"),
        "url": doc.get("url"),
        "published": doc.get("date"),
        "author": doc.get("author"),
    }
    body = doc.get("text") or ""
    if not body.strip():
        raise BadArticle("no article text found in the HTML page")
    # trafilatura separates paragraphs by single newlines; the pipeline expects blank lines
    return {k: v for k, v in meta.items() if v}, re.sub(r"\n+", "\n\n", body)


def clean_meta(meta: dict[str, Any], file: str) -> tuple[dict[str, Any], list[str]]:
    """Keep the known fields, as strings / dates; return warnings for values that cannot be used."""
    out, warnings = {}, []
    for key in FIELDS:
        # "date": what static site generators (Jekyll, Hugo, Pelican) call the publication date
        name = "date" if key == "published" and meta.get(key) in (None, "") else key
        value = meta.get(name)
        if value is None or value == "":
            continue
        if key == "published":
            parsed = parse_date(value)
            if parsed is None:
                warnings.append(f"`{name}: {value}` is not a YYYY-MM-DD date; ignored")
                continue
            out[key] = parsed
        else:
            out[key] = " ".join(str(value).split())
    return out, warnings


def build_article(file: str, meta: dict[str, Any], body: str) -> tuple[Article, list[str]]:
    """Fill in missing metadata by inference, never invention: unknowns stay unknown, with a warning."""
    meta, warnings = clean_meta(meta, file)
    url = meta.get("url")
    title = meta.get("title") or infer_title(body)
    if not title:
        raise BadArticle("no title: no front matter title and no text line to take it from")
    published: date | None = meta.get("published") or published_from_url(url) or published_from_text(body)
    if published is None:
        warnings.append("no publication date (front matter, manifest, URL or a timestamp in the text): "
                        "the article is undated")
    outlet = meta.get("outlet") or infer_outlet(url, body)
    article = Article(
        id=slugify(Path(file).with_suffix("").as_posix().replace("/", "-")),
        file=file,
        title=title,
        outlet=outlet,
        url=url,
        published=published,
        text=body,
        author=meta.get("author"),
        via=meta.get("via"),
    )
    return article, warnings


def read_one(path: Path, root: Path, manifest_entry: Mapping[str, Any] | None) -> tuple[Article, list[str]]:
    text, note = decode(path.read_bytes())
    notes = [note] if note else []
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        meta, body = read_html(text)
    else:
        front, body, _ = split_front_matter(text)
        meta = {**(manifest_entry or {}), **front}  # front matter wins over the manifest
    if not body.strip():
        raise BadArticle("no article text")
    article, warnings = build_article(path.relative_to(root).as_posix(), meta, body)
    return article, notes + warnings


def fingerprint(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).casefold().encode()).hexdigest()


@dataclass(frozen=True)
class Indexed:
    """What a previous build learnt from one file, valid while its size, modification time and manifest entry
    stay the same: a rebuild does not reread (or parse) the files it has already seen."""

    size: int
    mtime_ns: int
    manifest: str  # repr of the file's `sources.yml` entry
    source: Source
    fingerprint: str  # of the text, to find duplicates
    notes: tuple[str, ...] = ()


class Found(NamedTuple):
    rel: str  # path relative to the articles folder, with "/"
    folder: str  # the folder that holds it
    entry: os.DirEntry


def article_files(root: Path) -> list[Found]:
    """Every file under `root` but hidden ones and manifests, sorted by relative path; links to folders are not
    followed. (Strings and `os.scandir` entries, which carry their `stat`: pathlib costs more than the disk here.)"""
    found: list[Found] = []

    def walk(folder: str, prefix: str) -> None:
        try:
            entries = list(os.scandir(folder))
        except OSError:  # an unreadable folder is skipped, as `os.walk` does
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                if not entry.is_symlink():
                    walk(entry.path, prefix + entry.name + "/")
            elif entry.name != MANIFEST:
                found.append(Found(prefix + entry.name, folder, entry))

    walk(str(root), "")
    return sorted(found, key=lambda f: f.rel)


def suffix(name: str) -> str:
    """The file name's extension, lower-cased, as `Path.suffix` sees it."""
    dot = name.rfind(".")
    return name[dot:].lower() if 0 < dot < len(name) - 1 else ""


class _ToRead(NamedTuple):
    rel: str
    path: Path
    root: Path
    manifest_entry: dict | None
    stat: os.stat_result


def _unreadable(rel: str, exc: OSError) -> Problem:
    return Problem(rel, f"cannot read: {exc.strerror}: skipped", fatal=True)


def _read(task: _ToRead) -> tuple[Indexed, Article] | Problem:
    """One changed or new file, read and indexed; or the problem that makes it unreadable."""
    try:
        article, notes = read_one(task.path, task.root, task.manifest_entry)
    except BadArticle as exc:
        return Problem(task.rel, f"{exc}: skipped", exc.line, fatal=True)
    except OSError as exc:
        return _unreadable(task.rel, exc)
    except Exception as exc:  # a reader tripped by one odd file (a bug) must not cost the whole build
        return Problem.bug(task.rel, "read", exc)
    record = Indexed(task.stat.st_size, task.stat.st_mtime_ns, repr(task.manifest_entry), article.source,
                     fingerprint(article.text), tuple(notes))
    return record, article


PARALLEL_FROM = 500  # files to read from which they are read (and parsed) on every core


def ingest(root: Path, index: Mapping[str, Indexed] | None = None,
           have: Callable[[Source], bool] = lambda source: False) -> Ingested:
    """Read every article under `root`, in a stable order; skip bad ones with a problem each.

    With the `index` of a previous build, a file that has not changed since, and whose analysis the caller
    still `have`s, is not read again: it comes back in `known` as its `Source` only. The files to read are
    read on every core when there are many."""
    index = index or {}
    manifests: dict[str, dict[str, dict]] = {}  # folder → its sources.yml
    # first each file as it is on disk: the problems it has so far, and its record (unchanged), what to read,
    # or nothing (skipped)
    found: list[tuple[str, list[Problem], Indexed | _ToRead | None]] = []
    for rel, folder, entry in article_files(root):
        problems: list[Problem] = []
        kind = suffix(entry.name)
        if kind not in TEXT_SUFFIXES | HTML_SUFFIXES:
            found.append((rel, [Problem(rel, f"unknown extension {kind or '(none)'!r}: skipped", fatal=True)], None))
            continue
        if folder not in manifests:
            manifests[folder], manifest_problems = load_manifest(Path(folder), root)
            problems += manifest_problems
        manifest_entry = manifests[folder].get(entry.name)
        try:
            stat = entry.stat()
        except OSError as exc:
            found.append((rel, [*problems, _unreadable(rel, exc)], None))
            continue
        old = index.get(rel)
        if old and (old.size, old.mtime_ns, old.manifest) == (stat.st_size, stat.st_mtime_ns, repr(manifest_entry)) \
                and have(old.source):
            found.append((rel, problems, old))
        else:
            found.append((rel, problems, _ToRead(rel, Path(entry.path), root, manifest_entry, stat)))
    tasks = [item for _, _, item in found if isinstance(item, _ToRead)]
    read = dict(zip((t.rel for t in tasks), parallel_map(_read, tasks, PARALLEL_FROM)))
    # then, in file order, what each file gives: an article, a known source, or problems
    articles: list[Article] = []
    known: list[Source] = []
    new_index: dict[str, Indexed] = {}
    problems = []
    seen_url: dict[str, str] = {}
    seen_text: dict[str, str] = {}
    seen_id: dict[str, str] = {}
    for rel, before, item in found:
        problems += before
        if item is None:
            continue
        result = read[rel] if isinstance(item, _ToRead) else (item, None)
        if isinstance(result, Problem):
            problems.append(result)
            continue
        record, article = result
        problems += [Problem(rel, n) for n in record.notes]
        source = record.source
        duplicate = (source.url and seen_url.get(source.url)) or seen_text.get(record.fingerprint)
        if duplicate:
            problems.append(Problem(rel, f"duplicate of {duplicate} (same URL or same text): skipped", fatal=True))
            continue
        if source.id in seen_id:
            problems.append(Problem(rel, f"its id {source.id!r} is taken by {seen_id[source.id]}: skipped", fatal=True))
            continue
        if source.url:
            seen_url[source.url] = rel
        seen_text[record.fingerprint] = rel
        seen_id[source.id] = rel
        new_index[rel] = record
        if article is None:
            known.append(source)
        else:
            articles.append(article)
    return Ingested(articles, problems, known, new_index)
