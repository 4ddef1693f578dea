"""Template CSVs a planner can fill in: learner responses (right/wrong or scores) and item metadata."""

from __future__ import annotations

from typing import Literal

Kind = Literal["binary", "score"]

_BINARY = """learner_id,item,phase,correct
L001,Q1,pre,0
L001,Q1,post,1
L001,Q2,pre,1
L001,Q2,post,1
L002,Q1,pre,0
L002,Q1,post,0
L002,Q2,pre,0
L002,Q2,post,1
L002,Q2,followup,1
"""

_SCORE = """learner_id,item,phase,score
L001,confidence,pre,2
L001,confidence,post,4
L001,case_score,pre,55
L001,case_score,post,80
L002,confidence,pre,3
L002,confidence,post,4
L002,case_score,pre,60
L002,case_score,post,75
L002,case_score,followup,70
"""

_ITEMS = """item,objective,level
Q1,Recognise the early signs of sepsis,3a
Q2,Choose first-line antibiotics for a case of sepsis,4
case_score,Manage a patient with sepsis (case vignettes),4
confidence,Self-reported use of the sepsis bundle in practice,5-self
"""


def template_csv(kind: Kind = "binary", *, with_metadata: bool = False) -> str:
    """The responses template: `binary` (correct 0/1) or `score` (a number). Phases are pre, post and the
    optional followup. with_metadata adds the optional objective and level columns to every row."""
    if kind not in ("binary", "score"):
        raise ValueError(f"kind must be 'binary' or 'score', not {kind!r}")
    text = _BINARY if kind == "binary" else _SCORE
    if not with_metadata:
        return text
    meta = {row.split(",")[0]: row.split(",", 1)[1] for row in _ITEMS.splitlines()[1:]}
    header, *rows = text.splitlines()
    lines = [f"{header},objective,level"] + [f"{row},{meta[row.split(',')[1]]}" for row in rows]
    return "\n".join(lines) + "\n"


def items_template_csv() -> str:
    """The optional item metadata template: item, objective, Moore level (3a, 3b, 4, 5, 5-self, 6, 7)."""
    return _ITEMS
