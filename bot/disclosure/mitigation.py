"""Mitigation steps offered by role, as our knowledge file lists them (it restates providers' versions of ACCME's
toolkit checklist, which it notes was not confirmed on ACCME's own page). Planners' steps differ from faculty's;
reviewers and others get both lists, since the file names none for them. The planner picks what was done."""

from __future__ import annotations

from collections.abc import Sequence

from bot.disclosure.models import Option, Question, Role, slug
from bot.disclosure.rules import MITIGATION

DIVEST = Option("divest", "Divest the relationship")
OTHER = Option("other", "Other method, described and justified in the note")
CANNOT = Option("cannot_mitigate", "It cannot be mitigated: they will not control this content")

PLANNER_STEPS = (
    DIVEST,
    Option("recuse", "Recusal from decisions about the topics where the relationship exists"),
    Option("peer_review_planning", "Peer review of planning decisions by people without relevant relationships"),
)
FACULTY_STEPS = (
    DIVEST,
    Option("peer_review_content", "Peer review of content by someone without relevant relationships"),
    Option(
        "attest_evidence",
        "Attestation that clinical recommendations are evidence-based and free of commercial bias, backed by review",
    ),
)


def steps_for(role: Role) -> tuple[Option, ...]:
    steps: tuple[Option, ...]
    if role == "planner":
        steps = PLANNER_STEPS
    elif role == "faculty":
        steps = FACULTY_STEPS
    else:
        steps = tuple({o.id: o for o in (*PLANNER_STEPS, *FACULTY_STEPS)}.values())
    return (*steps, OTHER, CANNOT)


def mitigation_question_id(person: str, role: Role) -> str:
    return f"mitigation:{slug(person)}:{role}"


def mitigation_question(person: str, role: Role, companies: Sequence[str]) -> Question:
    return Question(
        mitigation_question_id(person, role),
        "mitigation",
        f"Which steps mitigate {person}'s relevant financial relationships ({', '.join(companies)}) in the {role} "
        "role? They must be taken before the person assumes the role. Choose all that apply.",
        steps_for(role),
        MITIGATION,
        person=person,
        multiple=True,
    )
