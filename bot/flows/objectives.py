"""Learning-objective checks: each objective should start with one observable, measurable verb
(knowledge/planning/learning-objectives.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Verbs (and phrases) that describe internal states nobody can observe.
UNMEASURABLE = (
    "understand",
    "know",
    "appreciate",
    "learn",
    "be aware of",
    "be familiar with",
    "be acquainted with",
    "comprehend",
    "grasp",
    "have knowledge of",
    "believe",
    "internalize",
    "perceive",
    "remember",
    "think",
    "enjoy",
    "study",
    "cover",
    "realize",
    "recognize the importance",
)

# Bloom levels of common measurable verbs; apply and above suit competence and performance aims.
RECALL = {
    "define",
    "list",
    "name",
    "recall",
    "state",
    "label",
    "identify",
    "describe",
    "explain",
    "classify",
    "summarize",
    "summarise",
    "discuss",
    "compare",
    "outline",
    "recognize",
    "recognise",
}
HIGHER = {
    "apply",
    "calculate",
    "choose",
    "demonstrate",
    "implement",
    "use",
    "perform",
    "analyze",
    "analyse",
    "differentiate",
    "distinguish",
    "categorize",
    "interpret",
    "appraise",
    "assess",
    "justify",
    "prioritize",
    "recommend",
    "select",
    "design",
    "develop",
    "formulate",
    "plan",
    "construct",
    "evaluate",
    "counsel",
    "manage",
    "prescribe",
    "document",
    "screen",
    "order",
    "diagnose",
    "integrate",
    "conduct",
    "refer",
    "initiate",
    "adjust",
    "communicate",
    "employ",
    "modify",
    "establish",
    "create",
    "treat",
}

# Lead-ins planners often write before the verb.
_LEAD_IN = re.compile(
    r"^(?:\d+[.)]\s*|[-*•]\s*)?(?:(?:at the end of|after|upon completion of|following) [^,]*,\s*)?"
    r"(?:(?:participants|learners|attendees|clinicians|physicians|they|you)\s+(?:will|should)\s+be\s+able\s+to\s+)?"
    r"(?:better\s+)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ObjectiveCheck:
    text: str
    verb: str
    measurable: bool
    higher_order: bool
    problem: str = ""


def check_objective(text: str) -> ObjectiveCheck:
    body = _LEAD_IN.sub("", text.strip(), count=1).strip()
    lowered = body.lower()
    words = re.findall(r"[^\W\d_]+", lowered)
    verb = words[0] if words else ""
    for phrase in UNMEASURABLE:
        if lowered.startswith(phrase) and (len(lowered) == len(phrase) or not lowered[len(phrase)].isalpha()):
            return ObjectiveCheck(
                text,
                phrase,
                False,
                False,
                f"“{phrase}” cannot be observed or measured; say what learners will do instead "
                "(e.g. identify, select, apply, demonstrate).",
            )
    if not verb:
        return ObjectiveCheck(text, "", False, False, "Start the objective with an action verb.")
    if re.search(rf"^{re.escape(verb)}\s+and\s+[a-z]+\b", lowered):
        return ObjectiveCheck(text, verb, True, verb in HIGHER, "Use one action verb per objective, not two.")
    return ObjectiveCheck(text, verb, True, verb in HIGHER)


def check_objectives(lines: list[str]) -> list[ObjectiveCheck]:
    return [check_objective(line) for line in lines if line.strip()]
