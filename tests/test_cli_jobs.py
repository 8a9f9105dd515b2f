"""``ftplanner jobs`` in-process against the loopback fake server, an in-memory keyring and a temp home."""

from __future__ import annotations

import io
import json
from pathlib import Path

import keyring
import pytest

from fake_openai import API_KEY, FakeOpenAI, fake_openai_fixture  # noqa: F401  (fixture)
from ftplanner.cli import main
from ftplanner.jobs.secrets import SERVICE
from keyring_helpers import MemoryKeyring
from test_jobs_launch import CREATE, write_dataset

TODAY = "2026-11-29"
MODEL = "openai/gpt-4.1-mini-2025-04-14"


def run(capsys: pytest.CaptureFixture[str], *argv: str, stdin: str | None = None, monkeypatch=None):
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def add_profile(capsys, monkeypatch, fake: FakeOpenAI, name: str = "fake", *extra: str) -> str:
    code, out, err = run(
        capsys,
        "jobs",
        "profiles",
        "add",
        name,
        "--kind",
        "generic",
        "--base-url",
        fake.base_url,
        "--key-stdin",
        *extra,
        stdin=API_KEY + "\n",
        monkeypatch=monkeypatch,
    )
    assert code == 0, err
    return out


def launch_args(train: Path, *extra: str) -> list[str]:
    return ["jobs", "launch", str(train), "--profile", "fake", "--model", MODEL, "--today", TODAY, *extra]


def assert_no_key_anywhere(home: Path, *texts: str) -> None:
    for path in home.rglob("*"):
        if path.is_file():
            assert API_KEY.encode() not in path.read_bytes(), path
    for text in texts:
        assert API_KEY not in text


def test_profiles_add_list_remove_never_expose_the_key(
    capsys, monkeypatch, fake_openai: FakeOpenAI, _test_keyring: MemoryKeyring, _isolated_home: Path
) -> None:
    out_add = add_profile(capsys, monkeypatch, fake_openai, "fake", "--budget-cap", "12.50")
    assert "system keyring" in out_add
    assert _test_keyring.passwords == {(SERVICE, "fake"): API_KEY}
    stored = json.loads((_isolated_home / "profiles.json").read_text(encoding="utf-8"))
    assert stored["profiles"][0]["name"] == "fake" and stored["profiles"][0]["budget_cap"] == "12.5"
    code, out_json, _ = run(capsys, "jobs", "profiles", "list", "--json")
    assert code == 0
    (row,) = json.loads(out_json)
    assert row["kind"] == "generic" and row["key"] == "stored" and row["base_url"] == fake_openai.base_url
    code, out_table, _ = run(capsys, "jobs", "profiles", "list")
    assert code == 0 and "fake" in out_table and "stored" in out_table and "$12.50" in out_table
    assert_no_key_anywhere(_isolated_home, out_add, out_json, out_table)
    code, out_rm, _ = run(capsys, "jobs", "profiles", "remove", "fake")
    assert code == 0 and "Removed" in out_rm
    assert _test_keyring.passwords == {}
    assert json.loads(run(capsys, "jobs", "profiles", "list", "--json")[1]) == []


def test_session_only_key_is_said(capsys, monkeypatch, fake_openai: FakeOpenAI, _isolated_home: Path) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    out = add_profile(capsys, monkeypatch, fake_openai)
    assert "session only" in out
    assert json.loads(run(capsys, "jobs", "profiles", "list", "--json")[1])[0]["key"] == "session"
    assert_no_key_anywhere(_isolated_home, out)


def test_bad_profile_fields_exit_2_naming_profile_and_field(capsys) -> None:
    code, out, err = run(capsys, "jobs", "profiles", "add", "g", "--kind", "generic")
    assert (
        code == 2
        and out == ""
        and err.count("\n") == 1
        and "'g'" in err
        and "Base URL is required" in err
        and "base_url" not in err
    )
    code, _, err = run(capsys, "jobs", "profiles", "add", "o", "--kind", "openai", "--budget-cap", "lots")
    assert code == 2 and "budget" in err and err.count("\n") == 1


def test_launch_without_yes_does_not_create(
    capsys, monkeypatch, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    add_profile(capsys, monkeypatch, fake_openai)
    train = write_dataset(tmp_path / "train.jsonl")
    code, out, err = run(capsys, *launch_args(train))
    assert code == 0, err
    assert "Estimated cost: $" in out and "--yes" in out and "retires on" in out
    assert not fake_openai.seen(*CREATE) and not fake_openai.files
    assert json.loads(run(capsys, "jobs", "list", "--json")[1]) == []


def test_launch_with_yes_then_list_status_cancel(
    capsys, monkeypatch, fake_openai: FakeOpenAI, tmp_path: Path, _isolated_home: Path
) -> None:
    add_profile(capsys, monkeypatch, fake_openai)
    train = write_dataset(tmp_path / "train.jsonl")
    code, out, err = run(capsys, *launch_args(train, "--yes", "--json", "--suffix", "bot"))
    assert code == 0, err
    result = json.loads(out)
    job_id = result["id"]
    assert list(fake_openai.jobs) == [job_id] and len(fake_openai.seen(*CREATE)) == 1
    assert result["plan"]["training_cost"] and result["status"] == "validating" and result["launched"]
    assert result["estimated_cost"] == float(result["plan"]["training_cost"]) and result["currency"] == "USD"

    code, out, _ = run(capsys, "jobs", "list", "--json")
    (listed,) = json.loads(out)
    assert code == 0 and listed["id"] == job_id
    assert job_id in run(capsys, "jobs", "list")[1]

    code, out, err = run(capsys, "jobs", "show", job_id, "--json")
    assert code == 0, err
    status = json.loads(out)
    assert status["id"] == job_id and status["status"] in ("validating", "queued", "running")
    assert status["estimated_cost"] == float(result["plan"]["training_cost"])
    for key in (
        "provider",
        "model",
        "trained_tokens",
        "actual_cost",
        "currency",
        "created_at",
        "finished_at",
    ):
        assert key in status
    assert status["fine_tuned_model"] is None and status["model"] == "gpt-4.1-mini-2025-04-14"
    code, out, _ = run(capsys, "jobs", "status", job_id)
    assert code == 0 and "Estimated cost: $" in out and "Trained tokens" in out

    code, out, err = run(capsys, "jobs", "cancel", job_id)
    assert code == 0, err
    assert "cancelled" in out and fake_openai.jobs[job_id]["status"] == "cancelled"
    assert json.loads(run(capsys, "jobs", "list", "--json")[1])[0]["status"] == "cancelled"
    assert len(fake_openai.seen(*CREATE)) == 1
    assert_no_key_anywhere(_isolated_home)


def test_track_until_done_prints_changes_and_actual_cost(
    capsys, monkeypatch, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    add_profile(capsys, monkeypatch, fake_openai)
    train = write_dataset(tmp_path / "train.jsonl")
    job_id = json.loads(run(capsys, *launch_args(train, "--yes", "--json"))[1])["id"]
    code, out, err = run(capsys, "jobs", "watch", job_id, "--interval", "0.01")
    assert code == 0, err
    assert f"{job_id}: succeeded, 123,456 tokens trained" in out and out.count(": running") == 1
    assert "Step 5/5: training loss=1.60" in out and "Cost:           $0.62 actual vs $0.02 estimated" in out
    assert out.strip().splitlines()[-1].startswith("Fine-tuned model: ft:")
    code, out, _ = run(capsys, "jobs", "show", job_id, "--json")
    shown = json.loads(out)
    assert shown["actual_cost"] == 0.61728 and shown["status"] == "succeeded" and shown["finished_at"]
    assert shown["fine_tuned_model"].startswith("ft:") and shown["trained_tokens"] == 123456


@pytest.mark.parametrize("final", ["failed", "cancelled"])
def test_watch_exits_1_when_the_job_does_not_succeed(
    capsys, monkeypatch, fake_openai: FakeOpenAI, tmp_path: Path, final: str
) -> None:
    fake_openai.script = ("validating_files", "running", final)
    add_profile(capsys, monkeypatch, fake_openai)
    train = write_dataset(tmp_path / "train.jsonl")
    job_id = json.loads(run(capsys, *launch_args(train, "--yes", "--json"))[1])["id"]
    code, out, err = run(capsys, "jobs", "watch", job_id, "--interval", "0.01")
    assert code == 1, err
    assert f"{job_id}: {final}" in out
    assert json.loads(run(capsys, "jobs", "show", job_id, "--json")[1])["status"] == final


def test_over_budget_launch_exits_1_in_one_line(
    capsys, monkeypatch, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    add_profile(capsys, monkeypatch, fake_openai, "fake", "--budget-cap", "0.0001")
    train = write_dataset(tmp_path / "train.jsonl")
    for extra in ((), ("--budget", "0.00001"), ("--budget-cap", "0.00002")):
        code, out, err = run(capsys, *launch_args(train, "--yes", *extra))
        assert code == 1 and out == "" and err.count("\n") == 1 and "exceeds the budget cap" in err
    assert not fake_openai.requests


def test_unknown_profile_exits_2(capsys, tmp_path: Path) -> None:
    train = write_dataset(tmp_path / "train.jsonl")
    code, out, err = run(capsys, *launch_args(train, "--profile", "nope", "--yes"))
    assert code == 2 and out == "" and err.count("\n") == 1 and "no profile 'nope'" in err
    code, _, err = run(capsys, "jobs", "profiles", "remove", "nope")
    assert code == 2 and "no profile 'nope'" in err


def test_missing_key_says_how_to_set_it(capsys, monkeypatch, tmp_path: Path) -> None:
    code, _, err = run(capsys, "jobs", "profiles", "add", "work", "--kind", "openai")
    assert code == 0, err
    train = write_dataset(tmp_path / "train.jsonl")
    code, out, err = run(capsys, *launch_args(train, "--profile", "work", "--yes"))
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "no API key for profile 'work'" in err and "OPENAI_API_KEY" in err
    assert "`ftplanner jobs profiles set-key work --key-stdin`" in err
    code, _, err = run(capsys, "jobs", "recover", "--profile", "work")
    assert code == 2 and "--key-stdin" in err


def test_recover_with_nothing_pending(capsys, monkeypatch, fake_openai: FakeOpenAI) -> None:
    add_profile(capsys, monkeypatch, fake_openai)
    code, out, err = run(capsys, "jobs", "recover", "--profile", "fake")
    assert code == 0, err
    assert "No interrupted launches" in out


def test_track_ctrl_c_stops_cleanly(capsys, monkeypatch, fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    add_profile(capsys, monkeypatch, fake_openai)
    train = write_dataset(tmp_path / "train.jsonl")
    job_id = json.loads(run(capsys, *launch_args(train, "--yes", "--json"))[1])["id"]

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("ftplanner.cli.jobs.track", interrupted)
    code, _, err = run(capsys, "jobs", "watch", job_id)
    assert code == 130 and "keeps running" in err and err.count("\n") == 1
    assert fake_openai.jobs[job_id]["status"] != "cancelled"


def test_set_key_and_edit_a_profile_from_the_command_line(
    capsys, monkeypatch, fake_openai: FakeOpenAI, tmp_path: Path, _test_keyring, _isolated_home: Path
) -> None:
    code, _, err = run(
        capsys, "jobs", "profiles", "add", "work", "--kind", "generic", "--base-url", "http://x/v1"
    )
    assert code == 0, err
    code, out, err = run(
        capsys,
        "jobs",
        "profiles",
        "set-key",
        "work",
        "--key-stdin",
        stdin=API_KEY + "\n",
        monkeypatch=monkeypatch,
    )
    assert code == 0 and "system keyring" in out and API_KEY not in out + err
    assert _test_keyring.passwords[(SERVICE, "work")] == API_KEY
    code, out, err = run(
        capsys, "jobs", "profiles", "edit", "work", "--base-url", fake_openai.base_url, "--budget-cap", "30"
    )
    assert code == 0 and "Updated profile work (base_url, budget_cap)" in out, err
    (listed,) = json.loads(run(capsys, "jobs", "profiles", "list", "--json")[1])
    assert (
        listed["base_url"] == fake_openai.base_url
        and listed["budget_cap"] == "30"
        and listed["key"] == "stored"
    )
    code, out, err = run(capsys, "jobs", "profiles", "test", "work")
    assert code == 0 and "connected" in out, err
    assert run(capsys, "jobs", "profiles", "edit", "work", "--budget-cap", "none")[0] == 0
    assert json.loads(run(capsys, "jobs", "profiles", "list", "--json")[1])[0]["budget_cap"] is None
    # replacing the key, and the errors
    code, _, _ = run(
        capsys,
        "jobs",
        "profiles",
        "set-key",
        "work",
        "--key-stdin",
        stdin="sk-new-0123456789\n",
        monkeypatch=monkeypatch,
    )
    assert code == 0 and _test_keyring.passwords[(SERVICE, "work")] == "sk-new-0123456789"
    code, _, err = run(
        capsys, "jobs", "profiles", "set-key", "nope", "--key-stdin", stdin="k\n", monkeypatch=monkeypatch
    )
    assert code == 2 and "no profile 'nope'" in err
    code, _, err = run(
        capsys, "jobs", "profiles", "set-key", "work", "--key-stdin", stdin="\n", monkeypatch=monkeypatch
    )
    assert code == 2 and "no API key on stdin" in err
    code, _, err = run(capsys, "jobs", "profiles", "edit", "work")
    assert code == 2 and "nothing to change" in err
    code, _, err = run(capsys, "jobs", "profiles", "edit", "work", "--resource", "r1")
    assert code == 2 and "Azure resource applies to Azure OpenAI profiles only" in err
    assert_no_key_anywhere(_isolated_home, "")


def test_profiles_test_that_cannot_connect_exits_1(capsys, monkeypatch) -> None:
    run(capsys, "jobs", "profiles", "add", "down", "--kind", "generic", "--base-url", "http://127.0.0.1:9/v1",
        "--key-stdin", stdin=API_KEY + "\n", monkeypatch=monkeypatch)  # fmt: skip
    code, out, err = run(capsys, "jobs", "profiles", "test", "down")
    assert code == 1 and out == "" and "could not connect" in err and err.count("\n") == 1
