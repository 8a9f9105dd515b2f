"""Main window: page navigation, menus, plan files (new/open/save/recent), autosave and recovery."""

from __future__ import annotations

import base64
import importlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ftplanner import __version__
from ftplanner.core.errors import UserError
from ftplanner.core.paths import resource
from ftplanner.core.settings import Settings
from ftplanner.gui.app import ui_language
from ftplanner.gui.say import say_error
from ftplanner.gui.wheel_guard import install_wheel_guard
from ftplanner.gui.widgets import WARNING_COLOR

if TYPE_CHECKING:
    from ftplanner.core.plan import Plan
    from ftplanner.gui.context import AppContext
    from ftplanner.gui.document import PlanDocument
    from ftplanner.gui.evaluator import PlanEvaluator
    from ftplanner.gui.pages.dataset import DatasetPage
    from ftplanner.gui.pages.jobs import JobsPage
    from ftplanner.gui.pages.summary import SummaryPage
    from ftplanner.gui.report_export import ReportExporter

PLAN_FILTER = "FT Planner plans (*.ftplan);;All files (*)"


class _Deferred:
    """A module imported on first use: the plan module (and the catalog it loads) waits until the window
    has shown."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        return getattr(importlib.import_module(self._name), attr)


plans = _Deferred("ftplanner.core.plan")


class MainWindow(QMainWindow):
    """The app's window. ``deferred=True`` (the app's start) shows the window first, with a progress bar, and
    builds the pages, loads the catalog and opens the sample plan after its first paint, one step per turn of
    the event loop; otherwise (tests, embedding) everything is built before the constructor returns."""

    context: AppContext
    document: PlanDocument
    evaluator: PlanEvaluator
    summary_page: SummaryPage
    dataset_page: DatasetPage
    jobs_page: JobsPage
    reports: ReportExporter

    def __init__(
        self, settings: Settings, startup_problems: list[str] | None = None, *, deferred: bool = False
    ) -> None:
        install_wheel_guard()
        super().__init__()
        self._settings = settings
        self._startup_problems = list(startup_problems or [])
        self.built = False
        self.setAcceptDrops(True)
        self.setWindowTitle("FT Planner")

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.stack = QStackedWidget()
        self.pages: list[QWidget] = []
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status_label = QLabel()
        self._problem_source = ""  # the page whose error the status bar shows
        self.statusBar().addWidget(self.status_label, 1)
        self._restore_geometry()

        steps = self._build_steps()
        if not deferred:
            for _text, step in steps:
                step()
            return
        self.nav.setFixedWidth(120)
        self.loading = _Loading(steps[0][0], len(steps))
        self.stack.addWidget(self.loading)
        self._pending = list(steps)
        self.loading.installEventFilter(self)
        QTimer.singleShot(1000, self._begin_build)  # in case no paint ever comes (a hidden window)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is getattr(self, "loading", None) and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self._begin_build)  # after the first paint has reached the screen
        return super().eventFilter(watched, event)

    def _begin_build(self) -> None:
        if self._pending and not getattr(self, "_building", False):
            self._building = True
            self.loading.removeEventFilter(self)
            self._build_next()

    def _build_next(self) -> None:
        if not self._pending:  # closed meanwhile
            return
        _text, step = self._pending.pop(0)
        step()
        if self._pending:
            self.loading.show_step(self._pending[0][0])
            QTimer.singleShot(0, self._build_next)  # paint the progress, handle input, then go on

    def _build_steps(self) -> list[tuple[str, Callable[[], None]]]:
        """What the window builds after its frame, in order: (progress text, step)."""
        return [
            (self.tr("Loading the price catalog…"), self._build_state),
            (self.tr("Setting up the charts…"), self._build_main_pages),
            (self.tr("Building the pages…"), self._build_optional_pages),
            (self.tr("Opening the plan…"), self._finish_build),
        ]

    def _build_state(self) -> None:
        from ftplanner.gui.context import AppContext
        from ftplanner.gui.document import PlanDocument
        from ftplanner.gui.evaluator import PlanEvaluator

        self.context = AppContext(self._settings, self)
        self.context.state_notice.connect(self.show_state_notice)
        self.document = PlanDocument(self)
        self.evaluator = PlanEvaluator(self.document, self.context, self)

    def _build_main_pages(self) -> None:
        from ftplanner.gui.charts import configure_fonts
        from ftplanner.gui.pages.dataset import DatasetPage
        from ftplanner.gui.pages.summary import SummaryPage

        configure_fonts()
        self.summary_page = SummaryPage(self.document, self.context, self.evaluator)
        self._add_page(self.tr("Summary"), self.summary_page)
        self.dataset_page = DatasetPage(self.document, self.context)
        self._add_page(self.tr("Dataset"), self.dataset_page)

    def _build_optional_pages(self) -> None:
        for title, page in self._optional_pages():
            self._add_page(title, page)

    def _finish_build(self) -> None:
        from ftplanner.gui.report_export import ReportExporter

        self.nav.setFixedWidth(max(96, self.nav.sizeHintForColumn(0) + 28))  # the page names, no wider
        self.nav.currentRowChanged.connect(self._show_page)
        self.reports = ReportExporter(self.document, self.context, self)
        self.summary_page.export_requested.connect(self.export_report)
        self.summary_page.launch_requested.connect(self.launch_model)
        self._build_menus()
        self.document.dirty_changed.connect(self._update_title)
        self.document.path_changed.connect(self._update_title)
        self.document.changed.connect(self._update_title)  # a new plan name shows at once
        self.autosave_timer = QTimer(self)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start(max(10, self._settings.autosave_seconds) * 1000)
        loading = getattr(self, "loading", None)
        if loading is not None:
            self.stack.removeWidget(loading)
            loading.deleteLater()
            self.loading = None
        self.nav.setCurrentRow(min(self._settings.last_page, len(self.pages) - 1))
        self.stack.setCurrentIndex(self.nav.currentRow())
        self._update_title()
        self.built = True
        if getattr(self, "_start_requested", False):
            self.start()

    def _optional_pages(self) -> list[tuple[str, QWidget]]:
        """Pages beyond Summary and Dataset, in navigation order."""
        from ftplanner.gui.pages.estimate import EstimatePage
        from ftplanner.gui.pages.jobs import JobsPage
        from ftplanner.gui.pages.pricing import PricingPage
        from ftplanner.gui.pages.roi import RoiPage

        self.jobs_page = JobsPage(self.document, self.context)
        return [
            (self.tr("Estimate"), EstimatePage(self.document, self.context, self.evaluator)),
            (self.tr("ROI"), RoiPage(self.document, self.context)),
            (self.tr("Pricing"), PricingPage(self.document, self.context)),
            (self.tr("Jobs"), self.jobs_page),
        ]

    def launch_model(self, key: str) -> None:
        """The Summary page's "Launch this model…": the Jobs page's launch form with that model."""
        form = self.jobs_page.form
        form.prefill(self.document, self.context.catalog)
        form.set_models(self.context.catalog, key)
        self.nav.setCurrentRow(self.pages.index(self.jobs_page))

    def _add_page(self, title: str, page: QWidget) -> None:
        self.pages.append(page)
        self.stack.addWidget(page)
        self.nav.addItem(title)
        number = len(self.pages)
        shortcut = QAction(self)
        shortcut.setShortcut(QKeySequence(f"Ctrl+{number}"))
        shortcut.triggered.connect(lambda _=False, row=number - 1: self.nav.setCurrentRow(row))
        self.addAction(shortcut)
        self.nav.item(number - 1).setToolTip(self.tr("{0} (Ctrl+{1})").format(title, number))
        status = getattr(page, "status", None)
        if status is not None:
            status.connect(self.show_status)
        problem = getattr(page, "problem_changed", None)  # a page's error: shown once, gone when fixed
        if problem is not None:
            problem.connect(lambda text, source=title: self.show_problem(source, text))

    def _show_page(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.stack.setCurrentIndex(row)
            self.context.settings.last_page = row

    def show_status(self, text: str) -> None:
        self._problem_source = ""
        self.status_label.setStyleSheet("")
        self.status_label.setText(text)

    def show_problem(self, source: str, text: str) -> None:
        """``source``'s error in the status bar, named after the page; "" once fixed clears it if still shown."""
        if text:
            self.show_status(self.tr("{0}: {1}").format(source, text))
            self._problem_source = source
            self.status_label.setStyleSheet(f"color: {WARNING_COLOR};")
        elif self._problem_source == source:
            self.show_status("")

    def show_state_notice(self, line: str) -> None:
        """A saved file could not be read in full and was kept aside (the line says where): tell the user."""
        self.show_status(line)
        QMessageBox.warning(
            self,
            self.tr("Damaged file"),
            self.tr(
                "{0}\n\nFT Planner never deletes or overwrites a damaged file: copy back what you need from"
                " the kept copy, then delete it."
            ).format(line),
        )

    # ----------------------------------------------------------------- menus
    def _action(self, text: str, slot, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self._action(self.tr("&New plan"), self.new_plan, QKeySequence.StandardKey.New))
        file_menu.addAction(
            self._action(self.tr("&Open plan…"), self.open_plan_dialog, QKeySequence.StandardKey.Open)
        )
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addAction(
            self._action(self.tr("Open &dataset…"), self.dataset_page.choose_dataset, "Ctrl+D")
        )
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Save"), self.save, QKeySequence.StandardKey.Save))
        file_menu.addAction(self._action(self.tr("Save &as…"), self.save_as, "Ctrl+Shift+S"))
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Export report…"), self.export_report, "Ctrl+E"))
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), self.close, "Ctrl+Q"))
        self.file_menu = file_menu

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        language_menu = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, label in (("", self.tr("System")), ("en", "English"), ("ja", "日本語")):
            action = self._action(label, lambda _=False, c=code: self._set_language(c))
            action.setCheckable(True)
            action.setChecked(self.context.settings.language == code)
            group.addAction(action)
            language_menu.addAction(action)
        theme_menu = view_menu.addMenu(self.tr("&Theme"))
        themes = QActionGroup(self)
        for code, label in (
            ("system", self.tr("System")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            action = self._action(label, lambda _=False, c=code: self._set_theme(c))
            action.setCheckable(True)
            action.setChecked(self.context.settings.theme == code)
            themes.addAction(action)
            theme_menu.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About FT Planner"), self._about))

    def _set_language(self, code: str) -> None:
        self.context.settings.language = code
        self.context.save_settings()
        self.show_status(self.tr("The language changes the next time FT Planner starts."))

    def _set_theme(self, code: str) -> None:
        from PySide6.QtWidgets import QApplication

        from ftplanner.gui.app import apply_theme

        self.context.settings.theme = code
        self.context.save_settings()
        apply_theme(QApplication.instance(), code)
        self.dataset_page.refresh()
        self.document.changed.emit()  # the other pages redraw their charts in the new colours
        self.show_status(self.tr("Theme applied."))

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About FT Planner"),
            self.tr(
                "FT Planner {0}\nPlan, price and track LLM fine-tunes, offline first.\n\n"
                "Token counts for Llama 3.x models use the Llama 3 tokenizer, under the Llama 3.1 Community "
                "License (Copyright © Meta Platforms, Inc.). Built with Llama."
            ).format(__version__),
        )

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.context.settings.recent_plans:
            self.recent_menu.addAction(self._action(path, lambda _=False, p=path: self.open_plan(Path(p))))
        if not self.context.settings.recent_plans:
            empty = self.recent_menu.addAction(self.tr("(none)"))
            empty.setEnabled(False)

    # ------------------------------------------------------------ plan files
    def start(self) -> None:
        """After show(): recover an autosave, or open the bundled sample so every page has numbers.

        A window still building its pages does this when they are built."""
        if not self.built:
            self._start_requested = True
            return
        for problem in self._startup_problems:
            self.show_status(problem)
        recovered = plans.recoverable()
        if recovered and self._offer_recovery(recovered):
            return
        self.load_sample()

    def load_sample(self) -> None:
        """The bundled example plan (sample dataset, three models, a fine-tuning scenario), untitled."""
        example = Path(str(resource("examples", "example.ftplan")))
        sample = plans.load_plan(example)
        sample.dataset = str(plans.resolve_dataset(sample, example.parent).resolve())
        sample.name = self.tr("Sample plan")
        self.document.replace(sample, None)
        self.document.set_dirty(False)

    def _offer_recovery(self, recovered: list[tuple[str, float, Plan]]) -> bool:
        source, saved_at, plan = max(recovered, key=lambda item: item[1])
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(saved_at))
        answer = QMessageBox.question(
            self,
            self.tr("Recover unsaved work?"),
            self.tr("FT Planner did not close normally. Recover the plan autosaved at {0} ({1})?").format(
                when, source
            ),
        )
        plans.clear_autosaves()
        if answer != QMessageBox.StandardButton.Yes:
            return False
        path = None if source == "untitled" else Path(source)
        self.document.replace(plan, path)
        self.document.set_dirty(True)
        return True

    def confirm_discard(self) -> bool:
        """Ask before losing unsaved changes; True when it is fine to go on."""
        if not self.document.dirty:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to {0}?").format(self.document.title().rstrip(" *")),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_plan(self) -> None:
        if self.confirm_discard():
            self.document.replace(plans.Plan(), None)

    def open_plan_dialog(self) -> None:
        if not self.confirm_discard():
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open plan"), str(Path.home()), PLAN_FILTER)
        if path:
            self.open_plan(Path(path), confirmed=True)

    def open_plan(self, path: Path, confirmed: bool = False) -> bool:
        if not confirmed and not self.confirm_discard():
            return False
        try:
            self.document.open(path)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Cannot open plan"), say_error(exc))
            return False
        self._remember(path)
        if self.document.plan.dataset_missing(path.parent):
            message = self.tr("The plan's dataset was not found: {0}. Open it again from the Dataset page.")
            self.show_status(message.format(self.document.plan.dataset))
        return True

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        start = str(self.document.path or Path.home() / f"{self.document.plan.name}.ftplan")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save plan"), start, PLAN_FILTER)
        if not path:
            return False
        target = Path(path)
        if target.suffix != plans.PLAN_SUFFIX:
            target = target.with_suffix(plans.PLAN_SUFFIX)
        return self._save_to(target)

    def _save_to(self, path: Path) -> bool:
        try:
            self.document.save(path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Cannot save plan"), f"{path}: {exc.strerror or exc}")
            return False
        self._remember(path)
        plans.clear_autosaves()
        self.show_status(self.tr("Saved {0}").format(str(path)))
        return True

    def _remember(self, path: Path) -> None:
        self.context.settings.add_recent(str(path))
        self.context.save_settings()

    def autosave(self) -> None:
        if self.built and self.document.dirty:
            try:
                plans.autosave(self.document.plan, str(self.document.path or "untitled"))
            except OSError as exc:
                self.show_status(self.tr("Autosave failed: {0}").format(exc.strerror or say_error(exc)))

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.document.title()} — FT Planner")

    def export_report(self) -> None:
        """Ask where and how, then write the PDF (and CSV files) in the background."""
        from ftplanner.gui.report_export import ExportReportDialog

        if self.reports.busy:
            return
        base = self.document.path.with_suffix(".pdf") if self.document.path else Path.home() / "report.pdf"
        dialog = ExportReportDialog(base, ui_language(self.context.settings), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reports.export(dialog.options())

    # ------------------------------------------------------------- lifecycle
    def _restore_geometry(self) -> None:
        settings = self._settings
        if settings.window_geometry:
            self.restoreGeometry(QByteArray(base64.b64decode(settings.window_geometry)))
        else:
            self.resize(1280, 800)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.built:  # closed while starting: the pages build no further, nothing to save yet
            self._pending = []
            event.accept()
            return
        if not self.confirm_discard():
            event.ignore()
            return
        self.reports.shutdown()
        self.evaluator.shutdown()
        for page in self.pages:
            runner = getattr(page, "runner", None)
            if runner is not None:
                runner.shutdown()
            shutdown = getattr(page, "shutdown", None)  # pages with more workers (Jobs: the tracker)
            if shutdown is not None:
                shutdown()
        self.context.settings.window_geometry = base64.b64encode(bytes(self.saveGeometry().data())).decode()
        self.context.save_settings()
        plans.clear_autosaves()
        self.context.stop_listening()
        event.accept()

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        for url in event.mimeData().urls():
            if not url.isLocalFile():
                continue
            path = Path(url.toLocalFile())
            if path.suffix == plans.PLAN_SUFFIX:
                self.open_plan(path)
            elif self.dataset_page.open_dataset(path):
                self.nav.setCurrentRow(self.pages.index(self.dataset_page))
            event.acceptProposedAction()
            return


class _Loading(QWidget):
    """What the window shows while it builds its pages: a line of text and a progress bar."""

    def __init__(self, text: str, steps: int) -> None:
        super().__init__()
        self.label = QLabel(text)
        self.bar = QProgressBar()
        self.bar.setRange(0, steps)
        self.bar.setValue(0)
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(360)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def show_step(self, text: str) -> None:
        """Show ``text`` as what is being done now, one step further along."""
        self.label.setText(text)
        self.bar.setValue(self.bar.value() + 1)
