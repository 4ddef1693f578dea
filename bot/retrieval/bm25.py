"""A small in-memory BM25 (Okapi) index; the corpus is thousands of chunks, not millions."""

from __future__ import annotations

import difflib
import math
from collections import Counter, defaultdict

from bot.retrieval.text import SHORTHAND_TERMS, STOPWORDS, content_terms, stem, words


class BM25Index:
    def __init__(self, texts: list[str], k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.size = len(texts)
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self.lengths: list[int] = []
        # The corpus's words as written, so that a misspelt word can be read as a word ("accredidation" ->
        # "accreditation") where a stem ("accredit") would read worse to the embedding model.
        self.surface: Counter[str] = Counter()
        for position, text in enumerate(texts):
            self.surface.update(w for w in words(text) if w not in STOPWORDS and not w.isdigit())
            terms = content_terms(text)
            self.lengths.append(len(terms))
            for term, count in Counter(terms).items():
                self.postings[term].append((position, count))
        self.average_length = (sum(self.lengths) / self.size) if self.size else 0.0
        self._by_initial: dict[str, list[str]] | None = None
        self._surface_by_stem: dict[str, list[str]] | None = None
        self.idf = {
            term: math.log(1 + (self.size - len(plist) + 0.5) / (len(plist) + 0.5))
            for term, plist in self.postings.items()
        }

    def __contains__(self, term: str) -> bool:
        return term in self.postings

    def scores(self, terms: list[str]) -> dict[int, float]:
        totals: dict[int, float] = defaultdict(float)
        for term in set(terms):
            idf = self.idf.get(term)
            if idf is None:
                continue
            for position, count in self.postings[term]:
                norm = 1 - self.b + self.b * self.lengths[position] / (self.average_length or 1)
                totals[position] += idf * count * (self.k1 + 1) / (count + self.k1 * norm)
        return totals

    def top(self, query: str | list[str], k: int) -> list[tuple[int, float]]:
        terms = content_terms(query) if isinstance(query, str) else query
        return sorted(self.scores(terms).items(), key=lambda item: item[1], reverse=True)[:k]

    def correct(self, term: str) -> str | None:
        """The corpus term a misspelt one most likely meant ("critera" -> "criteria"), if any is close."""
        # Four-letter typos ("levl") are corrected too, but only to a near-identical word.
        if len(term) < 4 or term.isdigit() or term in SHORTHAND_TERMS:
            return None
        if self._by_initial is None:
            by_initial: dict[str, list[str]] = defaultdict(list)
            for word in sorted(self.postings):
                by_initial[word[0]].append(word)
            self._by_initial = by_initial
        # Typos rarely hit the first letter or change the length much; comparing only those words keeps
        # this under a millisecond instead of scanning the whole vocabulary.
        candidates = [w for w in self._by_initial.get(term[0], []) if abs(len(w) - len(term)) <= 2]
        matches = difflib.get_close_matches(term, candidates, n=1, cutoff=0.8 if len(term) >= 5 else 0.85)
        return matches[0] if matches else None

    def correct_word(self, word: str, term: str) -> str | None:
        """The corpus word, as written, that a misspelt word was read as, given the corpus term (stem) it was read
        as: of the words with that stem, the one closest to what was typed ("accredidation", read as "accredit",
        is "accreditation", not "accredited")."""
        if self._surface_by_stem is None:
            by_stem: dict[str, list[str]] = defaultdict(list)
            for known, _ in self.surface.most_common():
                by_stem[stem(known.replace("'", ""))].append(known)
            self._surface_by_stem = by_stem
        forms = self._surface_by_stem.get(term, [])
        if not forms:
            return None
        typed = word.lower()
        return max(forms, key=lambda form: difflib.SequenceMatcher(None, typed, form).ratio())
