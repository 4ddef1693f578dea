"""Problems found in the input: each has the line it was found on, a kind a program can act on, and a message a
planner can read. Bad rows are reported and left out; only a file nothing can be read from raises."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum


class ProblemKind(StrEnum):
    # File-level: nothing (or not everything) could be read.
    EMPTY = "empty"
    TOO_LARGE = "too_large"
    BINARY = "binary"
    ENCODING = "encoding"
    COLUMNS = "columns"
    NO_DATA = "no_data"
    # Row-level: the row is left out, the rest is analysed.
    MALFORMED = "malformed"
    FIELD_COUNT = "field_count"
    MISSING_VALUE = "missing_value"
    UNKNOWN_PHASE = "unknown_phase"
    BAD_CORRECT = "bad_correct"
    BAD_SCORE = "bad_score"
    DUPLICATE = "duplicate"
    # Kept in the data but worth knowing.
    POST_WITHOUT_PRE = "post_without_pre"
    FOLLOWUP_WITHOUT_PRE = "followup_without_pre"
    UNKNOWN_COLUMN = "unknown_column"
    BAD_LEVEL = "bad_level"
    METADATA_CONFLICT = "metadata_conflict"
    LEVEL_CHECK = "level_check"
    TRUNCATED = "truncated"


@dataclass(frozen=True, slots=True)
class Problem:
    """`line` is the 1-based line in the file it came from (the header is line 1), None for the file as a whole."""

    line: int | None
    kind: ProblemKind
    message: str

    def as_dict(self) -> dict[str, object]:
        return {"line": self.line, "kind": str(self.kind), "message": self.message}


class OutcomesInputError(ValueError):
    """Nothing in the input can be analysed (empty, binary, too large, wrong columns, no valid rows).

    str(error) is one line fit to show a user; `problems` holds every problem found on the way."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


class ProblemLog:
    """Collects problems, keeping at most `per_kind` of each kind so a 50 MB file of bad rows cannot produce a
    report larger than its data; the counts stay exact."""

    def __init__(self, per_kind: int = 200) -> None:
        self.per_kind = per_kind
        self.kept: list[Problem] = []
        self.counts: Counter[ProblemKind] = Counter()

    def add(self, line: int | None, kind: ProblemKind, message: str) -> None:
        self.counts[kind] += 1
        if self.counts[kind] <= self.per_kind:
            self.kept.append(Problem(line, kind, message))

    def extend(self, problems: list[Problem]) -> None:
        for problem in problems:
            self.add(problem.line, problem.kind, problem.message)

    def problems(self) -> list[Problem]:
        """Kept problems in line order (file-level first), then one note per kind that was cut short."""
        ordered = sorted(self.kept, key=lambda p: -1 if p.line is None else p.line)
        for kind, count in self.counts.items():
            if count > self.per_kind:
                ordered.append(
                    Problem(None, ProblemKind.TRUNCATED, f"{count - self.per_kind:,} more '{kind}' problems not listed")
                )
        return ordered
