"""Write: put rendered pages into docs/, touching only the files the generator manages.

A manifest (`docs/.generator-manifest.json`) lists every file the generator wrote with its hash. A file that
exists but is not in the manifest is hand-written: never overwritten. A file whose content is unchanged is
not rewritten (keeps `mkdocs serve` from looping and mtimes stable). Stale generated files are removed.
Each file is written to a temporary file and renamed, and the manifest is written last.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

MANIFEST = ".generator-manifest.json"


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # hand-written files in the way
    stamps: dict[str, tuple[int, int]] = field(default_factory=dict)  # file → (size, mtime_ns) once written


@dataclass(frozen=True)
class Cached:
    """A page known by the digest of its content; its text is asked for only if the file on disk differs."""

    digest: str


def digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def stamp_of(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def read_manifest(docs: Path) -> dict[str, str]:
    """Generated file → digest of what was written."""
    try:
        data = json.loads((docs / MANIFEST).read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in data.get("files", {}).items()}
    except (OSError, ValueError, AttributeError):
        return {}


@lru_cache(maxsize=1)
def _file_mode() -> int:
    """The mode `open` gives a new file (0666 less the umask): a temporary file is made 0600, which would hide
    the pages from a web server or another user serving docs/."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        if hasattr(os, "fchmod"):  # POSIX
            os.fchmod(fd, _file_mode())
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def inside(root: Path, rel: str, folders: dict[str, Path]) -> Path:
    """The target path under the resolved docs folder `root`; refuse anything that would leave it (symbolic
    links included). `folders` memoises resolved folders for one build: resolving every page costs a stat per
    path part, and a folder may be replaced by a link between builds."""
    folder, _, name = rel.rpartition("/")  # (string work: three `Path`s a page cost a rebuild 0.03 s)
    if name in ("", ".", ".."):
        raise ValueError(f"refusing to write outside {root}: {rel}")
    if folder not in folders:
        target = (root / folder).resolve()
        if target != root and root not in target.parents:
            raise ValueError(f"refusing to write outside {root}: {rel}")
        folders[folder] = target
    return folders[folder] / name


def write_pages(docs: Path, pages: Mapping[str, str | bytes | Cached], text: Callable[[str], str] | None = None,
                stamps: Mapping[str, tuple[int, int]] | None = None) -> WriteReport:
    """Write `pages` (docs-relative path → text, UTF-8 bytes, or `Cached` with `text(path)` to get the text).

    `stamps` are the previous build's: a generated file with the same size and modification time still holds
    what was written, so it is not read to be compared."""
    report = WriteReport()
    root, folders = docs.resolve(), {}
    old = read_manifest(docs)
    stamps = stamps or {}
    new: dict[str, str] = {}
    for rel in sorted(pages):
        page = pages[rel]
        target = inside(root, rel, folders)
        stamp = stamp_of(target)
        if stamp is not None and rel not in old:
            report.refused.append(rel)
            continue
        content = None if isinstance(page, Cached) else page if isinstance(page, bytes) else page.encode("utf-8")
        new[rel] = page.digest if isinstance(page, Cached) else digest(content)
        as_written = stamp is not None and stamps.get(rel) == stamp  # holds what the manifest says
        if as_written and old.get(rel) == new[rel]:
            report.unchanged.append(rel)
            report.stamps[rel] = stamp
            continue
        if content is None:
            content = text(rel).encode("utf-8")
        if stamp is not None and not as_written and target.read_bytes() == content:
            report.unchanged.append(rel)
        else:
            atomic_write(target, content)
            report.written.append(rel)
        report.stamps[rel] = stamp_of(target)
    for rel in sorted(set(old) - set(new)):
        target = inside(root, rel, folders)
        if target.is_file() and digest(target.read_bytes()) == old[rel]:
            target.unlink()
            report.removed.append(rel)
            _prune_empty(target.parent, root)
        elif target.is_file():
            new[rel] = old[rel]  # edited by hand since: keep it, and keep tracking it
    manifest = json.dumps({"files": new}, indent=1, sort_keys=True).encode() + b"\n"
    if (docs / MANIFEST).is_file() and (docs / MANIFEST).read_bytes() == manifest:
        return report
    atomic_write(docs / MANIFEST, manifest)
    return report


def _prune_empty(folder: Path, root: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
