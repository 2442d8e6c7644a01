"""Quote extraction, attribution and merging, on small invented texts (and the dev corpus when present)."""
from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest
import yaml

from generator.model import Article, Quote
from generator.invariants import occurs as quote_occurs
from generator.quotes import _mask, extract_quotes, find_refs, find_spans, is_work_title, merge_quotes

SHARED = Path(__file__).resolve().parents[2] / "shared"


def article(body: str, published: date | None = date(2023, 11, 15), aid: str = "a1") -> Article:
    return Article(id=aid, file=f"{aid}.md", title="t", outlet="o", url=None, published=published, text=body,
                   body=body)


def found(body: str, published: date | None = date(2023, 11, 15)) -> list[tuple[str, str | None]]:
    a = article(body, published)
    quotes = extract_quotes(a)
    for q in quotes:
        assert a.body[q.start:q.end] == q.text
    return [(q.text, q.speaker) for q in quotes]


# ---------------------------------------------------------------- marks


def test_straight_and_curly_marks_and_offsets():
    body = 'Blinken said "we want stable ties with Beijing" on Monday.\n\n“We will keep talking,” Wang said.'
    assert found(body) == [("we want stable ties with Beijing", "Antony Blinken"),
                           ("We will keep talking,", "Wang Yi")]


def test_mixed_curly_open_straight_close():
    assert found('“We are not looking for conflict," Blinken told reporters.') == [
        ("We are not looking for conflict,", "Antony Blinken")]


def test_split_quotation_gives_two_quotes_with_one_speaker():
    body = '"The talks were candid," Blinken said. "But we still have serious differences on trade."'
    assert found(body) == [("The talks were candid,", "Antony Blinken"),
                           ("But we still have serious differences on trade.", "Antony Blinken")]
    assert [q.cue for q in extract_quotes(article(body))] == ["said", "said"]


def test_colon_introduction():
    assert found("Xi said: “China has no intention of changing the status quo.”") == [
        ("China has no intention of changing the status quo.", "Xi Jinping")]


def test_reported_speech_fragment():
    body = 'Wang told Blinken that his trip "comes at a critical juncture" for both countries.'
    assert found(body) == [("comes at a critical juncture", "Wang Yi")]


def test_multi_paragraph_quotation_continues_with_the_same_speaker():
    body = ('Blinken said: “We raised our concerns about export controls and about the detained Americans.\n\n'
            '“We also discussed fentanyl and the need for military channels,” he added.')
    assert found(body) == [
        ("We raised our concerns about export controls and about the detained Americans.", "Antony Blinken"),
        ("We also discussed fentanyl and the need for military channels,", "Antony Blinken")]


def test_unbalanced_mark_never_swallows_a_paragraph():
    body = ('Biden called the talks "productive and candid on Wednesday.\n\n'
            'The leaders spoke for four hours about Taiwan, trade and fentanyl.\n\n'
            '"We made real progress," Biden said.')
    assert found(body) == [("We made real progress,", "Joe Biden")]


def test_plural_apostrophes_do_not_pair_as_quote_marks():
    body = ("The two nations' leaders met at the summit. Both countries' officials said the ministers' "
            "talks went well.\n\nXi said the nations’ interests ‘must be respected by every party’ in Asia.")
    assert found(body) == [("must be respected by every party", "Xi Jinping")]


def test_single_quoted_heading_and_british_style():
    body = ("'Rainbows after the storm'\n\n"
            "Mr Blinken said the visit was ‘a chance to reset the relationship’, officials noted.")
    texts = [t for t, _ in found(body)]
    assert texts == ["Rainbows after the storm", "a chance to reset the relationship"]


def test_long_single_quoted_speech():
    # past the length at which a single-quoted span is doubted (apostrophes), when framed as speech
    speech = "We agreed that he was going to work very hard to stop the flow... " + "and then " * 25 + "we cut it."
    body = f"On fentanyl, Trump said, \u2018{speech}\u2019\n\n\u2018{speech}\u2019 the President said."
    assert found(body) == [(speech, "Donald Trump"), (speech, "Donald Trump")]
    # not when an apostrophe could close it
    loose = "The nations\u2019 leaders met " + "and talked " * 45 + "about \u2018the deal\u2019 again"
    assert [t for t, _ in found(loose)] == ["the deal"]


def test_scare_quoted_phrases_are_phrases():
    quotes = extract_quotes(article('Xi warned against crossing "red lines" and called for "peaceful and '
                                    'stable coexistence between the two powers."'))
    assert [(q.text, q.phrase) for q in quotes] == [
        ("red lines", True), ("peaceful and stable coexistence between the two powers.", False)]


# ---------------------------------------------------------------- attribution


def test_pronoun_resolves_to_the_latest_subject_not_a_possessive_or_object():
    body = ("Xi met Biden on Wednesday. The Chinese leader praised Biden's approach to the talks.\n\n"
            '"The world is big enough for both of our countries to succeed," he said.')
    assert found(body) == [("The world is big enough for both of our countries to succeed,", "Xi Jinping")]


def test_description_uses_the_publication_date():
    body = 'Trump met Xi in Busan. "It was a truly amazing meeting with the Chinese leader," the US president said.'
    assert found(body, date(2025, 10, 30))[0][1] == "Donald Trump"
    body = ('Biden met Xi in Woodside. "It was a truly productive meeting with the Chinese leader," '
            "the US president said.")
    assert found(body, date(2023, 11, 15))[0][1] == "Joe Biden"


def test_according_to_an_institution():
    body = ('Biden pressed Xi on human rights, "including in Xinjiang, Tibet and Hong Kong", '
            "according to the White House.")
    assert found(body) == [("including in Xinjiang, Tibet and Hong Kong", "White House")]


def test_nearer_verb_with_the_wrong_subject():
    body = 'China also agreed to hold a "new round of military talks early next year", the White House said.'
    assert found(body) == [("new round of military talks early next year", "White House")]


@pytest.mark.parametrize("body, on, speakers", [
    pytest.param('The talks sought "a candid exchange on trade" in Beijing, Yellen wrote on social media, after a '
                 'dinner with her hosts.\n\n'
                 '"Our aim of steady relations has not changed" since the vote, Xi said as the talks began, citing '
                 '"highs and lows" between the two countries.', date(2024, 4, 6),
                 ["Janet Yellen", "Xi Jinping", "Xi Jinping"], id="words between the quotation and its attribution"),
    pytest.param('Biden told Xi that the two governments had often argued but their talks had been "open".',
                 date(2024, 11, 16), ["Joe Biden"], id="a name before that is the reporting verb's object"),
    pytest.param('Macron praised the summit in Paris and said he and Xi had agreed to "work for a lasting peace."',
                 date(2024, 5, 6), ["Emmanuel Macron"], id="a shared subject goes back to the first verb"),
    pytest.param('Fox News host Sean Hannity asked Trump if leaving was "mostly your decision," but Trump did not '
                 'bite. "I don\'t want to say that it was my decision," he said.', date(2019, 2, 28),
                 ["Sean Hannity", "Donald Trump"], id="he after a clause turned by but is its subject"),
    pytest.param('Kim Jong Un met Donald Trump at the border on Sunday.\n\n'
                 '"It is good to see you again," a seemingly exuberant Mr. Kim told Trump.', date(2019, 6, 30),
                 ["Kim Jong Un"], id="a speaker described after the quotation"),
    pytest.param('Xi Jinping welcomed the Malaysian prime minister. Anwar said Malaysia values the relationship.\n\n'
                 '"I am glad to be here," he said.', date(2023, 3, 31), ["Anwar Ibrahim"],
                 id="Anwar names Anwar Ibrahim"),
    pytest.param('Xi Jinping met Joe Biden by phone. According to a version tweeted by Biden himself he spoke with '
                 'President Xi "to keep lines of communication open."', date(2022, 7, 28), ["Joe Biden"],
                 id="a pronoun right after a name is that person"),
    pytest.param('Asked about Biden, he said "we are ready."', date(2022, 7, 28), [None],
                 id="a pronoun after a comma is not the name before it"),
    pytest.param('The talks called for "restraint" on Taiwan, a position Biden said he respects.',
                 date(2023, 11, 15), [None], id="a noun before a name describes no speaker"),
    pytest.param('Brazilian President Luiz Inácio "Lula" da Silva arrived in Beijing on Wednesday. '
                 'Da Silva said his country "is back" on the world stage.', date(2023, 4, 13),
                 ["Luiz Inácio Lula da Silva"], id="a quoted nickname inside a name is no quotation"),
    pytest.param('Vladimir Putin met Xi Jinping on Tuesday. "The talks went well," Putin aide Yuri Ushakov told '
                 'reporters.', date(2023, 3, 21), ["Yuri Ushakov"], id="a leader's aide named after the leader"),
    pytest.param('Xi Jinping met Joe Biden on Wednesday. "We want stable ties," Biden\'s national security adviser '
                 'said.', date(2023, 11, 15), ["Jake Sullivan"], id="a leader's adviser after a possessive"),
    pytest.param('Kim Jong Un met Donald Trump on Sunday. "It was a historic day," an aide close to Mr. Kim told '
                 'reporters.', date(2019, 6, 30), [None], id="an unnamed aide close to a leader is not the leader"),
    pytest.param('Xi Jinping met Joe Biden on Wednesday. "The talks were frank," said an official close to Biden.',
                 date(2023, 11, 15), [None], id="an unnamed official close to a leader after the cue"),
    pytest.param('Xi Jinping met Joe Biden on Wednesday. "We want stable ties," a person briefed on Xi\'s remarks '
                 'said.', date(2023, 11, 15), [None], id="an unnamed source briefed on a leader's words"),
    pytest.param('Lloyd Austin met Dong Jun in Singapore on Friday. "We oppose interference," China\'s defence chief '
                 'said. "We need to talk," the US defense chief said.', date(2024, 5, 31), ["Dong Jun", "Lloyd Austin"],
                 id="a role written with its country's possessive or a synonym"),
    pytest.param('Emmanuel Macron met Xi Jinping in Beijing on Thursday. "Today\'s world is undergoing a profound '
                 'transformation," the Chinese leader confided to his French counterpart.', date(2023, 4, 6),
                 ["Xi Jinping"], id="confided is a reporting verb"),
    pytest.param('Barack Obama met Xi Jinping on Friday. Said Obama: "The question now is, are words followed by '
                 'actions?"', date(2015, 9, 25), ["Barack Obama"], id="the verb before its subject"),
    pytest.param('Wendy Sherman met Wang Yi on Monday. Sherman said the two sides were "quite direct with each other '
                 'on the areas of great difference," the New York Times reported. "The talks were useful," the '
                 'Financial Times reported.', date(2021, 7, 26), ["Wendy Sherman", "Financial Times"],
                 id="an outlet relays the words of the one named before"),
    pytest.param('Joe Biden met Xi Jinping by video on Monday. According to Xi, ties are "beginning to stabilize," '
                 'writes Xinhua.', date(2021, 11, 15), ["Xi Jinping"], id="an outlet relays according to"),
    pytest.param('Joe Biden met Xi Jinping by video on Monday. The meeting is "an opportunity to set the terms of '
                 'the competition" and to insist Beijing "play by the rules of the road," Biden said.',
                 date(2021, 11, 15), ["Joe Biden", "Joe Biden"], id="quotations sharing the closing attribution"),
    pytest.param('Donald Trump met Xi Jinping on Thursday. Trump "thanked Xi for the steps China has taken," NPR\'s '
                 'Scott Horsley reported.', date(2017, 11, 9), ["Scott Horsley"], id="an owner before a new name"),
    pytest.param('Mike Pompeo met Yang Jiechi on Wednesday. A spokesperson for Pompeo stressed to Yang "the need for '
                 'fully reciprocal dealings."', date(2020, 6, 18), [None], id="someone who speaks for the one named"),
    pytest.param('Barack Obama met Xi Jinping on Saturday.\n\nEarlier, Mr Xi\'s senior foreign policy adviser Yang '
                 'Jiechi told reporters that China wanted co-operation.\n\n"Cyber-security should not become the '
                 'root cause of suspicion," he said.', date(2013, 6, 8), ["Yang Jiechi"],
                 id="a leader's foreign policy adviser"),
    pytest.param('Barack Obama and Xi Jinping ended a summit described by a US official as "unique, positive and '
                 'constructive". Obama called it a summit described by Tom Donilon as "a very good meeting for '
                 'both."', date(2013, 6, 9), [None, "Tom Donilon"], id="described by someone as"),
    pytest.param('Donald Trump invited Xi Jinping to the inauguration, a gesture his spokesperson described as '
                 '"creating an open dialog with leaders of countries."', date(2025, 1, 17), [None],
                 id="a spokesperson, unnamed, after a possessive pronoun"),
    pytest.param('Vladimir Putin met Xi Jinping on Monday. "China has made a leap forward," Putin told Xi. Xi, for his '
                 'part, praised Putin. "Under your leadership, Russia has made great strides," he said.',
                 date(2023, 3, 20), ["Vladimir Putin", "Xi Jinping"], id="the object of a verb that is no inversion"),
    pytest.param('Joe Biden met Xi Jinping on Monday. Mr Biden in September expressed disappointment that Mr Xi skipped '
                 'a summit, but said he would "get to see him".', date(2023, 9, 17), ["Joe Biden"],
                 id="but said shares the subject"),
    pytest.param('Antony Blinken met Wang Yi on Friday. Blinken also raised "US concerns about provocative actions" by '
                 'China. Wang, for his part, believed that "a solution could soon be reached on the sea."',
                 date(2024, 7, 27), ["Antony Blinken", "Wang Yi"], id="raised and believed"),
    pytest.param('Antony Blinken met Sergei Lavrov on Friday.\n\n"He can choose the path of diplomacy," Blinken said.'
                 '\n\n"We have been clear: this is a new invasion."\n\nLavrov said the ball was in Washington\'s court.',
                 date(2022, 1, 21), ["Antony Blinken", "Antony Blinken"],
                 id="a next sentence with its own words attributes nothing before it"),
    pytest.param('Antony Blinken met Sergei Lavrov on Friday.\n\nBlinken says he reiterated that stance to Lavrov in '
                 'the meeting.\n\n"I made clear to Minister Lavrov that there are certain principles."',
                 date(2022, 1, 21), ["Antony Blinken"], id="a quotation after a paragraph reporting speech"),
    pytest.param('Antony Blinken met Xi Jinping on Monday. The State Department said later that in Blinken\'s meetings he '
                 'had raised China\'s "unfair and nonmarket economic practices".', date(2023, 6, 19),
                 ["State Department"], id="a weak cue inside a clause another reports"),
    pytest.param('Donald Trump met Narendra Modi on Thursday. Successive US administrations have seen India as a key '
                 'partner in the face of a rising China, and Trump announced that the new administration was ready '
                 'to sell one of the top US military prizes — F-35s. "We will increase military sales," he said.',
                 date(2025, 2, 13), ["Donald Trump"],
                 id="a sentence with no subject whose closing clause reports someone"),
    pytest.param('Donald Trump met Kim Jong Un on Tuesday. He said he trusted Kim to follow through. "I think he\'ll do '
                 'it. I really believe that."', date(2018, 6, 12), ["Donald Trump"],
                 id="a quotation after a sentence reporting speech in its paragraph"),
    pytest.param('Ohio Gov. Ann Roe met Xi Jinping in Beijing on Wednesday.\n\nShe discussed ways "to accelerate our '
                 'progress on climate," the Ohio governor said.', date(2023, 10, 25), ["Ann Roe"],
                 id="a place and a title before a name are no name"),
    pytest.param('Defense Secretary James Mattis met Chinese officials. Chinese President Xi Jinping told Mattis that '
                 '"the real experts do not want war."\n\n"I am here to keep our relationship on track," Mattis told '
                 'the president, as reported by the Washington Post, "to share ideas with your military."',
                 date(2018, 6, 28), ["Xi Jinping", "James Mattis", "James Mattis"],
                 id="an aside that relays is no speaker"),
    pytest.param('Vladimir Putin met Recep Tayyip Erdogan in Astana.\n\n"A just peace in Ukraine is possible." This is '
                 'the message delivered by Turkish President Recep Tayyip Erdogan to Putin.', date(2024, 7, 3),
                 ["Recep Tayyip Erdogan"], id="a next sentence that says whose message it was"),
])
def test_attribution_constructions_from_held_out_news(body, on, speakers):
    assert [s for _, s in found(body, on)] == speakers


def test_a_role_of_another_country_is_not_the_gazetteer_holders():
    body = ('The President of the Russian Federation said that "the door to talks is open." '
            'The President of the European Commission said "we are watching closely."')
    putin, other = [s for _, s in found(body, date(2023, 9, 4))]
    assert putin == "Vladimir Putin" and other != "Joe Biden"  # not "the president" of the gazetteer


def test_readout_and_it_resolve_to_the_institution():
    body = ("The State Department released a readout after the meeting.\n\n"
            '"The Secretary underscored the importance of open lines of communication," the readout said. '
            'It also said "both sides agreed to continue high-level exchanges."')
    assert [s for _, s in found(body)] == ["State Department", "State Department"]


def test_quoted_as_saying_names_the_speaker():
    body = ('The spokesperson quoted Dong as saying "the Taiwan question is at the core of core interests".\n\n'
            'Xi was quoted as saying "China will never seek hegemony in the region."\n\n'
            '"Taiwan is the first red line," state media quoted Dong as having told the visitors.\n\n'
            '"We welcome the progress on the border," said PM Modi.')
    assert [s for _, s in found(body, date(2024, 5, 31))] == ["Dong Jun", "Xi Jinping", "Dong Jun", "Narendra Modi"]


def test_next_paragraph_attribution():
    body = ('"We will not allow anyone to interfere in our internal affairs."\n\n'
            "Wang said this at a press conference in Beijing on Thursday.")
    assert found(body) == [("We will not allow anyone to interfere in our internal affairs.", "Wang Yi")]


def test_new_person_and_surname_follow_up():
    body = ('Defence ministry spokesperson Zhang Xiaogang told reporters that "the meeting was positive and '
            'constructive". "We hope the US side will match its words with deeds," Zhang said.')
    assert [s for _, s in found(body)] == ["Zhang Xiaogang", "Zhang Xiaogang"]


def test_a_sentence_opener_is_no_part_of_a_name():
    body = ("US President Tom Fairley met Yan Qingtao in Busan.\n\nThough Fairley called the meeting \u201ca great "
            "success\u201d, Beijing has not commented.")
    assert found(body) == [("a great success", "Tom Fairley")]


def test_appositive_new_person_and_pronoun_after_it():
    body = ("Wang criticised Washington on Sunday.\n\n"
            "Jane Roe, a professor at Northfield University, said the tone “shows deep mutual mistrust between "
            "the two sides”.\n\n"
            "“Reopening military channels would be a real step forward,” she said.")
    assert [s for _, s in found(body)] == ["Jane Roe", "Jane Roe"]


def test_said_then_new_person_with_appositive():
    body = "“The talks covered a wide range of issues,” said Tom Field, a spokesperson for the Ocean Council."
    assert found(body) == [("The talks covered a wide range of issues,", "Tom Field")]


def test_a_title_run_between_the_cue_and_the_name():
    lines = ["“We had candid talks,” said U.S. Treasury Secretary Maria Castellano.",
             "“We had candid talks,” U.S. Treasury Secretary Maria Castellano said.",
             "“We had candid talks,” said Chinese Premier Zhou Minghua, who met her on Friday.",
             "“We had candid talks,” said Treasury Secretary Janet Yellen.",
             "“We had candid talks,” said Australian Prime Minister Anthony Albanese.",
             "“We had candid talks,” South Korean President Lee Jae-myung said.",
             "“We had candid talks,” European Commission President Ursula von der Leyen said.",
             "“We had candid talks,” Foreign Ministry Spokesperson Lin Jian said."]
    assert [found(line, date(2023, 7, 9))[0][1] for line in lines] == [
        "Maria Castellano", "Maria Castellano", "Zhou Minghua", "Janet Yellen", "Anthony Albanese",
        "Lee Jae-myung", "Ursula von der Leyen", "Lin Jian"]


def test_a_description_used_as_a_title_names_that_person_later():
    body = ("U.S. Treasury Secretary Maria Castellano met Chinese Vice Premier Zhou Minghua on Saturday.\n\n"
            "“The relationship is on firmer footing,” the treasury secretary told reporters.")
    assert found(body, date(2023, 7, 9))[0][1] == "Maria Castellano"


def test_appositive_description_and_quoted_by_a_broadcaster():
    assert found('Dong, China\u2019s defence minister, said: "We firmly oppose this."', date(2023, 7, 9))[0][1] == \
        "Dong Jun"
    assert found('Xi was quoted by state broadcaster CCTV as saying: "We firmly oppose this."')[0][1] == \
        "Xi Jinping"


def test_told_reporters_names_the_teller_and_a_quote_can_open_a_sentence():
    body = ("Foreign Ministry spokesperson Mao Ning spoke on Monday. “We are ready,” the spokesperson told "
            "reporters.")
    assert found(body, date(2023, 7, 9))[0][1] == "Mao Ning"


def test_an_institution_is_not_the_person_named_in_the_next_sentence():
    body = ('"The two sides had candid, substantive and constructive discussions," the White House said in a '
            'statement.\n\nSullivan told reporters after the talks that he had raised concerns about Taiwan.\n\n'
            '"We firmly oppose this," Foreign Ministry spokesperson Wang Wenbin said.')
    assert [s for _, s in found(body)] == ["White House", "Wang Wenbin"]


def test_he_the_surname_and_he_the_pronoun():
    body = ('Bessent met He Lifeng in Geneva. He, the Chinese vice premier, described the meeting as "candid, '
            'in-depth and constructive." China\u2019s Commerce Ministry spokesperson He Yadong said on Thursday: '
            '"The U.S. should correct its wrong practices."')
    assert [s for _, s in found(body, date(2025, 5, 11))] == ["He Lifeng", "He Yadong"]


def test_a_participle_aside_between_subject_and_cue():
    body = ('Austin, asked about the meeting at a news conference, said: "It was a good meeting." '
            'President Donald Trump, writing on his social media platform, hailed "a total reset of relations."')
    assert [s for _, s in found(body, date(2025, 5, 12))] == ["Lloyd Austin", "Donald Trump"]


def test_a_shared_surname_alone_after_the_full_name():
    body = ("Chinese Premier Li Qiang met visiting US Treasury Secretary Janet Yellen in Beijing on Friday.\n\n"
            'Li pointed out that the two countries should "properly handle their differences." He noted that '
            '"there will always be rainbows after wind and rain."\n\n'
            "Talks could prepare a Li Qiang-Biden meeting in November, Rudolf said.")
    assert [s for _, s in found(body, date(2023, 7, 8))] == ["Li Qiang", "Li Qiang"]


def test_a_paragraph_ending_in_a_colon_introduces_the_next():
    body = ("Biden met Xi Jinping in Woodside on Wednesday.\n\nXi said at the start of the meeting:\n\n"
            '"Planet Earth is big enough for the two countries to succeed."')
    assert found(body)[0][1] == "Xi Jinping"


def test_a_korean_family_name_comes_first():
    body = ('South Korean President Lee Jae-myung met Xi Jinping in Gyeongju on Saturday. "We agreed to meet '
            'again next year," Lee told reporters.')
    assert found(body, date(2025, 11, 1))[0][1] == "Lee Jae-myung"


def test_a_quotation_ending_in_an_inner_quotation():
    body = "\"The biggest risk in China-U.S. relations is 'Taiwan independence,'\" Wang said."
    assert found(body, date(2024, 1, 27))[0][1] == "Wang Yi"


def test_titles_of_shows_and_books_are_not_quotes():
    body = ('Blinken told CNN\u2019s "State of the Union" that "we are making real progress on this." In an '
            'interview with "60 Minutes," Biden said the book "The Avoidable War" was right.')
    assert found(body) == [("we are making real progress on this.", "Antony Blinken")]
    heading = "Biden met Xi on Wednesday.\n\n\u2018Taiwan Is The Reddest Line\u2019\n\nXi spoke first."
    assert [t for t, _ in found(heading)] == ["Taiwan Is The Reddest Line"]
    assert not is_work_title("we are making real progress") and not is_work_title("Partners, not rivals")


def test_pronoun_with_an_ambiguous_antecedent_stays_null():
    body = ("Blinken spoke to reporters in Beijing on Monday.\n\n"
            "The trip had been planned for months, with Qin and Wang preparing the agenda.\n\n"
            "“We made real progress on several hard questions,” he said.")
    assert found(body)[0][1] is None


def test_unknown_subject_does_not_fall_back_to_an_earlier_name():
    body = ("Wang met Blinken in Beijing.\n\n"
            "More exchanges could follow later this year, Rudolf said.\n\n"
            "“The reopening of channels would be a step in the right direction,” he said.\n\n"
            "In a statement issued along with Blinken, Minister Yi said “the relationship is stabilising”.")
    assert [s for _, s in found(body)] == [None, None]


def test_pronoun_after_a_named_subject_in_the_same_sentence():
    body = ("Blinken spoke first on Monday.\n\n"
            "Wang pointed to China’s “development rights” which, he says, have been “unreasonably suppressed”.")
    assert found(body)[1] == ("unreasonably suppressed", "Wang Yi")


def test_passive_compound_and_coordinated_cues():
    body = ("The talks were described as “candid, constructive and very long”. "
            "Blinken and Xi agreed to hold talks where “we will share our views on the risks of AI”. "
            "Wang said ties were at “a critical juncture” and called for a choice “between dialogue or "
            "confrontation”. Beijing calls the island leader “a dangerous separatist figure”.")
    assert [s for _, s in found(body)] == [None, None, "Wang Yi", "Wang Yi", None]


def test_united_states_is_no_cue():
    body = "Yellen stressed that the United States was not after a “winner-take-all approach to trade”."
    assert found(body)[0][1] == "Janet Yellen"


def test_unnamed_speaker_stays_null():
    body = ('Blinken met Wang in Beijing. "They discussed the outlook for the global economy at length," '
            "a senior US official said.")
    assert found(body) == [("They discussed the outlook for the global economy at length,", None)]


def test_relative_clause_does_not_steal_the_subject():
    body = '"He is a very tough negotiator, that is not good," Trump, who met Xi after six years, said jokingly.'
    assert found(body, date(2025, 10, 30))[0][1] == "Donald Trump"


def test_no_attribution_means_no_guess():
    assert found('The summit produced a "framework for future cooperation on many issues".')[0][1] is None


# ---------------------------------------------------------------- merging and the invariant


def q(text: str, aid: str, speaker: str | None = "Joe Biden", phrase: bool = False) -> Quote:
    return Quote(text, aid, 0, len(text), speaker, "said", phrase)


def test_quote_occurs_normalises_space_and_marks():
    assert quote_occurs("We’re  back to\ndirect talks", 'He said: "We\'re back to direct talks," and left.')
    assert not quote_occurs("We are back", "We're back")


def test_merge_identical_wordings_cites_every_article_and_counts_syndicated_copies_once():
    quotes = [q("We're back to direct communication,", "a"), q("We’re back to direct  communication.", "b"),
              q("We're back to direct communication,", "c"), q("Fentanyl talks will start soon,", "a")]
    merged = merge_quotes(quotes, ("Joe Biden", "Xi Jinping"), 5, syndicated=(("b", "c"),))
    top = merged[0]
    assert top.sources == ("a", "b", "c") and top.key
    bodies = {"a": "“We're back to direct communication,” he said.",
              "b": "“We’re back to direct communication.”",
              "c": '"We\'re back to direct communication," he said.'}
    assert all(quote_occurs(top.text, bodies[s]) for s in top.sources)
    assert top.score > merged[1].score


def test_partial_and_translated_variants_keep_the_invariant():
    long_ = "China and the US should be partners, not rivals, and help each other succeed"
    quotes = [q(long_, "a", "Xi Jinping"), q("partners, not rivals", "b", "Xi Jinping"),
              q("China and the US should be partners rather than rivals, and help each other succeed", "c",
                "Xi Jinping")]
    merged = merge_quotes(quotes, ("Xi Jinping",), 5)
    texts = {m.text: m for m in merged}
    assert texts[long_].sources == ("a",)
    assert texts["partners, not rivals"].sources == ("b",)
    assert len(merged) == 3 and sum(m.key for m in merged) == 1
    assert merged[0].variants and all(v in texts for v in merged[0].variants)


def test_key_count_and_phrases():
    said = ["We discussed the economy at length", "Taiwan remains the most sensitive issue", "Fentanyl flows must stop",
            "Our militaries will talk again", "Climate cooperation matters to the world", "Trade has to be fair"]
    quotes = [q(text, f"a{i}") for i, text in enumerate(said)]
    quotes.append(q("red lines", "a0", phrase=True))
    merged = merge_quotes(quotes, ("Joe Biden",), 3)
    assert sum(m.key for m in merged) == 3
    assert merged[-1].text == "red lines" and not merged[-1].key


# ---------------------------------------------------------------- the dev corpus


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "corpus" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dev_corpus_quote_f1_and_speakers():
    dev = SHARED / "corpus" / "dev"
    if not (dev / "gold.yml").is_file():
        pytest.skip(f"the dev corpus is not here ({dev}): it lives beside the repo in ../shared")
    from generator.clean import clean
    from generator.ingest import ingest
    score = _scorer()
    gold = yaml.safe_load((dev / "gold.yml").read_text(encoding="utf-8"))
    articles = {a.file: a for a in clean(ingest(dev / "articles").articles)}
    tp = n_pred = n_gold = ok = n_spk = 0
    for ga in gold["articles"]:
        pred = [x for x in extract_quotes(articles[ga["file"]]) if len(score.norm(x.text).split()) >= 4]
        n_pred, n_gold, used = n_pred + len(pred), n_gold + len(ga.get("quotes") or []), set()
        for gq in ga.get("quotes") or []:
            hit = next((i for i, x in enumerate(pred) if i not in used and score.same_quote(x.text, gq["text"])),
                       None)
            if hit is None:
                continue
            used.add(hit)
            tp += 1
            if gq.get("speaker") not in (None, "unknown"):
                n_spk += 1
                ok += score.same_speaker(pred[hit].speaker, gq["speaker"])
    precision, recall = tp / n_pred, tp / n_gold
    assert 2 * precision * recall / (precision + recall) >= 0.95
    assert ok / n_spk >= 0.93


def test_according_to_a_readout_released_by_an_institution():
    body = ('The officials "agreed to keep this channel of communication open for the coming weeks," '
            "according to a readout of the meeting released by the White House.")
    assert found(body, date(2024, 1, 27))[0][1] == "White House"


def test_institution_before_a_named_spokesperson_is_no_subject():
    body = ('"Both sides will be testing whether the truce can hold for long," said Bonnie Glaser, an analyst.\n\n'
            "Chinese foreign ministry spokeswoman Mao Ning said on Thursday that Wang would attend. "
            '"China is willing to work with all parties on this," she said.')
    assert found(body, date(2025, 7, 10))[-1][1] == "Mao Ning"


def test_pronoun_after_unknown_subject_in_same_sentence_is_not_the_last_known_name():
    body = ("Donald Trump said on Saturday that the talks marked \"a total reset\" of relations.\n\n"
            "Okafor-Lind said it was already a success that the two sides had met. \"We are convinced that the "
            "world needs these two economies to talk to each other,\" she said.")
    quotes = extract_quotes(article(body))
    assert quotes[-1].text.startswith("We are convinced") and quotes[-1].speaker is None


def test_a_title_before_the_given_name_of_someone_named_in_full():
    # outlets often write the given name of a Chinese official as if it were the family name
    body = ("Blinken met Xi Jinping after talks with Chinese Foreign Minister Wang Yi in Beijing.\n\n"
            "In a joint statement, Foreign Minister Yi said \"the relationship is beginning to stabilize,\" but "
            "warned that \"negative factors\" are still \"increasing and building.\"\n\n"
            "\"We want partners, not rivals,\" President Jinping said.")
    assert [s for _, s in found(body, date(2024, 4, 26))] == ["Wang Yi"] * 3 + ["Xi Jinping"]
    # a part of two people's names names neither, even if it is one's family name and the other's given name
    shared = ("Wang Yi met central bank Governor Yi Gang, Vice Minister Ma Zhaoxu and Director Li Zhaoxu.\n\n"
              "\"We agreed,\" Minister Yi said.\n\n\"We agreed too,\" Minister Zhaoxu said.")
    assert [s for _, s in found(shared, date(2024, 4, 26))] == [None, None]


def test_accusing_welcoming_and_speaking_of_are_cues():
    lines = ["Wang accused Washington of \u201cbullying\u201d its neighbours.",
             "Blinken welcomed \u201ca real step forward\u201d on fentanyl.",
             "Kerry tweets after the talks that the \u2018climate crisis demands that the two economies work "
             "together\u2019.",
             "Qin Gang informed Blinken that ties \u201care at the lowest point since the establishment of "
             "relations.\u201d",
             "Blinken spoke to Xi about Chinese support for Russia, specifically that without it \u201cRussia "
             "would struggle to sustain its assault on Ukraine,\u201d and about the Middle East."]
    assert [found(line, date(2024, 4, 26))[0][1] for line in lines] == [
        "Wang Yi", "Antony Blinken", "John Kerry", "Qin Gang", "Antony Blinken"]


def test_no_reference_starts_inside_a_word_after_an_apostrophe():
    body = "Biden met Xi Jinping in Xi'an on Monday. Xi\u2019s aides were there."
    refs = [(r.surface, r.name) for r in find_refs(body, date(2023, 11, 15))]
    assert refs == [("Biden", "Joe Biden"), ("Xi Jinping", "Xi Jinping"), ("Xi", "Xi Jinping")]


def test_embassies_offices_state_media_and_the_kremlin_are_speakers():
    body = ("Xi Jinping and Vladimir Putin held talks in Moscow on Thursday.\n\n"
            "The Kremlin said the talks were \"warm and substantive.\"\n\n"
            "\"The relationship has never been better,\" the Chinese Embassy in Washington said in a statement.\n\n"
            "China's Taiwan Affairs Office warned that Taipei \"is playing with fire.\"\n\n"
            "The Global Times wrote that Washington \"should stop meddling.\"")
    assert [s for _, s in found(body, date(2024, 5, 16))] == [
        "Kremlin", "Chinese Embassy", "Taiwan Affairs Office", "Global Times"]


def test_ministries_the_gazetteer_does_not_list_are_speakers_as_written():
    body = ("Mauro Vieira met Wang Yi in Vientiane on Thursday.\n\n"
            "\u201cThe meeting gave the two ministers an opportunity to review the situation,\u201d Brazil\u2019s "
            "foreign relations ministry said in a press statement.\n\n"
            "\u201cBoth sides must fully abide by the agreements reached in the past,\u201d it said.\n\n"
            "Japan's Foreign Ministry said in a statement that \"the sides agreed to continue the dialogue.\"\n\n"
            "\"We are not going to be lectured by anyone,\" Netanyahu's office said.")
    assert [s for _, s in found(body, date(2024, 7, 26))] == [
        "Brazil\u2019s foreign relations ministry", "Brazil\u2019s foreign relations ministry",
        "Japan's Foreign Ministry", "Netanyahu's office"]


def test_the_treasury_and_the_department_of_state_and_a_statement_that_reads():
    body = ("Yellen met He Lifeng in San Francisco, the US Department of State has said.\n\n"
            "\"Secretary Blinken hosted Foreign Minister Wang Yi for an official visit today,\" the statement read.\n\n"
            "The two \u201chad candid, direct, and productive discussions on a wide range of issues,\u201d Treasury "
            "said in a statement.")
    assert [s for _, s in found(body, date(2023, 11, 10))] == ["State Department", "Treasury Department"]


def test_capitalised_runs_that_are_no_names_and_organisations_with_title_words():
    body = ("Scholz met Xi in Beijing. The West accuses China of supplying Russia with goods for the war.\n\n"
            "\"The war has a very significant negative impact on security in Europe,\" he said to Xi.\n\n"
            "On Monday, the two sides held talks, describing them as \"open and frank in every respect.\"\n\n"
            "Wang and Sullivan \u201chad candid and fruitful strategic communication,\u201d China\u2019s Foreign "
            "Ministry wrote.\n\n"
            "\"We will keep the channel open for the coming weeks,\" the National Security Council said.")
    speakers = [s for _, s in found(body, date(2024, 4, 16))]
    assert speakers[0] != "The West" and speakers[1] != "On Monday"
    assert speakers[2:] == ["Chinese Foreign Ministry", "National Security Council"]


def test_a_name_after_an_organisation_and_a_title_is_a_person():
    body = ("European Council President Ant\u00f3nio Costa and Commission President Ursula von der Leyen met Xi "
            "Jinping on Thursday.\n\n"
            "\"We will not accept any attempt to divide us,\" von der Leyen said. Costa added: \"Europe and China "
            "share a responsibility.\"\n\n"
            "\"This is our position,\" the Office of the President said.")
    assert [s for _, s in found(body, date(2025, 7, 24))] == [
        "Ursula von der Leyen", "Ant\u00f3nio Costa", "Office of the President"]


def test_a_second_verb_shares_the_subject_of_the_first_and_a_quote_before_and_x_said_is_not_xs():
    lines = ["Zhao Leji welcomed Prime Minister Anthony Albanese in his first meeting and said the two countries "
             "are \u201cat a new starting point in their relations\u201d.",
             "Lavrov echoed Rubio's remarks and told reporters that \"the conversation was very useful.\"",
             "Xi met Russian Prime Minister Mikhail Mishustin and hailed Russia and China as \"great neighbouring "
             "powers of the world.\"",
             "Biden said the goal was for the leaders to \"understand each other, leader to leader,\" and Xi said "
             "the world was big enough for both."]
    assert [found(line, date(2024, 5, 16))[0][1] for line in lines] == [
        "Zhao Leji", "Sergei Lavrov", "Xi Jinping", "Joe Biden"]


def test_two_single_marks_stand_for_a_double_one():
    body = ("Wang Yi met Blinken in Washington. \u201cWe have disagreements. From time to time, there will be some "
            "jarring voices,\u2019\u2019 he said.\n\n"
            "Modi said, ``We want peace and stability on the border,'' after the talks.")
    assert found(body, date(2023, 10, 27)) == [
        ("We have disagreements. From time to time, there will be some jarring voices,", "Wang Yi"),
        ("We want peace and stability on the border,", "Narendra Modi")]


def test_a_role_with_a_nationality_names_someone_of_that_country_after_an_opening_phrase():
    body = ("Jaishankar\u2019s discussions with Wang Yi also covered the BRICS agenda.\n\n"
            "Following their meeting, the Indian external affairs minister took to Twitter and said, \"Just "
            "concluded meeting with Director Wang Yi of the Office of the CPC Central Commission.\"")
    assert found(body, date(2024, 7, 26))[0][1] == "S. Jaishankar"


def test_bodies_named_office_or_ministry_of_something_are_speakers():
    body = ("Kishida will arrive in Seoul for a summit with President Yoon Suk Yeol.\n\n"
            "The Office of the President on May 2 said in a news release, \"President Yoon used his visit to "
            "Japan in March as an opportunity.\"\n\n"
            "\"The border situation was discussed in detail,\" the Ministry of External Affairs said.")
    assert [s for _, s in found(body, date(2023, 5, 3))] == ["Office of the President", "Ministry of External Affairs"]


def test_a_name_in_apposition_to_a_role_or_an_unnamed_source_is_the_speaker():
    body = ("Austin met Dong Jun in Singapore on Friday.\n\n"
            "\u201cHe reiterated that the PRC should not use the transition as a pretext for coercive measures,\" "
            "the spokesman, Maj. Gen. Patrick Ryder, said in a statement.\n\n"
            "\"We will keep talking,\" a senior official, Daniel Kritenbrink, told reporters.")
    assert [s for _, s in found(body, date(2024, 5, 31))] == ["Patrick Ryder", "Daniel Kritenbrink"]


def test_he_after_a_sentence_that_ends_with_someone_reporting_it_is_that_reporter():
    body = ("Narendra Modi and Xi Jinping will hold a meeting on the sidelines of the BRICS summit on October 23, "
            "India's Foreign Secretary Vikram Misri said.\n\n"
            "\"I can confirm that there will be a bilateral meeting between Prime Minister Modi and President Xi "
            "tomorrow,\" he said at a news conference.")
    assert found(body, date(2024, 10, 22))[0][1] == "Vikram Misri"


def test_she_never_means_a_man_nor_he_a_woman():
    body = ("Trump asked how long Claudia Sheinbaum wanted the tariffs paused. Initially aiming high, she "
            "humorously suggested, 'let's pause it forever.'\n\n"
            "Trump met Janet Yellen on Monday. \"We talked about tariffs,\" she said.")
    assert [s for _, s in found(body, date(2025, 2, 4))] == ["Claudia Sheinbaum", "Janet Yellen"]


def test_the_leader_of_a_country_agencies_colons_and_more_cue_verbs():
    body = ("Vladimir Putin met Kim Jong Un at the Vostochny cosmodrome on Wednesday.\n\n"
            "\"Russia has risen to a sacred fight,\" the North Korean leader said.\n\n"
            "\"We highly appreciate your consistent support,\" the Russian leader said.\n\n"
            "KCNA said the two leaders \"had a candid and friendly conversation.\"\n\n"
            "Putin was unequivocal: \"Our cooperation is not directed against anyone.\"\n\n"
            "Kim denounced the sanctions as \"a typical act of unilateral bullying.\"")
    assert [s for _, s in found(body, date(2023, 9, 13))] == [
        "Kim Jong Un", "Vladimir Putin", "KCNA", "Vladimir Putin", "Kim Jong Un"]


def test_an_appositive_with_commas_between_a_new_name_and_its_cue():
    body = ("Trump met Xi in Busan. Emily Kilcrease, a senior fellow and director of the Energy, Economics and "
            "Security Program at the Center for a New American Security, said: \"It is important to be clear that "
            "there is no expectation.\"\n\n"
            "She further told NBC News, \"We are talking about de-escalation of the measures.\"")
    assert [s for _, s in found(body, date(2025, 10, 30))] == ["Emily Kilcrease", "Emily Kilcrease"]


def test_an_aside_opening_with_also_is_not_the_subject():
    # state media's appositive naming a second office, an institution in it
    body = ("Wang Yi, also a member of the Political Bureau of the CPC Central Committee and director of the Office "
            "of the Central Foreign Affairs Commission, said that China \"will never accept\" such claims.\n\n"
            "Wang, also a member of the Political Bureau of the CPC Central Committee, said: \"Dialogue is better "
            "than confrontation.\"")
    assert [s for _, s in found(body, date(2025, 8, 18))] == ["Wang Yi", "Wang Yi"]


def test_a_role_means_the_one_the_text_is_about_first_sir_is_a_title_referred_is_a_cue():
    body = ("President Lee Jae Myung held his first summit with Chinese President Xi Jinping on Saturday.\n\n"
            "\"We will fully restore relations,\" the president said.\n\n"
            "Keir Starmer met Xi Jinping at the G20 in Rio. Sir Keir said: \"I am planning to have a bilateral with "
            "President Xi at the G20.\"\n\n"
            "Mark Carney met Donald Trump on Tuesday. While Trump smiled as Carney spoke, he also referred to the "
            "border as an \u201cartificial line that was drawn long ago.\u201d")
    assert [s for _, s in found(body, date(2025, 11, 2))] == ["Lee Jae-myung", "Keir Starmer", "Donald Trump"]


def test_and_after_a_reported_clause_joins_the_main_verb():
    body = ("President Lee Jae Myung held his first summit with Chinese President Xi Jinping on Saturday. The "
            "president recalled that President Xi had described the two countries as \"close neighbors who cannot "
            "be separated,\" and emphasized that \"the two countries have built trust through long exchanges.\"")
    assert [s for _, s in found(body, date(2025, 11, 2))] == ["Xi Jinping", "Lee Jae-myung"]


def test_and_has_pledged_shares_the_subject_and_with_x_calling_is_xs():
    body = ("Keir Starmer will meet Xi Jinping at the G20 summit in Brazil, Downing Street has confirmed.\n\n"
            "He will be the first British prime minister to meet the Chinese leader in years and has pledged to "
            "have \"serious, pragmatic discussions with him\" when they speak.\n\n"
            "Mark Carney met Donald Trump on Tuesday. The meeting was cordial, with Carney calling Trump a "
            "\"truly transformational president of the country\" and Trump praising him.")
    assert [s for _, s in found(body, date(2024, 11, 17))] == ["Keir Starmer", "Mark Carney"]


def test_a_quotation_in_what_someone_reports_of_unnamed_others_is_the_reporters():
    body = ("Vikram Misri, who briefed the media on Wednesday, said the two leaders agreed that special "
            "representatives would meet \u201cand explore a fair and mutually acceptable solution to the question.\u201d\n\n"
            "Putin met Xi Jinping in Moscow. He confessed to being \"slightly envious\" of China's \"very effective "
            "system for developing the economy.\"")
    assert [s for _, s in found(body, date(2024, 10, 23))] == ["Vikram Misri", "Vladimir Putin", "Vladimir Putin"]


def test_a_quotation_the_excerpt_stops_inside_runs_to_its_end():
    body = ("Modi met Xi in Kazan.\n\nThe Ministry of External Affairs further stated that \u201cthe two leaders "
            "affirmed that stable and amicable relations will have a positive")
    assert found(body, date(2024, 10, 23)) == [
        ("the two leaders affirmed that stable and amicable relations will have a positive",
         "Ministry of External Affairs")]
    assert found("Modi met Xi in Kazan. He said \u201cyes", date(2024, 10, 23)) == []  # too short to be one


def test_a_quotation_running_over_paragraphs_is_attributed_at_its_end():
    body = ("Biden met Xi on Wednesday.\n\n\u201cWe agreed to restore military communications.\n\n"
            "\u201cThat is vital, because accidents happen,\u201d Biden told reporters.")
    assert [s for _, s in found(body)] == ["Joe Biden", "Joe Biden"]


def test_mask_blanks_the_quotations_of_the_spans_asked_for():
    # the whole body's mask is kept between calls: another spans list on the same body must not reuse it
    body = 'He said “we are ready” and she said “not yet” today.'
    spans = find_spans(body)
    assert _mask(body, spans, 0, len(body)) == "He said " + " " * 14 + " and she said " + " " * 9 + " today."
    assert _mask(body, spans, 3, 12) == "said     "
    assert _mask(body, spans[:1], 0, len(body)) == "He said " + " " * 14 + ' and she said “not yet” today.'


def test_greeted_pleaded_appealed_asides_with_prepositions_adjectives_and_words_from_someone_before_a_colon():
    body = ("Vladimir Putin met Kim Jong Un at the Vostochny cosmodrome.\n\n"
            "\"I am very glad to see you,\" Putin greeted the North Korean leader.\n\n"
            "Kim Jong Un had tried to speak for a while. At one point, he pleaded that they \"talk about it very "
            "calmly.\"\n\n"
            "Last year, Emmanuel Macron appealed to Xi Jinping to \"bring Russia to its senses,\" but nothing came of it."
            "\n\nIndia's External Affairs Minister S. Jaishankar, at his joint press briefing with Russian Foreign "
            "Minister Sergey Lavrov in Moscow, said that \"India and Russia have been the steadiest of partners.\"\n\n"
            "\"Have they told you where that is Mr President?\" a puzzled Cyril Ramaphosa asked Donald Trump.\n\n"
            "\"It is not for sale, it will not be for sale, ever,\" Mark Carney said, drawing a quick comeback from "
            "Donald Trump: \"Never say never, never say never.\"")
    assert [s for _, s in found(body, date(2025, 5, 6))] == [
        "Vladimir Putin", "Kim Jong Un", "Emmanuel Macron", "S. Jaishankar", "Cyril Ramaphosa",
        "Mark Carney", "Donald Trump"]


def test_a_who_clause_with_commas_paraphrased_as_and_someone_was_in_the_first_person():
    body = ("Donald Trump met Emmanuel Macron at the White House.\n\n"
            "Macron, who was the first European leader to visit Washington, D.C., since the U.S. president returned "
            "to office, said they made \u201csubstantive steps forward.\u201d\n\n"
            "Xi Jinping met Kim Jong Un in Pyongyang. \"The situation on the peninsula concerns regional peace,\" "
            "the report paraphrased Mr Xi as telling Mr Kim.\n\n"
            "According to the transcript, Vladimir Putin was \u201cdelighted that our relations continue to develop.\u201d"
            "\n\nBiden was \u201ccandid and direct\u201d with Xi, officials said afterwards in a long call.")
    assert found(body, date(2025, 2, 25)) == [
        ("substantive steps forward.", "Emmanuel Macron"),
        ("The situation on the peninsula concerns regional peace,", "Xi Jinping"),
        ("delighted that our relations continue to develop.", "Vladimir Putin"),
        ("candid and direct", None)]
    # "… since the U.S. president returned to office": no office of the United States
    assert [r.kind for r in find_refs(body, date(2025, 2, 25)) if "office" in r.surface] == []


def test_said_aide_x_x_of_a_country_said_and_an_attribution_after_a_quotation_without_a_comma():
    body = ("Vladimir Putin met Steve Witkoff in Moscow.\n\n"
            "\"A very useful conversation took place,\" said aide Yuri Ushakov, speaking to reporters.\n\n"
            "Narendra Modi met Anthony Albanese in Sydney. Prime Minister Anthony Albanese of Australia said that "
            "Modi's visit \"strengthened the close and strong relationship.\"\n\n"
            "Joe Biden met Joko Widodo. \"We cannot take sides with any power in this world\" Joko Widodo said.\n\n"
            "He called the plan \"a very big mistake\" for everyone concerned in the region.")
    assert [s for _, s in found(body, date(2023, 11, 14))] == [
        "Yuri Ushakov", "Anthony Albanese", "Joko Widodo", "Joko Widodo"]


def test_according_to_the_official_news_agency_is_the_agency():
    body = ("Steven Mnuchin and Robert Lighthizer met Liu He in Shanghai.\n\n"
            "\u201cThe two sides conducted frank and constructive exchanges on major issues,\u201d according to the "
            "official Xinhua news agency, adding that purchases were discussed.")
    assert [s for _, s in found(body, date(2019, 7, 31))] == ["Xinhua"]


def test_a_quotation_after_a_sentence_closed_by_said_x_is_xs():
    body = ("Xi Jinping met Antony Blinken in Beijing.\n\n"
            "State-to-state interactions should always be based on mutual respect and sincerity, said Xi. "
            "\"I hope that Secretary Blinken, through this visit, could make positive contributions.\"")
    assert [s for _, s in found(body, date(2023, 6, 19))] == ["Xi Jinping"]


def test_a_readout_from_a_body_said_is_the_bodys():
    body = ("Janet Yellen met Li Qiang in Beijing on Sunday.\n\n"
            "\"The meeting was frank and productive,\" a readout from the Treasury Department said, adding that "
            "Yellen raised overcapacity.")
    assert [s for _, s in found(body, date(2024, 4, 7))] == ["Treasury Department"]


def test_thanked_and_interrupted_are_cues_and_was_quoted_as_telling_is_the_one_quoted():
    body = ("Cyril Ramaphosa met Donald Trump at the White House.\n\n"
            "Ramaphosa thanked Trump \"for allowing your people to start discussions with us\" on trade.\n\n"
            "Trump interrupted, \"The farmers over there are not Black.\"\n\n"
            "\u201cIt is important for South Africa to exert its influence,\u201d Ramaphosa was quoted by the Associated "
            "Press (AP) as telling the press after the meeting.")
    assert [s for _, s in found(body, date(2025, 5, 21))] == ["Cyril Ramaphosa", "Donald Trump", "Cyril Ramaphosa"]


def test_a_quotation_opening_with_its_cue_verb_is_the_subjects():
    body = ("Narendra Modi met Xi Jinping in Kazan.\n\n"
            "Modi underscored the importance of handling differences. He also \u201cwelcomed the recent agreement "
            "for complete disengagement in the border areas.\u201d\n\n"
            "Xi on Wednesday \u201cstressed that the two sides should remain partners,\u201d and the talks ended.")
    assert [s for _, s in found(body, date(2024, 10, 23))] == ["Narendra Modi", "Xi Jinping"]


def test_he_after_a_readout_quoting_someone_is_the_one_quoted():
    body = ("The Chinese readout also said Dong Jun told Pete Hegseth that their departments \"should take concrete "
            "actions to implement the consensus.\"\n\n"
            "He said they should also \"strengthen policy-level dialogue to enhance trust\" between the militaries.")
    assert [s for _, s in found(body, date(2025, 10, 31))] == ["Dong Jun", "Dong Jun"]


def test_a_role_description_does_not_reach_back_over_a_sentence_end():
    # "the world.\n\nThe Russian president" had been read as one role description, longer than (and so winning
    # over) "The Russian president"
    body = ("Vladimir Putin met Xi Jinping in Beijing on Thursday.\n\n"
            "Ties are a \u201cmodel of relations between large powers\u201d, the Chinese president stated, adding that "
            "this cooperation is in the best interests of the world.\n\n"
            "The Russian president agreed, saying, \u201cour cooperation is one of the main stabilizing factors\u201d.")
    assert [s for _, s in found(body, date(2024, 5, 16))] == ["Xi Jinping", "Vladimir Putin"]


def test_a_name_after_and_opening_the_sentence_is_its_subject():
    body = ("Marco Rubio met Wang Yi in Kuala Lumpur on Friday.\n\n"
            "And Rubio said the odds of Trump meeting Chinese President Xi Jinping were high.\n\n"
            "\u201cWe\u2019re two big, powerful countries, and there are always going to be issues,\u201d he told reporters.")
    assert [s for _, s in found(body, date(2025, 7, 11))] == ["Marco Rubio"]


def test_a_quotation_given_as_someones_words_is_theirs():
    body = ("Xi Jinping met Pedro S\u00e1nchez in Beijing.\n\n"
            "The Chinese president thanked his counterpart. \"I am very pleased to meet with you,\" were Xi's first "
            "words at the start of the meeting. \"This is your third visit in three years.\"\n\n"
            "\u201cWe will not back down on this,\u201d was the Spanish prime minister\u2019s reply.")
    assert [s for _, s in found(body, date(2025, 4, 11))] == ["Xi Jinping", "Xi Jinping", "Pedro S\u00e1nchez"]


def test_russia_s_foreign_ministry_is_the_russian_foreign_ministry():
    body = ("Marco Rubio met Sergei Lavrov in Riyadh.\n\n"
            "Russia's foreign ministry said that \"a simple refusal to accept Ukraine into NATO is not enough.\"\n\n"
            "\u201cThe two sides will stay in touch on this,\u201d the Russian Ministry of Foreign Affairs said.")
    assert [s for _, s in found(body, date(2025, 2, 18))] == ["Russian Foreign Ministry", "Russian Foreign Ministry"]


def test_a_name_in_a_phrase_opening_the_sentence_is_not_its_subject():
    body = ("At a press conference with Russian dictator Vladimir Putin, Hungarian Prime Minister Viktor Orban made "
            "several statements about the war. In particular, he emphasized that the positions of Kyiv and Moscow "
            "are \"very far from each other.\"\n\n"
            "In Beijing, Xi Jinping said ties were \"at a new starting point for the future.\"")
    assert [s for _, s in found(body, date(2024, 7, 5))] == ["Viktor Orb\u00e1n", "Xi Jinping"]


def test_a_possessive_before_a_cue_noun_is_no_unknown_speaker_and_more_cue_verbs():
    # "China’s claims" is a noun: "he" still means Sullivan, not someone unknown
    body = ("Xi Jinping met Jake Sullivan in Beijing.\n\n"
            "Sullivan, on his first trip to China, earlier met Wang Yi.\n\n"
            "The two have grown at odds over issues such as China\u2019s claims over the South China Sea.\n\n"
            "\u201cWe believe that competition does not have to lead to conflict,\u201d he told reporters.\n\n"
            "Shortly before the meeting Blinken hit out at Beijing's \"escalatory and unlawful actions\" at sea.\n\n"
            "Calling Putin an \"old friend\", Xi alluded to \"plans and arrangements for the next development.\"\n\n"
            "\"I think our common objective is to build peace,\" he articulated.")
    assert [s for _, s in found(body, date(2024, 8, 29))] == [
        "Jake Sullivan", "Antony Blinken", "Xi Jinping", "Xi Jinping", "Xi Jinping"]


def test_a_family_name_mistyped_by_one_letter_is_the_one_named_in_full():
    body = ("President Cyril Ramaphosa met Xi Jinping in Pretoria.\n\n"
            "China is the largest trading partner. Ramphosa said: \u201cOver the years, the relationship has been "
            "steadily strengthened.\u201d\n\n"
            "Joe Biden met Xi Jinping too. Bidem said: \u201cWe will keep talking to each other.\u201d")
    # "Bidem" is too short a name to tell a typo from another name
    assert [s for _, s in found(body, date(2023, 8, 22))] == ["Cyril Ramaphosa", None]


def test_a_name_in_a_clause_opening_without_its_subject_is_not_the_sentences():
    body = ("Donald Trump met Keir Starmer at the White House.\n\n"
            "When questioned whether Starmer could persuade him not to impose tariffs, Trump was critical of the "
            "European Union. He pointed out past disputes, saying, \u201cThe EU has sued American companies,\" "
            "citing Apple.")
    assert [s for _, s in found(body, date(2025, 2, 27))] == ["Donald Trump"]


def test_a_colon_after_the_quotation_the_pm_and_the_mea_and_words_conveyed():
    body = ("Erdogan and Olaf Scholz presented their points of view.\n\n"
            "\u201cIt\u2019s no secret that we have different points of view\u201d: Olaf Scholz emphasized that a "
            "compromise is out of the question.\n\n"
            "Prime Minister Narendra Modi has conveyed concern about \"continuing anti-India activities of extremist "
            "elements\" in a bilateral with Justin Trudeau.\n\n"
            "\u201cThe temple here would not have been possible without your support\u2026\u201d the PM told the "
            "Canadian leader.\n\n"
            "\u201cPM Modi highlighted that relations were anchored in shared democratic values,\u201d said the MEA.\n\n"
            "\u201cThe meeting gave the two ministers an opportunity to review the situation,\u201d India\u2019s "
            "external affairs ministry said.")
    assert [s for _, s in found(body, date(2023, 9, 10))] == [
        "Olaf Scholz", "Narendra Modi", "Narendra Modi"] + ["Indian Ministry of External Affairs"] * 2
