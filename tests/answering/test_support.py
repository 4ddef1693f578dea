from bot.answering.support import SupportPolicy
from bot.retrieval.hybrid import Passage, Retrieval


def _retrieval(text: str, dense: float = 0.7, unknown: list[str] | None = None) -> Retrieval:
    passage = Passage("c::0", "kb:x", "EACCME", "Credits", "", "UEMS-EACCME", "", "", text, 1.0, dense, 3.0)
    return Retrieval("q", [passage], unknown_terms=unknown or [], known_terms=["credit", "eaccm"])


def test_supported_when_close_and_specific() -> None:
    policy = SupportPolicy.load()
    assert policy.check("How many ECMECs per hour?", _retrieval("One ECMEC per hour of education.")).supported


def test_declines_weak_matches() -> None:
    verdict = SupportPolicy.load().check("How many ECMECs?", _retrieval("Unrelated text.", dense=0.1))
    assert not verdict.supported


def test_declines_a_fee_question_when_no_amount_is_in_the_sources() -> None:
    policy = SupportPolicy.load()
    question = "What's the EACCME fee for a congress?"
    verdict = policy.check(question, _retrieval("The EACCME charges a fee by number of participants."))
    assert not verdict.supported and "price or fee" in verdict.reason
    assert policy.check(question, _retrieval("The EACCME fee is €2,000 for a large congress.")).supported


def test_costs_in_a_rules_question_are_not_a_price_request() -> None:
    question = "Can commercial support pay learners' hotel costs?"
    assert SupportPolicy.load().check(question, _retrieval("Support may not pay learners' lodging.")).supported


def test_declines_a_named_place_the_sources_never_mention() -> None:
    policy = SupportPolicy.load()
    question = "How many CME hours does Texas require?"
    verdict = policy.check(question, _retrieval("State requirements vary; check the state board."))
    assert not verdict.supported and "Texas" in verdict.reason
    assert policy.check(question, _retrieval("Texas requires hours set by the Texas board.")).supported


def test_many_unknown_words_and_a_middling_match_decline() -> None:
    retrieval = _retrieval("Credits text.", dense=0.45, unknown=["zealand", "vocat", "registr"])
    assert not SupportPolicy.load().check("q", retrieval).supported
