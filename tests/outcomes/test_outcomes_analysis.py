"""Per-item results, summary sentences, missing data, too-few and no-baseline statements, and honest Moore levels."""

from __future__ import annotations

import json
import random
from collections.abc import Callable

import pytest

from bot.outcomes import OutcomesInputError, analyse_csv
from bot.outcomes.comparisons import paired_binary

ITEM_KEYS = {"item", "n_matched", "pre", "post", "test", "p_value", "effect_size", "p_holm", "objective", "level"}


def test_item_results_and_the_paste_ready_sentence(table_csv: Callable[..., bytes]) -> None:
    # 40 matched learners: 16 right before (40%), 32 right after (80%); b=17 improved, c=1 worsened.
    result = analyse_csv(table_csv(Q1=(15, 17, 1, 7)), items={"Q1": {"objective": "sepsis recognition"}})
    row = result.items[0]
    assert set(row) >= ITEM_KEYS
    assert (row["n_matched"], row["pre"], row["post"]) == (40, 0.4, 0.8)
    assert row["test"] == "McNemar exact" and row["paired"] is True and row["significant"] is True
    pre, post = [1] * 16 + [0] * 24, [1] * 15 + [0] + [1] * 17 + [0] * 7
    assert row["p_value"] == pytest.approx(paired_binary(pre, post).p_value)
    assert row["odds_ratio"] == 17 and row["discordant"] == {"improved": 17, "worsened": 1}
    assert row["sentence"] == (
        "Knowledge of sepsis recognition improved from 40% to 80% correct "
        "(n=40 matched learners, McNemar exact p<0.001)."
    )
    assert row["sentence"] in result.summary["sentences"]


def test_json_has_items_summary_and_problems(table_csv: Callable[..., bytes]) -> None:
    data = json.loads(analyse_csv(table_csv(Q1=(15, 17, 1, 7)) + b"X,Q1,later,1\n").to_json())
    assert set(data) == {"items", "summary", "problems"}
    assert data["problems"] == [{"line": 82, "kind": "unknown_phase", "message": data["problems"][0]["message"]}]
    summary = data["summary"]
    for key in ("sentences", "n_learners", "n_matched_learners", "missing", "highest_level_measured", "limits"):
        assert key in summary
    assert summary["n_learners"] == 40 and summary["n_matched_learners"] == 40


def test_missing_data_is_counted(table_csv: Callable[..., bytes]) -> None:
    csv = table_csv(Q1=(10, 8, 1, 5)) + b"P1,Q1,pre,1\nP2,Q1,pre,0\nS1,Q1,post,1\nS1,Q9,post,1\n"
    result = analyse_csv(csv)
    missing = result.summary["missing"]
    assert missing["learners_pre_only"] == 2 and missing["learners_post_only"] == 1
    assert missing["items_without_matched"] == ["Q9"] and missing["items_without_pre"] == ["Q9"]
    q1 = result.items[0]
    assert (q1["n_pre"], q1["n_post"], q1["n_pre_only"], q1["n_post_only"]) == (26, 25, 2, 1)
    assert any(s.startswith("Missing data: 2 learners answered only before") for s in result.summary["sentences"])


def test_fewer_than_ten_matched_learners_gives_no_p_value_claim(table_csv: Callable[..., bytes]) -> None:
    row = analyse_csv(table_csv(Q1=(1, 6, 0, 2))).items[0]
    assert row["test"] is None and row["p_value"] is None and row["too_few"] is True
    assert "only 9 matched learners" in row["sentence"] and "fewer than the 10 needed" in row["sentence"]
    assert "p=" not in row["sentence"] and "p<" not in row["sentence"]


def test_no_baseline_at_all_says_change_cannot_be_shown() -> None:
    csv = "learner_id,item,phase,correct\n" + "".join(f"L{i},Q1,post,1\n" for i in range(20))
    result = analyse_csv(csv.encode())
    assert result.items[0]["p_value"] is None
    assert "no pre-activity (baseline) answers" in result.items[0]["sentence"]
    assert "cannot show change" in result.summary["sentences"][0]
    assert result.summary["highest_level_improved"] is None
    assert "do not show" in result.summary["limits"] or "cannot be used" in result.summary["limits"]


def test_anonymous_data_use_unpaired_tests_and_say_so() -> None:
    csv = "item,phase,correct\n" + "Q1,pre,1\n" * 8 + "Q1,pre,0\n" * 22 + "Q1,post,1\n" * 24 + "Q1,post,0\n" * 6
    result = analyse_csv(csv.encode())
    row = result.items[0]
    assert row["paired"] is False and row["test"] == "chi-square" and row["n_matched"] == 0
    assert "unpaired groups: 30 answers before and 30 after" in row["sentence"]
    assert result.summary["design"] == "unpaired" and "unpaired tests" in result.summary["sentences"][0]


def test_scores_paired_with_follow_up() -> None:
    lines = ["learner_id,item,phase,score"]
    gains, kept = [8, 6, 9, 7, 8, 10, 7, 9, 8, 6, 9, 8], [5, 4, 6, 5, 7, 5, 4, 6, 5, 6]  # Shapiro p 0.42, 0.29
    for i in range(12):
        lines += [f"L{i},case,pre,{50 + i}", f"L{i},case,post,{50 + i + gains[i]}"]
        if i < 10:
            lines.append(f"L{i},case,followup,{50 + i + kept[i]}")
    row = analyse_csv("\n".join(lines).encode()).items[0]
    assert row["test"] == "paired t-test" and row["pre"] == pytest.approx(55.5)
    assert row["sentence"].startswith("Knowledge of item case improved from a mean score of 55.5 to")
    followup = row["followup"]
    assert followup["n_matched"] == 10 and followup["test"] == "paired t-test" and followup["p_holm"] is not None
    assert "at follow-up" in followup["sentence"]


def test_a_raw_p_below_005_that_holm_lifts_is_not_called_an_improvement(table_csv: Callable[..., bytes]) -> None:
    # Q1 alone: exact p = 2 * 11/1024 = 0.021; the smallest of three p-values, Holm multiplies it by 3.
    result = analyse_csv(table_csv(Q2=(10, 3, 3, 10), Q3=(10, 4, 2, 10), Q1=(5, 9, 1, 5)))
    q1 = next(row for row in result.items if row["item"] == "Q1")
    assert q1["p_value"] < 0.05 <= q1["p_holm"] and q1["significant"] is False
    assert "not statistically significant after Holm adjustment for 3 tests" in q1["sentence"]
    assert result.summary["items_improved"] == [] and result.summary["highest_level_improved"] is None


def test_knowledge_gains_never_claim_performance(table_csv: Callable[..., bytes]) -> None:
    result = analyse_csv(
        table_csv(Q1=(10, 20, 1, 9), Q2=(10, 20, 1, 9)), items={"Q1": {"level": "3a"}, "Q2": {"level": "3b"}}
    )
    summary = result.summary
    assert summary["highest_level_measured"]["level"] == "3b"
    assert summary["highest_level_improved"]["level"] == "3b"
    assert "they do not show a change in competence, in what learners do in practice" in summary["limits"]
    assert "nor the Achieves Outcomes commendation criteria" in summary["limits"]
    for sentence in summary["sentences"]:
        assert "level 5" not in sentence and "Performance on" not in sentence


def test_the_highest_level_measured_and_the_highest_improved_are_stated_apart(table_csv: Callable[..., bytes]) -> None:
    result = analyse_csv(
        table_csv(Q1=(10, 20, 1, 9), Q2=(10, 3, 3, 9)), items={"Q1": {"level": "3a"}, "Q2": {"level": "4"}}
    )
    assert result.summary["highest_level_measured"] == {
        "level": "4",
        "label": "Moore level 4 (competence)",
        "items": ["Q2"],
    }
    assert result.summary["highest_level_improved"]["level"] == "3a"
    assert (
        "Highest level with a statistically significant improvement: Moore level 3a"
        in (result.summary["level_statement"])
    )


def test_self_reported_performance_is_labelled_as_such(table_csv: Callable[..., bytes]) -> None:
    result = analyse_csv(table_csv(P1=(10, 20, 1, 9)), items={"P1": {"objective": "sepsis bundle use", "level": "5s"}})
    row = result.items[0]
    assert row["level"] == "5-self" and "self-reported" in row["level_label"]
    assert row["sentence"].startswith("Self-reported performance on sepsis bundle use improved")
    assert "self-reported by learners, not measured from practice records" in result.summary["limits"]


def test_items_without_a_level_are_taken_as_knowledge(table_csv: Callable[..., bytes]) -> None:
    row = analyse_csv(table_csv(Q1=(10, 20, 1, 9))).items[0]
    assert row["level"] == "3" and row["level_assumed"] is True and "assumed" in row["level_label"]


def test_min_matched_below_two_is_refused(table_csv: Callable[..., bytes]) -> None:
    with pytest.raises(ValueError, match="at least 2"):
        analyse_csv(table_csv(Q1=(1, 1, 1, 1)), min_matched=1)


def test_messy_input_never_crashes_and_the_json_is_strict() -> None:
    # Seeded junk: mixed phases, values, blanks, extra cells and ids; either a result with strict JSON (no NaN)
    # or the one documented error, never anything else.
    rng = random.Random(11)
    for _ in range(30):
        value = rng.choice(["correct", "score"])
        lines = [f"learner_id,item,phase,{value}"]
        for _ in range(rng.randint(0, 40)):
            cells = [rng.choice("ABCDÉ "), rng.choice(["Q1", "Q2", ""]), rng.choice(["pre", "post", "followup", "x"])]
            cells += [rng.choice(["0", "1", "1", "2", "", "nan", "3.5"])] + ["extra"] * (rng.random() < 0.05)
            lines.append(",".join(cells))
        try:
            result = analyse_csv("\n".join(lines).encode(), min_matched=rng.choice([2, 10]))
        except OutcomesInputError as error:
            assert "\n" not in str(error)
            continue
        json.loads(result.to_json(), parse_constant=lambda constant: pytest.fail(f"{constant} in the JSON"))
