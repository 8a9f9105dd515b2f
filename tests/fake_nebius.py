"""A loopback fake Nebius Token Factory: the OpenAI fake (tests/fake_openai.py) with Nebius' differences.

Creates take top-level ``hyperparameters`` and a ``suffix``, and are refused with ``metadata`` or ``method``
(Nebius has neither); listing ignores metadata filters; a finished job has no ``fine_tuned_model`` but
``ftckpt_…`` checkpoints with metrics and result files, and no result file of its own.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from fake_openai import FakeOpenAI, _error, _Handler
from fake_openai import _Server as _OpenAIServer

API_KEY = "nb-FAKEKEY-0123456789abcdefghij"
JOBS = "fine_tuning/jobs"


@dataclass
class FakeNebius(FakeOpenAI):
    api_key: str = API_KEY
    ignore_metadata_filter: bool = True  # Nebius has no job metadata


def _nebiusify(job: dict[str, Any]) -> None:
    """What a Nebius job looks like: no metadata, no fine-tuned model, checkpoints to deploy instead."""
    job["metadata"] = None
    job.pop("method", None)
    if job["status"] == "succeeded" and not job.get("_nebius_done"):
        job["_nebius_done"] = True
        job["fine_tuned_model"] = None
        job["result_files"] = []
        job["_checkpoints"] = [
            {
                "id": f"ftckpt_{job['id'][-4:]}{step}",
                "object": "fine_tuning.job.checkpoint",
                "created_at": job["created_at"] + step * 100,
                "fine_tuning_job_id": job["id"],
                "step_number": step,
                "metrics": {"step": step, "train_loss": 2.0 / step, "valid_loss": 2.2 / step},
                "result_files": [f"file-ckpt-{step}"],
            }
            for step in (20, 10)
        ]


class _NebiusHandler(_Handler):
    def _route(self, method: str, path: str, query: str, body: bytes) -> tuple[int, Any]:
        fake = self.server.fake
        creating = method == "POST" and path.strip("/") == JOBS
        if creating:
            request = json.loads(body)
            refused = sorted({"metadata", "method"} & set(request))
            if refused:
                return 400, _error(f"unknown field: {refused[0]}", code="invalid_request")
        for job in fake.jobs.values():
            _nebiusify(job)
        status, payload = super()._route(method, path, query, body)
        if creating and status == 200:
            payload["suffix"] = request.get("suffix")
            payload["hyperparameters"] = request.get("hyperparameters") or {}
        for job in fake.jobs.values():
            _nebiusify(job)
        return status, payload


class _Server(_OpenAIServer):
    def __init__(self, fake: FakeNebius) -> None:
        super(_OpenAIServer, self).__init__(("127.0.0.1", 0), _NebiusHandler)
        self.fake = fake


@pytest.fixture(name="fake_nebius")
def fake_nebius_fixture() -> Iterator[FakeNebius]:
    """A running fake server; ``fake_nebius.base_url`` ends in /v1/."""
    fake = FakeNebius()
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
