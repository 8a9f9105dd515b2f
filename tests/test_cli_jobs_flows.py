"""``ftplanner jobs`` end to end: endpoints without a profile, Azure, recovery, confirmation, refusals."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import openai
import pytest

from fake_openai import API_KEY, FakeOpenAI, fake_openai_fixture  # noqa: F401  (fixture)
from ftplanner.jobs.launch import CLIENT_ID_KEY
from ftplanner.jobs.store import JobStore
from test_cli_jobs import TODAY, add_profile, assert_no_key_anywhere, launch_args, run
from test_jobs_launch import CREATE, UPLOAD, write_dataset

MODEL = "openai/gpt-4.1-mini-2025-04-14"


def test_launch_at_a_base_url_with_the_key_from_the_environment(
    capsys, monkeypatch, fake_openai: FakeOpenAI, tmp_path: Path, _isolated_home: Path
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", API_KEY)
    train = write_dataset(tmp_path / "train.jsonl")
    argv = [
        "jobs",
        "launch",
        str(train),
        "--model",
        MODEL,
        "--base-url",
        fake_openai.base_url,
        "--today",
        TODAY,
    ]
    code, out, err = run(capsys, *argv, "--yes", "--json", "--epochs", "2", "--batch-size", "4")
    assert code == 0, err
    record = json.loads(out)
    assert record["id"] in fake_openai.jobs and record["profile"] == f"openai@{fake_openai.base_url}"
    sent = fake_openai.seen(*CREATE)[0].json()
    assert sent["method"]["supervised"]["hyperparameters"] == {"n_epochs": 2, "batch_size": 4}
    assert sent["metadata"][CLIENT_ID_KEY] == record["client_id"]
    code, out, err = run(capsys, "jobs", "watch", record["id"], "--interval", "0.01")
    assert code == 0 and "succeeded" in out, err
    shown = json.loads(run(capsys, "jobs", "show", record["id"], "--json")[1])
    assert shown["status"] == "succeeded" and shown["actual_cost"] is not None
    assert_no_key_anywhere(_isolated_home, out)


def test_base_url_without_a_key_says_which_variable(capsys, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    train = write_dataset(tmp_path / "train.jsonl")
    argv = ["jobs", "launch", str(train), "--model", MODEL, "--base-url", "http://127.0.0.1:9/v1", "--yes"]
    code, out, err = run(capsys, *argv, "--today", TODAY)
    assert code == 2 and out == "" and "OPENAI_API_KEY" in err and err.count("\n") == 1


def test_azure_profile_end_to_end(
    capsys, monkeypatch, fake_openai: FakeOpenAI, tmp_path: Path, _isolated_home: Path
) -> None:
    code, _, err = run(
        capsys,
        "jobs", "profiles", "add", "az", "--kind", "azure", "--base-url", fake_openai.base_url,
        "--training-type", "globalstandard", "--key-stdin",
        stdin=API_KEY + "\n", monkeypatch=monkeypatch,
    )  # fmt: skip
    assert code == 0, err
    train = write_dataset(tmp_path / "train.jsonl")
    argv = ["jobs", "launch", str(train), "--profile", "az", "--model", "gpt-4o-mini-2024-07-18"]
    code, out, err = run(capsys, *argv, "--today", TODAY, "--yes", "--json", "--suffix", "support-bot")
    assert code == 0, err
    record = json.loads(out)
    assert record["provider"] == "azure-openai" and record["plan"]["model"].startswith("azure-openai/")
    create = fake_openai.seen(*CREATE)[0]
    assert create.headers.get("api-key") == API_KEY and "Authorization" not in create.headers
    assert create.json()["trainingType"] == "globalstandard"
    code, out, err = run(capsys, "jobs", "watch", record["id"], "--interval", "0.01")
    assert code == 0, err
    assert_no_key_anywhere(_isolated_home, out)
    code, _, err = run(capsys, *argv, "--today", TODAY, "--yes", "--suffix", "bad.dot")
    assert code == 2 and "dot" in err


def test_recover_attaches_the_job_of_a_launch_cut_off_around_the_create(
    capsys, monkeypatch, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    add_profile(capsys, monkeypatch, fake_openai)
    train = write_dataset(tmp_path / "train.jsonl")
    with JobStore() as store:  # what a launch killed right after its create leaves behind
        client_id = store.record_launch(
            profile="fake", provider="openai", model="gpt-4.1-mini-2025-04-14", training_file=train
        )
    client = openai.OpenAI(api_key=API_KEY, base_url=fake_openai.base_url, max_retries=0)
    uploaded = client.files.create(file=train.open("rb"), purpose="fine-tune")
    job = client.fine_tuning.jobs.create(
        model="gpt-4.1-mini-2025-04-14", training_file=uploaded.id, metadata={CLIENT_ID_KEY: client_id}
    )
    code, out, err = run(capsys, "jobs", "recover")
    assert code == 0, err
    assert f"Launch {client_id}: attached job {job.id}" in out
    assert json.loads(run(capsys, "jobs", "list", "--json")[1])[0]["id"] == job.id
    code, out, _ = run(capsys, "jobs", "recover")
    assert code == 0 and "No interrupted launches" in out
    assert len(fake_openai.jobs) == 1


def test_upload_answer_lost_after_the_server_stored_it_leaves_one_file(
    capsys, monkeypatch, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    add_profile(capsys, monkeypatch, fake_openai)
    train = write_dataset(tmp_path / "train.jsonl")
    fake_openai.fail(*UPLOAD, drop_after=True)
    fake_openai.fail(*CREATE, drop_after=True)
    code, out, err = run(capsys, *launch_args(train, "--yes", "--json"))
    assert code == 0, err
    assert len(fake_openai.files) == 1 and len(fake_openai.jobs) == 1
    assert len(fake_openai.seen(*UPLOAD)) == 1 and len(fake_openai.seen(*CREATE)) == 1
    (file_id,) = fake_openai.files
    assert json.loads(out)["id"] in fake_openai.jobs
    assert fake_openai.files[file_id]["filename"].endswith("-train.jsonl")


def test_interactive_confirmation(capsys, monkeypatch, fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    add_profile(capsys, monkeypatch, fake_openai)
    train = write_dataset(tmp_path / "train.jsonl")
    for answer, launched in (("n\n", 0), ("y\n", 1)):
        stdin = io.StringIO(answer)
        stdin.isatty = lambda: True  # type: ignore[method-assign]
        monkeypatch.setattr("sys.stdin", stdin)
        code, out, err = run(capsys, *launch_args(train))
        assert code == 0, err
        assert "Launch this job? [y/N]" in out and len(fake_openai.jobs) == launched


@pytest.mark.parametrize(
    ("extra", "code", "message"),
    [
        (("--today", "2027-02-01"), 1, "new fine-tuning jobs closed on 2027-01-06"),
        (("--budget", "abc"), 2, "--budget: expected an amount in USD"),
    ],
)
def test_refusals_and_bad_input_exit_codes(
    capsys,
    monkeypatch,
    fake_openai: FakeOpenAI,
    tmp_path: Path,
    extra: tuple[str, ...],
    code: int,
    message: str,
) -> None:
    add_profile(capsys, monkeypatch, fake_openai)
    train = write_dataset(tmp_path / "train.jsonl")
    got, out, err = run(capsys, *launch_args(train, "--yes"), *extra)
    assert (got, out) == (code, "") and message in err and err.count("\n") == 1, err
    assert not fake_openai.requests


def test_file_with_errors_is_bad_input(capsys, monkeypatch, fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    add_profile(capsys, monkeypatch, fake_openai)
    train = write_dataset(tmp_path / "train.jsonl", bad_lines=2)
    code, out, err = run(capsys, *launch_args(train, "--yes"))
    assert code == 2 and out == "" and "line(s) with errors" in err and "line " in err
    assert not fake_openai.requests


def test_watch_prints_events_in_order_and_a_closing_summary(
    capsys, monkeypatch, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", API_KEY)
    train = write_dataset(tmp_path / "train.jsonl")
    argv = ["jobs", "launch", str(train), "--model", MODEL, "--base-url", fake_openai.base_url]
    code, out, err = run(capsys, *argv, "--today", TODAY, "--yes", "--json")
    assert code == 0, err
    job_id = json.loads(out)["id"]
    fake_openai.metric_steps_per_poll = 7
    code, out, err = run(capsys, "jobs", "watch", job_id, "--interval", "0.01")
    assert code == 0, err
    steps = [int(step) for step in re.findall(r"Step (\d+)/30", out)]
    assert steps == list(range(1, 15))  # two polls while running, each step once, oldest first
    summary = out[out.index(f"Job {job_id} succeeded.") :]
    assert "Duration:       30 min" in summary and "Trained tokens: 123,456" in summary
    assert re.search(r"Cost: +\$\S+ actual vs \$\S+ estimated \(×\d+\.\d\d, [+-]\d", summary)
    assert "Overrun:        +" in summary
    assert "Fine-tuned model: ft:" in summary
    shown = run(capsys, "jobs", "show", job_id)[1]
    assert "Last checked:   20" in shown


def test_an_overrun_is_highlighted_and_explained(
    capsys, monkeypatch, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", API_KEY)
    train = write_dataset(tmp_path / "train.jsonl")
    argv = ["jobs", "launch", str(train), "--model", MODEL, "--base-url", fake_openai.base_url]
    job_id = json.loads(run(capsys, *argv, "--today", TODAY, "--yes", "--json")[1])["id"]
    assert run(capsys, "jobs", "watch", job_id, "--interval", "0.01")[0] == 0
    record = json.loads(run(capsys, "jobs", "show", job_id, "--json")[1])
    assert record["overrun"] and record["cost_ratio"] == pytest.approx(
        record["actual_cost"] / record["estimated_cost"], rel=1e-3
    )
    assert record["price_per_mtok"] == 5.0 and record["estimated_tokens"] > 0
    shown = run(capsys, "jobs", "show", job_id)[1]
    assert re.search(r"Actual cost: +\$0\.62 \(×\d+\.\d\d the estimate, \+\d+\.\d%\)", shown)
    line = next(line for line in shown.splitlines() if line.startswith("Overrun:"))
    assert f"123,456 tokens trained against {record['estimated_tokens']:,} estimated" in line
    assert "at $5.00 per 1M tokens" in line
    listed = run(capsys, "jobs", "list")[1]
    assert "Actual vs estimate" in listed and " !)" in listed and "says why" in listed
