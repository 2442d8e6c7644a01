"""The speed benchmark (bench/): the corpus maker's rewriting rules, and a smoke run at N = 50 so it cannot rot.
The benchmark itself is a script (`python bench/run.py`), not a timed test."""
from __future__ import annotations

import json
import sys
from datetime import date

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

import corpus  # noqa: E402
import robustness  # noqa: E402
import run  # noqa: E402

from generator.people import gazetteer  # noqa: E402


def test_rewrite_date_keeps_the_style():
    assert corpus.rewrite_date("June 19, 2023", date(2022, 7, 18)) == "July 18, 2022"
    assert corpus.rewrite_date("Monday (Jun 19)", date(2023, 6, 26)) == "Monday (Jun 26)"
    assert corpus.rewrite_date("19 June", date(2023, 5, 1)) == "1 May"
    assert corpus.rewrite_date("2023-06-19", date(2023, 6, 5)) == "2023-06-05"


def test_shift_dates_moves_written_days_only():
    text = "They met on Monday, June 19, 2023, in Beijing. On Friday they left."
    assert corpus.shift_dates(text, date(2023, 6, 19), -14) == \
        "They met on Monday, June 5, 2023, in Beijing. On Friday they left."


def test_names_and_descriptions_are_replaced_consistently():
    table = corpus.name_replacements("Xi Jinping", "Li Qiang")
    out = corpus.substitute("President Xi Jinping met Biden. The Chinese leader said Xi's aim is peace. "
                            "The Biden-Xi summit.", table)
    assert "Xi" not in out and "Chinese leader" not in out
    assert out.startswith("President Li Qiang met Biden.")
    assert "Biden-Li Qiang summit" in out


def test_made_meetings_are_distinct():
    made = corpus.make(60)
    assert len(made.articles) == 60 == sum(len(m["articles"]) for m in made.meetings)
    assert all(2 <= len(m["articles"]) <= 8 for m in made.meetings[:-1])
    keys = [(tuple(m["participants"]), m["date"]) for m in made.meetings]
    assert len(set(keys)) == len(keys)
    assert len({name for name, _ in made.articles}) == 60
    name, _ = corpus.extra_article(60)
    assert name not in {n for n, _ in made.articles}


@pytest.mark.e2e
def test_smoke_run(tmp_path):
    """The whole benchmark at N = 50 (the MkDocs steps too): a table, and a sane grouping."""
    assert run.main(["--sizes", "50", "--out", str(tmp_path)]) == 0
    data = json.loads((tmp_path / "results.json").read_text())
    result = data["results"][0]
    assert set(result["steps"]) == {"full", "+1 article", "template edit", "mkdocs", "mkdocs --dirty", "mkdocs +1"}
    assert result["grouped_exactly"] >= 0.7
    assert result["meetings_found"] >= result["meetings_made"] * 0.7
    steps = result["steps"]
    assert 0 < steps["+1 article"]["written"] < steps["full"]["written"]
    assert len(steps["+1 article"]["runs"]) == 3 and steps["+1 article"]["seconds"] in steps["+1 article"]["runs"]
    assert steps["template edit"]["written"] >= result["meetings_made"] * 0.7
    assert data["side_by_side"]["ratio"] > 0 and data["side_by_side"]["rounds"] == 3
    assert "| 50 |" in (tmp_path / "results.md").read_text()
    assert result["yardstick"] > 0 and data["yardstick_at_end"] > 0
    assert "Yardstick" in (tmp_path / "results.md").read_text()


def test_robustness_variants_change_what_they_say():
    text = "---\ntitle: T\nurl: https://a.com/x\npublished: 2023-11-15\n---\nHe said: \u201cYes.\u201d\n\nMore."
    assert robustness.VARIANTS["no published date"](text) == "---\ntitle: T\nurl: https://a.com/x\n---\nHe said: " \
        "\u201cYes.\u201d\n\nMore."
    assert robustness.VARIANTS["straight quotes"](text).endswith('He said: "Yes."\n\nMore.')
    assert robustness.VARIANTS["single quotation marks"](text.replace("\u201cYes.\u201d", '"Yes," it\u2019s')).endswith(
        "He said: \u2018Yes,\u2019 it\u2019s\n\nMore.")
    assert robustness.VARIANTS["single line breaks"](text).endswith("\u201d\nMore.")
    assert "says" in robustness.VARIANTS["'says' for 'said'"](text) and "title: T" in \
        robustness.VARIANTS["'says' for 'said'"](text)


def test_unknown_people_variant_renames_text_and_gold_alike():
    gold = {"meetings": [{"participants": ["Joe Biden", "Xi Jinping"]}],
            "articles": [{"quotes": [{"text": "Biden is here", "speaker": "Xi Jinping"}]}]}
    unknown = robustness.Unknown()
    renamed = unknown.prepare(gold)
    biden, xi = renamed["meetings"][0]["participants"]
    assert {biden, xi}.isdisjoint({p.name for p in gazetteer()}) and biden.split()[-1] == "Fairley"
    assert xi.split()[0] in robustness.Unknown.FAMILY_FIRST[1]  # family name first, as the gazetteer writes Xi's
    assert renamed["articles"][0]["quotes"][0] == {"text": "Fairley is here", "speaker": xi}
    assert unknown("President Joe Biden met Xi Jinping. Xi said: \u201cBiden's here.\u201d") == \
        f"President {biden} met {xi}. {xi.split()[0]} said: \u201cFairley's here.\u201d"
    assert gold["meetings"][0]["participants"] == ["Joe Biden", "Xi Jinping"]  # the gold itself is left alone


def test_articles_without_published_dates_still_group(dev_corpus):
    """The dev corpus without any `published:` (dates from URLs, timestamps, the pair's only meeting)."""
    import yaml

    gold = yaml.safe_load((dev_corpus / "gold.yml").read_text(encoding="utf-8"))
    got = robustness.figures(gold, dev_corpus / "articles", robustness.VARIANTS["no published date"])
    assert got["meeting_f1"] >= 0.95 and got["date_accuracy"] >= 0.95
