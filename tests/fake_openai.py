"""A loopback HTTP server speaking the OpenAI files + fine-tuning subset, with scripted jobs and faults."""

from __future__ import annotations

import base64
import contextlib
import email.parser
import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from fake_server import FakeState, Recorded

API_KEY = "sk-test-FAKEKEY-0123456789abcdef"
DEFAULT_SCRIPT = ("validating_files", "queued", "running", "running", "succeeded")
RESULT_CSV = (
    "step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy\n"
    "1,2.5,0.40,,\n"
    "2,1.9,0.55,2.1,0.50\n"
    "3,1.2,0.70,,\n"
)


@dataclass
class FakeOpenAI(FakeState):
    """State and knobs of the fake server; tests change them between calls."""

    api_key: str = API_KEY
    script: tuple[str, ...] = DEFAULT_SCRIPT
    events_per_job: int = 5
    result_csv: str = RESULT_CSV
    result_base64: bool = False
    ignore_metadata_filter: bool = False  # as some OpenAI-compatible servers do
    metric_steps_per_poll: int = 0  # >0: each read of a running job adds this many "metrics" events
    total_steps: int = 30

    def new_id(self, prefix: str) -> str:
        return f"{prefix}-{next(self._ids):04d}"


def _error(message: str, type_: str = "invalid_request_error", code: str | None = None) -> dict[str, Any]:
    return {"error": {"message": message, "type": type_, "param": None, "code": code}}


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_DELETE(self) -> None:
        self._handle("DELETE")

    def _send(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header(
            "Content-Type", "application/octet-stream" if isinstance(payload, bytes) else "application/json"
        )
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
                pass  # trailers
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _handle(self, method: str) -> None:
        fake = self.server.fake
        url = urlsplit(self.path)
        path = url.path[url.path.find("/v1/") + 3 :] if "/v1/" in url.path else url.path
        body = self._read_body()
        fake.requests.append(
            Recorded(method, path, parse_qs(url.query), {k.lower(): v for k, v in self.headers.items()}, body)
        )
        auth = self.headers.get("Authorization")
        if auth != f"Bearer {fake.api_key}" and self.headers.get("api-key") != fake.api_key:
            self._send(401, _error(f"Incorrect API key provided: {auth}", code="invalid_api_key"))
            return
        fault = fake.take_fault(method, path)
        if fault and fault.stall:
            fake.stopping.wait(fault.stall)
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        if fault and fault.drop:
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if fault and not (fault.delay or fault.drop_after):
            headers = {"Retry-After": fault.retry_after} if fault.retry_after else {}
            self._send(fault.status, fault.body or _error("fault injected", "server_error"), headers)
            return
        try:
            status, payload = self._route(method, path, url.query, body)
        except KeyError as exc:
            status, payload = 404, _error(f"No such object: {exc.args[0]}", code="not_found")
        if fault and fault.drop_after:
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if fault and fault.delay:
            fake.stopping.wait(fault.delay)
        with contextlib.suppress(OSError):  # the client may have given up (timeout)
            self._send(status, payload)

    # -- routes --------------------------------------------------------------------------------------

    def _route(self, method: str, path: str, query: str, body: bytes) -> tuple[int, Any]:
        fake = self.server.fake
        parts = path.strip("/").split("/")
        params = {k: v[-1] for k, v in parse_qs(query, keep_blank_values=True).items()}
        if parts == ["files"] and method == "POST":
            return 200, self._upload(body)
        if parts == ["files"]:
            files = sorted(fake.files.values(), key=lambda f: (f["created_at"], f["id"]))
            files = [f for f in files if params.get("purpose") in (None, f["purpose"])]
            if params.get("order", "desc") == "desc":
                files.reverse()
            return 200, _page(files, params)
        if parts[0] == "files" and len(parts) == 2 and method == "DELETE":
            del fake.files[parts[1]]  # KeyError: 404
            return 200, {"id": parts[1], "object": "file", "deleted": True}
        if parts[0] == "files" and len(parts) == 3 and parts[2] == "content":
            return 200, fake.file_content[parts[1]]
        if parts[:2] != ["fine_tuning", "jobs"]:
            return 404, _error(f"unknown path {path}")
        if len(parts) == 2 and method == "POST":
            return self._create(json.loads(body))
        if len(parts) == 2:
            jobs = sorted(fake.jobs.values(), key=lambda j: j["created_at"], reverse=True)
            wanted = {k[9:-1]: v for k, v in params.items() if k.startswith("metadata[")}
            if not fake.ignore_metadata_filter:
                jobs = [j for j in jobs if all((j["metadata"] or {}).get(k) == v for k, v in wanted.items())]
            return 200, _page(jobs, params)
        job = fake.jobs[parts[2]]
        if len(parts) == 3:
            _advance(fake, job)
            return 200, job
        action = parts[3]
        if action == "events":
            return 200, _page(list(reversed(job["_events"])), params)
        if action == "checkpoints":
            return 200, _page(job["_checkpoints"], params)
        if method == "POST" and action in ("cancel", "pause", "resume"):
            allowed = {"cancel": ("validating_files", "queued", "running", "paused"), "pause": ("running",)}
            if job["status"] not in allowed.get(action, ("paused",)):
                return 400, _error(
                    f"Job {job['id']} cannot {action} in status {job['status']}", code="invalid_state"
                )
            job["status"] = {"cancel": "cancelled", "pause": "paused", "resume": "running"}[action]
            job["_frozen"] = action != "resume"
            _add_event(job, f"Job {action} requested")
            return 200, job
        return 404, _error(f"unknown path {path}")

    def _upload(self, body: bytes) -> dict[str, Any]:
        fake = self.server.fake
        head = f"Content-Type: {self.headers['Content-Type']}\r\n\r\n".encode()
        message = email.parser.BytesParser().parsebytes(head + body)
        fields: dict[str, Any] = {}
        for part in message.get_payload():  # type: ignore[union-attr]
            name = part.get_param("name", header="content-disposition")
            fields[name] = (part.get_filename(), part.get_payload(decode=True))
        filename, content = fields["file"]
        file_id = fake.new_id("file")
        fake.file_content[file_id] = content
        purpose = fields["purpose"][1].decode()
        fake.files[file_id] = {
            "id": file_id,
            "object": "file",
            "bytes": len(content),
            "created_at": int(time.time()),
            "filename": filename,
            "purpose": purpose,
            "status": "processed",
        }
        return fake.files[file_id]

    def _create(self, request: dict[str, Any]) -> tuple[int, Any]:
        fake = self.server.fake
        if request.get("training_file") not in fake.files:
            return 400, _error(f"invalid training_file: {request.get('training_file')}", code="invalid_file")
        job_id = fake.new_id("ftjob")
        job: dict[str, Any] = {
            "id": job_id,
            "object": "fine_tuning.job",
            "created_at": int(time.time()) + len(fake.jobs),
            "error": None,
            "fine_tuned_model": None,
            "finished_at": None,
            "hyperparameters": {"n_epochs": "auto", "batch_size": "auto", "learning_rate_multiplier": "auto"},
            "model": request["model"],
            "organization_id": "org-fake",
            "result_files": [],
            "seed": request.get("seed", 42),
            "status": fake.script[0],
            "trained_tokens": None,
            "training_file": request["training_file"],
            "validation_file": request.get("validation_file"),
            "method": request.get("method"),
            "metadata": request.get("metadata"),
            "estimated_finish": None,
            "_step": 0,
            "_frozen": False,
            "_events": [],
            "_checkpoints": [],
        }
        for i in range(fake.events_per_job):
            _add_event(job, f"Step {i + 1}/{fake.events_per_job}: training loss={2.0 - i / 10:.2f}")
        fake.jobs[job_id] = job
        return 200, job


def _add_event(job: dict[str, Any], message: str) -> None:
    n = len(job["_events"]) + 1
    job["_events"].append(
        {
            "id": f"ftevent-{job['id']}-{n:03d}",
            "object": "fine_tuning.job.event",
            "created_at": job["created_at"] + n,
            "level": "info",
            "message": message,
            "type": "message",
        }
    )


def _add_metric_events(fake: FakeOpenAI, job: dict[str, Any]) -> None:
    """OpenAI's live "metrics" events: one per step, several sharing one second (as the API sends them)."""
    done = job.setdefault("_metric_step", 0)
    second = job["created_at"] + 100 + done
    for step in range(done + 1, min(done + fake.metric_steps_per_poll, fake.total_steps) + 1):
        n = len(job["_events"]) + 1
        job["_events"].append(
            {
                "id": f"ftevent-{job['id']}-{n:03d}",
                "object": "fine_tuning.job.event",
                "created_at": second,
                "level": "info",
                "message": f"Step {step}/{fake.total_steps}: training loss={3.0 / (1 + step):.4f}",
                "type": "metrics",
                "data": {
                    "step": step,
                    "total_steps": fake.total_steps,
                    "train_loss": 3.0 / (1 + step),
                    "train_mean_token_accuracy": 1 - 1 / (1 + step),
                },
            }
        )
        job["_metric_step"] = step


def _advance(fake: FakeOpenAI, job: dict[str, Any]) -> None:
    """Move a job one step along the script (unless paused or cancelled)."""
    if job["_frozen"] or job["status"] in ("succeeded", "failed", "cancelled"):
        return
    job["_step"] = min(job["_step"] + 1, len(fake.script) - 1)
    job["status"] = fake.script[job["_step"]]
    if job["status"] == "running":
        job["estimated_finish"] = job["created_at"] + 3600
        _add_metric_events(fake, job)
    if job["status"] == "failed":
        job["error"] = {
            "code": "invalid_training_file",
            "message": "Training file has bad lines",
            "param": None,
        }
        job["finished_at"] = job["created_at"] + 60
    if job["status"] == "succeeded":
        job["finished_at"] = job["created_at"] + 1800
        job["trained_tokens"] = 123456
        job["fine_tuned_model"] = f"ft:{job['model']}:org-fake::{job['id'][-4:]}"
        result = fake.result_csv.encode()
        if fake.result_base64:
            result = base64.b64encode(result)
        file_id = fake.new_id("file-result")
        fake.file_content[file_id] = result
        job["result_files"] = [file_id]
        job["_checkpoints"] = [
            {
                "id": f"ftckpt-{job['id']}-{step}",
                "object": "fine_tuning.job.checkpoint",
                "created_at": job["created_at"] + step * 100,
                "fine_tuned_model_checkpoint": f"{job['fine_tuned_model']}:ckpt-step-{step}",
                "fine_tuning_job_id": job["id"],
                "step_number": step,
                "metrics": {"step": step, "train_loss": 2.0 / step, "train_mean_token_accuracy": 0.3 * step},
            }
            for step in (2, 1)
        ]


def _page(items: list[dict[str, Any]], params: dict[str, str]) -> dict[str, Any]:
    """A cursor page: items after the one with id ``after``, at most ``limit``."""
    public = [{k: v for k, v in item.items() if not k.startswith("_")} for item in items]
    if params.get("after"):
        ids = [item["id"] for item in public]
        public = public[ids.index(params["after"]) + 1 :] if params["after"] in ids else []
    limit = int(params.get("limit") or 20)
    page = public[:limit]
    return {
        "object": "list",
        "data": page,
        "has_more": len(public) > limit,
        "first_id": page[0]["id"] if page else None,
        "last_id": page[-1]["id"] if page else None,
    }


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, fake: FakeOpenAI) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.fake = fake


@pytest.fixture(name="fake_openai")
def fake_openai_fixture() -> Iterator[FakeOpenAI]:
    """A running fake server; ``fake_openai.base_url`` ends in /v1/."""
    fake = FakeOpenAI()
    server = _Server(fake)
    fake.base_url = f"http://127.0.0.1:{server.server_address[1]}/v1/"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        fake.stopping.set()
        server.shutdown()
        server.server_close()
        thread.join(5)
