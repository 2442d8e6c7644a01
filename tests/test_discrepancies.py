"""Where reports differ: durations and counts about the meeting that outlets state differently."""
from __future__ import annotations

from datetime import date

from generator.model import Article, Meeting
from generator.discrepancies import find_discrepancies, sentence_figures

PRINCIPALS = ("Antony Blinken", "Xi Jinping")


def article(aid: str, body: str) -> Article:
    return Article(id=aid, file=f"{aid}.md", title=aid, outlet=aid, url=None, published=None, text=body, body=body)


def find(*bodies: str):
    arts = {f"a{i}": article(f"a{i}", b) for i, b in enumerate(bodies)}
    m = Meeting(id="m", title="m", date=date(2023, 6, 19), location="Beijing", venue=None,
                participants=PRINCIPALS, articles=tuple(arts))
    return find_discrepancies(m, arts)


def test_a_35_minute_meeting_against_approximately_30_minutes():
    found = find("Blinken spoke with Xi during the 35-minute encounter in Beijing.",
                 "The 35-minute meeting sent a signal that both sides want calm.",
                 "The hope was that this meeting, lasting approximately 30 minutes, would help.")
    assert len(found) == 1
    d = found[0]
    assert d.about == "length of the meeting"
    assert [(v.text, v.sources) for v in d.versions] == [("35-minute", ("a0", "a1")),
                                                         ("approximately 30 minutes", ("a2",))]


def test_compatible_figures_are_not_a_discrepancy():
    assert find("Blinken met Xi for about 75 minutes on Friday.",
                "Blinken has met with Xi for more than an hour on Friday.",
                "The meeting lasted an hour and 15 minutes.") == ()


def test_talks_with_someone_else_and_time_offsets_are_ignored():
    assert sentence_figures("On Sunday, he held talks with China's foreign minister, Qin Gang, for more than seven hours.",
                            "a", PRINCIPALS) == []
    assert sentence_figures("Blinken left Beijing two hours after the meeting with Xi.", "a", PRINCIPALS) == []
    [f] = sentence_figures("The closed-door talks lasted around an hour and 40 minutes.", "a", PRINCIPALS)
    assert (round(f.low), round(f.high)) == (90, 110)


def test_counts_of_agreements_that_differ():
    found = find("Blinken and Xi signed four agreements at the meeting.", "The meeting produced 6 agreements on trade.")
    assert [d.about for d in found] == ["number of agreements"]
    assert {v.text for v in found[0].versions} == {"four agreements", "6 agreements"}


def test_the_seed_meeting_of_19_june_2023(seeds):
    from generator.clean import clean
    from generator.ingest import ingest

    arts = {a.id: a for a in clean(list(ingest(seeds).articles))}
    ids = tuple(a for a in arts if a.startswith(("002", "003", "004")))
    m = Meeting(id="m", title="m", date=date(2023, 6, 19), location="Beijing", venue=None,
                participants=PRINCIPALS, articles=ids)
    [d] = find_discrepancies(m, arts)
    texts = {v.text: v.sources for v in d.versions}
    assert texts["35-minute"] == tuple(a for a in ids if a.startswith(("002", "004")))
    assert texts["approximately 30 minutes"] == tuple(a for a in ids if a.startswith("003"))


def test_conflicting_meeting_dates_are_a_discrepancy():
    from datetime import date

    from generator.discrepancies import find_discrepancies
    from generator.model import Meeting, Version

    meeting = Meeting(id="m", title="m", date=date(2024, 1, 26), location=None, venue=None, participants=(),
                      articles=(), date_versions=(Version("2024-01-26", ("a",)), Version("2024-01-27", ("b",))))
    (found,) = find_discrepancies(meeting, {})
    assert found.about == "date of the meeting" and [v.sources for v in found.versions] == [("a",), ("b",)]
