"""Google Vertex AI supervised tuning of Gemini, through ``google-genai`` and ``google-cloud-storage``.

Both SDKs are an optional extra (``pip install "ftplanner[vertex]"``); without them every use says so in one
line. Training data is converted from OpenAI chat JSONL to Gemini's format (:mod:`ftplanner.core.gemini_format`)
and written to ``gs://bucket/prefix/<tagged name>``: the object name carries the launch tag, so a lost
upload answer is found by listing the prefix. Jobs carry the launch's client id in their ``labels``; a create
is sent once and, after a failure that may have created it, the caller lists jobs by that label before
sending it again. Credentials are Application Default Credentials or a service-account file named by path;
nothing here writes a token or key anywhere.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import re
import time
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ftplanner.core.errors import UserError
from ftplanner.core.gemini_format import Conversion, convert_file, problems_text
from ftplanner.providers.base import (
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
from ftplanner.providers.registry import Connection
from ftplanner.providers.retry import backoff_delay, parse_retry_after

NAME = "Vertex AI"
INSTALL_HINT = 'Google Vertex AI needs the optional packages google-genai and google-cloud-storage: pip install "ftplanner[vertex]"'
SCOPES = ("https://www.googleapis.com/auth/cloud-platform",)
DEFAULT_LOCATION = "us-central1"
TAG_KEY = "ftplanner_client_id"  # the launch flow's CLIENT_ID_KEY; also a valid label key
SOURCE_BYTES_KEY = "ftplanner_source_bytes"  # object metadata: the size of the file before conversion
DISPLAY_NAME_MAX = 128
MAX_RETRY_WAIT = 8.0
LIST_PAGE = 100
MAX_LIST_PAGES = 20
ADAPTER_SIZES = {
    1: "ADAPTER_SIZE_ONE",
    2: "ADAPTER_SIZE_TWO",
    4: "ADAPTER_SIZE_FOUR",
    8: "ADAPTER_SIZE_EIGHT",
    16: "ADAPTER_SIZE_SIXTEEN",
}
_GS_URI = re.compile(r"gs://([a-z0-9][a-z0-9._\-]{1,220}[a-z0-9])(?:/(.*))?")
_LABEL = re.compile(r"[a-z0-9_\-]{0,63}")
_SECRET_PATTERNS = (  # (pattern, whether its first group is kept)
    (re.compile(r"ya29\.[A-Za-z0-9._\-]+"), False),
    (re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=\-]{8,}"), True),
    (re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)", re.S), False),
)

#: Vertex job state → normalised status (``JOB_STATE_PARTIALLY_SUCCEEDED`` is decided per job).
VERTEX_STATUS_MAP: Mapping[str, Status] = {
    "JOB_STATE_UNSPECIFIED": "queued",
    "JOB_STATE_QUEUED": "queued",
    "JOB_STATE_PENDING": "queued",
    "JOB_STATE_RUNNING": "running",
    "JOB_STATE_UPDATING": "running",
    # Still running until Vertex stops it; the raw state shows the request (as Together's cancel_requested).
    "JOB_STATE_CANCELLING": "running",
    "JOB_STATE_PAUSED": "paused",
    "JOB_STATE_SUCCEEDED": "succeeded",
    "JOB_STATE_FAILED": "failed",
    "JOB_STATE_EXPIRED": "failed",
    "JOB_STATE_CANCELLED": "cancelled",
}
#: The finer ``tuning_job_state`` of a queued or running job.
TUNING_STATE_MAP: Mapping[str, Status] = {
    "TUNING_JOB_STATE_WAITING_FOR_QUOTA": "queued",
    "TUNING_JOB_STATE_WAITING_FOR_CAPACITY": "queued",
    "TUNING_JOB_STATE_PROCESSING_DATASET": "validating",
    "TUNING_JOB_STATE_TUNING": "running",
    "TUNING_JOB_STATE_POST_PROCESSING": "running",
}


@dataclass(frozen=True)
class _Sdk:
    genai: Any
    types: Any
    genai_errors: Any
    storage: Any
    gcs_exceptions: Any
    auth: Any
    auth_exceptions: Any
    service_account: Any
    transport_errors: tuple[type[BaseException], ...]


def load_sdk() -> _Sdk:
    """The Google SDKs, or UserError saying how to install them."""
    try:
        genai = importlib.import_module("google.genai")
        types = importlib.import_module("google.genai.types")
        genai_errors = importlib.import_module("google.genai.errors")
        storage = importlib.import_module("google.cloud.storage")
        gcs_exceptions = importlib.import_module("google.api_core.exceptions")
        auth = importlib.import_module("google.auth")
        auth_exceptions = importlib.import_module("google.auth.exceptions")
        service_account = importlib.import_module("google.oauth2.service_account")
    except ImportError:
        raise UserError(INSTALL_HINT) from None
    transport: list[type[BaseException]] = [auth_exceptions.TransportError, ConnectionError, TimeoutError]
    for module_name, attribute in (
        ("httpx", "TransportError"),
        ("httpx2", "TransportError"),
        ("requests.exceptions", "ConnectionError"),
        ("requests.exceptions", "Timeout"),
    ):
        with contextlib.suppress(ImportError, AttributeError):
            transport.append(getattr(importlib.import_module(module_name), attribute))
    return _Sdk(
        genai,
        types,
        genai_errors,
        storage,
        gcs_exceptions,
        auth,
        auth_exceptions,
        service_account,
        tuple(transport),
    )


def parse_gcs_uri(uri: str, where: str = "gcs_uri") -> tuple[str, str]:
    """(bucket, prefix without slashes) of ``gs://bucket/prefix``; UserError naming ``where`` otherwise."""
    match = _GS_URI.fullmatch((uri or "").strip())
    if not match:
        raise UserError(f"{where}: expected gs://BUCKET/PREFIX (a Cloud Storage bucket name), got {uri!r}")
    return match.group(1), (match.group(2) or "").strip("/")


def adapter_size_name(size: int | str | None) -> str | None:
    """Vertex's adapter size enum name for 1, 2, 4, 8 or 16; UserError otherwise."""
    if size is None or size == "":
        return None
    try:
        return ADAPTER_SIZES[int(size)]
    except (KeyError, ValueError, TypeError):
        raise UserError(f"adapter size must be 1, 2, 4, 8 or 16, got {size!r}") from None


def load_credentials(sdk: _Sdk, credentials_file: str | None) -> tuple[Any, str | None]:
    """(credentials, their project or None): the service-account file at ``credentials_file`` or, without
    one, Application Default Credentials. UserError (naming the file, never its contents) when none work."""
    if credentials_file:
        path = Path(credentials_file).expanduser()
        if not path.is_file():
            raise UserError(f"service-account file {path} does not exist")
        try:
            creds = sdk.service_account.Credentials.from_service_account_file(str(path), scopes=list(SCOPES))
        except (ValueError, KeyError, OSError):
            raise UserError(
                f"{path}: not a usable Google service-account key file (JSON with type service_account)"
            ) from None
        return creds, getattr(creds, "project_id", None)
    try:
        return sdk.auth.default(scopes=list(SCOPES))
    except sdk.auth_exceptions.DefaultCredentialsError:
        raise UserError(
            "no Google Cloud credentials: run `gcloud auth application-default login`, set"
            " GOOGLE_APPLICATION_CREDENTIALS, or give the profile a service-account file"
        ) from None


def _unix(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return int(value.timestamp())
    with contextlib.suppress(ValueError):
        return int(datetime.fromisoformat(str(value).replace("Z", "+00:00")).timestamp())
    return None


def _enum(value: Any) -> str:
    return str(getattr(value, "value", value) or "")


class VertexProvider:
    """The provider interface over Vertex AI tuning jobs and Cloud Storage.

    ``gcs_uri`` is where converted data files go (needed to upload and list them, not to follow jobs).
    ``project`` and ``location`` default to ``GOOGLE_CLOUD_PROJECT`` / ``GOOGLE_CLOUD_LOCATION`` (then the
    credentials' project and us-central1). ``credentials`` (tests, callers with their own) wins over
    ``credentials_file`` and ADC. ``base_url`` points the tuning API elsewhere (a fake, a proxy);
    ``storage_endpoint`` does so for Cloud Storage (default: Google's, or ``STORAGE_EMULATOR_HOST``).
    ``max_retries`` applies to reads only: creates, uploads and cancels are sent once.
    """

    status_map = VERTEX_STATUS_MAP
    name = "vertex"

    def __init__(
        self,
        *,
        gcs_uri: str | None,
        project: str | None = None,
        location: str | None = None,
        credentials: Any = None,
        credentials_file: str | None = None,
        base_url: str | None = None,
        storage_endpoint: str | None = None,
        adapter_size: int | str | None = None,
        timeout: float = 60.0,
        max_retries: int = 2,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._sdk = sdk = load_sdk()
        self.gcs_uri = gcs_uri or None
        self.bucket_name, self.prefix = parse_gcs_uri(gcs_uri) if gcs_uri else ("", "")
        self.adapter_size = adapter_size_name(adapter_size)
        found_project = None
        if credentials is None:
            credentials, found_project = load_credentials(sdk, credentials_file)
        self.project = project or os.environ.get("GOOGLE_CLOUD_PROJECT") or found_project
        if not self.project:
            raise UserError("no Google Cloud project: set GOOGLE_CLOUD_PROJECT or the profile's project")
        self.location = location or os.environ.get("GOOGLE_CLOUD_LOCATION") or DEFAULT_LOCATION
        self.base_url = base_url
        self.max_retries = max_retries
        self._sleep = sleep
        self._credentials = credentials
        options: dict[str, Any] = {
            "timeout": int(timeout * 1000),
            "retry_options": sdk.types.HttpRetryOptions(attempts=1),  # retries are ours (never for a create)
        }
        if base_url:
            options["base_url"] = base_url.rstrip("/") + "/"
        self._client = sdk.genai.Client(
            vertexai=True,
            project=self.project,
            location=self.location,
            credentials=credentials,
            http_options=sdk.types.HttpOptions(**options),
        )
        client_options = {"api_endpoint": storage_endpoint} if storage_endpoint else None
        self._storage = sdk.storage.Client(
            project=self.project, credentials=credentials, client_options=client_options
        )
        self._timeout = timeout
        self._conversions: dict[tuple[str, int, int], Conversion] = {}
        self._jobs: dict[str, Any] = {}  # the last read of each job (events and checkpoints come from it)

    def __repr__(self) -> str:
        return f"VertexProvider({self.project}, {self.location}, {self.gcs_uri})"

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._client.close()
        with contextlib.suppress(Exception):
            self._storage.close()

    # -- errors ----------------------------------------------------------------------------------------

    def _redact(self, text: str) -> str:
        """``text`` on one line without the access token, bearer tokens or private keys."""
        token = getattr(self._credentials, "token", None)
        if isinstance(token, str) and len(token) >= 4:
            text = text.replace(token, "***")
        for pattern, keep in _SECRET_PATTERNS:
            text = pattern.sub(lambda m, keep=keep: (m.group(1) if keep else "") + "***", text)
        return " ".join(text.split())

    def _error(self, exc: BaseException, action: str) -> ProviderError:
        sdk = self._sdk
        prefix = f"{NAME}: {action} failed"
        if isinstance(exc, sdk.genai_errors.APIError):
            status = int(exc.code) if isinstance(exc.code, int) else None
            response = getattr(exc, "response", None)
            headers = getattr(response, "headers", None)
            detail = " ".join(str(part) for part in (exc.status, exc.message) if part)
            return self._status_error(prefix, status, detail, headers)
        if isinstance(exc, sdk.gcs_exceptions.GoogleAPICallError):
            status = int(exc.code) if isinstance(exc.code, int) else None
            headers = getattr(getattr(exc, "response", None), "headers", None)
            return self._status_error(prefix, status, str(exc.message or ""), headers)
        if isinstance(exc, sdk.auth_exceptions.RefreshError):
            return ProviderError(self._redact(f"{prefix}: Google refused the credentials ({exc})"))
        if isinstance(exc, sdk.transport_errors):
            kind = "timed out" if "timeout" in type(exc).__name__.lower() else "could not connect"
            return ProviderError(f"{prefix}: {kind} ({type(exc).__name__})", retryable=True)
        if isinstance(exc, sdk.auth_exceptions.GoogleAuthError):
            return ProviderError(self._redact(f"{prefix}: {exc}"))
        # Anything else (an answer the SDK cannot read, …): the call may have taken effect, so a create is
        # looked up by its label before it is sent again.
        return ProviderError(self._redact(f"{prefix}: {type(exc).__name__}: {exc}"), retryable=True)

    def _status_error(self, prefix: str, status: int | None, detail: str, headers: Any) -> ProviderError:
        text = f"{prefix}: HTTP {status}" + (f": {detail}" if detail else "")
        retry_after = parse_retry_after({k.lower(): v for k, v in dict(headers or {}).items()})
        return ProviderError(
            self._redact(text),
            status_code=status,
            retryable=status is not None and (status in (408, 409, 429) or status >= 500),
            retry_after=retry_after,
        )

    def _call(self, action: str, call: Callable[[], Any], *, retries: int = 0) -> Any:
        """``call()`` with every SDK failure as a one-line ProviderError; retryable reads tried again."""
        for attempt in range(retries + 1):
            try:
                return call()
            except (ProviderError, UserError):
                raise
            except Exception as exc:  # the SDKs' errors, as one-line ProviderErrors
                error = self._error(exc, action)
            if not error.retryable or attempt == retries:
                raise error from None
            self._sleep(min(MAX_RETRY_WAIT, backoff_delay(attempt, 0.5, MAX_RETRY_WAIT, error.retry_after)))
        raise AssertionError("unreachable")

    # -- data files --------------------------------------------------------------------------------------

    def _conversion(self, path: Path) -> Conversion:
        """The Gemini conversion of ``path``; UserError listing the lines that cannot be converted."""
        path = Path(path)
        if not path.is_file():
            raise UserError(f"{path}: no such file")
        stat = path.stat()
        key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
        if key not in self._conversions:
            self._conversions = {key: convert_file(path)} | {
                k: v for k, v in self._conversions.items() if k[0] != key[0]
            }
        conversion = self._conversions[key]
        if conversion.problems:
            raise UserError(problems_text(path, conversion.problems))
        if not conversion.examples:
            raise UserError(f"{path}: no examples to convert for Vertex AI")
        return conversion

    def check_launch(self, paths: Sequence[Path], options: Mapping[str, Any]) -> None:
        """Refuse, before anything is recorded or uploaded, data that cannot be converted to Gemini's format
        and hyperparameters Gemini tuning does not take."""
        if options.get("batch_size") is not None:
            raise UserError("Vertex AI's Gemini tuning takes no batch size; leave --batch-size out")
        if options.get("beta") is not None:
            raise UserError("Vertex AI tunes Gemini with supervised examples only; --beta does not apply")
        self._need_location()
        for path in paths:
            self._conversion(path)

    def _object(self, name: str) -> str:
        return f"{self.prefix}/{name}" if self.prefix else name

    def _need_location(self) -> None:
        if not self.bucket_name:
            raise UserError(
                "Vertex AI needs a Cloud Storage location for the data: the profile's gcs_uri or --gcs-uri"
                " gs://BUCKET/PREFIX"
            )

    def _ref(self, blob: Any, purpose: str = "fine-tune") -> FileRef:
        metadata = blob.metadata or {}
        size = metadata.get(SOURCE_BYTES_KEY)
        return FileRef(
            f"gs://{self.bucket_name}/{blob.name}",
            blob.name.rsplit("/", 1)[-1],
            int(size) if str(size or "").isdigit() else int(blob.size or 0),
            purpose,
            "uploaded",
        )

    def upload_file(
        self,
        path: Path,
        purpose: str = "fine-tune",
        progress: ProgressCallback | None = None,
        filename: str | None = None,
    ) -> FileRef:
        """Convert ``path`` to Gemini's format and write it once to ``gs://bucket/prefix/<filename>``.

        The object is created only if absent (``ifGenerationMatch=0``): when an earlier attempt already
        wrote it, that object is the upload. ``progress`` gets (0, total) and (total, total).
        """
        path = Path(path)
        self._need_location()
        data = self._conversion(path).jsonl()
        blob = self._storage.bucket(self.bucket_name).blob(self._object(filename or path.name))
        blob.metadata = {SOURCE_BYTES_KEY: str(path.stat().st_size)}
        if progress is not None:
            progress(0, len(data))
        sdk = self._sdk

        def write() -> None:
            blob.upload_from_string(
                data,
                content_type="application/jsonl",
                if_generation_match=0,
                retry=None,
                timeout=self._timeout,
            )

        try:
            self._call(f"uploading {path.name} to gs://{self.bucket_name}", write)
        except ProviderError as exc:
            if exc.status_code != 412:
                raise
            with contextlib.suppress(sdk.gcs_exceptions.NotFound):  # written by an earlier attempt
                blob.reload(retry=None, timeout=self._timeout)
        if progress is not None:
            progress(len(data), len(data))
        return self._ref(blob, purpose)

    def list_files(self, purpose: str | None = "fine-tune") -> list[FileRef]:
        """The objects under the profile's prefix, newest first."""
        if not self.bucket_name:  # e.g. `jobs recover` of a launch made without a profile
            raise ProviderError(
                f"{NAME}: cannot look for uploaded files: no gs:// location is known here (a profile's"
                " gcs_uri, or --gcs-uri)"
            )

        def listing() -> list[Any]:
            prefix = f"{self.prefix}/" if self.prefix else None
            return list(
                self._storage.list_blobs(self.bucket_name, prefix=prefix, retry=None, timeout=self._timeout)
            )

        blobs = self._call(
            f"listing gs://{self.bucket_name}/{self.prefix}", listing, retries=self.max_retries
        )
        blobs.sort(key=lambda b: (_unix(b.time_created) or 0, b.name), reverse=True)
        return [self._ref(blob, purpose or "fine-tune") for blob in blobs]

    def delete_file(self, file_id: str) -> None:
        bucket, name = parse_gcs_uri(file_id, "file id")
        blob = self._storage.bucket(bucket).blob(name)

        def delete() -> None:
            with contextlib.suppress(self._sdk.gcs_exceptions.NotFound):
                blob.delete(retry=None, timeout=self._timeout)

        self._call(f"deleting {file_id}", delete, retries=self.max_retries)

    # -- jobs --------------------------------------------------------------------------------------------

    def check_suffix(self, suffix: str | None) -> None:
        """The suffix becomes the tuned model's display name (at most 128 characters)."""
        if suffix is not None and len(suffix) > DISPLAY_NAME_MAX:
            raise UserError(
                f"model suffix {suffix[:20]!r}… is {len(suffix)} characters; Vertex AI allows {DISPLAY_NAME_MAX}"
            )

    def _labels(self, metadata: Mapping[str, str]) -> dict[str, str]:
        """The request metadata that fits Vertex labels (lowercase letters, digits, '_' and '-')."""
        labels = {}
        for key, value in metadata.items():
            if key and _LABEL.fullmatch(key) and _LABEL.fullmatch(str(value)) and key[0].isalpha():
                labels[key] = str(value)
        if TAG_KEY in metadata and TAG_KEY not in labels:
            raise UserError(f"launch tag {metadata[TAG_KEY]!r} is not a valid Vertex AI label value")
        return labels

    def create_job(self, request: JobRequest) -> JobInfo:
        """Create the tuning job once (a retry could start a second one); labels carry the launch tag."""
        if request.method != "supervised":
            raise UserError("Vertex AI tunes Gemini with supervised examples only")
        types = self._sdk.types
        config: dict[str, Any] = {
            "epoch_count": request.epochs,
            "learning_rate_multiplier": request.learning_rate_multiplier,
            "adapter_size": self.adapter_size,
            "tuned_model_display_name": request.suffix,
            "labels": self._labels(request.metadata) or None,
        }
        if request.validation_file:
            config["validation_dataset"] = types.TuningValidationDataset(gcs_uri=request.validation_file)

        def tune() -> Any:
            with warnings.catch_warnings():  # the SDK flags tune() experimental on every call
                warnings.filterwarnings("ignore", message=".*tuning implementation is experimental")
                return self._client.tunings.tune(
                    base_model=request.model,
                    training_dataset=types.TuningDataset(gcs_uri=request.training_file),
                    config=types.CreateTuningJobConfig(**{k: v for k, v in config.items() if v is not None}),
                )

        return self._job(self._call("creating the tuning job", tune))

    def _name(self, job_id: str) -> str:
        """The full resource name of a job given by it or by its number."""
        if job_id.startswith("projects/"):
            return job_id
        return f"projects/{self.project}/locations/{self.location}/tuningJobs/{job_id}"

    def _status(self, job: Any) -> Status:
        raw = _enum(job.state)
        if raw == "JOB_STATE_PARTIALLY_SUCCEEDED":
            return "succeeded" if job.tuned_model and job.tuned_model.endpoint else "failed"
        status = normalise_status(raw, self.status_map)
        detail = TUNING_STATE_MAP.get(_enum(job.tuning_job_state))
        if status in ("queued", "running") and raw != "JOB_STATE_CANCELLING" and detail is not None:
            return detail
        return status

    def _job(self, job: Any) -> JobInfo:
        name = str(job.name or "")
        self._jobs[name] = job
        status = self._status(job)
        raw = _enum(job.state)
        detail = _enum(job.tuning_job_state)
        if detail and status not in ("succeeded", "failed", "cancelled"):
            raw += f" ({detail.removeprefix('TUNING_JOB_STATE_')})"
        labels = dict(job.labels or {})
        tuned = job.tuned_model
        return JobInfo(
            id=name,
            model=str(job.base_model or ""),
            status=status,
            raw_status=raw,
            created_at=_unix(job.create_time),
            finished_at=_unix(job.end_time) if status in ("succeeded", "failed", "cancelled") else None,
            trained_tokens=self._trained_tokens(job) if status == "succeeded" else None,
            fine_tuned_model=(tuned.endpoint or tuned.model) if tuned and status == "succeeded" else None,
            error=self._redact(str(job.error.message or "")) or None
            if job.error and status == "failed"
            else None,
            metadata={TAG_KEY: labels[TAG_KEY]} if TAG_KEY in labels else {},
        )

    @staticmethod
    def _trained_tokens(job: Any) -> int | None:
        """Billable dataset tokens × epochs (Vertex bills the dataset once per epoch)."""
        stats = job.tuning_data_stats and job.tuning_data_stats.supervised_tuning_data_stats
        tokens = stats.total_billable_token_count if stats else None
        spec = job.supervised_tuning_spec
        epochs = spec.hyper_parameters.epoch_count if spec and spec.hyper_parameters else None
        if tokens is None:
            return None
        return int(tokens) * int(epochs or 1)

    def get_job(self, job_id: str) -> JobInfo:
        name = self._name(job_id)
        return self._job(
            self._call(
                f"reading job {job_id}", lambda: self._client.tunings.get(name=name), retries=self.max_retries
            )
        )

    def list_jobs(self, metadata: Mapping[str, str] | None = None, limit: int = 20) -> list[JobInfo]:
        """The newest jobs; with ``metadata``, those whose labels carry it (filtered by Vertex and here)."""
        types = self._sdk.types
        wanted = dict(metadata or {})
        query = " AND ".join(f'labels.{key}="{value}"' for key, value in sorted(wanted.items()))
        config = types.ListTuningJobsConfig(page_size=LIST_PAGE, filter=query or None)

        def listing() -> list[Any]:
            pager = self._client.tunings.list(config=config)
            found: list[Any] = list(pager.page)
            for _ in range(MAX_LIST_PAGES - 1):
                if not wanted and len(found) >= limit:
                    break
                try:
                    found.extend(pager.next_page())
                except IndexError:  # no more pages
                    break
            return found

        jobs = self._call("listing tuning jobs", listing, retries=self.max_retries)
        jobs = [j for j in jobs if all((j.labels or {}).get(k) == v for k, v in wanted.items())]
        jobs.sort(key=lambda j: (_unix(j.create_time) or 0, j.name or ""), reverse=True)
        return [self._job(job) for job in jobs[:limit]]

    def _last(self, job_id: str) -> Any:
        name = self._name(job_id)
        if name not in self._jobs:
            self.get_job(name)
        return self._jobs[name]

    def list_events(self, job_id: str, after: str | None = None, limit: int = 50) -> tuple[list[Event], bool]:
        """Vertex keeps no event log for tuning jobs: the job's own milestones (created, started, ended),
        newest first, from its last read."""
        job = self._last(job_id)
        short = str(job.name or job_id).rsplit("/", 1)[-1]
        events: list[Event] = []
        created, started, ended = _unix(job.create_time), _unix(job.start_time), _unix(job.end_time)
        if created is not None:
            events.append(
                Event(f"{short}-created", created, "info", f"Tuning job created ({job.base_model})")
            )
        if started is not None:
            events.append(Event(f"{short}-started", started, "info", "Tuning started"))
        if ended is not None:
            status = self._status(job)
            level = "error" if status == "failed" else "info"
            message = f"Tuning job {status}"
            if job.error and job.error.message:
                message += f": {self._redact(str(job.error.message))}"
            events.append(Event(f"{short}-ended", ended, level, message))
        events.reverse()
        if after is not None:
            ids = [event.id for event in events]
            events = events[ids.index(after) + 1 :] if after in ids else []
        return events[:limit], len(events) > limit

    def list_checkpoints(self, job_id: str) -> list[Checkpoint]:
        """The tuned model's checkpoints (one per epoch), by step; each has its own endpoint."""
        job = self._last(job_id)
        tuned = job.tuned_model
        result = [
            Checkpoint(
                str(c.checkpoint_id or c.step or ""),
                int(c.step or 0),
                _unix(job.update_time) or 0,
                str(c.endpoint or ""),
            )
            for c in (tuned.checkpoints if tuned and tuned.checkpoints else ())
        ]
        return sorted(result, key=lambda c: c.step)

    def cancel(self, job_id: str) -> JobInfo:
        name = self._name(job_id)
        self._call(f"cancelling {job_id}", lambda: self._client.tunings.cancel(name=name))
        return self.get_job(name)

    def pause(self, job_id: str) -> JobInfo:
        raise ProviderError(
            f"{NAME}: pausing {job_id} failed: not supported by Vertex AI", code="unsupported"
        )

    def resume(self, job_id: str) -> JobInfo:
        raise ProviderError(
            f"{NAME}: resuming {job_id} failed: not supported by Vertex AI", code="unsupported"
        )

    def download_metrics(self, job: JobInfo) -> list[MetricRow]:
        """Vertex keeps loss curves in Vertex AI Experiments, not on the job: none here."""
        return []

    def estimate_price(self, request: JobRequest) -> ProviderEstimate | None:
        return None


def from_connection(connection: Connection) -> VertexProvider:
    """A provider from a profile's fields (``project``/``location`` already fall back to their variables)."""
    credentials_file = connection.get("credentials_file")
    return VertexProvider(
        gcs_uri=connection.get("gcs_uri"),
        project=connection.get("project"),
        location=connection.get("location"),
        credentials_file=str(Path(credentials_file).expanduser()) if credentials_file else None,
        base_url=connection.get("base_url"),
        adapter_size=connection.get("adapter_size"),
        timeout=max(connection.timeout, 60.0),  # uploads of large files
        max_retries=connection.max_retries,
    )
