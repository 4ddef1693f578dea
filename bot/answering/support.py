"""Whether the retrieved passages support an answer at all. A wrong answer about accreditation is worse than
none, so the checks lean towards declining when the question is about something the sources do not cover."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.retrieval.hybrid import Retrieval
from bot.texts import load_yaml

_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})*)")


@dataclass(frozen=True)
class ValueRequest:
    name: str
    question: re.Pattern[str]
    evidence: re.Pattern[str]


@dataclass(frozen=True)
class SupportVerdict:
    supported: bool
    reason: str = ""


@dataclass
class SupportPolicy:
    """Thresholds tuned on bench/eval (README, "Evaluation")."""

    min_dense: float = 0.30
    confident_dense: float = 0.55
    max_unknown_share: float = 0.34
    value_requests: list[ValueRequest] = field(default_factory=list)
    proper_noun_ignore: frozenset[str] = frozenset()

    @classmethod
    def load(cls) -> SupportPolicy:
        data = load_yaml("scope.yml")
        requests = [
            ValueRequest(item["name"], re.compile(item["question"], re.I), re.compile(item["evidence"], re.I))
            for item in data.get("value_requests", [])
        ]
        return cls(value_requests=requests, proper_noun_ignore=frozenset(data.get("proper_noun_ignore", [])))

    def proper_nouns(self, question: str) -> list[str]:
        """Capitalised names inside the question (not its first word): places, institutions, events."""
        names = []
        for match in _CAPITALISED.finditer(question.strip()):
            words = [w for w in match.group(1).split() if w not in self.proper_noun_ignore]
            if words:
                names.append(" ".join(words))
        return names

    def check(self, question: str, retrieval: Retrieval) -> SupportVerdict:
        if not retrieval.passages or not (retrieval.known_terms or retrieval.unknown_terms):
            return SupportVerdict(False, "nothing in the knowledge base matches")
        top = retrieval.top_dense
        if top < self.min_dense:
            return SupportVerdict(False, "the closest sources are about something else")
        terms = len(retrieval.known_terms) + len(retrieval.unknown_terms)
        # Words the corpus never uses mean the sources are about something nearby, not this.
        if len(retrieval.unknown_terms) / terms > self.max_unknown_share and top < self.confident_dense:
            return SupportVerdict(False, "the question uses terms the sources never mention")
        evidence = "\n".join(f"{p.title} {p.heading} {p.text}" for p in retrieval.passages)
        for request in self.value_requests:
            if request.question.search(question) and not request.evidence.search(evidence):
                return SupportVerdict(False, f"the sources give no {request.name}")
        lowered = evidence.lower()
        for name in self.proper_nouns(question):
            if name.lower() not in lowered:
                return SupportVerdict(False, f"the sources say nothing specific to {name}")
        return SupportVerdict(True)
