"""Topics: taxonomy validation, keyword matching in context, substantive assignment, suggestions."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from generator.model import Article, Meeting, MeetingQuote, TopicMention
from generator.pipeline import topic_quotes
from generator.resources import ConfigError
from generator.topics import (assign_topics, find_topics, load_taxonomy, parse_settings, parse_taxonomy,
                              suggest_topics, topics_in)

SHARED = Path(__file__).resolve().parents[2] / "shared"
ISSUE_IDS = ["taiwan", "south-china-sea", "russia-ukraine", "middle-east", "fentanyl", "artificial-intelligence",
             "military-communication", "trade-economy", "technology-export-controls", "human-rights",
             "people-to-people", "north-korea", "spy-balloon", "climate"]


def article(aid: str, body: str, title: str = "Leaders meet") -> Article:
    return Article(id=aid, file=f"{aid}.md", title=title, outlet="Test", url=None, published=None, text=body,
                   body=body)


def meeting(*articles: Article, syndicated: tuple[tuple[str, ...], ...] = ()) -> Meeting:
    return Meeting(id="m", title="m", date=date(2023, 11, 15), location=None, venue=None,
                   participants=("Joe Biden", "Xi Jinping"), articles=tuple(a.id for a in articles),
                   syndicated=syndicated)


def topics_of(*articles: Article, **kw) -> tuple[str, ...]:
    return assign_topics(meeting(*articles, **kw), {a.id: a for a in articles}, load_taxonomy())[0]


FILLER = "The talks lasted four hours. Officials from both governments attended."


# --- taxonomy -------------------------------------------------------------------------------------------------


def test_shipped_taxonomy_has_the_issue_ids_in_order():
    assert [t.id for t in load_taxonomy()] == ISSUE_IDS
    assert all(t.name and t.description for t in load_taxonomy())


def test_every_problem_is_reported_at_once_naming_topic_and_field():
    data = {"topics": [
        {"id": "ok", "name": "OK", "description": "fine", "keywords": ["x"]},
        {"id": "Bad Id", "name": "", "description": "d", "keywords": ["y"]},
        {"id": "no-words", "name": "N", "description": "d", "keywords": []},
        {"id": "bad-re", "name": "R", "description": "d", "keywords": ["z"], "exclude": ["(unclosed"]},
        {"id": "orphan", "name": "O", "description": "d", "keywords": ["w"], "parent": "nowhere"},
        {"id": "ok", "name": "Again", "description": "d", "keywords": ["v"], "colour": "red"},
        {"id": "ctx", "name": "C", "description": "d", "near": [{"words": ["talks"], "near": [], "within": -1}]},
    ]}
    with pytest.raises(ConfigError) as err:
        parse_taxonomy(data)
    message = str(err.value)
    for expected in ["topic 'Bad Id': `id`", "topic 'Bad Id': `name`", "topic 'no-words': `keywords` is empty",
                     "topic 'bad-re': `exclude` has an invalid regular expression",
                     "topic 'orphan': `parent` 'nowhere'", "topic 'ok': unknown field(s) colour",
                     "topic 'ctx': `near` #1: `words` and `near`", "topic 'ctx': `near` #1: `within`"]:
        assert expected in message
    assert "topic 'ok': `id` is used" not in message  # the second 'ok' was rejected for its unknown field


def test_duplicate_ids_and_parent_cycles():
    base = {"name": "N", "description": "d", "keywords": ["k"]}
    with pytest.raises(ConfigError, match="'a': `id` is used 2 times"):
        parse_taxonomy({"topics": [{"id": "a", **base}, {"id": "a", **base}]})
    with pytest.raises(ConfigError, match="'a': `parent` makes a cycle"):
        parse_taxonomy({"topics": [{"id": "a", "parent": "b", **base}, {"id": "b", "parent": "a", **base}]})


def test_settings_are_validated():
    data = yaml.safe_load((Path(__file__).resolve().parents[1] / "generator/data/topics.yml").read_text())
    assert parse_settings(data).min_score > 0
    data["settings"]["min_score"] = "two"
    data["settings"]["lead_sentences"] = 1.5
    with pytest.raises(ConfigError) as err:
        parse_settings(data)
    assert "`min_score` must be a non-negative number" in str(err.value)
    assert "`lead_sentences` must be a non-negative integer" in str(err.value)


# --- matching -------------------------------------------------------------------------------------------------


def test_keywords_on_word_boundaries_with_plurals_hyphens_and_case():
    tax = load_taxonomy()
    assert topics_in("Beijing eased its rare-earths curbs.", tax) == ["technology-export-controls"]
    assert topics_in("They spoke about AI safety.", tax) == ["artificial-intelligence"]
    assert topics_in("Mr Ai Weiwei and the maid said so.", tax) == []  # aliases keep their case
    assert topics_in("a retrade of Taiwanese goods", tax) == ["taiwan"]


def test_exclusions_and_context():
    tax = load_taxonomy()
    assert topics_in("the world's two largest economies met", tax) == []
    assert topics_in("on the sidelines of the Asia-Pacific Economic Cooperation forum", tax) == []
    assert topics_in("the political climate in Washington", tax) == []
    assert topics_in("China agreed to curb the illegal trade in fentanyl.", tax) == ["fentanyl"]
    assert topics_in("They agreed to restore channels of communication.", tax) == []
    assert topics_in("They agreed to restore communication between their militaries.", tax) == [
        "military-communication"]
    assert topics_in("Biden told journalists it went well.", tax) == []
    assert topics_in("China will issue visas to more American journalists.", tax) == ["people-to-people"]


def test_russia_as_a_meeting_s_place_is_not_the_war_and_defence_communication_is_military_communication():
    tax = load_taxonomy()
    for place in ("Modi and Xi met in Kazan, Russia on Wednesday.", "The leaders met in Russia today.",
                  "They met in the Russian city of Kazan.", "Kazan (Russia): Modi met Xi."):
        assert topics_in(place, tax) == [], place
    assert topics_in("Modi raised the war in Russia's neighbour, Ukraine.", tax) == ["russia-ukraine"]
    assert topics_in("Xi and Modi discussed sanctions on Russia.", tax) == ["russia-ukraine"]
    assert topics_in("It was a sign of improving defence communication between the two sides.", tax) == [
        "military-communication"]
    assert topics_in("Defence cooperation, including talks over 40 F-16s, was a priority.", tax) == []


def test_a_deal_for_a_country_s_minerals_is_no_export_control():
    tax = load_taxonomy()
    assert topics_in("Trump stressed the Critical Minerals and Rare-Earths Deal between the United States.", tax) == []
    assert topics_in("The deal would have allowed the US access to Ukraine\u2019s rare earth minerals.", tax) == [
        "russia-ukraine"]
    assert topics_in("He is expected to sign an agreement with Trump on rare earth minerals.", tax) == []
    assert topics_in("China agreed to pause its rare earth export controls.", tax) == ["technology-export-controls"]


def test_mention_spans_point_at_the_words():
    text = "Talks covered Taiwan."
    assert [(text[a:b], t) for a, b, t in find_topics(text, load_taxonomy())] == [("Taiwan", "taiwan")]


# --- assignment -----------------------------------------------------------------------------------------------


def test_one_passing_sentence_is_not_a_topic_but_two_articles_are():
    once = article("a", f"{FILLER} Tensions have also risen over climate change in recent months.")
    assert "climate" not in topics_of(once)
    other = article("b", f"{FILLER} Both sides face pressure on climate change.")
    assert "climate" in topics_of(once, other)


def test_a_list_of_many_topics_is_passing():
    listed = article("a", f"{FILLER} Ties are strained over Taiwan, Ukraine and the Middle East.")
    other = article("b", f"{FILLER} Critics point to Taiwan, Ukraine and Gaza.")
    assert topics_of(listed, other) == ()


def test_a_principal_acting_on_a_topic_is_substantive():
    acted = article("a", f"{FILLER} Biden said he raised human rights in Xinjiang with Xi. The rest was protocol.",
                    title="Biden meets Xi and raises Xinjiang")
    assert topics_of(acted) == ("human-rights",)
    lead = article("b", "Biden and Xi agreed to resume military-to-military communication on Wednesday. "
                        f"{FILLER} The military talks will start soon.")
    assert topics_of(lead) == ("military-communication",)


def test_many_plain_sentences_of_one_article_are_background():
    background = article("a", f"{FILLER} The trip was postponed by a balloon. China said the balloon strayed.")
    assert topics_of(background) == ()


def test_syndicated_copies_count_once():
    first = article("a", f"{FILLER} Security officials worry about the balloon.")
    copy = article("b", f"{FILLER} Security officials worry about the balloon.")
    assert topics_of(first, copy) == ("spy-balloon",)
    assert topics_of(first, copy, syndicated=(("a", "b"),)) == ()


def test_topic_sentences_are_verbatim_and_skip_passing_lists():
    body = (f"{FILLER} Xi agreed to curb fentanyl precursors, Biden said. "
            "Ties are strained over fentanyl, Taiwan and Ukraine. Fentanyl kills thousands every year.")
    a = article("a", body)
    topics, mentions = assign_topics(meeting(a), {"a": a}, load_taxonomy())
    assert topics == ("fentanyl",)
    assert [m.sentence for m in mentions] == ["Xi agreed to curb fentanyl precursors, Biden said.",
                                              "Fentanyl kills thousands every year."]
    assert all(m.sentence in body and m.article == "a" and m.topic == "fentanyl" for m in mentions)


def test_topics_come_in_taxonomy_order():
    a = article("a", "Biden urged Xi to act on fentanyl. Biden said Taiwan remains a concern. " + FILLER,
                title="Fentanyl and Taiwan on the table")
    assert topics_of(a) == ("taiwan", "fentanyl")


def test_a_topic_s_quotes_are_those_standing_in_its_sentences():
    """Found with the meeting's analysis and cached with it, so a rebuild does not look for them again."""
    mentions = (TopicMention("taiwan", "a", 'Xi said "Taiwan is the core issue" at the talks.'),
                TopicMention("trade", "a", 'Blinken raised "unfair practices" and tariffs.'),
                TopicMention("taiwan", "b", 'He warned of "red lines" over the island.'))
    quotes = tuple(MeetingQuote(text, None, "said", ("a",)) for text in
                   ("Taiwan is the core issue", "unfair practices", "red lines", "a new chapter"))
    assert topic_quotes(("taiwan", "trade", "climate"), mentions, quotes) == (
        ("taiwan", (quotes[0], quotes[2])), ("trade", (quotes[1],)), ("climate", ()))


# --- suggestions ----------------------------------------------------------------------------------------------


def test_suggest_topics_leaves_out_covered_phrases_and_names():
    bodies = ["Negotiators discussed nuclear arms control and the Panama Canal at length. Fentanyl came up.",
              "Nuclear arms control dominated the day, with the Panama Canal also raised by Joe Biden.",
              "Experts said nuclear arms control talks would resume; the Panama Canal dispute lingers."]
    found = dict(suggest_topics([article(f"a{i}", b) for i, b in enumerate(bodies)], load_taxonomy()))
    assert found and all(n >= 2 for n in found.values())
    assert any("arms control" in p.lower() or "panama canal" in p.lower() for p in found)
    assert not any("fentanyl" in p.lower() or "biden" in p.lower() for p in found)


# --- the dev corpus -------------------------------------------------------------------------------------------


@pytest.mark.skipif(not (SHARED / "corpus/dev/gold.yml").is_file(), reason="shared dev corpus not present")
def test_dev_corpus_micro_f1():
    from generator.clean import clean
    from generator.ingest import ingest

    dev = SHARED / "corpus/dev"
    gold = yaml.safe_load((dev / "gold.yml").read_text(encoding="utf-8"))
    arts = {a.file: a for a in clean(ingest(dev / "articles").articles)}
    by_id = {a.id: a for a in arts.values()}
    tp = fp = fn = 0
    for gm in gold["meetings"]:
        ids = tuple(arts[g["file"]].id for g in gold["articles"] if g["meeting"] == gm["id"])
        m = Meeting(id=gm["id"], title=gm["id"], date=gm["date"], location=None, venue=None,
                    participants=tuple(gm["participants"]), articles=ids)
        got, _ = assign_topics(m, by_id, load_taxonomy())
        p, g, optional = set(got), set(gm["topics"]), set(gm.get("topics_optional", []))
        tp, fp, fn = tp + len(p & g), fp + len(p - g - optional), fn + len(g - p)
    assert 2 * tp / (2 * tp + fp + fn) >= 0.9


def test_moscow_as_the_place_crisis_communications_and_freedom_of_expression():
    tax = load_taxonomy()
    for place in ("Jaishankar and Wang Yi held talks in Moscow on Thursday.", "They met in the Russian capital.",
                  "Moscow/New Delhi: Jaishankar met Wang Yi.", "They met at a Russia-India-China lunch."):
        assert topics_in(place, tax) == [], place
    assert topics_in("Moscow's war goes on.", tax) == ["russia-ukraine"]
    assert topics_in("He urged talks on improving crisis communications.", tax) == ["military-communication"]
    assert topics_in("Canada will always defend freedom of expression.", tax) == ["human-rights"]
