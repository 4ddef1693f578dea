"""What a tool hands the answer engine."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Citation:
    doc: str  # path under knowledge/, e.g. "ama/credit-calculation-by-format.md"
    heading: str  # the exact "## ..." heading text of the section that states the rule (without "## ")


@dataclass(frozen=True)
class ToolAnswer:
    tool: str  # "credit", "statement", "lookback"
    text: str  # leads with the result, then the arithmetic or the filled statement, then the conditions
    citations: list[Citation]
    assumptions: list[str] = field(default_factory=list)  # the engine lists these under the text
