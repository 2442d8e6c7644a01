"""The people gazetteer: aliases, dated role descriptions, unknown names, ids."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date

import pytest

from generator.people import (by_name, country_of, find_mentions, find_people, names_pattern, parse_gazetteer,
                              side_order, slug_of, trie_pattern)
from generator.resources import ConfigError


def names(text: str, on: date | None = None) -> list[str]:
    return [m.name for m in find_people(text, on)]


def test_aliases_and_titles():
    assert names("Mr Blinken met President Xi.") == ["Antony Blinken", "Xi Jinping"]
    assert [m.name for m in find_mentions("the White House said")] == ["White House"]


def test_descriptions_resolve_by_date():
    assert names("The US president met the Chinese leader.", date(2023, 11, 15)) == ["Joe Biden", "Xi Jinping"]
    assert names("The U.S. president spoke.", date(2025, 10, 30)) == ["Donald Trump"]
    # someone who held the post twice (`terms`), and the holders between
    assert names("The U.S. president and the treasury secretary spoke.", date(2019, 6, 29)) == [
        "Donald Trump", "Steven Mnuchin"]
    assert names("The U.S. president spoke.", date(2022, 11, 14)) == ["Joe Biden"]
    assert names("The U.S. president spoke.", date(2014, 11, 10)) == ["Barack Obama"]
    assert names("The U.S. president spoke.", date(2005, 11, 10)) == []  # no holder in the gazetteer
    assert names("China\u2019s leader spoke", date(2023, 6, 19)) == ["Xi Jinping"]
    assert names("Chinese vice premier meets with US treasury secretary", date(2023, 7, 9)) == [
        "He Lifeng", "Janet Yellen"]


def test_a_description_naming_a_country_is_also_written_with_its_other_names_and_role_synonyms():
    data = {"nationalities": {"Freedonian": "Freedonia"}, "country_forms": {"Freedonia": ["Fredville's"]},
            "role_synonyms": {"defence minister": ["defence chief"]},
            "people": [{"name": "Ann Lee", "country": "Freedonia",
                        "descriptions": ["the Freedonian defence minister", "the defence minister"]}]}
    (lee,) = parse_gazetteer(data)
    assert lee.descriptions == (
        "the Freedonian defence minister", "Fredville's defence minister", "the Freedonian defence chief",
        "Fredville's defence chief", "the defence minister")  # without a country, no synonym: anyone's chief
    on = date(2024, 5, 31)
    assert names("Beijing's top diplomat met America's defence chief.", on) == ["Wang Yi", "Lloyd Austin"]
    assert names("China's defense chief met the US treasury chief.", on) == ["Dong Jun", "Janet Yellen"]
    assert names("The defence chief spoke.", on) == []
    assert names("Spain's PM met the Indian PM.", on) == ["Pedro Sánchez", "Narendra Modi"]
    assert names("London's prime minister spoke.", date(2024, 11, 18)) == ["Keir Starmer"]  # UK: United Kingdom


def test_a_description_followed_by_another_country_or_body_is_not_the_holders():
    def named(text: str, on: date) -> list[str]:
        return [m.name for m in find_people(text, on)]

    assert named("The President of Turkey met the president in Sochi.", date(2023, 9, 4)) == [
        "Recep Tayyip Erdogan", "Joe Biden"]
    assert named("The President of the Russian Federation said so.", date(2023, 9, 4)) == ["Vladimir Putin"]
    assert named("The president of the United States said so.", date(2023, 9, 4)) == ["Joe Biden"]
    assert named("The president of the European Commission said so.", date(2023, 9, 4)) == []


def test_unknown_names_after_a_title_with_later_surname():
    found = find_people("New Zealand Foreign Minister Winston Peters met Xi. Peters said it went well.")
    assert [(m.name, m.known) for m in found] == [
        ("Winston Peters", False), ("Xi Jinping", True), ("Winston Peters", False)]


def test_unknown_names_are_not_possessives_and_their_parts_resolve_to_them():
    # the possessive is not part of the name; a surname after a title before the full name (a headline) is the
    # person named in full later
    assert names("Fairley meets President Qiu\nPresident Tom Fairley\u2019s summit with Chinese President Qiu Hanmin "
                 "began.") == ["Tom Fairley", "Qiu Hanmin", "Tom Fairley", "Qiu Hanmin"]
    assert names("Prime Minister Sean O'Rourke's plan") == ["Sean O'Rourke"]


def test_unknown_name_in_apposition_to_a_title():
    assert names("US Defense Secretary Grant Ellery and China's Defense Minister, Ma Qingtao, met.") == [
        "Grant Ellery", "Ma Qingtao"]
    assert names("the Minister, who arrived late, spoke") == []


def test_an_unknown_name_after_a_role_description_is_the_one_meant():
    assert names("US President Tom Fairley and Chinese leader Qiu Hanmin met. Mr Qiu said so.",
                 date(2023, 11, 15)) == ["Tom Fairley", "Qiu Hanmin", "Qiu Hanmin"]


def test_an_unknown_name_by_any_part_of_it_no_one_else_has():
    # a family name first or last; not a part another person named in full shares
    assert names("Defense Minister Ma Qingtao met Tom Fairley. Ma said so.") == ["Ma Qingtao", "Ma Qingtao"]
    assert names("Minister Ma Qingtao met Minister Ma Lin. Ma said so. Lin agreed.") == [
        "Ma Qingtao", "Ma Lin", "Ma Lin"]


def test_a_description_before_a_name_is_its_title():
    # the name wins over the gazetteer's holder of the post, here and for the same description elsewhere
    assert names("U.S. Treasury Secretary Maria Castellano met He Lifeng. The treasury secretary said so.",
                 date(2023, 7, 9)) == ["Maria Castellano", "He Lifeng", "Maria Castellano"]
    # a headline above the lead: the same post, named in the lead
    assert names("Chinese vice premier meets with US treasury secretary\nChinese Vice Premier Zhou Minghua met "
                 "U.S. Treasury Secretary Maria Castellano.", date(2023, 7, 9)) == [
        "Zhou Minghua", "Maria Castellano", "Zhou Minghua", "Maria Castellano"]
    # a past holder takes only the title he stands behind; a title before the holder's own name is no
    # second mention
    assert names("Former US Treasury Secretary Larry Summers said the US treasury secretary should go.",
                 date(2023, 7, 9)) == ["Larry Summers", "Janet Yellen"]
    assert names("Chinese Vice Premier He Lifeng spoke.", date(2023, 7, 9)) == ["He Lifeng"]
    # an appositive after the name, likewise
    assert names("Scott Bessent, the US treasury secretary, met He Lifeng. The treasury secretary said so.",
                 date(2023, 7, 9)) == ["Scott Bessent", "He Lifeng", "Scott Bessent"]


def test_unknown_part_of_a_known_name_resolves_to_it():
    assert names("Chinese Prime Minister Li Qiang met Yellen. Prime Minister Li said") == [
        "Li Qiang", "Janet Yellen", "Li Qiang"]


def test_organisations_are_not_people():
    assert names("the White House said") == []


def test_slugs_and_order():
    assert slug_of("Antony Blinken") == "blinken"
    assert slug_of("Li Qiang") == "li-qiang"
    assert slug_of("Anthony Albanese") == "albanese"
    assert slug_of("Winston Peters") == "winston-peters"  # not in the gazetteer: the whole name
    assert sorted(["Xi Jinping", "Keir Starmer", "Janet Yellen"], key=side_order) == [
        "Janet Yellen", "Xi Jinping", "Keir Starmer"]
    assert country_of("Dong Jun") == "China" and by_name()["Dong Jun"].short == "Dong"


def test_trie_pattern_prefers_longest():
    pattern = re.compile(r"(?<!\w)(?:" + trie_pattern(["Xi", "Xi Jinping", "Mr Xi"]) + r")(?!\w)")
    assert pattern.findall("Mr Xi and Xi Jinping and Xi") == ["Mr Xi", "Xi Jinping", "Xi"]


def test_surname_alias_does_not_swallow_another_full_name():
    from generator.people import find_mentions

    names = [m.name for m in find_mentions("Commerce Minister Wang Wentao met Wang Yi. Minister Wang said on Friday. Xi Monday")]
    assert names == ["Wang Wentao", "Wang Yi", "Wang Yi", "Xi Jinping"]


def test_a_name_inside_a_longer_word_after_an_apostrophe_is_no_mention():
    found = find_people("Biden met Li Qiang in Xi'an on Monday. Xi\u2019s aides and Xi's envoy were not there.")
    assert [(m.name, m.surface) for m in found] == [
        ("Joe Biden", "Biden"), ("Li Qiang", "Li Qiang"), ("Xi Jinping", "Xi"), ("Xi Jinping", "Xi")]


def test_a_given_name_written_with_or_without_its_hyphen_is_the_same_person():
    text = ("President Yoon Suk-yeol met Kim Jong-Un's envoy; Lee Jae Myung and Tsai Ing Wen were not there, "
            "nor was Yoon Suk-Yeol's predecessor.")
    assert [m.name for m in find_mentions(text)] == [
        "Yoon Suk Yeol", "Kim Jong Un", "Lee Jae-myung", "Tsai Ing-wen", "Yoon Suk Yeol"]


def test_a_shared_family_name_alone_names_the_one_person_named_in_full_with_it():
    found = find_people("Janet Yellen met Premier Li Qiang. Li told Yellen that ties can improve. "
                        "Kerry met Xie Zhenhua; later Kerry and Xie flew home. He Lifeng came too. He said so.")
    assert [(m.name, m.surface) for m in found if m.surface in ("Li", "Xie", "He")] == [
        ("Li Qiang", "Li"), ("Xie Zhenhua", "Xie")]
    assert [m.surface for m in find_people("Li Qiang met Li Keqiang's widow. Li said.") if m.surface == "Li"] == []


def test_a_surname_alone_is_the_person_named_in_full_who_has_it():
    text = "Raimondo met Chinese Commerce Minister Wang Wentao. Wang told Raimondo it was a pleasure."
    assert [m.name for m in find_mentions(text) if m.surface == "Wang"] == ["Wang Wentao"]
    assert [m.name for m in find_mentions("Blinken met Wang. Wang said.") if m.surface == "Wang"] == ["Wang Yi"] * 2


def test_a_name_or_alias_belongs_to_one_entry_only():
    data = {"surname_titles": ["Mr"], "people": [
        {"name": "Mike Waltz", "surname": "Waltz"},
        {"name": "Michael Waltz", "aliases": ["Mike Waltz"], "surname": "Waltz"},
        {"name": "Ann Lee", "aliases": ["Ann Lee"]},  # an entry repeating its own name is no clash
        {"name": "Bo Yang"}, {"name": "Bo Yang", "role": "Mayor"}]}  # but two entries of one name are
    with pytest.raises(ConfigError) as err:
        parse_gazetteer(data)
    assert str(err.value).splitlines() == [
        "people.yml: 'Bo Yang' has 2 entries",
        "people.yml: 'Mike Waltz' names both 'Mike Waltz' and 'Michael Waltz'",
        "people.yml: 'Waltz' names both 'Mike Waltz' and 'Michael Waltz'",
        "people.yml: 'Mr Waltz' names both 'Mike Waltz' and 'Michael Waltz'"]
    assert [p.name for p in parse_gazetteer({"people": data["people"][:3:2]})] == ["Mike Waltz", "Ann Lee"]


def test_terms_of_office_are_dates():
    person = {"name": "Ann Lee", "descriptions": ["the mayor"],
              "terms": [{"from": date(2017, 1, 20), "to": "2021-01-20"}, {"from": "2025-01-20"}]}
    (lee,) = parse_gazetteer({"people": [person]})
    assert lee.terms == ((date(2017, 1, 20), date(2021, 1, 20)), (date(2025, 1, 20), None))
    assert [lee.active(d) for d in (date(2019, 1, 1), date(2023, 1, 1), date(2026, 1, 1))] == [True, False, True]
    with pytest.raises(ConfigError, match=r"people.yml: Ann Lee: `to` must be a date \(YYYY-MM-DD\), got '2021-13-01'"):
        parse_gazetteer({"people": [{"name": "Ann Lee", "from": "2017-01-20", "to": "2021-13-01"}]})
    with pytest.raises(ConfigError, match="people.yml: Ann Lee: each of `terms` is a mapping"):
        parse_gazetteer({"people": [{"name": "Ann Lee", "terms": ["2017"]}]})


def test_names_pattern_finds_an_unknown_name_by_its_family_name_first_or_last():
    pattern = names_pattern(["Qiu Hanmin", "Tom Fairley", "Joe Biden"])
    text = "Qiu said Fairley and President Biden met Tom. Q agreed."
    assert [m.group() for m in pattern.finditer(text)] == ["Qiu", "Fairley", "President Biden", "Tom"]
    # not by a part that is also a pronoun ("He" of He Xiaoming)
    assert [m.group() for m in names_pattern(["He Xiaoming"]).finditer("He said He Xiaoming came.")] == [
        "He Xiaoming"]


def test_descriptions_looked_up_by_role_changes_are_those_of_the_day():
    # the lookup keys a day by the last day on which who holds a described role changed: every day of 2016–2026
    # (and one before any term) must give the people a pass over the gazetteer gives
    from datetime import timedelta

    from generator.people import _described_on, _descriptions, gazetteer
    days = [date(1990, 1, 1)] + [date(2016, 1, 1) + timedelta(days=d) for d in range(0, 11 * 366, 3)]
    for day in days:
        active = tuple(p.name for p in gazetteer() if p.descriptions and p.active(day))
        assert _descriptions(day) == _described_on.__wrapped__(day), day
        assert set(_descriptions(day)[1].values()) <= set(active)


def test_names_pattern_search_is_the_first_match_of_finditer():
    pattern = names_pattern(["Xi Jinping", "Antony Blinken", "Qiu Hanmin"])
    for text in ["Blinken met Xi Jinping.", "President Xi and Mr Blinken", "Qiu Hanmin, Xi", "no one", "Xi"]:
        first = next(pattern.finditer(text), None)
        found = pattern.search(text)
        assert (found and (found.span(), found.group())) == (first and (first.span(), first.group())), text


def test_a_name_is_also_known_without_its_accents():
    person, = parse_gazetteer({"surname_titles": ["President"], "people": [
        {"name": "Aleksandar Vučić", "surname": "Vučić"}]})
    assert {"Aleksandar Vucic", "Vucic", "President Vucic"} <= set(person.aliases)
    # a family name alone, written as the text writes the full name, or with its accents
    found = find_people("Spanish Prime Minister Pedro Sanchez met Xi Jinping. Sanchez said that Sánchez was tired.")
    assert [(m.name, m.surface) for m in found if m.name == "Pedro Sánchez"] == [
        ("Pedro Sánchez", "Pedro Sanchez"), ("Pedro Sánchez", "Sanchez"), ("Pedro Sánchez", "Sánchez")]


def test_a_family_name_alone_after_the_full_name_written_without_its_hyphen():
    found = find_people("South Korean president asks Trump for help. President Lee Jae Myung met Donald Trump. "
                        "Lee told Trump he was grateful.", date(2025, 8, 25))
    assert [(m.name, m.surface) for m in found if m.name == "Lee Jae-myung"] == [
        ("Lee Jae-myung", "South Korean president"), ("Lee Jae-myung", "Lee Jae Myung"), ("Lee Jae-myung", "Lee")]


def test_a_part_two_people_named_in_full_share_is_the_first_ones_whatever_the_hash_seed():
    # "Mr Kim" beside Kim Jong Un and Kim Yo Jong: the one named first, in every process (sets of strings iterate
    # in an order that changes with PYTHONHASHSEED)
    code = ("from generator.people import find_people; from datetime import date; print([m.name for m in "
            "find_people('Xi Jinping met Kim Jong Un. Mr Kim greeted him. Mr Kim\\'s sister, Ms Kim Yo Jong, came.', "
            "date(2019, 6, 20)) if m.surface == 'Kim'])")
    seen = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout.strip() for seed in range(6)}
    assert seen == {"['Kim Jong Un', 'Kim Jong Un']"}


def test_leaders_of_the_americas_and_the_gulf_and_negotiators_of_the_istanbul_talks():
    text = ("AMLO met Joe Biden; Lopez Obrador said so. Nayib Bukele and MBS too. Umerov met Medinsky in Istanbul. "
            "Ahmed al-Sharaa met Trump.")
    assert [m.name for m in find_mentions(text)] == [
        "Andrés Manuel López Obrador", "Joe Biden", "Andrés Manuel López Obrador", "Nayib Bukele",
        "Mohammed bin Salman", "Rustem Umerov", "Vladimir Medinsky", "Ahmed al-Sharaa", "Donald Trump"]


def test_may_alone_is_a_month_not_theresa_may_and_earlier_heads_of_government_hold_their_roles():
    found = find_people("Theresa May met Donald Trump at Chequers in May. Mrs May said the British prime minister "
                        "would return. The German chancellor agreed.", date(2018, 7, 13))
    assert [(m.name, m.surface) for m in found] == [
        ("Theresa May", "Theresa May"), ("Donald Trump", "Donald Trump"), ("Theresa May", "Mrs May"),
        ("Theresa May", "the British prime minister"), ("Angela Merkel", "The German chancellor")]


def test_names_written_in_capitals_are_found_at_their_offsets():
    text = ("PENNY WONG, FOREIGN MINISTER: Thanks for coming. I hosted my Chinese counterpart Wang Yi.\n"
            "XI JINPING MEETS BIDEN\nWASHINGTON (AP) \u2014 By ZEKE MILLER. US AND CHINA agree.")
    assert [(m.name, m.surface, text[m.start:m.end]) for m in find_mentions(text)] == [
        ("Penny Wong", "PENNY WONG", "PENNY WONG"), ("Wang Yi", "Wang Yi", "Wang Yi"),
        ("Xi Jinping", "XI JINPING", "XI JINPING"), ("Joe Biden", "BIDEN", "BIDEN")]


def test_someone_of_a_country_written_family_name_first_is_also_known_so():
    person, other = parse_gazetteer({"written_family_first": ["Japan"], "people": [
        {"name": "Taro Yamada", "surname": "Yamada", "country": "Japan"},
        {"name": "Jane Roe", "surname": "Roe", "country": "Canada"}]})
    assert "Yamada Taro" in person.aliases and "Roe Jane" not in other.aliases
    found = find_mentions("Prime Minister Kishida Fumio met President Xi Jinping in San Francisco.")
    assert [(m.name, m.surface) for m in found] == [("Fumio Kishida", "Kishida Fumio"), ("Xi Jinping", "Xi Jinping")]


def test_a_name_with_two_neighbouring_letters_swapped_is_a_typo_of_a_known_one():
    found = find_people("President Yoon Suk Yeol held talks with Japanese Prime Minister Fumio Kihsida in Tokyo. "
                        "Chairman Kim Jong Il was named too.", date(2023, 3, 16))
    # one letter changed may be another name: Kim Jong Il is not Kim Jong Un
    assert [(m.name, m.surface) for m in found] == [
        ("Yoon Suk Yeol", "Yoon Suk Yeol"), ("Fumio Kishida", "Fumio Kihsida"), ("Kim Jong Il", "Kim Jong Il")]
