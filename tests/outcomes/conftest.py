"""Builders of small responses CSVs with known counts, shared by the outcomes tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Rows = list[tuple[str, str, str, object]]


def paired_table(item: str, a: int, b: int, c: int, d: int, prefix: str = "L") -> Rows:
    """Matched learners from a 2x2 table: a right->right, b wrong->right, c right->wrong, d wrong->wrong."""
    rows: Rows = []
    pairs = [(1, 1)] * a + [(0, 1)] * b + [(1, 0)] * c + [(0, 0)] * d
    for number, (pre, post) in enumerate(pairs):
        learner = f"{prefix}{number:04d}"
        rows += [(learner, item, "pre", pre), (learner, item, "post", post)]
    return rows


def to_csv(rows: Rows, value: str = "correct") -> bytes:
    lines = [f"learner_id,item,phase,{value}"] + [",".join(str(cell) for cell in row) for row in rows]
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture
def table_csv() -> Callable[..., bytes]:
    """table_csv(item=(a, b, c, d), ...) -> CSV bytes of matched 0/1 answers for each item."""

    def build(**tables: tuple[int, int, int, int]) -> bytes:
        rows: Rows = []
        for item, counts in tables.items():
            rows += paired_table(item, *counts)
        return to_csv(rows)

    return build
