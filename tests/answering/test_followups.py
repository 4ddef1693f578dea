"""Follow-ups: a message borrows the earlier question only when it really refers back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import pytest

from bot.answering.followups import resolve

EARLIER = ["What is the EACCME and how do ECMEC credits work?"]


@dataclass
class _Result:
    top_dense: float


class _Searcher:
    """Scores by word overlap with a tiny corpus, so the test checks the decision, not the embedding model."""

    corpus: ClassVar[dict[str, float]] = {
        "moore": 0.7,
        "levels": 0.5,
        "credits": 0.6,
        "webinar": 0.5,
        "disclose": 0.6,
        "eaccme": 0.7,
        "ecmec": 0.7,
    }

    def search(self, query: str, k: int = 5) -> _Result:
        words = query.lower().replace("?", " ").split()
        return _Result(max((self.corpus.get(w, 0.1) for w in words), default=0.0))


@pytest.mark.parametrize(
    "message",
    [
        "explain moore's levels",
        "ok thanks. different q: how many credits is a 90 min webinar?",
        "do we need to disclose a consulting gig that ended 3 years ago?",
        "What are Moore's outcome levels?",
    ],
)
def test_a_message_with_its_own_subject_stands_alone(message: str) -> None:
    resolution = resolve(message, EARLIER, _Searcher())
    assert resolution.query == message
    assert not resolution.follows_up


@pytest.mark.parametrize(
    "message",
    [
        "what about for enduring materials?",
        "and if she's an employee?",
        "does that apply to RSS too?",
        "is it the same for nurses?",
        "how about live activities",
    ],
)
def test_a_back_reference_borrows_the_earlier_question(message: str) -> None:
    resolution = resolve(message, EARLIER, _Searcher())
    assert resolution.follows_up
    assert resolution.query.startswith(EARLIER[0]) and resolution.query.endswith(message)


def test_a_bare_pronoun_question_borrows_context_only_when_it_helps() -> None:
    assert resolve("why is it so?", EARLIER, _Searcher()).follows_up
    assert not resolve("hello there", [], _Searcher()).follows_up
