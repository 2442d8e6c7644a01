"""Write: only managed files, never hand-written ones; unchanged files untouched; stale ones removed."""
from __future__ import annotations

import os

import pytest

from generator.write import Cached, digest, MANIFEST, _file_mode, write_pages


def test_writes_only_changes_and_keeps_mtime(tmp_path):
    first = write_pages(tmp_path, {"meetings/a.md": "A", "index.md": "home"})
    assert sorted(first.written) == ["index.md", "meetings/a.md"]
    os.utime(tmp_path / "meetings/a.md", (1, 1))
    second = write_pages(tmp_path, {"meetings/a.md": "A", "index.md": "home 2"})
    assert second.written == ["index.md"] and second.unchanged == ["meetings/a.md"]
    assert (tmp_path / "meetings/a.md").stat().st_mtime == 1


def test_never_overwrites_hand_written_pages(tmp_path):
    (tmp_path / "about.md").write_text("mine")
    report = write_pages(tmp_path, {"about.md": "generated", "x.md": "x"})
    assert report.refused == ["about.md"] and (tmp_path / "about.md").read_text() == "mine"


def test_removes_its_own_stale_pages_only(tmp_path):
    write_pages(tmp_path, {"meetings/old.md": "old", "meetings/keep.md": "k"})
    (tmp_path / "notes.md").write_text("hand-written")
    report = write_pages(tmp_path, {"meetings/keep.md": "k"})
    assert report.removed == ["meetings/old.md"]
    assert not (tmp_path / "meetings/old.md").exists() and (tmp_path / "notes.md").exists()


def test_stale_page_edited_by_hand_is_kept(tmp_path):
    write_pages(tmp_path, {"t.md": "generated"})
    (tmp_path / "t.md").write_text("edited by a person")
    write_pages(tmp_path, {})
    assert (tmp_path / "t.md").read_text() == "edited by a person"


def test_paths_cannot_escape_docs(tmp_path):
    with pytest.raises(ValueError):
        write_pages(tmp_path / "docs", {"../evil.md": "x"})
    assert not (tmp_path / "evil.md").exists()


def test_no_temporary_files_left(tmp_path):
    write_pages(tmp_path, {"a/b.md": "x"})
    names = {p.name for p in tmp_path.rglob("*")}
    assert names == {"a", "b.md", MANIFEST}


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX file modes")
def test_pages_get_the_mode_of_any_new_file(tmp_path):
    """Not the 0600 of a temporary file: a web server or another user serving docs/ must read them."""
    umask = os.umask(0o022)
    _file_mode.cache_clear()  # read once a process
    try:
        write_pages(tmp_path, {"a/b.md": "x", "c.json": b"{}"})
    finally:
        os.umask(umask)
        _file_mode.cache_clear()
    modes = {p.name: p.stat().st_mode & 0o777 for p in tmp_path.rglob("*") if p.is_file()}
    assert modes == {"b.md": 0o644, "c.json": 0o644, MANIFEST: 0o644}


def test_cached_pages_are_loaded_only_when_the_file_differs(tmp_path):
    first = write_pages(tmp_path, {"a.md": "A", "b.md": "B"})
    asked = []

    def text(rel):
        asked.append(rel)
        return {"a.md": "A", "b.md": "B"}[rel]

    cached = {"a.md": Cached(digest(b"A")), "b.md": Cached(digest(b"B"))}
    second = write_pages(tmp_path, cached, text, first.stamps)
    assert asked == [] and sorted(second.unchanged) == ["a.md", "b.md"]
    (tmp_path / "b.md").write_text("edited by hand")
    third = write_pages(tmp_path, cached, text, second.stamps)
    assert asked == ["b.md"] and third.written == ["b.md"] and (tmp_path / "b.md").read_text() == "B"
