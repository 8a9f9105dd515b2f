"""Dataset page: open a dataset, analyse it in the background, show cards, issues and a histogram."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from matplotlib.ticker import MaxNLocator
from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ftplanner.core.catalog import ModelEntry
from ftplanner.core.errors import UserError
from ftplanner.core.examples import FORMAT_LABELS
from ftplanner.core.messages import msg
from ftplanner.core.reader import check_usable, read_line
from ftplanner.core.result import AnalysisResult, Issue
from ftplanner.gui.charts import ACCENT, ChartCanvas
from ftplanner.gui.context import AppContext
from ftplanner.gui.document import PlanDocument
from ftplanner.gui.say import say, say_error
from ftplanner.gui.table_models import RowsModel
from ftplanner.gui.tasks import TaskRunner, analysis_task
from ftplanner.gui.widgets import CardRow, TaskProgress, show_error

DATASET_FILTER = "JSON Lines (*.jsonl *.jsonl.gz *.json *.gz);;All files (*)"


class DatasetPage(QWidget):
    status = Signal(str)

    def __init__(self, document: PlanDocument, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.context = context
        self.runner = TaskRunner(self)
        self._pending_encoding = ""
        self.setAcceptDrops(True)

        self.path_label = QLabel()
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path_label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open dataset…"))
        self.open_button.clicked.connect(self.choose_dataset)
        self.reload_button = QPushButton(self.tr("Analyse again"))
        self.reload_button.clicked.connect(self.reanalyse)
        header = QHBoxLayout()
        header.addWidget(self.path_label, 1)
        header.addWidget(self.reload_button)
        header.addWidget(self.open_button)

        self.model_box = QComboBox()
        self.model_box.setMinimumContentsLength(30)
        self.model_box.currentIndexChanged.connect(self._model_selected)
        self.limit_label = QLabel()
        model_row = QHBoxLayout()
        model_row.addWidget(QLabel(self.tr("Model:")))
        model_row.addWidget(self.model_box, 1)
        model_row.addWidget(self.limit_label, 2)

        self.progress = TaskProgress(self.runner, self.tr("Cancel"), self.tr("%p% — {0} lines"))

        self.cards = CardRow(
            {
                "examples": self.tr("Examples"),
                "billing": self.tr("Billed tokens / epoch"),
                "epochs": self.tr("Epochs (auto)"),
                "charged": self.tr("Charged tokens"),
                "errors": self.tr("Errors"),
                "warnings": self.tr("Warnings"),
            }
        )
        self.format_label = QLabel()

        self.issues = RowsModel(
            [
                (self.tr("Line"), lambda issue: f"{issue.line:,}"),
                (self.tr("Code"), lambda issue: say(msg(f"errorkind.{issue.code}"))),
                (self.tr("Message"), lambda issue: say(issue.message)),
            ],
            sort_keys={0: lambda issue: issue.line},
        )
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.issues)
        proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.issues_view = QTableView()
        self.issues_view.setModel(proxy)
        self.issues_view.setSortingEnabled(True)
        self.issues_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.issues_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.issues_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.issues_view.verticalHeader().setVisible(False)
        self.issues_view.doubleClicked.connect(self._show_raw_line)
        self.issues_view.setToolTip(self.tr("Double-click a row to see the raw line"))
        self.warnings = QListWidget()
        self.warnings.setWordWrap(True)
        self.histogram = ChartCanvas(self, height=2.6)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.histogram, self.tr("Token histogram"))
        self.tabs.addTab(self.issues_view, self.tr("Validation issues"))
        self.tabs.addTab(self.warnings, self.tr("Warnings"))

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(model_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.cards)
        layout.addWidget(self.format_label)
        layout.addWidget(self.tabs, 1)

        self.runner.finished.connect(self._on_result)
        self.runner.failed.connect(self._on_failed)
        self.runner.busy_changed.connect(self._on_busy)
        self.document.dataset_changed.connect(self._on_dataset_changed)
        self.document.analyses_changed.connect(self.refresh)
        self.context.catalog_changed.connect(self._fill_models)
        self._fill_models()
        self._on_dataset_changed()

    # ------------------------------------------------------------------ models
    def _fill_models(self) -> None:
        current = self.model_box.currentData()
        self.model_box.blockSignals(True)
        self.model_box.clear()
        for entry in self.context.catalog.entries:
            self.model_box.addItem(f"{entry.display_name} — {entry.provider_name}", entry.key)
        wanted = current or (self.document.plan.models[0] if self.document.plan.models else "")
        index = self.model_box.findData(wanted)
        self.model_box.setCurrentIndex(max(index, 0))
        self.model_box.blockSignals(False)
        self._model_selected()

    def selected_entry(self) -> ModelEntry | None:
        key = self.model_box.currentData()
        return self.context.catalog.find(key) if key else None

    def _model_selected(self) -> None:
        entry = self.selected_entry()
        if entry and self.document.dataset_path() and entry.encoding not in self.document.analyses:
            self.start_analysis(entry.encoding)
        self.refresh()

    # ---------------------------------------------------------------- analysis
    def choose_dataset(self) -> None:
        start = str(self.document.dataset_path() or Path.home())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open dataset"), start, DATASET_FILTER)
        if path:
            self.open_dataset(Path(path))

    def open_dataset(self, path: Path) -> bool:
        """Make ``path`` the plan's dataset if it can be one; otherwise say why, once, and change nothing."""
        try:
            check_usable(path)
        except UserError as exc:
            message = self.tr("The dataset was not changed: {0}").format(str(exc))
            self.status.emit(message)
            show_error(self, self.tr("Cannot open dataset"), message)
            return False
        self.document.set_dataset(path)
        return True

    def _on_dataset_changed(self) -> None:
        path = self.document.dataset_path()
        if path is None:
            self.path_label.setText(self.tr("No dataset open. Open a JSONL file or drop one here."))
        elif not path.is_file():
            self.path_label.setText(self.tr("Dataset not found: {0} (it may have moved)").format(str(path)))
        else:
            self.path_label.setText(str(path))
        self.reanalyse()

    def reanalyse(self) -> None:
        self.document.analyses.clear()
        entry = self.selected_entry()
        self.start_analysis(entry.encoding if entry else "o200k_base")

    def start_analysis(self, encoding: str) -> None:
        path = self.document.dataset_path()
        if path is None or not path.is_file():
            self.refresh()
            return
        self._pending_encoding = encoding
        self.status.emit(self.tr("Analysing {0}…").format(path.name))
        self.runner.start(analysis_task(path, encoding, self.context.catalog.entries))
        self.refresh()  # the figures of an earlier file or encoding are not shown beside this one

    def _on_busy(self, busy: bool) -> None:
        if not busy and self._pending_encoding and self._pending_encoding not in self.document.analyses:
            self.status.emit(self.tr("Analysis stopped"))

    def _on_result(self, result: AnalysisResult) -> None:
        self.document.add_analysis(result)
        self.status.emit(
            self.tr("Analysed {0} examples ({1} errors)").format(
                f"{result.examples:,}", f"{result.error_count:,}"
            )
        )

    def _on_failed(self, message: str) -> None:
        self.status.emit(message)
        show_error(self, self.tr("Cannot analyse dataset"), message)

    # ------------------------------------------------------------------ views
    def current_analysis(self) -> AnalysisResult | None:
        entry = self.selected_entry()
        encoding = entry.encoding if entry else "o200k_base"
        return self.document.analyses.get(encoding)

    def refresh(self) -> None:
        result = self.current_analysis()
        entry = self.selected_entry()
        if result is None:
            self.cards.clear()
            self.issues.set_rows([])
            self.warnings.clear()
            self.format_label.setText("")
            self.limit_label.setText("")
            busy = self.runner.busy
            self.histogram.show_message(self.tr("Analysing…") if busy else self.tr("No analysis yet"))
            return
        cap = entry.max_example_tokens if entry and entry.max_example_tokens else result.max_example_tokens
        self.cards.set(
            "examples",
            f"{result.examples:,}",
            self.tr("Valid examples, out of {0} non-blank lines; lines with errors are not counted").format(
                f"{result.lines:,}"
            ),
        )
        self.cards.set(
            "billing",
            f"{result.billing_tokens(cap):,}",
            self.tr(
                "Σ min({0}, tokens) over the valid examples. Tokens per example: 3 per message + the tokens"
                " of every value + 1 per name + 3 for the reply"
            ).format(f"{cap:,}"),
        )
        self.cards.set(
            "epochs",
            f"{result.auto_epochs}",
            self.tr("OpenAI's default: 3; up to 25 for fewer than 34 examples; fewer for more than 8,333"),
        )
        self.cards.set(
            "charged",
            f"{result.charged_tokens(None, cap):,}",
            self.tr("Billed tokens per epoch × epochs: what training is charged for"),
        )
        self.cards.set(
            "errors",
            f"{result.error_count:,}",
            self.tr("Lines skipped because of an error; see Validation issues"),
        )
        self.cards.set(
            "warnings", f"{len(result.warnings):,}", self.tr("Dataset-level warnings; see the Warnings tab")
        )
        approx = (
            ""
            if not entry or entry.exact_tokens
            else self.tr(" — approximate for this model (±{0}%)").format(entry.token_error * 100)
        )
        self.format_label.setText(
            self.tr("Format: {0}. Encoding: {1}{2}.").format(
                say(FORMAT_LABELS.get(result.format, result.format)), result.encoding, approx
            )
        )
        over = result.over_limit(cap)
        self.limit_label.setText(
            self.tr("{0} examples exceed this model's limit of {1} tokens").format(f"{over:,}", f"{cap:,}")
        )
        self.issues.set_rows(result.errors)
        self.warnings.clear()
        for warning in result.warnings:
            lines = ", ".join(map(str, warning.lines[:10]))
            where = self.tr("  (lines {0})").format(lines) if lines else ""
            self.warnings.addItem(say(warning.message) + where)
        self._draw_histogram(result)

    def _draw_histogram(self, result: AnalysisResult) -> None:
        if not result.histogram.counts:
            self.histogram.show_message(self.tr("No valid examples"))
            return
        axes = self.histogram.fresh_axes()
        edges = result.histogram.edges
        widths = [b - a for a, b in pairwise(edges)]
        axes.bar(
            edges[:-1], result.histogram.counts, width=widths, align="edge", color=ACCENT, edgecolor="white"
        )
        if result.histogram.log_scale:
            axes.set_xscale("log")
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_xlabel(self.tr("Tokens per example"))
        axes.set_ylabel(self.tr("Examples"))
        self.histogram.draw_idle()

    def _show_raw_line(self, index) -> None:
        source = self.issues_view.model().mapToSource(index)
        issue: Issue = self.issues.row(source.row())
        path = self.document.dataset_path()
        if path is None:
            return
        try:
            text = read_line(path, issue.line)
        except UserError as exc:
            text = say_error(exc)
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Line {0}").format(issue.line))
        view = QPlainTextEdit(text)
        view.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel(f"{say(msg(f'errorkind.{issue.code}'))}: {say(issue.message)}"))
        layout.addWidget(view)
        layout.addWidget(buttons)
        dialog.resize(700, 360)
        dialog.open()

    # ------------------------------------------------------------ drag & drop
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        urls = [url for url in event.mimeData().urls() if url.isLocalFile()]
        if urls:
            self.open_dataset(Path(urls[0].toLocalFile()))
            event.acceptProposedAction()
