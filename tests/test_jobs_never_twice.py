"""The duplicate-job sequences, through a real ``ftplanner`` process against the fake server: whatever fails
(a dropped create the server stored, 429 bursts longer than the SDK's retries, kill -9), every variant ends
with exactly one job and one file on the server, and exit codes follow the README."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from fake_openai import FakeOpenAI, fake_openai_fixture  # noqa: F401  (fixture)
from ftplanner.jobs.store import JobStore
from test_cli_jobs import TODAY
from test_jobs_killed import MODEL, _env, _kill, _start, _wait_for
from test_jobs_launch import CREATE, LIST, UPLOAD, write_dataset

FILES = ("GET", "/files")


def ftplanner(*argv: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ftplanner", *argv],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def launch_argv(fake: FakeOpenAI, train: Path, *extra: str) -> list[str]:
    return [
        "jobs",
        "launch",
        str(train),
        "--model",
        MODEL,
        "--base-url",
        fake.base_url,
        "--today",
        TODAY,
        *extra,
    ]


def one_job_one_file(fake: FakeOpenAI) -> None:
    assert len(fake.jobs) == 1 and len(fake.files) == 1, (list(fake.jobs), list(fake.files))
    (job,) = fake.jobs.values()
    assert job["training_file"] in fake.files


def test_dropped_create_then_a_429_burst_longer_than_the_sdk_retries(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    train = write_dataset(tmp_path / "train.jsonl")
    fake_openai.fail(*CREATE, drop_after=True)  # the server stores the job, the answer is lost
    fake_openai.fail(*LIST, times=5, status=429, retry_after="1")  # the SDK gives up after three
    done = ftplanner(*launch_argv(fake_openai, train, "--yes", "--json"))
    assert done.returncode == 0, done.stderr
    assert "trying again in" in done.stderr  # it says it is waiting
    record = json.loads(done.stdout)
    assert record["id"] in fake_openai.jobs
    one_job_one_file(fake_openai)
    assert len(fake_openai.seen(*CREATE)) == 1


def test_unresolvable_launch_stays_pending_and_the_relaunch_adopts_its_job(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    train = write_dataset(tmp_path / "train.jsonl")
    fake_openai.fail(*CREATE, drop_after=True)
    fake_openai.fail(*LIST, times=30, status=429, retry_after="3600")  # longer than any bounded wait
    done = ftplanner(*launch_argv(fake_openai, train, "--yes"))
    assert done.returncode == 1, done.stderr
    assert "stays pending" in done.stderr and "ftplanner jobs recover" in done.stderr
    assert "resume_pending" not in done.stderr and done.stderr.count("\n") == 1
    listed = ftplanner("jobs", "list")
    assert listed.returncode == 0 and "Pending launches" in listed.stdout and "jobs recover" in listed.stdout
    (pending,) = json.loads(ftplanner("jobs", "list", "--json").stdout)
    assert pending["status"] == "pending" and pending["id"] is None and pending["training_file_id"]

    # still rate-limited: the new launch is refused before anything is sent
    uploads = len(fake_openai.seen(*UPLOAD))
    refused = ftplanner(*launch_argv(fake_openai, train, "--yes"))
    assert refused.returncode == 1 and "ftplanner jobs recover" in refused.stderr
    assert len(fake_openai.seen(*UPLOAD)) == uploads and len(fake_openai.seen(*CREATE)) == 1
    could_not = ftplanner("jobs", "recover")
    assert could_not.returncode == 1 and "could not check" in could_not.stderr

    fake_openai._faults.clear()  # the provider answers again
    again = ftplanner(*launch_argv(fake_openai, train, "--yes", "--json"))
    assert again.returncode == 0, again.stderr
    assert "not starting a second one" in again.stderr
    one_job_one_file(fake_openai)
    assert json.loads(again.stdout)["id"] == next(iter(fake_openai.jobs))
    assert [r["status"] for r in json.loads(ftplanner("jobs", "list", "--json").stdout)] == ["validating"]


def test_killed_while_the_server_creates_then_relaunched_through_six_429s(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    train = write_dataset(tmp_path / "train.jsonl")
    fake_openai.fail(*CREATE, delay=60)  # the server creates the job, then holds the answer
    process = _start(*launch_argv(fake_openai, train, "--yes"))
    _wait_for(lambda: bool(fake_openai.jobs), process)
    _kill(process)
    fake_openai.fail(*LIST, times=6, status=429, retry_after="1")
    again = ftplanner(*launch_argv(fake_openai, train, "--yes"))
    assert again.returncode == 0, again.stderr
    assert "not starting a second one" in again.stderr
    one_job_one_file(fake_openai)
    with JobStore() as store:
        assert store.pending_launches() == []
        assert [launch.job_id for launch in store.launches()] == [next(iter(fake_openai.jobs)), None]


def test_killed_during_a_create_the_server_never_processed_reuses_the_upload(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    train = write_dataset(tmp_path / "train.jsonl")
    fake_openai.fail(*CREATE, stall=60)  # held, never processed
    process = _start(*launch_argv(fake_openai, train, "--yes"))
    _wait_for(lambda: bool(fake_openai.seen(*CREATE)), process)
    _kill(process)
    assert not fake_openai.jobs and len(fake_openai.files) == 1
    fake_openai._faults.clear()
    (uploaded,) = fake_openai.files
    again = ftplanner(*launch_argv(fake_openai, train, "--yes", "--json"))
    assert again.returncode == 0, again.stderr
    assert "upload was reused" in again.stderr
    one_job_one_file(fake_openai)
    assert fake_openai.jobs[json.loads(again.stdout)["id"]]["training_file"] == uploaded
    assert len(fake_openai.seen(*UPLOAD)) == 1


def test_killed_after_the_upload_then_recovered_deletes_the_file_once(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    train = write_dataset(tmp_path / "train.jsonl")
    fake_openai.fail(*CREATE, stall=60)
    process = _start(*launch_argv(fake_openai, train, "--yes"))
    _wait_for(lambda: bool(fake_openai.seen(*CREATE)), process)
    _kill(process)
    fake_openai._faults.clear()
    recovered = ftplanner("jobs", "recover")
    assert recovered.returncode == 0, recovered.stderr
    assert "no job was created; uploaded file(s) deleted" in recovered.stdout
    assert not fake_openai.files and not fake_openai.jobs
    later = ftplanner("jobs", "recover")  # closed: not reported again
    assert later.returncode == 0 and "No interrupted launches." in later.stdout


def test_launch_failures_exit_1_and_bad_hyperparameters_exit_2_before_any_request(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    train = write_dataset(tmp_path / "train.jsonl")
    fake_openai.fail(*CREATE, status=400)
    failed = ftplanner(*launch_argv(fake_openai, train, "--yes"))
    assert failed.returncode == 1 and "no job was created" in failed.stderr
    assert not fake_openai.files and not fake_openai.jobs  # the refused launch deleted its upload
    before = len(fake_openai.requests)
    seed = ftplanner(*launch_argv(fake_openai, train, "--yes", "--seed", "-1"))
    assert seed.returncode == 2 and "--seed" in seed.stderr
    beta = ftplanner(*launch_argv(fake_openai, train, "--yes", "--beta", "0.2"))
    assert beta.returncode == 2 and "DPO only" in beta.stderr
    dpo = ftplanner(*launch_argv(fake_openai, train, "--yes", "--method", "dpo"))
    assert dpo.returncode == 2 and "use --method supervised" in dpo.stderr
    assert len(fake_openai.requests) == before


def test_provider_failures_exit_1(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    train = write_dataset(tmp_path / "train.jsonl")
    launched = ftplanner(*launch_argv(fake_openai, train, "--yes", "--json"))
    job_id = json.loads(launched.stdout)["id"]
    fake_openai.script = ("validating_files", "succeeded")
    assert ftplanner("jobs", "watch", job_id, "--interval", "0.01").returncode == 0
    cancel = ftplanner("jobs", "cancel", job_id)
    assert cancel.returncode == 1 and "cannot cancel" in cancel.stderr
    missing = ftplanner("jobs", "watch", "ftjob-gone", "--profile", f"openai@{fake_openai.base_url}")
    assert missing.returncode == 1 and "ftjob-gone" in missing.stderr


def test_watch_says_the_provider_is_unreachable_and_gives_up(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    train = write_dataset(tmp_path / "train.jsonl")
    job_id = json.loads(ftplanner(*launch_argv(fake_openai, train, "--yes", "--json")).stdout)["id"]
    fake_openai.fail("GET", f"/fine_tuning/jobs/{job_id}", times=1000, status=503)
    watched = ftplanner("jobs", "watch", job_id, "--interval", "0.05", "--give-up-after", "1")
    assert watched.returncode == 1
    assert "provider not answering" in watched.stderr and "giving up in" in watched.stderr
    assert "gave up after" in watched.stderr and "keeps running" in watched.stderr
