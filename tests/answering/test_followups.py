"""Follow-ups: a message borrows the earlier question only when it really refers back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np
import pytest

from bot.answering.followups import resolve, swapped, with_subject, without_topic_lead_in

EARLIER = ["What is the EACCME and how do ECMEC credits work?"]


@dataclass
class _Passage:
    chunk_id: str


@dataclass
class _Result:
    top_dense: float
    passages: list[_Passage]


class _Searcher:
    """The real embedding model over a few passages, so the decision is tested as it runs, without an index."""

    passages: ClassVar[tuple[str, ...]] = (
        "Moore's outcome levels: participation, satisfaction, learning, competence, performance, patient health and "
        "community health.",
        "Live activity credit: 60 minutes of education is one AMA PRA Category 1 Credit; a 90-minute webinar earns "
        "1.5 credits.",
        "Disclosure lookback: individuals disclose all financial relationships with ineligible companies from the "
        "prior 24 months, such as consulting.",
        "The EACCME accredits live events and e-learning in Europe and awards ECMEC credits.",
        "Enduring materials are not self-directed education for the Standard 3 exception.",
    )

    def __init__(self) -> None:
        from bot.knowledge.embeddings import get_embeddings

        self.model = get_embeddings()
        self.vectors = np.asarray(self.model.embed_documents(list(self.passages)))

    def search(self, query: str, k: int = 5) -> _Result:
        sims = self.vectors @ np.asarray(self.model.embed_query(query))
        ranked = [_Passage(str(i)) for i in np.argsort(-sims)[:3]]
        return _Result(float(sims.max()), ranked)


@pytest.fixture(scope="module")
def searcher() -> _Searcher:
    return _Searcher()


@pytest.mark.parametrize(
    "message",
    [
        "explain moore's levels",
        "ok thanks. different q: how many credits is a 90 min webinar?",
        "do we need to disclose a consulting gig that ended 3 years ago?",
        "What are Moore's outcome levels?",
        "which one of our RSS sessions needs a separate gap analysis?",
    ],
)
def test_a_message_with_its_own_subject_stands_alone(message: str, searcher: _Searcher) -> None:
    resolution = resolve(message, EARLIER, searcher)
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
        "ok and what about learning from teaching?",
        "and 6?",
        "and after that what can we get?",
        "and a 100 min one?",
        "so what do we give them then?",
        "when did that change?",
    ],
)
def test_a_back_reference_borrows_the_earlier_question(message: str, searcher: _Searcher) -> None:
    resolution = resolve(message, EARLIER, searcher)
    assert resolution.follows_up
    assert resolution.query.startswith(EARLIER[0]) and resolution.query.endswith(message)
    assert resolution.earlier == EARLIER[0]


def test_a_short_message_without_a_subject_borrows_the_thread(searcher: _Searcher) -> None:
    earlier = ["How far back do we collect financial relationships for faculty?"]
    assert resolve("How far back?", earlier, searcher).follows_up
    assert resolve("why is it so?", EARLIER, searcher).follows_up
    assert not resolve("hello there", [], searcher).follows_up


@pytest.mark.parametrize(
    "message",
    [
        "does one of them have to come from a specific category?",
        "and the jointly provided one?",
        "over what period?",
        "over what time window?",
        "ok and who reports the completions, our cme office or the doc?",
        "ok so can they be our joint provider then?",
        "how many of those must be live?",
        "does AMA PRA cat 1 count for that?",
        "what exactly do we list then?",
        "ok so do we need to re-enter them in PARS every year?",
        "can extra ones roll over?",
        "so a 20 min talk would be?",
        "whats the statement wording if we do use it",
        "do we have to use it?",
        "ours is only about 20% right now. can we still apply?",
        "which one is a chart audit of actual prescribing",
    ],
)
def test_words_that_only_point_back_borrow_the_earlier_question(message: str, searcher: _Searcher) -> None:
    resolution = resolve(message, EARLIER, searcher)
    assert resolution.follows_up
    assert resolution.query.endswith(message)


def test_an_expletive_it_is_not_a_back_reference(searcher: _Searcher) -> None:
    message = "is it true that the EACCME accredits live events in Europe?"
    resolution = resolve(message, EARLIER, searcher)
    assert resolution.reason != "opens with a back-reference"
    assert not resolve("is it true that Moore's levels include competence?", EARLIER, searcher).follows_up


def test_a_follow_up_is_answered_by_the_sentence_about_what_it_adds() -> None:
    from bot.answering.followups import focus_sentence

    card = (
        "Earn 100 MOC points every five years to stay certified. Complete an activity at least every two years to "
        "be reported as participating.\n• Check the ABIM portal."
    )
    earlier = "ABIM MOC - how many points every 5 years?"
    assert focus_sentence("and what do they need every 2 years?", earlier, card) == (
        "Complete an activity at least every two years to be reported as participating."
    )
    # Nothing new in the follow-up, or nothing in the answer about it: no sentence is singled out.
    assert focus_sentence("how many points every 5 years?", earlier, card) is None
    assert focus_sentence("what about nurses?", earlier, card) is None


@pytest.mark.parametrize(
    ("earlier", "message", "standalone"),
    [
        (
            "how many ABIM MOC points does a diplomate need?",
            "same for ABP?",
            "how many ABP MOC points does a diplomate need?",
        ),
        ("what's moore's level 5?", "and 6?", "what's moore's level 6?"),
        (
            "can nurses get credit for our grand rounds?",
            "what about pharmacists?",
            "can pharmacists get credit for our grand rounds?",
        ),
        (
            "is our monthly M&M conference exempt from std 3?",
            "what about tumor board?",
            "is our monthly tumor board exempt from std 3?",
        ),
        ("does std 3 apply to our journal club?", "ok and std 5?", "does Standard 5 apply to our journal club?"),
    ],
)
def test_a_follow_up_that_swaps_one_thing_becomes_a_question_of_its_own(
    earlier: str, message: str, standalone: str, searcher: _Searcher
) -> None:
    assert swapped(message, earlier) == standalone
    resolution = resolve(message, [earlier], searcher)
    assert resolution.follows_up
    assert resolution.query == resolution.standalone == standalone


@pytest.mark.parametrize(
    ("earlier", "message"),
    [
        # It asks something new about the new thing: the joined reading stays.
        ("how many ECMECs per hour?", "and can our US docs convert those to AMA credit?"),
        # Nothing of that kind in the earlier question to swap.
        ("royal college MOC credits per cycle?", "and how long is the cycle?"),
        # The earlier question already names it.
        ("is our M&M conference exempt from std 3?", "what about the M&M one?"),
        # A bare number swaps a Moore level only in a thread about the levels.
        ("how many credits for a 5 hour day?", "and 6?"),
    ],
)
def test_a_follow_up_that_says_more_than_a_swap_is_read_with_the_earlier_question(
    earlier: str, message: str, searcher: _Searcher
) -> None:
    assert swapped(message, earlier) == ""
    resolution = resolve(message, [earlier], searcher)
    assert resolution.standalone == ""
    if resolution.follows_up:
        assert resolution.query.startswith(earlier.rstrip("?"))


def test_that_is_read_as_the_subject_an_earlier_what_is_question_named(searcher: _Searcher) -> None:
    earlier = "whats the 30 min rule in std 5?"
    message = "does that apply to our online modules too?"
    assert with_subject(message, earlier) == "does the 30 min rule in std 5 apply to our online modules too?"
    resolution = resolve(message, [earlier], searcher)
    assert resolution.follows_up and resolution.query == resolution.standalone == with_subject(message, earlier)
    # Only after a question that just asks what something is, and only for a "that" in the subject's place.
    assert with_subject(message, "are enduring materials self-directed?") == ""
    assert with_subject("what about RSS?", earlier) == ""


def test_a_pronoun_for_whom_the_earlier_question_named_borrows_it(searcher: _Searcher) -> None:
    earlier = "for AAFP members does a plain AMA PRA cat 1 activity count?"
    message = "is there a cap on how much teaching credit they can use per cycle?"
    resolution = resolve(message, [earlier], searcher)
    assert resolution.follows_up and resolution.query.startswith(earlier)
    # A message that names its own board or credit system is not read as about the earlier one's members.
    own = resolve("can ABIM diplomates earn MOC points if they attend online?", [earlier], searcher)
    assert own.reason != resolution.reason


@pytest.mark.parametrize(
    ("message", "question"),
    [
        ("unrelated: how many CME hours does California require?", "how many CME hours does California require?"),
        ("totally different: is the Royal College an ABMS board?", "is the Royal College an ABMS board?"),
        ("ok now something else: do we need learner permission?", "do we need learner permission?"),
        ("also, can nurses get AMA PRA cat 1?", "can nurses get AMA PRA cat 1?"),
        # Not a lead-in: the words are part of the question.
        ("new faculty member: do they disclose?", "new faculty member: do they disclose?"),
        ("different speakers: do they each disclose?", "different speakers: do they each disclose?"),
    ],
)
def test_a_lead_in_that_only_announces_a_new_subject_is_not_part_of_the_question(message: str, question: str) -> None:
    assert without_topic_lead_in(message) == question
