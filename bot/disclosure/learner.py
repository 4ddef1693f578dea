"""The disclosure learners see before they engage: who has relevant financial relationships, with which ineligible
companies (names only), of what nature, and that all were mitigated; and who in control of content has none.

Only decided, mitigated relationships are named. Until the result is ready the text is marked DRAFT and the people
still being reviewed are listed as pending, so nobody is shown as having, or not having, relationships early."""

from __future__ import annotations

from collections.abc import Collection

from bot.disclosure.models import DisclosureResult, PersonStatus, name_key

MITIGATED = "All relevant financial relationships have been mitigated."
NONE_RELEVANT = "No one in control of content has relevant financial relationships with ineligible companies."
_RELEVANT = "relevant financial relationships with ineligible companies"


def _who(person: PersonStatus) -> str:
    return f"{person.name} ({', '.join(person.roles)})"


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def disclosure_text(result: DisclosureResult, only: Collection[str] | None = None, heading: str = "") -> str:
    """The learner disclosure, limited to the people named in `only` (an RSS session) when given."""
    activity = result.activity
    title = heading or f"{activity.title}: disclosure of relevant financial relationships"
    if not result.standard3_applies:
        reason = next(d.reason for d in result.decisions if d.kind == "standard3" and d.outcome == "does not apply")
        return f"{title}\n{reason} No disclosure of financial relationships to learners is required."
    keys = {name_key(n) for n in only} if only is not None else None
    people = [p for p in result.people if keys is None or name_key(p.name) in keys]
    relevant = [p for p in people if p.status == "relevant"]
    without = [p for p in people if p.status == "none"]
    pending = [p for p in people if p.status == "pending"]
    lines: list[str] = []
    if not result.ready or pending:
        lines.append(
            f"DRAFT, not for learners yet: {len(result.questions)} open question(s) and "
            f"{sum(p.blocking for p in result.problems)} input problem(s) to resolve."
        )
    lines.append(title)
    if relevant:
        lines.append(f"The following people in control of content have {_RELEVANT}:")
        for person in relevant:
            by_company: dict[str, list[str]] = {}
            for item in result.disclosed:
                if name_key(item.person) == name_key(person.name):
                    natures = by_company.setdefault(item.company, [])
                    if item.nature not in natures:
                        natures.append(item.nature)
            listed = "; ".join(f"{company} ({', '.join(natures)})" for company, natures in by_company.items())
            lines.append(f"- {_who(person)}: {listed}")
        lines.append(MITIGATED)
    if without and not relevant and not pending:
        lines.append(NONE_RELEVANT)
        lines.append(f"In control of content: {_join([_who(p) for p in without])}.")
    elif without:
        verb = "has" if len(without) == 1 else "have"
        lines.append(f"{_join([_who(p) for p in without])} {verb} no {_RELEVANT}.")
    if pending:
        lines.append(f"[Pending review: {_join([_who(p) for p in pending])}.]")
    if not people:
        lines.append("[No one in control of content is listed yet.]")
    return "\n".join(lines)


def learner_disclosure(result: DisclosureResult) -> str:
    return disclosure_text(result)
