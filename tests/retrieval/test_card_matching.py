"""Answer cards answer only their own question: near twins with different answers never take each other's place."""

from __future__ import annotations

import json

import pytest

from bot.config import PROJECT_ROOT
from bot.runtime import Runtime

# The first test builds the full-corpus index (about two minutes on 2 cores): a setting, not a speed target.
pytestmark = pytest.mark.timeout(1200)

CARDS_EVAL = PROJECT_ROOT / "bench" / "eval" / "cards"


def _rows(pattern: str) -> list[dict]:
    rows = []
    for path in sorted(CARDS_EVAL.glob(pattern)):
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def _matched(runtime: Runtime, question: str) -> str | None:
    engine = runtime.engine
    answer = engine.ask(question)
    return answer.card_id


def test_there_are_at_least_fifty_near_miss_pairs() -> None:
    pairs = {row["pair"] for row in _rows("near_miss-*.jsonl")}
    assert len(pairs) >= 50


def test_no_near_miss_question_gets_its_twins_card(full_runtime: Runtime) -> None:
    rows = _rows("near_miss-*.jsonl")
    wrong, twins, matched, correct = [], [], 0, 0
    for row in rows:
        got = _matched(full_runtime, row["question"])
        if got is None:
            continue
        matched += 1
        if got == row.get("card"):
            correct += 1
            continue
        wrong.append((row["question"], row.get("card"), got))
        if got == row.get("twin"):
            twins.append(wrong[-1])
    assert not twins, twins
    # A wrong card is the worst outcome; precision over all near-miss questions (README: "Answer cards").
    assert matched and correct / matched >= 0.95, wrong


@pytest.mark.parametrize(
    ("question", "expected_lead"),
    [
        ("can commercial support pay our speakers' honoraria?", "yes"),
        ("can the commercial supporter's grant pay for learners' hotel rooms?", "no"),
    ],
)
def test_speaker_honoraria_and_learner_travel_are_different_answers(
    full_runtime: Runtime, question: str, expected_lead: str
) -> None:
    answer = full_runtime.engine.ask(question)
    assert not answer.abstained
    assert answer.answer.lower().startswith(expected_lead), answer.answer
