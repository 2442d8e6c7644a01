"""End to end through the generator (no MkDocs): the seeds, the invariants, safety and determinism."""
from __future__ import annotations

import gc
import json
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT, write

from generator.__main__ import main
from generator.build import BuildError, build
from generator.config import Settings
from generator.clean import clean
from generator.ingest import ingest
from generator.invariants import meeting_violations, occurs
from generator.render import TemplateError

JUNK = ["©", "Photograph:", "Cover photo", "More on China", "Read Also", "Sign up to read", "Get all your news",
        "Download the app", "230619095246", "physically brawl", "Coast Guard fires", "New York Times News Service",
        "Rachel Cheung in Hong Kong", "Start reading", "Our Picks"]


def settings(tmp_path: Path, articles: Path, **kw) -> Settings:
    return Settings(articles=articles, docs=tmp_path / "docs", templates=ROOT / "templates", progress=False, **kw)


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("seedbuild")
    result = build(settings(tmp, ROOT / "seeds"), report=lambda line: None)
    return tmp / "docs", result


def test_seeds_make_exactly_two_meetings(seed_build):
    docs, result = seed_build
    data = json.loads((docs / "briefings.json").read_text())
    meetings = sorted((m["date"], m["location"], tuple(m["participants"]), tuple(sorted(m["articles"])))
                      for m in data["meetings"])
    assert meetings == [
        ("2023-06-19", "Beijing", ("Antony Blinken", "Xi Jinping"),
         ("002-3063c941ba2089c9", "003-212b223e0a789ae4", "004-bcef869dcd8911db")),
        ("2024-04-26", "Beijing", ("Antony Blinken", "Xi Jinping"), ("000-677c210fb78270ba", "001-5ddc337825c21bd5")),
    ]


def test_export_matches_schema(seed_build):
    docs, _ = seed_build
    schema = json.loads((ROOT / "generator/data/briefings.schema.json").read_text())
    jsonschema.validate(json.loads((docs / "briefings.json").read_text()), schema)


def test_quotes_and_summary_are_verbatim(seed_build):
    _, result = seed_build
    b = result.briefing
    bodies = {a.id: a.body for a in clean(ingest(ROOT / "seeds").articles)}
    assert any(m.quotes for m in b.meetings) and all(m.summary for m in b.meetings)
    for m in b.meetings:
        for q in m.quotes:
            assert q.sources and all(occurs(q.text, bodies[a]) for a in q.sources)
        for s in m.summary:
            assert occurs(s.text, bodies[s.sources[0]])


def test_a_broken_invariant_is_caught_and_names_the_meeting(seed_build):
    m = seed_build[1].briefing.meetings[0]
    articles = {a.id: a for a in clean(ingest(ROOT / "seeds").articles)}
    assert meeting_violations(m, articles) == []
    forged = replace(m, quotes=(replace(m.quotes[0], text="We will invade tomorrow"),))
    assert meeting_violations(forged, articles) == [
        f"meeting {m.id}: quote 'We will invade tomorrow' is not in article {m.quotes[0].sources[0]}"]


def test_no_junk_in_any_page(seed_build):
    docs, _ = seed_build
    for page in docs.rglob("*.md"):
        text = page.read_text()
        for junk in JUNK:
            assert junk not in text, f"{page.name}: {junk!r}"


def test_a_person_page_links_one_page_per_year_that_holds_all_of_that_year(seed_build):
    docs, result = seed_build
    quotes = [(m, q) for m in result.briefing.meetings for q in m.quotes if q.speaker == "Wang Yi"]
    years = sorted({m.date.year for m, _ in quotes}, reverse=True)
    main = (docs / "people" / "wang-yi.md").read_text(encoding="utf-8")
    assert all(f"[{y}](wang-yi/{y}.md)" in main for y in years) and len(years) == 2
    for year in years:
        page = (docs / "people" / "wang-yi" / f"{year}.md").read_text(encoding="utf-8")
        assert "[All years](../wang-yi.md)" in page
        assert page.count("\n- “") == sum(1 for m, _ in quotes if m.date.year == year)


def test_every_citation_has_a_source_entry(seed_build):
    docs, _ = seed_build
    for page in (docs / "meetings").glob("2*.md"):
        text = page.read_text()
        refs = {r for r in __import__("re").findall(r"\[\^([\w-]+)\](?!:)", text)}
        defined = {d for d in __import__("re").findall(r"^\[\^([\w-]+)\]:", text, __import__("re").M)}
        assert refs and refs <= defined, page.name


def test_two_builds_are_byte_identical(tmp_path, seed_build):
    docs, _ = seed_build
    build(settings(tmp_path, ROOT / "seeds"), report=lambda line: None)
    ours = {p.relative_to(tmp_path / "docs"): p.read_bytes() for p in (tmp_path / "docs").rglob("*") if p.is_file()}
    theirs = {p.relative_to(docs): p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    assert ours == theirs


def test_hostile_article_is_inert(tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(ROOT / "seeds", articles)
    write(articles, "evil.md", "---\ntitle: \"<script>alert('t')</script> {{ 7*7 }} [x](javascript:alert(1))\"\n"
          "outlet: <img src=x onerror=alert(1)>\nurl: javascript:alert(1)\npublished: 2024-04-26\n---\n"
          "Secretary of State Antony Blinken met Chinese President Xi Jinping in Beijing on Friday. "
          "\"We agreed <script>alert(1)</script> to keep talking {% raw %} about *everything*,\" Blinken said.\n\n"
          "Blinken and Xi held talks at the Great Hall of the People in Beijing, <img src=x onerror=alert(2)> officials said.\n")
    build(settings(tmp_path, articles), report=lambda line: None)
    for page in (tmp_path / "docs").rglob("*.md"):
        text = page.read_text()
        assert "<script" not in text and "<img" not in text and "](javascript:" not in text, page.name
        assert "49" not in text.replace("2049", "")


def test_a_call_is_shown_as_one(tmp_path):
    articles = tmp_path / "articles"
    write(articles, "call.md", "---\ntitle: Trump and Xi hold phone call\npublished: 2025-09-19\n---\n"
          "Donald Trump and Xi Jinping spoke by phone on Friday, Trump said from the Oval Office in Washington.\n")
    build(settings(tmp_path, articles), report=lambda line: None)
    page = (tmp_path / "docs/meetings/2025-09-19-trump-xi.md").read_text()
    assert "| **Where** | By phone |" in page and "Washington" not in page.split("## Summary")[0]
    assert "| by phone |" in (tmp_path / "docs/meetings/index.md").read_text()
    data = json.loads((tmp_path / "docs/briefings.json").read_text())
    assert [(m["mode"], m["location"]) for m in data["meetings"]] == [("phone", None)]


def test_a_quotation_in_two_wordings_is_shown_once_with_the_other_under_it(tmp_path):
    articles = tmp_path / "articles"
    write(articles, "a.md", "---\ntitle: Biden and Xi meet in Lima\noutlet: Outlet A\npublished: 2024-11-16\n---\n"
          "Joe Biden met Xi Jinping in Lima on Saturday.\n\n"
          "\u201cChina is ready to work with the new administration to keep talking,\u201d Xi said.\n")
    write(articles, "b.md", "---\ntitle: Xi meets Biden in Lima\noutlet: Outlet B\npublished: 2024-11-16\n---\n"
          "Xi Jinping met Joe Biden in Lima on Saturday.\n\n"
          "\u201cChina is ready to work with a new administration to keep talking,\u201d Xi told Biden.\n")
    build(settings(tmp_path, articles), report=lambda line: None)
    page = (tmp_path / "docs/meetings/2024-11-16-biden-xi.md").read_text()
    key, _, rest = page.partition("## Key quotes")[2].partition("## Who said what")
    assert "reported by 2 outlets" in key and key.count("Also reported as \u201cChina is ready") == 1
    assert "All other quotes" not in key and rest.count("China is ready") == 1


def test_bad_article_skipped_unless_strict(tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(ROOT / "seeds", articles)
    write(articles, "broken.md", "---\ntitle: [oops\n---\nText.\n")
    lines: list[str] = []
    result = build(settings(tmp_path, articles), report=lines.append)
    assert len(result.briefing.meetings) == 2 and any(line.startswith("broken.md:") for line in lines)
    with pytest.raises(BuildError):
        build(settings(tmp_path / "strict", articles, strict=True), report=lambda line: None)
    assert not (tmp_path / "strict" / "docs").exists()


def test_the_garbage_collector_is_off_during_a_build_and_back_after(tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(ROOT / "seeds", articles)
    write(articles, "broken.md", "---\ntitle: [oops\n---\nText.\n")
    during: list[bool] = []
    build(settings(tmp_path, articles), report=lambda line: during.append(gc.isenabled()))
    assert during and not any(during) and gc.isenabled()
    with pytest.raises(BuildError):
        build(settings(tmp_path / "strict", articles, strict=True), report=lambda line: None)
    assert gc.isenabled()


def test_broken_template_names_file_and_line_and_keeps_pages(tmp_path):
    build(settings(tmp_path, ROOT / "seeds"), report=lambda line: None)
    before = {p: p.read_bytes() for p in (tmp_path / "docs").rglob("*") if p.is_file()}
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    (templates / "topic.md.j2").write_text("# {{ topic.name }}\n\n{{ topic.no_such_field }}\n")
    bad = Settings(articles=ROOT / "seeds", docs=tmp_path / "docs", templates=templates, progress=False)
    with pytest.raises(TemplateError, match=r"topic\.md\.j2:3"):
        build(bad, report=lambda line: None)
    assert {p: p.read_bytes() for p in (tmp_path / "docs").rglob("*") if p.is_file()} == before


def test_cli_build_and_help(tmp_path, capsys):
    with pytest.raises(SystemExit) as help_exit:
        main(["build", "--help"])
    assert help_exit.value.code == 0
    code = main(["build", "--articles", str(ROOT / "seeds"), "--docs", str(tmp_path / "docs"),
                 "--templates", str(ROOT / "templates"), "--quiet"])
    out = capsys.readouterr().out
    assert code == 0 and "Read 5 articles (0 skipped), 2 meetings" in out


def test_cli_reports_missing_folder(tmp_path, capsys):
    assert main(["build", "--articles", str(tmp_path / "nope"), "--docs", str(tmp_path / "d"), "--quiet"]) == 1
    assert "articles folder not found" in capsys.readouterr().err
    assert main(["build", "--articles", str(ROOT / "seeds"), "--docs", str(tmp_path / "d"),
                 "--templates", str(tmp_path / "none"), "--quiet"]) == 1
    assert capsys.readouterr().err.strip().endswith(f"{tmp_path / 'none'}: templates folder not found")


def test_seed_meeting_dates(seed_build):
    _, result = seed_build
    assert sorted(m.date for m in result.briefing.meetings) == [date(2023, 6, 19), date(2024, 4, 26)]
