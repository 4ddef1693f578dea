"""A question asking for a number, share, frequency, time or year is answered only by an answer holding one."""

import pytest

from bot.answering.answer_kinds import asked_kind, holds


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("how often do we need to review an enduring material to keep offering it?", "frequency"),
        ("for Engages Students, what share of our activities has to meet it?", "share"),
        ("how quickly after the activity should we submit to PARS?", "time"),
        ("how far ahead do we need to apply to EACCME?", "time"),
        ("when did AMA approve cat 1 for teaching residents?", "year"),
        ("what time does medicine grand rounds start on thursday", "clock"),
        ("how do we calculate that 25% IPCE number for JA - what time window?", "time"),
        ("evidence from how many activities do we submit?", "number"),
        # Yes/no and what/how questions ask for no particular value; "how much does X charge" is a fee question.
        ("can we give 3 credits for it?", None),
        ("what is an RSS?", None),
        ("how much does ACCME charge for initial accreditation?", None),
    ],
)
def test_the_kind_a_question_asks_for(question: str, kind: str | None) -> None:
    assert asked_kind(question) == kind


def test_an_answer_without_the_value_does_not_hold_it() -> None:
    definition = "ACCME's highest accreditation status, an optional term that requires eight criteria."
    assert not holds(definition.replace("eight", "several"), "share")
    assert holds("At least 10% of the activities in the term.", "share")
    assert not holds("From the provider's estimate of the time most physicians need to complete it.", "frequency")
    assert holds("Every three years at least, while it is offered.", "frequency")
    assert not holds("Yes: physicians can create a free CME Passport account.", "time")
    assert holds("Within 30 days of the activity.", "time")
    assert holds("Over the past 18 months.", "time") and holds("Six years from the date of the activity.", "time")
    assert not holds("Planning by two or more professions, with at least one interprofessional objective.", "time")
    assert not holds("As a kind of live activity, if an accredited provider certifies it.", "year")
    assert holds("Since March 2013.", "year")
    assert not holds("An RSS is a series of sessions held weekly, monthly or quarterly.", "clock")
    assert holds("Anything, when no value is asked for.", None)
