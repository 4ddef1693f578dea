"""The grounding check that stands between a written answer and the member."""

from __future__ import annotations

from bot.answering.grounding import numbers_in, ungrounded

SOURCE = (
    "Individuals must disclose all financial relationships with ineligible companies that existed within the prior "
    "24 months. The accredited provider designates this live activity for a maximum of 2.0 AMA PRA Category 1 "
    "Credits™. Seven levels describe outcomes."
)


def test_numbers_and_wording_in_the_sources_are_grounded() -> None:
    assert ungrounded("The lookback is 24 months [1].", [SOURCE]) == []
    assert ungrounded("It carries 2 credits (2.0 in the statement) [1].", [SOURCE]) == []
    assert ungrounded('The statement reads "designates this live activity for a maximum of 2.0" [1].', [SOURCE]) == []
    assert ungrounded("There are 7 levels.", [SOURCE]) == []


def test_a_number_or_quote_the_sources_do_not_hold_is_caught() -> None:
    assert ungrounded("The lookback is 12 months [1].", [SOURCE]) == ["the number 12 is in no cited source"]
    assert ungrounded("Since 2019 the rule applies.", [SOURCE])
    problems = ungrounded('ACCME says "all activities are accredited by default" [1].', [SOURCE])
    assert problems and "quoted wording" in problems[0]


def test_citation_markers_are_not_numbers() -> None:
    assert numbers_in("Yes [3][12].") == set()
    assert numbers_in("1.50 and 1,000") == {"1.5", "1000"}
