"""Jobs page: provider profiles, the launch form, the local job list with details, and live tracking.

Every network call runs off the GUI thread: the launch (analysis, upload, create) in ``runner``, profile
checks in the profiles panel's runner, job actions in ``action_runner`` and polling in the
:class:`JobPoller`. Each worker opens its own :class:`JobStore` connection; the page reads the store
on the GUI thread (local SQLite, WAL mode).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QSystemTrayIcon,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ftplanner.core.errors import Cancelled, UserError
from ftplanner.core.money import format_money
from ftplanner.gui.context import AppContext
from ftplanner.gui.document import PlanDocument
from ftplanner.gui.pages.jobs_detail import JobDetail, JobSnapshot
from ftplanner.gui.pages.jobs_dialogs import KeyDialog, LaunchConfirmDialog
from ftplanner.gui.pages.jobs_launch import LaunchForm, LaunchRequest
from ftplanner.gui.pages.jobs_model import (
    KEY_NONE,
    JobRow,
    JobsModel,
    pending_row,
    status_text,
    upload_text,
    when_text,
)
from ftplanner.gui.pages.jobs_poller import RECONCILE_SECONDS, JobPoller, RoundResult, Target
from ftplanner.gui.pages.jobs_profiles import ProfilesPanel, key_state
from ftplanner.gui.say import say_error
from ftplanner.gui.tasks import TaskRunner
from ftplanner.gui.widgets import TaskProgress, show_error
from ftplanner.jobs import profiles, secrets, wandb
from ftplanner.jobs.launch import LaunchPlan, launch, prepare_launch, resume_pending
from ftplanner.jobs.store import TERMINAL_STATUSES, JobStore, default_path
from ftplanner.jobs.tracker import cost_check, poll_once, training_progress
from ftplanner.providers.base import WANDB_API_KEY, JobInfo, Provider, ProviderError, ProviderEstimate

ERROR_STYLE = "color: #c0392b;"
BANNER_OK_STYLE = "QFrame { background: #d4efdf; border-radius: 4px; } QLabel { color: #145a32; }"
BANNER_ERROR_STYLE = "QFrame { background: #fadbd8; border-radius: 4px; } QLabel { color: #78281f; }"
GUI_TIMEOUT_SECONDS = 30.0


def _gui_provider(name: str) -> Provider:
    """Providers for the page: no SDK retries (the poller backs off itself, so closing never waits)."""
    return profiles.provider_for(name, timeout=GUI_TIMEOUT_SECONDS, max_retries=0)


@dataclass
class QuoteQuestion:
    """The provider's quote, asked about from the launch worker and answered on the UI thread."""

    quote: ProviderEstimate
    local: Decimal | None
    answered: threading.Event = field(default_factory=threading.Event)
    go_ahead: bool = False


def quote_difference(quote: ProviderEstimate, local: Decimal | None) -> float | None:
    """The provider's quote against ours, in % of ours (None when either is unknown)."""
    if quote.total_usd is None or not local:
        return None
    return float((quote.total_usd - local) / local * 100)


@dataclass(frozen=True)
class RecoverOutcome:
    """What checking the pending launches did: jobs attached, launches closed, launches still pending."""

    attached: tuple[tuple[str, str, str], ...] = ()  # client id, job id, status
    closed: tuple[tuple[str, str], ...] = ()  # client id, why (no job was created; its upload …)
    errors: tuple[tuple[str, str], ...] = ()  # client id or profile, why it could not be checked


def recover_task(store_path: Path, provider_for: Callable[[str], Provider], pause_step: float = 0.2):
    """A TaskRunner task doing what ``ftplanner jobs recover`` does, for every profile with pending launches."""

    def task(progress, cancelled) -> RecoverOutcome:
        def pause(seconds: float) -> None:  # a retry wait that Cancel (or closing the app) ends
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                if cancelled():
                    raise Cancelled
                time.sleep(min(pause_step, max(0.0, end - time.monotonic())))

        attached: list[tuple[str, str, str]] = []
        closed: list[tuple[str, str]] = []
        errors: list[tuple[str, str]] = []
        with JobStore(store_path) as store:
            for name in sorted({p.profile for p in store.pending_launches()}):
                try:
                    report = resume_pending(
                        provider_for(name),
                        store,
                        profile_name=name,
                        sleep=pause,
                        reconcile_seconds=RECONCILE_SECONDS,
                        note=lambda text: progress(0.0, text),
                    )
                except UserError as exc:  # e.g. the profile has no key: its launches stay pending
                    errors.append((name, say_error(exc)))
                    continue
                attached += [(client_id, info.id, info.status) for client_id, info in report.attached]
                for pending in report.unresolved:
                    record = store.launch(pending.client_id)
                    closed.append((pending.client_id, (record.closed_reason if record else None) or ""))
                errors += list(report.errors)
        return RecoverOutcome(tuple(attached), tuple(closed), tuple(errors))

    return task


class JobsPage(QWidget):
    status = Signal(str)
    _quote_asked = Signal(object)  # QuoteQuestion, from the launch worker

    def __init__(
        self,
        document: PlanDocument,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        store_path: Path | None = None,
        provider_for: Callable[[str], Provider] | None = None,
        poll_interval: float | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.context = context
        self.store_path = store_path or default_path()
        self.provider_for = provider_for or _gui_provider
        self._store: JobStore | None = None
        self._action = ""
        self._shut = False
        self._reloading = False
        self.runner = TaskRunner(self)  # the launch: analysis, then upload and create
        self._quote_asked.connect(self._answer_quote)
        self.action_runner = TaskRunner(self)  # cancel / pause / resume of a job
        self.recover_runner = TaskRunner(self)  # checking pending launches (what `jobs recover` does)

        self.profiles_panel = ProfilesPanel(self.provider_for, self)
        self.form = LaunchForm(self)
        self.progress = TaskProgress(self.runner, self.tr("Cancel"))
        self.jobs_model = JobsModel(self)
        self.jobs_view = QTableView()
        self.jobs_view.setModel(self.jobs_model)
        self.jobs_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.jobs_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.jobs_view.verticalHeader().setVisible(False)
        self.jobs_view.setWordWrap(False)
        self.jobs_view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.jobs_view.horizontalHeader()
        header.setMaximumSectionSize(150)
        header.setMinimumSectionSize(40)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Long ids and names elide (their tooltips have them); the last column is never squeezed below its
        # text: when the list is narrow it scrolls sideways.
        header.setStretchLastSection(False)
        self.detail = JobDetail(self)
        self._tray: QSystemTrayIcon | None = None
        self._launched: str | None = None  # the job launched last, whose status the message line follows
        self._launch_message = ""
        self.banner = QFrame()
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        dismiss = QPushButton(self.tr("Dismiss"))
        dismiss.clicked.connect(lambda: self.banner.setVisible(False))
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(dismiss)
        self.banner.setVisible(False)
        self.pending_bar = QFrame()
        self.pending_label = QLabel()
        self.pending_label.setWordWrap(True)
        self.recover_button = QPushButton(self.tr("Check pending launches"))
        self.recover_button.setToolTip(
            self.tr(
                "Ask the provider whether each pending launch created its job: a job found is attached and"
                " tracked; a launch without one is closed and its uploaded file deleted."
            )
        )
        self.recover_button.clicked.connect(self.check_pending)
        pending_layout = QHBoxLayout(self.pending_bar)
        pending_layout.setContentsMargins(0, 0, 0, 0)
        pending_layout.addWidget(self.pending_label, 1)
        pending_layout.addWidget(self.recover_button)
        self.pending_bar.setVisible(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.poller = JobPoller(
            self.store_path,
            self.provider_for,
            self._targets,
            self._pending_profiles,
            interval=poll_interval,
            parent=self,
        )
        self._layout()

        self.profiles_panel.changed.connect(self.form.set_profiles)
        self.profiles_panel.message.connect(self.show_message)
        self.form.review_requested.connect(self.review)
        self.runner.finished.connect(self._on_launch_step)
        self.runner.failed.connect(self._on_launch_failed)
        self.runner.cancelled.connect(self._on_launch_cancelled)
        self.runner.progress.connect(self._on_launch_progress)
        self.runner.busy_changed.connect(lambda _busy: self._update_busy())
        self.recover_runner.busy_changed.connect(lambda _busy: self._update_busy())
        self.recover_runner.finished.connect(self._on_recovered)
        self.recover_runner.failed.connect(
            lambda text: self.show_message(
                self.tr("Could not check pending launches: {0}").format(text), True
            )
        )
        self.recover_runner.progress.connect(lambda _fraction, text: text and self.show_message(text))
        self.action_runner.finished.connect(self._on_action_done)
        self.action_runner.failed.connect(self._on_action_failed)
        self.action_runner.busy_changed.connect(self.detail.set_busy)
        self.jobs_view.selectionModel().selectionChanged.connect(
            lambda *_: None if self._reloading else self._show_selected()
        )
        self.detail.refresh_requested.connect(lambda job_id: self.poller.poll_now([job_id]))
        self.detail.cancel_requested.connect(self.cancel_job)
        self.detail.pause_requested.connect(lambda job_id: self._job_action("pause", job_id))
        self.detail.resume_requested.connect(lambda job_id: self._job_action("resume", job_id))
        self.poller.round_done.connect(self._on_round)
        self.document.changed.connect(self._follow_plan)
        self.document.dataset_changed.connect(lambda: self.form.follow_dataset(self.document))
        self.document.changed.connect(self.detail.redraw)  # also the theme: charts take the new palette
        self.context.catalog_changed.connect(self._catalog_changed)

        self.profiles_panel.reload()
        self.form.prefill(self.document, self.context.catalog)
        self.reload()
        QTimer.singleShot(0, self._start_tracking)

    def _layout(self) -> None:
        profiles_box = QGroupBox(self.tr("Provider profiles"))
        QVBoxLayout(profiles_box).addWidget(self.profiles_panel)
        launch_box = QGroupBox(self.tr("Launch a fine-tune"))
        launch_layout = QVBoxLayout(launch_box)
        launch_layout.addWidget(self.form)
        launch_layout.addWidget(self.progress)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(profiles_box, 1)
        side_layout.addWidget(launch_box)
        scroll = QScrollArea()
        scroll.setWidget(side)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setMinimumWidth(340)

        jobs_box = QGroupBox(self.tr("Jobs"))
        jobs_layout = QVBoxLayout(jobs_box)
        jobs_layout.addWidget(self.banner)
        jobs_layout.addWidget(self.pending_bar)
        jobs_layout.addWidget(self.jobs_view)
        detail_box = QGroupBox(self.tr("Selected job"))
        QVBoxLayout(detail_box).addWidget(self.detail)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(jobs_box)
        right.addWidget(detail_box)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 5)
        right.setSizes([200, 500])
        right.setChildrenCollapsible(False)

        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(scroll)
        main.addWidget(right)
        main.setStretchFactor(0, 2)
        main.setStretchFactor(1, 3)
        main.setSizes([360, 740])
        main.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(main, 1)
        layout.addWidget(self.message)

    # ------------------------------------------------------------ messages
    def announce_end(self, job_id: str, status: str) -> None:
        """A job ended: the in-app banner, and a notification from the tray icon where the desktop has one."""
        text = self.tr("Job {0} has ended: {1}.").format(job_id, status_text(status))
        self.banner_text.setText(text)
        self.banner.setStyleSheet(BANNER_OK_STYLE if status == "succeeded" else BANNER_ERROR_STYLE)
        self.banner.setVisible(True)
        if status == "succeeded":
            self.context.jobs_finished()  # its duration calibrates the time model every page uses
        if QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages():
            if self._tray is None:
                self._tray = QSystemTrayIcon(self.windowIcon(), self)
                self._tray.show()
            self._tray.showMessage("FT Planner", text)
        self.status.emit(text)

    def show_message(self, text: str, error: bool = False) -> None:
        text = secrets.redact(text)  # provider errors are redacted already; this is a second guard
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.status.emit(text)

    # ---------------------------------------------------------------- store
    def store(self) -> JobStore | None:
        """The GUI thread's store connection (None until a first launch creates the file)."""
        if self._store is None and not self._shut and self.store_path.is_file():
            try:
                self._store = JobStore(self.store_path)
            except UserError as exc:
                self.show_message(say_error(exc), True)
        return self._store

    def _profiles_by_job(self, store: JobStore) -> dict[str, str]:
        return {launch.job_id: launch.profile for launch in store.launches() if launch.job_id}

    def _targets(self) -> list[Target]:
        store = self.store()
        if store is None:
            return []
        known = self._profiles_by_job(store)
        return [
            (job.job_id, known[job.job_id], not job.terminal) for job in store.jobs() if job.job_id in known
        ]

    def _pending_profiles(self) -> list[str]:
        store = self.store()
        return sorted({launch.profile for launch in store.pending_launches()}) if store else []

    def reload(self) -> None:
        """Refill the jobs table (keeping the selection) and the detail pane from the store."""
        store = self.store()
        selected = self.selected_job()
        rows: list[JobRow] = []
        if store is not None:
            rows += [pending_row(launch) for launch in store.pending_launches()]
            known = self._profiles_by_job(store)
            for job in store.jobs():
                check = cost_check(store, job.job_id)
                launch_record = store.launch(job.client_id) if job.client_id else None
                quote = launch_record.provider_estimate if launch_record else None
                rows.append(
                    JobRow(
                        job,
                        known.get(job.job_id),
                        check.estimated,
                        check.actual,
                        check.error,
                        quote,
                        check.estimated_tokens,
                        check.price_per_mtok,
                    )
                )
        self._reloading = True  # one detail refresh at the end, not one per selection change
        try:
            self.jobs_model.set_rows(rows)
            jobs = [row for row in rows if row.pending is None]
            if selected is not None:
                self.select_job(selected)
            elif jobs:
                self.select_job(jobs[0].job.job_id)
        finally:
            self._reloading = False
        self._show_pending()
        self._show_selected()

    def selected_job(self) -> str | None:
        rows = self.jobs_view.selectionModel().selectedRows()
        return (self.jobs_model.row(rows[0].row()).job.job_id or None) if rows else None

    # ------------------------------------------------------ pending launches
    def _show_pending(self) -> None:
        count = self.jobs_model.pending_count()
        self.pending_bar.setVisible(count > 0 or self.recover_runner.busy)
        self.pending_label.setText(
            self.tr(
                "Pending launches: {0}. It is not known whether the provider created their job; a new launch"
                " on the same profile checks them first."
            ).format(count)
        )
        self._update_busy()

    def _update_busy(self) -> None:
        launching, checking = self.runner.busy, self.recover_runner.busy
        self.form.review_button.setEnabled(not launching and not checking)
        self.recover_button.setEnabled(not launching and not checking)
        self.recover_button.setText(self.tr("Checking…") if checking else self.tr("Check pending launches"))

    def check_pending(self) -> None:
        """Settle the pending launches in the background, as `ftplanner jobs recover` does."""
        if self.runner.busy or self.recover_runner.busy or self._shut:
            return
        if self.poller.busy:  # its first round may be settling the same launches: go after it
            QTimer.singleShot(200, self.check_pending)
            return
        self.show_message(self.tr("Checking pending launches with the provider…"))
        self.recover_runner.start(recover_task(self.store_path, self.provider_for))

    def _on_recovered(self, outcome: RecoverOutcome) -> None:
        self.reload()
        parts = [
            self.tr("launch {0}: attached job {1} ({2})").format(client_id, job_id, status_text(status))
            for client_id, job_id, status in outcome.attached
        ]
        parts += [
            self.tr("launch {0}: {1}").format(client_id, reason or self.tr("no job was created"))
            for client_id, reason in outcome.closed
        ]
        parts += [
            self.tr("launch {0}: could not check, it stays pending ({1})").format(what, why)
            for what, why in outcome.errors
        ]
        if not parts:
            self.show_message(self.tr("No pending launches."))
        else:
            self.show_message(
                self.tr("Pending launches checked: {0}").format("; ".join(parts)), bool(outcome.errors)
            )
        if outcome.attached:
            self.select_job(outcome.attached[0][1])
            self.poller.poll_now([job_id for _, job_id, _ in outcome.attached])

    def select_job(self, job_id: str) -> None:
        row = self.jobs_model.row_of(job_id)
        if row >= 0:
            self.jobs_view.selectRow(row)

    def _show_selected(self) -> None:
        job_id = self.selected_job()
        store = self.store()
        row = self._row(job_id)
        if row is None or job_id is None or store is None:
            self.detail.show_job(None)
            chosen = self.jobs_view.selectionModel().selectedRows()
            pending = self.jobs_model.row(chosen[0].row()).pending if chosen else None
            if pending is not None:  # what is known of a pending launch, where a job's details go
                self.detail.title.setText(
                    self.tr("Pending launch of {0} on profile {1}").format(
                        Path(pending.training_file).name, pending.profile
                    )
                )
                self.detail.costs.setText(
                    self.tr(
                        "Since {0}, {1}; Check pending launches finds out whether its job exists."
                    ).format(when_text(pending.created_at), upload_text(pending))
                )
            return
        self.detail.show_job(
            JobSnapshot(
                row,
                store.history(job_id),
                store.events(job_id),
                store.checkpoints(job_id),
                store.metrics(job_id),
                training_progress(store, job_id),
            )
        )

    # ------------------------------------------------------------- tracking
    def _start_tracking(self) -> None:
        if not self._shut:
            self.poller.start()

    def _show_launched(self, status: str) -> None:
        text = self.tr("Launched job {0} ({1}); tracking it.").format(self._launched, status_text(status))
        self._launch_message = text
        self.show_message(text)

    def _on_round(self, result: RoundResult) -> None:
        before = {row.job.job_id: row.job.status for row in self.jobs_model.rows() if row.pending is None}
        self.reload()
        launched = result.outcomes.get(self._launched or "")
        if launched and launched.status and self.message.text() == self._launch_message:
            self._show_launched(launched.status)  # the line follows the job, not its state at launch
        for job_id, outcome in result.outcomes.items():
            was = before.get(job_id)
            if outcome.status in TERMINAL_STATUSES and was is not None and was not in TERMINAL_STATUSES:
                self.announce_end(job_id, outcome.status)
        problems = [f"{job_id}: {o.error}" for job_id, o in result.outcomes.items() if o.error]
        problems += list(result.notes)
        if result.attached:
            self.show_message(
                self.tr("Found the job of an interrupted launch: {0}").format(", ".join(result.attached))
            )
            self.poller.poll_now(result.attached)
        if problems:
            self.show_message(self.tr("Tracking problem: {0}").format("; ".join(problems)), True)

    # --------------------------------------------------------------- launch
    def _follow_plan(self) -> None:
        self.form.prefill(self.document, self.context.catalog)

    def _catalog_changed(self) -> None:
        self.form.set_models(self.context.catalog)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.profiles_panel.reload()
        self.form.prefill(self.document, self.context.catalog)

    def review(self) -> None:
        """Check and estimate the form's launch in the background, then ask for confirmation."""
        self.form.fault.clear()
        try:
            request = self.form.request()
            entry = self.context.catalog.get(request.model)
        except UserError as exc:
            self._refuse(say_error(exc))
            return
        if not self._has_key(request.profile):
            return
        today = self.context.catalog.today
        time_model = self.context.time_model()  # calibrated once for the app, not per launch
        self._request = request
        self.form.show_message("")
        self.show_message(self.tr("Checking {0}…").format(request.training.name))

        def task(progress, cancelled) -> LaunchPlan | UserError:
            try:
                return prepare_launch(
                    request.training,
                    entry,
                    validation_path=request.validation,
                    epochs=request.epochs,
                    budget_cap=request.budget_cap,
                    today=today,
                    method=request.method,
                    progress=lambda fraction, _lines: progress(fraction, "analysing"),
                    cancel=cancelled,
                    time_model=time_model,
                )
            except UserError as exc:  # refused: back to the GUI thread to mark the field it is about
                return exc

        self.runner.start(task)

    def _refuse(self, text: str) -> None:
        self.form.show_message(self.tr("Not launched: {0}").format(text))
        self.show_message(self.tr("Not launched: {0}").format(text), True)
        show_error(self, self.tr("Launch refused"), secrets.redact(text))

    def confirm(self, plan: LaunchPlan, profile: str, wandb_text: str | None = None) -> bool:
        dialog = LaunchConfirmDialog(plan, profile, self, wandb=wandb_text)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _wandb_text(self, request: LaunchRequest, plan: LaunchPlan) -> str | None:
        """What the launch sends to W&B, for the confirmation (asking for the W&B key where the provider
        needs it); None when the launch is refused."""
        try:
            provider = self.provider_for(request.profile)
            if getattr(provider, "wandb_support", None) == WANDB_API_KEY and not wandb.load_key():
                reason = self.tr("{0} sends a W&B API key with the job, and none is set.").format(
                    plan.provider
                )
                if not self.ask_wandb_key(reason):
                    raise UserError(self.tr("W&B project {0}: no W&B API key.").format(request.wandb_project))
            settings = wandb.settings_for(provider, request.wandb_project, plan.provider)
        except UserError as exc:
            self._refuse(say_error(exc))
            return None
        text = self.tr("project {0}").format(settings.project) if settings.project else self.tr("not logged")
        return f"{text} ({settings.note})" if settings.note else text

    def ask_wandb_key(self, reason: str = "") -> bool:
        """Ask for the W&B API key and keep it in the keyring; True when one was set."""
        dialog = KeyDialog("Weights & Biases", reason, self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                in_keyring = wandb.save_key(dialog.api_key())
            except UserError as exc:
                dialog.error.setText(say_error(exc))
                dialog.error.setVisible(True)
                continue
            where = self.tr("in the system keyring") if in_keyring else self.tr("for this session only")
            self.show_message(self.tr("W&B API key set ({0}).").format(where))
            return True
        return False

    def _on_launch_step(self, result: object) -> None:
        if isinstance(result, UserError):  # the review refused the launch
            self.form.mark_refusal(result.message)
            self._refuse(say_error(result))
        elif isinstance(result, LaunchPlan):
            request = self._request
            wandb_text = None
            if request.wandb_project:
                wandb_text = self._wandb_text(request, result)
                if wandb_text is None:
                    return
            if not self.confirm(result, request.profile, wandb_text):
                self.show_message(self.tr("Launch cancelled; nothing was uploaded."))
                return
            self._start_launch(result, request)
        elif isinstance(result, JobInfo):
            self._launched = result.id
            self._show_launched(result.status)
            self.reload()
            self.select_job(result.id)
            self.poller.poll_now([result.id])

    def _has_key(self, name: str) -> bool:
        """A profile without a key asks for it here (no command to type); False when none was given."""
        profile = self.profiles_panel.profiles.get(name)
        if profile is None or key_state(profile) != KEY_NONE:
            return True
        reason = self.tr("Profile {0} has no API key (a key kept for one session is gone after a restart).")
        if self.profiles_panel.ask_key(name, reason.format(name)):
            return True
        self._refuse(self.tr("profile {0} has no API key.").format(name))
        return False

    def _start_launch(self, plan: LaunchPlan, request: LaunchRequest) -> None:
        provider_for = self.provider_for
        store_path = self.store_path
        self.progress.cancel_button.setEnabled(True)

        def task(progress, cancelled) -> JobInfo:
            provider = provider_for(request.profile)

            def confirm_quote(quote: ProviderEstimate) -> bool:  # worker thread: ask, then wait
                question = QuoteQuestion(quote, plan.estimate.training_cost)
                self._quote_asked.emit(question)
                while not question.answered.wait(0.1):
                    if cancelled():
                        return False
                return question.go_ahead

            def pause(
                seconds: float,
            ) -> None:  # a retry wait the Cancel button ends (the launch stays pending)
                end = time.monotonic() + seconds
                while time.monotonic() < end:
                    if cancelled():
                        raise Cancelled
                    time.sleep(min(0.2, max(0.0, end - time.monotonic())))

            with JobStore(store_path) as store:
                return launch(
                    plan,
                    provider,
                    store,
                    profile_name=request.profile,
                    suffix=request.suffix,
                    seed=request.seed,
                    options=request.options,
                    # "creating" reports 1.0 so the (throttled) progress signal never drops it
                    progress=lambda stage, done, total: progress(
                        1.0 if stage == "creating" else done / max(total, 1), stage
                    ),
                    cancel=cancelled,
                    on_quote=confirm_quote,
                    sleep=pause,
                    wandb_project=request.wandb_project,
                )

        self.show_message(self.tr("Launching {0}…").format(plan.model))
        self.runner.start(task)

    def _on_launch_progress(self, fraction: float, stage: str) -> None:
        labels = {
            "analysing": self.tr("Checking the data… %p%"),
            "training": self.tr("Uploading the training file… %p%"),
            "validation": self.tr("Uploading the validation file… %p%"),
            "creating": self.tr("Creating the job…"),
        }
        self.progress.bar.setFormat(labels.get(stage, "%p%"))
        # Once the create is sent, a cancel could no longer stop the job: it must not look like it did.
        self.progress.cancel_button.setEnabled(stage != "creating")

    def _on_launch_failed(self, text: str) -> None:
        self._refuse(text)
        self.reload()  # a launch that failed after the create still recorded its job

    def _on_launch_cancelled(self) -> None:
        self.show_message(self.tr("Launch stopped; no job was created."))
        QTimer.singleShot(0, self.reload)

    # ---------------------------------------------------------- job actions
    def cancel_job(self, job_id: str) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Cancel job"),
            self.tr("Cancel job {0} at the provider? Training stops and cannot be resumed.").format(job_id),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,  # Enter keeps the job running
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._job_action("cancel", job_id)

    def _row(self, job_id: str | None) -> JobRow | None:
        index = self.jobs_model.row_of(job_id) if job_id else -1
        return self.jobs_model.row(index) if index >= 0 else None

    def _job_action(self, action: str, job_id: str) -> None:
        row = self._row(job_id)
        if row is None or row.profile is None:
            return
        profile, provider_for, store_path = row.profile, self.provider_for, self.store_path
        provider_name = row.job.provider

        def task(progress, cancelled) -> JobInfo:
            provider = provider_for(profile)
            info = getattr(provider, action)(job_id)
            with JobStore(store_path) as store:
                store.record_job_info(info, provider=provider_name)
                with contextlib.suppress(ProviderError):  # events and checkpoints of the change
                    info = poll_once(provider, store, job_id)
            return info

        self._action = action
        self.show_message(self.tr("Sending {0} for {1}…").format(self._action_text(action), job_id))
        self.action_runner.start(task)

    def _action_text(self, action: str) -> str:
        return {"cancel": self.tr("cancel"), "pause": self.tr("pause"), "resume": self.tr("resume")}[action]

    def _on_action_done(self, info: JobInfo) -> None:
        self.reload()
        self.show_message(self.tr("Job {0} is {1}.").format(info.id, status_text(info.status)))
        self.poller.poll_now([info.id])

    def _on_action_failed(self, text: str) -> None:
        self.show_message(
            self.tr("Could not {0} the job: {1}").format(self._action_text(self._action), text), True
        )

    def _answer_quote(self, question: QuoteQuestion) -> None:
        """The provider quoted its own price after the upload: show it beside ours and ask again."""
        if self._shut:
            question.answered.set()
            return
        difference = quote_difference(question.quote, question.local)
        text = self.tr(
            "The provider estimates {0} for this job; our estimate is {1}{2}. Create the job?"
        ).format(
            format_money(question.quote.total_usd),
            format_money(question.local),
            "" if difference is None else self.tr(" ({0:+.1f}% vs ours)").format(difference),
        )
        answer = QMessageBox.question(self, self.tr("Provider's estimate"), text)
        question.go_ahead = answer == QMessageBox.StandardButton.Yes
        question.answered.set()

    # ------------------------------------------------------------- shutdown
    def shutdown(self) -> None:
        """Stop tracking and every worker (the window is closing)."""
        self._shut = True
        self.poller.stop()
        self.runner.shutdown()
        self.action_runner.shutdown()
        self.recover_runner.shutdown()
        self.profiles_panel.runner.shutdown()
        if self._store is not None:
            self._store.close()
            self._store = None
