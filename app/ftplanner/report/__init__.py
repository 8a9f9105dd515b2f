"""Reports a budget owner can send: a PDF of a plan, and CSV files of its comparison and cash flows.

One call per file, each a plain function with ``progress(fraction, text)`` and ``cancelled() -> bool``
(the shape of :mod:`ftplanner.gui.tasks`); all but the PDF's painting are safe to run on a worker thread.
Pass the ``catalog``, the ``analysis`` (one :class:`AnalysisResult` or one per encoding), the exchange
``rates`` or the ROI ``result`` when they are already in memory; what is not passed is computed from the
plan. To write several files from one computation, call :func:`build_report` once and pass its result as
``content``.

Only painting the PDF needs Qt (imported when called): :func:`prepare_pdf_report` does the slow part
anywhere, :func:`ftplanner.report.pdf.render_pdf` paints it on the Qt application's thread;
:func:`export_pdf` does both.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ftplanner.core.catalog import Catalog
from ftplanner.core.money import ExchangeRates
from ftplanner.core.plan import Plan
from ftplanner.core.result import AnalysisResult
from ftplanner.core.roi import DEFAULT_DRAWS, DEFAULT_SEED
from ftplanner.core.timemodel import TimeModel
from ftplanner.report.content import ReportContent
from ftplanner.report.csv_export import cashflows_csv, comparison_csv, write_csv
from ftplanner.report.figures import report_figures
from ftplanner.report.strings import LANGUAGES, Words

if TYPE_CHECKING:
    from ftplanner.report.pdf import PdfSource

PAGE_SIZES = ("a4", "letter")
Progress = Callable[[float, str], None]
CancelFlag = Callable[[], bool]

__all__ = [
    "LANGUAGES",
    "PAGE_SIZES",
    "ReportContent",
    "build_report",
    "export_cashflows_csv",
    "export_comparison_csv",
    "export_pdf",
    "prepare_pdf_report",
    "report_figures",
]


def build_report(
    plan: Plan,
    plan_path: Path | None = None,
    *,
    catalog: Catalog | None = None,
    analysis: AnalysisResult | Mapping[str, AnalysisResult] | None = None,
    rates: ExchangeRates | None = None,
    time_model: TimeModel | None = None,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    today: Any = None,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
) -> ReportContent:
    """The plan's evaluation (:func:`ftplanner.core.evaluation.evaluate_plan`) for a report.

    What is not passed is loaded as ``ftplanner plan`` loads it: the catalog with the plan's overrides, the
    user's rates and the time model calibrated with this machine's finished jobs.
    """
    from ftplanner.core.evaluation import evaluate_plan
    from ftplanner.core.plan_inputs import plan_catalog
    from ftplanner.jobs.calibration import calibrated_time_model

    if catalog is None:
        catalog = plan_catalog(plan, str(plan_path) if plan_path else plan.name, today)
    analyses = {analysis.encoding: analysis} if isinstance(analysis, AnalysisResult) else analysis
    return evaluate_plan(
        plan,
        plan_path,
        catalog=catalog,
        time_model=time_model if time_model is not None else calibrated_time_model(catalog),
        rates=rates if rates is not None else ExchangeRates.load(),
        analyses=analyses,
        draws=draws,
        seed=seed,
        progress=progress,
        cancel=cancel,
    )


def _content(
    plan: Plan,
    plan_path: Path | None,
    content: ReportContent | None,
    progress: Progress | None,
    cancel: CancelFlag | None,
    **given: Any,
) -> ReportContent:
    if content is not None:
        return content
    return build_report(plan, plan_path, progress=progress, cancel=cancel, **given)


def prepare_pdf_report(
    plan: Plan,
    plan_path: Path | None,
    *,
    lang: str = "en",
    page_size: str = "a4",
    catalog: Catalog | None = None,
    analysis: AnalysisResult | Mapping[str, AnalysisResult] | None = None,
    rates: ExchangeRates | None = None,
    time_model: TimeModel | None = None,
    content: ReportContent | None = None,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
) -> PdfSource:
    """The PDF report of ``plan`` ready to paint: texts, charts and font subsets (no Qt; any thread).

    :func:`ftplanner.report.pdf.render_pdf` writes it, on the thread owning the Qt application.
    """
    from ftplanner.report.layout import document_parts
    from ftplanner.report.pdf import prepare_pdf

    Words(lang)  # unknown language: ValueError before any work
    if page_size not in PAGE_SIZES:
        raise ValueError(f"unknown page size {page_size!r} (choose a4 or letter)")

    def early(fraction: float, text: str) -> None:
        if progress is not None:
            progress(0.8 * fraction, text)

    built = _content(
        plan,
        plan_path,
        content,
        early,
        cancel,
        catalog=catalog,
        analysis=analysis,
        rates=rates,
        time_model=time_model,
    )
    if progress is not None:
        progress(0.8, "pdf")
    figures = report_figures(built, lang)
    title = f"{Words(lang)('title')} — {built.plan_name}"
    source = prepare_pdf(
        document_parts(figures, lang, built.roi), lang=lang, page_size=page_size, title=title
    )
    if progress is not None:
        progress(1.0, "done")
    return source


def export_pdf(
    plan: Plan,
    plan_path: Path | None,
    out: Path,
    *,
    cancel: CancelFlag | None = None,
    **options: Any,
) -> None:
    """Write the PDF report of ``plan`` to ``out``; ``options`` as :func:`prepare_pdf_report` takes them.

    Paints with Qt: call on the thread owning the Qt application (the CLI's, created if none).
    Raises :class:`~ftplanner.core.errors.UserError` (message fit to show) and
    :class:`~ftplanner.core.errors.Cancelled`.
    """
    from ftplanner.report.pdf import render_pdf

    source = prepare_pdf_report(plan, plan_path, cancel=cancel, **options)
    render_pdf(source, Path(out), cancel=cancel)


def export_comparison_csv(
    plan: Plan,
    plan_path: Path | None,
    out: Path,
    *,
    lang: str = "en",
    catalog: Catalog | None = None,
    analysis: AnalysisResult | Mapping[str, AnalysisResult] | None = None,
    rates: ExchangeRates | None = None,
    content: ReportContent | None = None,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
) -> None:
    """Write the model comparison of ``plan`` as CSV (UTF-8 with BOM) to ``out``."""
    built = _content(
        plan, plan_path, content, progress, cancel, catalog=catalog, analysis=analysis, rates=rates
    )
    write_csv(Path(out), comparison_csv(report_figures(built, lang), lang))


def export_cashflows_csv(
    plan: Plan,
    plan_path: Path | None,
    out: Path,
    *,
    lang: str = "en",
    catalog: Catalog | None = None,
    analysis: AnalysisResult | Mapping[str, AnalysisResult] | None = None,
    rates: ExchangeRates | None = None,
    time_model: TimeModel | None = None,
    content: ReportContent | None = None,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
) -> None:
    """Write the monthly cash flows (likely, and P10/P50/P90 of the cumulative net) as CSV to ``out``."""
    built = _content(
        plan,
        plan_path,
        content,
        progress,
        cancel,
        catalog=catalog,
        analysis=analysis,
        rates=rates,
        time_model=time_model,
    )
    write_csv(Path(out), cashflows_csv(report_figures(built, lang), lang))
