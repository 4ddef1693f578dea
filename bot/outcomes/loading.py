"""Reading learner responses (and optional item metadata) from CSV into a clean DataFrame plus a list of problems.

The file is streamed through the csv module (so every problem keeps its true line number, quoted newlines
included) and checked column-wise with pandas. A row with a problem is left out and reported; only a file nothing
can be read from raises OutcomesInputError. Tolerated without complaint: a UTF-8 byte order mark, CRLF line
ends, spaces around values, upper-case or spelled-out phases ("Pre-test", "Follow-up"), blank lines, trailing
empty columns (Excel), semicolon or tab delimiters, UTF-16 with a byte order mark (Excel's "Unicode text"), and
learner ids in any script (compared after Unicode NFC normalisation, so "é" typed two ways is one learner).
A file that is not UTF-8 is read as Windows-1252 (what Excel writes) and that is reported."""

from __future__ import annotations

import csv
import io
import os
import unicodedata
from array import array
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import BinaryIO, Literal

import numpy as np
import pandas as pd

from bot.outcomes.moore import MooreLevel, parse_level
from bot.outcomes.problems import OutcomesInputError, Problem, ProblemKind, ProblemLog

Kind = Literal["binary", "score"]
ResponsesSource = str | os.PathLike[str] | bytes | BinaryIO
ItemsSource = Mapping[str, Mapping[str, str | None]] | str | os.PathLike[str] | bytes | BinaryIO

DEFAULT_MAX_BYTES = 50_000_000  # decimal MB, as the messages and --max-mb count them
PHASES = ("pre", "post", "followup")
_PHASE_NAMES = {
    **dict.fromkeys(("pre", "pretest", "pre-test", "pre_test", "pre test", "baseline", "before"), "pre"),
    **dict.fromkeys(("post", "posttest", "post-test", "post_test", "post test", "after"), "post"),
    **dict.fromkeys(("followup", "follow-up", "follow_up", "follow up"), "followup"),
}
_KNOWN_COLUMNS = ("learner_id", "item", "phase", "correct", "score", "objective", "level")
# Magic numbers of the files people upload by mistake instead of a CSV export.
_MAGIC = (
    (b"PK\x03\x04", "a zip archive (an Excel .xlsx workbook is one): save the sheet as CSV UTF-8"),
    (b"\xd0\xcf\x11\xe0", "an old Excel (.xls) or Word file: save the sheet as CSV UTF-8"),
    (b"%PDF", "a PDF: export the data as CSV"),
    (b"\x89PNG", "a PNG image, not a CSV"),
    (b"\xff\xd8\xff", "a JPEG image, not a CSV"),
    (b"\x1f\x8b", "a gzip archive: unpack it first"),
)


@dataclass(frozen=True, slots=True)
class ItemMeta:
    objective: str | None = None
    level: MooreLevel | None = None


@dataclass
class ResponseData:
    """Clean responses: `frame` has one row per (learner, item, phase) with columns line (in the file), learner_id
    ("" when anonymous), item, phase ("pre", "post" or "followup") and value (0/1 or the score, as float)."""

    frame: pd.DataFrame
    kind: Kind
    items: dict[str, ItemMeta]
    problems: list[Problem]
    problem_counts: dict[str, int] = field(default_factory=dict)
    source_name: str = "responses"

    @cached_property
    def wide(self) -> pd.DataFrame:
        """Identified learners only: index (item, learner_id), one column per phase (NaN when not answered)."""
        known = self.frame[self.frame["learner_id"] != ""]
        wide = known.pivot(index=["item", "learner_id"], columns="phase", values="value")
        return wide.reindex(columns=list(PHASES))

    def pairs(self, phase: Literal["post", "followup"] = "post") -> pd.DataFrame:
        """The matched learners: those with both a pre and a `phase` answer for an item. Columns item, learner_id,
        pre and `phase`."""
        return self.wide[["pre", phase]].dropna().reset_index().rename_axis(columns=None)

    def item_order(self) -> list[str]:
        """Items in the order they first appear in the file, which is the order the planner wrote them."""
        return list(pd.unique(self.frame["item"]))


@dataclass(frozen=True, slots=True)
class _Table:
    """The rows of the right width, values stripped, blank rows gone; columns are positions in `header`."""

    header: list[str]
    header_line: int
    lines: np.ndarray
    cells: pd.DataFrame

    def column(self, name: str) -> pd.Series:
        return self.cells[self.header.index(name)]


def load_responses(
    source: ResponsesSource,
    *,
    items: ItemsSource | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_problems_per_kind: int = 200,
) -> ResponseData:
    """Read a responses CSV (`learner_id,item,phase,correct` or `...,score`, optional `objective,level`).

    `source` is a path or the file's bytes; `items` is optional item metadata (a mapping item -> {"objective",
    "level"}, or a path/bytes of an `item,objective,level` CSV) and wins over the columns of the responses file.
    Raises OutcomesInputError when nothing can be analysed; every other problem is in the result's `problems`."""
    log = ProblemLog(max_problems_per_kind)
    name, opener = _opener(source, max_bytes, "responses file")
    table = _read_table(opener, name, log)
    header = table.header
    present = set(header)
    expected = "learner_id,item,phase,correct (or score in place of correct)"
    duplicated = sorted({column for column in header if header.count(column) > 1 and column})
    if duplicated:
        raise _fatal(log, table.header_line, ProblemKind.COLUMNS, f"columns repeated in the header: {duplicated}")
    missing = [column for column in ("item", "phase") if column not in present]
    if missing or not present & {"correct", "score"}:
        wanted = missing + ([] if present & {"correct", "score"} else ["correct or score"])
        raise _fatal(
            log,
            table.header_line,
            ProblemKind.COLUMNS,
            f"the header is `{_clip(','.join(header))}`; missing {', '.join(wanted)} (expected {expected})",
        )
    if {"correct", "score"} <= present:
        raise _fatal(
            log, table.header_line, ProblemKind.COLUMNS, "the header has both correct and score: use one kind per file"
        )
    for column in header:
        if column not in _KNOWN_COLUMNS:
            log.add(table.header_line, ProblemKind.UNKNOWN_COLUMN, f"column {column!r} is not used")
    kind: Kind = "binary" if "correct" in present else "score"
    frame, meta_frame = _clean(table, kind, log)
    if frame.empty:
        raise _fatal(log, None, ProblemKind.NO_DATA, f"{name} has no valid rows to analyse")
    metadata = _metadata_from_columns(meta_frame, log)
    if items is not None:
        metadata = _merge_metadata(metadata, load_item_metadata(items, log=log))
    _check_levels(metadata, kind, set(frame["item"]), log)
    _flag_missing_baseline(frame, log)
    return ResponseData(
        frame=frame,
        kind=kind,
        items=metadata,
        problems=log.problems(),
        problem_counts={str(kind): count for kind, count in log.counts.items() if count},
        source_name=name,
    )


def load_item_metadata(source: ItemsSource, *, log: ProblemLog | None = None) -> dict[str, ItemMeta]:
    """Item metadata from a mapping item -> {"objective": ..., "level": ...} or an `item,objective,level` CSV.
    Problems (unknown levels, bad rows) go to `log` with messages that name the items file."""
    log = log if log is not None else ProblemLog()
    if isinstance(source, Mapping):
        result = {}
        for item, values in source.items():
            level_text = (values.get("level") or "").strip()
            level = parse_level(level_text)
            if level_text and level is None:
                log.add(None, ProblemKind.BAD_LEVEL, f"item {item!r}: {_level_help(level_text)}")
            result[str(item).strip()] = ItemMeta((values.get("objective") or "").strip() or None, level)
        return result
    name, opener = _opener(source, DEFAULT_MAX_BYTES, "items file")
    table = _read_table(opener, name, log, label="items file ")
    if "item" not in table.header:
        log.add(None, ProblemKind.COLUMNS, f"items file: no item column in `{_clip(','.join(table.header))}`; not used")
        return {}
    where = {column: table.header.index(column) for column in ("item", "objective", "level") if column in table.header}
    result = {}
    for line, row in zip(table.lines.tolist(), table.cells.itertuples(index=False), strict=True):
        item = _nfc(row[where["item"]])
        if not item:
            log.add(line, ProblemKind.MISSING_VALUE, "items file: no item on this row")
            continue
        objective = row[where["objective"]] if "objective" in where else ""
        level_text = row[where["level"]] if "level" in where else ""
        level = parse_level(level_text)
        if level_text and level is None:
            log.add(line, ProblemKind.BAD_LEVEL, f"items file: item {item!r}: {_level_help(level_text)}")
        result[item] = ItemMeta(objective or None, level)
    return result


def _fatal(log: ProblemLog, line: int | None, kind: ProblemKind, message: str) -> OutcomesInputError:
    log.add(line, kind, message)
    where = f"line {line}: " if line else ""
    return OutcomesInputError(f"{where}{message}", log.problems())


def _opener(source: ItemsSource, max_bytes: int, what: str) -> tuple[str, Callable[[], BinaryIO]]:
    """A name for messages and a function opening the bytes afresh (a second pass may decode differently);
    the size cap is checked before anything is read."""
    limit = f"over the {_size(max_bytes)} limit: split it into smaller files, or raise the limit"
    if isinstance(source, bytes):
        data = source
        if len(data) > max_bytes:
            raise OutcomesInputError(f"the {what} is {_size(len(data))}, {limit}")
        return what, lambda: io.BytesIO(data)
    if hasattr(source, "read"):
        data = source.read(max_bytes + 1)  # type: ignore[union-attr]
        if len(data) > max_bytes:
            raise OutcomesInputError(f"the {what} is larger than {_size(max_bytes)}, {limit}")
        return what, lambda: io.BytesIO(data)
    path = Path(source)  # type: ignore[arg-type]
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise OutcomesInputError(f"cannot open {path}: {exc.strerror or exc}") from exc
    if path.is_dir():
        raise OutcomesInputError(f"{path} is a folder, not a CSV file")
    if size > max_bytes:
        raise OutcomesInputError(f"{path.name} is {_size(size)}, {limit}")
    return path.name, lambda: path.open("rb")


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} KB"


def _sniff_encoding(head: bytes, name: str) -> str:
    if not head:
        raise OutcomesInputError(f"{name} is empty", [Problem(None, ProblemKind.EMPTY, f"{name} is empty")])
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    for magic, what in _MAGIC:
        if head.startswith(magic):
            message = f"{name} is {what}"
            raise OutcomesInputError(message, [Problem(None, ProblemKind.BINARY, message)])
    control = sum(1 for byte in head if byte < 9 or 13 < byte < 32)
    if b"\x00" in head or control > len(head) // 100:
        message = f"{name} looks like a binary file, not CSV text: export the data as CSV UTF-8"
        raise OutcomesInputError(message, [Problem(None, ProblemKind.BINARY, message)])
    return "utf-8-sig"  # also strips a byte order mark


def _read_table(opener: Callable[[], BinaryIO], name: str, log: ProblemLog, label: str = "") -> _Table:
    with opener() as raw:
        encoding = _sniff_encoding(raw.read(8192), name)
    # Problems go to a fresh log per attempt, so a pass abandoned half-way leaves nothing behind.
    attempt = ProblemLog(log.per_kind)
    try:
        table = _read_text(opener, encoding, name, attempt, label)
    except UnicodeDecodeError:
        # Excel on Windows saves "CSV" in Windows-1252; reading it that way keeps accented names readable.
        attempt = ProblemLog(log.per_kind)
        table = _read_text(opener, "cp1252", name, attempt, label, errors="replace")
        log.add(None, ProblemKind.ENCODING, f"{label}not UTF-8: read as Windows-1252 (check accented names)")
    log.extend(attempt.kept)
    for kind, count in attempt.counts.items():
        log.counts[kind] += count - min(count, attempt.per_kind)
    return table


def _read_text(
    opener: Callable[[], BinaryIO], encoding: str, name: str, log: ProblemLog, label: str, errors: str = "strict"
) -> _Table:
    with opener() as raw, io.TextIOWrapper(raw, encoding=encoding, errors=errors, newline="") as text:
        header_line, first = 0, ""
        for first in iter(text.readline, ""):
            header_line += 1
            if first.strip().strip(",;\t"):
                break
        else:
            message = f"{name} has no header or data (only blank lines)"
            raise OutcomesInputError(message, [Problem(None, ProblemKind.EMPTY, message)])
        delimiter = max(",;\t", key=first.count)  # European Excel writes ";", "Unicode text" tabs
        try:
            header = [_column(cell) for cell in next(csv.reader([first], delimiter=delimiter))]
        except csv.Error as exc:
            message = f"{name}: cannot read line {header_line} as a CSV header ({exc})"
            raise OutcomesInputError(message, [Problem(header_line, ProblemKind.COLUMNS, message)]) from exc
        while header and not header[-1]:  # trailing empty header cells (Excel)
            header.pop()
        width = len(header)
        block = _Block(width)
        rows, lines = block.rows, block.lines
        reader = csv.reader(text, delimiter=delimiter)
        while True:
            # The plain loop is the hot path (millions of rows in a 50 MB file): rows of the header's width are
            # kept as they are and compacted a block at a time; only odd rows are looked at one by one.
            try:
                for row in reader:
                    if len(row) == width:
                        rows.append(row)
                        lines.append(header_line + reader.line_num)
                        if len(rows) >= _Block.SIZE:
                            block.compact()
                    elif row:
                        cells = [cell.strip() for cell in row]
                        if len(cells) > width and not any(cells[width:]):  # trailing empty columns (Excel)
                            rows.append(cells[:width])
                            lines.append(header_line + reader.line_num)
                        elif any(cells):
                            log.add(
                                header_line + reader.line_num,
                                ProblemKind.FIELD_COUNT,
                                f"{label}{len(cells)} values where the header has {width}",
                            )
                break
            except csv.Error as exc:  # the reader carries on with the next line after an error
                log.add(header_line + reader.line_num, ProblemKind.MALFORMED, f"{label}cannot read this row ({exc})")
    cells, line_numbers = block.finish()
    blank = (cells == "").all(axis=1).to_numpy()  # ",,," rows Excel leaves behind
    return _Table(header, header_line, line_numbers[~blank], cells[~blank].reset_index(drop=True))


class _Block:
    """Rows gathered in blocks of SIZE and compacted column by column: each block's values are factorised, so a
    value repeated across rows ("pre", "Q07", "1") is one string object instead of one per row, and is stripped
    once. A 50 MB file then needs a few hundred MB at most, not gigabytes of per-row strings."""

    SIZE = 100_000

    def __init__(self, width: int) -> None:
        self.width = width
        self.rows: list[list[str]] = []  # filled by the reading loop directly: a method call per row costs
        self.lines = array("q")
        self.columns: list[list[np.ndarray]] = [[] for _ in range(width)]

    def compact(self) -> None:
        if not self.rows:
            return
        table = np.array(self.rows, dtype=object).reshape(len(self.rows), self.width)
        for index in range(self.width):
            codes, uniques = pd.factorize(table[:, index])
            stripped = np.array([value.strip() for value in uniques], dtype=object)
            self.columns[index].append(stripped[codes])
        self.rows.clear()  # the same list object the reading loop appends to

    def finish(self) -> tuple[pd.DataFrame, np.ndarray]:
        self.compact()
        data = {
            index: np.concatenate(parts) if parts else np.array([], dtype=object)
            for index, parts in enumerate(self.columns)
        }
        return pd.DataFrame(data, columns=range(self.width), dtype=object), np.frombuffer(self.lines, dtype=np.int64)


def _clip(text: str, limit: int = 80) -> str:
    """Quoted input kept short: a one-line message must stay one line even when the header is a binary blob."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _column(cell: str) -> str:
    return cell.strip().lstrip("\ufeff").strip().lower().replace(" ", "_").replace("-", "_")


def _nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _nfc_column(values: pd.Series) -> pd.Series:
    """NFC-normalise only the values that need it: most ids are ASCII, and checking that is cheap."""
    unusual = ~np.fromiter(map(str.isascii, values.tolist()), dtype=bool, count=len(values))
    if not unusual.any():
        return values
    values = values.copy()
    values[unusual] = values[unusual].str.normalize("NFC")
    return values


def _clean(table: _Table, kind: Kind, log: ProblemLog) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Row checks, column-wise; each bad row is reported once, for its first problem, and dropped."""
    raw = table.cells.set_axis(table.header, axis=1)  # the caller has checked the names are unique
    value_column = "correct" if kind == "binary" else "score"
    frame = pd.DataFrame(
        {
            "line": table.lines,
            "learner_id": _nfc_column(raw["learner_id"]) if "learner_id" in raw else "",
            "item": _nfc_column(raw["item"]),
            "phase": pd.Series(list(map(str.lower, raw["phase"].tolist())), index=raw.index).map(_PHASE_NAMES),
        }
    )
    values = pd.to_numeric(raw[value_column], errors="coerce")
    bad = pd.Series(False, index=frame.index)

    def report(mask: pd.Series, kind: ProblemKind, message: Callable[[pd.Series], str]) -> None:
        nonlocal bad
        mask = mask & ~bad
        hits = frame.index[mask]
        for index in hits[: log.per_kind]:
            log.add(int(frame.at[index, "line"]), kind, message(raw.loc[index]))
        log.counts[kind] += max(0, len(hits) - log.per_kind)
        bad |= mask

    for column in ("item", "phase", value_column):
        report(raw[column] == "", ProblemKind.MISSING_VALUE, lambda row, c=column: f"no value for {c}")
    report(
        frame["phase"].isna(),
        ProblemKind.UNKNOWN_PHASE,
        lambda row: f"unknown phase {row['phase']!r} (use pre, post or followup)",
    )
    if kind == "binary":
        report(
            ~values.isin([0, 1]),
            ProblemKind.BAD_CORRECT,
            lambda row: f"correct must be 0 or 1, not {row['correct']!r}",
        )
    else:
        report(~np.isfinite(values), ProblemKind.BAD_SCORE, lambda row: f"score {row['score']!r} is not a number")
    frame["value"] = values.astype(float)
    keys = ["learner_id", "item", "phase"]
    known = ~bad & (frame["learner_id"] != "")
    duplicate = pd.Series(False, index=frame.index)
    duplicate[known] = frame.loc[known].duplicated(keys, keep="first")
    if duplicate.any():
        first = frame.loc[known].groupby(keys, sort=False)[["line", "value"]].transform("first")

        def said(row: pd.Series) -> str:
            kept = first.loc[row.name]
            differs = " with a different value" if kept["value"] != frame.at[row.name, "value"] else ""
            return (
                f"learner {row['learner_id']!r}, item {row['item']!r}, {frame.at[row.name, 'phase']} repeats line "
                f"{int(kept['line'])}{differs}; the first is used"
            )

        report(duplicate, ProblemKind.DUPLICATE, said)
    keep = ~bad
    meta_columns = [column for column in ("objective", "level") if column in raw]
    meta = pd.concat([frame.loc[keep, ["line", "item"]], raw.loc[keep, meta_columns]], axis=1)
    return frame.loc[keep].reset_index(drop=True), meta


def _metadata_from_columns(meta: pd.DataFrame, log: ProblemLog) -> dict[str, ItemMeta]:
    """The first non-empty objective and level given for each item; a different later value is reported."""
    found: dict[str, dict[str, str]] = {}
    for column in ("objective", "level"):
        if column not in meta:
            continue
        given = meta[meta[column] != ""]
        first = given.drop_duplicates("item")
        for item, value in zip(first["item"], first[column], strict=True):
            found.setdefault(item, {})[column] = value
        conflict = given[given[column] != given["item"].map(dict(zip(first["item"], first[column], strict=True)))]
        for row in conflict.drop_duplicates("item").itertuples(index=False):
            log.add(
                int(row.line),
                ProblemKind.METADATA_CONFLICT,
                f"item {row.item!r}: {column} {getattr(row, column)!r} differs from the first one given "
                f"({found[row.item][column]!r}); the first is used",
            )
    result = {}
    for item, values in found.items():
        level_text = values.get("level", "")
        level = parse_level(level_text)
        if level_text and level is None:
            log.add(None, ProblemKind.BAD_LEVEL, f"item {item!r}: {_level_help(level_text)}")
        result[item] = ItemMeta(values.get("objective") or None, level)
    return result


def _merge_metadata(from_rows: dict[str, ItemMeta], given: dict[str, ItemMeta]) -> dict[str, ItemMeta]:
    merged = dict(from_rows)
    for item, meta in given.items():
        old = merged.get(item, ItemMeta())
        merged[item] = ItemMeta(meta.objective or old.objective, meta.level or old.level)
    return merged


def _level_help(text: str) -> str:
    return f"Moore level {text!r} not recognised (use 1, 2, 3a, 3b, 4, 5, 5-self, 6 or 7); taken as knowledge (3)"


def _check_levels(metadata: dict[str, ItemMeta], kind: Kind, items: set[str], log: ProblemLog) -> None:
    """Right/wrong answers tagged as performance or patient health are nearly always test questions; say so."""
    if kind != "binary":
        return
    for item, meta in metadata.items():
        if item in items and meta.level is not None and meta.level.rank >= 5.1:
            log.add(
                None,
                ProblemKind.LEVEL_CHECK,
                f"item {item!r} is tagged {meta.level.label}, but its data are right/wrong answers, which usually "
                "come from test questions (knowledge, level 3, or competence, level 4); that level needs practice "
                "or patient data. Tag learners' own reports of practice change as 5-self.",
            )


def _flag_missing_baseline(frame: pd.DataFrame, log: ProblemLog) -> None:
    """A learner's post (or follow-up) answer without their pre answer, on an item where other learners were
    matched: the row stays in the data but cannot be paired. Items with no overlap at all are analysed unpaired,
    and the report says so instead of listing every row."""
    known = frame[frame["learner_id"] != ""]
    pre_keys = pd.MultiIndex.from_frame(known.loc[known["phase"] == "pre", ["learner_id", "item"]])
    for phase, kind in (("post", ProblemKind.POST_WITHOUT_PRE), ("followup", ProblemKind.FOLLOWUP_WITHOUT_PRE)):
        rows = known[known["phase"] == phase]
        has_pre = pd.MultiIndex.from_frame(rows[["learner_id", "item"]]).isin(pre_keys)
        paired_items = set(rows.loc[has_pre, "item"])
        orphans = rows[~has_pre & rows["item"].isin(paired_items)]
        for row in orphans.head(log.per_kind).itertuples(index=False):
            log.add(
                int(row.line),
                kind,
                f"learner {row.learner_id!r} has a {phase} answer for item {row.item!r} but no pre answer; "
                "not counted in the matched comparison",
            )
        log.counts[kind] += max(0, len(orphans) - log.per_kind)


def iter_problem_lines(problems: list[Problem]) -> Iterator[str]:
    """Problems as lines for a terminal or a document: "line 12: unknown_phase: unknown phase 'mid'"."""
    for problem in problems:
        where = f"line {problem.line}" if problem.line is not None else "file"
        yield f"{where}: {problem.kind}: {problem.message}"
