"""Does a relationship make the person an owner or employee (excluded unless an exception applies), a
disclosable relationship, or nothing to disclose (a diversified mutual fund)?

Per ACCME's stock FAQs as our knowledge file restates them: stock in a privately held ineligible company makes an
owner; publicly traded stock and stock options do not, but are disclosed. "Stock" without saying which is asked,
because the two answers lead to opposite outcomes (exclusion versus disclosure)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bot.disclosure.models import Option, Question, Relationship, Rule
from bot.disclosure.rules import LOOKBACK, MUTUAL_FUNDS, OPTIONS, OWNER_EMPLOYEE, PRIVATE_STOCK, PUBLIC_STOCK, ROYALTIES

HOLDING_OPTIONS = (
    Option("private_stock", "Stock in a privately held company, held directly"),
    Option("public_stock", "Stock in a publicly traded company"),
    Option("options", "Stock options"),
    Option("mutual_fund", "Only through a diversified mutual fund"),
)

_EMPLOYEE = re.compile(r"employ")
_OWNER = re.compile(r"\bowner\b|\bowns\b|founder")
_OPTIONS = re.compile(r"\boptions?\b")
_FUND = re.compile(r"mutual fund|index fund")
_STOCK = re.compile(r"stock|shares?\b|equity|ownership")
_ROYALTY = re.compile(r"royalt|patent")


@dataclass(frozen=True)
class Holding:
    kind: str  # owner, employee, public_stock, options, royalties, mutual_fund, relationship, unknown_stock
    owner_or_employee: bool  # at collection: excluded unless an exception applies
    disclosable: bool
    reason: str
    rule: Rule


def holding_question_id(relationship: Relationship) -> str:
    return f"holding:{relationship.key}"


def holding_question(relationship: Relationship) -> Question:
    return Question(
        holding_question_id(relationship),
        "holding",
        f"{relationship.person} reported '{relationship.nature}' with {relationship.company}. What kind of holding is "
        "it? Stock in a privately held company makes them an owner (excluded unless an exception applies); publicly "
        "traded stock and stock options are disclosed but do not.",
        HOLDING_OPTIONS,
        PRIVATE_STOCK,
        person=relationship.person,
        company=relationship.company,
    )


def _kind(relationship: Relationship, answered: str | None) -> str:
    if answered:
        return "owner" if answered == "private_stock" else answered
    if relationship.ownership == "private_stock":
        return "owner"
    if relationship.ownership:
        return relationship.ownership
    nature = relationship.nature.casefold()
    for pattern, kind in (
        (_EMPLOYEE, "employee"),
        (_FUND, "mutual_fund"),
        (_OPTIONS, "options"),
        (_OWNER, "owner"),
        (_STOCK, "unknown_stock"),
        (_ROYALTY, "royalties"),
    ):
        if pattern.search(nature):
            return kind
    return "relationship"


def classify_holding(relationship: Relationship, collected: date, answered: str | None = None) -> Holding:
    """answered: the planner's answer to holding_question (an option id) when the nature left it open."""
    kind = _kind(relationship, answered)
    nature = relationship.nature
    # Owners and employees are excluded for what they are when they take on the role. A relationship that ended
    # before collection is a past one: disclosed inside the window, not a reason to exclude (see the report note).
    current = relationship.end is None or relationship.end >= collected
    if kind in ("owner", "employee") and current:
        what = "an owner (stock in a privately held company)" if kind == "owner" else "an employee"
        rule = PRIVATE_STOCK if kind == "owner" else OWNER_EMPLOYEE
        return Holding(kind, True, True, f"'{nature}' makes them {what} of {relationship.company}", rule)
    if kind in ("owner", "employee"):
        return Holding(
            kind,
            False,
            True,
            f"'{nature}' ended {relationship.end}, before collection: a past relationship inside the window, "
            "disclosed; not a current owner or employee",
            OWNER_EMPLOYEE,
        )
    if kind == "public_stock":
        return Holding(kind, False, True, "publicly traded stock: disclosable, does not make an owner", PUBLIC_STOCK)
    if kind == "options":
        return Holding(kind, False, True, "stock options: disclosable, do not make an owner", OPTIONS)
    if kind == "mutual_fund":
        return Holding(kind, False, False, "a diversified mutual fund need not be disclosed", MUTUAL_FUNDS)
    if kind == "royalties":
        return Holding(kind, False, True, "royalties: disclosable, not an owner or employee", ROYALTIES)
    if kind == "unknown_stock":
        return Holding(
            kind, False, True, "stock of an unstated kind: ask whether private, public or options", PRIVATE_STOCK
        )
    return Holding(kind, False, True, f"'{nature}': a financial relationship to disclose", LOOKBACK)
