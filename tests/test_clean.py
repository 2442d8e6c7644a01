"""Clean: the junk the trunk issue lists never survives; prose does."""
from __future__ import annotations

import pytest

from generator.clean import clean
from generator.clean import clean_text
from generator.ingest import ingest

PROSE = "The two sides held candid talks in Beijing on Monday, officials said."


@pytest.mark.parametrize("junk", [
    "Xi meets Blinken in Beijing. © Mark Schiefelbein/POOL/AFP",
    "The leaders met. Photograph: Xinhua/Shutterstock",
    "Cover photo: imago/Xinhua",
    "More on China:",
    "Read Also",
    "Sign up to read this article",
    "Get all your news in one place.",
    "Download the app",
    "230619095246 02 blinken xi 061923",
    "Rachel Cheung in Hong Kong",
    "New York Times News Service",
    "By Kyle Feldscher and Tori B. Powell, CNN",
    "Share",
    "8013947",
    "Subscribe to our newsletter for the latest updates.",
    "(Reporting by David Brunnstrom; Editing by Don Durfee)",
    "Click here to read the full story.",
    "This story has been updated with additional details.",
    "We use cookies to improve your experience on our website.",
    "The views expressed are those of the author and do not reflect ours.",
    "Editor's note: This article was first published in 2022.",
    "Our Standards: The Thomson Reuters Trust Principles.",
    "Your browser does not support the video tag.",
    "This video is not available in your region.",
    "Prime Minister Sanae Takaichi, left, and Chinese President Xi Jinping shake hands ahead of their meeting.",
    "Chinese President Xi Jinping, right and Spanish Prime Minister Pedro Sanchez, second left.",
])
def test_junk_lines_removed(junk):
    body, removed = clean_text(f"{PROSE}\n\n{junk}\n\n{PROSE.replace('Monday', 'Tuesday')}", "A title")
    assert junk not in body.split("\n\n")
    assert PROSE in body


def test_caption_pair_and_teaser_removed():
    text = "\n".join([
        PROSE,
        "Secretary of State Blinken will meet with Chinese President Xi Jinping in Beijing on Friday.",
        "Secretary of State Blinken will meet with Chinese President Xi Jinping in Beijing on Friday.  © imago/Xinhua",
        "Taiwan lawmakers physically brawl over critical democracy legislation",
        "China Taiwan lawmakers physically brawl over critical democracy legislation",
        "Both sides agreed to keep talking, according to a statement released late on Thursday.",
    ])
    body, _ = clean_text(text, "Headline")
    assert "Friday" not in body and "brawl" not in body
    assert body.count("\n\n") == 1


def test_dateline_stripped_headline_dropped():
    body, _ = clean_text("Xi meets Blinken\nBEIJING (Reuters) - The two sides met on Friday for talks on trade.", "Xi meets Blinken")
    assert body == "The two sides met on Friday for talks on trade."


def test_long_cut_off_line_is_prose():
    line = ("The president told reporters aboard Air Force One that the US would lower tariffs implemented earlier "
            "this year from 20% to 10%. That brings the total rate down from 57% to 47%")
    assert clean_text(line, "x")[0] == line


JUNK_MARKERS = ["©", "Photograph:", "Cover photo", "More on China", "Read Also", "Sign up to read", "Get all your news",
                "Download the app", "230619095246", "Skip to", "Others Also Read", "pic.twitter.com", "Oops!",
                "News Service", "Sort by", "习近平"]


def _assert_clean(root):
    for article in clean(ingest(root).articles):
        for marker in JUNK_MARKERS:
            assert marker not in article.body, f"{article.file}: {marker!r} survived cleaning"
        assert len(" ".join(article.paragraphs).split()) >= 60, f"{article.file}: cleaning left almost nothing"


def test_seeds_are_clean(seeds):
    _assert_clean(seeds)


def test_dev_corpus_is_clean(dev_corpus):
    _assert_clean(dev_corpus / "articles")


def test_captions_that_end_in_their_date_are_junk_but_prose_dates_stay():
    text = ("Blinken met Wang Yi in Washington on Thursday, the State Department said.\n\n"
            "At right, Chinese Foreign Minister Wang Yi gives a speech in Beijing, Jan. 24, 2024.\n\n"
            "Wang Yi and Antony Blinken shake hands in Nusa Dua, Bali, Indonesia, July 9, 2022.\n\n"
            "Marco Rubio meets Sergei Lavrov at Diriyah Palace, in Riyadh, Saudi Arabia, Tuesday Feb. 18, 2025. "
            "(Evelyn Hockstein/Pool Photo via AP)\n\n"
            "Biden and Xi last met in Bali, Indonesia, on November 14, 2022.")
    body, removed = clean_text(text, "Blinken meets Wang")
    assert body.split("\n\n") == ["Blinken met Wang Yi in Washington on Thursday, the State Department said.",
                                  "Biden and Xi last met in Bali, Indonesia, on November 14, 2022."]
    assert len(removed) == 3


def test_a_caption_in_the_present_tense_ending_in_its_date_is_junk():
    text = ("President-elect Donald Trump smiles during an event at the convention center in Phoenix on Dec. 22, "
            "2024.\n\nTrump and Xi spoke by phone on Friday, the president-elect said in a post.\n\n"
            "Xi Jinping speaks at a summit in Lima on Nov. 16, 2024. Ann Roe/Getty Images\n\n"
            "Trump and Xi last spoke on Dec. 22, 2024.")
    body, removed = clean_text(text, "Trump and Xi speak")
    assert body.split("\n\n") == ["Trump and Xi spoke by phone on Friday, the president-elect said in a post.",
                                  "Trump and Xi last spoke on Dec. 22, 2024."] and len(removed) == 2


def test_a_short_line_ending_in_a_colon_introduces_the_quotation_after_it():
    text = "Meloni and Xi met on Monday in Beijing for talks.\n\nMeloni told Xi:\n“There is growing insecurity.”"
    body, removed = clean_text(text, "Meloni meets Xi")
    assert body.split("\n\n") == ["Meloni and Xi met on Monday in Beijing for talks.",
                                  "Meloni told Xi: “There is growing insecurity.”"] and removed == ()


def test_wire_datelines_with_an_agency_in_brackets_or_slashes_are_stripped():
    text = ("Moscow/New Delhi, July 9 (IANS) Prime Minister Narendra Modi was accorded a warm welcome.\n\n"
            "Beijing, 29 August 2023 (TDI): Yesterday, Gina Raimondo met Wang Wentao in Beijing.\n\n"
            "KAZAN, October 22. /TASS/. Narendra Modi and Xi Jinping will hold a meeting on Wednesday.\n\n"
            "MOSCOW, Aug. 28 (Xinhua) -- Vladimir Putin and Narendra Modi held phone talks on Monday.\n\n"
            "Nov. 16 (UPI) \u2014 Joe Biden met Xi Jinping for the last time as president on Saturday.\n\n"
            "(WASHINGTON) -- Donald Trump met Volodymyr Zelensky in the Oval Office on Friday.\n\n"
            "See 3 more photos World leaders typically play nice for the cameras in the Oval Office.\n\n"
            "VLADIVOSTOK, Russia, Sept 13 (Reuters) \u2013 Vladimir Putin said Russia would help build satellites.")
    body, _ = clean_text(text, "Modi meets Putin")
    assert body.split("\n\n") == ["Prime Minister Narendra Modi was accorded a warm welcome.",
                                  "Yesterday, Gina Raimondo met Wang Wentao in Beijing.",
                                  "Narendra Modi and Xi Jinping will hold a meeting on Wednesday.",
                                  "Vladimir Putin and Narendra Modi held phone talks on Monday.",
                                  "Joe Biden met Xi Jinping for the last time as president on Saturday.",
                                  "Donald Trump met Volodymyr Zelensky in the Oval Office on Friday.",
                                  "World leaders typically play nice for the cameras in the Oval Office.",
                                  "Vladimir Putin said Russia would help build satellites."]


def test_a_paragraph_of_prose_shown_twice_is_kept_once_a_repeated_caption_not_at_all():
    lead = ("Early last month, John Kerry and Xie Zhenhua held talks in southern California ahead of the summit. "
            "The location, a desert estate near Palm Springs, was symbolic.")
    caption = "President Joe Biden greets Chinese President Xi Jinping before a meeting in Woodside."
    text = f"{lead}\n\n{caption}\n\n{lead.replace('summit.', 'summit .')}\n\n{caption}\n\nThe envoys agreed to meet again."
    body, _ = clean_text(text, "Kerry and Xie at Sunnylands")
    assert body.split("\n\n") == [lead, "The envoys agreed to meet again."]


def test_agency_bars_transcript_labels_and_privacy_notices():
    text = ("LONDON | Xinhua | Keir Starmer met with Volodymyr Zelensky in London on Saturday.\n\n"
            "Anchor: Lee Jae Myung and Xi Jinping held their first summit talks in Gyeongju.\n\n"
            "Why It Matters: The talks could extend the tariff truce by another ninety days.\n\n"
            "Details: Macron said that France respects the long-standing ties between China and Russia.\n\n"
            "If you're curious, you can read our Privacy Notice.\n\n"
            "The leaders discussed the terms of use of the new port and the privacy of data.")
    body, _ = clean_text(text, "Starmer meets Zelensky")
    assert body.split("\n\n") == ["Keir Starmer met with Volodymyr Zelensky in London on Saturday.",
                                  "Lee Jae Myung and Xi Jinping held their first summit talks in Gyeongju.",
                                  "The talks could extend the tariff truce by another ninety days.",
                                  "Macron said that France respects the long-standing ties between China and Russia.",
                                  "The leaders discussed the terms of use of the new port and the privacy of data."]


def test_everything_from_the_list_of_other_stories_on_is_junk():
    text = ("Keir Starmer met Xi Jinping at the G20 summit in Rio de Janeiro on Monday.\n\n"
            "You may also like\n\nRead more from World News\n\n"
            "China urges UK to \u2018immediately stop creating trouble\u2019\n"
            "The UK should \u201cimmediately stop creating trouble\u201d, a spokesperson for the Chinese embassy said "
            "in a statement on its website.\nabout 15 hours ago")
    body, _ = clean_text(text, "Starmer meets Xi")
    assert body == "Keir Starmer met Xi Jinping at the G20 summit in Rio de Janeiro on Monday."


def test_a_list_of_other_stories_before_the_story_is_a_sidebar_heading():
    text = ("Obama and Xi end summit\n\nThe two leaders agreed to co-operate on North Korea\n\nRelated Stories\n\n"
            "US President Barack Obama and Chinese leader Xi Jinping have ended a two-day summit.")
    body, removed = clean_text(text, "Obama and Xi end summit")
    assert body == "US President Barack Obama and Chinese leader Xi Jinping have ended a two-day summit."


def test_captions_ending_in_their_credit_and_headers_with_a_posted_timestamp():
    text = ("Gina Raimondo speaks as she visits a showcase at a hotel in Beijing on Aug. 28, 2023. (Andy Wong/Pool/"
            "AFP via Getty Images)\n\n"
            "Xi Sends a Message, Meets With Blinken By John Johnson, Newser Staff Posted Jun 19, 2023 9:30 AM CDT\n\n"
            "Raimondo met Wang Wentao in Beijing on Monday (local time) to discuss trade.\n\n"
            "The talks were held at the Great Hall (see the photo above).")
    body, _ = clean_text(text, "Raimondo meets Wang")
    assert body.split("\n\n") == ["Raimondo met Wang Wentao in Beijing on Monday (local time) to discuss trade.",
                                  "The talks were held at the Great Hall (see the photo above)."]


def test_an_article_on_one_line_is_no_caption_or_header_even_with_a_timestamp_and_a_credit():
    line = ("Xi Sends a Message By John Johnson, Newser Staff Posted Jun 19, 2023 7:00 AM CDT " +
            "Antony Blinken met Xi Jinping in Beijing on Monday, and the two sides agreed to keep talking. " * 4 +
            "(Leah Millis/Pool Photo via AP)")
    body, removed = clean_text(line, "Xi sends a message")
    assert body == line and removed == ()


def test_no_junk_pattern_removes_a_whole_page_on_one_line():
    line = "Antony Blinken met Xi Jinping in Beijing on Monday, and the two sides agreed to keep talking. " * 8
    body, _ = clean_text(line + "© 2023 Example News - Reuters", "Blinken meets Xi")
    assert body.startswith("Antony Blinken met Xi Jinping")


def test_teaser_ages_dated_datelines_and_credits_after_a_caption():
    text = ("Vladimir Putin shakes hands with Xi Jinping during a meeting at the Kremlin in Moscow, Russia, March 20, "
            "2023. Photo by Sputnik via Reuters\n\n"
            "1 week ago China and the United States should be partners rather than rivals, Xi Jinping said.\n\n"
            "November 6, 2023, Beijing \u2013 Xi Jinping met with Anthony Albanese at the Great Hall of the People.\n\n"
            "Narendra Modi and Xi Jinping during a plenary session of the BRICS Summit in Kazan, Wednesday. \u2014 PTI\n\n"
            "The photo by the lake was taken on Friday by a local resident who later shared it online.")
    body, _ = clean_text(text, "Xi meets Albanese")
    assert body.split("\n\n") == [
        "China and the United States should be partners rather than rivals, Xi Jinping said.",
        "Xi Jinping met with Anthony Albanese at the Great Hall of the People.",
        "The photo by the lake was taken on Friday by a local resident who later shared it online."]


def test_text_hard_wrapped_with_tab_indented_lines_is_joined_back():
    text = ("China said the two sides had \u201cin-depth, candid and constructive\u201d \n"
            "\t\tdiscussions and agreed to work on extending a pause in tariffs.\n \n"
            " \u201cA stable and sustainable relationship serves both countries,\u201d \n"
            "\t\tsaid Vice Premier He Lifeng, who led the Chinese side.\n"
            "\t\tHe did not say how the extension would work.")
    body, _ = clean_text(text, "US and China agree to extend the pause")
    assert body.split("\n\n") == [
        "China said the two sides had \u201cin-depth, candid and constructive\u201d discussions and agreed to work on "
        "extending a pause in tariffs.",
        "\u201cA stable and sustainable relationship serves both countries,\u201d said Vice Premier He Lifeng, who "
        "led the Chinese side.",
        "He did not say how the extension would work."]


def test_a_sentence_opening_with_words_and_a_dash_keeps_them():
    # a dateline is a place's capitalised words ("Rio de Janeiro –"), not a sentence's opening ("Using similar
    # language –")
    text = ("Using similar language \u2013 \u201cagreed in principle a framework\u201d \u2013 US Commerce Secretary "
            "Howard Lutnick said his delegation would report back.\n\n"
            "Rio de Janeiro \u2013 Prime Minister Keir Starmer met President Xi Jinping at the G20 summit on Monday.")
    assert clean_text(text, "t")[0].split("\n\n") == [
        text.split("\n\n")[0], "Prime Minister Keir Starmer met President Xi Jinping at the G20 summit on Monday."]


def test_a_dateline_with_the_place_before_a_full_date_is_stripped():
    text = "Hanoi, April 15, 2025 \u2014 Chinese President Xi Jinping on Monday met To Lam, the top leader of Vietnam."
    assert clean_text(text, "t")[0] == "Chinese President Xi Jinping on Monday met To Lam, the top leader of Vietnam."


def test_an_agency_in_capitals_after_the_last_sentence_is_stripped_not_the_paragraph():
    # the credit made the story's last line end without a full stop, and so look like a heading; a caption's
    # credit earlier in the page still marks it as one
    caption = "US President Joe Biden and Chinese President Xi Jinping meet at Filoli estate in Woodside, California. AP"
    for credit in ("REUTERS", "AFP, BLOOMBERG"):
        text = (f"{PROSE}\n\n{caption}\n\nThe minister said it was \u201cimportant that we have communication\u201d "
                f"where differences arise. {credit}")
        assert clean_text(text, "t")[0].split("\n\n") == [
            PROSE, "The minister said it was \u201cimportant that we have communication\u201d where differences arise."]


def test_a_dateline_with_its_dash_against_the_first_word_is_stripped():
    text = ("Hong Kong CNN \u2014Chinese leader Xi Jinping met Jake Sullivan in Beijing on Thursday.\n\n"
            "U.S.-China talks resumed on Monday in Geneva after a long pause between the two sides.")
    assert clean_text(text, "t")[0].split("\n\n") == [
        "Chinese leader Xi Jinping met Jake Sullivan in Beijing on Thursday.",
        "U.S.-China talks resumed on Monday in Geneva after a long pause between the two sides."]
