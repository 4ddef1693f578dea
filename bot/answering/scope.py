"""Questions the bot declines before retrieval: clinical advice and plainly unrelated tasks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.texts import load_yaml

Verdict = Literal["in_scope", "clinical", "off_topic"]


@dataclass(frozen=True)
class ScopeRules:
    clinical: re.Pattern[str]
    off_topic: re.Pattern[str]
    always_off_topic: re.Pattern[str]
    cme: re.Pattern[str]
    rule_words: re.Pattern[str]
    # Words of patient care too common in CME talk to decline on alone ("our chemo update course"): a follow-up whose
    # own words hold one, and that the decision model reads as clinical, is declined as clinical.
    clinical_hints: re.Pattern[str]
    # Clinical terms that name what physicians do (prescribing, diagnosis) and that an outcomes question measures:
    # with an outcome_frame word they are not clinical ("statin prescribing after our course: which Moore level?").
    clinical_not_practice: re.Pattern[str]
    outcome_frame: re.Pattern[str]

    @classmethod
    def load(cls) -> ScopeRules:
        data = load_yaml("scope.yml")
        practice = {str(term).lower() for term in data["practice_terms"]}
        return cls(
            clinical=_pattern(data["clinical_terms"]),
            off_topic=_pattern(data["off_topic_terms"]),
            always_off_topic=_pattern(data["always_off_topic"]),
            cme=_pattern(data["cme_terms"]),
            rule_words=_pattern(data["rule_terms"]),
            clinical_hints=_pattern(data["clinical_hints"]),
            clinical_not_practice=_pattern([t for t in data["clinical_terms"] if str(t).lower() not in practice]),
            outcome_frame=_pattern(data["outcome_frame"]),
        )

    def classify(self, question: str) -> Verdict:
        text = question.lower()
        if self.always_off_topic.search(text):
            return "off_topic"
        if self.cme.search(text):
            return "in_scope"
        if self._clinical_term(text):
            return "clinical"
        if self.off_topic.search(text):
            return "off_topic"
        return "in_scope"

    def plainly_cme(self, question: str, rules_only: bool = False) -> bool:
        """Whether the question is put in CME words (`rules_only`: words of credit and accreditation rules) and has
        no clinical term: what the decision model's clinical or off-topic reading of its embedding must not
        override."""
        text = question.lower()
        words = self.rule_words if rules_only else self.cme
        return bool(words.search(text)) and not self._clinical_term(text)

    def _clinical_term(self, text: str) -> bool:
        if self.outcome_frame.search(text):
            return bool(self.clinical_not_practice.search(text))
        return bool(self.clinical.search(text))


def _pattern(terms: list[str]) -> re.Pattern[str]:
    # Whole words only: "ce" must not match "office", "mg" must not match "mgmt".
    alternatives = sorted({re.escape(str(term).lower()) for term in terms}, key=len, reverse=True)
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(alternatives) + r")(?![a-z0-9])")
