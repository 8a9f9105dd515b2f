"""``ftplanner jobs launch --provider together`` against the loopback fake Together server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fake_together import API_KEY, FakeTogether, fake_together_fixture  # noqa: F401  (fixture)
from ftplanner.jobs.store import JobStore
from test_cli_jobs import TODAY, assert_no_key_anywhere, run
from test_jobs_launch import write_dataset

MODEL = "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"
CREATE = ("POST", "/fine-tunes")
UPLOAD = ("POST", "/files/upload")


@pytest.fixture(autouse=True)
def _together_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOGETHER_API_KEY", API_KEY)


def launch_argv(fake: FakeTogether, train: Path, *extra: str) -> list[str]:
    return [
        "jobs", "launch", str(train), "--provider", "together", "--base-url", fake.base_url,
        "--model", MODEL, "--today", TODAY, *extra,
    ]  # fmt: skip


def test_launch_shows_the_providers_estimate_beside_ours_and_tracks_to_the_end(
    capsys, fake_together: FakeTogether, tmp_path: Path, _isolated_home: Path
) -> None:
    train = write_dataset(tmp_path / "train.jsonl", n=30)
    code, out, err = run(capsys, *launch_argv(fake_together, train, "--yes", "--suffix", "support"))
    assert code == 0, err
    assert "Estimated cost: $" in out and "Provider's estimate: $" in out and "vs ours" in out
    (job_id,) = fake_together.jobs
    sent = fake_together.seen(*CREATE)[0].json()
    assert sent["model"] == MODEL and sent["suffix"].startswith("support-fp")
    assert sent["n_epochs"] >= 1  # the estimated epoch count, not Together's own default
    code, out, err = run(capsys, "jobs", "watch", job_id, "--interval", "0.01")
    assert code == 0, err
    shown = json.loads(run(capsys, "jobs", "show", job_id, "--json")[1])
    assert shown["provider"] == "together" and shown["status"] == "succeeded" and shown["provider_estimate"]
    assert shown["trained_tokens"] == fake_together.token_count and shown["actual_cost"] is not None
    assert shown["fine_tuned_model"]
    assert_no_key_anywhere_together(_isolated_home, out)


def assert_no_key_anywhere_together(home: Path, *texts: str) -> None:
    for path in home.rglob("*"):
        if path.is_file():
            assert API_KEY.encode() not in path.read_bytes(), path
    for text in texts:
        assert API_KEY not in text
    assert_no_key_anywhere(home, *texts)  # nor the OpenAI fake's


def test_json_launch_has_the_id_and_the_provider_estimate(
    capsys, fake_together: FakeTogether, tmp_path: Path
) -> None:
    train = write_dataset(tmp_path / "train.jsonl")
    code, out, err = run(capsys, *launch_argv(fake_together, train, "--yes", "--json"))
    assert code == 0, err
    record = json.loads(out)
    assert record["id"] in fake_together.jobs and record["provider"] == "together"
    assert record["provider_estimate"] is not None and record["estimated_cost"] is not None


def test_provider_refusal_blocks_the_launch_with_its_reason(
    capsys, fake_together: FakeTogether, tmp_path: Path
) -> None:
    fake_together.estimate["allowed_to_proceed"] = False
    fake_together.estimate["user_limit"] = 0.0
    train = write_dataset(tmp_path / "train.jsonl")
    code, _, err = run(capsys, *launch_argv(fake_together, train, "--yes"))
    assert code == 1 and "will not run this job" in err and "credit limit" in err and err.count("\n") == 1
    assert not fake_together.jobs and not fake_together.seen(*CREATE)
    assert not fake_together.files and "uploaded file was deleted" in err  # no orphan upload
    with JobStore() as store:
        assert store.pending_launches() == []  # closed, so recovery will not look for it
        (closed,) = store.launches()
        assert closed.closed_reason and "credit limit" in closed.closed_reason


def test_provider_estimate_above_the_budget_is_refused(
    capsys, fake_together: FakeTogether, tmp_path: Path
) -> None:
    fake_together.estimate["price_per_token"] = 1.0  # far above the catalog price
    train = write_dataset(tmp_path / "train.jsonl")
    code, _, err = run(capsys, *launch_argv(fake_together, train, "--yes", "--budget", "5"))
    assert code == 1 and "own estimate" in err and "budget cap" in err
    assert not fake_together.jobs and not fake_together.files


def test_create_answer_lost_leaves_one_job_and_one_file(
    capsys, fake_together: FakeTogether, tmp_path: Path
) -> None:
    fake_together.fail(*UPLOAD, drop_after=True)
    fake_together.fail(*CREATE, drop_after=True)
    train = write_dataset(tmp_path / "train.jsonl")
    code, out, err = run(capsys, *launch_argv(fake_together, train, "--yes", "--json"))
    assert code == 0, err
    assert len(fake_together.jobs) == 1 and len(fake_together.files) == 1
    assert json.loads(out)["id"] in fake_together.jobs


def test_suffix_too_long_for_together_is_refused_before_upload(
    capsys, fake_together: FakeTogether, tmp_path: Path
) -> None:
    train = write_dataset(tmp_path / "train.jsonl")
    code, _, err = run(capsys, *launch_argv(fake_together, train, "--yes", "--suffix", "x" * 35))
    assert code == 2 and "Together allows at most" in err
    assert not fake_together.requests


def test_openai_model_on_a_together_endpoint_is_bad_input(
    capsys, fake_together: FakeTogether, tmp_path: Path
) -> None:
    train = write_dataset(tmp_path / "train.jsonl")
    argv = launch_argv(fake_together, train, "--yes")
    argv[argv.index(MODEL)] = "gpt-4.1-mini-2025-04-14"
    code, _, err = run(capsys, *argv)
    assert code == 2 and "not fine-tuned on together endpoints" in err


def test_recover_attaches_a_together_job_created_before_a_crash(
    capsys, fake_together: FakeTogether, tmp_path: Path
) -> None:
    from ftplanner.jobs.launch import CLIENT_ID_KEY
    from ftplanner.providers.base import JobRequest
    from ftplanner.providers.together import TogetherProvider

    train = write_dataset(tmp_path / "train.jsonl")
    with JobStore() as store:  # what a launch killed right after its create leaves behind
        client_id = store.record_launch(
            profile=f"together@{fake_together.base_url}",
            provider="together",
            model=MODEL,
            training_file=train,
        )
    provider = TogetherProvider(API_KEY, fake_together.base_url)
    uploaded = provider.upload_file(train)
    job = provider.create_job(JobRequest(MODEL, uploaded.id, epochs=1, metadata={CLIENT_ID_KEY: client_id}))
    code, out, err = run(capsys, "jobs", "recover")
    assert code == 0, err
    assert f"Launch {client_id}: attached job {job.id}" in out and len(fake_together.jobs) == 1
    shown = json.loads(run(capsys, "jobs", "show", job.id, "--json")[1])
    assert shown["provider"] == "together" and shown["profile"].startswith("together@")
