"""Ingest: formats, metadata inference and every kind of bad input the trunk issue lists."""
from __future__ import annotations

from datetime import date

from conftest import write

from generator import ingest as ingest_module
from generator.ingest import ingest
from generator.metadata import infer_outlet, published_from_text, published_from_url

BODY = "Secretary Blinken met President Xi in Beijing on Monday. They talked for hours about many things.\n"


def test_front_matter_and_manifest(tmp_path):
    write(tmp_path, "a.md", "---\ntitle: A headline\noutlet: Reuters\nurl: https://x.com/a\npublished: 2024-04-26\n---\n" + BODY)
    write(tmp_path, "b.txt", BODY.replace("Monday", "Tuesday"))
    write(tmp_path, "c.txt", "---\ntitle: Front matter wins\n---\n" + BODY.replace("Monday", "Friday"))
    write(tmp_path, "sources.yml", "b.txt:\n  title: From the manifest\n  outlet: AP\n  url: https://y.org/2023/06/19/story\n"
                                   "c.txt:\n  title: Manifest title\n  outlet: AFP\n")
    got = {a.file: a for a in ingest(tmp_path).articles}
    assert got["a.md"].title == "A headline" and got["a.md"].published == date(2024, 4, 26)
    assert got["b.txt"].outlet == "AP" and got["b.txt"].published == date(2023, 6, 19)
    assert got["c.txt"].title == "Front matter wins" and got["c.txt"].outlet == "AFP"


def test_an_impossible_date_is_ignored_and_date_means_published(tmp_path):
    write(tmp_path, "a.md", "---\ntitle: A headline\npublished: 2024-13-45\n---\n" + BODY)
    write(tmp_path, "b.md", "---\ntitle: Another headline\ndate: 2024-04-26\n---\n" + BODY.replace("Monday", "Friday"))
    write(tmp_path, "c.txt", BODY.replace("Monday", "Sunday"))
    write(tmp_path, "sources.yml", "c.txt:\n  title: From the manifest\n  published: 2024-02-30\n")
    result = ingest(tmp_path)
    got = {a.file: a for a in result.articles}
    assert sorted(got) == ["a.md", "b.md", "c.txt"]  # none lost to a bad date
    assert got["a.md"].published is None and got["b.md"].published == date(2024, 4, 26)
    assert got["c.txt"].title == "From the manifest" and got["c.txt"].published is None
    messages = [str(p) for p in result.problems]
    assert "a.md: `published: 2024-13-45` is not a YYYY-MM-DD date; ignored" in messages
    assert "c.txt: `published: 2024-02-30` is not a YYYY-MM-DD date; ignored" in messages


def test_inferred_metadata_never_invented(tmp_path):
    write(tmp_path, "plain.txt", "# The headline here\n\n" + BODY)
    result = ingest(tmp_path)
    (article,) = result.articles
    assert article.title == "The headline here"
    assert article.outlet == "Unknown outlet"
    assert article.published is None
    assert any("undated" in p.message for p in result.problems)


def test_a_dated_dateline_opening_the_text_is_its_publication_date():
    assert published_from_text("November 6, 2023, Beijing \u2013 Xi Jinping met Anthony Albanese at the Great "
                                "Hall of the People today, and they talked for a long time about trade.") \
        == date(2023, 11, 6)
    assert published_from_text("Beijing, 29 August 2023 (TDI): Yesterday, Gina Raimondo met Wang Wentao, the "
                                "Minister of Commerce, as part of ongoing efforts to advance the relationship.") \
        == date(2023, 8, 29)
    assert published_from_text("On November 14, 2022, Biden met Xi in Bali, and they talked for three hours "
                                "about everything under the sun and more.") is None


def test_outlet_and_date_inference():
    assert infer_outlet("https://www.theguardian.com/world/x", "") == "The Guardian"
    assert infer_outlet("https://news.example.org/x", "") == "news.example.org"
    assert infer_outlet(None, "Text.\nNew York Times News Service\n") == "The New York Times"
    assert published_from_url("https://a.com/news/2024/04/26/xi-blinken") == date(2024, 4, 26)
    assert published_from_url("https://a.com/news/20240426-xi") == date(2024, 4, 26)
    assert published_from_url("https://a.com/news/xi-blinken-3171094") is None
    for url, day in [("http://en.people.cn/n3/2024/0601/c90000-20176892.html", date(2024, 6, 1)),
                     ("http://en.chinadiplomacy.org.cn/2023-07/10/content_91732915.shtml", date(2023, 7, 10)),
                     ("https://www.chinadaily.com.cn/a/202311/16/WS6555.html", date(2023, 11, 16)),
                     ("https://www.indiatoday.in/world/story/trump-xi-2810586-2025-10-30", date(2025, 10, 30)),
                     ("https://www.reuters.com/world/china/blinken-xi-2023-06-19/", date(2023, 6, 19)),
                     ("https://www.globaltimes.cn/page/202307/1293956.shtml", None),
                     ("https://www.example.com/article/1GgFF/11-3-2025-11/president-lee", date(2025, 11, 3)),
                     ("https://news.example.com/story/20250203180300/sheinbaum-trump", date(2025, 2, 3))]:
        assert published_from_url(url) == day, url


def test_date_from_a_timestamp_line():
    assert published_from_text("Skip to content\nBy Evan Symon, November 15, 2023 7:32 pm\nBiden met Xi.") == \
        date(2023, 11, 15)
    assert published_from_text("Published: Jul 08, 2023 12:15 AM Updated: Jul 08, 2023 05:06 PM\nText") == \
        date(2023, 7, 8)
    assert published_from_text("News\n2024-05-31 | 04:25\nText") == date(2024, 5, 31)
    # prose and captions may name any day; a date without a year is no timestamp
    prose = ("Photo taken on May 31, 2024 shows a view of the Shangri-La Hotel in Singapore, venue for the 21st "
             "edition of the dialogue.\nUpdated Wednesday, Nov 15")
    assert published_from_text(prose) is None


def bad_inputs(tmp_path):
    write(tmp_path, "good.md", "---\ntitle: Good\n---\n" + BODY)
    write(tmp_path, "broken.md", "---\ntitle: [unclosed\nurl: x\n---\n" + BODY)
    write(tmp_path, "empty.md", "")
    write(tmp_path, "binary.txt", b"\x00\x01\x02PNG\x00data")
    write(tmp_path, "photo.jpg", b"\xff\xd8\xff")
    write(tmp_path, "z-copy.md", "---\ntitle: Copy\n---\n" + BODY)
    write(tmp_path, "win.txt", ("Caf\xe9 talks: the ministers met. " * 3 + "\n").encode("cp1252"))


def test_bad_inputs_are_reported_and_skipped(tmp_path):
    bad_inputs(tmp_path)
    result = ingest(tmp_path)
    assert sorted(a.file for a in result.articles) == ["good.md", "win.txt"]
    messages: dict[str, str] = {}
    for p in result.problems:
        messages[p.file] = messages.get(p.file, "") + str(p) + "\n"
    assert "broken.md:3" in messages["broken.md"] and "front matter" in messages["broken.md"]
    assert "empty file" in messages["empty.md"]
    assert "binary" in messages["binary.txt"]
    assert "unknown extension" in messages["photo.jpg"]
    assert "duplicate of good.md" in messages["z-copy.md"]
    assert "cp1252" in messages["win.txt"]
    assert "Café" in next(a for a in result.articles if a.file == "win.txt").text
    assert all("\n" not in str(p) for p in result.problems)  # one line each


def test_reading_on_every_core_gives_the_same(tmp_path, monkeypatch):
    """Many new files are read in worker processes: the same articles, problems and order as one by one."""
    bad_inputs(tmp_path)
    write(tmp_path, "sub/sources.yml", "a.txt:\n  title: ok\n  outlet: [broken\n")
    write(tmp_path, "sub/a.txt", "Another text: the ministers met again in Paris on Friday.\n")
    serial = ingest(tmp_path)
    monkeypatch.setattr(ingest_module, "PARALLEL_FROM", 0)
    assert ingest(tmp_path) == serial


def test_a_reader_that_fails_on_one_file_costs_that_file_only(tmp_path, monkeypatch):
    write(tmp_path, "good.md", "---\ntitle: Good\n---\n" + BODY)
    write(tmp_path, "odd.html", "<html><body><p>Odd page</p></body></html>")

    def broken(text):
        raise RecursionError("maximum recursion\ndepth exceeded")
    monkeypatch.setattr(ingest_module, "read_html", broken)
    result = ingest(tmp_path)
    assert [a.file for a in result.articles] == ["good.md"]
    (problem,) = [p for p in result.problems if p.file == "odd.html"]
    assert str(problem) == "odd.html: could not be read (RecursionError: maximum recursion depth exceeded): skipped"
    assert problem.fatal


def test_duplicate_url(tmp_path):
    write(tmp_path, "a.md", "---\ntitle: A\nurl: https://x.com/1\n---\n" + BODY)
    write(tmp_path, "b.md", "---\ntitle: B\nurl: https://x.com/1\n---\nOther text entirely, about another day.\n")
    result = ingest(tmp_path)
    assert [a.file for a in result.articles] == ["a.md"]


def test_bad_manifest_names_file_and_line(tmp_path):
    write(tmp_path, "a.txt", BODY)
    write(tmp_path, "sources.yml", "a.txt:\n  title: ok\n  outlet: [broken\n")
    result = ingest(tmp_path)
    assert any(p.file == "sources.yml" and p.line for p in result.problems)
    assert [a.file for a in result.articles] == ["a.txt"]


def test_html_reader(tmp_path):
    page = ("<html><head><title>Xi meets Blinken</title><meta property='og:site_name' content='Example News'>"
            "<meta name='date' content='2024-04-26'></head><body><nav>Home | World</nav><article><h1>Xi meets Blinken</h1>"
            + "".join(f"<p>Paragraph {i}: the two sides held candid talks in Beijing and agreed to keep talking.</p>" for i in range(5))
            + "</article><footer>Subscribe now</footer></body></html>")
    write(tmp_path, "page.html", page)
    (article,) = ingest(tmp_path).articles
    assert "candid talks" in article.text and "Subscribe now" not in article.text
    assert article.published == date(2024, 4, 26)


def test_seeds_metadata(seeds):
    result = ingest(seeds)
    assert len(result.articles) == 5 and not [p for p in result.problems if p.fatal]
    by_file = {a.file: a for a in result.articles}
    assert by_file["002_3063c941ba2089c9.txt"].outlet == "The Guardian"
    assert by_file["004_bcef869dcd8911db.txt"].published == date(2023, 6, 20)
