"""Rebuilds: what did not change is neither read, nor analysed, nor rendered again, and the result is the same
as a build from scratch."""
from __future__ import annotations

import os
import pickle
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

import generator.pipeline as pipeline
import generator.render as render
from generator.build import build, index_keys, index_part
from generator.cache import Cache
from generator.config import Settings
from generator.model import Meeting


@pytest.fixture
def project(tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "articles")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    return tmp_path


def run(project: Path, docs: str = "docs", cache: str = "cache", **settings):
    s = Settings(articles=project / "articles", docs=project / docs, templates=project / "templates",
                 cache=project / cache, progress=False, **settings)
    return build(s, report=lambda line: None)


def pages(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()}


def add_article(project: Path) -> None:
    """One more article, of a meeting of its own."""
    (project / "articles" / "extra.md").write_text(
        "---\ntitle: Blinken and Wang Yi meet again\npublished: 2024-05-02\n---\n"
        "Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing on Thursday.\n",
        encoding="utf-8")


@pytest.fixture
def counted(monkeypatch):
    """How many articles are read, articles analysed, meetings analysed and pages rendered."""
    counts = {"read": 0, "articles": 0, "meetings": 0, "pages": 0}

    def counting(name, module, attr):
        original = getattr(module, attr)

        def wrapper(*args, **kwargs):
            counts[name] += 1
            return original(*args, **kwargs)
        monkeypatch.setattr(module, attr, wrapper)

    import generator.ingest as ingest
    counting("read", ingest, "read_one")
    counting("articles", pipeline, "read_article")
    counting("meetings", pipeline, "analyse_meeting")
    counting("pages", render, "render_page")
    return counts


def test_a_rebuild_with_nothing_changed_does_nothing(project, counted, monkeypatch):
    first = run(project)
    assert counted["read"] == 5 and counted["meetings"] == 2
    before = {k: 0 for k in counted}
    counted.update(before)
    monkeypatch.setattr(pipeline, "analyse", None)  # not even the cached analyses are loaded
    result = run(project)
    assert counted == before and result.report.written == [] and result.briefing is None
    assert result.summary() == first.summary().replace(f"wrote {len(first.report.written)} pages, 0 unchanged",
                                                       f"wrote 0 pages, {len(first.report.written)} unchanged")


def test_a_build_with_nothing_new_does_not_even_import_the_analysis(project):
    """Every `mkdocs serve` reload runs the generator: with nothing new it stops before numpy, pysbd and the
    analysis stages are imported (a third of such a build's time)."""
    run(project)
    script = ("import sys\nfrom generator.__main__ import main\n"
              "main(['build', '--quiet', '--articles', 'articles', '--docs', 'docs', '--templates', 'templates'])\n"
              "print(sorted(m for m in ('numpy', 'pysbd', 'generator.pipeline') if m in sys.modules))\n")
    (project / "briefing.yml").write_text("cache: cache\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", script], cwd=project, capture_output=True, text=True, check=True)
    assert "wrote 0 pages" in out.stdout and out.stdout.rstrip().endswith("[]"), out.stdout + out.stderr


@pytest.mark.parametrize("change", ["setting", "template", "page", "manifest", "article"])
def test_any_change_since_the_last_build_means_a_real_rebuild(project, change):
    run(project)
    settings = {}
    if change == "setting":
        settings["summary_sentences"] = 2
    elif change == "template":
        (project / "templates" / "home.md.j2").write_text("# Home\n", encoding="utf-8")
    elif change == "page":
        (project / "docs" / "topics" / "index.md").unlink()
    elif change == "manifest":  # rewritten as it was: only its modification time tells
        manifest = project / "docs" / ".generator-manifest.json"
        stat = manifest.stat()
        manifest.write_bytes(manifest.read_bytes())
        os.utime(manifest, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    else:
        (project / "articles" / "sources.yml").write_text("", encoding="utf-8")  # metadata gone
    result = run(project, **settings)
    assert result.briefing is not None
    run(project, docs="cold-docs", cache="cold-cache", **settings)
    assert pages(project / "docs") == pages(project / "cold-docs")


def test_a_build_into_another_docs_folder_in_between_does_not_fool_the_next_one(project):
    """docs/ is built, an article is added, other-docs/ is built with the same cache: docs/ is now out of date
    although the articles folder is as the last build (of other-docs/) saw it."""
    run(project)
    add_article(project)
    run(project, docs="other-docs")
    assert run(project).briefing is not None
    run(project, docs="cold-docs", cache="cold-cache")
    assert pages(project / "docs") == pages(project / "cold-docs")


def test_problems_found_by_the_analysis_are_reported_again_when_nothing_changed(project):
    (project / "articles" / "junk.md").write_text("---\ntitle: Junk\n---\nSubscribe now\n\nAll rights reserved\n",
                                                  encoding="utf-8")
    reported: list[list[str]] = []
    for _ in range(2):
        settings = Settings(articles=project / "articles", docs=project / "docs", templates=project / "templates",
                            cache=project / "cache", progress=False)
        reported.append([])
        result = build(settings, report=reported[-1].append)
    assert result.briefing is None  # the second build had nothing to do
    assert "junk.md: nothing left after removing page junk" in reported[0] and reported[1] == reported[0]


def test_one_edited_article_redoes_its_meeting_only_and_equals_a_cold_build(project, counted):
    first = run(project)
    target = next(m for m in first.briefing.meetings if m.date.year == 2023)
    other = next(m for m in first.briefing.meetings if m is not target)
    edited = project / "articles" / first.briefing.articles[target.articles[0]].file
    body = edited.read_text(encoding="utf-8")  # a sentence into the story (its end is a list of other stories)
    cut = body.index("\n\n", len(body) // 3)
    edited.write_text(body[:cut] + "\n\nBlinken said the talks were candid and useful." + body[cut:], encoding="utf-8")
    counted.update({k: 0 for k in counted})
    second = run(project)
    assert counted["read"] == 1 and counted["articles"] == 1 and counted["meetings"] == 1
    assert f"meetings/{other.id}.md" not in second.report.written
    assert f"meetings/{target.id}.md" in second.report.written
    run(project, docs="cold-docs", cache="cold-cache")
    assert pages(project / "docs") == pages(project / "cold-docs")


def test_a_template_edit_rerenders_its_pages_only(project, counted):
    run(project)
    template = project / "templates" / "person.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
    counted.update({k: 0 for k in counted})
    result = run(project)
    assert counted["articles"] == 0 and counted["meetings"] == 0
    assert result.report.written and all(p.startswith("people/") and p != "people/index.md"
                                         for p in result.report.written)


def test_a_damaged_cache_is_a_cold_cache(project):
    run(project)
    (project / "cache" / "cache.sqlite").write_bytes(b"not a database")
    run(project, docs="docs2")
    assert pages(project / "docs") == pages(project / "docs2")


def test_a_cache_laid_out_by_older_code_is_started_afresh(project, counted):
    run(project)
    path = project / "cache" / "cache.sqlite"
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version=1")
    db.commit()
    db.close()
    run(project, docs="docs2")
    assert counted["articles"] == 2 * 5  # analysed again: nothing read from the old file
    assert pages(project / "docs") == pages(project / "docs2")
    run(project, docs="docs3")
    assert counted["articles"] == 2 * 5  # the new file serves the next build


def test_a_deleted_or_edited_generated_page_comes_back(project):
    first = run(project)
    page = project / "docs" / "meetings" / f"{first.briefing.meetings[0].id}.md"
    expected = page.read_bytes()
    page.unlink()
    (project / "docs" / "index.md").write_text("scribbled", encoding="utf-8")
    result = run(project)
    assert sorted(result.report.written) == sorted([f"meetings/{page.name}", "index.md"])
    assert page.read_bytes() == expected
    run(project, docs="cold-docs", cache="cold-cache")
    assert pages(project / "docs") == pages(project / "cold-docs")


def test_pages_rendered_on_every_core_are_the_same(project, monkeypatch, tmp_path):
    run(project, cache="serial-cache")
    monkeypatch.setattr(render, "PARALLEL_FROM", 0)
    run(project, docs="parallel-docs", cache="parallel-cache")
    assert pages(project / "docs") == pages(project / "parallel-docs")
    (project / "templates" / "person.md.j2").write_text("{{ person.nme }}\n", encoding="utf-8")
    with pytest.raises(render.TemplateError, match="person.md.j2"):
        run(project, docs="parallel-docs", cache="parallel-cache")


def test_analysed_meetings_stored_but_unreadable_are_analysed_again(project, counted):
    run(project)
    db = sqlite3.connect(project / "cache" / "cache.sqlite")
    broken = [k for k, v in db.execute("SELECT key, value FROM entries")
              if not k.startswith(("text:", "reading:")) and isinstance(pickle.loads(v), Meeting)]
    db.executemany("UPDATE entries SET value = x'00' WHERE key = ?", [(k,) for k in broken])
    db.commit()
    db.close()
    counted.update({k: 0 for k in counted})
    run(project, docs="docs2")
    assert len(broken) == counted["meetings"] == 2
    assert pages(project / "docs") == pages(project / "docs2")


def test_one_new_article_stores_again_only_the_part_of_the_file_index_that_holds_it(project, counted, monkeypatch):
    run(project)
    stored: list[str] = []
    put = Cache.put

    def recording(self, k, *args, **kwargs):
        stored.append(k)
        return put(self, k, *args, **kwargs)
    monkeypatch.setattr(Cache, "put", recording)
    add_article(project)
    run(project)
    keys = index_keys(project / "articles")
    assert [k for k in stored if k in keys] == [keys[index_part("extra.md")]]
    counted.update({k: 0 for k in counted})
    (project / "templates" / "home.md.j2").write_text("# Home\n", encoding="utf-8")  # a real rebuild
    run(project)
    assert counted["read"] == 0  # the parts together still know every file
    run(project, docs="cold-docs", cache="cold-cache")
    assert pages(project / "docs") == pages(project / "cold-docs")


@pytest.fixture
def lazy_values(monkeypatch):
    """How many `Lazy` page values were created, and how many of them made."""
    counts = {"created": 0, "made": 0}
    lazy = render.Fingerprints.lazy

    def counting(self, make, *parts):
        counts["created"] += 1

        def counted_make():
            counts["made"] += 1
            return make()
        return lazy(self, counted_make, *parts)
    monkeypatch.setattr(render.Fingerprints, "lazy", counting)
    return counts


def test_a_rebuild_gathers_the_articles_of_the_pages_it_renders_only(project, counted, lazy_values):
    run(project)
    manifest = project / "docs" / ".generator-manifest.json"
    os.utime(manifest, ns=(manifest.stat().st_atime_ns, manifest.stat().st_mtime_ns + 10**9))  # a real rebuild
    counted.update({k: 0 for k in counted})
    lazy_values.update(created=0, made=0)
    run(project)
    assert counted["pages"] == 0 and lazy_values["created"] > 0 and lazy_values["made"] == 0
    add_article(project)
    lazy_values.update(created=0, made=0)
    run(project)
    assert 0 < lazy_values["made"] < lazy_values["created"]
    run(project, docs="cold-docs", cache="cold-cache")
    assert pages(project / "docs") == pages(project / "cold-docs")


def test_an_edited_article_title_reaches_the_footnotes_that_cite_it(project):
    """The cited articles of a topic's year are made only when the page is rendered: their fingerprint (from
    the year's entries) must change with any article they cite."""
    run(project)
    manifest = project / "articles" / "sources.yml"
    old = "Antony Blinken and Xi Jinping hold ‘candid’ talks in Beijing"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(old, "Blinken and Xi talk"), encoding="utf-8")
    result = run(project)
    written = [p for p in result.report.written if p.startswith("topics/") and p.count("/") == 2]
    assert written and all("Blinken and Xi talk" in (project / "docs" / p).read_text(encoding="utf-8")
                           for p in written)
    run(project, docs="cold-docs", cache="cold-cache")
    assert pages(project / "docs") == pages(project / "cold-docs")
