"""Is a relationship relevant to the content a person controls? The provider decides, per person and activity.

The tool only leans: when words of the company's business lines also appear in the activity's topic or title it
suggests "likely relevant" and says which words. No overlap proves nothing (a diabetes drug maker is relevant to a
talk on cardiometabolic therapy), so it never suggests "not relevant"."""

from __future__ import annotations

import re
from collections.abc import Sequence

import snowballstemmer

from bot.disclosure.models import Activity, Option, Question, slug
from bot.disclosure.rules import RELEVANCE

RELEVANCE_OPTIONS = (
    Option("relevant", "Relevant: the content they control relates to the company's business lines or products"),
    Option("not_relevant", "Not relevant: the content they control does not relate to them"),
)

_STEMMER = snowballstemmer.stemmer("english")
# Words every healthcare business line and CME topic share; an overlap on them says nothing about relevance.
_GENERIC = set(
    _STEMMER.stemWords(
        """and for the with from into their other products product healthcare health medical medicine patient patients
        care clinical treatment treatments therapy therapies therapeutic therapeutics disease diseases management
        update updates new advances approach approaches practice company companies drug drugs device devices
        pharmaceutical pharmaceuticals research services service solutions system systems care""".split()
    )
)


def _stems(text: str) -> dict[str, str]:
    words = [w for w in re.findall(r"[a-z][a-z0-9-]{2,}", text.casefold())]
    return {stem: word for stem, word in zip(_STEMMER.stemWords(words), words, strict=True) if stem not in _GENERIC}


def shared_words(business_lines: str, activity: Activity) -> list[str]:
    """Words of the business lines that the topic or title also uses (stemmed, generic words left out)."""
    lines = _stems(business_lines)
    content = _stems(f"{activity.topic} {activity.title}")
    return sorted(lines[s] for s in lines.keys() & content.keys())


def relevance_question_id(person: str, company: str) -> str:
    return f"relevance:{slug(person)}:{slug(company)}"


def relevance_question(
    person: str, roles: Sequence[str], company: str, business_lines: str, natures: Sequence[str], activity: Activity
) -> Question:
    shared = shared_words(business_lines, activity)
    lines = f" (business lines: {business_lines})" if business_lines.strip() else " (business lines not given)"
    if shared:
        suggestion, why = (
            "relevant",
            f"likely relevant: '{', '.join(shared)}' appears in the business lines and the topic",
        )
    else:
        suggestion, why = (
            None,
            "no words in common between the business lines and the topic; that alone does not make it irrelevant",
        )
    return Question(
        relevance_question_id(person, company),
        "relevance",
        f"Is the content {person} ({', '.join(roles)}) can control in '{activity.title}' (topic: {activity.topic}) "
        f"related to the business lines or products of {company}{lines}? Relationship: {'; '.join(natures)}. "
        "Add a note with the reasoning for the file.",
        RELEVANCE_OPTIONS,
        RELEVANCE,
        person=person,
        company=company,
        suggestion=suggestion,
        why=why,
    )
