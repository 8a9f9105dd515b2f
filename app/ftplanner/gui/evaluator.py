"""The open plan's evaluation, kept current in the background for the pages that render it."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ftplanner.core.evaluation import PlanEvaluation, evaluate_plan
from ftplanner.core.result import AnalysisResult
from ftplanner.core.roi import DEFAULT_DRAWS, DEFAULT_SEED
from ftplanner.gui.context import AppContext
from ftplanner.gui.document import PlanDocument
from ftplanner.gui.tasks import TaskRunner, analysis_task, live_threads


def evaluation_task(
    document: PlanDocument,
    context: AppContext,
    *,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    approaches: bool = False,
):
    """A task evaluating a snapshot of the document's plan with the app's catalog, rates and time model."""
    plan = copy.deepcopy(document.plan)  # the worker never sees later edits half-made
    path = document.path
    analyses = dict(document.analyses)
    catalog, rates, time_model = context.catalog, context.rates, context.time_model()

    def task(progress, cancelled) -> PlanEvaluation:
        return evaluate_plan(
            plan,
            path,
            catalog=catalog,
            time_model=time_model,
            rates=rates,
            analyses=analyses,
            analyze_missing=False,  # the evaluator analyses what is missing, one encoding at a time
            currency_fallback=True,
            draws=draws,
            seed=seed,
            approaches=approaches,
            progress=progress,
            cancel=cancelled,
        )

    return task


class PlanEvaluator(QObject):
    """Re-evaluates the plan (debounced) whenever it, the catalog or the rates change.

    Encodings the plan's models need and no page has analysed yet are analysed here, one at a time and only
    while no other background task runs (so a large dataset is never read twice at once); each result joins
    the document and the plan is evaluated again.
    """

    evaluated = Signal(object)  # PlanEvaluation
    failed = Signal(str)

    DEBOUNCE_MS = 300
    RETRY_MS = 1000

    def __init__(self, document: PlanDocument, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.context = context
        self.result: PlanEvaluation | None = None
        self.error = ""
        self.runner = TaskRunner(self)
        self._key: Any = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(self.DEBOUNCE_MS)
        self.timer.timeout.connect(self.run)
        self.runner.finished.connect(self._on_result)
        self.runner.failed.connect(self._on_failed)
        self.analysis = TaskRunner(self)
        self.analysis.finished.connect(self._on_analysis)
        self.analysis.failed.connect(self._on_analysis_failed)
        self._analysing: tuple[str, Path] | None = None
        self._failed: dict[str, str] = {}  # encoding -> why it could not be analysed
        self.retry = QTimer(self)
        self.retry.setSingleShot(True)
        self.retry.setInterval(self.RETRY_MS)
        self.retry.timeout.connect(self.analyse_missing)
        document.dataset_changed.connect(self._failed.clear)
        document.changed.connect(self.schedule)
        context.catalog_changed.connect(self.refresh)
        context.rates_changed.connect(self.refresh)

    def schedule(self) -> None:
        self.timer.start()

    def refresh(self) -> None:
        """Evaluate again even if the plan did not change (catalog, rates or time model did)."""
        self._key = None
        self.schedule()

    def _run_key(self) -> Any:
        return (self.document.plan.to_json(), str(self.document.path), tuple(sorted(self.document.analyses)))

    def run(self) -> None:
        self.timer.stop()
        key = self._run_key()
        if key == self._key:
            return
        self._key = key
        self.runner.start(evaluation_task(self.document, self.context))

    def _on_result(self, evaluation: PlanEvaluation) -> None:
        self.result = evaluation
        self.error = ""
        self.evaluated.emit(evaluation)
        self.analyse_missing()

    # ------------------------------------------------------------------ missing analyses
    def missing_encodings(self) -> list[str]:
        """Encodings of the plan's models with no analysis yet (that did not fail)."""
        path = self.document.dataset_path()
        if path is None or not path.is_file():
            return []
        catalog = self.context.catalog
        entries = [entry for entry in map(catalog.find, self.document.plan.models) if entry is not None]
        return [
            encoding
            for encoding in dict.fromkeys(entry.encoding for entry in entries)
            if encoding not in self.document.analyses and encoding not in self._failed
        ]

    def analyse_missing(self) -> None:
        missing = self.missing_encodings()
        if not missing or self.analysis.busy:
            return
        if any(thread.isRunning() for thread in live_threads()):
            self.retry.start()  # another analysis or evaluation runs: wait for it
            return
        path = self.document.dataset_path()
        assert path is not None
        self._analysing = (missing[0], path)
        self.analysis.start(analysis_task(path, missing[0], self.context.catalog.entries))

    def _on_analysis(self, result: AnalysisResult) -> None:
        pending, self._analysing = self._analysing, None
        if pending is None or pending[1] != self.document.dataset_path():
            return
        if result.encoding not in self.document.analyses:
            self.document.add_analysis(result)  # the plan is evaluated again, then the next encoding

    def _on_analysis_failed(self, message: str) -> None:
        if self._analysing is not None:
            self._failed[self._analysing[0]] = message
            self._analysing = None

    def _on_failed(self, message: str) -> None:
        self._key = None
        self.error = message
        self.failed.emit(message)

    def shutdown(self) -> None:
        self.timer.stop()
        self.retry.stop()
        self.runner.shutdown()
        self.analysis.shutdown()
