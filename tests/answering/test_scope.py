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
        # A follow-up's own words after a Moore question: what the audit measures, not advice on prescribing.
        ("which one is a chart audit of actual prescribing", "in_scope"),
        ("which antibiotic should I be prescribing for otitis?", "clinical"),
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


def test_practice_words_in_an_outcomes_question_are_not_clinical(rules: ScopeRules) -> None:
    # What an outcomes measure counts (prescribing, diagnosis) is not a request for clinical advice.
    assert rules.plainly_cme("we track statin prescribing after our lipid course. which moore level is that?")
    assert rules.plainly_cme("we measured diagnosis rates before and after the sepsis series: outcomes level 5?")
    # Without a measure it stays clinical, and a dose is clinical whatever else the question says.
    assert not rules.plainly_cme("our lipid course: should we be prescribing statins to everyone over 40?")
    assert not rules.plainly_cme("we track outcomes of our course: what statin dose for a 60 year old?")
