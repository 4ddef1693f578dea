"""Moore's outcome levels (Moore, Green and Gallis 2009) and what an item tagged with one can honestly show.

1 participation, 2 satisfaction, 3a declarative knowledge, 3b procedural knowledge, 4 competence, 5 performance,
6 patient health, 7 community health. Test questions measure knowledge (3a/3b); case vignettes can show
competence (4); performance (5) needs data from practice, and performance that learners report themselves is
tagged "5-self" and always labelled self-reported; patient (6) and community (7) health need patient data.
An item given no level is taken as knowledge (3), the honest reading of a pre/post test question."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MooreLevel:
    code: str  # "3a", "5-self", ...
    rank: float  # for ordering: self-reported performance sorts below measured performance
    name: str  # "declarative knowledge"
    subject: str  # opens a summary sentence: "Knowledge of ..."
    assumed: bool = False  # True when the item had no level and knowledge was assumed

    @property
    def label(self) -> str:
        note = "; assumed, no level given" if self.assumed else ""
        return f"Moore level {self.code.removesuffix('-self')} ({self.name}{note})"

    @property
    def is_knowledge(self) -> bool:
        return self.rank < 4

    @property
    def self_reported(self) -> bool:
        return self.code == "5-self"


_LEVELS = {
    level.code: level
    for level in (
        MooreLevel("1", 1, "participation", "Participation in"),
        MooreLevel("2", 2, "satisfaction", "Satisfaction with"),
        MooreLevel("3", 3, "knowledge", "Knowledge of"),
        MooreLevel("3a", 3.1, "declarative knowledge", "Knowledge of"),
        MooreLevel("3b", 3.2, "procedural knowledge", "Knowledge of"),
        MooreLevel("4", 4, "competence", "Competence in"),
        MooreLevel("5-self", 5, "performance, self-reported by learners", "Self-reported performance on"),
        MooreLevel("5", 5.1, "performance", "Performance on"),
        MooreLevel("6", 6, "patient health", "Patient health outcomes for"),
        MooreLevel("7", 7, "community health", "Community health outcomes for"),
    )
}
ASSUMED_KNOWLEDGE = MooreLevel("3", 3, "knowledge", "Knowledge of", assumed=True)
LEVEL_CODES = tuple(_LEVELS)
# "5 (self-reported)", "5-self", "5 self", "5sr", "5s", "self-reported 5" all mean self-reported performance.
_SELF = re.compile(r"^(?:self[- ]?reported\s*)?5\s*[-(]?\s*(?:self(?:[- ]?reported)?|sr|s)\)?$|^self[- ]?reported\s*5$")
_PLAIN = re.compile(r"^(?:moore\s*)?(?:level\s*)?([1-7](?:[ab])?)$")


def parse_level(text: str | None) -> MooreLevel | None:
    """The level a user wrote ("3a", "Level 4", "5 (self-reported)"), or None when it is not one (or empty)."""
    value = (text or "").strip().lower()
    if not value:
        return None
    if _SELF.match(value):
        return _LEVELS["5-self"]
    match = _PLAIN.match(value)
    if match and match.group(1) in _LEVELS:
        return _LEVELS[match.group(1)]
    return None


def highest(levels: list[MooreLevel]) -> MooreLevel | None:
    return max(levels, key=lambda level: level.rank, default=None)


def limits_sentence(improved: MooreLevel | None) -> str:
    """What the data does and does not support, given the highest level with a significant improvement, set
    against ACCME's Analyzes Change criterion (changes in competence, performance or patient outcomes) and the
    Achieves Outcomes commendation criteria (Improves Performance, Improves Healthcare Quality, Improves
    Patient/Community Health). Knowledge gains never meet either."""
    if improved is None:
        shown = (
            "These data show no statistically significant improvement at any Moore level, so they do not show "
            "change in knowledge, competence, performance or patient health"
        )
        return (
            f"{shown}; they cannot be used as evidence of change for ACCME's Analyzes Change criterion or the "
            "Achieves Outcomes commendation criteria."
        )
    if improved.is_knowledge:
        return (
            "These data show a change in knowledge (Moore level 3) measured by test questions; they do not show "
            "a change in competence, in what learners do in practice (performance) or in patient health, so on "
            "their own they do not meet the competence, performance or patient-outcome language of ACCME's "
            "Analyzes Change criterion, nor the Achieves Outcomes commendation criteria (Improves Performance, "
            "Improves Healthcare Quality, Improves Patient/Community Health)."
        )
    if improved.code == "4":
        return (
            "These data show a change in competence (Moore level 4: applying knowledge, for example to case "
            "vignettes), which is the kind of change ACCME's Analyzes Change criterion asks about; they do not show "
            "a change in what learners do in practice or in patient health, so they do not meet the Achieves "
            "Outcomes commendation criteria (Improves Performance, Improves Healthcare Quality, Improves "
            "Patient/Community Health)."
        )
    if improved.self_reported:
        return (
            "The performance change shown is self-reported by learners, not measured from practice records; "
            "self-reported change is weaker evidence than measured performance, so check ACCME's critical elements "
            "before citing it for Improves Performance. No patient health data were analysed, so these data do not "
            "show a change in patient health."
        )
    verify = (
        "The level rests on the item metadata saying these items measure practice or patient data rather than "
        "test answers; this analysis cannot check that."
    )
    if improved.rank < 6:
        return (
            "These data show a change in performance (Moore level 5) for the items tagged as practice data. "
            f"{verify} No patient health data were analysed, so they do not show a change in patient health."
        )
    return f"These data show a change at Moore level {improved.code} ({improved.name}). {verify}"
