"""The extractive summary: real sentences only, cross-outlet citations, no repeats, recall on the dev set."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import yaml

from generator.meetings import group_meetings
from generator.model import Article, Meeting
from generator.summary import (Candidate, article_candidates, is_boilerplate, is_dangling, rank_sentences, rules,
                               summarize, summarize_topic)


def article(aid: str, outlet: str, body: str) -> Article:
    return Article(id=aid, file=f"{aid}.md", title=aid, outlet=outlet, url=None, published=None, text=body, body=body)


def art(aid: str, title: str, body: str, published: date) -> Article:
    return Article(id=aid, file=f"{aid}.md", title=title, outlet=aid, url=None, published=published, text=body,
                   body=body)


def meeting(*ids: str) -> Meeting:
    return Meeting(id="m", title="m", date=date(2023, 11, 15), location="Woodside", venue=None,
                   participants=("Joe Biden", "Xi Jinping"), articles=ids)


A = article("a", "Outlet A", (
    "Joe Biden and Xi Jinping agreed on Wednesday to resume military communications between the two countries.\n\n"
    "Xi Jinping meets Joe Biden in Woodside. Photo: Xinhua/Shutterstock.\n\n"
    "What does the deal mean for the Pacific region and for you?\n\n"
    "The two leaders also agreed to bring experts together to discuss the risks of artificial intelligence."))
B = article("b", "Outlet B", (
    "Biden and Xi agreed on Wednesday to resume military communications, cut after a visit to Taiwan.\n\n"
    "China will curb the export of chemicals used to make fentanyl, a senior US official told reporters."))
C = article("c", "Outlet C", B.body)  # a syndicated copy of B


def test_captions_questions_and_credits_are_boilerplate():
    assert is_boilerplate("Xi Jinping meets Joe Biden in Woodside. Photo: Xinhua/Shutterstock.")
    assert is_boilerplate("What does the deal mean for the Pacific region and for you?")
    assert is_boilerplate("Janet Yellen (l), US Treasury Secretary, speaks during a roundtable discussion.")
    assert is_boilerplate("Donald Trump, left, and Xi Jinping shake hands before their talks in Busan on Thursday.")
    assert not is_boilerplate("The talks left, in the end, little room for a deal on chips.")
    assert is_boilerplate("Joe Biden and Xi Jinping, seen in file photos, had a rare phone call on Tuesday.")
    assert not is_boilerplate("Biden and Xi agreed on Wednesday to resume military communications.")


def test_dangling_sentences_join_their_antecedent_or_are_skipped():
    assert is_dangling("He added that miscalculations can cause major problems.")
    assert is_dangling("This is very good for both countries in the long run.")
    assert not is_dangling("Mr Biden added that miscalculations can cause major problems.")
    assert is_dangling("In particular, he narrowed in on the three principles of mutual respect.")
    assert is_dangling("According to him, this will show whether there is a desire for a lasting peace.")
    assert is_dangling("According to a correspondent, he said this after face-to-face talks with Xi.")
    assert not is_dangling("According to the readout, Xi said the two sides should respect each other.")
    lower = article("l", "L", "beijing President Lula was received by Xi with a ceremony in the Great Hall.")
    assert article_candidates(lower) == []  # cut from a dateline before it
    art = article("d", "D", ("Opening: the talks in Woodside lasted for about four hours on Wednesday.\n\n"
                             "He added that miscalculations can cause major problems between countries. "
                             "Mr Biden said the talks were among the most productive so far."))
    texts = [c.text for c in article_candidates(art)]
    assert not any(t.startswith("He added") for t in texts)  # first of its paragraph: no antecedent there
    art2 = article("e", "E", "Mr Biden said the talks were among the most productive so far. "
                             "He added that miscalculations can cause major problems between countries.")
    texts2 = [c.text for c in article_candidates(art2)]
    assert art2.body in texts2  # shown with its antecedent, verbatim
    assert not any(t.startswith("He added") for t in texts2)


def test_summary_cites_every_outlet_and_counts_syndicated_copies_once():
    arts = {a.id: a for a in (A, B, C)}
    summary = summarize(meeting("a", "b", "c"), arts, 8, syndicated=(("b", "c"),))
    texts = [s.text for s in summary]
    assert all(any(s.text in x.body for x in arts.values() if x.id == s.sources[0]) for s in summary)
    assert not any(is_boilerplate(t) for t in texts)
    military = [s for s in summary if "military" in s.text]
    assert len(military) == 1  # the same fact from two outlets is said once
    assert set(military[0].sources) == {"a", "b", "c"} and military[0].corroboration == 2
    ai = next(s for s in summary if "artificial intelligence" in s.text)
    assert ai.sources == ("a",) and ai.corroboration == 1


def test_topic_summary_draws_only_on_the_topic_sentences():
    arts = {a.id: a for a in (A, B, C)}
    fentanyl = "China will curb the export of chemicals used to make fentanyl, a senior US official told reporters."
    both = meeting("a", "b", "c")
    out = summarize_topic(both, arts, {fentanyl}, 3, syndicated=(("b", "c"),))
    assert [(s.text, s.sources, s.corroboration) for s in out] == [(fentanyl, ("b", "c"), 1)]
    assert summarize_topic(both, arts, {"Not a sentence of these articles."}, 3) == ()


def test_rank_sentences_respects_length_and_reading_order():
    facts = ["Tariffs on Chinese goods fall from twenty to ten percent next month.",
             "Beijing will resume purchases of American soybeans and other farm products.",
             "Both leaders pledged to stop the flow of fentanyl precursors across borders.",
             "Export controls on advanced chips remain in place for another year.",
             "Student visas will again be issued quickly to applicants from both nations."]
    cands = [Candidate("x", text, i) for i, text in enumerate(facts)]
    out = rank_sentences(cands, 3)
    assert len(out) == 3
    positions = [next(c.position for c in cands if c.text == s.text) for s in out]
    assert positions == sorted(positions)
    assert rank_sentences([], 8) == ()


def test_fact_recall_on_the_dev_corpus(dev_corpus):
    from generator.clean import clean
    from generator.ingest import ingest

    gold = yaml.safe_load((dev_corpus / "gold.yml").read_text(encoding="utf-8"))
    articles = {a.id: a for a in clean(list(ingest(dev_corpus / "articles").articles))}
    by_file = {a.file.rsplit("/", 1)[-1]: a.id for a in articles.values()}
    meetings = []
    for gm in gold["meetings"]:
        ids = tuple(by_file[g["file"]] for g in gold["articles"] if g["meeting"] == gm["id"])
        meetings.append((Meeting(gm["id"], gm["id"], gm["date"], gm["location"], None, tuple(gm["participants"]), ids),
                         gm["facts"]))
    hit = total = 0
    for m, facts in meetings:
        summary = summarize(m, articles, 8)
        assert 5 <= len(summary) <= 8
        assert not any(is_boilerplate(s.text) for s in summary)
        texts = [s.text for s in summary]
        hit += sum(any(re.search(p, t, re.I) for p in f["patterns"] for t in texts) for f in facts)
        total += len(facts)
    assert hit / total >= 0.8


def test_a_sentence_previewing_the_meeting_gives_way_to_one_reporting_it():
    preview = "Joe Biden is set to meet Xi Jinping in Woodside on Wednesday for talks on trade and military ties."
    report = "Joe Biden met Xi Jinping in Woodside on Wednesday and they agreed to restore military ties."
    arts = {"p": article("p", "Outlet P", preview + "\n\nThe talks on trade and military ties follow a year of strain."),
            "q": article("q", "Outlet Q", preview + "\n\nOfficials on both sides played down hopes of a breakthrough."),
            "r": article("r", "Outlet R", report + "\n\nThe two leaders spoke for four hours at an estate.")}
    assert [s.text for s in summarize(meeting("p", "q", "r"), arts, 1)] == [report]
    assert rules().preview.search("The meeting will see Joe Biden raise trade and Taiwan with Xi Jinping.")
    assert not rules().preview.search("The meeting saw Joe Biden raise trade and Taiwan with Xi Jinping.")


def test_an_article_announcing_the_meeting_gives_way_to_those_reporting_it():
    agenda = "Joe Biden and Xi Jinping will discuss trade, Taiwan and military ties at an estate in Woodside."
    report = "Joe Biden and Xi Jinping agreed in Woodside to restore military ties and keep talking on trade."
    arts = {"p": article("p", "Outlet P", agenda),
            "q": article("q", "Outlet Q", f"The two leaders spoke for four hours on Wednesday.\n\n{report}")}
    assert [s.text for s in summarize(meeting("p", "q"), arts, 1)] == [agenda]
    assert [s.text for s in summarize(replace(meeting("p", "q"), previews=("p",)), arts, 1)] == [report]


def test_previews_are_the_articles_announcing_a_meeting_others_report():
    preview = art("p", "Biden to meet Xi in Woodside", "Joe Biden is set to meet Xi Jinping in Woodside on "
                  "Wednesday, the White House said.", date(2023, 11, 14))
    report = art("r", "Biden meets Xi", "Joe Biden met Xi Jinping in Woodside on Wednesday.", date(2023, 11, 15))
    assert [m.previews for m in group_meetings([preview, report])[0]] == [("p",)]
    assert [m.previews for m in group_meetings([preview])[0]] == [()]  # nothing reports it yet


def test_a_sentence_recalling_an_earlier_meeting_gives_way_to_one_reporting_this_one():
    recall = "The last meeting between Narendra Modi and Xi Jinping was in October 2019, in Mahabalipuram in India."
    report = "Narendra Modi and Xi Jinping agreed in Kazan that the border talks will resume at an early date."
    arts = {"p": article("p", "Outlet P", recall + "\n\n" + report),
            "q": article("q", "Outlet Q", recall + "\n\nThe two leaders met on the sidelines of the summit."),
            "r": article("r", "Outlet R", report + "\n\nThe two leaders spoke for an hour in the city.")}
    assert [s.text for s in summarize(meeting("p", "q", "r"), arts, 1)] == [report]
