"""Relative date resolution against the published date, tense-aware."""
from __future__ import annotations

from datetime import date

from generator.dates import find_dates, resolve_weekday

TUE = date(2023, 6, 20)  # a Tuesday


def days(text: str, published: date | None = TUE) -> list[date]:
    return [r.value for r in find_dates(text, published) if r.precision == "day"]


def test_past_weekday_is_the_one_just_gone():
    assert days("Blinken met Xi on Monday in Beijing.") == [date(2023, 6, 19)]


def test_future_weekday_is_the_coming_one():
    assert days("Blinken will meet Xi on Friday afternoon.", date(2023, 6, 21)) == [date(2023, 6, 23)]


def test_same_weekday_as_published_is_that_day():
    assert days("Blinken is set to meet Xi on Friday.", date(2024, 4, 26)) == [date(2024, 4, 26)]
    assert days("Yellen stressed on Friday that ...", date(2023, 7, 7)) == [date(2023, 7, 7)]


def test_report_published_a_day_later():
    assert days("Yellen met He in Beijing on Saturday.", date(2023, 7, 9)) == [date(2023, 7, 8)]


def test_weekday_with_explicit_date_and_day_parts():
    assert days("Monday (Jun 19)") == [date(2023, 6, 19)]
    assert days("the forum which starts on Friday (May 31)night", date(2024, 5, 31)) == [date(2024, 5, 31)]
    assert days("earlier on Monday", date(2023, 6, 19)) == [date(2023, 6, 19)]


def test_month_day_without_year_takes_the_nearest_year():
    assert days("TEHRAN, Dec. 30 (MNA)", date(2026, 1, 2)) == [date(2025, 12, 30)]
    assert days("on June 19, 2023", None) == [date(2023, 6, 19)]


def test_since_and_until_are_not_events():
    assert days("She has met a series of officials since Thursday.") == []


def test_months_and_years():
    refs = find_dates("They last met last November and plan a summit later this year.", TUE)
    assert [(r.text, r.value, r.precision) for r in refs] == [
        ("last November", date(2022, 11, 1), "month"), ("later this year", date(2023, 1, 1), "year")]


def test_no_anchor_no_relative_date():
    assert days("They met on Monday.", None) == []


def test_last_and_next_weekday():
    assert resolve_weekday(1, TUE, "past", "last") == date(2023, 6, 13)
    assert resolve_weekday(1, TUE, "past", "next") == date(2023, 6, 27)


def test_a_longer_tense_cue_wins_at_the_same_word():
    # "expected" alone reads as past; "expected to" is future
    text = "Trump and Xi are expected to meet in Busan on Thursday."
    assert [r.value for r in find_dates(text, date(2025, 10, 27))] == [date(2025, 10, 30)]
    # "scheduled" alone reads as past; "scheduled for" is future
    text = "The meetings, scheduled for Saturday and Sunday, come as both sides soften their tone."
    assert [r.value for r in find_dates(text, date(2025, 5, 7))] == [date(2025, 5, 10), date(2025, 5, 11)]


def test_in_a_year_is_a_year():
    refs = find_dates("When Biden met Xi in Bali in 2022, both promised a floor; the 2023-24 plan did not.",
                      date(2024, 2, 10))
    assert [(r.text, r.value, r.precision) for r in refs] == [("in 2022", date(2022, 1, 1), "year")]


def test_is_meeting_on_thursday_is_the_nearest_thursday_whatever_comes_after():
    text = ("Antony Blinken is meeting with top Chinese diplomat Wang Yi on Thursday \u2013 the latest in a series of "
            "increased high-level interactions.")
    assert [d.value for d in find_dates(text, date(2023, 7, 12))] == [date(2023, 7, 13)]
    assert [d.value for d in find_dates(text, date(2023, 7, 15))] == [date(2023, 7, 13)]


def test_planned_is_future_though_it_ends_in_ed():
    text = "Vladimir Putin and Xi Jinping planned more talks on Tuesday after a Kremlin dinner."
    assert [d.value for d in find_dates(text, date(2023, 3, 20))] == [date(2023, 3, 21)]
    assert [d.value for d in find_dates("Blinken met Wang on Tuesday.", date(2023, 3, 20))] == [date(2023, 3, 14)]
    # "the planned meeting" is no verb: the call was on the Friday gone
    text = "Bessent confirmed the planned Malaysia meeting after holding a video call with He on Friday."
    assert [d.value for d in find_dates(text, date(2025, 10, 18))] == [date(2025, 10, 17)]


def test_a_range_of_days_is_its_first_day_in_its_own_year():
    assert days("On July 28-29, 2025, the two sides held talks in Stockholm.", None) == [date(2025, 7, 28)]
    assert days("They met from January 26 to 27, 2024 in Bangkok.", date(2025, 7, 30)) == [date(2024, 1, 26)]
    assert days("The talks on 28\u201329 July 2025 ended.", None) == [date(2025, 7, 28)]
