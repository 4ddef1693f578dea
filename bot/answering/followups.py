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
    r"^\s*(?:(?:ok(?:ay)?|thanks|thx|cool|great|got it|right|so)[,.!]?\s+){0,2}(?:and\s+)?"
    r"(?:what\s+about|how\s+about|what\s+if|and\s+if|and\s+for|same\s+(?:for|with|goes)|"
    r"(?:does|do|did|is|was|would|will|can|could|should)\s+(?:that|this|it|they|those|these|the\s+same)\b|"
    r"(?:that|this|it|they|those|these)\s+(?:apply|applies|count|counts|work|works|include|includes|mean|means)\b|"
    r"even\s+if|but\s+(?:what|if|does|is|do)|also\s+for|for\s+(?:an?\s+)?\w+\s+too\b|too\s*\?$|"
    r"why\b(?!.*\b(?:accme|ama|eaccme|standard)\b)|"
    # "so what do we give them then?", "when did that change?": the question is about the thread's subject.
    r"so\s+(?:what|how|which|who|then)\b|(?:when|why|how)\s+did\s+(?:that|this|it)\b|"
    # "ok so do we need to re-enter them in PARS?": "so" opening a yes/no question draws a consequence of the thread.
    r"so\s+(?:do|does|is|are|can|could|should|must|would|will)\s+(?:we|i|they|you|it|that|those|these)\b)",
    re.I,
)
# Words that say the subject changes: whatever follows is standalone.
_NEW_TOPIC = re.compile(
    r"\b(?:different|another|unrelated|new|separate|other)\s+(?:q|qs|question|topic|thing)\b|\bchanging\s+topic|"
    r"^\s*(?:also|separately|btw|by the way)[,:]",
    re.I,
)
# A lead-in that only says the subject changes: "unrelated: how many hours ...?", "totally different - is the Royal
# College an ABMS board?", "ok now something else: do we need ...?".
_TOPIC_LEAD_IN = re.compile(
    r"^\s*(?:ok(?:ay)?[,.]?\s+)?(?:now\s+)?(?:(?:something|somethin)\s+else|"
    r"(?:(?:totally|completely|slightly|a)\s+)?(?:different|unrelated|separate|new|other|another)"
    r"(?:\s+(?:q|qs|question|topic|thing|one|subject))?|random(?:\s+q(?:uestion)?)?|btw|by the way|also|"
    r"separately|changing (?:the )?(?:topic|subject)|switching (?:gears|topics?))\s*[:,\-–—]+\s*(?=\S)",
    re.I,
)


def without_topic_lead_in(question: str) -> str:
    """The message without a lead-in that only announces a new subject (the question itself when there is none)."""
    return _TOPIC_LEAD_IN.sub("", question, count=1)


# "Is it true that EACCME won't ...?", "is it ok to ...?": "it" stands for what follows, not for anything earlier.
_DUMMY_IT = re.compile(
    r"^\s*(?:is|was|would|will)\s+it\s+(?:\w+\s+)?(?:true|possible|ok|okay|allowed|necessary|required|fine|correct"
    r"|right|legal|acceptable|permitted|enough|worth|common|normal|a\s+problem|an?\s+issue)\s+(?:that|to|for|if)\b",
    re.I,
)
# Words that only point back, wherever they stand: "does one of them have to ...?", "any of those".
# "how many of those must be live?", "does cat 1 count for that?", "what exactly do we list then?".
_POINTS_BACK = re.compile(
    r"\b(?:one|any|all|each|both|either|neither|none|some|most|which|many|much)\s+of\s+(?:them|these|those)\b|"
    r"\b(?:count|counts|apply|applies|work|works|qualify|qualifies)\s+(?:for|to|toward|towards)\s+"
    r"(?:that|this|it|those|these|them)\s*\??\s*$|"
    r"\bthen\s*\?+\s*$|"
    # "whats the statement wording if we do use it": a message ending on a verb and "it" names its subject earlier.
    r"\b(?:use|using|offer|offering|require|need|award|give|claim|report|designate|do)\s+(?:it|them)\s*\??\s*$|"
    # "ours is only about 20% right now. can we still apply?": "ours" is the earlier question's thing, ours.
    r"^\s*(?:(?:ok(?:ay)?|so|hmm|well)[,.]?\s+)?(?:ours|mine|theirs)\b|"
    # "so a 20 min talk would be?": a sentence left for the thread to finish.
    r"\b(?:would|will)\s+(?:that\s+|it\s+|this\s+)?be\s*\?+\s*$|"
    # "which one is a chart audit of actual prescribing?" after Moore's levels: one of the things just listed.
    r"^\s*(?:(?:ok(?:ay)?|so|and)[,.]?\s+)?which\s+ones?\b(?!\s+of\s+(?:our|my|your|the)\b)|"
    # "can extra ones roll over?": "ones" stands for a noun of the earlier question.
    r"\b(?:extra|other|older|newer|earlier|later|remaining|leftover|unused)\s+ones\b",
    re.I,
)
# "the jointly provided one?", "and the older ones?": "one" stands for a noun of the earlier question.
_ONE_ANAPHORA = re.compile(
    r"^\s*(?:(?:and|or|but)\s+)?(?:the|that|this|a|an)\s+(?:[\w-]+\s+){0,3}ones?\s*\??\s*$", re.I
)
# "and 6?", "and for nurses?", "ok and who reports the completions, our cme office or the doc?": a message of up to a
# dozen words opening with "and" continues the thread.
_AND_CONTINUES = re.compile(r"^\s*(?:(?:ok(?:ay)?|so)[,.!]?\s+)?and\b(?:\W+\w+){1,12}\W*$", re.I)
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
    # The follow-up as a question of its own, where it only swaps one thing of the earlier question for another
    # ("same for ABP?" after "how many ABIM MOC points ...?" is "how many ABP MOC points ...?"); else "".
    standalone: str = ""


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
        return _follows(joined, question, previous, "opens with a back-reference")
    if _POINTS_BACK.search(question) or _ONE_ANAPHORA.search(question) or _AND_CONTINUES.search(question):
        return _follows(joined, question, previous, "points back to what was discussed")
    terms = content_terms(question)
    if _NO_SUBJECT.search(question) and len(terms) <= 2 and len(question.split()) <= 5:
        return _follows(joined, question, previous, "a question with no subject of its own")
    if _PERSONAL_PRONOUN.search(question) and _names_body(previous) and not _names_body(question):
        # "is there a cap on how much teaching credit they can use per cycle?" after a question about AAFP members:
        # "they" are the earlier question's members, and the message names no board or credit system of its own.
        return _follows(joined, question, previous, "refers to whom the earlier question named")
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
        return _follows(joined, question, previous, "a short message the context makes clearer")
    if short and own < STANDALONE_DENSE and with_context >= own + CONTEXT_GAIN:
        # "any bonus for PI-CME?" after an NCCPA question finds little alone, and more with the thread's subject.
        return _follows(joined, question, previous, "a short message that finds little alone")
    if _PRONOUN.search(question) and helps:
        return _follows(joined, question, previous, "refers back and the context helps")
    if len(terms) < 2 and helps:
        return _follows(joined, question, previous, "too short to stand alone and the context helps")
    return Resolution(question, False, "standalone")


# Things a follow-up swaps for their like in the earlier question. Each kind is a list of (pattern, canonical name):
# a board for a board, a profession for a profession, a format for a format, a level for a level. The pattern
# matches how members write it ("abp", "pharmacists", "RSS", "std 5", "level 6"); the name is what the rewritten
# question says, so that the card and passage search see the usual words.
_KINDS: dict[str, list[tuple[str, str]]] = {
    "board": [
        (r"abim", "ABIM"),
        (r"abp", "ABP"),
        (r"aba", "ABA"),
        (r"abs", "ABS"),
        (r"abfm", "ABFM"),
        (r"abem", "ABEM"),
        (r"abo", "ABO"),
        (r"abohns", "ABOHNS"),
        (r"abpath", "ABPath"),
        (r"abpmr", "ABPMR"),
        (r"abts", "ABTS"),
        (r"abr", "ABR"),
        (r"abpn", "ABPN"),
        (r"abu", "ABU"),
        (r"abog", "ABOG"),
        (r"abai", "ABAI"),
        (r"abd", "ABD"),
        (r"royal\s+college|rcpsc", "Royal College"),
    ],
    "credit system": [
        (r"ama(?:\s+pra)?(?:\s+cat(?:egory)?\s*1)?", "AMA PRA Category 1"),
        (r"ancc", "ANCC"),
        (r"acpe", "ACPE"),
        (r"aafp", "AAFP"),
        (r"aapa", "AAPA"),
        (r"nccpa", "NCCPA"),
        (r"eaccme|ecmecs?", "EACCME"),
        (r"ipce", "IPCE"),
        (r"aoa", "AOA"),
        (r"ada\s+cerp", "ADA CERP"),
    ],
    "profession": [
        (r"nurses?|rns?|nps?|nurse\s+practitioners?", "nurses"),
        (r"pharmacists?|pharmacy", "pharmacists"),
        (r"pas?|physician\s+assistants?|physician\s+associates?", "physician assistants"),
        (r"physicians?|docs?|doctors?|mds?", "physicians"),
        (r"residents?|fellows?|trainees?", "residents"),
        (r"psychologists?", "psychologists"),
        (r"social\s+workers?", "social workers"),
        (r"dentists?", "dentists"),
        (r"dietitians?", "dietitians"),
    ],
    "format": [
        (r"enduring(?:\s+materials?)?|on-?demand|recordings?|recorded", "enduring material"),
        (r"rss|regularly\s+scheduled\s+series", "regularly scheduled series"),
        (r"grand\s+rounds", "grand rounds"),
        (r"tumou?r\s+boards?", "tumor board"),
        (r"m&m(?:\s+conferences?)?|morbidity\s+and\s+mortality", "M&M conference"),
        (r"journal\s+clubs?", "journal club"),
        (r"webinars?|live\s+(?:virtual|online|stream)\w*", "live webinar"),
        (r"podcasts?", "podcast"),
        (r"journal(?:-based)?(?:\s+cme)?", "journal-based CME"),
        (r"pi\s+cme|performance\s+improvement", "PI CME"),
        (r"point[-\s]of[-\s]care", "point-of-care learning"),
        (r"poster\s+sessions?|posters?", "poster session"),
        (r"workshops?|hands-on", "workshop"),
        (r"conferences?|annual\s+meeting", "conference"),
    ],
    "standard": [(rf"(?:std|standard)\s*{n}", f"Standard {n}") for n in range(1, 6)],
    "moore level": [(rf"(?:level\s*)?{n}", f"level {n}") for n in ("1", "2", "3a", "3b", "4", "5", "6", "7")],
}
_KIND_PATTERNS = {
    kind: [(re.compile(rf"(?<![\w&-]){pattern}(?![\w&-])", re.I), name) for pattern, name in entries]
    for kind, entries in _KINDS.items()
}
# What a swap-only follow-up may say around the thing it swaps: "same (timeline) for ABP?", "and 6?", "what about
# pharmacists?", "ok and for RSS then?". Anything more is a question of its own and keeps the joined reading.
_SWAP_FILLER = re.compile(
    r"\b(?:ok(?:ay)?|thanks|thx|so|and|but|what|how|about|same|for|with|goes|too|also|then|the|a|an|our|their|"
    r"is|it|that|this|those|ones?|case|re|regarding|if|instead|question|q|one|rule|answer|there)\b",
    re.I,
)


def _mentions(kind: str, text: str) -> list[tuple[re.Match[str], str]]:
    """Mentions of a kind in reading order; of overlapping ones ("M&M conference", "conference") the longest."""
    found = [(m, name) for pattern, name in _KIND_PATTERNS[kind] for m in pattern.finditer(text)]
    found.sort(key=lambda item: (item[0].start(), -(item[0].end() - item[0].start())))
    kept: list[tuple[re.Match[str], str]] = []
    for m, name in found:
        if not kept or m.start() >= kept[-1][0].end():
            kept.append((m, name))
    return kept


_RELATES_BACK = re.compile(r"\b(?:for|to|toward|towards|into)\s+(?:that|this|it|those|these|them)\b", re.I)


def swapped(question: str, earlier: str) -> str:
    """The earlier question with the one thing the follow-up swaps ("same for ABP?", "and 6?") put in its place,
    or "" when the follow-up says more than a swap or the earlier question has nothing of that kind to swap."""
    if _RELATES_BACK.search(question):
        return ""  # "does AMA PRA cat 1 count for that?" relates the new thing to the earlier one; it swaps nothing
    for kind in _KINDS:
        if kind == "moore level" and not re.search(r"\bmoore|\blevel\s*\d", earlier, re.I):
            continue  # a bare number swaps a Moore level only in a thread about the levels
        new = _mentions(kind, question)
        if len({name for _, name in new}) != 1:
            continue
        old = _mentions(kind, earlier)
        if not old or any(name == new[0][1] for _, name in old):
            continue  # nothing of that kind to swap, or the earlier question already names it
        match, name = new[0]
        rest = question[: match.start()] + " " + question[match.end() :]
        leftover = content_terms(_SWAP_FILLER.sub(" ", rest))
        if len(leftover) > 1:
            continue  # "and can our docs convert those to AMA credit?" asks something new about the new thing
        first = old[0][0]
        return f"{earlier[: first.start()]}{name}{earlier[first.end() :]}"
    return ""


# "what's the 30 min rule in std 5?": an earlier question that only asks what something is names its subject, and
# "does that apply to our online modules too?" is about that subject.
_WHAT_IS = re.compile(
    r"^\s*(?:what(?:'s|s|\s+is|\s+are|\s+was)|explain|define|tell\s+me\s+about)\s+(?P<subject>[^.?!]{3,80}?)\s*\??\s*$",
    re.I,
)
_NOT_A_NOUN_PHRASE = re.compile(
    r"\b(?:and|or|how|what|why|when|where|which|who|do|does|did|is|are|can|should|must|if)\b", re.I
)
_DEMONSTRATIVE_SUBJECT = re.compile(
    r"^(?P<head>\s*(?:(?:ok(?:ay)?|thanks|thx|so|and)[,.!]?\s+){0,2}(?:does|do|did|is|are|was|can|could|will|would"
    r"|should|must)\s+)(?:that|this|it|those|these)\b",
    re.I,
)


def with_subject(question: str, earlier: str) -> str:
    """The follow-up with its "that" read as the subject the earlier question asked about, or "" when the earlier
    question does not simply ask what something is or the follow-up does not open with such a "that"."""
    subject = _WHAT_IS.match(earlier)
    opening = _DEMONSTRATIVE_SUBJECT.match(question)
    if subject is None or opening is None or len(subject["subject"].split()) > 10:
        return ""
    if _NOT_A_NOUN_PHRASE.search(subject["subject"]):
        return ""  # "What is the EACCME and how do ECMEC credits work?" asks more than what one thing is
    return f"{opening['head']}{subject['subject'].strip()}{question[opening.end() :]}"


_PERSONAL_PRONOUN = re.compile(r"\b(?:they|them|their|she|he|her|his)\b", re.I)


def _names_body(text: str) -> bool:
    """Whether the text names a certifying board or a credit system (ABIM, AAFP, EACCME, ...)."""
    return bool(_mentions("board", text) or _mentions("credit system", text))


def _follows(joined: str, question: str, previous: str, reason: str) -> Resolution:
    standalone = swapped(question, previous) or with_subject(question, previous)
    if standalone:
        return Resolution(standalone, True, f"{reason}, swapping one thing of it", previous, standalone)
    return Resolution(joined, True, reason, previous)


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
