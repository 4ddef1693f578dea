"""Reading responses: every kind of bad input is reported by line and kind, the rest is analysed; files that
cannot be read at all raise one clear OutcomesInputError."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.outcomes import (
    OutcomesInputError,
    ProblemKind,
    analyse,
    items_template_csv,
    load_responses,
    template_csv,
)
from bot.outcomes.loading import _Block


def problems_by_line(text: str) -> dict[int | None, ProblemKind]:
    return {problem.line: problem.kind for problem in load_responses(text.encode()).problems}


def test_each_bad_row_is_reported_by_line_and_kind_and_the_rest_kept() -> None:
    text = (
        "learner_id,item,phase,correct\n"  # 1
        "A,Q1,pre,1\n"  # 2
        "A,Q1,post,1\n"  # 3
        "B,Q1,during,1\n"  # 4 unknown phase
        "B,Q1,pre,yes\n"  # 5 correct not 0/1
        "A,Q1,pre,0\n"  # 6 duplicate of line 2 (different value)
        "C,Q1,post,1\n"  # 7 post without pre
        "D,Q1,pre,1,extra\n"  # 8 too many values
        "D,,pre,1\n"  # 9 no item
        "E,Q1,pre,2\n"  # 10 correct not 0/1
    )
    data = load_responses(text.encode())
    found = {problem.line: problem.kind for problem in data.problems}
    assert found == {
        4: ProblemKind.UNKNOWN_PHASE,
        5: ProblemKind.BAD_CORRECT,
        6: ProblemKind.DUPLICATE,
        7: ProblemKind.POST_WITHOUT_PRE,
        8: ProblemKind.FIELD_COUNT,
        9: ProblemKind.MISSING_VALUE,
        10: ProblemKind.BAD_CORRECT,
    }
    duplicate = next(p for p in data.problems if p.kind is ProblemKind.DUPLICATE)
    assert "line 2" in duplicate.message and "different value" in duplicate.message
    assert sorted(data.frame["line"]) == [2, 3, 7]  # the post-without-pre row stays, just unmatched
    assert data.problem_counts["bad_correct"] == 2


def test_non_numeric_scores_are_reported() -> None:
    text = "learner_id,item,phase,score\nA,S,pre,55\nA,S,post,sixty\nB,S,pre,nan\nB,S,post,inf\nC,S,pre,4.5\n"
    assert problems_by_line(text) == {3: ProblemKind.BAD_SCORE, 4: ProblemKind.BAD_SCORE, 5: ProblemKind.BAD_SCORE}


def test_bom_crlf_whitespace_case_and_spelled_out_phases_are_tolerated() -> None:
    text = (
        "\ufeffLearner_ID , Item ,PHASE, Correct \r\n L1 , Q1 , Pre-test , 1 \r\n\r\nL1,Q1,POST,0\r\n"
        "L1,Q1,Follow-up,1\r\n"
    )
    data = load_responses(text.encode("utf-8"))
    assert data.problems == []
    assert list(data.frame["phase"]) == ["pre", "post", "followup"]
    assert set(data.frame["learner_id"]) == {"L1"} and list(data.frame["line"]) == [2, 4, 5]


def test_unicode_learner_ids_match_however_they_were_typed() -> None:
    composed, decomposed = "Zoë-李", "Zoe\u0308-李"
    data = load_responses(f"learner_id,item,phase,correct\n{composed},Q1,pre,0\n{decomposed},Q1,post,1\n".encode())
    assert len(data.pairs()) == 1 and data.problems == []


def test_semicolons_and_excel_trailing_columns() -> None:
    data = load_responses(b"learner_id;item;phase;correct;;\nA;Q1;pre;0;;\nA;Q1;post;1;;\n")
    assert data.problems == [] and len(data.pairs()) == 1


def test_windows_1252_is_read_and_reported() -> None:
    data = load_responses("learner_id,item,phase,correct\nJosé,Q1,pre,0\nJosé,Q1,post,1\n".encode("cp1252"))
    assert [p.kind for p in data.problems] == [ProblemKind.ENCODING]
    assert set(data.frame["learner_id"]) == {"José"}


def test_utf16_with_bom_is_read() -> None:
    data = load_responses("learner_id\titem\tphase\tcorrect\nA\tQ1\tpre\t0\nA\tQ1\tpost\t1\n".encode("utf-16"))
    assert data.problems == [] and len(data.pairs()) == 1


@pytest.mark.parametrize(
    ("content", "kind", "words"),
    [
        (b"", ProblemKind.EMPTY, "empty"),
        (b"\n\n  \n", ProblemKind.EMPTY, "blank"),
        (b"learner_id,item,phase,correct\n", ProblemKind.NO_DATA, "no valid rows"),
        (b"learner_id,item,phase,correct\nA,Q1,mid,1\n", ProblemKind.NO_DATA, "no valid rows"),
        (b"name,question,answer\nA,Q1,1\n", ProblemKind.COLUMNS, "missing item, phase, correct or score"),
        (b"learner_id,item,phase,correct,score\nA,Q1,pre,1,3\n", ProblemKind.COLUMNS, "both correct and score"),
        (b"PK\x03\x04\x14\x00\x06\x00" + bytes(200), ProblemKind.BINARY, "Excel .xlsx"),
        (bytes(range(256)) * 4, ProblemKind.BINARY, "binary"),
    ],
)
def test_files_nothing_can_be_read_from_raise_one_clear_line(content: bytes, kind: ProblemKind, words: str) -> None:
    with pytest.raises(OutcomesInputError) as caught:
        load_responses(content)
    assert words in str(caught.value) and "\n" not in str(caught.value)
    assert kind in [problem.kind for problem in caught.value.problems]


def test_the_size_cap_is_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_bytes(b"learner_id,item,phase,correct\n" + b"A,Q1,pre,1\n" * 2000)
    with pytest.raises(OutcomesInputError, match=r"big.csv is 22 KB, over the 10 KB limit"):
        load_responses(path, max_bytes=10_000)
    with pytest.raises(OutcomesInputError, match="larger than 10 KB"):
        load_responses(io.BytesIO(path.read_bytes()), max_bytes=10_000)
    assert len(load_responses(path).frame) == 1  # under the default 50 MB cap; the rest are duplicates


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(OutcomesInputError, match="cannot open"):
        load_responses(tmp_path / "nope.csv")


def test_a_flood_of_bad_rows_is_listed_up_to_a_cap_with_exact_counts() -> None:
    text = "learner_id,item,phase,correct\n" + "".join(f"L{i},Q1,pre,x\n" for i in range(500)) + "Z,Q1,pre,1\n"
    data = load_responses(text.encode(), max_problems_per_kind=50)
    assert data.problem_counts == {"bad_correct": 500}
    assert sum(p.kind is ProblemKind.BAD_CORRECT for p in data.problems) == 50
    assert data.problems[-1].kind is ProblemKind.TRUNCATED and "450 more" in data.problems[-1].message


def test_metadata_from_columns_an_items_csv_or_a_mapping(tmp_path: Path) -> None:
    responses = template_csv("binary", with_metadata=True).encode()
    data = load_responses(responses)
    assert data.items["Q1"].level.code == "3a" and data.items["Q2"].objective.startswith("Choose")
    items_file = tmp_path / "items.csv"
    items_file.write_text(items_template_csv().replace("Q1,Recognise the early signs of sepsis,3a", "Q1,Sepsis,3b"))
    assert load_responses(responses, items=items_file).items["Q1"].level.code == "3b"
    mapped = load_responses(template_csv("binary").encode(), items={"Q1": {"objective": "Sepsis", "level": "4"}})
    assert mapped.items["Q1"].objective == "Sepsis" and mapped.items["Q1"].level.code == "4"


def test_metadata_problems_are_reported() -> None:
    text = (
        "learner_id,item,phase,correct,objective,level,notes\n"
        "A,Q1,pre,0,Sepsis,3a,\n"
        "A,Q1,post,1,Sepsis,3b,\n"
        "A,Q2,pre,0,Fluids,level nine,\n"
        "A,Q2,post,1,Fluids,level nine,\n"
    )
    kinds = {(p.line, p.kind) for p in load_responses(text.encode()).problems}
    assert (1, ProblemKind.UNKNOWN_COLUMN) in kinds
    assert (3, ProblemKind.METADATA_CONFLICT) in kinds
    assert (None, ProblemKind.BAD_LEVEL) in kinds


def test_right_wrong_items_tagged_as_performance_get_a_level_check() -> None:
    data = load_responses(template_csv("binary").encode(), items={"Q1": {"level": "5"}})
    check = next(p for p in data.problems if p.kind is ProblemKind.LEVEL_CHECK)
    assert "Q1" in check.message and "5-self" in check.message


def test_the_templates_load_without_problems() -> None:
    for kind in ("binary", "score"):
        for with_metadata in (False, True):
            data = load_responses(template_csv(kind, with_metadata=with_metadata).encode())  # type: ignore[arg-type]
            assert data.problems == [] and data.kind == kind
            analyse(data)


def test_anonymous_data_has_no_learner_column() -> None:
    text = "item,phase,correct\n" + "Q1,pre,0\n" * 12 + "Q1,post,1\n" * 12
    data = load_responses(text.encode())
    assert data.problems == [] and set(data.frame["learner_id"]) == {""} and data.pairs().empty


def test_rows_compacted_in_blocks_keep_their_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_Block, "SIZE", 3)  # many blocks from a small file
    text = "learner_id,item,phase,correct\n" + "".join(
        f" L{i} ,Q1,{'pre' if i % 2 else 'post'},{i % 2}\n" for i in range(1, 11)
    )
    data = load_responses((text + "L1,Q1,pre,0\n\nL2,Q1,mid,1\n").encode())
    assert list(data.frame["line"]) == list(range(2, 12)) and data.frame["learner_id"].iloc[0] == "L1"
    assert {(p.line, p.kind) for p in data.problems} == {(12, ProblemKind.DUPLICATE), (14, ProblemKind.UNKNOWN_PHASE)}
