"""Tokenizing for lexical matching: lowercase words, stopwords out, Snowball (Porter2) stems."""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
# Snowball English (Porter2): same stems as Porter for our vocabulary, and it imports in milliseconds.
_stemmer = snowballstemmer.stemmer("english")

STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have
    having he her here hers herself him himself his how i if in into is it its itself just me more most
    my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves q quick hi hey hello thanks thank pls please anyone someone
    know question ok okay also get got really still us let lets i'm we're it's what's whats dont don't
    does doesn't isn't aren't can't cant wondering anybody folks team
    wat wats wut r u ur ya plz thx ty tia abt bc cuz im ive idk lol btw fyi""".split()
)
# The last line: how members write in Slack ("wat r the 7 moore levls"); as content terms they were unknown words
# that made a question look off-topic to the decision model.


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return str(_stemmer.stemWord(word))


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def content_terms(text: str) -> list[str]:
    """Stems of the words that carry meaning, in order, with repeats."""
    terms: list[str] = []
    for word in words(text):
        for part in word.replace("'", "").split("-"):
            if part and part not in STOPWORDS and (len(part) > 1 or part.isdigit()):
                terms.append(stem(part))
    return terms


# Words members write that are not in the corpus and are not misspellings of a corpus word: "pharma" was read as
# "pharmacy", which turned "can a pharma employee be faculty?" into a question about pharmacists.
SHORTHAND = frozenset(
    """pharma biotech biotechs medtech medtechs peds obgyn ortho cardio neuro derm anesth hosp admin mgmt dept depts
    conf confs sesh kols hcps docs approx mins sims promo promos""".split()
)
SHORTHAND_TERMS = frozenset(stem(word) for word in SHORTHAND)
