"""A small SVG plotting surface for the report's charts: axes, ticks, grid, lines, bands, bars and legends.

Written directly (no Matplotlib, which would double the report's time) in the subset of SVG Tiny 1.2 that
Qt's renderer draws: text stays text, in ``font-family: sans-serif`` (the PDF writer points it at the
report's embedded fonts). Units are points; text widths are estimated from DejaVu Sans' advances, enough to
leave room for tick labels.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape

FOREGROUND = "#222222"
GRID = "#dddddd"
POINTS_PER_INCH = 72.0
TICK = 3.5  # tick mark length
PAD = 3.0  # between a tick and its label
TICK_SIZE = 8.0  # points: tick labels
CATEGORY_SIZE = 7.5  # points: category labels (the tornado's inputs)
DASHED = (3.7, 1.6)  # Matplotlib's "--" and ":" patterns, in multiples of the line width
DOTTED = (1.0, 1.65)


def text_width(text: str, size: float) -> float:
    """Estimated width of ``text`` at ``size`` points (wide East Asian characters take a full em)."""
    em = 0.0
    for ch in text:
        if unicodedata.east_asian_width(ch) in ("W", "F"):
            em += 1.0
        elif ch.isdigit():
            em += 0.64
        elif ch in " ,.:;'|!il":
            em += 0.32
        elif ch.isupper():
            em += 0.70
        else:
            em += 0.58
    return em * size


def nice_ticks(low: float, high: float, bins: int, *, integer: bool = False) -> list[float]:
    """At most ``bins`` + 1 round values (steps of 1, 2, 2.5 or 5 × 10ⁿ) between ``low`` and ``high``."""
    if not math.isfinite(low) or not math.isfinite(high):
        return []
    if high <= low:
        high = low + 1.0
    raw = (high - low) / max(bins, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = 10 * magnitude
    for multiple in (1, 2, 2.5, 5, 10):
        candidate = multiple * magnitude
        if integer and candidate < 1:
            continue
        if (high - low) / candidate <= bins:
            step = candidate
            break
    if integer:
        step = max(step, 1.0)
    first = math.ceil(low / step - 1e-9)
    ticks = []
    value = first * step
    while value <= high + step * 1e-9:
        ticks.append(0.0 if abs(value) < step * 1e-9 else value)
        value = (first + len(ticks)) * step
    return ticks


def padded(low: float, high: float, margin: float = 0.05) -> tuple[float, float]:
    """``low``–``high`` widened by ``margin`` of its span on each side (as Matplotlib autoscales)."""
    if high <= low:
        return low - 1.0, high + 1.0
    span = high - low
    return low - margin * span, high + margin * span


def amount(value: float) -> str:
    """An axis amount: thousands separated, no decimals."""
    return f"{value:,.0f}"


@dataclass(frozen=True)
class Stroke:
    color: str
    width: float = 1.0
    dash: tuple[float, float] | None = None

    def attrs(self) -> str:
        out = f'stroke="{self.color}" stroke-width="{self.width:g}" fill="none"'
        if self.dash is not None:
            out += f' stroke-dasharray="{self.dash[0] * self.width:.2f},{self.dash[1] * self.width:.2f}"'
        return out


@dataclass(frozen=True)
class LegendEntry:
    label: str
    stroke: Stroke | None = None  # a line sample, else a filled patch
    fill: str = ""
    fill_opacity: float = 1.0


@dataclass
class Plot:
    """One chart: a frame of ``width`` × ``height`` inches with one plotting area and its axes."""

    width_in: float
    height_in: float
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    title: str = ""
    x_label: str = ""
    y_label: str = ""
    x_ticks: Sequence[float] = ()
    y_ticks: Sequence[float] = ()
    x_format: Callable[[float], str] = amount
    y_format: Callable[[float], str] = amount
    y_tick_labels: Sequence[Sequence[str]] | None = None  # category labels (lines each), at y = 0, 1, 2…
    y_grid: bool = True  # horizontal grid lines at the y ticks (the x ticks always have them)
    width: float = field(init=False)  # points
    height: float = field(init=False)
    area: tuple[float, float, float, float] = field(init=False)  # the plotting area: left, top, right, bottom
    _body: list[str] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self.width = self.width_in * POINTS_PER_INCH
        self.height = self.height_in * POINTS_PER_INCH
        left = 6.0 + TICK + PAD
        if self.y_label:
            left += 8.5 * 1.3
        if self.y_tick_labels is not None:
            widths = [text_width(line, CATEGORY_SIZE) for lines in self.y_tick_labels for line in lines]
        else:
            widths = [text_width(self.y_format(v), TICK_SIZE) for v in self.y_ticks]
        left += max(widths, default=0.0)
        bottom = 6.0 + TICK + PAD + TICK_SIZE * 1.2 + (8.5 * 1.4 if self.x_label else 0.0)
        top = 6.0 + (9.5 * 1.6 if self.title else 0.0)
        right = 6.0 + text_width(self.x_format(self.x_range[1]), TICK_SIZE) / 2
        self.area = (left, top, self.width - right, self.height - bottom)

    def x(self, value: float) -> float:
        low, high = self.x_range
        left, _, right, _ = self.area
        return left + (value - low) / (high - low) * (right - left)

    def y(self, value: float) -> float:
        low, high = self.y_range  # high at the top; a reversed range puts categories top-down
        _, top, _, bottom = self.area
        return bottom - (value - low) / (high - low) * (bottom - top)

    # drawing in data coordinates

    def band(
        self, xs: Sequence[float], lows: Sequence[float], highs: Sequence[float], fill: str, opacity: float
    ) -> None:
        points = [(self.x(a), self.y(b)) for a, b in zip(xs, lows, strict=True)]
        points += [(self.x(a), self.y(b)) for a, b in reversed(list(zip(xs, highs, strict=True)))]
        self._body.append(
            f'<polygon points="{_points(points)}" fill="{fill}" fill-opacity="{opacity:g}" stroke="none"/>'
        )

    def line(self, xs: Sequence[float], ys: Sequence[float], stroke: Stroke) -> None:
        points = [(self.x(a), self.y(b)) for a, b in zip(xs, ys, strict=True)]
        self._body.append(f'<polyline points="{_points(points)}" {stroke.attrs()}/>')

    def vline(self, value: float, stroke: Stroke) -> None:
        _, top, _, bottom = self.area
        x = self.x(value)
        self._body.append(
            f'<line x1="{x:.2f}" y1="{top:.2f}" x2="{x:.2f}" y2="{bottom:.2f}" {stroke.attrs()}/>'
        )

    def hline(self, value: float, stroke: Stroke) -> None:
        left, _, right, _ = self.area
        y = self.y(value)
        self._body.append(
            f'<line x1="{left:.2f}" y1="{y:.2f}" x2="{right:.2f}" y2="{y:.2f}" {stroke.attrs()}/>'
        )

    def rect(self, x0: float, x1: float, y0: float, y1: float, fill: str, edge: str = "") -> None:
        left, right = sorted((self.x(x0), self.x(x1)))
        top, bottom = sorted((self.y(y0), self.y(y1)))
        outline = f' stroke="{edge}" stroke-width="0.5"' if edge else ' stroke="none"'
        self._body.append(
            f'<rect x="{left:.2f}" y="{top:.2f}" width="{right - left:.2f}" height="{bottom - top:.2f}"'
            f' fill="{fill}"{outline}/>'
        )

    def hbar(self, row: float, x0: float, x1: float, thickness: float, fill: str) -> None:
        """A bar across ``x0``–``x1`` centred on category ``row``, ``thickness`` points thick."""
        y = self.y(row)
        left, right = sorted((self.x(x0), self.x(x1)))
        self._body.append(
            f'<rect x="{left:.2f}" y="{y - thickness / 2:.2f}" width="{right - left:.2f}"'
            f' height="{thickness:.2f}" fill="{fill}" stroke="none"/>'
        )

    def legend(self, entries: Sequence[LegendEntry], corner: str = "upper left", size: float = 7.5) -> None:
        """A boxed legend inside the plotting area, at ``corner`` (upper/lower left/right)."""
        if not entries:
            return
        left, top, right, bottom = self.area
        sample, gap, line_height = 18.0, 4.0, size * 1.45
        width = sample + gap + max(text_width(entry.label, size) for entry in entries) + 10.0
        height = line_height * len(entries) + 6.0
        x0 = left + 5.0 if corner.endswith("left") else right - 5.0 - width
        y0 = top + 5.0 if corner.startswith("upper") else bottom - 5.0 - height
        parts = [
            f'<rect x="{x0:.2f}" y="{y0:.2f}" width="{width:.2f}" height="{height:.2f}" fill="#ffffff"'
            f' fill-opacity="0.85" stroke="#cccccc" stroke-width="0.6"/>'
        ]
        for index, entry in enumerate(entries):
            middle = y0 + 3.0 + line_height * (index + 0.5)
            sx = x0 + 5.0
            if entry.stroke is not None:
                parts.append(
                    f'<line x1="{sx:.2f}" y1="{middle:.2f}" x2="{sx + sample:.2f}" y2="{middle:.2f}"'
                    f" {entry.stroke.attrs()}/>"
                )
            else:
                parts.append(
                    f'<rect x="{sx:.2f}" y="{middle - size * 0.35:.2f}" width="{sample:.2f}"'
                    f' height="{size * 0.7:.2f}" fill="{entry.fill}" fill-opacity="{entry.fill_opacity:g}"/>'
                )
            parts.append(_text(sx + sample + gap, middle + size * 0.35, entry.label, size, "start"))
        self._body.extend(parts)

    # the frame

    def _grid(self) -> list[str]:
        """Light lines at the x ticks and, with ``y_grid``, at the y ticks (or the categories)."""
        left, top, right, bottom = self.area
        grid = Stroke(GRID, 0.6).attrs()
        out = [
            f'<line x1="{x:.2f}" y1="{top:.2f}" x2="{x:.2f}" y2="{bottom:.2f}" {grid}/>'
            for x in map(self.x, self.x_ticks)
        ]
        if self.y_grid:
            rows = range(len(self.y_tick_labels)) if self.y_tick_labels is not None else self.y_ticks
            out += [
                f'<line x1="{left:.2f}" y1="{y:.2f}" x2="{right:.2f}" y2="{y:.2f}" {grid}/>'
                for y in map(self.y, rows)
            ]
        return out

    def _frame(self) -> list[str]:
        left, top, right, bottom = self.area
        axis = Stroke(FOREGROUND, 0.8)
        out = [
            f'<rect x="{left:.2f}" y="{top:.2f}" width="{right - left:.2f}" height="{bottom - top:.2f}"'
            f" {axis.attrs()}/>"
        ]
        for value in self.x_ticks:
            x = self.x(value)
            out.append(
                f'<line x1="{x:.2f}" y1="{bottom:.2f}" x2="{x:.2f}" y2="{bottom + TICK:.2f}" {axis.attrs()}/>'
            )
            baseline = bottom + TICK + PAD + TICK_SIZE * 0.9
            out.append(_text(x, baseline, self.x_format(value), TICK_SIZE, "middle"))
        if self.y_tick_labels is not None:
            for row, lines in enumerate(self.y_tick_labels):
                y = self.y(row)
                out.append(
                    f'<line x1="{left - TICK:.2f}" y1="{y:.2f}" x2="{left:.2f}" y2="{y:.2f}" {axis.attrs()}/>'
                )
                step = CATEGORY_SIZE * 1.2
                first = y - step * (len(lines) - 1) / 2 + CATEGORY_SIZE * 0.35
                for index, line in enumerate(lines):
                    out.append(_text(left - TICK - PAD, first + index * step, line, CATEGORY_SIZE, "end"))
        else:
            for value in self.y_ticks:
                y = self.y(value)
                out.append(
                    f'<line x1="{left - TICK:.2f}" y1="{y:.2f}" x2="{left:.2f}" y2="{y:.2f}" {axis.attrs()}/>'
                )
                label = self.y_format(value)
                out.append(_text(left - TICK - PAD, y + TICK_SIZE * 0.35, label, TICK_SIZE, "end"))
        if self.title:
            out.append(_text((left + right) / 2, 6.0 + 9.5, self.title, 9.5, "middle"))
        if self.x_label:
            out.append(_text((left + right) / 2, self.height - 6.0, self.x_label, 8.5, "middle"))
        if self.y_label:
            x, y = 6.0 + 8.5, (top + bottom) / 2
            out.append(_text(x, y, self.y_label, 8.5, "middle", rotate=True))
        return out

    def svg(self) -> bytes:
        left, top, right, bottom = self.area
        clip = f'<defs><clipPath id="area"><rect x="{left:.2f}" y="{top:.2f}" width="{right - left:.2f}" height="{bottom - top:.2f}"/></clipPath></defs>'
        body = "".join(self._body)
        lines = [
            '<?xml version="1.0" encoding="utf-8"?>',
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" width="{self.width:.2f}pt"'
            f' height="{self.height:.2f}pt" viewBox="0 0 {self.width:.2f} {self.height:.2f}">',
            clip,
            f'<rect x="0" y="0" width="{self.width:.2f}" height="{self.height:.2f}" fill="#ffffff"/>',
            *self._grid(),
            f'<g clip-path="url(#area)">{body}</g>',
            *self._frame(),
            "</svg>",
        ]
        return "\n".join(lines).encode("utf-8")


def _points(points: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{x:.2f},{y:.2f}" for x, y in points)


def _text(x: float, y: float, text: str, size: float, anchor: str, *, rotate: bool = False) -> str:
    turn = f' transform="rotate(-90 {x:.2f} {y:.2f})"' if rotate else ""
    return (
        f'<text x="{x:.2f}" y="{y:.2f}" text-anchor="{anchor}" fill="{FOREGROUND}"'
        f' style="font-family: sans-serif; font-size: {size:g}px"{turn}>{escape(text, quote=False)}</text>'
    )
