"""Outcomes analysis for CME activities: did learners improve between the pre-test and the post-test (and
follow-up), by how much, at which Moore level, and what that does and does not show. No Slack code here.

Input: a CSV of learner responses, `learner_id,item,phase,correct` (0/1) or `learner_id,item,phase,score` (a
number), phase pre, post or followup; optional item metadata (objective and Moore level) as extra columns
`objective,level`, a second CSV `item,objective,level`, or a mapping item -> {"objective", "level"}.
learner_id may be blank or absent (anonymous data, analysed unpaired).

Public API
----------
template_csv(kind="binary" | "score", *, with_metadata=False) -> str
items_template_csv() -> str
    Templates a planner can fill in.

load_responses(source, *, items=None, max_bytes=DEFAULT_MAX_BYTES, max_problems_per_kind=200) -> ResponseData
    source: a path (str / PathLike), the file's bytes, or a binary file object. Bad rows are reported in
    ResponseData.problems (Problem(line, kind, message); kinds in ProblemKind) and left out. Raises
    OutcomesInputError (a ValueError; str(error) is one line for the user, .problems the list) only when nothing
    can be analysed: empty, binary or not CSV, over max_bytes (default 50 MB), wrong columns, no valid rows.
    ResponseData.frame: columns line, learner_id ("" if anonymous), item, phase, value;
    ResponseData.pairs(phase="post") -> DataFrame of the matched learners (item, learner_id, pre, post).

analyse(data, *, activity=None, min_matched=10, alpha=0.05) -> OutcomesResult
analyse_csv(source, *, items=None, activity=None, max_bytes=..., min_matched=10, alpha=0.05) -> OutcomesResult
    OutcomesResult.items: one dict per item with item, objective, level, level_label, n_matched, pre, post
    (proportion correct or mean score), change, test, test_reason, p_value, p_holm, significant, effect_size,
    effect_measure, ci, odds_ratio, odds_ratio_ci, paired, n_pre, n_post, n_pre_only, n_post_only, too_few,
    sentence, and followup (the same for pre -> followup, or None).
    OutcomesResult.summary: sentences (plain words, paste-ready), n_learners, n_matched_learners, missing,
    design (paired / unpaired / mixed / none), items_improved, highest_level_measured, highest_level_improved,
    level_statement, limits, multiple_comparisons, problem_counts, ...
    OutcomesResult.as_dict() / .to_json(indent=None): {"items": [...], "summary": {...}, "problems": [...]}.
    OutcomesResult.text(): the plain summary, a sentence a line.

chart_png(result, path=None) -> bytes
    Grouped bars pre / post / follow-up per item with n; PNG of exactly 1200 x 700 px (100 dpi).
write_docx(result, path, *, chart=None) -> Path
    Word report: title, activity, summary, a table per item, Moore level reached and its evidence, the limits
    sentence, data problems, the chart.

format_p(p) -> str: "p<0.001", "p=0.004", "p=0.03".
iter_problem_lines(problems) -> Iterator[str]: "line 12: unknown_phase: unknown phase 'mid' ..." for display.

The tests and the rules that choose them are in comparisons.py; the Moore levels and the limits sentence
(never presenting knowledge gains as performance or patient outcomes) in moore.py."""

from bot.outcomes.analysis import OutcomesResult, analyse, analyse_csv
from bot.outcomes.chart import chart_png
from bot.outcomes.loading import (
    DEFAULT_MAX_BYTES,
    ItemMeta,
    ResponseData,
    iter_problem_lines,
    load_item_metadata,
    load_responses,
)
from bot.outcomes.moore import MooreLevel, parse_level
from bot.outcomes.problems import OutcomesInputError, Problem, ProblemKind
from bot.outcomes.report import write_docx
from bot.outcomes.template import items_template_csv, template_csv
from bot.outcomes.wording import format_p

__all__ = [
    "DEFAULT_MAX_BYTES",
    "ItemMeta",
    "MooreLevel",
    "OutcomesInputError",
    "OutcomesResult",
    "Problem",
    "ProblemKind",
    "ResponseData",
    "analyse",
    "analyse_csv",
    "chart_png",
    "format_p",
    "items_template_csv",
    "iter_problem_lines",
    "load_item_metadata",
    "load_responses",
    "parse_level",
    "template_csv",
    "write_docx",
]
