"""A real ``ftplanner`` process killed in the middle of a launch or a watch loses nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from fake_openai import API_KEY, FakeOpenAI, fake_openai_fixture  # noqa: F401  (fixture)
from ftplanner.cli import main
from ftplanner.jobs.store import JobStore
from test_cli_jobs import TODAY
from test_jobs_launch import CREATE, write_dataset

MODEL = "openai/gpt-4.1-mini-2025-04-14"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        OPENAI_API_KEY=API_KEY,
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
        QT_QPA_PLATFORM="offscreen",
    )
    return env


def _start(*argv: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "ftplanner", *argv],
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for(condition, process: subprocess.Popen[str], timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if process.poll() is not None:
            raise AssertionError(f"ftplanner exited early ({process.returncode}): {process.communicate()}")
        assert time.monotonic() < end, "timed out"
        time.sleep(0.05)


def _kill(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)


def test_killed_while_the_create_is_in_flight_then_recovered(
    capsys, monkeypatch, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", API_KEY)
    train = write_dataset(tmp_path / "train.jsonl")
    fake_openai.fail(*CREATE, delay=30)  # the server creates the job, then holds the answer
    process = _start(
        "jobs", "launch", str(train), "--model", MODEL, "--base-url", fake_openai.base_url,
        "--today", TODAY, "--yes",
    )  # fmt: skip
    _wait_for(lambda: bool(fake_openai.jobs), process)
    _kill(process)
    with JobStore() as store:
        assert len(store.pending_launches()) == 1  # recorded before the create, so nothing is lost
    assert main(["jobs", "recover"]) == 0
    assert f"attached job {next(iter(fake_openai.jobs))}" in capsys.readouterr().out
    assert len(fake_openai.jobs) == 1 and len(fake_openai.files) == 1
    assert main(["jobs", "launch", str(train), "--model", MODEL, "--base-url", fake_openai.base_url,
                 "--today", TODAY, "--yes", "--json"]) == 0  # fmt: skip
    assert len(fake_openai.jobs) == 2  # a new launch is a new job; the recovered one was not repeated


def test_killed_while_watching_then_watched_to_the_end(
    capsys, monkeypatch, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", API_KEY)
    train = write_dataset(tmp_path / "train.jsonl")
    argv = ["jobs", "launch", str(train), "--model", MODEL, "--base-url", fake_openai.base_url]
    assert main([*argv, "--today", TODAY, "--yes", "--json"]) == 0
    job_id = json.loads(capsys.readouterr().out)["id"]
    fake_openai.script = ("validating_files", "queued", *["running"] * 500, "succeeded")
    process = _start("jobs", "watch", job_id, "--interval", "0.05")
    with JobStore() as store:
        _wait_for(lambda: store.job(job_id) is not None and store.job(job_id).status == "running", process)
    _kill(process)
    fake_openai.script = ("validating_files", "queued", "running", "succeeded")
    fake_openai.jobs[job_id]["_step"] = 2
    assert main(["jobs", "watch", job_id, "--interval", "0.01"]) == 0
    with JobStore() as store:
        history = [h.status for h in store.history(job_id)]
        assert history == ["validating", "queued", "running", "succeeded"]
        assert store.job(job_id).actual_cost is not None and store.events(job_id)
