"""The outcomes chart: grouped bars, pre against post (and follow-up), one group per item, n under each group.

Drawn on a bare matplotlib Figure with the Agg canvas, never pyplot: no global figure state, nothing to close,
safe from worker threads, and no display needed. Always WIDTH x HEIGHT pixels (no tight bounding box, which
would change the size), so a report or a Slack upload can lay it out without measuring it."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from bot.outcomes.analysis import OutcomesResult

WIDTH, HEIGHT, DPI = 1200, 700, 100
_COLOURS = {"pre": "#9aa5b1", "post": "#1f6feb", "followup": "#2da44e"}
_LABELS = {"pre": "Before", "post": "After", "followup": "Follow-up"}


def chart_png(result: OutcomesResult, path: str | Path | None = None) -> bytes:
    """The chart as PNG bytes (WIDTH x HEIGHT at DPI), also written to `path` when given. Bars show the values
    the pre -> post tests compared (the matched learners' when paired, every answer when unpaired); the
    follow-up bar is the follow-up comparison's, whose learners may be fewer (its n is in the label)."""
    figure = Figure(figsize=(WIDTH / DPI, HEIGHT / DPI), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    items = result.items
    binary = result.kind == "binary"
    scale = 100.0 if binary else 1.0
    phases = ["pre", "post"] + (["followup"] if any(row["followup"] for row in items) else [])
    x = np.arange(len(items))
    width = 0.8 / len(phases)
    for index, phase in enumerate(phases):
        heights = [_value(row, phase) for row in items]
        bars = axes.bar(
            x + (index - (len(phases) - 1) / 2) * width,
            [scale * h if h is not None else 0 for h in heights],
            width,
            label=_LABELS[phase],
            color=_COLOURS[phase],
        )
        if len(items) <= 30:  # value labels on a crowded chart only add noise
            labels = [f"{scale * h:.0f}{'%' if binary else ''}" if h is not None else "" for h in heights]
            axes.bar_label(bars, labels=labels, fontsize=7, padding=2)
    axes.set_xticks(x, [_tick(row) for row in items], fontsize=8 if len(items) <= 12 else 6)
    if len(items) > 8:
        for label in axes.get_xticklabels():
            label.set_rotation(30)
            label.set_horizontalalignment("right")
    axes.set_ylabel("% correct" if binary else "Mean score")
    if binary:
        axes.set_ylim(0, 110)  # headroom for the value labels above 100%
    axes.margins(y=0.1)
    title = "Before and after" + (f": {result.summary['activity']}" if result.summary.get("activity") else "")
    axes.set_title(title)
    axes.legend(loc="upper left", ncols=len(phases), frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    figure.subplots_adjust(left=0.07, right=0.98, top=0.92, bottom=0.22 if len(items) > 8 else 0.14)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    data = buffer.getvalue()
    if path is not None:
        Path(path).write_bytes(data)
    return data


def _value(row: dict[str, Any], phase: str) -> float | None:
    if phase == "followup":
        return row["followup"]["followup"] if row["followup"] else None
    return row[phase]


def _tick(row: dict[str, Any]) -> str:
    """The item name and its n: matched learners when paired, answers before/after when not."""
    name = row["item"] if len(row["item"]) <= 18 else row["item"][:17] + "…"
    if row["pre"] is None:
        n = f"n={row['n_post']}, no baseline"
    elif row["paired"]:
        n = f"n={row['n_matched']}"
    else:
        n = f"n={row['n_pre']}/{row['n_post']} unpaired"
    followup = row["followup"]
    if followup and followup["pre"] is not None:
        n += f"; follow-up n={followup['n_matched'] if followup['paired'] else followup['n_followup']}"
    return f"{name}\n{n}"
