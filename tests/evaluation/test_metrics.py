import json
from pathlib import Path

import pytest

from bot.evaluation.dataset import DatasetError, load_items
from bot.evaluation.metrics import hit_at_k, percentile, reciprocal_rank, satisfies
from bot.evaluation.runner import evaluate

GROUPS = [["24 months", "two years"], ["no minimum"]]


def test_groups_need_any_alternative_each() -> None:
    assert satisfies("Two years back, with NO MINIMUM amount", GROUPS)
    assert not satisfies("24 months back", GROUPS)


def test_hit_at_k_joins_passages_but_rr_needs_one_passage() -> None:
    passages = ["nothing", "24 months", "no minimum", "24 months and no minimum"]
    assert hit_at_k(passages, GROUPS, 3)
    assert not hit_at_k(passages, GROUPS, 2)
    assert reciprocal_rank(passages, GROUPS, 4) == pytest.approx(0.25)
    assert reciprocal_rank(passages, GROUPS, 3) == 0.0


def test_percentile_nearest_rank() -> None:
    assert percentile([5, 1, 3, 2, 4], 50) == 3
    assert percentile(list(range(1, 101)), 95) == 95
    assert percentile([], 95) == 0.0


class _Scripted:
    """A pipeline with fixed outputs, so the aggregate arithmetic is checked exactly."""

    def __init__(self) -> None:
        self.answers = {"q1": ("24 months, no minimum", False), "q2": ("", True), "q3": ("", True), "q4": ("x", False)}

    def retrieve(self, question: str, k: int) -> list[str]:
        return {"q1": ["24 months", "no minimum"], "q2": ["no minimum; 24 months"]}.get(question, [])

    def ask(self, question: str, history: list[str] | None = None) -> tuple[str, bool]:
        return self.answers[question]


def test_evaluate_aggregates(tmp_path: Path) -> None:
    rows = [
        {"id": "1", "question": "q1", "answerable": True, "must_mention": GROUPS},
        {"id": "2", "question": "q2", "answerable": True, "must_mention": GROUPS},
        {"id": "3", "question": "q3", "answerable": False, "must_mention": []},
        {"id": "4", "question": "q4", "answerable": False, "must_mention": []},
    ]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows))
    report = evaluate(_Scripted(), load_items(path), k=5)
    data = report.as_dict()
    assert {"n", "hit_at_k", "mrr", "answer_hit", "false_abstain", "abstain_correct", "p50_ms", "p95_ms"} <= set(data)
    assert data["n"] == 4
    assert data["hit_at_k"] == 1.0
    assert data["mrr"] == 0.5  # q1: no single passage has both groups; q2: rank 1
    assert data["answer_hit"] == 0.5 and data["false_abstain"] == 0.5 and data["abstain_correct"] == 0.5
    # The dump names how each answer was made, so a failure can be traced to its card.
    assert all({"mode", "card_id"} <= set(row) for row in report.item_dicts())


def test_malformed_dataset_lines_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "1", "must_mention": [["x"]]}\n')  # neither a question nor turns
    with pytest.raises(DatasetError, match=r"bad\.jsonl:1"):
        load_items(path)


def test_shipped_eval_set_meets_its_own_spec() -> None:
    items = load_items(Path(__file__).resolve().parents[2] / "bench" / "eval" / "questions.jsonl")
    assert len(items) >= 80
    assert sum(not i.answerable for i in items) >= 15
    assert len({i.id for i in items}) == len(items)
    assert all(i.must_mention for i in items if i.answerable)


def test_lead_and_must_not_are_part_of_a_hit_and_threads_pass_their_history(tmp_path: Path) -> None:
    class _Recorder:
        def __init__(self) -> None:
            self.histories: list[list[str] | None] = []

        def retrieve(self, question: str, k: int) -> list[str]:
            return []

        def ask(self, question: str, history: list[str] | None = None) -> tuple[str, bool]:
            self.histories.append(history)
            return {"a": ("No. It is 24 months.", False), "b": ("24 months, not 12 months.", False)}[question]

    rows = [
        {"id": "1", "question": "a", "must_mention": [["24 months"]], "lead": ["no"]},
        {"id": "2", "question": "b", "must_mention": [["24 months"]], "lead": ["no"]},
        {"id": "3", "turns": ["earlier", "b"], "must_mention": [["24 months"]], "must_not": ["12 months"]},
    ]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows))
    recorder = _Recorder()
    report = evaluate(recorder, load_items(path), k=5)
    assert [r.answer_hit for r in report.items] == [True, False, False]
    assert report.items[1].mentions and not report.items[1].lead_ok
    assert not report.items[2].must_not_ok and report.must_not_violations == 1
    assert recorder.histories == [None, None, ["earlier"]]


def test_a_thread_ending_in_a_question_to_decline_expects_a_decline(tmp_path: Path) -> None:
    path = tmp_path / "threads.jsonl"
    path.write_text(
        '{"id": "1", "turns": ["what is an RSS?", "btw what dose of amoxicillin?"], "must_mention": []}\n'
        '{"id": "2", "turns": ["what is an RSS?", "why?"], "must_mention": [], "answerable": true}\n'
        '{"id": "3", "turns": ["what is an RSS?", "how long?"], "must_mention": [], "lead": ["12"]}\n'
    )
    assert [item.answerable for item in load_items(path)] == [False, True, True]
