"""The provider interface: plain data in and out, normalised statuses, one error type."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, Protocol

from ftplanner.core.errors import Refused

Status = Literal["validating", "queued", "running", "paused", "succeeded", "failed", "cancelled"]
STATUSES: tuple[Status, ...] = (
    "validating",
    "queued",
    "running",
    "paused",
    "succeeded",
    "failed",
    "cancelled",
)
TERMINAL_STATUSES: frozenset[Status] = frozenset({"succeeded", "failed", "cancelled"})

#: Provider status → normalised status. Other providers add their own table.
OPENAI_STATUS_MAP: Mapping[str, Status] = {
    "validating_files": "validating",
    "queued": "queued",
    "running": "running",
    "succeeded": "succeeded",
    "failed": "failed",
    "cancelled": "cancelled",
    "paused": "paused",
}

Method = Literal["supervised", "dpo"]
ProgressCallback = Callable[[int, int], None]
"""Called with (bytes_done, bytes_total)."""


def normalise_status(raw: str, mapping: Mapping[str, Status] = OPENAI_STATUS_MAP) -> Status:
    """The normalised status for a provider's raw one; unknown values count as queued."""
    return mapping.get(raw, "queued")


class ProviderError(Refused):
    """A provider call failed (exit code 1, like a refusal); the message is one line and never contains a
    credential."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        code: str | None = None,
        retryable: bool = False,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.code = code
        self.retryable = retryable
        self.retry_after = retry_after


@dataclass(frozen=True)
class FileRef:
    """An uploaded file."""

    id: str
    filename: str
    bytes: int
    purpose: str
    status: str | None = None


@dataclass(frozen=True)
class ProviderEstimate:
    """A provider's own pre-launch price quote (Together's ``estimate-price``)."""

    total_usd: Decimal | None
    train_tokens: int | None = None
    eval_tokens: int | None = None
    allowed_to_proceed: bool = True
    reason: str | None = None


@dataclass(frozen=True)
class JobRequest:
    """What to fine-tune; ``None`` hyperparameters leave the choice to the provider ("auto")."""

    model: str
    training_file: str
    validation_file: str | None = None
    method: Method = "supervised"
    epochs: int | None = None
    batch_size: int | None = None
    learning_rate_multiplier: float | None = None
    beta: float | None = None
    lora: bool | None = None  # LoRA (True) or full fine-tuning (False), where the provider offers both
    lora_rank: int | None = None
    context_length: int | None = None  # the longest example the provider trains on, in tokens
    suffix: str | None = None
    seed: int | None = None
    metadata: Mapping[str, str] = field(default_factory=dict)
    wandb_project: str | None = None  # log the run to this Weights & Biases project
    wandb_api_key: str | None = field(default=None, repr=False)  # sent only where the API takes it


#: What a provider's ``wandb_support`` attribute says about Weights & Biases: "integrations" (OpenAI's
#: ``integrations``, the W&B key registered with the provider account) or "api_key" (the request carries
#: the W&B key, as Together's ``wandb_api_key``). A provider without the attribute takes no W&B settings.
WANDB_INTEGRATIONS = "integrations"
WANDB_API_KEY = "api_key"


@dataclass(frozen=True)
class JobInfo:
    """A job as the provider last reported it; times are Unix seconds."""

    id: str
    model: str
    status: Status
    raw_status: str
    created_at: int | None = None
    finished_at: int | None = None
    trained_tokens: int | None = None
    estimated_finish: int | None = None
    fine_tuned_model: str | None = None
    error: str | None = None
    metadata: Mapping[str, str] = field(default_factory=dict)
    result_files: tuple[str, ...] = ()

    @property
    def is_terminal(self) -> bool:
        return self.status in TERMINAL_STATUSES


@dataclass(frozen=True)
class Event:
    """One job event (providers return them newest first)."""

    id: str
    created_at: int
    level: str
    message: str
    data: Mapping[str, Any] | None = (
        None  # e.g. {"step", "total_steps", "train_loss", ...} of a metrics event
    )


@dataclass(frozen=True)
class Checkpoint:
    """A saved checkpoint with its metrics (name → value)."""

    id: str
    step: int
    created_at: int
    fine_tuned_model_checkpoint: str
    metrics: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class MetricRow:
    """One training step from the result file; missing cells are ``None``."""

    step: int
    train_loss: float | None = None
    train_accuracy: float | None = None
    valid_loss: float | None = None
    valid_accuracy: float | None = None


class Provider(Protocol):
    """A fine-tuning API. Every method raises :class:`ProviderError` on failure."""

    def upload_file(
        self,
        path: Path,
        purpose: str = "fine-tune",
        progress: ProgressCallback | None = None,
        filename: str | None = None,
    ) -> FileRef:
        """Upload ``path`` once (no automatic retry) under ``filename`` (default: its own name)."""
        ...

    def list_files(self, purpose: str | None = "fine-tune") -> list[FileRef]:
        """Uploaded files, newest first (used to find an upload whose response was lost)."""
        ...

    def delete_file(self, file_id: str) -> None:
        """Delete an uploaded file; a file that is already gone counts as deleted."""
        ...

    def check_suffix(self, suffix: str | None) -> None:
        """Raise UserError when ``suffix`` breaks the provider's rules (checked before any upload)."""
        ...

    def create_job(self, request: JobRequest) -> JobInfo: ...

    def get_job(self, job_id: str) -> JobInfo: ...

    def list_jobs(self, metadata: Mapping[str, str] | None = None, limit: int = 20) -> list[JobInfo]: ...

    def list_events(
        self, job_id: str, after: str | None = None, limit: int = 50
    ) -> tuple[list[Event], bool]: ...

    def list_checkpoints(self, job_id: str) -> list[Checkpoint]: ...

    def cancel(self, job_id: str) -> JobInfo: ...

    def pause(self, job_id: str) -> JobInfo: ...

    def resume(self, job_id: str) -> JobInfo: ...

    def download_metrics(self, job: JobInfo) -> list[MetricRow]: ...

    def estimate_price(self, request: JobRequest) -> ProviderEstimate | None:
        """The provider's own price quote for ``request`` (files uploaded), or None if it has none."""
        ...
