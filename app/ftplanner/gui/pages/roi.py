"""ROI page: edit the plan's ROI scenario and see, recomputed in the background, whether it pays back.

Left, the scenario editor; right, the headline cards (likely value and P10–P90 range), warnings, and charts:
cumulative cash fan chart, NPV histogram, tornado and the prompt engineering / RAG / fine-tuning comparison.
Every figure comes from the core (:func:`ftplanner.core.roi.evaluate_scenario`, ``result_to_dict``).
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ftplanner.core.errors import UserError
from ftplanner.core.messages import about
from ftplanner.core.money import format_money
from ftplanner.core.roi import Scenario, load_scenario, save_scenario
from ftplanner.core.roi.plan_json import plan_dict, toml_dict
from ftplanner.core.roi.scenario import scenario_from_dict
from ftplanner.core.roi_catalog import catalog_lookup
from ftplanner.core.roi_link import scenario_in_currency, split_overrides
from ftplanner.core.roi_outcome import RoiOutcome, money, outcome_of
from ftplanner.core.scenario_editing import EXAMPLES, bundled_scenario, editor_data, keep_fallbacks
from ftplanner.gui.charts import NEGATIVE
from ftplanner.gui.context import AppContext
from ftplanner.gui.document import PlanDocument
from ftplanner.gui.evaluator import evaluation_task
from ftplanner.gui.fault import FaultMarker, typing_inside
from ftplanner.gui.pages.roi_charts import Labels, RoiCharts
from ftplanner.gui.pages.roi_editor import ScenarioEditor
from ftplanner.gui.pages.roi_results import RoiResults
from ftplanner.gui.say import say_error
from ftplanner.gui.tasks import TaskRunner
from ftplanner.gui.widgets import TaskProgress, show_error


class RoiPage(QWidget):
    status = Signal(str)
    problem_changed = Signal(str)  # the scenario's error, "" once fixed

    DEBOUNCE_MS = 400

    def __init__(self, document: PlanDocument, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.context = context
        self.runner = TaskRunner(self)
        self.labels = Labels(self)
        self.outcome: RoiOutcome | None = None
        self._stored: dict[str, Any] | None = None  # the plan's scenario as this page last read or wrote it
        self._overrides: dict[str, Any] = {}
        self._run_key_plan: Any = None
        self._run_key: tuple[Any, ...] | None = None
        self._needs_run = True
        self._replacing = False
        self._folder = Path.home()

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(self.DEBOUNCE_MS)
        self.timer.timeout.connect(self._on_timer)

        # ------------------------------------------------------------ toolbar
        self.open_button = QPushButton(self.tr("Open scenario…"))
        self.open_button.setToolTip(self.tr("Replace this plan's scenario with a scenario TOML file"))
        self.open_button.clicked.connect(self.open_scenario)
        self.save_button = QPushButton(self.tr("Save scenario…"))
        self.save_button.setToolTip(self.tr("Write this scenario to a TOML file (for `ftplanner roi`)"))
        self.save_button.clicked.connect(self.save_scenario_dialog)
        self.examples_button = QToolButton()
        self.examples_button.setText(self.tr("Examples"))
        self.examples_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.examples_button)
        for key in EXAMPLES:
            action = menu.addAction(self.labels.approach(key))
            action.triggered.connect(lambda _=False, k=key: self.load_example(k))
        self.examples_button.setMenu(menu)
        self.progress = TaskProgress(self.runner, self.tr("Cancel"))
        self.progress.setMaximumWidth(320)
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.open_button)
        toolbar.addWidget(self.save_button)
        toolbar.addWidget(self.examples_button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.progress)

        self.error_label = QLabel()
        self.error_label.setObjectName("roiError")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setStyleSheet(f"color: {NEGATIVE}; font-weight: bold;")
        self.error_label.setVisible(False)
        self.fault = FaultMarker()

        # ------------------------------------------------------------- editor
        self.editor = ScenarioEditor()
        self.editor.set_catalog(context.catalog)
        self.editor_scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.editor)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(440)

        # ------------------------------------------------------------ results
        self.results = RoiResults(self.labels)
        self.cards, self.ranges = self.results.cards, self.results.ranges
        self.summary, self.warnings = self.results.summary, self.results.warnings
        self.definitions = self.results.definitions
        self.charts = RoiCharts(self.labels)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.charts)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([460, 640])
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.results)
        layout.addWidget(self.splitter, 1)

        self.editor.edited.connect(self._on_edited)
        self.runner.finished.connect(self._on_result)
        self.runner.failed.connect(self._on_failed)
        self.runner.cancelled.connect(self._on_cancelled)
        self.document.changed.connect(self._on_document_changed)
        self.context.catalog_changed.connect(self._on_catalog_changed)
        self.context.rates_changed.connect(self._on_catalog_changed)
        self._load_from_plan()

    # -------------------------------------------------------------- the plan's scenario
    def _load_from_plan(self) -> None:
        """Show the plan's scenario; a plan without one gets the bundled example (not an edit)."""
        plan = self.document.plan
        if not plan.scenario:
            plan.scenario = plan_dict(bundled_scenario())
        plan.scenario = self._in_plan_currency(plan.scenario)
        self._stored = copy.deepcopy(plan.scenario)
        self._overrides = copy.deepcopy(plan.roi_overrides)
        self.editor.set_data(editor_data(plan))
        self._run_key = None
        self._schedule(0)

    def _on_document_changed(self) -> None:
        plan = self.document.plan
        moved = plan.currency != (self._stored or {}).get("currency", plan.currency)
        if plan.scenario != self._stored or plan.roi_overrides != self._overrides or moved:
            self._load_from_plan()
        elif self._plan_key() != self._run_key_plan:
            self._schedule(self.DEBOUNCE_MS)

    def _plan_key(self) -> Any:
        """Everything besides the scenario that changes the ROI: models, choice, traffic, currency, data."""
        plan = self.document.plan
        return (
            plan.to_json(),
            tuple(sorted(self.document.analyses)),
            str(self.document.path),
        )

    def _on_catalog_changed(self) -> None:
        """Prices, lifecycle dates or exchange rates changed: the same scenario may give other figures."""
        self.editor.set_catalog(self.context.catalog)
        self._run_key = None
        self._schedule(0)

    def _in_plan_currency(self, stored: dict[str, Any]) -> dict[str, Any]:
        """The scenario's amounts in the plan's currency (one currency per plan); as it is without a rate."""
        currency = self.document.plan.currency
        if stored.get("currency", currency) == currency:
            return stored
        try:
            scenario = scenario_from_dict(toml_dict(stored))
            return plan_dict(scenario_in_currency(scenario, currency, self.context.rates))
        except UserError:
            return stored

    def set_scenario(self, scenario: Scenario, edit: bool = True) -> None:
        """Make ``scenario`` the plan's scenario, show it and compute it; ``edit`` marks the plan changed."""
        plan = self.document.plan
        plan.scenario = self._in_plan_currency(plan_dict(scenario))  # its model costs stand where no estimate
        self._stored = copy.deepcopy(plan.scenario)
        self._overrides = copy.deepcopy(plan.roi_overrides)
        self.editor.set_data(editor_data(plan))
        if edit:
            self.document.edited()
        self._run_key = None
        self._schedule(0)

    def current_scenario(self) -> Scenario:
        """The scenario as edited now; :class:`UserError` naming the key when a value is wrong."""
        scenario = scenario_from_dict(self.editor.data())
        if scenario.model is not None:
            lookup = catalog_lookup(self.context.catalog)
            if lookup(scenario.model.model_id) is None:
                raise UserError(about("model.id", "model.unknown", model=scenario.model.model_id))
        return scenario

    # --------------------------------------------------------------------- computing
    def _on_edited(self) -> None:
        self._schedule(self.DEBOUNCE_MS)

    def _schedule(self, delay: int) -> None:
        self._needs_run = True
        if self.isVisible():
            self.timer.start(delay)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._needs_run:
            self.timer.start(0)

    def hideEvent(self, event: QHideEvent) -> None:
        if self.timer.isActive():
            self.timer.stop()
            self._needs_run = True
        super().hideEvent(event)

    def _on_timer(self) -> None:
        if self.isVisible():
            self.recompute()
        else:
            self._needs_run = True

    def recompute(self) -> None:
        """Validate the edited scenario, store it in the plan, and evaluate it in the background."""
        self.timer.stop()
        self._needs_run = False
        try:
            scenario = self.current_scenario()
        except UserError as exc:
            self._show_error(say_error(exc), exc.field)
            return
        self.fault.clear()  # the input at fault is fixed; the message goes when the new figures come
        self._store(scenario)
        draws, seed = self.editor.run_settings()
        key = (self._plan_key(), draws, seed)
        if key == self._run_key and (self.runner.busy or self.outcome is not None):
            if not self.runner.busy:  # the result shown is this scenario's
                self._clear_error()
            return
        evaluate = evaluation_task(self.document, self.context, draws=draws, seed=seed, approaches=True)

        def task(progress, cancelled) -> RoiOutcome:
            return outcome_of(evaluate(progress, cancelled))

        self._replacing = True  # the run being replaced reports "cancelled": not a stop by the user
        self.runner.start(task)
        self._replacing = False
        self._run_key = key
        self._run_key_plan = key[0]
        self.status.emit(self.tr("Simulating {0} draws…").format(f"{draws:,}"))

    def _store(self, scenario: Scenario) -> None:
        """Write the edited scenario to the plan: typed model costs become overrides of the linked values,
        a model picked here becomes the plan's chosen model, a currency chosen here the plan's currency."""
        plan = self.document.plan
        changed = False
        scenario, overrides = split_overrides(scenario)
        picked = self.editor.model.take_pick()
        entry = self.context.catalog.find(picked) if picked else None
        if entry is not None and entry.key != plan.chosen_model:
            plan.chosen_model = entry.key
            if entry.key not in plan.models:
                plan.models = [*plan.models, entry.key]
            changed = True
        if scenario.currency != (self._stored or {}).get("currency", scenario.currency):
            plan.currency = scenario.currency  # chosen here: the plan's one currency
            self.context.set_currency(scenario.currency)
            changed = True
        stored = keep_fallbacks(plan_dict(scenario), self._stored)
        if stored != self._stored or overrides != self._overrides:
            plan.scenario, plan.roi_overrides = stored, overrides
            self._stored, self._overrides = copy.deepcopy(stored), copy.deepcopy(overrides)
            changed = True
        if changed:
            self.document.edited()

    def _on_cancelled(self) -> None:
        if not self._replacing:
            self._run_key = None
            self.status.emit(self.tr("ROI simulation stopped"))

    def _on_failed(self, message: str) -> None:
        self._run_key = None
        self._show_error(message)

    def _show_error(self, message: str, field: str = "", focus: bool = False) -> None:
        """Show ``message``; mark the input at ``field`` and focus it unless the user is typing in the editor
        (or ``focus`` asks for it)."""
        suffix = self.tr("The figures below are from the last valid scenario.") if self.outcome else ""
        self.error_label.setText(f"{message}\n{suffix}".strip())
        self.error_label.setVisible(True)
        self.problem_changed.emit(message)
        self.fault.clear()
        found = self.editor.input_at(field) if field else None
        if found is not None:
            widget, cell = found
            self.fault.mark(widget, cell, focus=focus or not typing_inside(self.editor))

    def _clear_error(self) -> None:
        self.error_label.setVisible(False)
        self.error_label.setText("")
        self.problem_changed.emit("")
        self.fault.clear()

    def _show_facts(self, outcome: RoiOutcome) -> None:
        """Where the model costs come from: the chosen model's estimate, or the user's override."""
        evaluation = outcome.evaluation
        section = self.editor.model
        if evaluation is None or not evaluation.linked:
            section.facts.setText("")
            return
        cur = evaluation.currency
        chosen = evaluation.chosen
        if chosen is not None and chosen.estimate is not None:
            name = chosen.estimate.display_name
            if evaluation.recommendation.chosen_by == "user":
                lines = [self.tr("Model: {0} (chosen by you); costs linked from its estimate.").format(name)]
            else:
                lines = [self.tr("Model: {0} (recommended); costs linked from its estimate.").format(name)]
        else:
            lines = [self.tr("No model estimate to link: tick models on the Estimate page (with a dataset).")]
        labels = {
            "training_cost": self.tr("Training per run"),
            "inference_per_month": self.tr("Inference / month"),
            "hosting_per_month": self.tr("Hosting / month"),
        }
        for link in evaluation.linked:
            value = self._amount_text(link.amount, cur)
            if link.source == "override":
                estimate = self._amount_text(link.linked, cur)
                text = self.tr("{0}: {1} — your override (estimate: {2})").format(
                    labels[link.key], value, estimate
                )
            elif link.source == "estimate":
                text = self.tr("{0}: {1} — from the estimate").format(labels[link.key], value)
            elif link.source == "scenario":
                text = self.tr("{0}: {1} — from the scenario").format(labels[link.key], value)
            elif link.source == "catalog":
                text = self.tr("{0}: from the catalog at the plan's traffic").format(labels[link.key])
            else:
                text = self.tr("{0}: unknown").format(labels[link.key])
            lines.append(text)
        section.facts.setText("\n".join(lines))
        section.show_linked(
            {link.key: link.linked for link in evaluation.linked},
            {link.key: link.overridden for link in evaluation.linked},
        )
        if chosen is not None and chosen.entry is not None:
            section.select_model(chosen.entry.key)

    def _amount_text(self, amount, currency: str) -> str:
        if amount is None:
            return self.tr("unknown")
        if amount.low == amount.high:
            return format_money(amount.likely, currency)
        return f"{format_money(amount.likely, currency)} ({format_money(amount.low, currency)}–{format_money(amount.high, currency)})"

    # ----------------------------------------------------------------------- showing
    def _on_result(self, outcome: RoiOutcome) -> None:
        self.outcome = outcome
        self._clear_error()
        self._show_facts(outcome)
        self.results.show_outcome(outcome)
        f = outcome.figures
        cur = f["currency"]
        self.charts.show_outcome(outcome)
        self.status.emit(self.tr("ROI updated: NPV {0} (likely)").format(money(f["npv"], cur)))

    # ------------------------------------------------------------------------- files
    def _filter(self) -> str:
        return self.tr("ROI scenarios (*.toml);;All files (*)")

    def open_scenario(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open scenario"), str(self._folder), self._filter()
        )
        if path:
            self.open_scenario_file(Path(path))

    def open_scenario_file(self, path: Path) -> bool:
        """Load a scenario TOML into the plan; a broken file shows the loader's message and changes nothing."""
        try:
            scenario = load_scenario(path, catalog_lookup(self.context.catalog))
        except UserError as exc:
            self.status.emit(say_error(exc))
            show_error(self, self.tr("Cannot open scenario"), say_error(exc))
            return False
        self._folder = path.parent
        self.set_scenario(scenario)
        self.status.emit(self.tr("Opened scenario {0}").format(str(path)))
        return True

    def save_scenario_dialog(self) -> None:
        try:  # as the plan stores it: the model costs typed here, else the scenario's own
            edited = self.current_scenario()
            stored = keep_fallbacks(plan_dict(edited), self._stored)
            scenario = scenario_from_dict(toml_dict(stored))
        except UserError as exc:
            self._show_error(say_error(exc), exc.field, focus=True)
            show_error(
                self,
                self.tr("Cannot save scenario"),
                self.tr("Fix the scenario first: {0}").format(say_error(exc)),
            )
            return
        stem = re.sub(r"[^\w\-]+", "_", scenario.name).strip("_") or "scenario"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save scenario"), str(self._folder / f"{stem}.toml"), self._filter()
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".toml":
            target = target.with_suffix(".toml")
        try:
            save_scenario(scenario, target)
        except OSError as exc:
            show_error(self, self.tr("Cannot save scenario"), f"{target}: {exc.strerror or exc}")
            return
        self._folder = target.parent
        self.status.emit(self.tr("Saved scenario to {0}").format(str(target)))

    def load_example(self, key: str) -> None:
        self.set_scenario(bundled_scenario(key))
        self.status.emit(self.tr("Loaded the {0} example").format(self.labels.approach(key)))
