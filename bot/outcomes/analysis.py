"""From clean responses to per-item results and a summary: matching, choosing paired or unpaired tests, Holm
adjustment across every test in the report, and the honest Moore level statement.

Design per item and comparison (pre -> post, and pre -> followup when there are follow-up answers): paired on
the matched learners whenever at least one learner answered both; unpaired (all answers before against all
after) only when no learner can be matched, e.g. anonymous data. With fewer than `min_matched` matched learners
(or, unpaired, fewer answers in either group) no test is run and the sentence says the data are too few."""

from __future__ import annotations

import json
import math
import warnings
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from statsmodels.stats.multitest import multipletests

from bot.outcomes import comparisons, wording
from bot.outcomes.loading import DEFAULT_MAX_BYTES, ItemsSource, Kind, ResponseData, ResponsesSource, load_responses
from bot.outcomes.moore import ASSUMED_KNOWLEDGE, MooreLevel, highest, limits_sentence
from bot.outcomes.problems import Problem

MIN_MATCHED = 10
ALPHA = 0.05


@dataclass
class OutcomesResult:
    """`items`: one dict per item (see analyse); `summary`: counts and plain-words sentences; `problems`: what
    was wrong with the input, by line."""

    items: list[dict[str, Any]]
    summary: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)
    kind: Kind = "binary"

    def as_dict(self) -> dict[str, Any]:
        data = {"items": self.items, "summary": self.summary, "problems": [p.as_dict() for p in self.problems]}
        return _finite(data)

    def to_json(self, indent: int | None = None) -> str:
        """{"items": [...], "summary": {...}, "problems": [...]} as JSON text (never NaN: strict JSON)."""
        return json.dumps(self.as_dict(), indent=indent, ensure_ascii=False, allow_nan=False)

    def sentences(self) -> list[str]:
        return list(self.summary["sentences"])

    def text(self) -> str:
        """The plain summary: one sentence per line."""
        return "\n".join(self.sentences())


def _finite(value: Any) -> Any:
    """A copy with NaN and infinities as None, so the JSON is valid for any reader, not only Python's."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value


def analyse_csv(
    source: ResponsesSource,
    *,
    items: ItemsSource | None = None,
    activity: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    min_matched: int = MIN_MATCHED,
    alpha: float = ALPHA,
) -> OutcomesResult:
    """load_responses then analyse; raises OutcomesInputError when nothing can be analysed."""
    data = load_responses(source, items=items, max_bytes=max_bytes)
    return analyse(data, activity=activity, min_matched=min_matched, alpha=alpha)


def analyse(
    data: ResponseData, *, activity: str | None = None, min_matched: int = MIN_MATCHED, alpha: float = ALPHA
) -> OutcomesResult:
    """Per-item comparisons of loaded responses. Each item dict has item, objective, level, level_label, kind,
    then the pre -> post comparison (paired, n_matched, n_pre, n_post, n_pre_only, n_post_only, pre, post,
    change, test, test_reason, statistic, p_value, p_holm, significant, effect_size, effect_measure, ci,
    odds_ratio, odds_ratio_ci, discordant, too_few, sentence) and followup: the same keys for pre -> followup
    (with followup, n_followup, n_followup_only in place of post, n_post, n_post_only), or None.

    min_matched (at least 2, as no test works on one learner) is the fewest matched learners, or answers in each
    unpaired group, for which a test is run."""
    if min_matched < 2:
        raise ValueError(f"min_matched must be at least 2, not {min_matched}")
    by_item = {item: group.droplevel(0) for item, group in data.wide.groupby(level="item", sort=False)}
    values = {key: group.to_numpy() for key, group in data.frame.groupby(["item", "phase"], sort=False)["value"]}
    rows: list[dict[str, Any]] = []
    tested: list[dict[str, Any]] = []
    for item in data.item_order():
        meta = data.items.get(item)
        level = meta.level if meta and meta.level else ASSUMED_KNOWLEDGE
        row: dict[str, Any] = {
            "item": item,
            "objective": meta.objective if meta else None,
            "level": level.code,
            "level_label": level.label,
            "level_assumed": level.assumed,
            "kind": data.kind,
        }
        wide = by_item.get(item)
        post = _compare(data.kind, "post", values.get((item, "pre")), values.get((item, "post")), wide, min_matched)
        row.update(post)
        post = row  # the item dict is its own pre -> post comparison: Holm and the sentence write into it
        followup = None
        if (item, "followup") in values:
            followup = _compare(
                data.kind, "followup", values.get((item, "pre")), values[(item, "followup")], wide, min_matched
            )
        row["followup"] = followup
        tested += [c for c in (post, followup) if c is not None and c["p_value"] is not None]
        rows.append(row)
    _holm(tested, alpha)
    for row in rows:
        name = wording.objective_name(row["objective"]) if row["objective"] else f"item {row['item']}"
        level = _level_of(row, data)
        for phase, comparison in (("post", row), ("followup", row["followup"])):
            if comparison is not None:
                comparison["sentence"] = wording.comparison_sentence(
                    comparison,
                    name=name,
                    level=level,
                    kind=data.kind,
                    phase=phase,
                    min_matched=min_matched,
                    alpha=alpha,
                    n_tests=len(tested),
                )
    summary = _summary(data, rows, len(tested), activity, min_matched, alpha)
    return OutcomesResult(items=rows, summary=summary, problems=data.problems, kind=data.kind)


def _level_of(row: dict[str, Any], data: ResponseData) -> MooreLevel:
    meta = data.items.get(row["item"])
    return meta.level if meta and meta.level else ASSUMED_KNOWLEDGE


def _compare(
    kind: Kind,
    phase: str,
    pre_all: np.ndarray | None,
    later_all: np.ndarray | None,
    wide: pd.DataFrame | None,
    min_matched: int,
) -> dict[str, Any]:
    """One comparison of pre against `phase` for one item; `wide` is the item's identified learners by phase."""
    matched = wide[["pre", phase]].dropna() if wide is not None else pd.DataFrame(columns=["pre", phase])
    n_pre = 0 if pre_all is None else len(pre_all)
    n_later = 0 if later_all is None else len(later_all)
    result: dict[str, Any] = {
        "phase": phase,
        "paired": len(matched) > 0,
        "n_matched": len(matched),
        "n_pre": n_pre,
        f"n_{phase}": n_later,
        "n_pre_only": int((wide["pre"].notna() & wide[phase].isna()).sum()) if wide is not None else 0,
        f"n_{phase}_only": int((wide["pre"].isna() & wide[phase].notna()).sum()) if wide is not None else 0,
    }
    if result["paired"]:
        before, after = matched["pre"].to_numpy(), matched[phase].to_numpy()
        enough = len(matched) >= min_matched
    else:
        before = pre_all if pre_all is not None else np.array([])
        after = later_all if later_all is not None else np.array([])
        enough = min(n_pre, n_later) >= min_matched
    result["pre"] = float(before.mean()) if len(before) else None
    result[phase] = float(after.mean()) if len(after) else None
    result["change"] = None if result["pre"] is None or result[phase] is None else result[phase] - result["pre"]
    result["too_few"] = result["change"] is not None and not enough
    test = None
    if result["change"] is not None and enough:
        with warnings.catch_warnings():
            # Near-constant data make scipy warn about precision; such cases are caught below as non-finite.
            warnings.simplefilter("ignore", RuntimeWarning)
            test = _TESTS[(kind, result["paired"])](before, after)
        if test.p_value is not None and not math.isfinite(test.p_value):
            test = comparisons.Comparison(None, "the data are too uniform for the test to give a p-value", None)
    result.update(
        {
            "test": test.test if test else None,
            "test_reason": test.reason if test else None,
            "statistic": test.statistic if test else None,
            "p_value": test.p_value if test else None,
            "p_holm": None,
            "significant": None,
            "effect_size": test.effect_size if test else None,
            "effect_measure": test.effect_measure if test else None,
            "ci": {"measure": test.ci_measure, "low": test.ci[0], "high": test.ci[1]} if test and test.ci else None,
            "odds_ratio": test.odds_ratio if test else None,
            "odds_ratio_ci": list(test.odds_ratio_ci) if test and test.odds_ratio_ci else None,
            "discordant": (
                {"improved": test.discordant[0], "worsened": test.discordant[1]} if test and test.discordant else None
            ),
        }
    )
    return result


_TESTS = {
    ("binary", True): comparisons.paired_binary,
    ("binary", False): comparisons.unpaired_binary,
    ("score", True): comparisons.paired_scores,
    ("score", False): comparisons.unpaired_scores,
}


def _holm(tested: list[dict[str, Any]], alpha: float) -> None:
    """Holm's step-down adjustment over every test in the report (post and follow-up alike): a planner reads
    all of them, so the family is all of them."""
    if tested:
        adjusted = multipletests([c["p_value"] for c in tested], alpha=alpha, method="holm")[1]
        for comparison, p_holm in zip(tested, adjusted, strict=True):
            comparison["p_holm"] = float(p_holm)
            comparison["significant"] = bool(p_holm < alpha)


def _summary(
    data: ResponseData, rows: list[dict[str, Any]], n_tests: int, activity: str | None, min_matched: int, alpha: float
) -> dict[str, Any]:
    frame = data.frame
    known = frame[frame["learner_id"] != ""]
    # Which phases each identified learner answered in, for the pre-only / post-only counts.
    answered = known.assign(pre=known["phase"] == "pre", post=known["phase"] == "post")
    answered = answered.groupby("learner_id", sort=False)[["pre", "post"]].any()
    comparisons_made = [c for row in rows for c in (row, row["followup"]) if c is not None]
    # The design of the comparisons that had answers on both sides; "none" when no item had both.
    paired = {c["paired"] for c in comparisons_made if c["change"] is not None}
    design = "none" if not paired else "mixed" if len(paired) == 2 else "paired" if True in paired else "unpaired"
    matched_learners = int(data.wide[["pre", "post"]].notna().all(axis=1).groupby(level="learner_id").any().sum())
    # An item's level counts as measured when the item was analysed; as improved when a test showed a
    # significant rise (after Holm) at post or follow-up.
    levels = {row["item"]: _level_of(row, data) for row in rows}
    improved_items = [
        row["item"] for row in rows if any(c and c["significant"] and c["change"] > 0 for c in (row, row["followup"]))
    ]
    worsened_items = [
        row["item"] for row in rows if any(c and c["significant"] and c["change"] < 0 for c in (row, row["followup"]))
    ]
    measured = _level_summary(levels, list(levels))
    improved = _level_summary(levels, improved_items)
    summary: dict[str, Any] = {
        "activity": activity,
        "kind": data.kind,
        "design": design,
        "n_learners": int(known["learner_id"].nunique()),
        "n_anonymous_answers": int((frame["learner_id"] == "").sum()),
        "n_answers": len(frame),
        "n_items": len(rows),
        "n_matched_learners": matched_learners,
        "missing": {
            "learners_pre_only": int((answered["pre"] & ~answered["post"]).sum()),
            "learners_post_only": int((answered["post"] & ~answered["pre"]).sum()),
            "items_without_matched": [row["item"] for row in rows if row["n_matched"] == 0],
            "items_without_pre": [row["item"] for row in rows if row["n_pre"] == 0],
            "items_without_post": [row["item"] for row in rows if row["n_post"] == 0],
        },
        "items_tested": sum(1 for row in rows if row["p_value"] is not None),
        "has_baseline": bool((frame["phase"] == "pre").any()),
        "items_improved": improved_items,
        "items_worsened": worsened_items,
        "tests": n_tests,
        "alpha": alpha,
        "min_matched": min_matched,
        "multiple_comparisons": (
            f"Holm-adjusted p-values across all {n_tests} tests in this report are given beside the raw p; an "
            f"item counts as significant when its Holm-adjusted p is below {alpha:g}."
        ),
        "highest_level_measured": measured,
        "highest_level_improved": improved,
        "level_statement": wording.level_statement(measured, improved),
        "limits": limits_sentence(highest([levels[item] for item in improved_items])),
        "problem_counts": data.problem_counts,
    }
    sentences = [wording.headline(summary)]
    for row in rows:
        sentences.append(row["sentence"])
        if row["followup"]:
            sentences.append(row["followup"]["sentence"])
    if n_tests > 1:
        sentences.append(summary["multiple_comparisons"])
    missing = wording.missing_sentence(summary)
    if missing:
        sentences.append(missing)
    sentences += [summary["level_statement"], summary["limits"]]
    summary["sentences"] = sentences
    return summary


def _level_summary(levels: dict[str, MooreLevel], items: list[str]) -> dict[str, Any] | None:
    top = highest([levels[item] for item in items])
    if top is None:
        return None
    return {
        "level": top.code,
        "label": top.label,
        "items": [item for item in items if levels[item].rank == top.rank],
    }
