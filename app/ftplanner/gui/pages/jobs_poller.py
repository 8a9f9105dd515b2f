"""Background tracking of the jobs in the local store: one poll round at a time, off the GUI thread.

The GUI thread keeps the schedule (when each job is next due, how many polls failed in a row); a round
polls the due jobs with :func:`ftplanner.jobs.tracker.poll_once` in a worker, through its own
:class:`JobStore` connection, and reports outcomes by signal. The first round after :meth:`JobPoller.start`
also attaches jobs of launches interrupted around the create (``resume_pending``), so tracking resumes
after the app was closed or killed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ftplanner.core.errors import Cancelled, UserError
from ftplanner.gui.tasks import TaskRunner
from ftplanner.jobs.launch import resume_pending
from ftplanner.jobs.store import JobStore
from ftplanner.jobs.tracker import poll_once
from ftplanner.providers.base import Provider, ProviderError
from ftplanner.providers.retry import backoff_delay

POLL_SECONDS = 30.0  # between polls of one job (tests lower it)
RUNNING_SHARE = 1 / 3  # a running job is polled this much more often (its metrics grow)
MAX_POLL_SECONDS = 300.0  # the longest backoff after errors (Retry-After may ask for more)
TICK_SECONDS = 5.0  # how often the schedule is checked
RECONCILE_SECONDS = 60.0  # how long a round keeps asking about pending launches (a launch asks again)

ProviderFactory = Callable[[str], Provider]
Target = tuple[str, str, bool]  # job id, profile, still active


@dataclass(frozen=True)
class Outcome:
    """One job's poll: its status when it worked, else the error (one line, no credential)."""

    status: str | None = None
    error: str | None = None
    retryable: bool = False
    retry_after: float | None = None


@dataclass(frozen=True)
class RoundResult:
    outcomes: dict[str, Outcome] = field(default_factory=dict)
    attached: tuple[str, ...] = ()  # jobs found for interrupted launches
    notes: tuple[str, ...] = ()  # problems reconciling launches


def _round_task(
    store_path: Path,
    targets: list[tuple[str, str]],
    reconcile: list[str],
    provider_for: ProviderFactory,
):
    """A task polling ``targets`` ((job id, profile) pairs) after reconciling ``reconcile`` profiles."""

    def task(progress, cancelled) -> RoundResult:
        providers: dict[str, Provider | UserError] = {}

        def provider(profile: str) -> Provider:
            if profile not in providers:
                try:
                    providers[profile] = provider_for(profile)
                except UserError as exc:
                    providers[profile] = exc
            found = providers[profile]
            if isinstance(found, UserError):
                raise found
            return found

        def pause(seconds: float) -> None:  # a retry wait that ends at once when the round is cancelled
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                if cancelled():
                    raise Cancelled
                time.sleep(min(0.2, max(0.0, end - time.monotonic())))

        outcomes: dict[str, Outcome] = {}
        attached: list[str] = []
        notes: list[str] = []
        with JobStore(store_path) as store:
            for profile in reconcile:
                if cancelled():
                    break
                try:
                    report = resume_pending(
                        provider(profile),
                        store,
                        profile_name=profile,
                        sleep=pause,
                        reconcile_seconds=RECONCILE_SECONDS,
                    )
                except UserError as exc:
                    notes.append(f"{profile}: {exc}")
                    continue
                attached.extend(info.id for _, info in report.attached)
                notes.extend(f"{client_id}: {message}" for client_id, message in report.errors)
            for job_id, profile in targets:
                if cancelled():
                    break
                try:
                    info = poll_once(provider(profile), store, job_id)
                except ProviderError as exc:
                    outcomes[job_id] = Outcome(None, str(exc), exc.retryable, exc.retry_after)
                except UserError as exc:
                    outcomes[job_id] = Outcome(None, str(exc))
                else:
                    outcomes[job_id] = Outcome(info.status)
        return RoundResult(outcomes, tuple(attached), tuple(notes))

    return task


@dataclass
class _Schedule:
    due: float = 0.0
    failures: int = 0


class JobPoller(QObject):
    """Polls active jobs every ``interval`` seconds with backoff on errors; a GUI-thread object.

    ``jobs()`` lists (job id, profile, active) for stored jobs whose profile is known;
    ``pending_profiles()`` the profiles of launches left without a job. Both read the local store.
    """

    round_done = Signal(object)  # RoundResult

    def __init__(
        self,
        store_path: Path,
        provider_for: ProviderFactory,
        jobs: Callable[[], list[Target]],
        pending_profiles: Callable[[], list[str]],
        *,
        interval: float | None = None,
        max_interval: float | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store_path = store_path
        self.provider_for = provider_for
        self.jobs = jobs
        self.pending_profiles = pending_profiles
        self.interval = POLL_SECONDS if interval is None else interval
        self.max_interval = MAX_POLL_SECONDS if max_interval is None else max_interval
        self.runner = TaskRunner(self)
        self.runner.finished.connect(self._on_round)
        self.runner.failed.connect(self._on_failed)
        self._schedule: dict[str, _Schedule] = {}
        self._forced: set[str] = set()
        self._reconcile = True
        self._again = False
        self._stopped = True
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.poll_now)

    @property
    def busy(self) -> bool:
        return self.runner.busy

    def start(self) -> None:
        """Start tracking: a first round now (with reconciliation), then a check every few seconds."""
        self._stopped = False
        self.timer.start(max(50, int(min(self.interval, TICK_SECONDS) * 1000)))
        self.poll_now()

    def stop(self) -> None:
        """Stop the timer and wait for a running round to end."""
        self._stopped = True
        self.timer.stop()
        self.runner.shutdown()

    def poll_now(self, job_ids: Iterable[str] = ()) -> None:
        """Poll the active jobs that are due, plus ``job_ids`` whatever their state (after a running round)."""
        self._forced.update(job_ids)
        if self._stopped:
            return
        if self.runner.busy:
            self._again = self._again or bool(self._forced)
            return
        now = time.monotonic()
        targets = [
            (job_id, profile)
            for job_id, profile, active in self.jobs()
            if job_id in self._forced
            or (active and self._schedule.setdefault(job_id, _Schedule()).due <= now)
        ]
        self._forced.clear()
        reconcile = self.pending_profiles() if self._reconcile else []
        self._reconcile = False
        if targets or reconcile:
            self.runner.start(_round_task(self.store_path, targets, reconcile, self.provider_for))

    def _on_round(self, result: RoundResult) -> None:
        now = time.monotonic()
        for job_id, outcome in result.outcomes.items():
            entry = self._schedule.setdefault(job_id, _Schedule())
            if outcome.error is None:
                entry.failures = 0
                running = outcome.status == "running"
                entry.due = now + self.interval * (RUNNING_SHARE if running else 1.0)
            else:
                entry.failures += 1
                if outcome.retryable:
                    delay = backoff_delay(
                        entry.failures, self.interval, self.max_interval, outcome.retry_after
                    )
                else:
                    delay = self.max_interval
                entry.due = now + delay
        self.round_done.emit(result)
        if self._again:
            self._again = False
            QTimer.singleShot(0, self.poll_now)

    def _on_failed(self, message: str) -> None:
        # The round itself failed (e.g. the store could not be opened): try again at the next tick.
        self.round_done.emit(RoundResult(notes=(message,)))

    def next_poll_in(self, job_id: str) -> float | None:
        """Seconds until ``job_id`` is polled again (None if not scheduled)."""
        entry = self._schedule.get(job_id)
        return None if entry is None else max(0.0, entry.due - time.monotonic())
