"""Owners and employees of ineligible companies: excluded from controlling content unless one of Standard 3's
three exceptions applies. Whether one applies depends on the content and the person's part in it, which only the
planner knows, so it is always asked; the options are the exceptions in the knowledge file's words."""

from __future__ import annotations

from collections.abc import Sequence

from bot.disclosure.models import Option, Question, slug
from bot.disclosure.rules import OWNER_EMPLOYEE

UNRELATED = Option(
    "unrelated",
    "The content of the activity is not related to the business lines or products of their employer or company",
)
BASIC_SCIENCE = Option(
    "basic_science",
    "The content is limited to basic science research (such as pre-clinical research and drug discovery) or the "
    "methodologies of research, and they do not make care recommendations",
)
TECHNICIAN = Option(
    "technician",
    "They participate as technicians teaching the safe and proper use of medical devices, and do not recommend "
    "whether or when a device is used",
)
NONE = Option("none", "None of these: exclude them from controlling content")
EXCEPTION_OPTIONS = (UNRELATED, BASIC_SCIENCE, TECHNICIAN, NONE)


def exception_question_id(person: str, company: str) -> str:
    return f"exception:{slug(person)}:{slug(company)}"


def exception_question(person: str, roles: Sequence[str], company: str, what: str) -> Question:
    return Question(
        exception_question_id(person, company),
        "exception",
        f"{person} ({', '.join(roles)}) is {what} of {company}, an ineligible company, and must be excluded from "
        "controlling content unless one of these applies. Which describes their part in this activity? Many "
        "providers ask for a written justification and review the slides before approving an exception.",
        EXCEPTION_OPTIONS,
        OWNER_EMPLOYEE,
        person=person,
        company=company,
    )
