"""A whole activity's disclosures from one CSV: one row per relationship, columns
name,role,company,nature,start,end,ownership. A person with no relationships gets a row with the company empty.

Rows with a problem that leaves them unusable are reported by line and left out (blocking, so the result is not
ready until the file is fixed); the rest are kept. Dates: YYYY-MM-DD, YYYY-MM or MM/DD/YYYY; the end may be empty
or "ongoing"."""

from __future__ import annotations

import calendar
import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date

from bot.disclosure.models import OWNERSHIPS, ROLES, Person, Problem, Relationship, name_key
from bot.disclosure.window import check_dates

COLUMNS = ("name", "role", "company", "nature", "start", "end", "ownership")
_ONGOING = {"", "ongoing", "current", "present", "none"}


@dataclass
class CsvUpload:
    people: list[Person] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def csv_template() -> str:
    return (
        ",".join(COLUMNS)
        + "\n"
        + "Dr. Ana Ruiz,faculty,Acme Pharma,consultant,2023-06-01,ongoing,\n"
        + "Dr. Ana Ruiz,faculty,Beta Devices,stock,2022-01,2024-05,public_stock\n"
        + "Dr. Ben Cole,planner,,,,,\n"
    )


def parse_date(text: str, *, end: bool = False) -> date:
    """YYYY-MM-DD, YYYY-MM or MM/DD/YYYY. A month alone means its first day as a start and its last day as an end,
    so a relationship "ended 2023-03" is kept inside a window that opens mid-March (the cautious reading)."""
    value = text.strip()
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})", value):
        year, month = int(m[1]), int(m[2])
        return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value):
        return date(int(m[3]), int(m[1]), int(m[2]))
    raise ValueError(f"'{text}' is not a date (use YYYY-MM-DD, YYYY-MM or MM/DD/YYYY)")


def parse_csv(source: str | bytes, *, as_of: date | None = None) -> CsvUpload:
    """as_of: dates after it are future dates (default today; pass the collection date when known)."""
    reference = as_of or date.today()
    text = source.decode("utf-8-sig", errors="replace") if isinstance(source, bytes) else source.lstrip("\ufeff")
    upload = CsvUpload()
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    columns = [c.strip().casefold() for c in header or []]
    missing = [c for c in COLUMNS if c not in columns]
    if missing:
        upload.problems.append(
            Problem(
                "columns", f"missing column(s) {', '.join(missing)}; expected {','.join(COLUMNS)}", 1, blocking=True
            )
        )
        return upload
    seen: set[tuple[str, str]] = set()
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        cells = {c: (row[i].strip() if i < len(row) else "") for i, c in enumerate(columns)}
        parsed = _row(cells, line, reference, upload.problems)
        if parsed is None:
            continue
        person, relationship = parsed
        if (name_key(person.name), person.role) not in seen:
            seen.add((name_key(person.name), person.role))
            upload.people.append(person)
        if relationship:
            upload.relationships.append(relationship)
    return upload


def _row(
    cells: dict[str, str], line: int, reference: date, problems: list[Problem]
) -> tuple[Person, Relationship | None] | None:
    name, company = cells["name"], cells["company"]
    found: list[Problem] = []

    def bad(kind: str, message: str) -> None:
        found.append(Problem(kind, message, line, name or None, company or None, blocking=True))

    if not name:
        bad("missing_name", "name is empty")
    role = cells["role"].casefold()
    if role not in ROLES:
        bad("unknown_role", f"unknown role '{cells['role']}'; use one of {', '.join(ROLES)}")
    ownership = cells["ownership"].casefold().replace(" ", "_").replace("-", "_") or None
    if ownership and ownership not in OWNERSHIPS:
        bad(
            "unknown_ownership",
            f"unknown ownership '{cells['ownership']}'; use one of {', '.join(OWNERSHIPS)} or leave empty",
        )
    start = end = None
    try:
        start = parse_date(cells["start"]) if cells["start"] else None
    except ValueError as error:
        bad("bad_date", f"start: {error}")
    if cells["end"].casefold() not in _ONGOING:
        try:
            end = parse_date(cells["end"], end=True)
        except ValueError as error:
            bad("bad_date", f"end: {error}")
    has_relationship = bool(company or cells["nature"] or start or end or ownership)
    if has_relationship and not company:
        bad("missing_company", "a relationship without a company")
    if has_relationship and company and not cells["nature"]:
        bad("missing_nature", "nature of the relationship is empty")
    if has_relationship:
        # Only the date problems that make a row unusable; warnings (no start, an end still to come) are reported by
        # evaluate() against the collection date, which is the date that matters.
        for problem in check_dates(start, end, reference, what="upload date", line=line):
            if problem.blocking:
                bad(problem.kind, problem.message)
    problems.extend(found)
    if any(p.blocking for p in found):
        return None
    person = Person(name, role)  # type: ignore[arg-type]  # checked against ROLES above
    if not has_relationship:
        return person, None
    return person, Relationship(name, company, cells["nature"], start, end, ownership, line)  # type: ignore[arg-type]
