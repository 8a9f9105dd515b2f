"""The selected job of the Jobs page: costs, fine-tuned model, actions, charts, timeline, events, checkpoints."""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.ticker import MaxNLocator
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ftplanner.core.money import format_money
from ftplanner.gui.charts import ACCENT, ChartCanvas
from ftplanner.gui.pages.jobs_model import (
    OVERRUN_COLOR,
    CheckpointsModel,
    JobRow,
    TimelineModel,
    error_text,
    overrun_text,
    status_text,
    when_text,
)
from ftplanner.jobs.store import Checkpoint, Event, MetricRow, StatusChange
from ftplanner.providers import registry

VALID_COLOR = "#e67e22"
ACTIVE = ("validating", "queued", "running", "paused")
Series = list[tuple[int, float]]


@dataclass(frozen=True)
class JobSnapshot:
    """Everything the store knows about one job."""

    row: JobRow
    history: list[StatusChange]
    events: list[Event]
    checkpoints: list[Checkpoint]
    metrics: list[MetricRow]
    steps: tuple[int | None, int | None] = (None, None)  # (done, total) as far as the provider told


def latest_progress(events: list[Event]) -> tuple[float, int | None] | None:
    """(percent, epoch) of the newest progress event (providers that report a percentage: Fireworks)."""
    for event in reversed(events):
        data = event.data if isinstance(event.data, dict) else {}
        if isinstance(data.get("percent"), int | float):
            epoch = data.get("epoch")
            return float(data["percent"]), epoch if isinstance(epoch, int) else None
    return None


def eta(snapshot: JobSnapshot) -> int | None:
    """The provider's estimated finish, else one extrapolated from the steps done since it started running."""
    job = snapshot.row.job
    if job.estimated_finish:
        return job.estimated_finish
    done, total = snapshot.steps
    started = next((h.at for h in snapshot.history if h.status == "running"), None)
    if not (done and total and started and job.checked_at and job.checked_at > started):
        return None
    return int(job.checked_at + (total - done) * (job.checked_at - started) / done)


def _series(snapshot: JobSnapshot) -> dict[str, dict[str, Series]]:
    """{"loss"|"accuracy": {"train"|"valid": [(step, value)]}} from metrics, else from checkpoints."""
    out: dict[str, dict[str, Series]] = {
        "loss": {"train": [], "valid": []},
        "accuracy": {"train": [], "valid": []},
    }
    if snapshot.metrics:
        for m in snapshot.metrics:
            for chart, split, value in (
                ("loss", "train", m.train_loss),
                ("loss", "valid", m.valid_loss),
                ("accuracy", "train", m.train_accuracy),
                ("accuracy", "valid", m.valid_accuracy),
            ):
                if value is not None:
                    out[chart][split].append((m.step, value))
        return out
    names = {
        ("loss", "train"): ("train_loss",),
        ("loss", "valid"): ("full_valid_loss", "valid_loss"),
        ("accuracy", "train"): ("train_mean_token_accuracy", "train_accuracy"),
        ("accuracy", "valid"): (
            "full_valid_mean_token_accuracy",
            "valid_mean_token_accuracy",
            "valid_accuracy",
        ),
    }
    for checkpoint in snapshot.checkpoints:
        if checkpoint.step is None:
            continue
        metrics = checkpoint.metrics or {}
        for (chart, split), keys in names.items():
            value = next((metrics[k] for k in keys if isinstance(metrics.get(k), int | float)), None)
            if value is not None:
                out[chart][split].append((checkpoint.step, float(value)))
    for splits in out.values():
        for points in splits.values():
            points.sort()
    return out


class JobDetail(QWidget):
    refresh_requested = Signal(str)
    cancel_requested = Signal(str)
    pause_requested = Signal(str)
    resume_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.snapshot: JobSnapshot | None = None
        self.chart_data: dict[str, dict[str, Series]] = {}
        self.from_checkpoints = False
        self._busy = False

        self.title = QLabel(self.tr("Select a job to see its details."))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.costs = QLabel()
        self.costs.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.finish = QLabel()
        self.overrun = QLabel()
        self.overrun.setWordWrap(True)
        self.overrun.setStyleSheet(f"color: {OVERRUN_COLOR};")
        self.overrun.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fine_tuned = QLineEdit()
        self.fine_tuned.setReadOnly(True)
        self.fine_tuned.setPlaceholderText(self.tr("not available yet"))
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.clicked.connect(self.copy_model_id)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.cancel_button = QPushButton(self.tr("Cancel job…"))
        self.pause_button = QPushButton(self.tr("Pause"))
        self.resume_button = QPushButton(self.tr("Resume"))
        for button, signal in (
            (self.refresh_button, self.refresh_requested),
            (self.cancel_button, self.cancel_requested),
            (self.pause_button, self.pause_requested),
            (self.resume_button, self.resume_requested),
        ):
            button.clicked.connect(lambda _=False, s=signal: self._request(s))

        info = QGridLayout()
        info.setContentsMargins(0, 0, 0, 0)
        info.addWidget(self.title, 0, 0, 1, 2)
        info.addWidget(self.costs, 1, 0, 1, 2)
        info.addWidget(self.finish, 2, 0, 1, 2)
        info.addWidget(self.overrun, 3, 0, 1, 2)
        model_row = QHBoxLayout()
        model_row.addWidget(QLabel(self.tr("Fine-tuned model:")))
        model_row.addWidget(self.fine_tuned, 1)
        model_row.addWidget(self.copy_button)
        actions = QHBoxLayout()
        actions.addWidget(self.refresh_button)
        actions.addWidget(self.pause_button)
        actions.addWidget(self.resume_button)
        actions.addWidget(self.cancel_button)
        actions.addStretch(1)

        self.loss_chart = ChartCanvas(self, height=2.4)
        self.accuracy_chart = ChartCanvas(self, height=2.4)
        charts = QWidget()
        charts_layout = QHBoxLayout(charts)
        charts_layout.setContentsMargins(0, 0, 0, 0)
        charts_layout.addWidget(self.loss_chart)
        charts_layout.addWidget(self.accuracy_chart)
        self.timeline_model = TimelineModel(self)
        self.timeline = self._table(self.timeline_model)
        self.events = QPlainTextEdit()
        self.events.setReadOnly(True)
        self.events.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.checkpoints_model = CheckpointsModel(self)
        self.checkpoints = self._table(self.checkpoints_model)
        self.tabs = QTabWidget()
        self.tabs.addTab(charts, self.tr("Charts"))
        self.tabs.addTab(self.timeline, self.tr("Status timeline"))
        self.tabs.addTab(self.events, self.tr("Events"))
        self.tabs.addTab(self.checkpoints, self.tr("Checkpoints"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(info)
        layout.addWidget(self.error)
        layout.addLayout(model_row)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)
        self.show_job(None)

    def _table(self, model) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def _request(self, signal) -> None:
        if self.snapshot is not None:
            signal.emit(self.snapshot.row.job.job_id)

    def copy_model_id(self) -> None:
        if self.fine_tuned.text():
            QGuiApplication.clipboard().setText(self.fine_tuned.text())

    def set_busy(self, busy: bool) -> None:
        """While an action runs, its buttons wait."""
        self._busy = busy
        self._update_buttons()

    def _update_buttons(self) -> None:
        snapshot = self.snapshot
        busy = self._busy
        known = snapshot is not None and snapshot.row.profile is not None
        status = snapshot.row.job.status if snapshot else ""
        self.refresh_button.setEnabled(known and not busy)
        self.cancel_button.setEnabled(known and not busy and status in ACTIVE)
        spec = registry.for_catalog_provider(snapshot.row.job.provider or "") if snapshot else None
        pausable = spec is None or spec.pause_resume  # a provider's own declaration, when it is known
        self.pause_button.setEnabled(known and not busy and pausable and status == "running")
        self.resume_button.setEnabled(known and not busy and pausable and status == "paused")
        self.copy_button.setEnabled(bool(self.fine_tuned.text()))
        tip = "" if known or snapshot is None else self.tr("This job was not launched from FT Planner.")
        for button in (self.refresh_button, self.cancel_button, self.pause_button, self.resume_button):
            button.setToolTip(tip)

    def show_job(self, snapshot: JobSnapshot | None) -> None:
        self.snapshot = snapshot
        if snapshot is None:
            self.title.setText(self.tr("Select a job to see its details."))
            for label in (self.costs, self.finish, self.overrun):
                label.clear()
            self.overrun.setVisible(False)
            self.error.setVisible(False)
            self.fine_tuned.clear()
            self.timeline_model.set_rows([])
            self.checkpoints_model.set_rows([])
            self.events.clear()
            self.chart_data = {}
            self.loss_chart.show_message(self.tr("No job selected"))
            self.accuracy_chart.show_message(self.tr("No job selected"))
            self._update_buttons()
            return
        row = snapshot.row
        job = row.job
        self.title.setText(
            self.tr("{0} — {1} — {2}").format(job.job_id, job.model or "—", status_text(job.status))
        )
        tokens = "—" if job.trained_tokens is None else f"{job.trained_tokens:,}"
        ratio = "—" if row.ratio is None else f"{row.ratio:.2f}"
        costs = self.tr(
            "Estimated cost: {0} · Actual cost: {1} (×{2} the estimate, {3}) · Trained tokens: {4}"
        ).format(format_money(row.estimated), format_money(row.actual), ratio, error_text(row.error), tokens)
        if row.provider_estimate is not None:
            costs += " · " + self.tr("Provider's estimate: {0}").format(format_money(row.provider_estimate))
        self.costs.setText(costs)
        self.overrun.setText(overrun_text(row) if row.overrun else "")
        self.overrun.setVisible(row.overrun)
        parts = []
        done, total = snapshot.steps
        progress = latest_progress(snapshot.events)
        if progress is not None:
            percent, epoch = progress
            parts.append(
                self.tr("Progress: {0}%").format(f"{percent:g}")
                if epoch is None
                else self.tr("Progress: {0}% (epoch {1})").format(f"{percent:g}", epoch)
            )
        elif done is not None and total:
            parts.append(self.tr("Steps: {0} / {1} ({2}%)").format(done, total, round(100 * done / total)))
        elif done is not None:
            parts.append(self.tr("Step {0}").format(done))
        if job.status in ACTIVE:
            finish = eta(snapshot)
            parts.append(
                self.tr("Estimated finish: {0}").format(
                    when_text(finish) if finish else self.tr("not known yet")
                )
            )
        else:
            parts.append(self.tr("Finished: {0}").format(when_text(job.finished_at)))
        parts.append(self.tr("Last checked: {0}").format(when_text(job.checked_at, seconds=True)))
        self.finish.setText(" · ".join(parts))
        self.error.setText(job.error or "")
        self.error.setVisible(bool(job.error))
        self.fine_tuned.setText(job.fine_tuned_model or "")
        spec = registry.for_catalog_provider(job.provider or "")
        deploys = spec is not None and bool(spec.checkpoint_hint) and job.status == "succeeded"
        self.fine_tuned.setPlaceholderText(
            self.tr("none of its own: deploy one of its checkpoints (see Checkpoints)")
            if deploys
            else self.tr("not available yet")
        )
        self.timeline_model.set_history(snapshot.history)
        self.checkpoints_model.set_rows(snapshot.checkpoints)
        lines = [
            f"{when_text(e.created_at, seconds=True)}  {(e.level or '').upper():<5}  {e.message or ''}"
            for e in snapshot.events
        ]
        if self.events.toPlainText() != "\n".join(lines):
            self.events.setPlainText("\n".join(lines))
            self.events.verticalScrollBar().setValue(self.events.verticalScrollBar().maximum())
        self.redraw()
        self._update_buttons()

    def redraw(self) -> None:
        """Draw the loss and accuracy charts of the shown job (also after a theme change)."""
        if self.snapshot is None:
            self.show_job(None)
            return
        self.chart_data = _series(self.snapshot)
        self.from_checkpoints = not self.snapshot.metrics and any(
            points for splits in self.chart_data.values() for points in splits.values()
        )
        self._draw(self.loss_chart, self.chart_data["loss"], self.tr("Loss"))
        self._draw(self.accuracy_chart, self.chart_data["accuracy"], self.tr("Accuracy"))

    def _draw(self, chart: ChartCanvas, data: dict[str, Series], title: str) -> None:
        if not data["train"] and not data["valid"]:
            chart.show_message(self.tr("{0}: no metrics yet").format(title))
            return
        axes = chart.fresh_axes()
        style = "o" if self.from_checkpoints else "-"
        for split, color, label, line in (
            ("train", ACCENT, self.tr("training"), style),
            ("valid", VALID_COLOR, self.tr("validation"), "o--" if not self.from_checkpoints else "s"),
        ):
            points = data[split]
            if points:
                steps, values = zip(*points, strict=True)
                axes.plot(steps, values, line, color=color, label=label, markersize=4, linewidth=1.5)
        suffix = self.tr(" (checkpoints)") if self.from_checkpoints else ""
        axes.set_title(title + suffix, fontsize=9)
        axes.set_xlabel(self.tr("Step"), fontsize=8)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        _, foreground = chart.colors()
        legend = axes.legend(fontsize=7, frameon=False)
        for text in legend.get_texts():
            text.set_color(foreground)
        chart.draw_idle()
