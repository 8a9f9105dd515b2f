"""A loopback HTTP server speaking what FT Planner's Vertex provider sends: the tuning-job calls of
``google-genai`` (create, get, list with a label filter and pages, cancel), the Cloud Storage JSON API calls of
``google-cloud-storage`` (multipart upload, list, get, delete) and Google's OAuth token endpoint (the
service-account grant), with scripted jobs and faults."""

from __future__ import annotations

import base64
import contextlib
import email.parser
import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

import pytest

from fake_server import FakeState, Recorded

PROJECT = "fake-project"
LOCATION = "us-central1"
BUCKET = "ft-bucket"
PREFIX = "tuning/data"
GCS_URI = f"gs://{BUCKET}/{PREFIX}"
STATIC_TOKEN = "fake-static-token-0123456789"  # what in-process tests hand the SDK as credentials
ISSUED_TOKEN = "ya29.fake-issued-access-token-abcdefghijklmnop"  # what /token hands a service account
PARENT = f"/projects/{PROJECT}/locations/{LOCATION}/tuningJobs"
CREATE = ("POST", PARENT)
LIST = ("GET", PARENT)
UPLOAD = ("POST", f"/upload/storage/v1/b/{BUCKET}/o")
OBJECTS = ("GET", f"/storage/v1/b/{BUCKET}/o")
BASE_TIME = 1_790_000_000
#: (state, tuningJobState) a job passes through, one step per read.
DEFAULT_SCRIPT: tuple[tuple[str, str | None], ...] = (
    ("JOB_STATE_PENDING", "TUNING_JOB_STATE_PROCESSING_DATASET"),
    ("JOB_STATE_PENDING", "TUNING_JOB_STATE_WAITING_FOR_CAPACITY"),
    ("JOB_STATE_RUNNING", "TUNING_JOB_STATE_TUNING"),
    ("JOB_STATE_RUNNING", "TUNING_JOB_STATE_TUNING"),
    ("JOB_STATE_SUCCEEDED", None),
)
TERMINAL = ("JOB_STATE_SUCCEEDED", "JOB_STATE_FAILED", "JOB_STATE_CANCELLED")
_LABEL_TERM = re.compile(r'labels\.([a-z0-9_\-]+)\s*=\s*"([^"]*)"')


def iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass
class FakeVertex(FakeState):
    """State and knobs of the fake; ``files`` maps ``bucket/name`` to the object resource."""

    script: tuple[tuple[str, str | None], ...] = DEFAULT_SCRIPT
    billable_tokens: int = 4_321
    tokens: set[str] = field(default_factory=lambda: {STATIC_TOKEN})
    token_requests: int = 0
    fail_reason: str = "The training dataset has 2 examples longer than 131072 tokens."

    def new_id(self) -> str:
        return str(8_000_000_000_000_000_000 + next(self._ids))

    def objects(self, prefix: str = "") -> dict[str, bytes]:
        """Stored object contents by name (without the bucket)."""
        return {
            key.split("/", 1)[1]: data
            for key, data in self.file_content.items()
            if key.split("/", 1)[1].startswith(prefix)
        }


def google_error(code: int, message: str, status: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "status": status}}


def service_account_file(path: Path, fake: FakeVertex) -> Path:
    """A service-account key file whose token endpoint is the fake's (a fresh RSA key, never a real one)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    info = {
        "type": "service_account",
        "project_id": PROJECT,
        "private_key_id": "fakekeyid0123",
        "private_key": pem,
        "client_email": f"tuner@{PROJECT}.iam.gserviceaccount.com",
        "client_id": "1234567890",
        "token_uri": f"{fake.base_url}/token",
    }
    path.write_text(json.dumps(info), encoding="utf-8")
    return path


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
        body = json.dumps(payload).encode() if payload is not None else b""
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=UTF-8")
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
        path = unquote(url.path).removeprefix("/v1beta1").removeprefix("/v1/") or "/"
        if not path.startswith("/"):
            path = "/" + path
        body = self._read_body()
        fake.requests.append(
            Recorded(method, path, parse_qs(url.query), {k.lower(): v for k, v in self.headers.items()}, body)
        )
        if path == "/token" and method == "POST":
            self._token(body)
            return
        auth = self.headers.get("Authorization") or ""
        if auth.removeprefix("Bearer ") not in fake.tokens:
            self._send(
                401, google_error(401, "Request had invalid authentication credentials.", "UNAUTHENTICATED")
            )
            return
        fault = fake.take_fault(method, path)
        if fault and fault.drop:
            self._drop()
            return
        if fault and not (fault.delay or fault.drop_after):
            headers = {"Retry-After": fault.retry_after} if fault.retry_after else {}
            body_out = fault.body or google_error(fault.status, "fault injected", "UNAVAILABLE")
            self._send(fault.status, body_out, headers)
            return
        query = {k: v[-1] for k, v in parse_qs(url.query).items()}
        try:
            with fake._lock:
                status, payload = self._route(method, path, query, body)
        except KeyError as exc:
            status, payload = 404, google_error(404, f"{exc.args[0]} not found", "NOT_FOUND")
        if fault and fault.drop_after:
            self._drop()
            return
        if fault and fault.delay:
            fake.stopping.wait(fault.delay)
        with contextlib.suppress(OSError):
            self._send(status, payload)

    def _token(self, body: bytes) -> None:
        fake = self.server.fake
        form = {k: v[-1] for k, v in parse_qs(body.decode()).items()}
        if form.get("grant_type") != "urn:ietf:params:oauth:grant-type:jwt-bearer" or not form.get(
            "assertion"
        ):
            self._send(400, {"error": "invalid_grant", "error_description": "bad grant"})
            return
        claims = json.loads(base64.urlsafe_b64decode(form["assertion"].split(".")[1] + "=="))
        if "cloud-platform" not in str(claims.get("scope")):
            self._send(400, {"error": "invalid_scope", "error_description": "no scope"})
            return
        fake.token_requests += 1
        fake.tokens.add(ISSUED_TOKEN)
        self._send(200, {"access_token": ISSUED_TOKEN, "expires_in": 3600, "token_type": "Bearer"})

    # -- routes --------------------------------------------------------------------------------------

    def _route(self, method: str, path: str, query: dict[str, str], body: bytes) -> tuple[int, Any]:
        if path.startswith(("/upload/storage/v1/b/", "/storage/v1/b/")):
            return self._storage(method, path, query, body)
        match = re.fullmatch(r"/(projects/[^/]+/locations/[^/]+)/tuningJobs(?:/([0-9]+)(:cancel)?)?", path)
        if not match:
            return 404, google_error(404, f"unknown path {path}", "NOT_FOUND")
        parent, number, cancel = match.groups()
        if number is None and method == "POST":
            return self._create(parent, json.loads(body or b"{}"))
        if number is None and method == "GET":
            return self._list(parent, query)
        job = self.server.fake.jobs[f"{parent}/tuningJobs/{number}"]
        if cancel and method == "POST":
            if job["state"] in TERMINAL:
                return 400, google_error(
                    400,
                    f"Job {job['name']} cannot be cancelled in state {job['state']}",
                    "FAILED_PRECONDITION",
                )
            job["state"] = "JOB_STATE_CANCELLING"
            job["updateTime"] = iso(time.time())
            return 200, {}
        if method == "GET":
            _advance(self.server.fake, job)
            return 200, _public(job)
        return 404, google_error(404, f"unknown path {path}", "NOT_FOUND")

    def _create(self, parent: str, request: dict[str, Any]) -> tuple[int, Any]:
        fake = self.server.fake
        spec = request.get("supervisedTuningSpec") or {}
        training = spec.get("trainingDatasetUri") or ""
        if training.removeprefix("gs://") not in fake.files:
            return 400, google_error(400, f"Training dataset {training} does not exist.", "INVALID_ARGUMENT")
        validation = spec.get("validationDatasetUri")
        if validation and validation.removeprefix("gs://") not in fake.files:
            return 400, google_error(
                400, f"Validation dataset {validation} does not exist.", "INVALID_ARGUMENT"
            )
        if not request.get("baseModel"):
            return 400, google_error(400, "baseModel is required.", "INVALID_ARGUMENT")
        for key, value in (request.get("labels") or {}).items():
            if not re.fullmatch(r"[a-z][a-z0-9_\-]{0,62}", key) or not re.fullmatch(
                r"[a-z0-9_\-]{0,63}", value
            ):
                return 400, google_error(400, f"Invalid label {key}={value}", "INVALID_ARGUMENT")
        name = f"{parent}/tuningJobs/{fake.new_id()}"
        created = BASE_TIME + 100 * len(fake.jobs)
        state, detail = fake.script[0]
        job: dict[str, Any] = {
            "name": name,
            "baseModel": request["baseModel"],
            "state": state,
            "createTime": iso(created),
            "updateTime": iso(created),
            "supervisedTuningSpec": spec,
            "labels": request.get("labels") or {},
            "_step": 0,
            "_created": created,
            "_request": request,
        }
        if detail:
            job["tuningJobState"] = detail
        if request.get("tunedModelDisplayName"):
            job["tunedModelDisplayName"] = request["tunedModelDisplayName"]
        fake.jobs[name] = job
        return 200, _public(job)

    def _list(self, parent: str, query: dict[str, str]) -> tuple[int, Any]:
        fake = self.server.fake
        wanted = dict(_LABEL_TERM.findall(query.get("filter") or ""))
        if query.get("filter") and not wanted:
            return 400, google_error(400, f"Invalid filter: {query['filter']}", "INVALID_ARGUMENT")
        jobs = [
            job
            for name, job in sorted(fake.jobs.items(), key=lambda item: item[1]["_created"], reverse=True)
            if name.startswith(parent + "/") and all(job["labels"].get(k) == v for k, v in wanted.items())
        ]
        size = int(query.get("pageSize") or 50)
        start = int(query.get("pageToken") or 0)
        page = {"tuningJobs": [_public(job) for job in jobs[start : start + size]]}
        if start + size < len(jobs):
            page["nextPageToken"] = str(start + size)
        return 200, page

    def _storage(self, method: str, path: str, query: dict[str, str], body: bytes) -> tuple[int, Any]:
        fake = self.server.fake
        match = re.fullmatch(r"(/upload)?/storage/v1/b/([^/]+)/o(?:/(.+))?", path)
        if not match:
            return 404, google_error(404, f"unknown path {path}", "NOT_FOUND")
        upload, bucket, name = match.groups()
        if bucket != BUCKET:
            return 404, google_error(404, f"The specified bucket {bucket} does not exist.", "NOT_FOUND")
        if upload and method == "POST":
            if query.get("uploadType") != "multipart":
                return 400, google_error(400, "only multipart uploads here", "INVALID_ARGUMENT")
            return self._upload(bucket, query, body)
        if name is None and method == "GET":
            prefix = query.get("prefix") or ""
            items = [obj for key, obj in sorted(fake.files.items()) if obj["name"].startswith(prefix)]
            return 200, {"kind": "storage#objects", "items": items}
        key = f"{bucket}/{name}"
        if method == "GET":
            return 200, fake.files[key]
        if method == "DELETE":
            del fake.files[key]
            del fake.file_content[key]
            return 204, None
        return 404, google_error(404, f"unknown path {path}", "NOT_FOUND")

    def _upload(self, bucket: str, query: dict[str, str], body: bytes) -> tuple[int, Any]:
        fake = self.server.fake
        head = f"Content-Type: {self.headers['Content-Type']}\r\n\r\n".encode()
        message = email.parser.BytesParser().parsebytes(head + body)
        parts = message.get_payload()
        resource = json.loads(parts[0].get_payload(decode=True))  # type: ignore[index, union-attr]
        content: bytes = parts[1].get_payload(decode=True)  # type: ignore[index, union-attr]
        name = resource["name"]
        key = f"{bucket}/{name}"
        if query.get("ifGenerationMatch") == "0" and key in fake.files:
            return 412, google_error(
                412, "At least one of the pre-conditions you specified did not hold.", "FAILED_PRECONDITION"
            )
        fake.file_content[key] = content
        fake.files[key] = {
            "kind": "storage#object",
            "id": f"{key}/1",
            "name": name,
            "bucket": bucket,
            "generation": "1",
            "metageneration": "1",
            "contentType": resource.get("contentType") or "application/octet-stream",
            "size": str(len(content)),
            "timeCreated": iso(time.time()),
            "updated": iso(time.time()),
            "metadata": resource.get("metadata") or {},
            "selfLink": f"{fake.base_url}/storage/v1/b/{bucket}/o/{quote(name, safe='')}",
        }
        return 200, fake.files[key]


def _public(job: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in job.items() if not k.startswith("_")}


def _advance(fake: FakeVertex, job: dict[str, Any]) -> None:
    """Move a job one step along the script; a requested cancel completes on the next read."""
    now = job["_created"] + 60 * (job["_step"] + 1)
    if job["state"] == "JOB_STATE_CANCELLING":
        job.update(state="JOB_STATE_CANCELLED", endTime=iso(now), updateTime=iso(now))
        job.pop("tuningJobState", None)
        return
    if job["state"] in TERMINAL:
        return
    job["_step"] = min(job["_step"] + 1, len(fake.script) - 1)
    state, detail = fake.script[job["_step"]]
    job.update(state=state, updateTime=iso(now))
    if detail:
        job["tuningJobState"] = detail
    else:
        job.pop("tuningJobState", None)
    if state == "JOB_STATE_RUNNING" and "startTime" not in job:
        job["startTime"] = iso(now)
    if state == "JOB_STATE_SUCCEEDED":
        number = job["name"].rsplit("/", 1)[-1]
        model = f"projects/{PROJECT}/locations/{LOCATION}/models/{number}@1"
        endpoint = f"projects/{PROJECT}/locations/{LOCATION}/endpoints/{number}"
        epochs = int((job["supervisedTuningSpec"].get("hyperParameters") or {}).get("epochCount") or 1)
        job["tunedModel"] = {
            "model": model,
            "endpoint": endpoint,
            "checkpoints": [
                {
                    "checkpointId": str(e),
                    "epoch": str(e),
                    "step": str(10 * e),
                    "endpoint": f"{endpoint}-ckpt{e}",
                }
                for e in range(1, epochs + 1)
            ],
        }
        job["tuningDataStats"] = {
            "supervisedTuningDataStats": {
                "totalBillableTokenCount": str(fake.billable_tokens),
                "tuningStepCount": str(10 * epochs),
            }
        }
        job["endTime"] = iso(now)
    if state == "JOB_STATE_FAILED":
        job["error"] = {"code": 3, "message": fake.fail_reason}
        job["endTime"] = iso(now)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, fake: FakeVertex) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.fake = fake


@pytest.fixture(name="fake_vertex")
def fake_vertex_fixture() -> Iterator[FakeVertex]:
    """A running fake; ``fake_vertex.base_url`` is ``http://127.0.0.1:PORT`` (tuning API, storage, token)."""
    fake = FakeVertex()
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
