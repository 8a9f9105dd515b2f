"""Table models of the Jobs page: profiles, jobs, status timeline and checkpoints (thin RowsModels)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from ftplanner.core.money import format_money
from ftplanner.gui.pages.provider_words import kind_name
from ftplanner.gui.table_models import RowsModel
from ftplanner.jobs.profiles import ProviderProfile
from ftplanner.jobs.store import Checkpoint, Job, Launch, StatusChange
from ftplanner.jobs.tracker import OVERRUN_PERCENT

OVERRUN_COLOR = "#c0392b"
PENDING_COLOR = "#b9770e"
PENDING = "pending"  # the status shown for a launch whose outcome is unknown

KEY_STORED, KEY_SESSION, KEY_ENV, KEY_NONE = "stored", "session", "env", "none"
KEY_NOT_NEEDED = "not needed"  # kinds without an API key (Vertex AI: Google credentials)


def when_text(value: int | None, seconds: bool = False) -> str:
    """A unix time as local ``YYYY-MM-DD HH:MM`` (— when unknown)."""
    if value is None:
        return "—"
    return time.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M", time.localtime(value))


def status_text(status: str) -> str:
    """The translated name of a normalised job status."""
    names = {
        "validating": QCoreApplication.translate("JobStatus", "validating"),
        "queued": QCoreApplication.translate("JobStatus", "queued"),
        "running": QCoreApplication.translate("JobStatus", "running"),
        "paused": QCoreApplication.translate("JobStatus", "paused"),
        "succeeded": QCoreApplication.translate("JobStatus", "succeeded"),
        "failed": QCoreApplication.translate("JobStatus", "failed"),
        "cancelled": QCoreApplication.translate("JobStatus", "cancelled"),
        PENDING: QCoreApplication.translate("JobStatus", "pending"),
    }
    return names.get(status, status)


def error_text(error: float | None) -> str:
    return "—" if error is None else f"{error:+.1f}%"


@dataclass(frozen=True)
class ProfileRow:
    profile: ProviderProfile
    key_state: str  # KEY_* constant


@dataclass(frozen=True)
class JobRow:
    """A stored job with its estimate and actual cost (USD) and the error in % of the estimate."""

    job: Job
    profile: str | None
    estimated: Decimal | None
    actual: Decimal | None
    error: float | None
    provider_estimate: Decimal | None = None  # the provider's own quote (Together), if it gave one
    estimated_tokens: int | None = None  # training tokens × epochs, as estimated
    price: Decimal | None = None  # per 1M tokens, what the actual cost was computed with
    pending: Launch | None = None  # a launch not known to have created its job (``job`` stands in for it)

    @property
    def ratio(self) -> float | None:
        return None if self.actual is None or not self.estimated else float(self.actual / self.estimated)

    @property
    def overrun(self) -> bool:
        return self.error is not None and self.error > OVERRUN_PERCENT


def overrun_text(row: JobRow) -> str:
    """Why a job cost more than estimated: trained against estimated tokens, at the price used."""
    tokens = "—" if row.job.trained_tokens is None else f"{row.job.trained_tokens:,}"
    estimated = "—" if row.estimated_tokens is None else f"{row.estimated_tokens:,}"
    return QCoreApplication.translate(
        "JobsModel", "{0} over the estimate: {1} tokens trained against {2} estimated, at {3} per 1M tokens."
    ).format(error_text(row.error), tokens, estimated, format_money(row.price))


def pending_row(launch: Launch) -> JobRow:
    """A table row for a pending launch: what is known of it, its job id empty."""
    estimate = launch.estimate or {}
    cost = estimate.get("training_cost")
    stand_in = Job(
        job_id="",
        client_id=launch.client_id,
        provider=launch.provider,
        model=launch.model,
        status=PENDING,
        raw_status=None,
        fine_tuned_model=None,
        trained_tokens=None,
        estimated_finish=None,
        created_at=launch.created_at,
        finished_at=None,
        error=None,
        actual_cost=None,
    )
    return JobRow(
        stand_in, launch.profile, None if cost is None else Decimal(str(cost)), None, None, pending=launch
    )


def upload_text(launch: Launch) -> str:
    """Whether a launch's training file is known to be uploaded."""
    if launch.training_file_id:
        return QCoreApplication.translate("JobsModel", "uploaded as {0}").format(launch.training_file_id)
    return QCoreApplication.translate("JobsModel", "not uploaded")


def pending_text(launch: Launch) -> str:
    """What is known of a pending launch, in one sentence."""
    upload = upload_text(launch)
    return QCoreApplication.translate(
        "JobsModel",
        "Launch {0} on profile {1}: {2}, {3} ({4}), since {5}. It is not known whether the provider created"
        " its job: Check pending launches finds out.",
    ).format(
        launch.client_id,
        launch.profile,
        launch.model,
        Path(launch.training_file).name,
        upload,
        when_text(launch.created_at),
    )


def _money_key(amount: Decimal | None) -> float:
    return float("inf") if amount is None else float(amount)


class ProfilesModel(RowsModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                (self.tr("Name"), lambda r: r.profile.name),
                (self.tr("Kind"), lambda r: self.kind_text(r.profile.kind)),
                (self.tr("Key"), lambda r: self.key_text(r)),
                (self.tr("Budget"), lambda r: format_money(r.profile.budget)),
                (self.tr("Endpoint"), lambda r: self.endpoint_text(r.profile)),
            ],
            parent=parent,
        )
        self.tooltip = lambda r, column: self.endpoint_text(r.profile) if column == 4 else None

    def kind_text(self, kind: str) -> str:
        return kind_name(kind, short=True)

    def key_text(self, row: ProfileRow) -> str:
        if row.key_state == KEY_STORED:
            return self.tr("stored")
        if row.key_state == KEY_SESSION:
            return self.tr("session only")
        if row.key_state == KEY_ENV:
            return self.tr("from {0}").format(row.profile.env_var)
        if row.key_state == KEY_NOT_NEEDED:
            return self.tr("not needed")
        return self.tr("none")

    def endpoint_text(self, profile: ProviderProfile) -> str:
        if profile.base_url:
            return profile.base_url
        if profile.resource:
            return self.tr("resource {0}").format(profile.resource)
        return self.tr("default")


class JobsModel(RowsModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                (self.tr("Job"), self.job_text),
                (self.tr("Model"), lambda r: r.job.model or "—"),
                (self.tr("Status"), lambda r: status_text(r.job.status)),
                (self.tr("Created"), lambda r: when_text(r.job.created_at)),
                (self.tr("Estimate"), lambda r: format_money(r.estimated)),
                (self.tr("Actual vs estimate"), self.actual_text),
                (self.tr("Fine-tuned model"), lambda r: r.job.fine_tuned_model or "—"),
                (self.tr("Last checked"), lambda r: when_text(r.job.checked_at, seconds=True)),
            ],
            sort_keys={
                4: lambda r: _money_key(r.estimated),
                5: lambda r: _money_key(r.actual),
                7: lambda r: r.job.checked_at or 0,
            },
            parent=parent,
        )
        self.tooltip = self._tooltip
        self.foreground = self._foreground

    def job_text(self, row: JobRow) -> str:
        if row.pending is None:
            return row.job.job_id
        return self.tr("Launch of {0}").format(Path(row.pending.training_file).name)

    def _foreground(self, row: JobRow, column: int) -> QColor | None:
        if row.pending is not None and column in (0, 2):
            return QColor(PENDING_COLOR)
        return QColor(OVERRUN_COLOR) if column == 5 and row.overrun else None

    def actual_text(self, row: JobRow) -> str:
        if row.actual is None:
            return "—"
        if row.ratio is None:
            return format_money(row.actual)
        return f"{format_money(row.actual)} (×{row.ratio:.2f})"  # the difference in % is in the tooltip

    def _tooltip(self, row: JobRow, column: int) -> str | None:
        if row.pending is not None:
            return pending_text(row.pending)
        if column == 2 and row.job.error:
            return row.job.error
        if column == 5:
            if row.overrun:
                return overrun_text(row)
            return self.tr("Actual cost against the estimate: {0} times it ({1})").format(
                "—" if row.ratio is None else f"{row.ratio:.2f}", error_text(row.error)
            )
        if column in (1, 6):
            return row.job.model if column == 1 else row.job.fine_tuned_model
        return None

    def row_of(self, job_id: str) -> int:
        return next((i for i, r in enumerate(self.rows()) if job_id and r.job.job_id == job_id), -1)

    def pending_count(self) -> int:
        return sum(1 for r in self.rows() if r.pending is not None)


class TimelineModel(RowsModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                (self.tr("Status"), lambda r: status_text(r.status)),
                (self.tr("Since"), lambda r: when_text(r.at, seconds=True)),
            ],
            parent=parent,
        )

    def set_history(self, history: list[StatusChange]) -> None:
        self.set_rows(history)


def _metric(checkpoint: Checkpoint, *names: str) -> str:
    metrics = checkpoint.metrics or {}
    for name in names:
        value = metrics.get(name)
        if isinstance(value, int | float):
            return f"{value:.4f}"
    return "—"


class CheckpointsModel(RowsModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                (self.tr("Step"), lambda c: "—" if c.step is None else str(c.step)),
                (self.tr("Train loss"), lambda c: _metric(c, "train_loss")),
                (
                    self.tr("Train accuracy"),
                    lambda c: _metric(c, "train_mean_token_accuracy", "train_accuracy"),
                ),
                (self.tr("Valid loss"), lambda c: _metric(c, "full_valid_loss", "valid_loss")),
                (self.tr("Checkpoint"), lambda c: c.checkpoint_id),
            ],
            sort_keys={0: lambda c: -1 if c.step is None else c.step},
            parent=parent,
        )
