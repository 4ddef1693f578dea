"""What members read, over the whole knowledge base: the answer first, honest declines, real follow-ups.

Questions here are the ones new users asked when answers were the weak point (issue "Answers that answer"); they
are development examples, not the blind set."""

from __future__ import annotations

import pytest

from bot.answering.models import Turn
from bot.runtime import Runtime

# The first test builds the full-corpus index (about two minutes on 2 cores): a setting, not a speed target.
pytestmark = pytest.mark.timeout(1200)


def _ask(runtime: Runtime, question: str, earlier: str | None = None):  # type: ignore[no-untyped-def]
    engine = runtime.engine
    history = None
    if earlier:
        first = engine.ask(earlier)
        history = [Turn(role="user", text=earlier), Turn(role="assistant", text=first.answer)]
    return engine.ask(question, history)


@pytest.mark.parametrize(
    ("question", "must"),
    [
        ("who counts as being 'in control of content'?", "faculty"),
        ("A full-time Pfizer employee wants to give a talk on the history of medicine. allowed?", "not related"),
        (
            "our grand rounds speaker consults for Medtronic but her talk is on sepsis bundles, do we have to do "
            "anything?",
            "relevan",
        ),
        ("Can learners' contact info go to an exhibitor if they tick a box at registration?", "consent"),
        ("wat r the 7 moore levls", "competence"),
        ("What are Moore's outcome levels?", "performance"),
    ],
)
def test_messy_answerable_questions_are_answered(full_runtime: Runtime, question: str, must: str) -> None:
    answer = _ask(full_runtime, question)
    assert not answer.abstained, answer.reason
    assert must in answer.answer.lower()
    assert answer.sources


@pytest.mark.parametrize(
    "question",
    [
        "What did the ACCME board decide at its meeting last month?",
        "Which LMS is best for hosting enduring materials?",
        "When is our next self-study due?",
        "what does ACCME charge for initial accreditation?",
        # No card, and the quoted rules would stand in for what only the organisation or a recent decision holds.
        "when is our own reaccreditation self-study due? we're lakeview univ CME, last reaccredited in 2022",
        "did the ACCME board change anything about the 30 minute rule at its meeting last month??",
    ],
)
def test_near_scope_questions_get_an_honest_i_dont_know(full_runtime: Runtime, question: str) -> None:
    answer = _ask(full_runtime, question)
    assert answer.abstained, answer.answer
    assert answer.answer.startswith("I don't")
    assert not answer.sources


@pytest.mark.parametrize(
    "question", ["best restaurant near the conference hotel?", "who won the super bowl?", "I forgot my EHR password"]
)
def test_unrelated_requests_get_a_short_outside_what_i_do(full_runtime: Runtime, question: str) -> None:
    answer = _ask(full_runtime, question)
    assert answer.abstained
    assert answer.answer.startswith("That's outside what I do")
    assert "worse than none" not in answer.answer


def test_a_clinical_question_gets_the_clinical_decline(full_runtime: Runtime) -> None:
    answer = _ask(full_runtime, "what antibiotic is first-line for community acquired pneumonia?")
    assert answer.abstained and "clinical advice" in answer.answer


def test_a_clinical_follow_up_is_declined_though_its_thread_is_about_cme(full_runtime: Runtime) -> None:
    answer = _ask(
        full_runtime,
        "ok and for the case tmrw - would you give adjuvant chemo for stage II colon ca with high risk features?",
        earlier="do tumor boards need disclosures",
    )
    assert answer.abstained and "clinical advice" in answer.answer
    # A follow-up about credit that the model reads as prescribing is still answered.
    credit = _ask(full_runtime, "how many of those must be prescribed?", earlier="how many credits does AAFP require?")
    assert "clinical advice" not in credit.answer


def test_a_close_card_answers_what_the_decision_model_reads_as_near_scope(full_runtime: Runtime) -> None:
    # The decision model leans to near-scope on "again"; the card on Moore's levels is close and asks for nothing the
    # bot lacks. "today" asks for a current figure, which no card holds.
    moore = _ask(full_runtime, "whats moores outcomes levels again")
    assert moore.card_id == "outcomes-moore-seven-levels", moore.answer
    today = _ask(full_runtime, "how many organizations hold Joint Accreditation today")
    assert today.abstained, today.answer


def test_a_new_subject_in_a_thread_is_answered_on_its_own(full_runtime: Runtime) -> None:
    answer = _ask(full_runtime, "explain moore's levels", earlier="What is the EACCME and what is an ECMEC?")
    assert "competence" in answer.answer.lower() and "ecmec" not in answer.answer.lower()


def test_a_real_follow_up_uses_the_earlier_question(full_runtime: Runtime) -> None:
    answer = _ask(
        full_runtime,
        "what about enduring materials?",
        earlier="Are regularly scheduled series exempt from Standard 3 as learner-controlled education?",
    )
    assert not answer.abstained
    assert "enduring" in answer.answer.lower()
    assert "self-directed" in answer.answer.lower() or "not" in answer.answer.lower()


@pytest.mark.parametrize(
    ("earlier", "follow_up", "lead"),
    [
        # The earlier question's words ("faculty") must not keep the learners' card out; its card must not answer.
        ("can commercial support pay our faculty honoraria?", "what about learners' travel?", "no"),
        ("is a private company's stock a relationship faculty must disclose?", "what about public stock?", "yes"),
    ],
)
def test_a_follow_up_never_gets_the_earlier_questions_answer(
    full_runtime: Runtime, earlier: str, follow_up: str, lead: str
) -> None:
    first = full_runtime.engine.ask(earlier)
    answer = _ask(full_runtime, follow_up, earlier=earlier)
    assert not answer.abstained
    assert answer.answer.split("[")[0] != first.answer.split("[")[0]
    assert first.card_id is None or answer.card_id != first.card_id
    assert answer.answer.lower().startswith(lead), answer.answer


def test_a_follow_up_that_changes_nothing_the_calculation_uses_is_not_answered_by_it_again(
    full_runtime: Runtime,
) -> None:
    earlier = "how many teaching credits does faculty get for a 1 hr talk at our cat 1 conference?"
    first = full_runtime.engine.ask(earlier)
    assert first.mode == "tool"
    answer = _ask(full_runtime, "what if she gives the exact same talk again next month at another site?", earlier)
    assert answer.answer.split("[")[0] != first.answer.split("[")[0]
    # Running the sessions side by side is a change the calculation reads, and its answer is the same figure.
    parallel = _ask(full_runtime, "what if it runs two identical sessions at the same time in 2 rooms?",
                    "90 min symposium credits?")  # fmt: skip
    assert parallel.mode == "tool" and parallel.answer.startswith("1.5 AMA PRA Category 1 Credits")


def test_a_short_follow_up_is_judged_with_its_thread(full_runtime: Runtime) -> None:
    answer = _ask(full_runtime, "and after that what can we get?", earlier="how long is provisional accreditation?")
    assert not answer.abstained, answer.answer


def test_a_duration_question_gets_the_credit_with_its_arithmetic(full_runtime: Runtime) -> None:
    answer = _ask(full_runtime, "a 2 h 20 min workshop with a 20 min break, how many credits?")
    assert answer.mode == "tool"
    assert answer.answer.startswith("2 AMA PRA Category 1 Credits")
    assert "120" in answer.answer and answer.sources


def test_an_old_relationship_is_outside_the_lookback(full_runtime: Runtime) -> None:
    answer = _ask(
        full_runtime, "a consulting relationship that ended in mid-2021, our planning starts in spring 2025. disclose?"
    )
    assert answer.answer.lower().startswith("no")
    assert "24" in answer.answer


def test_the_joint_providership_statement_is_given_verbatim(full_runtime: Runtime) -> None:
    answer = _ask(full_runtime, "what's the exact wording of the joint providership accreditation statement?")
    assert "through the joint providership of" in answer.answer
    assert "Joint Accreditation" not in answer.answer.split("\n")[0]


def test_slack_escaped_text_is_understood(full_runtime: Runtime) -> None:
    # The Slack adapter unescapes once; the engine sees "M&M" and must not decline it as unknown words.
    answer = _ask(full_runtime, "are M&M conferences exempt from Standard 3?")
    assert not answer.abstained
    assert answer.answer.lower().startswith("no")


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("is a leadership and mindfulness workshop subject to standard 3 mitigation?", "no"),
        ("can commercial support pay speaker honoraria?", "yes"),
        ("a device company employee teaching safe use of the device at our workshop, allowed?", "yes"),
        ("are health insurers ineligible companies?", "no"),
    ],
)
def test_yes_no_comes_from_the_rule_that_applies(full_runtime: Runtime, question: str, lead: str) -> None:
    answer = _ask(full_runtime, question)
    assert not answer.abstained, answer.reason
    assert answer.answer.lower().startswith(lead), answer.answer


def test_a_card_that_does_not_hold_the_asked_value_does_not_answer(full_runtime: Runtime) -> None:
    # "how often" reached the card on how enduring credit is estimated; "when did" the teaching-credit card, whose
    # answer has no date. The passages answer instead, with the date.
    often = _ask(full_runtime, "how often do we need to review an enduring material to keep offering it for credit?")
    assert often.card_id != "ama-enduring-credit-calculation"
    when = _ask(full_runtime, "when did AMA approve cat 1 for teaching students/residents?")
    assert "2013" in when.answer.split(".")[0]


def test_a_credit_question_worded_like_prescribing_is_not_declined_as_clinical(full_runtime: Runtime) -> None:
    # AAFP calls its credit "Prescribed": the card answers; a dosing question in CME words is still declined.
    aafp = _ask(full_runtime, "of the AAFP 150, how many must be prescribed and how many live?")
    assert aafp.mode == "card" and "75" in aafp.answer
    dosing = _ask(full_runtime, "for our AAFP-approved talk: what dose of amoxicillin for otitis media in kids?")
    assert dosing.abstained and "clinical" in dosing.answer


def test_a_particular_persons_status_is_declined_even_beside_a_card_on_the_rule(full_runtime: Runtime) -> None:
    answer = _ask(full_runtime, "has Dr. Patel at our hospital met her ABIM MOC requirements?")
    assert answer.abstained and "status of a particular" in answer.answer
    # The rule itself still gets its card.
    assert not _ask(full_runtime, "what are ABIM's MOC requirements for physicians?").abstained


def test_a_denied_word_and_the_earlier_turns_words_do_not_exclude_a_card(full_runtime: Runtime) -> None:
    # "(no abstracts)": the member denies abstracts; the card on logistics-only print pieces answers.
    program = _ask(
        full_runtime,
        "can ads from our exhibitors go in the printed program that only has the schedule, maps and hotel info "
        "(no abstracts)?",
    )
    assert program.mode == "card" and program.answer.lower().startswith("yes")


def test_a_short_credit_question_is_not_declined_as_off_topic(full_runtime: Runtime) -> None:
    assert "outside what I do" not in _ask(full_runtime, "cat 2 examples").answer
    beignets = _ask(full_runtime, "we're at the alliance conference - where do we get beignets?")
    assert "outside what I do" in beignets.answer
