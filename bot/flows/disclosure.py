"""The disclosure learners see before an activity starts (ACCME Standard 3), written from a plan's people.

Standard 3 asks the provider to tell learners, before they engage, the names of the people in control of content
who have relevant financial relationships, the ineligible companies, the nature of each relationship, and that all
relevant relationships were mitigated; or that no one in control of content has one
(knowledge/accme/standard-3-financial-relationships.md). Deciding relevance is the provider's job, so every
relationship listed in the plan is treated as relevant here, and the document says so."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.flows.answers import MockActivity, Person


@dataclass(frozen=True)
class LearnerDisclosure:
    text: list[str]  # the paragraphs to print for learners
    ready: bool  # False while something must be done before the text can be shown
    open_issues: list[str] = field(default_factory=list)


def _who(person: Person) -> str:
    return f"{person.name} ({person.role})" if person.role else person.name


def learner_disclosure(plan: MockActivity, exception_label: str = "") -> LearnerDisclosure:
    if plan.standard3_exception not in ("", "none"):
        reason = exception_label or plan.standard3_exception.replace("_", " ")
        return LearnerDisclosure(
            [
                f"Standard 3 does not apply to this activity ({reason}), so no disclosure of financial "
                "relationships to learners is required. Keep a note in the activity file of why the exception "
                "applies; Standards 1 and 2 still apply."
            ],
            ready=True,
        )
    if not plan.people:
        return LearnerDisclosure(
            ["[Disclosure to learners: no planners or faculty are listed yet.]"],
            ready=False,
            open_issues=["List everyone in control of content and collect their financial relationships."],
        )
    with_relationships = [p for p in plan.people if p.has_relationship]
    without = [p for p in plan.people if not p.has_relationship]
    if not with_relationships:
        return LearnerDisclosure(
            [
                "None of the planners, faculty or others in control of content for this activity has relevant "
                "financial relationships with ineligible companies to disclose."
            ],
            ready=True,
        )
    text = [
        "The following people in control of the content of this activity have relevant financial relationships "
        "with ineligible companies:"
    ]
    text += [f"• {_who(person)}: {person.relationships}" for person in with_relationships]
    unmitigated = [person.name for person in with_relationships if not person.mitigation.strip()]
    if unmitigated:
        text.append("[Not ready: mitigate every relevant relationship before the person takes on the role.]")
    else:
        text.append("All of the relevant financial relationships listed for these individuals have been mitigated.")
    if without:
        names = ", ".join(_who(person) for person in without)
        text.append(f"{names}: no relevant financial relationships with ineligible companies.")
    issues = [f"Mitigate before they take their role: {', '.join(unmitigated)}."] if unmitigated else []
    return LearnerDisclosure(text, ready=not unmitigated, open_issues=issues)
