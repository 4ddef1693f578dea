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
