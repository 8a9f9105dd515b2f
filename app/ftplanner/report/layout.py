"""The report as a sequence of HTML blocks and charts, in the subset of HTML that Qt's text engine lays out.

Every text comes from the figures dict (:func:`ftplanner.report.figures.report_figures`), so the PDF prints
exactly what ``ftplanner report --json`` lists. No bold type is used: only one (regular) weight of each font
is embedded, and a synthesised bold would print each letter twice in the extracted text.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from ftplanner.core.roi import RoiResult
from ftplanner.report.charts import fan_chart, histogram_chart, tornado_chart
from ftplanner.report.strings import Words
from ftplanner.report.svg import Plot

STYLE = """
p { margin-top: 0; margin-bottom: 3pt; }
.title { font-size: 17pt; color: #1d4f91; margin-bottom: 2pt; }
.subtitle { font-size: 11pt; color: #333333; margin-bottom: 6pt; }
.h2 { font-size: 12.5pt; color: #1d4f91; margin-top: 12pt; margin-bottom: 4pt; }
.h3 { font-size: 10pt; color: #1d4f91; margin-top: 6pt; margin-bottom: 3pt; }
.note { font-size: 7.5pt; color: #444444; }
.small { font-size: 7pt; color: #444444; }
.meta { font-size: 8.5pt; color: #333333; }
table { border-collapse: collapse; }
td { padding: 2.5pt 4pt; border: 0.5pt solid #b8c4d6; vertical-align: top; }
td.head { background-color: #e3ebf6; color: #1d2b3a; }
td.key { background-color: #f3f6fa; }
.warn { font-size: 8pt; margin-bottom: 2pt; }
"""


@dataclass(frozen=True)
class Chart:
    """An SVG chart at its natural size in inches."""

    svg: bytes
    width_in: float
    height_in: float


@dataclass(frozen=True)
class PageBreak:
    """The next part starts on a new page."""


Part = str | Chart | PageBreak


def _e(text: Any) -> str:
    return escape(str(text))


def _table(rows: list[list[str]], numeric: set[int] = frozenset(), size: str = "8pt") -> str:
    """A table whose first row is the header (cells already escaped); the PDF writer sizes its columns."""
    lines = [f'<table width="100%" cellspacing="0" style="font-size: {size};">']
    for index, row in enumerate(rows):
        cells = []
        for col, cell in enumerate(row):
            attrs = ' class="head"' if index == 0 else ""
            if col in numeric:
                attrs += ' align="right"'
            cells.append(f"<td{attrs}>{cell}</td>")
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.append("</table>")
    return "".join(lines)


def _pairs(pairs: list[tuple[str, str]], size: str = "8.5pt") -> str:
    rows = "".join(f'<tr><td class="key" width="34%">{_e(k)}</td><td>{_e(v)}</td></tr>' for k, v in pairs)
    return f'<table width="100%" cellspacing="0" style="font-size: {size};">{rows}</table>'


def _chart(plot: Plot) -> Chart:
    return Chart(plot.svg(), plot.width_in, plot.height_in)


def header(f: dict[str, Any], w: Words) -> str:
    plan = f["plan"]
    lines = [f'<p class="title">{_e(w("title"))}</p>', f'<p class="subtitle">{_e(plan["name"])}</p>']
    if plan.get("description"):
        lines.append(f'<p class="meta">{_e(plan["description"])}</p>')
    meta = [
        (w("generated"), str(f["generated"]).replace("T", " ")),
        (w("judged_on"), str(f["today"])),
    ]
    if plan["path"]:
        meta.append((w("plan_file"), plan["path"]))
    currency = plan["currency"]
    rate = "" if currency == "USD" else f" ({w('rate', rate=plan['exchange_rate'], currency=currency)})"
    meta.append((w("currency"), currency + rate))
    lines.append(_pairs(meta))
    return "".join(lines)


def summary_section(f: dict[str, Any], w: Words) -> str:
    """Page 1 opens with the answer: the model, what it costs, when it pays back, what could go wrong."""
    shown = f["summary"]["display"]
    html = [f'<p class="h2">{_e(w("exec_summary"))}</p>']
    model = shown["model"] + (f" ({shown['provider']})" if shown["provider"] else "")
    pairs = [
        (w("recommended_model"), model),
        (w("why"), shown["reason"]),
        (w("s_training"), shown["training"]),
        (w("s_time"), shown["time"]),
        (w("s_running"), shown["running"]),
    ]
    if f["roi"] is not None:
        pairs += [
            (w("s_npv"), shown["npv"]),
            (w("s_roi"), shown["roi_pct"]),
            (w("s_payback"), shown["payback"]),
            (w("s_chance"), shown["chance"]),
        ]
    html.append(_pairs(pairs, size="9pt"))
    html.append(f'<p class="h3">{_e(w("top_risks"))}</p>')
    risks = shown["risks"] or [w("no_risks")]
    html += [f'<p class="warn">• {_e(text)}</p>' for text in risks]
    return "".join(html)


def dataset_section(f: dict[str, Any], w: Words) -> str:
    d = f["dataset"]
    shown = d["display"]
    pairs = [(w("dataset_file"), d["path"] or "—"), (w("dataset_state"), shown["state"])]
    if d["examples"] is not None:
        pairs += [
            (w("format"), d["format"] or "—"),
            (w("encoding"), d["encoding"]),
            (w("examples"), shown["examples"]),
            (w("billing_tokens"), shown["billing_tokens_per_epoch"]),
            (w("epochs"), shown["epochs"]),
            (w("charged_tokens"), shown["charged_tokens"]),
            (w("errors"), shown["errors"]),
            (w("data_warnings"), f"{d['warning_count']:,}"),
        ]
    html = f'<p class="h2">{_e(w("dataset"))}</p>' + _pairs(pairs)
    if d["warnings"]:
        html += "".join(f'<p class="note">• {_e(text)}</p>' for text in d["warnings"])
    return html


def comparison_section(f: dict[str, Any], w: Words) -> list[str]:
    """The comparison table, then the numbered price sources (each kept whole on a page)."""
    html = [f'<p class="h2">{_e(w("comparison"))}</p>']
    rows = f["comparison"]
    if not rows:
        return [html[0] + f"<p>{_e(w('no_models'))}</p>"]
    plan = f["plan"]
    traffic = plan["traffic"]
    epochs = f["dataset"]["display"]["epochs"]
    if traffic and traffic["requests_per_month"]:
        html.append(
            '<p class="note">'
            + _e(
                w(
                    "comparison_note",
                    epochs=epochs,
                    requests=f"{traffic['requests_per_month']:,}",
                    input=f"{traffic['input_tokens']:,}",
                    output=f"{traffic['output_tokens']:,}",
                    months=plan["months"],
                )
            )
            + "</p>"
        )
    else:
        html.append(f'<p class="note">{_e(w("no_traffic"))}</p>')
    table = [
        [
            _e(w("col_model")),
            _e(w("col_training")),
            _e(w("col_time")),
            _e(w("col_inference")),
            _e(w("col_hosting")),
            _e(w("col_tco", months=plan["months"])),
            _e(w("col_status")),
            _e(w("col_as_of")),
        ]
    ]
    for row in rows:
        shown = row["display"]
        mark = f' <span class="small">({_e(w("chosen_mark"))})</span>' if row.get("chosen") else ""
        model = f'{_e(shown["model"])}{mark}<br/><span class="small">{_e(shown["key"])}</span>'
        if "error" in shown:
            table.append([model, f'<span class="small">{_e(shown["error"])}</span>', "", "", "", "", "", ""])
            continue
        table.append(
            [
                model,
                _e(shown["training"]),
                _e(shown["time"]),
                _e(shown["inference"]),
                _e(shown["hosting"]),
                _e(shown["tco"]),
                _e(shown["status"]).replace(" · ", "<br/>"),
                f'{_e(shown["as_of"])}<br/><span class="small">{_e(shown["sources"])}</span>',
            ]
        )
    html.append(_table(table, numeric={1, 3, 4, 5}, size="7.5pt"))
    if f.get("tco_note"):
        html.append(f'<p class="note">{_e(f["tco_note"])}</p>')
    parts = ["".join(html)]
    if f["sources"]:
        sources = [f'<p class="h3">{_e(w("sources"))}</p>']
        sources += [f'<p class="small">[{i}] {_e(url)}</p>' for i, url in enumerate(f["sources"], start=1)]
        parts.append("".join(sources))
    return parts


def roi_section(f: dict[str, Any], w: Words, result: RoiResult | None) -> list[Part]:
    head = f'<p class="h2">{_e(w("roi"))}</p>'
    roi = f["roi"]
    if roi is None or result is None:
        return [head + f"<p>{_e(w('no_scenario'))}</p>"]
    shown = roi["display"]
    mc = roi["monte_carlo"]
    rate = w("percent", value=f"{roi['discount_rate_annual'] * 100:.2f}")
    lines = [
        head,
        f'<p class="h3">{_e(w("scenario"))}: {_e(roi["name"])}</p>',
        '<p class="meta">'
        + _e(
            " · ".join(
                [
                    w("horizon", months=roi["horizon_months"], start=roi["start"]),
                    w("discount", rate=rate),
                    w("draws", draws=f"{mc['draws']:,}", seed=mc["seed"]),
                ]
            )
        )
        + "</p>",
    ]
    cards = [
        [_e(w("figure")), _e(w("likely")), "P10", "P50", "P90"],
        [_e(w("npv"))] + [_e(shown[k]) for k in ("npv", "npv_p10", "npv_p50", "npv_p90")],
        [_e(w("roi_pct"))] + [_e(shown[k]) for k in ("roi_pct", "roi_pct_p10", "roi_pct_p50", "roi_pct_p90")],
        [_e(w("payback"))] + [_e(shown[k]) for k in ("payback", "payback_p10", "payback_p50", "payback_p90")],
    ]
    lines.append(_table(cards, numeric={1, 2, 3, 4}, size="9pt"))
    lines.append("<p></p>")
    lines.append(
        _pairs(
            [
                (w("irr"), shown["irr_annual"]),
                (w("prob_roi"), shown["prob_roi_positive"]),
                (w("prob_npv"), shown["prob_npv_positive"]),
                (w("prob_payback"), shown["prob_payback"]),
                (w("total_cost"), shown["total_cost"]),
                (w("total_benefit"), shown["total_benefit"]),
            ]
        )
    )
    currency = roi["currency"]
    parts: list[Part] = [
        "".join(lines),
        _chart(fan_chart(result, currency, w)),
        _chart(histogram_chart(result, currency, w)),
    ]
    tornado = tornado_chart(result, currency, w)
    if tornado is None:
        parts.append(f'<p class="note">{_e(w("tornado_none"))}</p>')
    else:
        parts.append(_chart(tornado))
    return parts


def assumptions_section(f: dict[str, Any], w: Words) -> list[str]:
    """The plan's inputs, the ROI's model costs and the scenario's lines: one group each."""
    plan = f["plan"]
    traffic = plan["traffic"]
    html = [
        f'<p class="h2">{_e(w("assumptions"))}</p>',
        f'<p class="h3">{_e(w("plan_inputs"))}</p>',
    ]
    pairs = [
        (w("models"), ", ".join(row["model"] for row in f["comparison"]) or "—"),
        (w("epochs"), f["dataset"]["display"]["epochs"]),
        (w("ownership"), w("months_value", months=plan["months"])),
        (w("currency"), plan["currency"]),
    ]
    if traffic:
        pairs.insert(
            2,
            (
                w("traffic"),
                w(
                    "traffic_value",
                    requests=f"{traffic['requests_per_month']:,}",
                    input=f"{traffic['input_tokens']:,}",
                    output=f"{traffic['output_tokens']:,}",
                ),
            ),
        )
    html.append(_pairs(pairs))
    groups = ["".join(html)]
    if f["linked"]:
        html = [f'<p class="h3">{_e(w("linked_title"))}</p>']
        html.append(f'<p class="note">{_e(w("linked_note"))}</p>')
        table = [[_e(w("col_input")), _e(w("col_value")), _e(w("col_source"))]]
        table += [[_e(item["name"]), _e(item["value"]), _e(item["source"])] for item in f["linked"]]
        html.append(_table(table, numeric={1}, size="7.5pt"))
        groups.append("".join(html))
    if f["assumptions"]:
        html = [f'<p class="h3">{_e(w("scenario"))}</p>']
        html.append(f'<p class="note">{_e(w("assumptions_note"))}</p>')
        table = [
            [
                _e(w("col_input")),
                _e(w("col_side")),
                _e(w("col_timing")),
                _e(w("col_dist")),
                _e(w("col_low")),
                _e(w("likely")),
                _e(w("col_high")),
            ]
        ]
        for item in f["assumptions"]:
            shown = item["display"]
            table.append(
                [
                    _e(item["name"]),
                    _e(shown["side"]),
                    _e(shown["timing"]),
                    _e(shown["dist"]),
                    _e(shown["low"]),
                    _e(shown["likely"]),
                    _e(shown["high"]),
                ]
            )
        html.append(_table(table, numeric={4, 5, 6}, size="7.5pt"))
        groups.append("".join(html))
    return groups


def definitions_section(w: Words) -> str:
    keys = ("def_months", "def_npv", "def_roi", "def_irr", "def_payback", "def_mc", "def_tco")
    return f'<p class="h2">{_e(w("definitions"))}</p>' + "".join(
        f'<p class="warn">• {_e(w(key))}</p>' for key in keys
    )


def warnings_section(f: dict[str, Any], w: Words) -> str:
    html = f'<p class="h2">{_e(w("warnings"))}</p>'
    if not f["warnings"]:
        return html + f"<p>{_e(w('no_warnings'))}</p>"
    return html + "".join(f'<p class="warn">• {_e(item["message"])}</p>' for item in f["warnings"])


def document_parts(f: dict[str, Any], lang: str, roi: RoiResult | None) -> list[Part]:
    """The whole report in reading order: the texts from the figures dict, the charts from the ROI result.

    Each part is kept whole on a page when it fits on one; the parts flow, so a page ends only where the
    next part does not fit.
    """
    w = Words(lang)
    return [
        header(f, w) + summary_section(f, w),
        dataset_section(f, w),
        *comparison_section(f, w),
        *roi_section(f, w, roi),
        *assumptions_section(f, w),
        definitions_section(w),
        warnings_section(f, w),
    ]
