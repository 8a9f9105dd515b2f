"""Fireworks AI supervised fine-tuning over its REST control plane, with ``httpx2`` as the transport.

Data goes up as datasets (create → upload → poll until ``READY``): multipart ``:upload`` up to 150 MB,
above that ``:getUploadEndpoint`` → PUT to the signed URL → ``:validateUpload``. Jobs are
``supervisedFineTuningJobs`` (create/get/list/cancel). Fireworks jobs carry no metadata or labels, so a
launch is made duplicate-safe by its ids: the job id is derived from the launch's client id and the dataset
id from the upload name and size. A create or dataset create repeated after a lost answer meets
``ALREADY_EXISTS`` (HTTP 409) and reads the first one instead of making a second; ``list_jobs`` with the
client id reads the derived job directly. Creates and uploads are sent once here; the launch flow decides
about retrying them.
"""

from __future__ import annotations

import hashlib
import re
import time
import uuid
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import httpx2

from ftplanner.core.errors import UserError
from ftplanner.providers import http_json
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
from ftplanner.providers.retry import parse_retry_after

DEFAULT_BASE_URL = "https://api.fireworks.ai"
NAME = "Fireworks AI"
TAG_KEY = "ftplanner_client_id"  # the launch flow's tag key (``ftplanner.jobs.launch.CLIENT_ID_KEY``)
ID_PREFIX = "ftplanner-"
MULTIPART_LIMIT = 150 * 1024 * 1024  # larger files go through a signed upload URL
READY_WAIT_SECONDS = 600.0  # how long an upload waits for its dataset to become READY
SUFFIX_PATTERN = re.compile(r"[a-z0-9][a-z0-9\-]{0,29}")
_KEY_PATTERN = re.compile(r"\bfw_[A-Za-z0-9_\-]{6,}")
_SIZE_IN_ID = re.compile(r"-(\d+)b$")

#: Fireworks job state (``JOB_STATE_`` prefix removed) → normalised status.
FIREWORKS_STATUS_MAP: Mapping[str, Status] = {
    "UNSPECIFIED": "queued",
    "CREATING": "queued",
    "PENDING": "queued",
    "RE_QUEUEING": "queued",
    "IDLE": "queued",
    "CREATING_INPUT_DATASET": "validating",
    "VALIDATING": "validating",
    "RUNNING": "running",
    "WRITING_RESULTS": "running",
    # Still running (and billed) until Fireworks stops it; tracking goes on to the real final state.
    "CANCELLING": "running",
    "PAUSED": "paused",
    "COMPLETED": "succeeded",
    "EARLY_STOPPED": "succeeded",
    "FAILED": "failed",
    "EXPIRED": "failed",
    "CANCELLED": "cancelled",
    "DELETING": "cancelled",
    "DELETING_CLEANING_UP": "cancelled",
}


def job_id_for(client_id: str) -> str:
    """The job id a launch asks for: the same for every attempt of one launch."""
    return ID_PREFIX + hashlib.sha256(client_id.encode()).hexdigest()[:20]


def dataset_id_for(filename: str, size: int) -> str:
    """The dataset id of an upload: derived from its (tagged) name and size, which it also carries."""
    return f"{ID_PREFIX}{hashlib.sha256(filename.encode()).hexdigest()[:16]}-{size}b"


def check_suffix(suffix: str | None) -> None:
    """The suffix starts the output model's id: lowercase letters, digits and '-', at most 30."""
    if suffix is not None and not SUFFIX_PATTERN.fullmatch(suffix):
        raise UserError(
            f"model suffix {suffix!r}: Fireworks model ids take lowercase letters, digits and '-' (at most 30,"
            " starting with a letter or digit)"
        )


def _unix(value: Any) -> int | None:
    if not value:
        return None
    try:
        return int(datetime.fromisoformat(str(value).replace("Z", "+00:00")).timestamp())
    except ValueError:
        return None


def _last(name: Any) -> str:
    return str(name or "").rsplit("/", 1)[-1]


class _ProgressFile:
    """A binary file that reports bytes read to a progress callback."""

    def __init__(self, file: IO[bytes], total: int, progress: ProgressCallback) -> None:
        self._file, self._total, self._done, self._progress = file, total, 0, progress

    def read(self, size: int = -1) -> bytes:
        data = self._file.read(size)
        if data:
            self._done += len(data)
            self._progress(self._done, self._total)
        return data

    def __iter__(self) -> Any:
        while chunk := self.read(1 << 16):
            yield chunk


class FireworksProvider:
    """The provider interface over Fireworks' REST API for one account.

    ``lora_rank`` and ``context_length`` of a request go out as ``loraRank``/``maxContextLength``.
    ``max_retries`` applies to reads only. An injected ``client`` (tests, proxies) keeps its own timeout;
    ``sleep`` and ``multipart_limit`` are for tests.
    """

    status_map = FIREWORKS_STATUS_MAP
    name = "fireworks"

    def __init__(
        self,
        api_key: str,
        account_id: str,
        base_url: str = DEFAULT_BASE_URL,
        *,
        timeout: float = 30.0,
        max_retries: int = 2,
        client: httpx2.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
        multipart_limit: int = MULTIPART_LIMIT,
        ready_wait: float = READY_WAIT_SECONDS,
    ) -> None:
        if not api_key:
            raise UserError(f"no API key for {NAME}")
        if not account_id or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_\-]*", account_id):
            raise UserError(
                f"{NAME} needs an account id: set account_id in the profile or FIREWORKS_ACCOUNT_ID"
                + (f" (got {account_id!r})" if account_id else "")
            )
        self._key = api_key
        self.account_id = account_id
        self.base_url = base_url.rstrip("/")
        self._root = f"{self.base_url}/v1/accounts/{account_id}"
        self._client = client or httpx2.Client(timeout=timeout, follow_redirects=False)
        self._headers = {"Authorization": f"Bearer {api_key}", "Accept": "application/json"}
        self.max_retries = max_retries
        self._sleep = sleep
        self.multipart_limit = multipart_limit
        self.ready_wait = ready_wait

    def __repr__(self) -> str:
        return f"FireworksProvider({self.base_url}, account {self.account_id})"

    def close(self) -> None:
        self._client.close()

    # -- transport and error mapping -----------------------------------------------------------------

    def _redact(self, text: str) -> str:
        if len(self._key) >= 4:
            text = text.replace(self._key, "***")
        return _KEY_PATTERN.sub("***", text)

    def _status_error(self, response: httpx2.Response, action: str) -> ProviderError:
        status = response.status_code
        try:
            body = response.json()
        except ValueError:
            body = None
        error = body.get("error", body) if isinstance(body, dict) else None
        error = {"message": error} if isinstance(error, str) else error if isinstance(error, dict) else {}
        code = error.get("status") or error.get("code")
        message = (
            error.get("message") or (response.text[:300] if body is None else "") or response.reason_phrase
        )
        text = f"{NAME}: {action} failed: HTTP {status}" + (f" ({code})" if code else "")
        text += f": {' '.join(str(message).split())}"
        return ProviderError(
            self._redact(text),
            status_code=status,
            code=str(code) if code else None,
            retryable=status in (408, 429) or status >= 500,
            retry_after=parse_retry_after(response.headers),
        )

    def _send(
        self, method: str, url: str, action: str, *, auth: bool = True, **kwargs: Any
    ) -> httpx2.Response:
        """One request; every failure becomes a one-line ProviderError."""
        headers = {**(self._headers if auth else {}), **kwargs.pop("headers", {})}
        return http_json.send(
            self._client,
            method,
            url,
            name=NAME,
            action=action,
            status_error=self._status_error,
            headers=headers,
            **kwargs,
        )

    def _request(self, method: str, path: str, action: str, *, retries: int = 0, **kwargs: Any) -> Any:
        """A request to the account's API answered with JSON; retryable failures are tried ``retries`` more
        times."""
        return http_json.request_json(
            lambda: self._send(method, self._root + path, action, **kwargs),
            name=NAME,
            action=action,
            retries=retries,
            sleep=self._sleep,
            empty={},
        )

    def _get(self, path: str, action: str, **kwargs: Any) -> Any:
        return self._request("GET", path, action, retries=self.max_retries, **kwargs)

    # -- datasets ------------------------------------------------------------------------------------

    def _file(self, data: Mapping[str, Any]) -> FileRef:
        dataset_id = _last(data.get("name"))
        size = _SIZE_IN_ID.search(dataset_id)
        return FileRef(
            dataset_id,
            str(data.get("displayName") or dataset_id),
            int(size.group(1)) if size else 0,
            "fine-tune",
            str(data.get("state") or "") or None,
        )

    def list_files(self, purpose: str | None = "fine-tune") -> list[FileRef]:
        """The account's READY datasets, newest first (a dataset still uploading is not usable)."""
        items: list[Mapping[str, Any]] = []
        token: str | None = None
        for _ in range(50):
            params = {"pageSize": 200, **({"pageToken": token} if token else {})}
            data = self._get("/datasets", "listing datasets", params=params)
            items.extend(data.get("datasets") or ())
            token = data.get("nextPageToken") or None
            if not token:
                break
        items.sort(key=lambda d: _unix(d.get("createTime")) or 0, reverse=True)
        return [self._file(item) for item in items if item.get("state") == "READY"]

    def upload_file(
        self,
        path: Path,
        purpose: str = "fine-tune",
        progress: ProgressCallback | None = None,
        filename: str | None = None,
    ) -> FileRef:
        """Create the dataset (or find the one an earlier attempt created), upload ``path`` into it once,
        and wait until Fireworks has it READY."""
        path = Path(path)
        if not path.is_file():
            raise UserError(f"{path}: no such file")
        name = filename or path.name
        size = path.stat().st_size
        dataset_id = dataset_id_for(name, size)
        action = f"uploading {path.name}"
        body = {
            "datasetId": dataset_id,
            "dataset": {"displayName": name[:128], "userUploaded": {}, "format": "CHAT"},
        }
        try:
            data = self._request("POST", "/datasets", action, json=body)
        except ProviderError as exc:
            if exc.status_code != 409:
                raise
            data = self._get(f"/datasets/{dataset_id}", action)  # created by an attempt whose answer was lost
        if data.get("state") != "READY":
            report = progress or (lambda done, total: None)
            if size <= self.multipart_limit:
                self._multipart(path, dataset_id, name, action, report)
            else:
                self._signed_upload(path, dataset_id, name, size, action, report)
            data = self._wait_ready(dataset_id, action)
        return self._file(data)

    def _multipart(
        self, path: Path, dataset_id: str, name: str, action: str, progress: ProgressCallback
    ) -> None:
        with path.open("rb") as handle:
            body = _ProgressFile(handle, path.stat().st_size, progress)
            self._request(
                "POST",
                f"/datasets/{dataset_id}:upload",
                action,
                files={"file": (name, body, "application/jsonl")},  # type: ignore[dict-item]
            )

    def _signed_upload(
        self, path: Path, dataset_id: str, name: str, size: int, action: str, progress: ProgressCallback
    ) -> None:
        data = self._request(
            "POST", f"/datasets/{dataset_id}:getUploadEndpoint", action, json={"filenameToSize": {name: size}}
        )
        url = (data.get("filenameToSignedUrls") or {}).get(name)
        if not url:
            raise ProviderError(f"{NAME}: {action} failed: no upload URL was given for {name}")
        with path.open("rb") as handle:
            body = _ProgressFile(handle, size, progress)
            headers = {"Content-Type": "application/octet-stream", "Content-Length": str(size)}
            self._send("PUT", url, action, auth=False, content=iter(body), headers=headers)
        self._request("POST", f"/datasets/{dataset_id}:validateUpload", action, json={})

    def _wait_ready(self, dataset_id: str, action: str) -> Mapping[str, Any]:
        waited, delay = 0.0, 0.5
        while True:
            data = self._get(f"/datasets/{dataset_id}", action)
            state = data.get("state")
            if state == "READY":
                return data
            if state not in (None, "", "UPLOADING", "STATE_UNSPECIFIED"):
                detail = (data.get("status") or {}).get("message") or state
                raise ProviderError(self._redact(f"{NAME}: {action} failed: dataset {dataset_id}: {detail}"))
            if waited >= self.ready_wait:
                raise ProviderError(
                    f"{NAME}: {action}: dataset {dataset_id} is not ready after {waited:.0f} s",
                    retryable=True,
                )
            self._sleep(delay)
            waited += delay
            delay = min(delay * 2, 10.0)

    def delete_file(self, file_id: str) -> None:
        try:
            self._send("DELETE", f"{self._root}/datasets/{file_id}", f"deleting dataset {file_id}")
        except ProviderError as exc:
            if exc.status_code != 404:
                raise

    # -- jobs ----------------------------------------------------------------------------------------

    def _job(self, data: Mapping[str, Any], client_id: str | None = None) -> JobInfo:
        raw = str(data.get("state") or "JOB_STATE_UNSPECIFIED")
        status = normalise_status(raw.removeprefix("JOB_STATE_"), self.status_map)
        finished = status in ("succeeded", "failed", "cancelled")
        error = (data.get("status") or {}).get("message") if status == "failed" else None
        return JobInfo(
            id=_last(data.get("name")),
            model=str(data.get("baseModel") or data.get("warmStartFrom") or ""),
            status=status,
            raw_status=raw,
            created_at=_unix(data.get("createTime")),
            finished_at=_unix(data.get("completedTime") or data.get("updateTime")) if finished else None,
            fine_tuned_model=data.get("outputModel") if status == "succeeded" else None,
            error=self._redact(str(error)) if error else None,
            metadata={TAG_KEY: client_id} if client_id else {},
        )

    def check_suffix(self, suffix: str | None) -> None:
        check_suffix(suffix)

    def create_job(self, request: JobRequest) -> JobInfo:
        """Create the job under the id derived from the launch's client id, sent once; an ``ALREADY_EXISTS``
        answer means an earlier attempt created it, which is returned instead."""
        if request.method != "supervised":
            raise UserError(f"{NAME} fine-tuning here is supervised only, not {request.method}")
        check_suffix(request.suffix)
        client_id = request.metadata.get(TAG_KEY)
        job_id = job_id_for(client_id) if client_id else ID_PREFIX + uuid.uuid4().hex[:20]
        model_id = f"{request.suffix}-{job_id}" if request.suffix else job_id
        body: dict[str, Any] = {
            "dataset": f"accounts/{self.account_id}/datasets/{request.training_file}",
            "baseModel": request.model,
            "outputModel": f"accounts/{self.account_id}/models/{model_id}",
            "displayName": request.suffix or job_id,
        }
        optional = {
            "evaluationDataset": (
                f"accounts/{self.account_id}/datasets/{request.validation_file}"
                if request.validation_file
                else None
            ),
            "epochs": request.epochs,
            "loraRank": request.lora_rank,
            "maxContextLength": request.context_length,
        }
        body.update({k: v for k, v in optional.items() if v is not None})
        try:
            data = self._request(
                "POST",
                "/supervisedFineTuningJobs",
                "creating the job",
                params={"supervisedFineTuningJobId": job_id},
                json=body,
            )
        except ProviderError as exc:
            if exc.status_code != 409:
                raise
            data = self._get(f"/supervisedFineTuningJobs/{job_id}", "creating the job")
        return self._job(data, client_id)

    def get_job(self, job_id: str) -> JobInfo:
        return self._job(self._get(f"/supervisedFineTuningJobs/{job_id}", f"reading job {job_id}"))

    def list_jobs(self, metadata: Mapping[str, str] | None = None, limit: int = 20) -> list[JobInfo]:
        """The newest jobs; with ``metadata``, the job derived from its client id (Fireworks keeps no
        metadata, so a filter on any other key finds nothing)."""
        if metadata:
            if set(metadata) != {TAG_KEY}:
                return []
            client_id = metadata[TAG_KEY]
            try:
                data = self._get(f"/supervisedFineTuningJobs/{job_id_for(client_id)}", "looking up the job")
            except ProviderError as exc:
                if exc.status_code == 404:
                    return []
                raise
            return [self._job(data, client_id)]
        data = self._get(
            "/supervisedFineTuningJobs", "listing jobs", params={"pageSize": min(200, max(1, limit))}
        )
        items = sorted(
            data.get("supervisedFineTuningJobs") or (),
            key=lambda j: _unix(j.get("createTime")) or 0,
            reverse=True,
        )
        return [self._job(item) for item in items[:limit]]

    def list_events(self, job_id: str, after: str | None = None, limit: int = 50) -> tuple[list[Event], bool]:
        """Fireworks has no job events: its progress (percent, epoch) is reported as one event, with an id
        that changes as the progress does (so each step of progress is stored once)."""
        if after is not None:
            return [], False  # one event at most: nothing is older than it
        data = self._get(f"/supervisedFineTuningJobs/{job_id}", f"reading progress of {job_id}")
        progress = data.get("jobProgress") or {}
        percent = progress.get("percent")
        if not isinstance(percent, (int, float)) or limit < 1:
            return [], False
        epoch = progress.get("epoch")
        text = f"Progress {percent:g}%" + (f" (epoch {epoch})" if epoch is not None else "")
        when = _unix(data.get("updateTime")) or int(time.time())
        data_out = {"percent": float(percent), "epoch": epoch}
        return [Event(f"{job_id}-progress-{percent:g}-{epoch}", when, "info", text, data_out)], False

    def list_checkpoints(self, job_id: str) -> list[Checkpoint]:
        return []  # Fireworks keeps the output model only

    def cancel(self, job_id: str) -> JobInfo:
        # firectl's "supervised-fine-tuning-job cancel"; REST `:cancel` as in Fireworks' other job types (?)
        self._request("POST", f"/supervisedFineTuningJobs/{job_id}:cancel", f"cancelling {job_id}", json={})
        return self.get_job(job_id)

    def pause(self, job_id: str) -> JobInfo:
        raise ProviderError(
            f"{NAME}: pausing {job_id} failed: not supported by Fireworks", code="unsupported"
        )

    def resume(self, job_id: str) -> JobInfo:
        raise ProviderError(f"{NAME}: resuming {job_id} failed: not supported here", code="unsupported")

    def download_metrics(self, job: JobInfo) -> list[MetricRow]:
        return []  # loss curves go to Weights & Biases; Fireworks has no metrics endpoint for SFT

    def estimate_price(self, request: JobRequest) -> ProviderEstimate | None:
        return None
