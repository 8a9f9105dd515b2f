"""The report's figures as shown: each raw value next to the text the PDF prints for it.

:func:`report_figures` is what ``ftplanner report --json`` prints; the PDF and the CSV files are drawn from
the same dict, so a test can compare the PDF's text with it. Raw values follow the other commands' JSON:
estimates as ``ftplanner estimate --json`` (exact decimal strings), ROI as ``ftplanner roi --json``.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from ftplanner.core import formatting
from ftplanner.core.estimate import Estimate
from ftplanner.core.evaluation import evaluation_to_dict
from ftplanner.core.messages import render
from ftplanner.core.recommendation import Risk
from ftplanner.core.roi import result_to_dict
from ftplanner.report.content import (
    W_APPROXIMATE,
    ModelRow,
    ReportContent,
    ReportWarning,
)
from ftplanner.report.strings import Words


def source_list(content: ReportContent) -> list[str]:
    """Every price source of the compared models, once, in table order (numbered from 1 in the PDF)."""
    found: dict[str, None] = {}
    for row in content.rows:
        if row.entry is not None:
            found.update(dict.fromkeys(row.entry.sources))
            found.update(dict.fromkeys(row.entry.running_sources))
    return list(found)


def _status(row: Estimate, words: Words) -> str:
    parts = [words("status_open") if row.launchable else words("status_closed")]
    if row.retires_on is not None:
        text = words("status_retires", date=row.retires_on.isoformat())
        if row.retirement_unconfirmed:
            text += words("status_unconfirmed")
        parts.append(text)
    return " · ".join(parts)


def row_display(row: ModelRow, words: Words, sources: list[str]) -> dict[str, str]:
    """The comparison cells of one row, as printed."""
    est = row.estimate
    name = row.entry.display_name if row.entry is not None else row.key
    if est is None:
        return {
            "model": name,
            "key": row.key,
            "error": words("no_estimate", reason=render(row.error, words.lang)),
        }
    cur = est.currency
    training = words.money(est.training_cost, cur)
    if est.training_cost is not None and not est.exact_tokens:
        training = "≈" + training
    tco = words.money(est.tco, cur)
    if est.tco is not None and not est.tco_complete:
        tco = "≥" + tco
    as_of = est.price_as_of.isoformat() + (f" ({words('stale')})" if est.stale else "")
    cited = dict.fromkeys((*est.sources, *est.running_costs_sources))
    refs = " ".join(f"[{sources.index(s) + 1}]" for s in cited if s in sources)
    inference = words.money(est.inference_cost_per_month, cur)
    if not est.inference_price_known:
        inference = words("unknown")
    elif est.serving == "dedicated" and est.inference_cost_per_month is not None:
        inference = words("in_hosting")
    return {
        "model": name,
        "key": row.key,
        "training": training,
        "time": words.time_range(est.time_p10_minutes, est.time_p90_minutes),
        "inference": inference,
        "hosting": words.money(est.hosting_cost_per_month, cur) if est.hosting_known else words("unknown"),
        "tco": tco,
        "status": _status(est, words),
        "as_of": as_of,
        "sources": refs,
    }


def tco_note(content: ReportContent, words: Words) -> str:
    """The footnote saying which rows' TCO is complete (empty when no row has a TCO)."""
    estimated = [row for row in content.rows if row.estimate is not None and row.estimate.tco is not None]
    incomplete = [row for row in estimated if row.estimate is not None and not row.estimate.tco_complete]
    if not estimated:
        return ""
    if not incomplete:
        return words("tco_complete_all")
    names = ", ".join(row.entry.display_name if row.entry else row.key for row in incomplete)
    return words("tco_incomplete", count=len(incomplete), total=len(estimated), models=names)


def warning_text(warning: ReportWarning, words: Words, names: dict[str, str]) -> str:
    """One warning in the report's language."""
    values = dict(warning.values)
    model = names.get(warning.model, warning.model)
    if warning.kind == W_APPROXIMATE:
        return words("w_approximate_tokens", model=model, encoding=values["encoding"])
    fill: dict[str, Any] = {"model": model, "text": render(warning.text, words.lang)}
    for key, value in values.items():
        fill[key] = value.isoformat() if hasattr(value, "isoformat") else value
    if "counted" in values:
        fill["counted"] = f"{values['counted']:.1f}"
        fill["unconfirmed"] = words("unconfirmed") if values.get("unconfirmed") else ""
    return words(f"w_{warning.kind}", **fill)


def roi_display(content: ReportContent, words: Words) -> dict[str, Any]:
    """The ROI cards as printed: likely value and P10 / P50 / P90 of each headline figure."""
    roi = content.roi
    if roi is None:
        return {}
    det, mc, cur = roi.deterministic, roi.monte_carlo, roi.scenario.currency
    return {
        "npv": words.money(det.npv, cur),
        "npv_p10": words.money(mc.npv.p10, cur),
        "npv_p50": words.money(mc.npv.p50, cur),
        "npv_p90": words.money(mc.npv.p90, cur),
        "roi_pct": words.percent(det.roi_pct),
        "roi_pct_p10": words.percent(mc.roi_pct.p10),
        "roi_pct_p50": words.percent(mc.roi_pct.p50),
        "roi_pct_p90": words.percent(mc.roi_pct.p90),
        "irr_annual": words.rate(det.irr_annual),
        "payback": words.month(det.payback_month),
        "payback_p10": words.month(mc.payback_month.p10),
        "payback_p50": words.month(mc.payback_month.p50),
        "payback_p90": words.month(mc.payback_month.p90),
        "prob_roi_positive": words.rate(mc.prob_roi_positive),
        "prob_npv_positive": words.rate(mc.prob_npv_positive),
        "prob_payback": words.rate(mc.prob_payback),
        "total_cost": words.money(det.total_cost, cur),
        "total_benefit": words.money(det.total_benefit, cur),
    }


def risk_text(risk: Risk, words: Words) -> str:
    """One of the summary's risks in the report's language (the core's English when there is no wording)."""
    key = f"risk_{risk.code}"
    if not words.has(key):
        return risk.text
    fill = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in risk.values.items()}
    if "chance" in fill:
        fill["chance"] = words.rate(fill["chance"])
    if "error" in fill:
        fill["error"] = f"{fill['error']:.0%}"
    return words(key, **fill)


def summary_display(content: ReportContent, words: Words) -> dict[str, Any]:
    """The executive summary as printed: the chosen model and why, its costs, the ROI ranges, the risks."""
    s, cur = content.summary, content.currency
    rec = content.recommendation
    reason = (
        words(f"why_{rec.code}", **{k: str(v) for k, v in rec.values.items()})
        if words.has(f"why_{rec.code}")
        else rec.text
    )
    training = formatting.money_range(
        s.training_cost, s.training_cost_low, s.training_cost_high, cur, words.units
    )
    return {
        "model": s.display_name or words("no_choice"),
        "provider": s.provider,
        "reason": reason,
        "training": training,
        "time": words.time_range(s.time_p10_minutes, s.time_p90_minutes),
        "running": words.money(s.running_cost_per_month, cur),
        "npv": formatting.triple((s.npv_p10, s.npv_p50, s.npv_p90), lambda v: words.money(v, cur)),
        "roi_pct": formatting.triple(
            (s.roi_percent_p10, s.roi_percent_p50, s.roi_percent_p90), words.percent
        ),
        "payback": formatting.triple(
            (s.payback_month_p10, s.payback_month_p50, s.payback_month_p90), words.month
        ),
        "chance": words.rate(s.chance_roi_positive),
        "risks": [risk_text(risk, words) for risk in s.risks],
    }


def linked_display(content: ReportContent, words: Words) -> list[dict[str, str]]:
    """The ROI's model costs as printed: value, and whether it comes from the estimate or an override."""
    out = []
    for link in content.linked:
        amount = link.amount
        value = (
            words("unknown")
            if amount is None
            else formatting.money_range(amount.likely, amount.low, amount.high, content.currency, words.units)
        )
        source = words(f"linked_{link.source}")
        if link.overridden and link.linked is not None:
            source += (
                " ("
                + words("linked_estimate_was", value=words.money(link.linked.likely, content.currency))
                + ")"
            )
        out.append(
            {"key": link.key, "name": words(f"linked_key_{link.key}"), "value": value, "source": source}
        )
    return out


def linked_text(content: ReportContent, words: Words) -> str:
    """One CSV cell: every model cost of the ROI with its source."""
    return " | ".join(
        f"{item['name']}: {item['value']} ({item['source']})" for item in linked_display(content, words)
    )


def input_display(content: ReportContent, words: Words) -> list[dict[str, Any]]:
    cur = content.roi.scenario.currency if content.roi is not None else content.currency
    out = []
    for row in content.inputs:
        if row.first_month is None:
            timing = words("timing_none")
        elif row.months_active == 1:
            timing = words("timing_once", month=row.first_month)
        else:
            key = "timing_ramp" if row.ramp else "timing_monthly"
            timing = words(key, first=row.first_month, last=row.last_month)
        out.append(
            {
                "name": render(row.name, words.lang),
                "side": row.side,
                "dist": row.dist,
                "low": row.low,
                "likely": row.likely,
                "high": row.high,
                "first_month": row.first_month,
                "last_month": row.last_month,
                "display": {
                    "side": words(row.side),
                    "timing": timing,
                    "dist": words.dist(row.dist),
                    "low": words.money(row.low, cur),
                    "likely": words.money(row.likely, cur),
                    "high": words.money(row.high, cur),
                },
            }
        )
    return out


def report_figures(content: ReportContent, lang: str) -> dict[str, Any]:
    """Everything the PDF shows, raw and as printed (``display``), in one JSON-ready dict."""
    words = Words(lang)
    sources = source_list(content)
    names = {row.key: (row.entry.display_name if row.entry else row.key) for row in content.rows}
    d = content.dataset
    dataset = {
        **asdict(d),
        "display": {
            "state": words(f"state_{d.state}"),
            "examples": words.count(d.examples),
            "billing_tokens_per_epoch": words.count(d.billing_tokens_per_epoch),
            "charged_tokens": words.count(d.charged_tokens),
            "epochs": (
                "—"
                if d.epochs is None
                else words("epochs_auto", epochs=d.epochs)
                if d.epochs_auto
                else str(d.epochs)
            ),
            "errors": words.count(d.errors),
        },
    }
    comparison = []
    chosen = content.recommendation.model
    for row in content.rows:
        item: dict[str, Any] = {"model": row.key, "error": row.error}
        if row.estimate is not None:
            item.update(row.estimate.to_dict())
        item["chosen"] = row.key == chosen
        item["roi_inputs"] = linked_text(content, words) if row.key == chosen else ""
        item["display"] = row_display(row, words, sources)
        comparison.append(item)
    roi: dict[str, Any] | None = None
    evaluation = evaluation_to_dict(content)
    if content.roi is not None:
        roi = result_to_dict(content.roi)
        roi["display"] = roi_display(content, words)
        roi["linked"] = evaluation["roi"]["linked"]
    traffic = asdict(content.traffic) if content.traffic is not None else None
    return {
        "title": words("title"),
        "lang": lang,
        "currency": content.currency,
        "summary": {**evaluation["summary"], "display": summary_display(content, words)},
        "recommendation": evaluation["recommendation"],
        "models": evaluation["models"],
        "plan": {
            "name": content.plan_name,
            "description": content.plan_description,
            "path": content.plan_path,
            "currency": content.currency,
            "exchange_rate": content.exchange_rate,
            "months": content.months,
            "epochs": content.epochs,
            "traffic": traffic,
        },
        "generated": content.generated,
        "today": content.today,
        "dataset": dataset,
        "comparison": comparison,
        "tco_note": tco_note(content, words),
        "sources": sources,
        "roi": roi,
        "assumptions": input_display(content, words),
        "linked": linked_display(content, words),
        "warnings": [{**w.to_dict(), "message": warning_text(w, words, names)} for w in content.warnings],
    }
