"""Sentence segmentation: news abbreviations, quotations, paragraph breaks, spans into the text."""
from __future__ import annotations

import pysbd
import pytest

from generator.sentences import remember, sentences, split_sentences


def texts(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_news_abbreviations_do_not_end_sentences():
    text = "U.S. Secretary Antony Blinken met Gen. Li in Jan. 2024 at 3 p.m. in Washington. Mr. Xi agreed."
    assert texts(text) == ["U.S. Secretary Antony Blinken met Gen. Li in Jan. 2024 at 3 p.m. in Washington.",
                           "Mr. Xi agreed."]


def test_quotation_with_inner_full_stop_stays_one_sentence():
    text = '"We may disagree. However, we should not," she said. The talks ended.'
    assert texts(text) == ['"We may disagree. However, we should not," she said.', "The talks ended."]


def test_spans_are_stripped_and_never_cross_a_blank_line():
    text = "  First paragraph has no full stop\n\nSecond one. It has two sentences.  \n\n\nThird."
    spans = split_sentences(text)
    got = [text[a:b] for a, b in spans]
    assert got == ["First paragraph has no full stop", "Second one.", "It has two sentences.", "Third."]
    assert all("\n\n" not in text[a:b] and text[a:b] == text[a:b].strip() for a, b in spans)


def test_empty_text_has_no_sentences():
    assert split_sentences("") == [] and sentences(" \n\n ") == []


def test_agrees_with_pysbd_on_the_dev_corpus(dev_corpus):
    from generator.clean import clean
    from generator.ingest import ingest

    seg = pysbd.Segmenter(language="en", clean=False, char_span=False)
    for article in clean(list(ingest(dev_corpus / "articles").articles)):
        body = article.body
        ref = [s.strip() for p in body.split("\n\n") for s in seg.segment(p) if s.strip()]
        assert texts(body) == ref, article.file


@pytest.mark.parametrize("text", ["He left in 2019. The end.", "Talks with Wang Yi. Then lunch."])
def test_safe_breaks_split(text):
    assert len(split_sentences(text)) == 2


def test_a_body_reuses_the_remembered_spans_of_its_paragraphs():
    """The meeting stage splits whole bodies; the spans its paragraphs got in the per-article stage (another
    process) are taken, not computed again."""
    first, second = "Mr. Wang arrived. He spoke first.", "Talks ended late."
    remember({first: ((0, len(first)),)})  # a split the segmenter would not make: proves the reuse
    body = first + "\n\n" + second
    start = len(first) + 2
    assert split_sentences(body) == [(0, len(first)), (start, start + len(second))]
