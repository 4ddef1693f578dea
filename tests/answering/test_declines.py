"""A decline says what kind of answer the bot lacks and who holds it."""

from __future__ import annotations

import pytest

from bot.answering.declines import decline_reason


@pytest.mark.parametrize(
    ("question", "kind", "where"),
    [
        ("what's the max honorarium our hospital allows for grand rounds speakers?", "ours", "CME office"),
        ("when does our accreditation term expire?", "ours", "CME office"),
        ("should we use Qualtrics or SurveyMonkey for our CME evaluations", "best", "colleagues"),
        ("which online course is best for the MATE act 8 hours", "best", "colleagues"),
        ("what's the refund policy for the Alliance conference", "fee", "organisation that charges"),
        ("what did the ACCME board decide last month?", "recent", "news"),
        ("who is the current president of SACME?", "person", "website"),
        ("how many CPE hours do pharmacists in Ohio need per renewal?", "state", "state's licensing board"),
    ],
)
def test_each_kind_of_unanswerable_question_gets_its_reason_and_place(question: str, kind: str, where: str) -> None:
    reason = decline_reason(question)
    assert reason is not None and reason.kind == kind
    assert where in reason.where


def test_a_rule_question_about_an_authority_is_not_mistaken_for_the_members_own_policy() -> None:
    assert decline_reason("what's the ABIM's policy on MOC for retired physicians") is None
    assert decline_reason("can commercial support pay speaker honoraria?") is None


def test_asking_for_a_fee_is_not_mentioning_one() -> None:
    # The kinds the decision model reads (its asked values) name the reason too; a fee in passing does not.
    assert decline_reason("what does ACCME charge for initial accreditation?").kind == "fee"  # type: ignore[union-attr]
    assert decline_reason("can the grant cut the registration fee for everyone?") is None


@pytest.mark.parametrize(
    ("question", "held"),
    [
        ("when is our own reaccreditation self-study due?", True),
        ("did the ACCME board change the 30 minute rule at its meeting last month?", True),
        # A year asks a rule; "best" asks a recommendation the model weighs; neither is held only elsewhere.
        ("learner needs the ABIM points to count for this year. report by when?", False),
        ("which association is best for academic CME research people?", False),
    ],
)
def test_what_only_the_organisation_a_person_or_a_recent_decision_holds(question: str, held: bool) -> None:
    from bot.answering.decision import asked_values
    from bot.answering.declines import held_elsewhere

    assert held_elsewhere(question, asked_values(question)) is held


@pytest.mark.parametrize(
    ("question", "particular"),
    [
        ("has Lakeside Health System gotten joint accreditation yet?", True),
        ("did the ACCME decision on our progress report come out yet?", True),
        ("has Dr. Patel at our hospital met her ABIM MOC requirements?", True),
        ("is the 2026 ESC congress already accredited by EACCME?", True),
        ("which LMS do you recommend for tracking disclosures and PARS upload?", True),
        # A member's own record, which the bot cannot see.
        ("can you check whether my texas license renewal went through", True),
        ("can you pull my cme transcript from CME Passport and tell me my total for this yr", True),
        ("did my ABIM points from the cardiology conference in october post yet?", True),
        ("who's the ACCME staff person assigned to our reaccreditation file", True),
        ("how do we check whether our activity is in PARS?", False),
        ("did ABIM change its MOC point requirements at its meeting last week?", True),
        ("did the ANCC change contact hour rules at their meeting yesterday?", True),
        ("can you tell me if our activity got approved by EACCME yet, ref 2026-1187", True),
        ("has ABIM posted my MOC points from the conference i went to last week?", True),
        ("our JA reaccreditation self-study is due when? can you check our PARS", True),
        ("how do we tell learners whether the activity is approved for MOC?", False),
        ("has our commercial supporter's payment to be reported in PARS?", False),
        ("we measured A1c: did our program pre vs 6 months post change it? which Moore level is that?", False),
        ("when did ABIM change its two-year MOC requirement?", False),
        ("can I look up my credits in CME Passport?", False),
        # Rules about a kind of case, not the status of one; companies and episodes, not products to buy.
        ("is a startup that hasn't begun the FDA process an ineligible company yet?", False),
        ("is it already too late to apply to EACCME 10 weeks out?", False),
        ("do learners have to be told which companies gave commercial support?", False),
        ("learners pick which podcast episodes to listen to - still std 3?", False),
    ],
)
def test_a_particular_cases_status_or_a_product_choice(question: str, particular: bool) -> None:
    from bot.answering.declines import about_a_particular_case

    assert about_a_particular_case(question) is particular
    if particular:
        assert decline_reason(question).kind in {"status", "best", "recent"}  # type: ignore[union-attr]
