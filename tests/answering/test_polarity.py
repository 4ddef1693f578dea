"""A "No." opens an extractive answer only where the source sentence says no to the question in its own terms."""

from __future__ import annotations

import pytest

from bot.answering.extractive import ExtractiveAnswerer
from bot.answering.polarity import is_yes_no, says_no, with_answer_word
from bot.retrieval.hybrid import Passage


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("is joint providership a legal partnership?", True),
        ("company offered to pay the hotel directly, fine?", True),
        ("canadian meeting - can we say it is pending?", True),
        ("how many credits is a 90 min webinar?", False),
        ("cat 1 or cat 2 for manuscript review?", False),
        ("what does Standard 4 cover?", False),
    ],
)
def test_yes_no_questions_are_recognised(question: str, expected: bool) -> None:
    assert is_yes_no(question) is expected


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        (
            "is joint providership a legal partnership?",
            'ACCME notes that joint providership is not a legal partnership, and it avoids the word "partner".',
        ),
        ("does ANCC use CEUs?", "The manual defines a contact hour as 60 minutes, and ANCC does not use the term CEU."),
        ("do providers enter anything directly in CME Passport?", "Providers do not enter anything in CME Passport."),
        ("are there extra ACCME requirements for MIPS?", "ACCME says there are no additional ACCME requirements."),
    ],
)
def test_a_sentence_denying_the_question_itself_says_no(question: str, lead: str) -> None:
    assert says_no(question, lead)
    assert with_answer_word(question, lead) == f"No. {lead}"


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # Only the subject is shared: the negation denies something the question did not ask.
        ("can we keep an enduring material up for 5 years?", "Enduring materials are not self-directed education."),
        ("can an insurance company be accredited?", "Being eligible does not mean being accredited."),
        # A conditional question: the rule's "must not" is about the case without the condition.
        (
            "Can learners' contact info go to an exhibitor if they tick a box at registration?",
            "Contact details of learners must not be shared with exhibitors.",
        ),
        # A negatively framed question: "not" in the sentence may well mean yes.
        ("org advertises Category 2 credit available. red flag?", "Category 2 credit is not awarded by providers."),
        ("can we skip disclosure for tumor boards?", "Tumor boards are not exempt from disclosure."),
        # A condition or exception in the clause makes it "it depends".
        ("can ACCME accredit a single webinar?", "ACCME cannot accredit a single webinar unless it is a series."),
        # A hedge is not an answer.
        ("can a congress organizer apply to EACCME?", "Who may apply to EACCME is not confirmed on the congress page."),
        # Not a yes/no question at all.
        ("how long is the CHCP exam?", "The CHCP exam is not short: it lasts three hours."),
    ],
)
def test_no_is_never_inferred_from_a_negation_about_something_else(question: str, lead: str) -> None:
    assert not says_no(question, lead)
    assert with_answer_word(question, lead) == lead


def test_the_sources_own_answer_words_are_kept_and_never_a_yes_added() -> None:
    question = "can we get EACCME credits for a live meeting in Toronto?"
    assert with_answer_word(question, "Not for a live event held in Canada: the EACCME excludes it.").startswith(
        "No, not for a live event"
    )
    assert with_answer_word(question, "No. The EACCME excludes Canada.") == "No. The EACCME excludes Canada."
    affirmative = "Providers may keep enduring materials online as long as they stay current."
    assert with_answer_word("can we keep an enduring material up for 5 years?", affirmative) == affirmative


def _passage(text: str) -> Passage:
    return Passage(
        chunk_id="kb:doc.md::0",
        doc_id="kb:doc.md",
        title="Joint providership",
        heading="Overview",
        url="https://example.org",
        authority="accme",
        effective_date="",
        last_reviewed="2026-11-25",
        text=text,
        score=1.0,
        dense=0.6,
    )


def test_the_extractive_answer_opens_with_no_only_for_the_lead() -> None:
    text = "ACCME notes that joint providership is not a legal partnership. The accredited provider is responsible."
    answerer = ExtractiveAnswerer({})
    answer = answerer.answer("is joint providership a legal partnership?", [_passage(text)])
    assert answer.text.startswith("No. ACCME notes that joint providership is not a legal partnership.")
    other = answerer.answer("what is joint providership?", [_passage(text)])
    assert not other.text.startswith("No")


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # The shared words sit in a long noun phrase; what is denied ("acceptable") is not the question's "accept".
        (
            "can an accredited provider accept commercial support for a nonaccredited session?",
            "An agreement in which the company dictates how the provider will meet accreditation requirements is not "
            "acceptable.",
        ),
        # Only one question word in what is denied, and the question's verb ("own") is not among them.
        (
            "can an ineligible company own an accredited provider?",
            "Ineligible companies cannot be accredited in the ACCME System, cannot be joint providers.",
        ),
        # A condition anywhere in the sentence.
        (
            "does Standard 4 apply to grants from a foundation?",
            "If no ineligible company contributes money, Standard 4 does not apply to it.",
        ),
    ],
)
def test_no_is_not_added_for_a_negation_of_another_predicate(question: str, lead: str) -> None:
    assert not says_no(question, lead)


@pytest.mark.parametrize(
    ("question", "answer", "expected"),
    [
        ("how many MOC points per year of fellowship?", "Yes: 20 points per year.", "20 points per year."),
        ("doc wrote a paper. how much direct credit can he get?", "Yes, 10 credits.", "10 credits."),
        ("when did the SII take effect?", "Yes. January 1, 2022.", "January 1, 2022."),
        # A yes/no question keeps its yes; a "no" is never taken away; only a whole "Yes" word goes.
        ("can he get direct credit for it?", "Yes: 10 credits.", "Yes: 10 credits."),
        ("how many credits for a poster?", "No: posters earn none.", "No: posters earn none."),
        # A "No" that a number follows denies nothing the member asked: the number is the answer.
        (
            "board certified in 2008 - how many AMA direct credits?",
            "No: certification before September 1, 2010 earns 25 credits; 60 applies after.",
            "Certification before September 1, 2010 earns 25 credits; 60 applies after.",
        ),
        ("how many points?", "Yesterday's rule applies.", "Yesterday's rule applies."),
        # "what Moore level is that?" asks for a level, not a yes.
        ("eval form asks 'was it satisfactory' - what moore level is that?", "Yes: it is Level 2.", "It is Level 2."),
    ],
)
def test_a_number_question_gets_no_stray_yes(question: str, answer: str, expected: str) -> None:
    from bot.answering.polarity import without_stray_yes

    assert without_stray_yes(question, answer) == expected


@pytest.mark.parametrize(
    ("question", "card_question", "answer", "expected"),
    [
        # Allowed against required: the card's "No" (not required) would read as "not optional".
        (
            "is using the IPCE credit mark optional for jointly accredited providers?",
            "Do jointly accredited providers have to offer IPCE credit?",
            "No: IPCE credit is optional.",
            "IPCE credit is optional.",
        ),
        (
            "is the ABIM MOC statement optional if we already use the badge?",
            "do we need the abim moc statement and the badge on the brochure",
            "Yes for the ABIM MOC statement, which is mandatory.",
            "For the ABIM MOC statement, which is mandatory.",
        ),
        # The same frame, or no frame, keeps the verdict.
        (
            "do we need a signed form?",
            "Does ACCME require a signed disclosure form?",
            "No: not required.",
            "No: not required.",
        ),
        (
            "can the supporter review our slides?",
            "the supporter wants to review the slides, ok?",
            "No: never.",
            "No: never.",
        ),
        # "ok" opening a follow-up asks nothing about being ok.
        (
            "ok what about a spontaneous case chat?",
            "Does Standard 3 apply to a spontaneous case conversation?",
            "No: it is excepted.",
            "No: it is excepted.",
        ),
        (
            "is a PBM ineligible?",
            "Is a pharmacy benefit manager an ineligible company?",
            "Yes: ACCME lists PBMs.",
            "Yes: ACCME lists PBMs.",
        ),
    ],
)
def test_a_verdict_for_the_opposite_frame_is_left_out(
    question: str, card_question: str, answer: str, expected: str
) -> None:
    from bot.answering.polarity import without_crossed_verdict

    assert without_crossed_verdict(question, card_question, answer) == expected


def test_whether_a_rule_applies_and_whether_something_is_exempt_are_opposite_frames() -> None:
    from bot.answering.polarity import without_crossed_verdict

    card = "Are RSS, M&M rounds or tumor boards exempt from Standard 3 as learner-controlled education?"
    answer = "No: grand rounds and tumor boards are not exempt as learner-controlled education."
    crossed = without_crossed_verdict("does std 3 apply to our weekly grand rounds?", card, answer)
    assert crossed.startswith("Grand rounds and tumor boards are not exempt")
    assert without_crossed_verdict("are tumor boards exempt from std 3?", card, answer) == answer
    # A denied "applies" is the exempt frame; "does that apply" after an exception asks about the exception.
    assert without_crossed_verdict("someone said std 3 doesnt apply to our tumor board?? true?", card, answer) == answer
    assert without_crossed_verdict("does that apply to our cardiology RSS too?", card, answer) == answer
