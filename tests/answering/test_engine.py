"""The offline engine over the small real corpus: answers with citations, honest declines, bad input."""

from bot.answering.models import Turn
from bot.runtime import Runtime


def test_extractive_answer_cites_its_sources(runtime: Runtime) -> None:
    answer = runtime.engine.ask("Can commercial support pay for learners' travel and hotel?")
    assert not answer.abstained and answer.mode == "extractive"
    assert "[1]" in answer.answer
    assert answer.sources and all(s.url.startswith("https://") for s in answer.sources)
    assert "learner" in answer.answer.lower()
    assert len(answer.answer.split()) <= 170  # an answer, not a dump


def test_public_json_has_exactly_the_documented_keys(runtime: Runtime) -> None:
    data = runtime.engine.ask("How far back do disclosures go?").public_dict()
    assert set(data) == {"answer", "abstained", "sources"}
    assert set(data["sources"][0]) == {"title", "heading", "url", "authority", "text", "score", "tier"}
    assert isinstance(data["sources"][0]["score"], float)


def test_clinical_questions_are_declined_kindly(runtime: Runtime) -> None:
    answer = runtime.engine.ask("What dose of apixaban should my patient with AF take?")
    assert answer.abstained and answer.sources == []
    assert "clinical advice" in answer.answer


def test_unsupported_questions_are_declined_with_where_to_check(runtime: Runtime) -> None:
    answer = runtime.engine.ask("What's the registration fee for the ACCME annual meeting?")
    assert answer.abstained
    assert "accme.org" in answer.answer


def test_empty_question_gets_help_not_an_error(runtime: Runtime) -> None:
    answer = runtime.engine.ask("   \n ")
    assert answer.abstained and "empty" in answer.answer


def test_a_40k_character_message_is_cut_and_said_so(runtime: Runtime) -> None:
    question = "How far back do faculty disclosures go? " + "context " * 5000
    assert len(question) > 40_000
    answer = runtime.engine.ask(question)
    assert not answer.abstained
    assert answer.note and "very long" in answer.note
    assert len(answer.question) <= 2000


def test_unicode_and_emoji_do_not_break_anything(runtime: Runtime) -> None:
    answer = runtime.engine.ask("🤔 ¿Cuánto tiempo atrás? 研修 disclosure lookback for faculty 👩‍⚕️")
    assert isinstance(answer.answer, str) and answer.answer


def test_offline_follow_up_borrows_the_earlier_question(runtime: Runtime) -> None:
    history = [
        Turn(role="user", text="Can commercial support pay for learners' hotel rooms?"),
        Turn(role="assistant", text="No [1]"),
    ]
    standalone = runtime.engine.standalone_question("what about faculty?", history)
    assert "commercial support" in standalone and "faculty" in standalone
    assert runtime.engine.standalone_question("How many credits is a 90 minute webinar?", history) == (
        "How many credits is a 90 minute webinar?"
    )


def test_a_decision_model_fitted_for_another_embedding_falls_back_to_the_rules(runtime: Runtime) -> None:
    from bot.answering.decision import FEATURE_NAMES, DecisionModel

    width = len(FEATURE_NAMES) + 768  # fitted on a 768-dimension model; ours has 384
    engine = runtime.engine
    engine.decision = DecisionModel(
        {
            "classes": ["answerable", "clinical", "near_scope", "off_topic"],
            "mean": [0.0] * width,
            "scale": [1.0] * width,
            "coef": [[0.0] * width] * 4,
            "intercept": [0.0] * 4,
            "answer_threshold": 0.5,
            "embedding": True,
        }
    )
    answer = engine.ask("Can commercial support pay for learners' travel and hotel?")
    assert not answer.abstained and "[1]" in answer.answer
    assert engine.decision is None


def test_an_extractive_answer_to_a_yes_no_question_without_a_verdict_says_so(runtime: Runtime) -> None:
    from bot.texts import message

    answer = runtime.engine.ask("Can commercial support pay for learners' travel and hotel?")
    assert answer.mode == "extractive"
    opening = answer.answer.split("\n")[0]
    # Either the sources' own verdict opens the answer, or the member is told the quotes are not one.
    assert opening.startswith(("No", "Yes", "Not")) or opening == message("no_verdict")
    # Questions that do not ask yes or no are never framed that way.
    how = runtime.engine.ask("How far back do faculty disclosures go?")
    assert not how.answer.startswith(message("no_verdict"))
    assert "yes" not in message("no_verdict").lower().split() and "no" not in message("no_verdict").lower().split()
