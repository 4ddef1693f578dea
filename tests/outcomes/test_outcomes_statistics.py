"""The tests and effect sizes against published worked examples and against scipy / statsmodels on fixed data."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats
from statsmodels.stats.contingency_tables import mcnemar
from statsmodels.stats.multitest import multipletests

from bot.outcomes import analyse_csv, format_p
from bot.outcomes.comparisons import paired_binary, paired_scores, unpaired_binary, unpaired_scores


def arrays(a: int, b: int, c: int, d: int) -> tuple[np.ndarray, np.ndarray]:
    """Pre and post 0/1 arrays of matched learners from a 2x2 table (b wrong->right, c right->wrong)."""
    pre = np.array([1] * a + [0] * b + [1] * c + [0] * d)
    post = np.array([1] * a + [1] * b + [0] * c + [0] * d)
    return pre, post


def test_mcnemar_wikipedia_worked_example() -> None:
    # Wikipedia, "McNemar's test", Examples: a=101, b=121, c=59, d=33 gives chi-square = (121-59)^2/(121+59)
    # = 21.35 without continuity correction, p < 0.001 (https://en.wikipedia.org/wiki/McNemar%27s_test).
    table = np.array([[101, 121], [59, 33]])
    plain = mcnemar(table, exact=False, correction=False)
    assert plain.statistic == pytest.approx(21.35, abs=0.01) and plain.pvalue < 0.001
    # 180 discordant pairs (>= 25): chi-square with continuity correction, (|121-59|-1)^2/180 = 20.67.
    result = paired_binary(*arrays(101, 59, 121, 33))
    assert result.test == "McNemar chi-square" and "continuity correction" in result.reason
    assert result.statistic == pytest.approx(61**2 / 180)
    assert result.p_value == pytest.approx(mcnemar(table, exact=False, correction=True).pvalue)
    assert result.p_value < 0.001


def test_mcnemar_agresti_presidential_approval() -> None:
    # Agresti, An Introduction to Categorical Data Analysis (2nd ed.), Table 10.1: approval of the President's
    # performance in two surveys a month apart, 794 / 150 / 86 / 570; McNemar z^2 = (86-150)^2/236 = 17.36.
    table = np.array([[794, 150], [86, 570]])
    assert mcnemar(table, exact=False, correction=False).statistic == pytest.approx(17.36, abs=0.01)
    result = paired_binary(*arrays(794, 86, 150, 570))
    assert result.p_value == pytest.approx(mcnemar(table, exact=False, correction=True).pvalue)
    assert result.discordant == (86, 150) and result.odds_ratio == pytest.approx(86 / 150)


def test_mcnemar_exact_below_25_discordant_pairs() -> None:
    # b=8 improved, c=2 worsened: exact two-sided binomial p = 2 * P(X <= 2 | n=10, 1/2) = 2 * 56/1024.
    result = paired_binary(*arrays(20, 8, 2, 10))
    assert result.test == "McNemar exact" and "10 discordant pairs" in result.reason
    assert result.p_value == pytest.approx(2 * 56 / 1024)
    assert result.effect_size == pytest.approx(2 * math.asin(math.sqrt(28 / 40)) - 2 * math.asin(math.sqrt(22 / 40)))
    # The conditional odds ratio b/c with the exact (Clopper-Pearson) interval of b/(b+c), as odds.
    low, high = stats.binomtest(8, 10).proportion_ci(method="exact")
    assert result.odds_ratio == 4.0
    assert result.odds_ratio_ci == pytest.approx((low / (1 - low), high / (1 - high)))


def test_mcnemar_without_change_in_one_direction_has_no_odds_ratio() -> None:
    result = paired_binary(*arrays(5, 6, 0, 5))
    assert result.odds_ratio is None and result.odds_ratio_ci is None and "not defined" in result.reason
    assert result.p_value == pytest.approx(2 * 0.5**6)


def test_paired_scores_t_test_and_cohens_d() -> None:
    pre = np.array([52.0, 60, 48, 71, 65, 58, 62, 55, 49, 67, 59, 63])
    post = pre + np.array([6.0, 8, 3, 9, 5, 7, 4, 10, 6, 5, 8, 7])
    result = paired_scores(pre, post)
    expected = stats.ttest_rel(post, pre)
    assert result.test == "paired t-test" and result.p_value == pytest.approx(expected.pvalue)
    diff = post - pre
    assert result.effect_size == pytest.approx(diff.mean() / diff.std(ddof=1))
    assert "SD of the differences" in result.effect_measure
    assert result.ci == pytest.approx(tuple(expected.confidence_interval()))


def test_paired_scores_clearly_non_normal_use_wilcoxon() -> None:
    pre = np.arange(10.0)
    post = pre + np.array([1.0, 1, 1, 2, 1, 1, 2, 1, 1, 40])
    assert stats.shapiro(post - pre).pvalue < 0.05
    result = paired_scores(pre, post)
    assert result.test == "Wilcoxon signed-rank" and "Shapiro" in result.reason
    assert result.p_value == pytest.approx(stats.wilcoxon(post, pre).pvalue)


def test_paired_scores_under_eight_learners_use_the_t_test() -> None:
    pre = np.array([1.0, 2, 3, 4, 5])
    result = paired_scores(pre, pre + np.array([1.0, 1, 1, 1, 30]))
    assert result.test == "paired t-test" and "too few to judge normality" in result.reason


def test_paired_scores_with_no_variation_are_not_tested() -> None:
    result = paired_scores(np.arange(12.0), np.arange(12.0) + 2)
    assert result.test is None and result.p_value is None and "exactly 2" in result.reason


def test_unpaired_binary_fisher_for_small_counts_chi_square_for_large() -> None:
    small = unpaired_binary(np.array([1] * 1 + [0] * 9), np.array([1] * 7 + [0] * 3))  # expected counts 4 and 6
    assert small.test == "Fisher exact"
    assert small.p_value == pytest.approx(stats.fisher_exact([[7, 3], [1, 9]]).pvalue)
    large = unpaired_binary(np.array([1] * 40 + [0] * 60), np.array([1] * 70 + [0] * 30))
    assert large.test == "chi-square"
    assert large.p_value == pytest.approx(stats.chi2_contingency([[70, 30], [40, 60]], correction=True).pvalue)
    assert large.ci[0] < 0.3 < large.ci[1]


def test_unpaired_scores_welch_and_mann_whitney() -> None:
    # Normal quantiles: as normal as 30 and 25 values can be, so the rule must pick Welch.
    pre = 60 + 10 * stats.norm.ppf((np.arange(30) + 0.5) / 30)
    post = 68 + 14 * stats.norm.ppf((np.arange(25) + 0.5) / 25)
    welch = unpaired_scores(pre, post)
    assert welch.test == "Welch t-test"
    assert welch.p_value == pytest.approx(stats.ttest_ind(post, pre, equal_var=False).pvalue)
    skewed_pre = stats.expon.ppf((np.arange(30) + 0.5) / 30, scale=5)
    skewed_post = stats.expon.ppf((np.arange(30) + 0.5) / 30, scale=9)
    mann = unpaired_scores(skewed_pre, skewed_post)
    assert mann.test == "Mann-Whitney U"
    assert mann.p_value == pytest.approx(stats.mannwhitneyu(skewed_post, skewed_pre).pvalue)


def test_holm_adjusts_across_items(table_csv) -> None:  # type: ignore[no-untyped-def]
    result = analyse_csv(table_csv(Q1=(10, 12, 1, 7), Q2=(10, 7, 2, 11), Q3=(10, 5, 4, 11)))
    raw = [row["p_value"] for row in result.items]
    assert [row["p_holm"] for row in result.items] == pytest.approx(list(multipletests(raw, method="holm")[1]))
    assert result.summary["tests"] == 3


@pytest.mark.parametrize(
    ("p", "text"),
    [(0.0004, "p<0.001"), (0.004, "p=0.004"), (0.0312, "p=0.03"), (0.049, "p=0.049"), (0.41, "p=0.41")],
)
def test_p_values_are_written_for_people(p: float, text: str) -> None:
    assert format_p(p) == text
