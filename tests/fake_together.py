"""A loopback HTTP server speaking the Together files + fine-tunes subset, with scripted jobs and faults."""

from __future__ import annotations

import contextlib
import email.parser
import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from fake_server import FakeState, Recorded

API_KEY = "tgp_v1_FAKEKEY0123456789abcdefghij"
DEFAULT_SCRIPT = ("pending", "queued", "running", "running", "compressing", "uploading", "completed")
BASE_TIME = 1_790_000_000
#: Events Together logs on entering a status.
STATUS_EVENTS = {
    "pending": ("job_pending", "info", "Fine tune request created"),
    "queued": ("job_pending", "info", "Job is queued"),
    "running": ("training_start", "info", "Training started"),
    "compressing": ("model_compressing", "info", "Compressing output model"),
    "uploading": ("model_uploading", "info", "Uploading output model"),
    "completed": ("job_complete", "info", "Job finished"),
    "error": ("job_error", "error", "Training file has 3 lines with an unsupported format"),
    "cancel_requested": ("cancel_requested", "info", "Cancel requested"),
    "cancelled": ("job_stopped", "info", "Job cancelled"),
}
STATUS_ORDER = ("pending", "queued", "running", "compressing", "uploading")


def iso(seconds: int) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


@dataclass
class FakeTogether(FakeState):
    """State and knobs of the fake server; tests change them between calls."""

    api_key: str = API_KEY
    script: tuple[str, ...] = DEFAULT_SCRIPT
    cancel_takes_a_poll: bool = True  # cancel → cancel_requested, then cancelled on the next read
    estimate: dict[str, Any] = field(
        default_factory=lambda: {"allowed_to_proceed": True, "user_limit": 100.0, "price_per_token": 0.48e-6}
    )
    estimate_unavailable: str | None = None  # e.g. "train_file_not_validated"
    token_count: int = 123_456

    def new_id(self, prefix: str) -> str:
        return f"{prefix}-{next(self._ids):08d}-0000-4000-8000-000000000000"


def error_body(message: str, type_: str = "invalid_request_error", code: str | None = None) -> dict[str, Any]:
    """Together's ErrorData shape."""
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

    def _drop(self) -> None:
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _handle(self, method: str) -> None:
        fake = self.server.fake
        url = urlsplit(self.path)
        path = url.path[url.path.find("/v1/") + 3 :] if "/v1/" in url.path else url.path
        body = self._read_body()
        fake.requests.append(
            Recorded(method, path, parse_qs(url.query), {k.lower(): v for k, v in self.headers.items()}, body)
        )
        auth = self.headers.get("Authorization")
        if auth != f"Bearer {fake.api_key}":
            self._send(401, error_body(f"Invalid API key provided: {auth}", code="invalid_api_key"))
            return
        fault = fake.take_fault(method, path)
        if fault and fault.drop:
            self._drop()
            return
        if fault and not (fault.delay or fault.drop_after):
            headers = {"Retry-After": fault.retry_after} if fault.retry_after else {}
            self._send(fault.status, fault.body or error_body("fault injected", "server_error"), headers)
            return
        try:
            with fake._lock:
                status, payload = self._route(method, path, body)
        except KeyError as exc:
            status, payload = 404, error_body(f"No such object: {exc.args[0]}", code="not_found")
        if fault and fault.drop_after:
            self._drop()
            return
        if fault and fault.delay:
            fake.stopping.wait(fault.delay)
        with contextlib.suppress(OSError):  # the client may have given up (timeout)
            self._send(status, payload)

    # -- routes --------------------------------------------------------------------------------------

    def _route(self, method: str, path: str, body: bytes) -> tuple[int, Any]:
        fake = self.server.fake
        parts = path.strip("/").split("/")
        if parts[0] == "files":
            return self._files(method, parts, body)
        if parts[0] != "fine-tunes":
            return 404, error_body(f"unknown path {path}")
        if parts == ["fine-tunes"]:
            if method == "POST":
                return self._create(json.loads(body))
            jobs = sorted(fake.jobs.values(), key=lambda j: j["_created"])
            return 200, {"data": [_truncated(job) for job in jobs]}
        if parts == ["fine-tunes", "estimate-price"] and method == "POST":
            return self._estimate(json.loads(body))
        job = fake.jobs[parts[1]]
        if len(parts) == 2 and method == "GET":
            _advance(fake, job)
            return 200, _public(job)
        action = parts[2]
        if action == "events" and method == "GET":
            return 200, {"data": job["events"]}
        if action == "checkpoints" and method == "GET":
            return 200, {"data": job["_checkpoints"]}
        if action == "metrics" and method == "GET":
            return 200, {"metrics": job["_metrics"]}
        if action == "cancel" and method == "POST":
            if job["status"] in ("completed", "error", "cancelled", "user_error"):
                return 400, error_body(f"Job {job['id']} cannot be cancelled in status {job['status']}")
            _set_status(job, "cancel_requested" if fake.cancel_takes_a_poll else "cancelled")
            return 200, _truncated(job)
        return 404, error_body(f"unknown path {path}")

    def _files(self, method: str, parts: list[str], body: bytes) -> tuple[int, Any]:
        fake = self.server.fake
        if parts == ["files"] and method == "GET":
            return 200, {"data": list(fake.files.values())}
        if parts == ["files", "upload"] and method == "POST":
            return self._upload(body)
        if len(parts) == 2 and method == "GET":
            return 200, fake.files[parts[1]]
        if len(parts) == 2 and method == "DELETE":
            del fake.files[parts[1]]  # KeyError: 404
            return 200, {"id": parts[1], "deleted": True}
        if len(parts) == 3 and parts[2] == "content":
            return 200, fake.file_content[parts[1]]
        return 404, error_body(f"unknown path /{'/'.join(parts)}")

    def _upload(self, body: bytes) -> tuple[int, Any]:
        fake = self.server.fake
        head = f"Content-Type: {self.headers['Content-Type']}\r\n\r\n".encode()
        message = email.parser.BytesParser().parsebytes(head + body)
        fields: dict[str, Any] = {}
        for part in message.get_payload():  # type: ignore[union-attr]
            name = part.get_param("name", header="content-disposition")
            fields[name] = part.get_payload(decode=True)
        missing = [name for name in ("purpose", "file_name", "file") if name not in fields]
        if missing:
            return 400, error_body(f"missing form fields: {', '.join(missing)}")
        file_id = fake.new_id("file")
        content = fields["file"]
        fake.file_content[file_id] = content
        fake.files[file_id] = {
            "id": file_id,
            "object": "file",
            "created_at": int(time.time()),
            "filename": fields["file_name"].decode(),
            "bytes": len(content),
            "purpose": fields["purpose"].decode(),
            "Processed": True,
            "FileType": (fields.get("file_type") or b"jsonl").decode(),
        }
        return 200, fake.files[file_id]

    def _create(self, request: dict[str, Any]) -> tuple[int, Any]:
        fake = self.server.fake
        if request.get("training_file") not in fake.files:
            return 400, error_body(
                f"Training file {request.get('training_file')} not found", code="invalid_file"
            )
        if len(request.get("suffix") or "") > 40:
            return 400, error_body("suffix must be at most 40 characters")
        job_id = fake.new_id("ft")
        created = BASE_TIME + 100 * len(fake.jobs)
        suffix = request.get("suffix")
        name = request["model"].split("/")[-1] + (f"-{suffix}" if suffix else "") + f"-{job_id[3:11]}"
        job: dict[str, Any] = {
            "id": job_id,
            "status": fake.script[0],
            "created_at": iso(created),
            "updated_at": iso(created),
            "model": request["model"],
            "model_output_name": f"fake-user/{name}",
            "suffix": suffix,
            "training_file": request["training_file"],
            "validation_file": request.get("validation_file"),
            "n_epochs": request.get("n_epochs", 1),
            "n_evals": request.get("n_evals", 0),
            "batch_size": request.get("batch_size", 8),
            "learning_rate": request.get("learning_rate", 1e-5),
            "training_method": request.get("training_method") or {"method": "sft", "train_on_inputs": "auto"},
            "training_type": request.get("training_type") or {"type": "Lora", "lora_r": 8, "lora_alpha": 16},
            "random_seed": request.get("random_seed"),
            "token_count": 0,
            "total_price": 0,
            "events": [],
            "_created": created,
            "_step": 0,
            "_checkpoints": [],
            "_metrics": [],
            "_request": request,
        }
        _add_event(job, job["status"])
        fake.jobs[job_id] = job
        return 200, _truncated(job)

    def _estimate(self, request: dict[str, Any]) -> tuple[int, Any]:
        fake = self.server.fake
        if request.get("training_file") not in fake.files:
            return 400, error_body(
                f"Training file {request.get('training_file')} not found", code="invalid_file"
            )
        if fake.estimate_unavailable:
            return 200, {"estimation_available": False, "unavailable_reason": fake.estimate_unavailable}
        train = fake.files[request["training_file"]]["bytes"] // 4 * int(request.get("n_epochs") or 1)
        evals = 0
        if request.get("validation_file"):
            evals = fake.files[request["validation_file"]]["bytes"] // 4 * int(request.get("n_evals") or 0)
        price = round((train + evals) * fake.estimate["price_per_token"], 6)
        return 200, {
            "estimation_available": True,
            "estimated_total_price": price,
            "allowed_to_proceed": fake.estimate["allowed_to_proceed"],
            "user_limit": fake.estimate["user_limit"],
            "estimated_train_token_count": train,
            "estimated_eval_token_count": evals,
        }


def _public(job: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in job.items() if not k.startswith("_")}


def _truncated(job: dict[str, Any]) -> dict[str, Any]:
    """FinetuneResponseTruncated: the job without its events."""
    return {k: v for k, v in _public(job).items() if k != "events"}


def _add_event(job: dict[str, Any], status: str, **extra: Any) -> None:
    kind, level, message = STATUS_EVENTS.get(status, ("warning", "warning", f"Status {status}"))
    when = job["_created"] + 10 * (len(job["events"]) + 1)
    job["events"].append(
        {
            "object": "fine-tune-event",
            "created_at": iso(when),
            "level": level,
            "message": message,
            "type": kind,
            "param_count": 0,
            "token_count": 0,
            "total_steps": 0,
            "wandb_url": "",
            "step": 0,
            "checkpoint_path": "",
            "model_path": "",
            "training_offset": 0,
            "hash": "",
            **extra,
        }
    )
    job["updated_at"] = iso(when)


def _set_status(job: dict[str, Any], status: str) -> None:
    job["status"] = status
    _add_event(job, status)


def _advance(fake: FakeTogether, job: dict[str, Any]) -> None:
    """Move a job one step along the script; a requested cancel completes on the next read."""
    if job["status"] == "cancel_requested":
        _set_status(job, "cancelled")
        return
    if job["status"] in ("completed", "error", "cancelled", "user_error"):
        return
    job["_step"] = min(job["_step"] + 1, len(fake.script) - 1)
    status = fake.script[job["_step"]]
    if status == "running":
        _train_a_step(job)
        job["progress"] = {"estimate_available": True, "seconds_remaining": 600}
    if status != job["status"]:
        _set_status(job, status)
    if status in ("compressing", "uploading", "completed"):
        job["token_count"] = fake.token_count
        job["progress"] = {"estimate_available": False, "seconds_remaining": 0}


def _train_a_step(job: dict[str, Any]) -> None:
    step = 10 * (len(job["_checkpoints"]) + 1)
    created = job["_created"] + 60 * step
    job["_checkpoints"].append(
        {
            "step": step,
            "created_at": iso(created),
            "path": f"s3://fake/{job['id']}/{step}",
            "checkpoint_type": "Intermediate",
        }
    )
    job["_metrics"].append(
        {"train/loss": 2.0 / (step / 10), "train/learning_rate": 1e-5, "train/global_step": step}
    )
    if job.get("validation_file"):
        job["_metrics"].append({"eval/loss": 2.5 / (step / 10), "eval/global_step": step})
    _add_event(
        job, "checkpoint", type="checkpoint_save", message=f"Checkpoint saved at step {step}", step=step
    )


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, fake: FakeTogether) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.fake = fake


@pytest.fixture(name="fake_together")
def fake_together_fixture() -> Iterator[FakeTogether]:
    """A running fake server; ``fake_together.base_url`` ends in /v1."""
    fake = FakeTogether()
    server = _Server(fake)
    fake.base_url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        fake.stopping.set()
        server.shutdown()
        server.server_close()
        thread.join(5)
