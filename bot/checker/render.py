"""The check result as plain lines, for the console and the command line (Slack renders Block Kit from the same
CheckResult in bot/slack/blocks/checker.py)."""

from __future__ import annotations

from bot.checker.check import CheckResult

VERDICT_TITLES = {
    "statements_complete": "Statements look complete",
    "statements_incomplete": "Statements incomplete",
    "no_accreditation_statement": "No accreditation statement",
}


def flag_label(flag: str) -> str:
    return {
        "no_accreditation_statement": "No accreditation statement",
        "credit_pending": "Credit 'pending' or 'applied for'",
        "category2_advertised": "Category 2 credit advertised as if awarded",
        "attendance_certificate_only": "Certificate of attendance only",
        "ineligible_company_provider": "An ineligible company as provider or organizer",
        "industry_logos": "Industry logos or branding",
        "no_joint_providership_statement": "Nonaccredited organizer without a joint providership statement",
        "missing_commensurate_clause": "Designation statement without the commensurate clause",
    }.get(flag, flag.replace("_", " "))


def as_lines(result: CheckResult, checked: str = "") -> list[str]:
    lines = [result.summary]
    if checked:
        lines.append(f"Checked: {checked} (confidence: {result.confidence}).")
    facts = [
        ("Accreditor", result.accreditor),
        ("Provider", result.provider),
        ("Joint provider", result.joint_provider),
        ("Credit", f"{result.credit['amount']:g} {result.credit['type']}" if result.credit else None),
    ]
    lines += [f"{label}: {value}" for label, value in facts if value]
    if result.red_flags:
        lines.append("Red flags:")
        lines += [f"• {flag_label(flag)}" for flag in result.red_flags]
    lines.append("Findings:")
    for number, finding in enumerate(result.findings, 1):
        lines.append(f"{number}. {finding.finding} Rule: {finding.rule} ({finding.source})")
    lines += [f"Note: {note}" for note in result.notes]
    return lines
