"""Whether a message in a thread refers back to an earlier question, and the question to search with if it does.

A message is standalone unless it really refers back. Gluing the previous question onto every short message made
the bot answer the previous question ("explain moore's levels" after an EACCME question got the EACCME answer), so
offline the decision uses two signals: how the message opens (a back-reference such as "what about...", "and if
she...", "does that apply to...") and whether the message finds its own material. Both searches run, and the
earlier turn is kept only when the message is a back-reference or cannot stand on its own and the context helps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from bot.retrieval.text import content_terms

# Openings that only make sense after something: "what about X", "and if ...", "same for ...", "does that ...".
_BACK_REFERENCE = re.compile(
    r"^\s*(?:(?:ok(?:ay)?|thanks|thx|cool|great|got it)[,.!]?\s+)?(?:and\s+)?"
    r"(?:what\s+about|how\s+about|what\s+if|and\s+if|and\s+for|same\s+(?:for|with|goes)|"
    r"(?:does|do|did|is|was|would|will|can|could|should)\s+(?:that|this|it|they|those|these|the\s+same)\b|"
    r"(?:that|this|it|they|those|these)\s+(?:apply|applies|count|counts|work|works|include|includes|mean|means)\b|"
    r"even\s+if|but\s+(?:what|if|does|is|do)|also\s+for|for\s+(?:an?\s+)?\w+\s+too\b|too\s*\?$|"
    r"why\b(?!.*\b(?:accme|ama|eaccme|standard)\b)|"
    # "so what do we give them then?", "when did that change?": the question is about the thread's subject.
    r"so\s+(?:what|how|which|who|then)\b|(?:when|why|how)\s+did\s+(?:that|this|it)\b)",
    re.I,
)
# Words that say the subject changes: whatever follows is standalone.
_NEW_TOPIC = re.compile(
    r"\b(?:different|another|unrelated|new|separate|other)\s+(?:q|qs|question|topic|thing)\b|\bchanging\s+topic|"
    r"^\s*(?:also|separately|btw|by the way)[,:]",
    re.I,
)
# "Is it true that EACCME won't ...?", "is it ok to ...?": "it" stands for what follows, not for anything earlier.
_DUMMY_IT = re.compile(
    r"^\s*(?:is|was|would|will)\s+it\s+(?:\w+\s+)?(?:true|possible|ok|okay|allowed|necessary|required|fine|correct"
    r"|right|legal|acceptable|permitted|enough|worth|common|normal|a\s+problem|an?\s+issue)\s+(?:that|to|for|if)\b",
    re.I,
)
# Words that only point back, wherever they stand: "does one of them have to ...?", "any of those".
_POINTS_BACK = re.compile(
    r"\b(?:one|any|all|each|both|either|neither|none|some|most|which)\s+of\s+(?:them|these|those)\b", re.I
)
# "the jointly provided one?", "and the older ones?": "one" stands for a noun of the earlier question.
_ONE_ANAPHORA = re.compile(
    r"^\s*(?:(?:and|or|but)\s+)?(?:the|that|this|a|an)\s+(?:[\w-]+\s+){0,3}ones?\s*\??\s*$", re.I
)
# "and 6?", "and for nurses?", "and the planning files?": a short message opening with "and" continues the thread.
_AND_CONTINUES = re.compile(r"^\s*(?:(?:ok(?:ay)?|so)[,.!]?\s+)?and\b(?:\W+\w+){1,8}\W*$", re.I)
# A question with no subject of its own ("over what period?", "for how long?", "by when?") asks about the thread's.
_NO_SUBJECT = re.compile(
    r"^\s*(?:over|for|in|by|until|till|since|within|after|before|from|at|to)\s+(?:what|which|how|when|whom)\b", re.I
)
_PRONOUN = re.compile(r"\b(?:it|its|that|this|they|them|those|these|he|she|her|his|there)\b", re.I)


class _Searcher(Protocol):
    def search(self, query: str, k: int = 5) -> object: ...


@dataclass(frozen=True)
class Resolution:
    query: str
    follows_up: bool
    reason: str
    # The earlier question a follow-up was read with: the engine must not simply answer it again.
    earlier: str = ""


# Fitted on bench/eval/dev/threads.jsonl (see bench/fit_followups.py): a message whose own best passage is this
# close stands on its own unless it opens with a back-reference.
STANDALONE_DENSE = 0.45
# How much closer the context must bring the best passage before a weak message borrows it.
CONTEXT_GAIN = 0.05


def _ids(result: object) -> list[str]:
    return [str(getattr(p, "chunk_id", "")) for p in getattr(result, "passages", [])]


def _top_id(result: object) -> str:
    ids = _ids(result)
    return ids[0] if ids else ""


def resolve(question: str, earlier: list[str], searcher: _Searcher) -> Resolution:
    """The query to search with: the message alone, or the earlier question joined to it."""
    if not earlier:
        return Resolution(question, False, "no earlier question")
    previous = earlier[-1]
    # The earlier question ends as a sentence, so the follow-up opening stays visible to the tools ("... statement
    # pls. and if it's just us, directly provided?").
    joined = f"{previous.rstrip()}{'' if previous.rstrip()[-1:] in '.?!' else '.'} {question}"
    if _NEW_TOPIC.search(question):
        return Resolution(question, False, "says it is a new question")
    if _BACK_REFERENCE.search(question) and not _DUMMY_IT.search(question):
        return Resolution(joined, True, "opens with a back-reference", previous)
    if _POINTS_BACK.search(question) or _ONE_ANAPHORA.search(question) or _AND_CONTINUES.search(question):
        return Resolution(joined, True, "points back to what was discussed", previous)
    terms = content_terms(question)
    if _NO_SUBJECT.search(question) and len(terms) <= 1 and len(question.split()) <= 4:
        return Resolution(joined, True, "a question with no subject of its own", previous)
    alone = searcher.search(question)
    together = searcher.search(joined)
    own = getattr(alone, "top_dense", 0.0)
    with_context = getattr(together, "top_dense", 0.0)
    # Context "helps" only if it sharpens the message's own material: when the joined query's best passage is not
    # among what the message finds alone, the earlier question is pulling retrieval back to the old subject.
    helps = with_context >= own + CONTEXT_GAIN and _top_id(together) in _ids(alone)
    short = len(question.split()) <= 4
    if own >= STANDALONE_DENSE and len(terms) >= 2 and not (short and helps):
        return Resolution(question, False, "finds its own material")
    if short and helps:
        # "How far back?" names no subject of its own; the thread's question is what it is about.
        return Resolution(joined, True, "a short message the context makes clearer", previous)
    if _PRONOUN.search(question) and helps:
        return Resolution(joined, True, "refers back and the context helps", previous)
    if len(terms) < 2 and helps:
        return Resolution(joined, True, "too short to stand alone and the context helps", previous)
    return Resolution(question, False, "standalone")


def focus_sentence(question: str, earlier: str, answer_text: str) -> str | None:
    """The sentence of an earlier answer that speaks to what a follow-up adds, if one does.

    "and what do they need every 2 years?" after "ABIM MOC: how many points every 5 years?" asks about the part of
    the same answer that the first question did not: the sentence sharing the most of the follow-up's own words
    (those not already in the earlier question) answers it, and must come first."""
    from bot.knowledge.units import sentences

    new_terms = _terms(question) - _terms(earlier)
    if not new_terms:
        return None
    scored: list[tuple[int, int, str]] = []
    lines = [line.removeprefix("•").strip() for line in answer_text.splitlines() if line.strip()]
    for position, sentence in enumerate(s for line in lines for s in sentences(line)):
        overlap = len(new_terms & _terms(sentence))
        if overlap:
            scored.append((overlap, -position, sentence))
    if not scored:
        return None
    return max(scored)[2]


_NUMBER_WORDS = dict(
    zip("one two three four five six seven eight nine ten eleven twelve".split(), map(str, range(1, 13)), strict=True)
)


def _terms(text: str) -> set[str]:
    """Content terms with small numbers as digits: "every 2 years" and "every two years" share "2"."""
    return {_NUMBER_WORDS.get(term, term) for term in content_terms(text)}
