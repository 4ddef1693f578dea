import pytest

from bot.answering.scope import ScopeRules


@pytest.fixture(scope="module")
def rules() -> ScopeRules:
    return ScopeRules.load()


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("What dose of metformin should I start my patient on?", "clinical"),
        ("Is amoxicillin first-line for otitis media?", "clinical"),
        ("Can faculty discuss off-label dosing in an accredited talk?", "in_scope"),
        ("What's the weather in Chicago tomorrow?", "off_topic"),
        ("What's ACCME's stock price today?", "off_topic"),
        ("write me a marketing email promoting our CME course", "off_topic"),
        ("Do faculty have to disclose individual stocks?", "in_scope"),
        ("How far back do disclosures go?", "in_scope"),
        ("Our office manager asked about grand rounds", "in_scope"),
    ],
)
def test_scope(rules: ScopeRules, question: str, verdict: str) -> None:
    assert rules.classify(question) == verdict


def test_plainly_cme_questions_and_the_narrower_rule_words(rules: ScopeRules) -> None:
    # What the decision model's clinical or off-topic reading may not override.
    assert rules.plainly_cme("of the AAFP 150, how many must be prescribed and how many live?")
    assert not rules.plainly_cme("for our AAFP-approved talk: what dose of amoxicillin for otitis media?")
    assert rules.plainly_cme("cat 2 examples", rules_only=True)
    assert rules.plainly_cme("we're at the alliance conference - where do we get beignets?")
    assert not rules.plainly_cme("we're at the alliance conference - where do we get beignets?", rules_only=True)
