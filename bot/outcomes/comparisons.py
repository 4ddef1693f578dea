"""The statistical tests, one function per design, each choosing its test by a stated rule.

Paired right/wrong (matched learners): McNemar's test (statsmodels), exact binomial when there are fewer than 25
discordant pairs, otherwise chi-square with continuity correction. Effect size Cohen's h (statsmodels
proportion_effectsize); conditional odds ratio b/c (learners who went wrong->right over right->wrong) with an
exact 95% CI from the Clopper-Pearson interval of b/(b+c), given when both b and c are non-zero.

Paired scores: paired t-test, or Wilcoxon signed-rank when the differences are clearly non-normal (Shapiro-Wilk
p<0.05 with at least 8 learners; with fewer, normality cannot be judged and the t-test is used). Effect size
Cohen's d for paired data (d_z): mean difference / SD of the differences.

Unpaired right/wrong: Fisher's exact test when any expected cell count is below 5, otherwise chi-square with
Yates' continuity correction; Cohen's h; 95% CI of the difference in proportions (Newcombe).
Unpaired scores: Welch's t-test, or Mann-Whitney U when either group is clearly non-normal (same Shapiro rule);
Cohen's d with the pooled SD.

Every function returns a Comparison; p_value is None (with `reason` saying why) when no test is meaningful."""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import numpy as np
from scipy import stats
from statsmodels.stats.contingency_tables import mcnemar
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint, proportion_effectsize

EXACT_BELOW = 25  # discordant pairs under which McNemar's exact binomial test is used
NORMALITY_MIN_N = 8  # fewer differences than this and Shapiro-Wilk cannot tell normal from not
NORMALITY_ALPHA = 0.05

D_PAIRED = "Cohen's d (paired: mean difference / SD of the differences)"
D_POOLED = "Cohen's d (difference in means / pooled SD)"
H = "Cohen's h"


@dataclass(frozen=True, slots=True)
class Comparison:
    test: str | None
    reason: str
    p_value: float | None
    statistic: float | None = None
    effect_size: float | None = None
    effect_measure: str | None = None
    ci: tuple[float, float] | None = None  # 95% CI of `ci_measure`
    ci_measure: str | None = None
    odds_ratio: float | None = None
    odds_ratio_ci: tuple[float, float] | None = None
    discordant: tuple[int, int] | None = None  # McNemar's b (wrong->right) and c (right->wrong)


def _finite(value: float | None) -> float | None:
    return float(value) if value is not None and math.isfinite(value) else None


def _clearly_non_normal(values: np.ndarray) -> bool:
    if len(values) < NORMALITY_MIN_N or np.ptp(values) == 0:
        return False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # scipy warns that p may be inaccurate above n=5000; the rule still holds
        return bool(stats.shapiro(values).pvalue < NORMALITY_ALPHA)


def paired_binary(pre: np.ndarray, post: np.ndarray) -> Comparison:
    """McNemar on matched learners' 0/1 answers (same order in both arrays)."""
    pre_ok, post_ok = np.asarray(pre) == 1, np.asarray(post) == 1
    both = int(np.sum(pre_ok & post_ok))
    b = int(np.sum(~pre_ok & post_ok))  # improved
    c = int(np.sum(pre_ok & ~post_ok))  # got worse
    neither = int(np.sum(~pre_ok & ~post_ok))
    exact = b + c < EXACT_BELOW
    result = mcnemar(np.array([[both, c], [b, neither]]), exact=exact, correction=True)
    if exact:
        test = "McNemar exact"
        reason = f"exact binomial test: {b + c} discordant pairs (< {EXACT_BELOW})"
    else:
        test = "McNemar chi-square"
        reason = f"chi-square with continuity correction: {b + c} discordant pairs (>= {EXACT_BELOW})"
    odds_ratio = odds_ci = None
    if b and c:
        low, high = proportion_confint(b, b + c, alpha=0.05, method="beta")
        # b/(b+c) is the conditional probability of improving; its odds are the conditional odds ratio b/c.
        odds_ratio, odds_ci = b / c, (float(low / (1 - low)), float(high / (1 - high)))
    else:
        reason += "; odds ratio not defined (no learner changed in one of the two directions)"
    return Comparison(
        test=test,
        reason=reason,
        p_value=float(result.pvalue),
        statistic=float(result.statistic),
        effect_size=float(proportion_effectsize(post_ok.mean(), pre_ok.mean())),
        effect_measure=H,
        odds_ratio=odds_ratio,
        odds_ratio_ci=odds_ci,
        ci=odds_ci,
        ci_measure="conditional odds ratio (b/c), exact" if odds_ci else None,
        discordant=(b, c),
    )


def paired_scores(pre: np.ndarray, post: np.ndarray) -> Comparison:
    """Paired t-test or Wilcoxon signed-rank on matched learners' scores (same order in both arrays)."""
    pre, post = np.asarray(pre, dtype=float), np.asarray(post, dtype=float)
    diff = post - pre
    sd = float(np.std(diff, ddof=1)) if len(diff) > 1 else 0.0
    if sd == 0:
        change = float(diff[0]) if len(diff) else 0.0
        return Comparison(
            test=None,
            reason=f"every matched learner's score changed by exactly {change:g}, so there is no variation to test",
            p_value=None,
        )
    d = float(diff.mean() / sd)
    if _clearly_non_normal(diff):
        result = stats.wilcoxon(post, pre)
        return Comparison(
            test="Wilcoxon signed-rank",
            reason=f"differences clearly non-normal (Shapiro-Wilk p<{NORMALITY_ALPHA}, n={len(diff)})",
            p_value=float(result.pvalue),
            statistic=float(result.statistic),
            effect_size=d,
            effect_measure=D_PAIRED,
        )
    result = stats.ttest_rel(post, pre)
    interval = result.confidence_interval(0.95)
    rule = (
        f"fewer than {NORMALITY_MIN_N} learners, too few to judge normality"
        if len(diff) < NORMALITY_MIN_N
        else "differences not clearly non-normal (Shapiro-Wilk p>=0.05)"
    )
    return Comparison(
        test="paired t-test",
        reason=rule,
        p_value=float(result.pvalue),
        statistic=float(result.statistic),
        effect_size=d,
        effect_measure=D_PAIRED,
        ci=(float(interval.low), float(interval.high)),
        ci_measure="mean difference (post - pre)",
    )


def unpaired_binary(pre: np.ndarray, post: np.ndarray) -> Comparison:
    """Fisher exact or chi-square on two independent groups of 0/1 answers."""
    pre_right, post_right = int(np.sum(pre)), int(np.sum(post))
    n_pre, n_post = len(pre), len(post)
    table = np.array([[post_right, n_post - post_right], [pre_right, n_pre - pre_right]])
    low, high = confint_proportions_2indep(post_right, n_post, pre_right, n_pre, compare="diff", method="newcomb")
    shared = {
        "effect_size": float(proportion_effectsize(post_right / n_post, pre_right / n_pre)),
        "effect_measure": H,
        "ci": (float(low), float(high)),
        "ci_measure": "difference in proportions (post - pre), Newcombe",
    }
    if stats.contingency.expected_freq(table).min() < 5:
        statistic, p_value = stats.fisher_exact(table)
        return Comparison(
            test="Fisher exact",
            reason="unpaired groups; an expected cell count below 5",
            p_value=float(p_value),
            statistic=_finite(statistic),  # the sample odds ratio
            **shared,  # type: ignore[arg-type]
        )
    result = stats.chi2_contingency(table, correction=True)
    return Comparison(
        test="chi-square",
        reason="unpaired groups; every expected cell count at least 5 (Yates' continuity correction)",
        p_value=float(result.pvalue),
        statistic=float(result.statistic),
        **shared,  # type: ignore[arg-type]
    )


def unpaired_scores(pre: np.ndarray, post: np.ndarray) -> Comparison:
    """Welch's t-test or Mann-Whitney U on two independent groups of scores."""
    pre, post = np.asarray(pre, dtype=float), np.asarray(post, dtype=float)
    n_pre, n_post = len(pre), len(post)
    pooled = math.sqrt(((n_pre - 1) * np.var(pre, ddof=1) + (n_post - 1) * np.var(post, ddof=1)) / (n_pre + n_post - 2))
    if pooled == 0:
        return Comparison(
            test=None, reason="every score in each group is the same, so there is no variation to test", p_value=None
        )
    d = float((post.mean() - pre.mean()) / pooled)
    if _clearly_non_normal(pre) or _clearly_non_normal(post):
        result = stats.mannwhitneyu(post, pre, alternative="two-sided")
        return Comparison(
            test="Mann-Whitney U",
            reason=f"unpaired groups; scores clearly non-normal (Shapiro-Wilk p<{NORMALITY_ALPHA})",
            p_value=float(result.pvalue),
            statistic=float(result.statistic),
            effect_size=d,
            effect_measure=D_POOLED,
        )
    result = stats.ttest_ind(post, pre, equal_var=False)
    interval = result.confidence_interval(0.95)
    return Comparison(
        test="Welch t-test",
        reason="unpaired groups; scores not clearly non-normal (Welch: no equal-variance assumption)",
        p_value=float(result.pvalue),
        statistic=float(result.statistic),
        effect_size=d,
        effect_measure=D_POOLED,
        ci=(float(interval.low), float(interval.high)),
        ci_measure="difference in means (post - pre)",
    )
