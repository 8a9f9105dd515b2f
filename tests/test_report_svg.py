"""The report's SVG charts: round ticks inside the range, valid SVG that Qt draws, every datum drawn."""

from __future__ import annotations

import itertools
import math
import xml.etree.ElementTree as ET

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ftplanner.cli.report import example_plan_path
from ftplanner.core.plan import load_plan
from ftplanner.plots.palette import ACCENT, NEGATIVE
from ftplanner.report import build_report
from ftplanner.report.charts import fan_chart, histogram_chart, tornado_chart, with_family
from ftplanner.report.strings import Words
from ftplanner.report.svg import LegendEntry, Plot, Stroke, nice_ticks, text_width

SVG = "{http://www.w3.org/2000/svg}"
finite = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False)


@settings(max_examples=300, deadline=None)
@given(
    low=finite, span=st.floats(min_value=1e-3, max_value=1e12), bins=st.integers(2, 12), integer=st.booleans()
)
def test_ticks_are_round_evenly_spaced_and_inside_the_range(low, span, bins, integer):
    assume(span > abs(low) * 1e-6)  # a chart's range, not a rounding error's
    high = low + span
    ticks = nice_ticks(low, high, bins, integer=integer)
    assert ticks or (integer and math.floor(high) < low), (low, high, bins)
    assert len(ticks) <= bins + 1
    step = ticks[1] - ticks[0] if len(ticks) > 1 else None
    for tick in ticks:
        assert low - abs(span) * 1e-6 <= tick <= high + abs(span) * 1e-6
    if step is not None:
        mantissa = step / 10 ** math.floor(math.log10(step))
        assert any(math.isclose(mantissa, m, rel_tol=1e-6) for m in (1, 2, 2.5, 5, 10))
        if integer:
            assert step >= 1
        for a, b in itertools.pairwise(ticks):
            assert math.isclose(b - a, step, rel_tol=1e-6, abs_tol=step * 1e-6)


def test_ticks_of_an_empty_or_odd_range():
    flat = nice_ticks(5, 5, 5)  # one value: a range of one unit above it
    assert flat[0] == 5.0 and math.isclose(flat[-1], 6.0)
    assert nice_ticks(float("nan"), 1, 5) == []
    assert 0.0 in nice_ticks(-1, 1, 4) and "-0" not in f"{nice_ticks(-1, 1, 4)[2]:,.0f}"


def test_text_width_counts_wide_characters_as_a_full_em():
    assert text_width("学習", 10) == 20
    assert text_width("1,0", 10) < text_width("ABC", 10)


def test_labels_are_escaped_and_the_svg_is_valid_for_qt(qapp):
    from PySide6.QtCore import QByteArray
    from PySide6.QtSvg import QSvgRenderer

    plot = Plot(
        4, 2, (0, 10), (0, 5), title="R&D <costs>", x_label="a < b", x_ticks=[0, 5, 10], y_ticks=[0, 5]
    )
    plot.line([0, 10], [0, 5], Stroke("#000000", 1.0, (3.7, 1.6)))
    plot.legend([LegendEntry("\"quoted\" & 'single'", Stroke("#000000"))])
    svg = plot.svg()
    root = ET.fromstring(svg)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "R&D <costs>" in texts and "a < b" in texts
    renderer = QSvgRenderer(QByteArray(with_family(svg, "DejaVu Sans")))
    assert renderer.isValid()


def _report_result():
    plan_path = example_plan_path()
    content = build_report(load_plan(plan_path), plan_path, draws=500)
    return content.roi


def test_every_bin_band_and_bar_of_the_result_is_drawn():
    result = _report_result()
    words = Words("en")
    histogram = ET.fromstring(histogram_chart(result, "USD", words).svg())
    bars = [r for r in histogram.iter(f"{SVG}rect") if r.get("fill") in (ACCENT, NEGATIVE)]
    counts = result.monte_carlo.histogram.counts
    assert len(bars) == sum(1 for c in counts if c)
    edges = result.monte_carlo.histogram.edges
    reds = sum(1 for left, c in zip(edges, counts, strict=False) if c and left < 0)
    assert sum(1 for r in bars if r.get("fill") == NEGATIVE) == reds
    fan = ET.fromstring(fan_chart(result, "USD", words).svg())
    band = next(fan.iter(f"{SVG}polygon"))
    assert len(band.get("points").split()) == 2 * len(result.monte_carlo.fan)
    texts = {t.text for t in fan.iter(f"{SVG}text")}
    assert {"Median (P50)", "Likely values", "Cumulative net cash by month"} <= texts
    tornado = tornado_chart(result, "USD", words)
    assert tornado is not None
    root = ET.fromstring(tornado.svg())
    assert len([r for r in root.iter(f"{SVG}rect") if r.get("height") in ("12.00", "9.00")]) == 2 * min(
        10, len(result.tornado)
    )


def test_bars_start_at_the_likely_npv_and_end_at_each_input_value():
    result = _report_result()
    plot = tornado_chart(result, "USD", Words("en"))
    assert plot is not None
    npv = result.deterministic.npv
    first = result.tornado[0]
    root = ET.fromstring(plot.svg())
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("height") == "12.00"][:2]
    for rect, end in zip(bars, (first.npv_low, first.npv_high), strict=True):
        left, width = float(rect.get("x")), float(rect.get("width"))
        assert {round(left, 1), round(left + width, 1)} == {round(plot.x(npv), 1), round(plot.x(end), 1)}
