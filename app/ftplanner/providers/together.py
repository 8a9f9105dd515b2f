"""Together AI fine-tuning over its REST API (files + fine-tunes), with ``httpx2`` as the transport.

Together jobs carry no metadata, so the launch tag (``ftplanner_client_id``) travels in the model-name
``suffix`` as a short hash; ``list_jobs(metadata=...)`` lists every job and matches that hash client-side.
Creates and uploads are sent once and never retried here: after a retryable failure the caller looks the
job up by its tag (the file by its tagged name, via ``list_files``) before sending it again.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import httpx2

from ftplanner.core.errors import UserError
from ftplanner.core.money import decimal_or_none
from ftplanner.providers import http_json
from ftplanner.providers.base import (
    WANDB_API_KEY,
    Checkpoint,
    Event,
    FileRef,
    JobInfo,
    JobRequest,
    MetricRow,
    ProgressCallback,
    ProviderError,
    ProviderEstimate,
    Status,
    normalise_status,
)
from ftplanner.providers.retry import parse_retry_after

DEFAULT_BASE_URL = "https://api.together.xyz/v1"
NAME = "Together"
#: The job tag key the launch flow uses (``ftplanner.jobs.launch.CLIENT_ID_KEY``).
TAG_KEY = "ftplanner_client_id"
TAG_PREFIX = "fp"
TAG_HEX = 10
SUFFIX_MAX = 40
#: Together's default learning rate; ``learning_rate_multiplier`` scales it.
DEFAULT_LEARNING_RATE = 1e-5
_FILE_TYPES = {".jsonl": "jsonl", ".csv": "csv", ".parquet": "parquet"}
_KEY_PATTERN = re.compile(r"\b(tgp_v1_[A-Za-z0-9_\-]{6,}|[0-9a-f]{64})\b")

#: Together status → normalised status.
TOGETHER_STATUS_MAP: Mapping[str, Status] = {
    "pending": "queued",
    "queued": "queued",
    "running": "running",
    "compressing": "running",  # training done, the model is being packaged
    "uploading": "running",
    # Still running until Together stops it (and bills it up to then); the raw status shows the request.
    # Mapping it to "cancelled" would end tracking before the job's real final state is known.
    "cancel_requested": "running",
    "cancelled": "cancelled",
    "completed": "succeeded",
    "error": "failed",
    "user_error": "failed",
}

_METRIC_KEYS: dict[str, tuple[str, ...]] = {
    "train_loss": ("train/loss", "train_loss", "loss"),
    "train_accuracy": ("train/accuracy", "train/mean_token_accuracy", "train_accuracy"),
    "valid_loss": ("eval/loss", "valid/loss", "validation/loss", "eval_loss", "valid_loss"),
    "valid_accuracy": ("eval/accuracy", "valid/accuracy", "eval/mean_token_accuracy", "valid_accuracy"),
}
_STEP_KEYS = ("train/global_step", "global_step", "step", "eval/global_step")


def client_tag(client_id: str) -> str:
    """The short, suffix-safe tag for a launch's client id."""
    return TAG_PREFIX + hashlib.sha256(client_id.encode()).hexdigest()[:TAG_HEX]


def tagged_suffix(suffix: str | None, client_id: str | None) -> str | None:
    """``suffix`` with the launch tag appended; UserError when the result breaks Together's rules."""
    parts = [part for part in (suffix, client_tag(client_id) if client_id else None) if part]
    if not parts:
        return None
    result = "-".join(parts)
    if suffix is not None and not re.fullmatch(r"[A-Za-z0-9_\-.]*", suffix):
        raise UserError(f"model suffix {suffix!r} may only contain letters, digits, '-', '_' and '.'")
    if len(result) > SUFFIX_MAX:
        room = SUFFIX_MAX - (len(result) - len(suffix or ""))
        raise UserError(
            f"model suffix {suffix!r} is {len(suffix or '')} characters; Together allows at most {room} "
            "here (the launch tag takes the rest)"
        )
    return result


def _unix(value: Any) -> int | None:
    """Unix seconds from Together's ISO date-times (or numbers)."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        return int(value)
    try:
        return int(datetime.fromisoformat(str(value).replace("Z", "+00:00")).timestamp())
    except ValueError:
        return None


def _retry_after(response: httpx2.Response) -> float | None:
    return parse_retry_after(response.headers)


def _level(raw: Any) -> str:
    text = str(raw or "info")
    return {"legacy_info": "info", "legacy_iwarning": "warning", "legacy_ierror": "error"}.get(text, text)


class _ProgressFile:
    """A binary file that reports bytes read to a progress callback (rewinds restart the count)."""

    def __init__(self, file: IO[bytes], total: int, progress: ProgressCallback) -> None:
        self._file = file
        self._total = total
        self._done = 0
        self._progress = progress

    def read(self, size: int = -1) -> bytes:
        data = self._file.read(size)
        if data:
            self._done += len(data)
            self._progress(self._done, self._total)
        return data

    def seek(self, offset: int, whence: int = 0) -> int:
        position = self._file.seek(offset, whence)
        self._done = position
        return position

    def tell(self) -> int:
        return self._file.tell()

    def fileno(self) -> int:
        return self._file.fileno()


class TogetherProvider:
    """The provider interface over Together's REST API.

    ``lora``: None leaves the training type to Together (LoRA by default), True asks for LoRA (with
    ``lora_r``/``lora_alpha`` when a rank is given), False for full fine-tuning. ``n_evals`` is how often
    the validation file is evaluated (billed: n_evals × validation tokens). ``learning_rate`` is absolute;
    without it a request's ``learning_rate_multiplier`` scales Together's default of 1e-5. ``max_retries``
    applies to reads only; creates, uploads and cancels are sent once. An injected ``client`` (tests, proxies)
    keeps its own timeout.
    """

    status_map = TOGETHER_STATUS_MAP
    name = "together"
    wandb_support = WANDB_API_KEY  # the create carries the W&B key (wandb_api_key)

    def __init__(
        self,
        api_key: str,
        base_url: str = DEFAULT_BASE_URL,
        *,
        timeout: float = 30.0,
        max_retries: int = 2,
        lora: bool | None = None,
        lora_r: int | None = None,
        lora_alpha: int | None = None,
        n_evals: int | None = None,
        learning_rate: float | None = None,
        client: httpx2.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if not api_key:
            raise UserError(f"no API key for {NAME}")
        self._key = api_key
        self.base_url = base_url.rstrip("/")
        self._client = client or httpx2.Client(timeout=timeout, follow_redirects=False)
        self._headers = {"Authorization": f"Bearer {api_key}", "Accept": "application/json"}
        self.max_retries = max_retries
        self.lora = lora
        self.lora_r = lora_r
        self.lora_alpha = lora_alpha
        self.n_evals = n_evals
        self.learning_rate = learning_rate
        self._sleep = sleep
        self._also_secret: set[str] = set()  # e.g. a W&B key sent in a create

    def __repr__(self) -> str:
        return f"TogetherProvider({self.base_url})"

    def close(self) -> None:
        self._client.close()

    # -- transport and error mapping -----------------------------------------------------------------

    def _redact(self, text: str) -> str:
        if len(self._key) >= 4:
            text = text.replace(self._key, "***")
        for secret in self._also_secret:
            text = text.replace(secret, "***")
        return _KEY_PATTERN.sub("***", text)

    def _status_error(self, response: httpx2.Response, action: str) -> ProviderError:
        status = response.status_code
        try:
            body = response.json()
        except ValueError:
            body = None
        error = body.get("error", body) if isinstance(body, dict) else None
        if isinstance(error, str):
            error = {"message": error}
        error = error if isinstance(error, dict) else {}
        kind, code = error.get("type"), error.get("code")
        message = (
            error.get("message") or (response.text[:300] if body is None else "") or response.reason_phrase
        )
        label = "/".join(str(part) for part in (kind, code) if part)
        text = f"{NAME}: {action} failed: HTTP {status}" + (f" ({label})" if label else "")
        text += f": {' '.join(str(message).split())}"
        return ProviderError(
            self._redact(text),
            status_code=status,
            code=str(code) if code else None,
            retryable=status in (408, 409, 429) or status >= 500,
            retry_after=_retry_after(response),
        )

    def _send(self, method: str, path: str, action: str, **kwargs: Any) -> httpx2.Response:
        """One request; every failure becomes a one-line ProviderError."""
        headers = {**self._headers, **kwargs.pop("headers", {})}
        return http_json.send(
            self._client,
            method,
            self.base_url + path,
            name=NAME,
            action=action,
            status_error=self._status_error,
            headers=headers,
            **kwargs,
        )

    def _request(self, method: str, path: str, action: str, *, retries: int = 0, **kwargs: Any) -> Any:
        """A request answered with JSON; retryable failures are tried ``retries`` more times."""
        return http_json.request_json(
            lambda: self._send(method, path, action, **kwargs),
            name=NAME,
            action=action,
            retries=retries,
            sleep=self._sleep,
        )

    def _get(self, path: str, action: str, **kwargs: Any) -> Any:
        return self._request("GET", path, action, retries=self.max_retries, **kwargs)

    # -- conversion ----------------------------------------------------------------------------------

    def _file(self, data: Mapping[str, Any]) -> FileRef:
        processed = data.get("Processed", data.get("processed"))
        status = None if processed is None else ("processed" if processed else "uploaded")
        return FileRef(
            str(data["id"]),
            str(data.get("filename") or ""),
            int(data.get("bytes") or 0),
            str(data.get("purpose") or ""),
            status,
        )

    def _job_error(self, data: Mapping[str, Any]) -> str | None:
        """The message of the job's last error event (Together jobs have no error field)."""
        for event in reversed(list(data.get("events") or ())):
            if event.get("type") == "job_error" or _level(event.get("level")) == "error":
                return self._redact(str(event.get("message") or "")) or None
        return None

    def _job(self, data: Mapping[str, Any], metadata: Mapping[str, str] | None = None) -> JobInfo:
        raw = str(data.get("status") or "")
        status = normalise_status(raw, self.status_map)
        finished = status in ("succeeded", "failed", "cancelled")
        progress = data.get("progress") or {}
        estimated_finish = None
        if status == "running" and progress.get("estimate_available") and progress.get("seconds_remaining"):
            estimated_finish = int(time.time()) + int(progress["seconds_remaining"])
        token_count = data.get("token_count")
        return JobInfo(
            id=str(data["id"]),
            model=str(data.get("model") or ""),
            status=status,
            raw_status=raw,
            created_at=_unix(data.get("created_at")),
            finished_at=_unix(data.get("updated_at")) if finished else None,
            trained_tokens=int(token_count) if status == "succeeded" and token_count else None,
            estimated_finish=estimated_finish,
            fine_tuned_model=data.get("model_output_name") if status == "succeeded" else None,
            error=self._job_error(data) if status == "failed" else None,
            metadata=dict(metadata or {}),
        )

    def _training_type(self) -> dict[str, Any] | None:
        if self.lora is None:
            return None
        if not self.lora:
            return {"type": "Full"}
        if self.lora_r is None:
            return None  # Together's default: LoRA with the model's default rank
        return {"type": "Lora", "lora_r": self.lora_r, "lora_alpha": self.lora_alpha or 2 * self.lora_r}

    def _training_method(self, request: JobRequest) -> dict[str, Any]:
        if request.method == "dpo":
            method: dict[str, Any] = {"method": "dpo"}
            if request.beta is not None:
                method["dpo_beta"] = request.beta
            return method
        return {"method": "sft", "train_on_inputs": "auto"}

    def _common_body(self, request: JobRequest) -> dict[str, Any]:
        """The fields create and estimate-price share."""
        body: dict[str, Any] = {
            "training_file": request.training_file,
            "model": request.model,
            "training_method": self._training_method(request),
        }
        optional = {
            "validation_file": request.validation_file,
            "n_epochs": request.epochs,
            "n_evals": self.n_evals if request.validation_file else None,
            "training_type": self._training_type(),
        }
        body.update({key: value for key, value in optional.items() if value is not None})
        return body

    # -- files ---------------------------------------------------------------------------------------

    def list_files(self, purpose: str | None = "fine-tune") -> list[FileRef]:
        """Uploaded files (of ``purpose``, if given), newest first."""
        data = self._get("/files", "listing files")
        items = sorted(data.get("data") or (), key=lambda f: _unix(f.get("created_at")) or 0, reverse=True)
        return [self._file(item) for item in items if not purpose or item.get("purpose") == purpose]

    def upload_file(
        self,
        path: Path,
        purpose: str = "fine-tune",
        progress: ProgressCallback | None = None,
        filename: str | None = None,
    ) -> FileRef:
        """Upload ``path`` once (multipart) under ``filename``; ``progress`` gets (bytes read, total)."""
        path = Path(path)
        if not path.is_file():
            raise UserError(f"{path}: no such file")
        file_type = _FILE_TYPES.get(path.suffix.lower())
        if file_type is None:
            raise UserError(f"{path}: Together accepts only .jsonl, .csv and .parquet files")
        name = filename or path.name
        fields = {"purpose": purpose, "file_name": name, "file_type": file_type}
        with path.open("rb") as handle:
            body = _ProgressFile(handle, path.stat().st_size, progress or (lambda done, total: None))
            data = self._request(
                "POST",
                "/files/upload",
                f"uploading {path.name}",
                data=fields,
                files={"file": (name, body, "application/octet-stream")},
            )
        return self._file(data)

    # -- jobs ----------------------------------------------------------------------------------------

    def delete_file(self, file_id: str) -> None:
        try:
            self._send("DELETE", f"/files/{file_id}", f"deleting file {file_id}")
        except ProviderError as exc:
            if exc.status_code != 404:
                raise

    def check_suffix(self, suffix: str | None) -> None:
        tagged_suffix(suffix, "0" * 32)  # the tag's length does not depend on the client id

    def create_job(self, request: JobRequest) -> JobInfo:
        """Create a job, sent once (a retry could start a second job); the launch tag goes in the suffix."""
        client_id = request.metadata.get(TAG_KEY)
        suffix = tagged_suffix(request.suffix, client_id)
        body = self._common_body(request)
        learning_rate = self.learning_rate
        if learning_rate is None and request.learning_rate_multiplier is not None:
            learning_rate = DEFAULT_LEARNING_RATE * request.learning_rate_multiplier
        optional = {
            "batch_size": request.batch_size,
            "learning_rate": learning_rate,
            "suffix": suffix,
            "random_seed": request.seed,
        }
        if request.wandb_project and request.wandb_api_key:
            optional["wandb_api_key"] = request.wandb_api_key
            optional["wandb_project_name"] = request.wandb_project
            if len(request.wandb_api_key) >= 4:
                self._also_secret.add(request.wandb_api_key)
        body.update({key: value for key, value in optional.items() if value is not None})
        data = self._request("POST", "/fine-tunes", "creating the job", json=body)
        return self._job(data, {TAG_KEY: client_id} if client_id else None)

    def get_job(self, job_id: str) -> JobInfo:
        return self._job(self._get(f"/fine-tunes/{job_id}", f"reading job {job_id}"))

    def list_jobs(self, metadata: Mapping[str, str] | None = None, limit: int = 20) -> list[JobInfo]:
        """The newest jobs; with ``metadata``, those tagged with its client id.

        Together stores no metadata: only the launch tag (``ftplanner_client_id``, kept as a hash in the
        suffix) can be matched, so a filter on any other key finds nothing. Every job is searched.
        """
        data = self._get("/fine-tunes", "listing jobs")
        items = sorted(data.get("data") or (), key=lambda j: _unix(j.get("created_at")) or 0, reverse=True)
        if not metadata:
            return [self._job(item) for item in items[:limit]]
        if set(metadata) != {TAG_KEY}:
            return []
        tag = client_tag(metadata[TAG_KEY])
        found = [item for item in items if self._has_tag(item, tag)]
        return [self._job(item, {TAG_KEY: metadata[TAG_KEY]}) for item in found[:limit]]

    @staticmethod
    def _has_tag(item: Mapping[str, Any], tag: str) -> bool:
        pattern = re.compile(rf"(^|-){re.escape(tag)}($|-)")
        return any(pattern.search(str(item.get(key) or "")) for key in ("suffix", "model_output_name"))

    def list_events(self, job_id: str, after: str | None = None, limit: int = 50) -> tuple[list[Event], bool]:
        """One page of events, newest first, and whether older ones follow.

        Together returns all events without ids or paging; ids are ``<job>-event-<n>`` with n counting
        from the oldest, so they stay stable as events are added.
        """
        data = self._get(f"/fine-tunes/{job_id}/events", f"reading events of {job_id}")
        raw = list(data.get("data") or ())
        ordered = sorted(enumerate(raw), key=lambda pair: (_unix(pair[1].get("created_at")) or 0, pair[0]))
        events = [
            Event(
                f"{job_id}-event-{n:05d}",
                _unix(item.get("created_at")) or 0,
                _level(item.get("level")),
                self._redact(str(item.get("message") or item.get("type") or "")),
            )
            for n, (_, item) in enumerate(ordered, start=1)
        ]
        events.reverse()
        if after is not None:
            ids = [event.id for event in events]
            events = events[ids.index(after) + 1 :] if after in ids else []
        return events[:limit], len(events) > limit

    def list_checkpoints(self, job_id: str) -> list[Checkpoint]:
        """Saved checkpoints by step; their ids (``job:step``) are what ``from_checkpoint`` accepts."""
        data = self._get(f"/fine-tunes/{job_id}/checkpoints", f"reading checkpoints of {job_id}")
        result = [
            Checkpoint(
                f"{job_id}:{int(item.get('step') or 0)}",
                int(item.get("step") or 0),
                _unix(item.get("created_at")) or 0,
                str(item.get("path") or ""),
            )
            for item in data.get("data") or ()
        ]
        return sorted(result, key=lambda c: c.step)

    def cancel(self, job_id: str) -> JobInfo:
        return self._job(self._request("POST", f"/fine-tunes/{job_id}/cancel", f"cancelling {job_id}"))

    def pause(self, job_id: str) -> JobInfo:
        raise ProviderError(f"{NAME}: pausing {job_id} failed: not supported by Together", code="unsupported")

    def resume(self, job_id: str) -> JobInfo:
        raise ProviderError(
            f"{NAME}: resuming {job_id} failed: not supported by Together", code="unsupported"
        )

    def download_metrics(self, job: JobInfo) -> list[MetricRow]:
        """Training metrics from ``/fine-tunes/{id}/metrics``, one row per step (train and eval merged)."""
        data = self._get(f"/fine-tunes/{job.id}/metrics", f"reading metrics of {job.id}")
        rows: dict[int, dict[str, float | None]] = {}
        for snapshot in data.get("metrics") or ():
            step = _first_number(snapshot, _STEP_KEYS)
            if step is None:
                continue
            row = rows.setdefault(int(step), dict.fromkeys(_METRIC_KEYS))
            for name, keys in _METRIC_KEYS.items():
                value = _first_number(snapshot, keys)
                if value is not None:
                    row[name] = value
        return [MetricRow(step, **values) for step, values in sorted(rows.items())]

    def estimate_price(self, request: JobRequest) -> ProviderEstimate | None:
        """Together's own quote for ``request`` (files uploaded); refusals carry a reason."""
        data = self._request(
            "POST",
            "/fine-tunes/estimate-price",
            "estimating the price",
            retries=self.max_retries,
            json=self._common_body(request),
        )
        if data.get("estimation_available") is False:
            reason = str(data.get("unavailable_reason") or "unknown")
            return ProviderEstimate(
                None,
                allowed_to_proceed=not reason.endswith("_invalid"),
                reason=f"{NAME} gives no estimate: {reason.replace('_', ' ')}",
            )
        total = decimal_or_none(data.get("estimated_total_price"))
        allowed = data.get("allowed_to_proceed")
        allowed = True if allowed is None else bool(allowed)
        reason = None
        if not allowed:
            limit = decimal_or_none(data.get("user_limit"))
            reason = f"the estimated price USD {total} exceeds"
            reason += f" the credit limit of USD {limit}" if limit is not None else " the available credit"
        return ProviderEstimate(
            total,
            train_tokens=_int(data.get("estimated_train_token_count")),
            eval_tokens=_int(data.get("estimated_eval_token_count")),
            allowed_to_proceed=allowed,
            reason=reason,
        )


def _first_number(snapshot: Mapping[str, Any], keys: tuple[str, ...]) -> float | None:
    for key in keys:
        value = snapshot.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
    return None


def _int(value: Any) -> int | None:
    return None if value is None or isinstance(value, bool) else int(value)
