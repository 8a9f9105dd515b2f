"""A loopback HTTP server speaking the Fireworks datasets + supervisedFineTuningJobs subset, with faults.

Paths are recorded and matched relative to ``/v1/accounts/{account}``; a fault may name a dataset or job
with ``*`` (``fake.fail("POST", "/datasets/*:upload", ...)``) since their ids are derived from launch ids.
"""

from __future__ import annotations

import contextlib
import email.parser
import json
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from fake_server import FakeState, Fault, Recorded

API_KEY = "fw_FAKEKEY0123456789abcdefghijklmn"
ACCOUNT = "acme-ml"
BASE_TIME = 1_790_000_000
DEFAULT_SCRIPT = (
    "JOB_STATE_CREATING",
    "JOB_STATE_VALIDATING",
    "JOB_STATE_RUNNING",
    "JOB_STATE_RUNNING",
    "JOB_STATE_WRITING_RESULTS",
    "JOB_STATE_COMPLETED",
)
TERMINAL = ("JOB_STATE_COMPLETED", "JOB_STATE_FAILED", "JOB_STATE_CANCELLED", "JOB_STATE_EARLY_STOPPED")


def iso(seconds: int) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def error_body(code: int, status: str, message: str) -> dict[str, Any]:
    """Google-style error (what Fireworks' gRPC gateway answers)."""
    return {"error": {"code": code, "message": message, "status": status}}


@dataclass
class FakeFireworks(FakeState):
    """State and knobs of the fake server; tests change them between calls."""

    api_key: str = API_KEY
    account: str = ACCOUNT
    script: tuple[str, ...] = DEFAULT_SCRIPT
    datasets: dict[str, dict[str, Any]] = field(default_factory=dict)
    dataset_content: dict[str, bytes] = field(default_factory=dict)
    uploads_until_ready: int = 1  # GETs a freshly uploaded dataset stays UPLOADING for

    def take_fault(self, method: str, path: str) -> Fault | None:
        found = super().take_fault(method, path)
        if found is None:
            head, sep, action = path.partition(":")
            parts = head.split("/")
            if len(parts) >= 3:
                found = super().take_fault(method, "/".join([*parts[:2], "*"]) + sep + action)
        return found

    def job_path(self, job_id: str) -> str:
        return f"accounts/{self.account}/supervisedFineTuningJobs/{job_id}"


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_PUT(self) -> None:
        self._handle("PUT")

    def do_DELETE(self) -> None:
        self._handle("DELETE")

    def _send(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def _read_body(self) -> bytes:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks = []
            while size := int(self.rfile.readline().split(b";")[0].strip() or b"0", 16):
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                pass
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _drop(self) -> None:
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _handle(self, method: str) -> None:
        fake = self.server.fake
        url = urlsplit(self.path)
        prefix = f"/v1/accounts/{fake.account}"
        path = url.path[len(prefix) :] if url.path.startswith(prefix) else url.path
        body = self._read_body()
        query = parse_qs(url.query)
        fake.requests.append(
            Recorded(method, path, query, {k.lower(): v for k, v in self.headers.items()}, body)
        )
        if path.startswith("/signed/"):  # the storage URL: signed, no API key
            if self.headers.get("Authorization"):
                self._send(400, error_body(400, "INVALID_ARGUMENT", "signed URLs take no Authorization"))
                return
        elif self.headers.get("Authorization") != f"Bearer {fake.api_key}":
            self._send(
                401,
                error_body(401, "UNAUTHENTICATED", f"invalid API key: {self.headers.get('Authorization')}"),
            )
            return
        elif not url.path.startswith(prefix):
            self._send(403, error_body(403, "PERMISSION_DENIED", f"no access to {url.path}"))
            return
        fault = fake.take_fault(method, path)
        if fault and fault.drop:
            self._drop()
            return
        if fault and not (fault.delay or fault.drop_after):
            headers = {"Retry-After": fault.retry_after} if fault.retry_after else {}
            self._send(
                fault.status, fault.body or error_body(fault.status, "INTERNAL", "fault injected"), headers
            )
            return
        try:
            with fake._lock:
                status, payload = self._route(method, path, query, body)
        except KeyError as exc:
            status, payload = 404, error_body(404, "NOT_FOUND", f"not found: {exc.args[0]}")
        if fault and fault.drop_after:
            self._drop()
            return
        if fault and fault.delay:
            fake.stopping.wait(fault.delay)
        with contextlib.suppress(OSError):
            self._send(status, payload)

    # -- routes --------------------------------------------------------------------------------------

    def _route(self, method: str, path: str, query: dict[str, list[str]], body: bytes) -> tuple[int, Any]:
        head, _, action = path.partition(":")
        parts = head.strip("/").split("/")
        if parts[0] == "signed" and method == "PUT":
            return self._signed_put(parts[1], body)
        if parts[0] == "datasets":
            return self._datasets(method, parts, action, body)
        if parts[0] == "supervisedFineTuningJobs":
            return self._jobs(method, parts, action, query, body)
        return 404, error_body(404, "NOT_FOUND", f"unknown path {path}")

    def _datasets(self, method: str, parts: list[str], action: str, body: bytes) -> tuple[int, Any]:
        fake = self.server.fake
        if parts == ["datasets"] and method == "POST":
            request = json.loads(body)
            dataset_id = request["datasetId"]
            if dataset_id in fake.datasets:
                return 409, error_body(409, "ALREADY_EXISTS", f"dataset {dataset_id} already exists")
            fake.datasets[dataset_id] = {
                "name": f"accounts/{fake.account}/datasets/{dataset_id}",
                "displayName": request["dataset"].get("displayName", ""),
                "createTime": iso(BASE_TIME + len(fake.datasets)),
                "state": "UPLOADING",
                "format": request["dataset"].get("format", "CHAT"),
                "userUploaded": {},
                "_gets": 0,
            }
            return 200, _public(fake.datasets[dataset_id])
        if parts == ["datasets"] and method == "GET":
            items = [_public(d) for d in fake.datasets.values()]
            return 200, {"datasets": items, "nextPageToken": "", "totalSize": len(items)}
        dataset = fake.datasets[parts[1]]
        if not action and method == "GET":
            if dataset["state"] == "UPLOADING" and parts[1] in fake.dataset_content:
                dataset["_gets"] += 1
                if dataset["_gets"] > fake.uploads_until_ready:
                    dataset["state"] = "READY"
            return 200, _public(dataset)
        if not action and method == "DELETE":
            del fake.datasets[parts[1]]
            fake.dataset_content.pop(parts[1], None)
            return 200, {}
        if action == "upload" and method == "POST":
            head = f"Content-Type: {self.headers['Content-Type']}\r\n\r\n".encode()
            message = email.parser.BytesParser().parsebytes(head + body)
            files = {
                part.get_param("name", header="content-disposition"): part.get_payload(decode=True)
                for part in message.get_payload()  # type: ignore[union-attr]
            }
            if "file" not in files:
                return 400, error_body(400, "INVALID_ARGUMENT", "missing form field: file")
            fake.dataset_content[parts[1]] = files["file"]
            return 200, {}
        if action == "getUploadEndpoint" and method == "POST":
            sizes = json.loads(body)["filenameToSize"]
            urls = {name: f"{fake.base_url}/signed/{parts[1]}" for name in sizes}
            return 200, {"filenameToSignedUrls": urls}
        if action == "validateUpload" and method == "POST":
            if parts[1] not in fake.dataset_content:
                return 400, error_body(400, "FAILED_PRECONDITION", "nothing was uploaded")
            dataset["state"] = "READY"
            return 200, {}
        return 404, error_body(404, "NOT_FOUND", f"unknown dataset action {action}")

    def _signed_put(self, dataset_id: str, body: bytes) -> tuple[int, Any]:
        fake = self.server.fake
        fake.datasets[dataset_id]  # KeyError: 404
        fake.dataset_content[dataset_id] = body
        return 200, {}

    def _jobs(
        self, method: str, parts: list[str], action: str, query: dict[str, list[str]], body: bytes
    ) -> tuple[int, Any]:
        fake = self.server.fake
        if parts == ["supervisedFineTuningJobs"] and method == "POST":
            return self._create(query, json.loads(body))
        if parts == ["supervisedFineTuningJobs"] and method == "GET":
            jobs = [_public(j) for j in fake.jobs.values()]
            return 200, {"supervisedFineTuningJobs": jobs, "nextPageToken": "", "totalSize": len(jobs)}
        job = fake.jobs[parts[1]]
        if not action and method == "GET":
            _advance(fake, job)
            return 200, _public(job)
        if action == "cancel" and method == "POST":
            if job["state"] in TERMINAL:
                return 400, error_body(400, "FAILED_PRECONDITION", f"job is {job['state']}")
            job["state"] = "JOB_STATE_CANCELLING"
            return 200, {}
        return 404, error_body(404, "NOT_FOUND", f"unknown job action {action}")

    def _create(self, query: dict[str, list[str]], request: dict[str, Any]) -> tuple[int, Any]:
        fake = self.server.fake
        job_id = (query.get("supervisedFineTuningJobId") or [f"job{len(fake.jobs) + 1}"])[0]
        if job_id in fake.jobs:
            return 409, error_body(409, "ALREADY_EXISTS", f"supervisedFineTuningJob {job_id} already exists")
        dataset_id = str(request.get("dataset") or "").rsplit("/", 1)[-1]
        if fake.datasets.get(dataset_id, {}).get("state") != "READY":
            return 400, error_body(
                400, "FAILED_PRECONDITION", f"dataset {request.get('dataset')} is not READY"
            )
        created = BASE_TIME + 100 * (len(fake.jobs) + 1)
        job = {
            "name": fake.job_path(job_id),
            "displayName": request.get("displayName", ""),
            "createTime": iso(created),
            "updateTime": iso(created),
            "state": fake.script[0],
            "dataset": request["dataset"],
            "baseModel": request.get("baseModel"),
            "outputModel": request.get("outputModel") or f"accounts/{fake.account}/models/{job_id}",
            "epochs": request.get("epochs"),
            "loraRank": request.get("loraRank", 8),
            "maxContextLength": request.get("maxContextLength"),
            "evaluationDataset": request.get("evaluationDataset"),
            "jobProgress": {"percent": 0, "epoch": 0},
            "_step": 0,
            "_request": request,
        }
        fake.jobs[job_id] = job
        return 200, _public(job)


def _public(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if not k.startswith("_")}


def _advance(fake: FakeFireworks, job: dict[str, Any]) -> None:
    """One step along the script per read; a requested cancel completes on the next read."""
    if job["state"] == "JOB_STATE_CANCELLING":
        job["state"] = "JOB_STATE_CANCELLED"
        job["completedTime"] = iso(BASE_TIME + 5000)
        return
    if job["state"] in TERMINAL:
        return
    job["_step"] = min(job["_step"] + 1, len(fake.script) - 1)
    job["state"] = fake.script[job["_step"]]
    epochs = int(job.get("epochs") or 1)
    percent = round(100 * job["_step"] / (len(fake.script) - 1))
    job["jobProgress"] = {"percent": percent, "epoch": min(epochs, 1 + percent * epochs // 100)}
    job["updateTime"] = iso(BASE_TIME + 1000 + 60 * job["_step"])
    if job["state"] in TERMINAL:
        job["completedTime"] = job["updateTime"]


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, fake: FakeFireworks) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.fake = fake


@pytest.fixture(name="fake_fireworks")
def fake_fireworks_fixture() -> Iterator[FakeFireworks]:
    """A running fake server; ``fake_fireworks.base_url`` is the API root (no /v1)."""
    fake = FakeFireworks()
    server = _Server(fake)
    fake.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        fake.stopping.set()
        server.shutdown()
        server.server_close()
        thread.join(5)
