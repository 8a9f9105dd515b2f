"""``ftplanner jobs … --provider fireworks`` as a real process against the loopback fake Fireworks server:
launch, watch to the end, cancel; under a dropped create, a 429 with Retry-After and a 500 on the upload,
exactly one job and one dataset per launch, and the key never on disk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fake_fireworks import ACCOUNT, API_KEY, FakeFireworks, fake_fireworks_fixture  # noqa: F401  (fixture)
from ftplanner.jobs.store import JobStore
from test_cli_jobs import TODAY, run
from test_jobs_launch import write_dataset

MODEL = "accounts/fireworks/models/llama-v3p1-8b-instruct"
CREATE = ("POST", "/supervisedFineTuningJobs")
UPLOAD = ("POST", "/datasets/*:upload")
#: A launchable catalog row for the fake's base model (the bundled catalog may not have it yet).
CATALOG_ROW = f"""
[models."fireworks/{MODEL}"]
display_name = "Llama 3.1 8B Instruct (Fireworks)"
training_per_mtok = 0.50
family = "fireworks-sft"
tokenizer = "approximate:o200k_base"
methods = ["sft"]
as_of = 2026-11-01
sources = ["test fixture"]
"""
#: The keys ``jobs launch --json`` and ``jobs show --json`` have for every provider.
SHOW_KEYS = {
    "id", "provider", "profile", "model", "status", "raw_status", "trained_tokens", "estimated_cost",
    "provider_estimate", "actual_cost", "cost_error_percent", "cost_ratio", "overrun", "estimated_tokens",
    "price_per_mtok", "currency", "created_at", "finished_at", "estimated_finish", "fine_tuned_model", "error",
    "client_id", "checked_at",
}  # fmt: skip


@pytest.fixture
def catalog_row(tmp_path: Path) -> Path:
    path = tmp_path / "fireworks-row.toml"
    path.write_text(CATALOG_ROW, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _fireworks_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIREWORKS_API_KEY", API_KEY)
    monkeypatch.setenv("FIREWORKS_ACCOUNT_ID", ACCOUNT)


def ftplanner(*argv: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        "QT_QPA_PLATFORM": "offscreen",
    }
    return subprocess.run(
        [sys.executable, "-m", "ftplanner", *argv], env=env, capture_output=True, text=True, timeout=timeout
    )


def launch_argv(fake: FakeFireworks, train: Path, catalog_row: Path, *extra: str) -> list[str]:
    return [
        "jobs", "launch", str(train), "--provider", "fireworks", "--base-url", fake.base_url, "--model", MODEL,
        "--overrides", str(catalog_row), "--today", TODAY, *extra,
    ]  # fmt: skip


def one_job_one_dataset(fake: FakeFireworks) -> dict:
    assert len(fake.jobs) == 1 and len(fake.datasets) == 1, (list(fake.jobs), list(fake.datasets))
    (job,) = fake.jobs.values()
    (dataset_id,) = fake.datasets
    assert (
        job["dataset"].endswith(f"/datasets/{dataset_id}") and fake.datasets[dataset_id]["state"] == "READY"
    )
    return job


def assert_key_nowhere(home: Path, *texts: str) -> None:
    for path in home.rglob("*"):
        if path.is_file():
            assert API_KEY.encode() not in path.read_bytes(), path
    for text in texts:
        assert API_KEY not in text


def test_launch_watch_to_the_end_and_show_keep_their_json_keys(
    fake_fireworks: FakeFireworks, tmp_path: Path, catalog_row: Path, _isolated_home: Path
) -> None:
    train = write_dataset(tmp_path / "train.jsonl", n=30)
    done = ftplanner(*launch_argv(fake_fireworks, train, catalog_row, "--yes", "--json", "--epochs", "2"))
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert SHOW_KEYS | {"launched", "plan", "warnings"} == set(record)
    assert record["provider"] == "fireworks" and record["id"] in fake_fireworks.jobs and record["launched"]
    job = one_job_one_dataset(fake_fireworks)
    assert job["baseModel"] == MODEL and job["epochs"] == 2
    watched = ftplanner("jobs", "watch", record["id"], "--interval", "0.01")
    assert watched.returncode == 0, watched.stderr
    assert "Progress 100%" in watched.stdout and "succeeded" in watched.stdout
    assert f"Fine-tuned model: accounts/{ACCOUNT}/models/{record['id']}" in watched.stdout
    shown = ftplanner("jobs", "show", record["id"], "--json")
    assert shown.returncode == 0, shown.stderr
    final = json.loads(shown.stdout)
    assert (
        set(final) == SHOW_KEYS
        and final["status"] == "succeeded"
        and final["raw_status"] == "JOB_STATE_COMPLETED"
    )
    assert_key_nowhere(_isolated_home, done.stdout, done.stderr, watched.stdout, watched.stderr, shown.stdout)


@pytest.mark.parametrize(
    ("what", "path", "fault", "sent"),
    [
        ("dropped create", CREATE, {"drop_after": True}, (1, 1)),  # found by its derived id: not sent again
        ("429 with Retry-After", CREATE, {"status": 429, "retry_after": "1"}, (2, 1)),
        ("500 on upload", UPLOAD, {"status": 500}, (1, 2)),
    ],
)
def test_exactly_one_job_and_one_dataset_under_each_fault(
    fake_fireworks: FakeFireworks,
    tmp_path: Path,
    catalog_row: Path,
    _isolated_home: Path,
    what,
    path,
    fault,
    sent,
) -> None:
    train = write_dataset(tmp_path / "train.jsonl")
    fake_fireworks.fail(*path, **fault)
    done = ftplanner(*launch_argv(fake_fireworks, train, catalog_row, "--yes", "--json"))
    assert done.returncode == 0, f"{what}: {done.stderr}"
    record = json.loads(done.stdout)
    assert record["id"] in fake_fireworks.jobs
    one_job_one_dataset(fake_fireworks)
    uploads = [r for r in fake_fireworks.requests if r.method == "POST" and r.path.endswith(":upload")]
    assert (len(fake_fireworks.seen(*CREATE)), len(uploads)) == sent, what
    with JobStore(read_only=True) as store:
        assert [j.job_id for j in store.jobs()] == [record["id"]] and not store.pending_launches()
    assert_key_nowhere(_isolated_home, done.stdout, done.stderr)


def test_cancel_stops_the_job(fake_fireworks: FakeFireworks, tmp_path: Path, catalog_row: Path) -> None:
    train = write_dataset(tmp_path / "train.jsonl")
    record = json.loads(ftplanner(*launch_argv(fake_fireworks, train, catalog_row, "--yes", "--json")).stdout)
    cancelled = ftplanner("jobs", "cancel", record["id"])
    assert cancelled.returncode == 0, cancelled.stderr
    assert fake_fireworks.seen("POST", f"/supervisedFineTuningJobs/{record['id']}:cancel")
    shown = json.loads(ftplanner("jobs", "show", record["id"], "--json").stdout)
    assert shown["status"] == "cancelled" and shown["raw_status"] == "JOB_STATE_CANCELLED"
    paused = ftplanner("jobs", "pause", record["id"])
    assert paused.returncode == 1 and "not supported" in paused.stderr and paused.stderr.count("\n") == 1


def test_a_stored_profile_with_its_account_and_options_only_fireworks_takes(
    capsys, monkeypatch: pytest.MonkeyPatch, fake_fireworks: FakeFireworks, tmp_path: Path, catalog_row: Path
) -> None:
    monkeypatch.delenv("FIREWORKS_ACCOUNT_ID")
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(API_KEY + "\n"))
    argv = ["jobs", "profiles", "add", "fw", "--kind", "fireworks", "--base-url", fake_fireworks.base_url]
    code, _out, err = run(capsys, *argv, "--account-id", ACCOUNT, "--key-stdin")
    assert code == 0, err
    train = write_dataset(tmp_path / "train.jsonl")
    common = [
        "jobs",
        "launch",
        str(train),
        "--profile",
        "fw",
        "--model",
        MODEL,
        "--overrides",
        str(catalog_row),
    ]
    code, _, err = run(capsys, *common, "--today", TODAY, "--yes", "--full")
    assert code == 2 and "--lora/--full does not apply to Fireworks AI" in err and not fake_fireworks.requests
    code, _, err = run(
        capsys, *common, "--today", TODAY, "--yes", "--lora-rank", "16", "--context-length", "8192"
    )
    assert code == 0, err
    (job,) = fake_fireworks.jobs.values()
    assert job["loraRank"] == 16 and job["maxContextLength"] == 8192
    assert job["name"].startswith(f"accounts/{ACCOUNT}/")


def test_a_launch_takes_the_kinds_own_settings_on_the_command_line(
    capsys, monkeypatch: pytest.MonkeyPatch, fake_fireworks: FakeFireworks, tmp_path: Path, catalog_row: Path
) -> None:
    monkeypatch.delenv("FIREWORKS_ACCOUNT_ID")
    train = write_dataset(tmp_path / "train.jsonl")
    argv = launch_argv(fake_fireworks, train, catalog_row, "--yes")
    code, _, err = run(capsys, *argv)
    assert code == 2 and "FIREWORKS_ACCOUNT_ID" in err and not fake_fireworks.requests
    code, _, err = run(capsys, *argv, "--account-id", ACCOUNT)
    assert code == 0, err
    (job,) = fake_fireworks.jobs.values()
    assert job["name"].startswith(f"accounts/{ACCOUNT}/")
    nebius = [a if a != "fireworks" else "nebius" for a in argv]
    code, _, err = run(capsys, *nebius, "--account-id", ACCOUNT)
    assert code == 2 and "--account-id applies to kind fireworks only, not nebius" in err


def test_a_price_band_is_not_launched(
    capsys, fake_fireworks: FakeFireworks, tmp_path: Path, catalog_row: Path
) -> None:
    train = write_dataset(tmp_path / "train.jsonl")
    argv = launch_argv(fake_fireworks, train, catalog_row, "--yes")
    argv[argv.index(MODEL)] = "fireworks/sft-up-to-16b"
    code, _, err = run(capsys, *argv)
    assert code == 2 and "is a price band" in err and not fake_fireworks.requests
