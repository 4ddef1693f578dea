"""A "No." to open an extractive answer, only where the source sentence says no to the question itself.

Members ask yes/no questions ("is joint providership a legal partnership?") and look for the yes or the no first. The
extractive answerer quotes the sources; it may add "No." only when the sentence it opens with negates what the
question asks, in the question's own terms ("joint providership is not a legal partnership"). It never adds "Yes.":
nearly every sentence is affirmative, so an affirmative sentence is no evidence that the answer is yes.

Everything here leans towards saying nothing. A wrong "No." about accreditation is worse than none, so the word is
added only when all of these hold:

* the question is a plain yes/no question ("can we...?", "is X...?", "..., ok?"), not a choice ("cat 1 or cat 2?")
  or a wh-question;
* the question carries no negation or negative framing of its own ("can we skip...?", "is it banned?", "red flag?"),
  unless the sentence repeats that framing word ("a compliance problem" / "not itself a compliance problem"): a
  negative sentence answers a negatively framed question with a yes as often as with a no;
* the sentence's negation is a verb's ("is not", "does not", "cannot", "must not", "no longer"), not a hedge ("not
  confirmed"), a scope word ("not every", "not only"), or "does not mean";
* the sentence has no condition or exception ("unless", "except", "only", "if", "but"): "cannot ... unless ..." is
  "it depends", not "no"; nor does the question ("can contact details go to an exhibitor if learners opt in?");
* in the clause holding the negation, a short subject shares a word with the question's, and what is denied shares
  two more ("joint providership is not a legal partnership"): a negation that shares only the subject ("enduring
  materials are not self-directed education" for "can we keep an enduring material up for 5 years?") denies
  something the question did not ask.

The sources' own answer words count too: a unit that opens "Not for a live event held in ..." says no, and a unit
that opens "Yes." or "No." already leads with it.
"""

from __future__ import annotations

import re

from bot.retrieval.text import content_terms

_AUX = r"(?:can|could|may|might|must|should|shall|will|would|do|does|did|is|are|was|were|has|have|had)"
_YES_NO_START = re.compile(rf"^\s*{_AUX}\b", re.I)
# "..., ok?", "... allowed?", "good enough?": an informal yes/no question asked as a tag.
_YES_NO_TAG = re.compile(
    r"\b(ok|okay|fine|allowed|right|true|correct|acceptable|legit|permitted|compliant|enough|valid|possible"
    r"|required|mandatory|necessary)\s*\?*\s*$",
    re.I,
)
_WH = re.compile(r"^\s*(what|which|who|whom|whose|when|where|why|how)\b", re.I)
_CHOICE = re.compile(r"\bor\b|\bvs\.?\b|\bversus\b", re.I)
# Words that frame a question negatively: a sentence saying "not" may then mean yes.
_NEGATIVE_FRAMING = re.compile(
    r"n't\b|\b(not|no|never|without|skip\w*|ban|bans|banned|prohibit\w*|forbid\w*|bar|barred|exempt\w*|avoid\w*"
    r"|illegal|wrong|false|myth|red\s+flags?|problems?|violat\w*|issues?|risks?|mistakes?|noncomplian\w*"
    r"|non-complian\w*|concerns?|lesser|instead|except\w*|only|unless|either|neither|nor)\b",
    re.I,
)
# A verb's negation; not a hedge ("is not confirmed"), a scope word ("not every") or "does not mean".
_NEGATION = re.compile(
    r"\b(cannot|can\s+not|can't|(?:is|are|was|were|does|do|did|may|must|should|will|would|could|need|has|have)"
    r"\s+not|isn't|aren't|doesn't|don't|mustn't|shouldn't|won't|wouldn't|couldn't|no\s+longer|never)\b"
    r"(?!\s+(?:only|just|all|every|always|necessarily|confirmed|verified|stated|clear|mean|means|imply|implies"
    r"|matter|sure)\b)",
    re.I,
)
# "Are there extra requirements?" / "there are no additional requirements".
_ASKS_EXISTENCE = re.compile(r"^\s*(?:is|are)\s+there\b", re.I)
_NONE_EXISTS = re.compile(r"\bthere\s+(?:is|are)\s+no\b", re.I)
_CONDITION = re.compile(
    r"\b(unless|except|only|if|whether|but|however|although|though|depends?|generally|without)\b", re.I
)
# "Can contact details go to an exhibitor if learners tick a box?": a rule's "must not" answers the question without
# the condition, so a conditional question never gets a bare "No".
_CONDITIONAL_QUESTION = re.compile(r"\b(if|when|once|unless|provided|as long as)\b", re.I)
_CLAUSE_BREAK = re.compile(r"[,;:]|\s[-–—]\s|\b(?:and|but|while|because|which|although|whereas|so)\b", re.I)
_PARENTHESES = re.compile(r"\([^)]*\)")
# The sources' own answer words at the start of a unit.
_OPENS_WITH_ANSWER = re.compile(r"^\s*(yes|no|it depends)\b", re.I)
_OPENS_WITH_NOT = re.compile(r"^Not\s+(?=(?:for|if|unless|in|on|when|as|by|from|under|at|with|before|after|during)\b)")
_MIN_SHARED = 2
_MAX_SUBJECT_WORDS = 8


def _terms(text: str) -> set[str]:
    """Content stems, plural "s" off ("CEUs" and "CEU", which the stemmer keeps apart)."""
    return {term.rstrip("s") or term for term in content_terms(text)}


def _clauses(question: str) -> list[str]:
    return [c for c in re.split(r"[.;:!?]\s+|\s[-–—]\s|,\s*", question.strip()) if c.strip()]


def is_yes_no(question: str) -> bool:
    """A question answered by yes or no: "can we ...?", "is X ...?", "company pays the hotel, fine?"."""
    clauses = _clauses(question)
    if not clauses:
        return False
    last = clauses[-1]
    if _CHOICE.search(last) or _WH.match(last):
        return False
    return bool(_YES_NO_START.match(last) or _YES_NO_TAG.search(question.strip()))


def first_sentence(text: str) -> str:
    """The sentence a reader reads first (the same cut as the evaluation's: a colon ends a lead-in)."""
    flat = " ".join(text.replace("•", " ").split())
    ends = [at for end in (". ", "? ", "! ", ": ") if (at := flat.find(end)) > 0]
    return flat[: min(ends) + 1] if ends else flat


def _clause_at(sentence: str, at: int) -> tuple[int, str]:
    """The clause holding position `at`, and where it starts."""
    start = 0
    for match in _CLAUSE_BREAK.finditer(sentence):
        if match.start() > at:
            return start, sentence[start : match.start()]
        start = match.end()
    return start, sentence[start:]


def _framing_repeated(question: str, clause: str) -> bool:
    """Every negative-framing word of the question is also in the clause (the sentence answers in its frame)."""
    clause_terms = set(content_terms(clause)) | {w.lower() for w in re.findall(r"[a-z']+", clause, re.I)}
    for match in _NEGATIVE_FRAMING.finditer(question):
        word = match.group(0).lower()
        stems = set(content_terms(word)) or {word}
        if not stems & clause_terms:
            return False
    return True


def says_no(question: str, lead: str) -> bool:
    """Whether the lead unit's first sentence says no to the question, in the question's own terms."""
    if not is_yes_no(question):
        return False
    sentence = _PARENTHESES.sub("", first_sentence(lead))
    question_terms = _terms(question)
    existence = bool(_ASKS_EXISTENCE.match(question) and _NONE_EXISTS.search(sentence))
    if (existence and (m := _NONE_EXISTS.search(sentence))) or (m := _NEGATION.search(sentence)):
        start, clause = _clause_at(sentence, m.start())
    else:
        return False
    if _CONDITION.search(sentence) or _CONDITIONAL_QUESTION.search(question):
        return False
    if _NEGATIVE_FRAMING.search(question) and not _framing_repeated(question, clause):
        return False
    # The clause is about the question's subject and denies the question's predicate: a question word before the
    # negation and another after it ("joint providership is not a legal partnership"). "Enduring materials are not
    # self-directed education" shares only the subject with "can we keep an enduring material up for 5 years?".
    cut = m.start() - start
    before = question_terms & _terms(clause[:cut])
    after = question_terms & _terms(clause[cut:])
    if existence:  # "are there extra requirements?" / "there are no additional requirements"
        return len(after) >= _MIN_SHARED
    # A long stretch before the negation is a noun phrase whose head is not the question's subject ("An agreement in
    # which the company dictates how the provider will meet accreditation requirements is not acceptable").
    if len(clause[:cut].split()) > _MAX_SUBJECT_WORDS:
        return False
    # Two question words in what is denied: one ("accredited") may be a word of the subject, not of the predicate
    # ("Ineligible companies cannot be accredited" for "can an ineligible company own an accredited provider?").
    return bool(before) and len(after) >= _MIN_SHARED and bool(after - before)


def opens_with_verdict(text: str) -> bool:
    """Whether an answer already opens with the sources' own yes, no, not or it depends."""
    return bool(_OPENS_WITH_ANSWER.match(text) or re.match(r"^\s*not\b", text, re.I))


def with_answer_word(question: str, lead: str) -> str:
    """The lead unit, opened with "No" where its first sentence says no to the question (see the module notes)."""
    if _OPENS_WITH_ANSWER.match(lead):
        return lead
    if _OPENS_WITH_NOT.match(lead) and is_yes_no(question) and not _NEGATIVE_FRAMING.search(question):
        return f"No, n{lead[1:]}"  # "Not for a live event held in ..." -> "No, not for a live event held in ..."
    if says_no(question, lead):
        return f"No. {lead}"
    return lead


# "How many MOC points per year of fellowship?" asks for a number: a card written for "does fellowship earn MOC
# points?" opens "Yes: 20 points ...", and the "Yes" answers nothing the member asked.
_ASKS_AMOUNT = re.compile(
    r"^\s*(?:how\s+(?:many|much|long|often|far|soon)|when|by\s+when|what\s+(?:percent|%)|"
    r"(?:what|which)(?:'s|\s+is)?\s+(?:moore'?s?\s+)?(?:level|number|percentage|deadline))\b|"
    r"\b(?:what|which)\s+(?:moore'?s?\s+)?level\b",
    re.I,
)
_STRAY_YES = re.compile(r"^Yes(?:[:,.;]|\s+-)\s+(?=\S)")


# "board certified in 2008 - how many AMA direct credits?" got a card written for "does a 2008 certification earn
# 60?", opening "No: ... before September 1, 2010 earns 25": the number answers, the "No" denies nothing asked. A "No"
# with no number after it ("No: posters earn none") is the answer, and stays.
_STRAY_NO = re.compile(r"^No(?:[:,.;]|\s+-)\s+(?=\S)")


def without_stray_yes(question: str, answer: str) -> str:
    """The answer without an opening "Yes" when the question asks how many, how much, how long or when, nor an
    opening "No" that a number follows."""
    clauses = _clauses(question)
    if not clauses or not _ASKS_AMOUNT.match(clauses[-1]):
        return answer
    if _STRAY_YES.match(answer):
        return _without_opening(_STRAY_YES, answer)
    if _STRAY_NO.match(answer) and re.search(r"\d", first_sentence(_without_opening(_STRAY_NO, answer))):
        return _without_opening(_STRAY_NO, answer)
    return answer


def _without_opening(word: re.Pattern[str], answer: str) -> str:
    """The answer without the opening `word` matches, starting with a capital."""
    rest = word.sub("", answer, count=1)
    return rest[:1].upper() + rest[1:]


# A card's yes or no answers its own question. "Do jointly accredited providers have to offer IPCE credit?" -> "No";
# asked "is using the IPCE credit optional?", the same "No" says the opposite. When one question asks whether
# something is required and the other whether it is allowed or optional, the verdict word is left out and the
# card's statement ("IPCE credit is optional ...") answers. On the development sets this left out 3 right verdicts
# and no wrong one; on a set the cards were not yet written for, 1 right and 2 wrong ones.
_REQUIRED_FRAME = re.compile(
    r"\b(?:must|have to|has to|had to|required?|requirement|mandatory|need(?:s|ed)?(?: to)?|necessary|obligat\w*)\b",
    re.I,
)
_ALLOWED_FRAME = re.compile(
    r"\b(?:optional|ok(?:ay)?|fine|allowed|permitted|acceptable|can (?:we|i|they|you|he|she|a|an|the|our)|"
    r"may (?:we|i)|instead of|without|skip\w*|plain text|enough|suffic\w*)\b",
    re.I,
)
_VERDICT = re.compile(r"^(?:Yes|No)(?:[:,.;]\s+|\s+-\s+|\s+(?=for\b))(?=\S)")


_DISCOURSE_OPENING = re.compile(r"^\s*(?:(?:ok(?:ay)?|so|thanks|thx|cool|great|got it)\b[,.!]?\s*)+", re.I)


def _frame(text: str) -> str:
    text = _DISCOURSE_OPENING.sub("", text)  # "ok what about ...?" opens a follow-up; it asks nothing's being ok
    required, allowed = bool(_REQUIRED_FRAME.search(text)), bool(_ALLOWED_FRAME.search(text))
    return "required" if required and not allowed else "allowed" if allowed and not required else ""


# The same crossing between whether a rule applies and whether something is exempt from it: "does std 3 apply to
# our grand rounds?" on "are grand rounds exempt from Standard 3?" would carry its "No" the wrong way round.
# Only a rule applying counts ("does that apply to our RSS too?" after an exception asks whether the exception does),
# and a denied one is the exempt frame ("so std 3 doesnt apply?? true?").
_APPLIES_FRAME = re.compile(r"\b(?:appl(?:y|ies|ied)|subject to|covered by|falls? under)\b", re.I)
_RULE = re.compile(r"\b(?:std|standards?|rules?|requirements?|disclos\w*|mitigat\w*)\b", re.I)
_DENIED_APPLIES = re.compile(r"(?:n'?t|\bnot|\bnever)\s+(?:\w+\s+)?(?:appl(?:y|ies)|subject to|covered)\b", re.I)
_EXEMPT_FRAME = re.compile(r"\b(?:exempt\w*|excepted|exceptions?|excluded)\b", re.I)


def _scope_frame(text: str) -> str:
    exempt = bool(_EXEMPT_FRAME.search(text) or _DENIED_APPLIES.search(text))
    applies = bool(_APPLIES_FRAME.search(text) and _RULE.search(text)) and not _DENIED_APPLIES.search(text)
    return "applies" if applies and not exempt else "exempt" if exempt and not applies else ""


def without_crossed_verdict(question: str, card_question: str, answer: str) -> str:
    """The answer without its opening yes or no when the member asks whether something is allowed and the card's
    question asks whether it is required, or whether a rule applies and the card's whether something is exempt from
    it, or the other way round."""
    if not _VERDICT.match(answer):
        return answer
    for frame in (_frame, _scope_frame):
        asked, answered = frame(question), frame(card_question)
        if asked and answered and asked != answered:
            return _without_opening(_VERDICT, answer)
    return answer
