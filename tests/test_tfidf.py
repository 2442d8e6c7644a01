"""generator/tfidf.py computes what scikit-learn's TfidfVectorizer computes (it exists only because importing
scikit-learn costs a second a build)."""
from __future__ import annotations

import numpy as np
import pytest
from conftest import ROOT
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from generator.clean import clean
from generator.ingest import ingest
from generator.sentences import split_sentences
from generator.summary import _tokens
from generator.tfidf import similarities, stop_words, vectors


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    out = []
    for article in clean(ingest(ROOT / "seeds").articles):
        for paragraph in article.paragraphs:
            out += [paragraph[s:e] for s, e in split_sentences(paragraph)]
    return out


def test_stop_words_are_scikit_learns():
    assert stop_words() == ENGLISH_STOP_WORDS


@pytest.mark.parametrize("sublinear", [False, True])
def test_vectors_and_similarities_match_scikit_learn(sentences, sublinear):
    texts = sentences[:120] + ["the the the", "Taiwan Taiwan Taiwan fentanyl"]
    theirs = TfidfVectorizer(tokenizer=_tokens, lowercase=False, token_pattern=None,
                             sublinear_tf=sublinear).fit_transform(texts)
    ours = vectors([_tokens(t) for t in texts], sublinear)
    assert np.allclose(ours, theirs.toarray(), atol=1e-12)
    assert np.allclose(similarities([_tokens(t) for t in texts], sublinear), (theirs @ theirs.T).toarray(), atol=1e-12)


def test_no_tokens_at_all():
    assert vectors([[], []]) is None and similarities([]) is None
