"""Plain-words sentences a planner can paste into a report: one per comparison, plus the headline, missing data,
Moore level and limits. Every number in a sentence comes from the comparison dict built in analysis.py."""

from __future__ import annotations

from typing import Any

from bot.outcomes.moore import MooreLevel


def format_p(p: float | None) -> str:
    """p<0.001, p=0.004, p=0.03; three decimals when two would round a significant p up to 0.05."""
    if p is None:
        return "p not computed"
    if p < 0.001:
        return "p<0.001"
    if p < 0.01 or f"{p:.2f}" == "0.05":
        return f"p={p:.3f}"
    return f"p={p:.2f}"


def format_value(value: float | None, kind: str) -> str:
    if value is None:
        return "n/a"
    if kind == "binary":
        return f"{100 * value:.0f}%"
    return f"{value:.1f}" if abs(value) < 1000 else f"{value:,.0f}"


def _span(comparison: dict[str, Any], phase: str, kind: str, level: MooreLevel) -> str:
    before, after = format_value(comparison["pre"], kind), format_value(comparison[phase], kind)
    if kind == "binary":
        # "correct" fits test questions (knowledge, competence); practice and patient items count learners.
        return f"from {before} to {after} {'correct' if level.rank < 5 else 'of learners'}"
    return f"from a mean score of {before} to {after}"


def _sizes(comparison: dict[str, Any], phase: str) -> str:
    if comparison["paired"]:
        return f"n={comparison['n_matched']} matched learners"
    return (
        f"unpaired groups: {comparison['n_pre']} answers before and {comparison[f'n_{phase}']} after, "
        "learners not matched"
    )


# Learning objectives start with a measurable verb ("Select patients for..."); "Knowledge of select patients"
# misreads, so such an objective is named as one: Knowledge of the objective "Select patients for...".
_OBJECTIVE_VERBS = frozenset(
    "select apply identify describe list recognize recognise choose demonstrate use interpret calculate explain "
    "compare prescribe assess manage perform document discuss evaluate implement recommend counsel screen "
    "diagnose differentiate order name define state outline summarize summarise plan integrate adjust".split()
)


def objective_name(objective: str) -> str:
    words = objective.split(maxsplit=1)
    if not words:
        return objective
    if words[0].lower() in _OBJECTIVE_VERBS:
        return f"the objective “{objective}”"
    # "Choosing patients..." reads "Knowledge of choosing patients..."; "CDC dosing" keeps its capitals.
    if words[0][:1].isupper() and words[0][1:].islower():
        return words[0].lower() + objective[len(words[0]) :]
    return objective


def comparison_sentence(
    comparison: dict[str, Any],
    *,
    name: str,
    level: MooreLevel,
    kind: str,
    phase: str,
    min_matched: int,
    alpha: float,
    n_tests: int,
) -> str:
    """One sentence for the pre -> post (or pre -> followup) comparison of one item."""
    subject = f"{level.subject} {name}"
    when = " at follow-up" if phase == "followup" else ""
    if comparison["pre"] is None:
        after = format_value(comparison[phase], kind)
        if kind == "binary":
            value = f"{after} {'correct' if level.rank < 5 else 'of learners'}"
        else:
            value = f"a mean score of {after}"
        return (
            f"{subject} has no pre-activity (baseline) answers, so no change can be shown; "
            f"{value}{when or ' after the activity'} (n={comparison[f'n_{phase}']})."
        )
    if comparison[phase] is None:
        return f"{subject} has no {'follow-up' if phase == 'followup' else 'post-activity'} answers to compare."
    if comparison["test"] is None:
        if comparison["too_few"]:
            if comparison["paired"]:
                few = f"only {comparison['n_matched']} matched learners answered both before and after{when}"
            else:
                few = (
                    f"only {comparison['n_pre']} answers before and {comparison[f'n_{phase}']} after{when}, "
                    "with no learners matched"
                )
            return (
                f"{subject}: {few}, fewer than the {min_matched} needed to test for change "
                f"(descriptively {_span(comparison, phase, kind, level)})."
            )
        return f"{subject}{when}: {comparison['test_reason']} ({_span(comparison, phase, kind, level)})."
    stats = f"{_sizes(comparison, phase)}, {comparison['test']} {format_p(comparison['p_value'])}"
    if comparison["significant"]:
        verb = "improved" if comparison["change"] > 0 else "fell" if comparison["change"] < 0 else "changed"
        return f"{subject} {verb} {_span(comparison, phase, kind, level)}{when} ({stats})."
    adjusted = ""
    if comparison["p_value"] < alpha <= comparison["p_holm"]:
        adjusted = f" after Holm adjustment for {n_tests} tests"
        stats += f", Holm-adjusted {format_p(comparison['p_holm'])}"
    if comparison["change"] == 0:
        went = f"stayed at {format_value(comparison['pre'], kind)}"
    else:
        went = f"went {_span(comparison, phase, kind, level)}"
    return f"{subject} {went}{when}, a change that was not statistically significant{adjusted} ({stats})."


def headline(summary: dict[str, Any]) -> str:
    activity = f" in {summary['activity']}" if summary.get("activity") else ""
    items = f"{summary['n_items']} item{'s' if summary['n_items'] != 1 else ''}{activity}"
    if not summary["n_learners"]:
        text = f"{summary['n_answers']:,} anonymous answers on {items}."
    else:
        anonymous = summary["n_anonymous_answers"]
        who = f"{summary['n_learners']} learners" + (f" (and {anonymous} anonymous answers)" if anonymous else "")
        text = (
            f"{who} gave {summary['n_answers']:,} answers on {items}; "
            f"{summary['n_matched_learners']} learners were matched before and after on at least one item."
        )
    if not summary["has_baseline"]:
        return text + " There are no pre-activity (baseline) answers, so these data cannot show change."
    if summary["design"] == "none":
        return text + " No item has answers both before and after the activity, so these data cannot show change."
    if summary["design"] == "unpaired":
        text += (
            " Learners could not be matched (no learner ids, or no one answered both before and after), so the "
            "before and after answers were compared as separate groups with unpaired tests, which are weaker."
        )
    elif summary["design"] == "mixed":
        text += " Items without matched learners were compared as separate groups with unpaired tests."
    tested, improved = summary["items_tested"], len(summary["items_improved"])
    if not tested:
        return text + " No item had enough data to test for change."
    return (
        f"{text} Improvement was statistically significant (Holm-adjusted p<{summary['alpha']:g}) for "
        f"{improved} of the {tested} items tested."
    )


def missing_sentence(summary: dict[str, Any]) -> str | None:
    missing = summary["missing"]
    parts = []
    if missing["learners_pre_only"]:
        parts.append(f"{missing['learners_pre_only']} learners answered only before the activity")
    if missing["learners_post_only"]:
        only = "only after" if parts else "learners answered only after the activity"
        parts.append(f"{missing['learners_post_only']} {only}")
    if missing["items_without_matched"] and summary["n_learners"]:  # anonymous data cannot be matched at all
        parts.append(f"items with no matched learners: {', '.join(missing['items_without_matched'])}")
    if missing["items_without_pre"]:
        parts.append(f"items with no baseline answers: {', '.join(missing['items_without_pre'])}")
    if not parts:
        return None
    return "Missing data: " + "; ".join(parts) + "."


def level_statement(measured: dict[str, Any] | None, improved: dict[str, Any] | None) -> str:
    if measured is None:
        return "No Moore level can be stated: no item was analysed."
    text = f"Highest level measured: {measured['label']}, {_items(measured['items'])}."
    if improved is None:
        return text + " No item showed a statistically significant improvement, so no Moore level of change is shown."
    return (
        f"{text} Highest level with a statistically significant improvement: {improved['label']}, "
        f"{_items(improved['items'])}."
    )


def _items(names: list[str]) -> str:
    shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
    return f"item{'s' if len(names) > 1 else ''} {shown}"
