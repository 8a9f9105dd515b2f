"""OpenAI-compatible fine-tuning APIs (OpenAI, Azure OpenAI / Foundry, generic proxies) via the openai SDK."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

import openai

from ftplanner.core.errors import UserError
from ftplanner.providers.base import (
    OPENAI_STATUS_MAP,
    WANDB_INTEGRATIONS,
    Checkpoint,
    Event,
    FileRef,
    JobInfo,
    JobRequest,
    MetricRow,
    ProgressCallback,
    ProviderError,
    ProviderEstimate,
    normalise_status,
)
from ftplanner.providers.metrics import parse_metrics
from ftplanner.providers.retry import parse_retry_after

ProfileKind = Literal["openai", "azure", "generic", "nebius"]
SUFFIX_MAX = 40
_T = TypeVar("_T")
_KEY_PATTERN = re.compile(r"\b(sk-[A-Za-z0-9_\-*]{6,})")


@dataclass(frozen=True)
class Profile:
    """How to reach an OpenAI-compatible endpoint.

    ``base_url`` is required for ``generic`` and, for ``azure``, may be given instead of ``resource``.
    ``header_name`` (generic only) carries the key; ``Authorization`` means ``Bearer <key>``.
    ``training_type`` (azure only) is sent as ``trainingType`` with every create.
    """

    kind: ProfileKind = "openai"
    base_url: str | None = None
    resource: str | None = None
    header_name: str = "Authorization"
    training_type: str | None = None

    @property
    def name(self) -> str:
        names = {
            "openai": "OpenAI",
            "azure": "Azure OpenAI",
            "generic": "OpenAI-compatible API",
            "nebius": "Nebius Token Factory",
        }
        return names[self.kind]

    def resolved_base_url(self) -> str | None:
        """The base URL to give the SDK (``None`` = the SDK's default)."""
        if self.kind == "azure" and not self.base_url:
            if not self.resource:
                raise UserError("Azure OpenAI needs a resource name or a base URL")
            return f"https://{self.resource}.openai.azure.com/openai/v1/"
        if self.kind == "generic" and not self.base_url:
            raise UserError("an OpenAI-compatible profile needs a base URL")
        return self.base_url

    def key_header(self) -> str:
        """The header that carries the API key."""
        if self.kind == "azure":
            return "api-key"
        if self.kind == "generic":
            return self.header_name
        return "Authorization"


def make_client(
    profile: Profile, api_key: str, timeout: float = 30.0, *, max_retries: int = 2
) -> openai.OpenAI:
    """An ``openai.OpenAI`` client for ``profile``; the key goes only into the profile's key header."""
    if not api_key:
        raise UserError(f"no API key for {profile.name}")
    header = profile.key_header()
    base_url = profile.resolved_base_url()
    if header.lower() == "authorization":
        return openai.OpenAI(api_key=api_key, base_url=base_url, timeout=timeout, max_retries=max_retries)
    return _HeaderKeyClient(
        api_key=api_key,
        base_url=base_url,
        timeout=timeout,
        max_retries=max_retries,
        default_headers={header: api_key},
    )


class _HeaderKeyClient(openai.OpenAI):
    """An SDK client whose key travels only in a default header (e.g. Azure's ``api-key``), never as Bearer."""

    def _auth_headers(self, security: Any) -> dict[str, str]:
        return {}

    def _validate_headers(self, headers: Any, custom_headers: Any) -> None:
        return None


def _file_ref(obj: Any) -> FileRef:
    return FileRef(obj.id, obj.filename, obj.bytes, obj.purpose, getattr(obj, "status", None))


def validate_suffix(suffix: str | None, profile: Profile) -> None:
    """Raise :class:`UserError` when ``suffix`` breaks the profile's rules (checked before any request)."""
    if suffix is None:
        return
    if len(suffix) > SUFFIX_MAX:
        raise UserError(f"model suffix {suffix!r} is {len(suffix)} characters; at most {SUFFIX_MAX} allowed")
    if profile.kind == "azure" and "." in suffix:
        raise UserError(f"model suffix {suffix!r} contains a dot, which Azure OpenAI does not accept")
    if not re.fullmatch(r"[A-Za-z0-9_\-.]*", suffix):
        raise UserError(f"model suffix {suffix!r} may only contain letters, digits, '-', '_' and '.'")


class _ProgressReader(io.RawIOBase):
    """A read-only file that reports bytes read to a progress callback."""

    def __init__(self, path: Path, progress: ProgressCallback) -> None:
        self._file = path.open("rb")
        self._total = path.stat().st_size
        self._done = 0
        self._progress = progress
        self.name = path.name

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        count = self._file.readinto(buffer)
        if count:
            self._done += count
            self._progress(self._done, self._total)
        return count or 0

    def close(self) -> None:
        self._file.close()
        super().close()


def _retry_after(response: Any) -> float | None:
    return parse_retry_after(getattr(response, "headers", None))


class OpenAICompatibleProvider:
    """The provider interface over an injected ``openai.OpenAI`` client."""

    status_map = OPENAI_STATUS_MAP
    wandb_support = WANDB_INTEGRATIONS  # the W&B key is registered with the provider's organisation

    def __init__(self, client: openai.OpenAI, profile: Profile | None = None) -> None:
        self._client = client
        self.profile = profile or Profile()
        self._secrets = tuple(s for s in self._client_secrets(client) if len(s) >= 4)

    def __repr__(self) -> str:
        return f"OpenAICompatibleProvider({self.profile.kind}, {self._client.base_url})"

    @staticmethod
    def _client_secrets(client: openai.OpenAI) -> list[str]:
        secrets = [client.api_key or ""]
        for name, value in client._custom_headers.items():
            if isinstance(value, str) and name.lower() in {"api-key", "authorization", "x-api-key"}:
                secrets.append(value)
        return secrets

    # -- error mapping -------------------------------------------------------------------------------

    def _redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "***")
        return _KEY_PATTERN.sub("sk-***", text)

    def _error(self, exc: openai.OpenAIError, action: str) -> ProviderError:
        where = self.profile.name
        if isinstance(exc, openai.APITimeoutError):
            return ProviderError(f"{where}: {action} timed out", retryable=True)
        if isinstance(exc, openai.APIConnectionError):
            return ProviderError(f"{where}: {action} failed: could not connect", retryable=True)
        if isinstance(exc, openai.APIStatusError):
            status = exc.status_code
            body = exc.body if isinstance(exc.body, dict) else {}
            error = body.get("error", body) if isinstance(body, dict) else {}
            error = error if isinstance(error, dict) else {}
            kind = error.get("type") or getattr(exc, "type", None)
            code = error.get("code") or getattr(exc, "code", None)
            message = error.get("message") or exc.message
            label = "/".join(str(part) for part in (kind, code) if part)
            text = f"{where}: {action} failed: HTTP {status}" + (f" ({label})" if label else "")
            text += f": {' '.join(str(message).split())}"
            retry_after = _retry_after(exc.response)
            return ProviderError(
                self._redact(text),
                status_code=status,
                code=str(code) if code else None,
                retryable=status in (408, 409, 429) or status >= 500,
                retry_after=retry_after,
            )
        return ProviderError(self._redact(f"{where}: {action} failed: {exc}"))

    @contextmanager
    def _calling(self, action: str) -> Iterator[None]:
        try:
            yield
        except openai.OpenAIError as exc:
            raise self._error(exc, action) from None

    def _call(self, action: str, fn: Callable[[], _T]) -> _T:
        with self._calling(action):
            return fn()

    # -- conversion ----------------------------------------------------------------------------------

    def _job(self, job: Any) -> JobInfo:
        error = getattr(job, "error", None)
        message = getattr(error, "message", None) if error is not None else None
        return JobInfo(  # fields some OpenAI-compatible APIs leave out are read with getattr
            id=job.id,
            model=job.model,
            status=normalise_status(job.status, self.status_map),
            raw_status=job.status,
            created_at=job.created_at,
            finished_at=getattr(job, "finished_at", None),
            trained_tokens=getattr(job, "trained_tokens", None),
            estimated_finish=getattr(job, "estimated_finish", None),
            fine_tuned_model=getattr(job, "fine_tuned_model", None),
            error=self._redact(message) if message else None,
            metadata=dict(getattr(job, "metadata", None) or {}),
            result_files=tuple(getattr(job, "result_files", None) or ()),
        )

    # -- the interface -------------------------------------------------------------------------------

    def upload_file(
        self,
        path: Path,
        purpose: str = "fine-tune",
        progress: ProgressCallback | None = None,
        filename: str | None = None,
    ) -> FileRef:
        """Upload ``path`` once (the SDK does not retry it); ``progress`` gets (bytes read, total)."""
        path = Path(path)
        if not path.is_file():
            raise UserError(f"{path}: no such file")
        reader = _ProgressReader(path, progress or (lambda done, total: None))
        try:
            with self._calling(f"uploading {path.name}"):
                obj = self._client.with_options(max_retries=0).files.create(
                    file=(filename or path.name, io.BufferedReader(reader), "application/jsonl"),
                    purpose=purpose,  # type: ignore[arg-type]
                )
        finally:
            reader.close()
        return _file_ref(obj)

    def list_files(self, purpose: str | None = "fine-tune") -> list[FileRef]:
        def fetch() -> list[FileRef]:
            kwargs: dict[str, Any] = {"order": "desc", "limit": 100}
            if purpose:
                kwargs["purpose"] = purpose
            return [_file_ref(obj) for obj in self._client.files.list(**kwargs).data]

        return self._call("listing files", fetch)

    def delete_file(self, file_id: str) -> None:
        try:
            self._call(f"deleting file {file_id}", lambda: self._client.files.delete(file_id))
        except ProviderError as exc:
            if exc.status_code != 404:
                raise

    def check_suffix(self, suffix: str | None) -> None:
        validate_suffix(suffix, self.profile)

    def create_job(self, request: JobRequest) -> JobInfo:
        """Create a job, sent once: the SDK never retries it (a retry could start a second job)."""
        validate_suffix(request.suffix, self.profile)
        hyper: dict[str, Any] = {
            key: value
            for key, value in (
                ("n_epochs", request.epochs),
                ("batch_size", request.batch_size),
                ("learning_rate_multiplier", request.learning_rate_multiplier),
            )
            if value is not None
        }
        if request.method == "dpo" and request.beta is not None:
            hyper["beta"] = request.beta
        params: dict[str, Any] = {
            "model": request.model,
            "training_file": request.training_file,
            "method": {"type": request.method, request.method: {"hyperparameters": hyper}},
        }
        for key in ("validation_file", "suffix", "seed"):
            if getattr(request, key) is not None:
                params[key] = getattr(request, key)
        if request.metadata:
            params["metadata"] = dict(request.metadata)
        if request.wandb_project:
            params["integrations"] = [{"type": "wandb", "wandb": {"project": request.wandb_project}}]
        if self.profile.kind == "azure" and self.profile.training_type:
            params["extra_body"] = {"trainingType": self.profile.training_type}
        client = self._client.with_options(max_retries=0)
        return self._job(self._call("creating the job", lambda: client.fine_tuning.jobs.create(**params)))

    def get_job(self, job_id: str) -> JobInfo:
        return self._job(
            self._call(f"reading job {job_id}", lambda: self._client.fine_tuning.jobs.retrieve(job_id))
        )

    def list_jobs(self, metadata: Mapping[str, str] | None = None, limit: int = 20) -> list[JobInfo]:
        """The newest jobs, filtered by metadata (how a launch that timed out finds its job)."""
        kwargs: dict[str, Any] = {"limit": limit}
        if metadata:
            kwargs["metadata"] = dict(metadata)
        page = self._call("listing jobs", lambda: self._client.fine_tuning.jobs.list(**kwargs))
        return [self._job(job) for job in page.data]

    def list_events(self, job_id: str, after: str | None = None, limit: int = 50) -> tuple[list[Event], bool]:
        """One page of events, newest first, and whether more (older) ones exist after it."""
        kwargs: dict[str, Any] = {"limit": limit}
        if after:
            kwargs["after"] = after
        page = self._call(
            f"reading events of {job_id}", lambda: self._client.fine_tuning.jobs.list_events(job_id, **kwargs)
        )
        events = [
            Event(
                e.id,
                e.created_at,
                e.level,
                self._redact(e.message),
                e.data if isinstance(e.data, dict) else None,
            )
            for e in page.data
        ]
        return events, bool(page.has_more)

    def list_checkpoints(self, job_id: str) -> list[Checkpoint]:
        page = self._call(
            f"reading checkpoints of {job_id}",
            lambda: self._client.fine_tuning.jobs.checkpoints.list(job_id, limit=100),
        )
        result = []
        for item in page.data:
            metrics = item.metrics.model_dump(exclude_none=True) if item.metrics else {}
            result.append(
                Checkpoint(
                    item.id,
                    item.step_number,
                    item.created_at,
                    item.fine_tuned_model_checkpoint,
                    {k: float(v) for k, v in metrics.items() if isinstance(v, (int, float))},
                )
            )
        return sorted(result, key=lambda c: c.step)

    def cancel(self, job_id: str) -> JobInfo:
        return self._job(
            self._call(f"cancelling {job_id}", lambda: self._client.fine_tuning.jobs.cancel(job_id))
        )

    def estimate_price(self, request: JobRequest) -> ProviderEstimate | None:
        """OpenAI-compatible APIs publish no price quote."""
        return None

    def pause(self, job_id: str) -> JobInfo:
        return self._job(self._call(f"pausing {job_id}", lambda: self._client.fine_tuning.jobs.pause(job_id)))

    def resume(self, job_id: str) -> JobInfo:
        return self._job(
            self._call(f"resuming {job_id}", lambda: self._client.fine_tuning.jobs.resume(job_id))
        )

    def download_metrics(self, job: JobInfo) -> list[MetricRow]:
        """Training metrics from the job's result file; empty when it has none yet."""
        if not job.result_files:
            return []
        file_id = job.result_files[0]
        content = self._call(f"downloading {file_id}", lambda: self._client.files.content(file_id))
        return parse_metrics(content.content)
