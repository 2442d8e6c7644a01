"""Grouping articles into meetings: principals, dates, places, siblings, syndication, unassigned."""
from __future__ import annotations

import itertools
import time
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from generator.clean import clean
from generator.ingest import ingest
from generator.meetings import group_meetings, read_article, reports_meeting, sibling_mentions
from generator.people import find_people
from generator.model import Article, Unassigned

SHARED = Path(__file__).resolve().parents[2] / "shared"


def art(id_: str, title: str, body: str, published: date | None) -> Article:
    return Article(id=id_, file=f"{id_}.md", title=title, outlet="Test", url=None, published=published,
                   text=body, body=body)


LI = art("li", "Chinese Premier Li tells Yellen ties can improve",
         "Chinese Premier Li Qiang met with US Treasury Secretary Janet Yellen in Beijing on Friday.\n\n"
         "Li met Yellen at the Great Hall of the People. Yellen also met on Friday with Governor Yi Gang.",
         date(2023, 7, 8))
HE = art("he", "Yellen meets Chinese vice premier",
         "US Treasury Secretary Janet Yellen met Vice Premier He Lifeng in Beijing on Saturday.\n\n"
         "The talks lasted about four hours, officials said.", date(2023, 7, 9))
HE2 = art("he2", "Chinese vice premier meets with US treasury secretary",
          "Chinese Vice Premier He Lifeng on Saturday met with U.S. Treasury Secretary Janet Yellen in Beijing.",
          date(2023, 7, 10))


def test_same_visit_different_days_are_two_meetings_linked_as_siblings():
    meetings, unassigned = group_meetings([LI, HE, HE2])
    assert unassigned == []
    assert [m.id for m in meetings] == ["2023-07-08-yellen-he-lifeng", "2023-07-07-yellen-li-qiang"]
    he, li = meetings
    assert he.articles == ("he", "he2") and li.articles == ("li",)
    assert li.title == "Janet Yellen \u2013 Li Qiang, Beijing, 7 July 2023"
    assert li.venue == "Great Hall of the People" and li.location == "Beijing"
    assert he.siblings == (li.id,) and li.siblings == (he.id,)
    assert li.sibling_mentions == ("Yi Gang",)
    assert he.duration == "about four hours"


def test_preview_joins_the_meeting_it_previews():
    preview = art("p", "Blinken to meet Xi", "Secretary of State Antony Blinken is set to meet with Chinese "
                  "President Xi Jinping on Friday in Beijing.", date(2024, 4, 24))
    report = art("r", "Blinken meets Xi", "Blinken met Xi Jinping in Beijing on Friday.", date(2024, 4, 27))
    meetings, _ = group_meetings([preview, report])
    assert [(m.id, m.articles) for m in meetings] == [("2024-04-26-blinken-xi", ("p", "r"))]


def test_principals_known_or_not_group_and_name_the_meeting():
    # unknown to the gazetteer: named in full; leaders of other countries in it: by their surnames
    a = art("a", "Peters meets Xi", "New Zealand Foreign Minister Winston Peters met Chinese President Xi "
            "Jinping in Beijing on Monday.", date(2024, 6, 17))
    b = art("b", "Xi hosts Peters", "Xi Jinping held talks with Foreign Minister Winston Peters on Monday at "
            "the Great Hall of the People.", date(2024, 6, 18))
    c = art("c", "Albanese meets Xi", "Australian Prime Minister Anthony Albanese met Chinese President Xi "
            "Jinping in Beijing on Monday.\n\n\"It was a good meeting,\" Albanese told reporters.", date(2023, 11, 6))
    d = art("d", "Wang Yi meets Lavrov", "Chinese Foreign Minister Wang Yi held talks with Russian Foreign "
            "Minister Sergei Lavrov in Moscow on Tuesday.", date(2024, 4, 9))
    meetings, _ = group_meetings([a, b, c, d])
    assert sorted((m.id, m.participants) for m in meetings) == [
        ("2023-11-06-xi-albanese", ("Xi Jinping", "Anthony Albanese")),
        ("2024-04-09-wang-lavrov", ("Wang Yi", "Sergei Lavrov")),
        ("2024-06-17-xi-winston-peters", ("Xi Jinping", "Winston Peters"))]


def test_ties_between_counterparts():
    host = art("t", "Thai PM hosts talks", "Thai Prime Minister Srettha Thavisin said on Sunday that he welcomed "
               "the meeting between Wang Yi and Jake Sullivan in Bangkok.", date(2024, 1, 28))
    assert set(read_article(host).principals) == {"Jake Sullivan", "Wang Yi"}
    # equal weight on one side: the one named first, not the first in the alphabet
    visit = art("v", "Talks", "Blinken met Xi Jinping on Monday afternoon in Beijing, a day after his talks with "
                "Wang Yi.", date(2023, 6, 20))
    assert read_article(visit).principals == ("Antony Blinken", "Xi Jinping")


def test_articles_about_no_meeting_are_unassigned_with_a_reason():
    opinion = art("o", "Markets fall", "Stocks fell sharply on Monday as traders worried.", date(2023, 6, 20))
    undated = art("u", "Biden meets Xi", "Biden met Xi on Monday.", None)
    meetings, unassigned = group_meetings([opinion, undated])
    assert meetings == []
    assert [u.article for u in unassigned] == ["o", "u"] and all(u.reason for u in unassigned)


def test_an_undated_article_joins_its_principals_only_meeting():
    undated = art("u", "Yellen and He hold talks", "Janet Yellen met He Lifeng in Beijing on Saturday.", None)
    meetings, unassigned = group_meetings([LI, HE, HE2, undated])
    assert unassigned == [] and [m.articles for m in meetings if "u" in m.articles] == [("he", "he2", "u")]
    # two meetings of theirs: the day of the week it names tells which, if only one was on that day
    later = art("later", "Yellen meets He again", "Janet Yellen met He Lifeng in Beijing on Monday.",
                date(2023, 11, 7))
    no_day = art("n", "Yellen and He hold talks", "Janet Yellen met He Lifeng in Beijing.", None)
    friday = art("f", "Yellen and He hold talks", "Janet Yellen met He Lifeng in Beijing on Friday.", None)
    meetings, unassigned = group_meetings([HE, later, undated, no_day, friday])
    assert len(meetings) == 2 and [m.articles for m in meetings if "u" in m.articles] == [("he", "u")]
    assert [(u.article, u.reason.split(", and ")[1]) for u in unassigned] == [
        ("f", "Janet Yellen and He Lifeng met 2 times, none on a Friday"),
        ("n", "Janet Yellen and He Lifeng met 2 times")]


def test_an_undated_article_never_joins_a_meeting_in_another_country():
    hangzhou = art("h", "Obama and Xi meet in Hangzhou", "Barack Obama met Xi Jinping in Hangzhou on Saturday.",
                   date(2016, 9, 3))
    sunnylands = art("s", "Obama and Xi meet at Sunnylands", "Barack Obama and Xi Jinping met at the Sunnylands "
                     "estate in Rancho Mirage on Saturday.", None)
    meetings, unassigned = group_meetings([hangzhou, sunnylands])
    assert [m.articles for m in meetings] == [("h",)]
    assert [(u.article, u.reason.split(", and ")[1]) for u in unassigned] == [
        ("s", "Barack Obama and Xi Jinping met 1 times, none in US")]
    # a report naming the summit's city near the meeting's is the same meeting
    nearby = art("n", "Biden and Xi meet", "Joe Biden met Xi Jinping in San Francisco.", None)
    woodside = art("w", "Biden and Xi meet", "Joe Biden met Xi Jinping in Woodside on Wednesday.", date(2023, 11, 15))
    meetings, unassigned = group_meetings([woodside, nearby])
    assert [m.articles for m in meetings] == [("w", "n")] and unassigned == []


def test_a_day_after_since_is_not_the_meetings():
    a = art("a", "Biden welcomes Netanyahu", "Joe Biden welcomed Benjamin Netanyahu at the White House on Thursday. "
            "It is their first meeting since the president visited Israel after the attack on October 7, 2023.", None)
    reading = read_article(a)
    assert reading.date is None and reading.weekday == 3
    b = art("b", "Biden and Xi meet", "Their first meeting since last year, Biden and Xi met on Nov. 15, 2023.", None)
    assert read_article(b).date == date(2023, 11, 15)  # a meeting cue between: the meeting's day
    c = art("c", "Biden and Xi talk", "Joe Biden held his fifth call since taking office with Xi Jinping on "
            "Thursday.", date(2022, 7, 29))
    assert read_article(c).date == date(2022, 7, 28)  # a day of the week: the call's, after "since" or not


def test_a_call_with_a_counterpart_today_is_no_recalled_meeting():
    a = art("a", "US policy on Taiwan has not changed, Biden tells Xi", "Joe Biden held a phone call with his Chinese "
            "counterpart on Thursday.\n\nAn official noted that Xi Jinping used similar language during his call with "
            "Biden last November.", date(2022, 7, 28))
    reading = read_article(a)
    assert reading.reason is None and reading.date == date(2022, 7, 28) and reading.mode == "phone"


def test_an_organisation_after_a_rank_is_no_person():
    a = art("a", "Blinken meets Chinese vice president on sidelines of UN General Assembly", "Antony Blinken met Han "
            "Zheng on the sidelines of the UN General Assembly in New York on Monday.", date(2023, 9, 18))
    assert read_article(a).principals == ("Antony Blinken", "Han Zheng")
    assert [m.name for m in find_people("Blinken spoke at the UN General Assembly.")] == ["Antony Blinken"]


def test_a_meeting_sentence_about_the_remarks_before_it_takes_their_day():
    a = art("a", "Xi calls on China, S. Korea to promote sound ties", "Chinese President Xi Jinping on Friday called "
            "on China and South Korea to promote sound ties.\n\nXi made the remarks in his meeting with South Korean "
            "President Yoon Suk-yeol on the sidelines of the APEC meeting.", date(2024, 11, 16))
    reading = read_article(a)
    assert reading.date == date(2024, 11, 15) and reading.explicit


def test_discussions_and_a_dialogue_report_a_meeting():
    assert reports_meeting("During her discussions with Chinese President Xi Jinping on Monday, Meloni spoke.")
    assert reports_meeting("Yang Jiechi held a dialogue with Mike Pompeo on Tuesday in Hawaii.")
    assert not reports_meeting("The Shangri-La Dialogue opens in Singapore on Friday.")


def test_conflicting_dates_are_kept_and_syndicated_copies_found():
    text = ("President Joe Biden met Chinese President Xi Jinping on Wednesday at the Filoli estate, "
            "speaking for four hours about fentanyl, military talks and Taiwan in a long-awaited summit.")
    a = art("a", "Biden meets Xi", text, date(2023, 11, 15))
    b = art("b", "Biden meets Xi", text + " More to follow.", date(2023, 11, 15))
    c = art("c", "Biden and Xi meet", "Biden met Xi on Nov 14 near San Francisco.", date(2023, 11, 15))
    (meeting,), _ = group_meetings([a, b, c])
    assert meeting.date == date(2023, 11, 15) and meeting.location == "Woodside"
    assert [(v.text, v.sources) for v in meeting.date_versions] == [("2023-11-14", ("c",)), ("2023-11-15", ("a", "b"))]
    assert meeting.syndicated == (("a", "b"),)


def test_id_is_stable_when_an_article_is_added():
    before, _ = group_meetings([HE])
    after, _ = group_meetings([HE, HE2])
    assert before[0].id == after[0].id


def test_one_principal_joins_the_matching_meeting():
    lone = art("l", "Yellen meets Chinese officials", "Janet Yellen met senior officials on Saturday in Beijing.",
               date(2023, 7, 9))
    assert read_article(lone).principals == ("Janet Yellen",)
    meetings, unassigned = group_meetings([LI, HE, lone])
    assert unassigned == [] and "l" in meetings[0].articles


def test_people_named_after_the_meeting_clause_were_not_met():
    a = art("a", "Biden and Xi meet in Lima",
            "Joe Biden met Xi Jinping for the last time on Saturday in Lima as the prospect of Donald Trump's return "
            "hung over the talks.\n\nBiden also met with Trump's pick for envoy, and later met Fumio Kishida.",
            date(2024, 11, 16))
    assert sibling_mentions([a], ("Joe Biden", "Xi Jinping"), date(2024, 11, 16)) == ("Fumio Kishida",)


def test_seeds_make_exactly_two_meetings():
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    meetings, unassigned = group_meetings(clean(ingest(seeds).articles))
    assert unassigned == []
    assert [(m.id, m.location, m.venue, m.articles) for m in meetings] == [
        ("2024-04-26-blinken-xi", "Beijing", "Great Hall of the People", ("000-677c210fb78270ba", "001-5ddc337825c21bd5")),
        ("2023-06-19-blinken-xi", "Beijing", "Great Hall of the People",
         ("002-3063c941ba2089c9", "003-212b223e0a789ae4", "004-bcef869dcd8911db")),
    ]
    assert meetings[1].sibling_mentions == ("Qin Gang", "Wang Yi") and meetings[1].duration == "35 minutes"


@pytest.fixture(scope="module")
def dev():
    folder = SHARED / "corpus" / "dev"
    if not (folder / "articles").is_dir():
        pytest.skip(f"the dev corpus is not here ({folder}): it lives beside the repo in ../shared")
    return clean(ingest(folder / "articles").articles), yaml.safe_load((folder / "gold.yml").read_text())


def test_dev_corpus_grouping_and_dates(dev):
    articles, gold = dev
    meetings, unassigned = group_meetings(articles)
    assert unassigned == []
    pred = {Path(a).stem: m for m in meetings for a in m.articles}
    truth = {Path(a["file"]).stem: a["meeting"] for a in gold["articles"]}
    pairs = list(itertools.combinations(truth, 2))
    assert all((truth[x] == truth[y]) == (pred[x].id == pred[y].id) for x, y in pairs)
    for g in gold["meetings"]:
        votes = Counter(pred[k].id for k, v in truth.items() if v == g["id"])
        m = next(m for m in meetings if m.id == votes.most_common(1)[0][0])
        assert (m.date, m.location, set(m.participants)) == (g["date"], g["location"], set(g["participants"]))


def test_grouping_is_fast_and_deterministic(dev):
    articles, _ = dev
    big = [replace(a, id=f"{a.id}-{k}", published=a.published + timedelta(weeks=3 * k) if a.published else None)
           for k in range(30) for a in articles]
    start = time.perf_counter()
    first = group_meetings(big)
    assert time.perf_counter() - start < 5
    assert group_meetings(list(reversed(big))) == first
    assert sum(len(m.articles) for m in first[0]) + len(first[1]) == len(big)


def test_a_meeting_in_xian_is_not_a_meeting_with_xi():
    a = art("a", "Li Qiang meets Lula in Xi'an", "Chinese Premier Li Qiang met Brazilian President Luiz Inacio "
            "Lula da Silva in Xi'an on Monday. The two sides signed trade deals.", date(2024, 5, 20))
    meetings, _ = group_meetings([a])
    assert [(m.participants, m.location) for m in meetings] == [
        (("Li Qiang", "Luiz Inácio Lula da Silva"), "Xi'an")]


def test_calls_and_virtual_summits_are_meetings():
    video = art("v", "Biden and Xi hold video call as tensions simmer", "U.S. President Joe Biden and Chinese "
                "President Xi Jinping spoke by video link on Monday for more than three hours, the White House "
                "said.\n\nThe call covered Taiwan and trade.", date(2021, 11, 16))
    phone = art("p", "Trump says call with Xi was very good", "President Donald Trump said he had a very good "
                "phone call with Chinese President Xi Jinping on Thursday.", date(2025, 6, 5))
    meetings, unassigned = group_meetings([video, phone])
    assert unassigned == []
    assert sorted((m.id, m.duration) for m in meetings) == [
        ("2021-11-15-biden-xi", "more than three hours"), ("2025-06-05-trump-xi", None)]


def test_a_call_with_someone_else_does_not_make_the_meeting_a_call():
    a = art("a", "Xi arrives in Moscow", "Vladimir Putin welcomed Xi Jinping in Moscow on Monday. After the "
            "talks, Xi is expected to speak by video link with Volodymyr Zelensky.", date(2023, 3, 20))
    reading = read_article(a)
    assert reading.mode is None and "Moscow" in reading.places
    call = art("c", "Biden and Xi talk", "Joe Biden and Xi Jinping spoke by phone on Tuesday, national security "
               "adviser Jake Sullivan told reporters.", date(2024, 4, 2))
    assert read_article(call).mode == "phone"


def test_a_place_offered_as_one_of_two_is_no_vote():
    a = art("a", "Starmer meets Xi at the G20", "Keir Starmer met Xi Jinping on Monday. Starmer suggested their next "
            "meeting be held in London or Beijing.", date(2024, 11, 18))
    assert read_article(a).places == {}


def test_a_possible_meeting_and_a_past_one_weigh_nothing():
    a = art("a", "Yellen says her talks in Beijing were productive",
            "Janet Yellen met He Lifeng for five hours on Saturday. Her trip comes ahead of a possible meeting "
            "between Biden and Xi Jinping at the G20 summit in New Delhi. The two avoided each other at a G20 "
            "meeting last summer in Bali.", date(2023, 7, 9))
    reading = read_article(a)
    assert set(reading.principals) == {"Janet Yellen", "He Lifeng"}
    assert "Bali" not in reading.places and "New Delhi" not in reading.places
    later = art("b", "Biden and Xi agreed to talk more", "Joe Biden and Xi Jinping met last week in Lima.",
                date(2024, 11, 22))
    assert "Lima" in read_article(later).places


def test_the_place_of_a_previous_encounter_or_one_since_which_is_no_vote():
    a = art("a", "Zelenskyy, Trump speak in Rome in first meeting since Oval Office bust-up",
            "Volodymyr Zelenskyy spoke with Donald Trump on Saturday morning in Rome in the two leaders\u2019 first "
            "encounter since their disastrous meeting at the White House in February.", date(2025, 4, 26))
    assert set(read_article(a).places) == {"Rome"}
    b = art("b", "Wang Yi and Blinken meet", "In a meeting in Vientiane, Wang Yi and Antony Blinken reaffirmed their "
            "commitment to dialogue, as agreed during the previous encounter in San Francisco.", date(2024, 7, 27))
    assert set(read_article(b).places) == {"Vientiane"}


def test_a_joint_news_conference_reports_a_meeting():
    a = art("a", "The President's News Conference With Prime Minister Fumio Kishida of Japan",
            "President Biden. Good afternoon. It is an honor to stand here with Prime Minister Kishida at the "
            "White House.", date(2024, 4, 10))
    reading = read_article(a)
    assert reading.reason is None and set(reading.principals) == {"Joe Biden", "Fumio Kishida"}


def test_negotiations_between_two_leaders_report_a_meeting():
    assert reports_meeting("Negotiations between Vladimir Putin and Kim Jong Un have concluded in Pyongyang.")
    assert not reports_meeting("Trade negotiations have stalled since the spring.")
    assert not reports_meeting("The two sides are working toward holding a meeting between Biden and Xi next month.")


def test_the_date_nearest_the_meeting_and_a_venue_only_after_in():
    said = art("k", "Kremlin says talks with Xi were warm", "The Kremlin said on Friday that President Vladimir "
               "Putin and Chinese President Xi Jinping held warm talks in the Kremlin on Thursday.", date(2024, 5, 17))
    later = art("b", "Biden meets Xi", "Biden met Xi in Woodside on Wednesday, the White House said on Thursday.",
                date(2023, 11, 16))
    meetings, _ = group_meetings([said, later])
    assert sorted((m.id, m.location, m.venue) for m in meetings) == [
        ("2023-11-15-biden-xi", "Woodside", None), ("2024-05-16-xi-putin", "Moscow", "Kremlin")]


def test_the_place_is_the_city_with_most_votes_a_venue_counting_for_its_city():
    # a venue named once in passing ("the Kremlin") does not outvote the city every report gives
    sochi = [art(f"s{i}", "Putin hosts Erdogan in Sochi", f"Vladimir Putin met Recep Tayyip Erdogan in Sochi on "
                 f"Wednesday{extra}.", date(2021, 9, 29))
             for i, extra in enumerate(["", ", after two weeks of self-isolation at the Kremlin", ""])]
    # a venue says more than the city of the summit around it
    filoli = art("f", "Biden and Xi meet on APEC sidelines", "Joe Biden met Xi Jinping in San Francisco on "
                 "Wednesday, at the Filoli estate, on the sidelines of the APEC summit in San Francisco.",
                 date(2023, 11, 15))
    meetings, _ = group_meetings([*sochi, filoli])
    assert sorted((m.location, m.venue) for m in meetings) == [("Sochi", None), ("Woodside", "Filoli estate")]


def test_the_day_of_the_remarks_and_a_date_with_its_number_over_a_weekday_alone():
    # the remarks were made on Tuesday; Monday is the arrival
    remarks = art("r", "Xi meets South African president", "Chinese President Xi Jinping said on Tuesday that he is "
                  "willing to work with his South African counterpart, Cyril Ramaphosa.\n\n"
                  "At a new starting point, Xi said, the two countries share common aspirations.\n\n"
                  "Xi made the remarks in a meeting with Ramaphosa after arriving on Monday for a state visit, where "
                  "he will also attend the BRICS Summit.", date(2023, 8, 22))
    # "on Monday, Jan. 9" is the meeting's; "Tuesday's summit" another event's
    numbered = art("n", "AMLO and Biden talks get off to a rocky start", "The bilateral meeting between Mexican "
                   "President Andrés Manuel López Obrador and U.S. President Joe Biden on Monday, Jan. 9, ahead of "
                   "Tuesday's North American Leaders' Summit, got off to a rocky start.", date(2023, 1, 11))
    assert [read_article(a).date for a in (remarks, numbered)] == [date(2023, 8, 22), date(2023, 1, 9)]


def test_one_principal_telling_the_other_dates_the_meeting_like_a_meeting_sentence():
    # the later sentence has a meeting word and names both, but its Monday is another meeting's
    a = art("a", "Raimondo stresses ties with China's premier",
            "Commerce Secretary Gina Raimondo told Chinese Premier Li Qiang on Tuesday the US wants to maintain "
            "economic ties with Beijing.\n\n"
            "Along with Premier Li, Raimondo attended a four-hour bilateral meeting with Wang Wentao on Monday.",
            date(2023, 8, 29))
    assert read_article(a).date == date(2023, 8, 29)


def test_an_article_recalling_an_earlier_meeting_reports_none():
    opinion = art("op", "Opinion: America's China policy needs a reset", "When Joe Biden met Xi Jinping in Bali "
                  "in 2022, both men promised to put a floor under the relationship. That floor has cracked.",
                  date(2024, 2, 10))
    report = art("rep", "China and US seek to stabilise ties in Busan talks", "Donald Trump and Xi Jinping held "
                 "talks in Busan, their first since their last meeting in Osaka in 2019.", date(2025, 10, 30))
    meetings, unassigned = group_meetings([opinion, report])
    assert [m.id for m in meetings] == ["2025-10-30-trump-xi"]
    assert unassigned == [Unassigned("op", "the lead recalls an earlier meeting (in 2022), not one it reports")]


def test_places_beyond_the_usual_capitals():
    leads = [("Blinken meets Netanyahu", "Antony Blinken met Benjamin Netanyahu in Jerusalem on Monday."),
             ("Putin and Modi hold informal talks", "Vladimir Putin welcomed Narendra Modi at his Novo-Ogaryovo "
                                                   "residence outside Moscow on Monday."),
             ("Biden meets Saudi crown prince", "Joe Biden met Mohammed bin Salman in Jeddah on Friday.")]
    places = [max(read_article(art("a", t, b, date(2024, 6, 11))).places.items(), key=lambda kv: kv[1])[0]
              for t, b in leads]
    assert places == ["Jerusalem", "Novo-Ogaryovo", "Jeddah"]


def test_a_city_after_a_description_of_it_is_the_place():
    leads = [("Modi and Xi hold talks", "Narendra Modi held talks with Xi Jinping in the port city of Tianjin on "
                                        "Sunday."),
             ("Lavrov and Rubio meet", "Sergei Lavrov met Marco Rubio in the Saudi capital, Riyadh, on Tuesday."),
             ("Blinken meets Wang", "Antony Blinken met Wang Yi in the southern Chinese city of Shenzhen on Friday.")]
    places = [read_article(art("a", t, b, date(2025, 8, 31))).places for t, b in leads]
    assert [list(p) for p in places] == [["Tianjin"], ["Riyadh"], ["Shenzhen"]]
    # the city is named, but not as where anyone is
    named = read_article(art("b", "Xi meets Putin", "Xi Jinping met Vladimir Putin on Friday, the Chinese capital's "
                                                     "state media said, citing Beijing officials.", date(2025, 5, 9)))
    assert named.places == {}


@pytest.mark.parametrize("opening, city", [
    ("ANCHORAGE, Alaska (AP) — ", "Anchorage"),
    ("SINGAPORE (Reuters) - ", "Singapore"),
    ("(WASHINGTON) -- ", "Washington"),
    ("MOSCOW, Aug. 28 (Xinhua) -- ", "Moscow"),
    ("KAZAN, October 22. /TASS/. ", "Kazan"),
    ("Busan/IBNS: ", "Busan"),
    ("November 6, 2023, Beijing – ", "Beijing"),
    ("Skip to content\nNEW DELHI, Dec 5 (Reuters) - ", "New Delhi"),
    ("Chinese President Xi Jinping — ", None),  # not a city
    ("WASHINGTON/BEIJING — ", None),  # a story filed from two cities: neither is where the meeting was
])
def test_the_dateline_city_is_a_weak_vote_for_the_place(opening, city):
    body = opening + "Donald Trump and Xi Jinping held talks on Friday."
    reading = read_article(art("a", "Trump and Xi hold talks", body, date(2025, 8, 15)))
    assert reading.places == ({city: 0.5} if city else {})
    # a place the lead gives wins over the dateline
    elsewhere = read_article(art("b", "Trump and Xi hold talks", opening + "Donald Trump and Xi Jinping held "
                                 "talks in Busan on Friday.", date(2025, 8, 15)))
    assert max(elsewhere.places, key=elsewhere.places.get) == "Busan"


def test_a_dateline_in_another_country_than_the_lead_says_is_no_vote():
    a = art("a", "Senior Chinese, U.S. diplomats hold dialogue", "BEIJING, June 18 (Xinhua) -- Yang Jiechi held a "
            "dialogue with Mike Pompeo on Wednesday in the U.S. state of Hawaii.", date(2020, 6, 18))
    assert read_article(a).places == {}


def test_a_call_has_no_place_and_says_how_it_was_held():
    call = [art("a", "Trump and Xi hold phone call", "Donald Trump and Xi Jinping spoke by phone on Friday, Trump "
                "said from the Oval Office in Washington.", date(2025, 9, 19)),
            art("b", "Xi tells Trump in call to avoid unilateral steps", "Xi Jinping told Donald Trump in a phone call "
                "on Friday that Washington should avoid unilateral steps, Xinhua reported from Beijing.",
                date(2025, 9, 19)),
            art("c", "Biden and Xi hold virtual summit", "Joe Biden and Xi Jinping held a virtual summit on Monday "
                "evening, their most extensive talks since Biden took office.", date(2021, 11, 16)),
            # in person: a call only recalled after the meeting's own sentence
            art("d", "Biden meets Xi in Woodside", "Joe Biden met Xi Jinping in Woodside on Wednesday.\n\n"
                "The two leaders last spoke by phone in July.", date(2023, 11, 15))]
    meetings, _ = group_meetings(call)
    assert sorted((m.id, m.mode, m.location, m.title) for m in meetings) == [
        ("2021-11-15-biden-xi", "video", None, "Joe Biden – Xi Jinping, by video link, 15 November 2021"),
        ("2023-11-15-biden-xi", None, "Woodside", "Joe Biden – Xi Jinping, Woodside, 15 November 2023"),
        ("2025-09-19-trump-xi", "phone", None, "Donald Trump – Xi Jinping, by phone, 19 September 2025")]
    # one article of three calling it a call does not make it one
    visit = [art(i, "Biden meets Xi", f"Joe Biden met Xi Jinping in Woodside on Wednesday ({i}).", date(2023, 11, 15))
             for i in "pq"] + [art("r", "Biden, Xi talk", "Joe Biden and Xi Jinping held talks by video link on "
                                   "Wednesday.", date(2023, 11, 15))]
    assert [(m.mode, m.location) for m in group_meetings(visit)[0]] == [(None, "Woodside")]


def test_a_call_that_does_not_say_how_is_by_phone():
    a = art("a", "Hegseth tries to calm tensions in call with Chinese defense minister", "Pete Hegseth held a "
            "candid call with Dong Jun on Tuesday, the Pentagon said. Both men attended a forum in Singapore in May.",
            date(2025, 9, 10))
    reading = read_article(a)
    assert reading.mode == "phone" and reading.places == {}


def test_a_title_case_headline_verb_is_no_part_of_a_name():
    a = art("a", "Putin, US Envoy Steve Witkoff Meet in Moscow",
            "Russian President Vladimir Putin met US special envoy Steve Witkoff in Moscow on Friday.",
            date(2025, 4, 25))
    assert set(read_article(a).principals) == {"Vladimir Putin", "Steve Witkoff"}
    b = art("b", "Putin, Envoy Mark Lowe Meet In Moscow", "Mark Lowe met Vladimir Putin on Friday.",
            date(2025, 4, 25))
    assert set(read_article(b).principals) == {"Vladimir Putin", "Mark Lowe"}


def test_people_named_in_passing_possessives_or_a_hypothetical_meeting_are_not_principals():
    # "under President Trump", "since President Trump took office", "amid Trump's push", "a potential meeting
    # between Trump and Putin": Trump is named in every sentence, the meeting is Rubio's and Lavrov's
    a = art("a", "US, Russia hold five-hour talks in Saudi Arabia",
            "Russia and the U.S. agreed Tuesday to start work on ending the war, the two countries' top diplomats "
            "said after talks that reflected an about-face in policy under President Donald Trump.\n\n"
            "Secretary of State Marco Rubio said he and Sergei Lavrov agreed on three goals after the talks.\n\n"
            "They were the first talks since President Donald Trump took office.\n\n"
            "The meeting took place amid Donald Trump's push to end the war. The talks were expected to prepare "
            "a potential meeting between Donald Trump and Vladimir Putin.\n\n"
            "Sergei Lavrov said the meeting with Rubio was useful.", date(2025, 2, 18))
    assert set(read_article(a).principals) == {"Marco Rubio", "Sergei Lavrov"}


def test_someone_named_with_an_abbreviated_country_after_since_is_named_in_passing():
    # "since U.S. President Joe Biden took office": the dots of "U.S." had hidden the "since" before the name
    a = art("a", "US, China military leaders meet at Singapore dialogue",
            "U.S. and Chinese military leaders held talks Friday, for the first time since U.S. President Joe Biden "
            "took office.\n\n"
            "U.S. Defense Secretary Lloyd Austin and Chinese Minister of National Defense General Wei Fenghe met "
            "face-to-face on the sidelines of the Shangri-La Dialogue.", date(2022, 6, 10))
    assert set(read_article(a).principals) == {"Lloyd Austin", "Wei Fenghe"}


def test_sitting_alongside_someone_reports_a_meeting():
    a = art("a", "Australia Will Get Submarines As PM Albanese Visits, Trump Says",
            "US President Donald Trump said Australia would get nuclear-powered submarines and signed a deal on rare "
            "earth minerals with Prime Minister Anthony Albanese.\n\n"
            "\u201cThe submarines are really moving along,\u201d Trump told reporters as he sat alongside Albanese in "
            "the cabinet room of the White House on Monday.", date(2025, 10, 21))
    reading = read_article(a)
    assert set(reading.principals) == {"Donald Trump", "Anthony Albanese"} and reading.reason is None
    assert reading.date == date(2025, 10, 20)


def test_the_days_of_a_range_are_another_events():
    a = art("a", "Xi ready to work closely with Tinubu",
            "Chinese President Xi Jinping met President Bola Tinubu at the Great Hall in Beijing.\n\n"
            "The meeting precedes the summit of the Forum on China-Africa Cooperation scheduled for September 4 to "
            "September 6 in Beijing.", date(2024, 9, 3))
    assert read_article(a).date == date(2024, 9, 3)
    b = art("b", a.title, a.body.replace("September 4 to September 6", "September 4-6"), date(2024, 9, 3))
    assert read_article(b).date == date(2024, 9, 3)


def test_a_day_in_a_clause_about_another_event_is_not_the_meetings():
    a = art("a", "Trump and Starmer meet at White House",
            "Keir Starmer is the second European leader to meet Donald Trump this week after French President "
            "Emmanuel Macron came to the White House on Monday.", date(2025, 2, 27))
    assert read_article(a).date == date(2025, 2, 27)
    b = art("b", "Xi and Obama hold talks",
            "Xi Jinping held a ceremony to welcome Barack Obama, who arrived in Beijing Monday to attend the "
            "summit, before their talks on Wednesday.", date(2014, 11, 12))
    assert read_article(b).date == date(2014, 11, 12)
    # a meeting word in the clause keeps its day: "Trump, who met Xi on Thursday, said"
    c = art("c", "Trump says talks went well", "Donald Trump, who met Xi Jinping on Thursday, said the talks "
            "went well.", date(2025, 10, 31))
    assert read_article(c).date == date(2025, 10, 30)


def test_the_two_named_around_a_meeting_verb_are_the_principals():
    # Trump is named in the headline and the lead's meeting sentences, as much as Xi; only Modi and Xi are named
    # on either side of "met"
    a = art("a", "Elephant and dragon unite: PM Modi-Xi send a message to Trump",
            "Prime Minister Narendra Modi met Chinese President Xi Jinping on Sunday, seeking to mend ties amid "
            "the tariffs of US President Donald Trump.\n\n"
            "Mutual trust must guide ties, Modi told Xi as the two leaders met.\n\n"
            "The bilateral began with a handshake, sending a message to US President Donald Trump.",
            date(2025, 8, 31))
    assert set(read_article(a).principals) == {"Narendra Modi", "Xi Jinping"}
    # someone met, and no one named on the other side of the verb: no more weight to either
    b = art("b", "Yellen ends China visit",
            "Treasury Secretary Janet Yellen met with Chinese officials on Saturday and with Vice Premier He Lifeng. "
            "Yellen met with business leaders too. Yellen met with climate experts.", date(2023, 7, 9))
    assert set(read_article(b).principals) == {"Janet Yellen", "He Lifeng"}


def test_people_named_inside_a_quotation_or_a_probable_meeting_are_not_principals():
    # Kim is named more than Trump, but in Lee's words and in a meeting that may come
    a = art("a", "South Korean president pleads for peace at the White House",
            "President Lee Jae Myung held his first summit at the White House on Monday.\n\n"
            "\u201cI look forward to your meeting with Chairman Kim Jong Un,\u201d Lee told President Donald Trump.\n\n"
            "\u201cChairman Kim Jong Un will be waiting for a summit with you,\u201d Lee said.\n\n"
            "Trump hinted at a probable meeting with Kim Jong Un later this year.", date(2025, 8, 25))
    assert set(read_article(a).principals) == {"Donald Trump", "Lee Jae-myung"}
    assert not reports_meeting("Trump hinted at a probable meeting with Kim Jong Un later this year.")


def test_two_people_named_as_a_pair_weigh_as_in_a_meeting_sentence_unless_after_between():
    # the headline has no meeting word, but "Trump and Zelenskyy clash" is their encounter; Vance is named more
    a = art("a", "Trump and Zelenskyy clash in the Oval Office",
            "A White House meeting unraveled into a heated exchange on Friday as President Donald Trump, Vice "
            "President JD Vance and Ukrainian President Volodymyr Zelenskyy sparred over the war.\n\n"
            "The meeting began with Vance advocating for diplomacy. Zelenskyy swiftly rejected the notion.\n\n"
            "Vance fired back, accusing Zelenskyy of being disrespectful.", date(2025, 2, 28))
    assert set(read_article(a).principals) == {"Donald Trump", "Volodymyr Zelensky"}
    # "a possible summit between Biden and Xi" is no meeting, and no pair of its own
    b = art("b", "US, Chinese senior officials likely discussed possible Biden-Xi summit",
            "The officials also likely discussed a possible summit between US President Joe Biden and Chinese "
            "President Xi Jinping.\n\n"
            "National Security Advisor Jake Sullivan and Chinese Foreign Minister Wang Yi met in Malta over the "
            "weekend.", date(2023, 9, 18))
    assert set(read_article(b).principals) == {"Jake Sullivan", "Wang Yi"}


def test_someone_and_his_colleague_acting_together_report_an_encounter():
    a = art("a", "Biden, Lula pledge to defend democracy in the Americas",
            "The two largest countries in the Americas had defended their democracies.\n\n"
            "President Joe Biden and his Brazilian colleague Luiz Inacio Lula da Silva announced at the White House "
            "that they would collaborate on the climate.", date(2023, 2, 12))
    reading = read_article(a)
    assert reading.reason is None and set(reading.principals) == {"Joe Biden", "Luiz Inácio Lula da Silva"}


def test_a_call_or_speaking_with_someone_is_an_encounter():
    a = art("a", "Mexico president touts 'excellent' Trump call, promises collaboration",
            "Mexican President Claudia Sheinbaum thanked Donald Trump for an \u201cexcellent and respectful\u201d "
            "call on Thursday.", date(2025, 3, 6))
    b = art("b", "Mexico breathes easier", "On Thursday morning, Claudia Sheinbaum spoke with Donald Trump "
            "about his tariffs.", date(2025, 3, 6))
    assert [(r.reason, r.date) for r in map(read_article, (a, b))] == [(None, date(2025, 3, 6))] * 2


def test_a_day_in_a_sentence_about_one_principal_that_reports_no_encounter_is_not_the_meetings():
    a = art("a", "Putin met Kim Jong Un at the Vostochny cosmodrome",
            "Vladimir Putin and Kim Jong Un met at the Vostochny Cosmodrome in the Amur Region.\n\n"
            "Kim Jong Un arrived in Russia on September 12 by armored train.", date(2023, 9, 13))
    b = art("b", "Putin, US Envoy Witkoff Meet in Moscow", "A discussion between Vladimir Putin and Steve Witkoff "
            "began in Moscow on Friday.", date(2025, 4, 27))
    assert [read_article(x).date for x in (a, b)] == [date(2023, 9, 13), date(2025, 4, 25)]


def test_her_counterpart_is_the_one_named_beside_her_later_and_two_acting_together_report_an_encounter():
    a = art("a", "Stable US-China ties 'profoundly important': Raimondo",
            "US Commerce Secretary Gina Raimondo met with her Chinese counterpart in Beijing on Monday.\n\n"
            "The trips could culminate in a meeting between their leaders, with Joe Biden saying he expected to "
            "sit down with Xi Jinping this year.\n\n"
            "Raimondo met on Monday morning with Chinese Commerce Minister Wang Wentao.", date(2023, 8, 28))
    b = art("b", "Humans, not AI, should control nuclear arms", "Joe Biden and Xi Jinping agreed on Saturday "
            "that humans, not artificial intelligence, should make decisions over nuclear weapons.", date(2024, 11, 17))
    assert [(set(r.principals), r.date) for r in map(read_article, (a, b))] == [
        ({"Gina Raimondo", "Wang Wentao"}, date(2023, 8, 28)), ({"Joe Biden", "Xi Jinping"}, date(2024, 11, 16))]


def test_a_name_used_as_a_modifier_is_no_participant():
    a = art("a", "Top Biden aide meets China President Xi in Beijing",
            "US National Security Adviser Jake Sullivan met Chinese President Xi Jinping in Beijing on Thursday, "
            "the Biden administration said.\n\nSullivan also met Wang Yi.", date(2024, 8, 29))
    assert set(read_article(a).principals) == {"Jake Sullivan", "Xi Jinping"}


def test_two_who_open_a_sentence_and_met_are_its_pair_and_a_day_after_who_is_another_event_s():
    a = art("a", "Mexico, Canada sign deal to uphold USMCA",
            "Mexican President Claudia Sheinbaum said on Thursday that the best path forward is to uphold the "
            "USMCA.\n\nThe agreement comes after months of trade volatility driven by US President Donald Trump, "
            "who has threatened to withdraw from the pact.\n\n\u201cI am confident,\u201d said Sheinbaum.\n\n"
            "On Thursday, Prime Minister Mark Carney and President Sheinbaum met to announce an action plan.",
            date(2025, 9, 19))
    b = art("b", "Beijing's defense chief meets Hegseth",
            "Dong Jun met U.S. counterpart Pete Hegseth in Malaysia on Friday, a day after Presidents Xi Jinping "
            "and Donald Trump met in South Korea.", date(2025, 10, 31))
    c = art("c", "South Korea, China foreign ministers pledge to work together",
            "The foreign ministers of South Korea and China pledged on Thursday to work together.\n\n"
            "South Korea's Kang Kyung-wha held talks with her Chinese counterpart Wang Yi who arrived in Seoul late "
            "on Wednesday.", date(2020, 11, 26))
    assert [(set(r.principals), r.date) for r in map(read_article, (a, b, c))] == [
        ({"Claudia Sheinbaum", "Mark Carney"}, date(2025, 9, 18)), ({"Dong Jun", "Pete Hegseth"}, date(2025, 10, 31)),
        ({"Kang Kyung-wha", "Wang Yi"}, date(2020, 11, 26))]
