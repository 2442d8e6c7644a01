"""TF-IDF vectors and their cosine similarities, computed as scikit-learn's `TfidfVectorizer` computes them
(smoothed idf, optional sublinear tf, l2-normalised rows, vocabulary in sorted order).

Why not scikit-learn itself: importing it costs about a second (it pulls in scipy.stats), which every build
paid, more than half of what a rebuild after one new article may take. `tests/test_tfidf.py` checks these
numbers against scikit-learn's on real sentences.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np

from .resources import load


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """English stop words (`data/stopwords.yml`)."""
    return frozenset(load("stopwords.yml")["words"])


def vectors(docs: Sequence[Iterable[str]], sublinear: bool = False) -> np.ndarray | None:
    """One l2-normalised TF-IDF row per document of tokens; None when no document has a token."""
    counts = [Counter(doc) for doc in docs]
    vocabulary = sorted(set().union(*counts))
    if not vocabulary:
        return None
    column = {term: i for i, term in enumerate(vocabulary)}
    matrix = np.zeros((len(docs), len(vocabulary)))
    for row, doc in enumerate(counts):
        for term, n in doc.items():
            matrix[row, column[term]] = n
    if sublinear:
        seen = matrix > 0
        matrix[seen] = np.log(matrix[seen]) + 1
    df = np.count_nonzero(matrix, axis=0)
    matrix *= np.log((1 + len(docs)) / (1 + df)) + 1
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    np.divide(matrix, norms, out=matrix, where=norms > 0)
    return matrix


def similarities(docs: Sequence[Iterable[str]], sublinear: bool = False) -> np.ndarray | None:
    """Cosine similarity of every pair of documents' TF-IDF vectors; None when no document has a token."""
    matrix = vectors(docs, sublinear)
    return None if matrix is None else matrix @ matrix.T
