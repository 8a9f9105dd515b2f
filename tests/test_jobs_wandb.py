"""Weights & Biases on launches: what the fake servers receive, and the W&B key kept out of every file,
record, log and error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import fake_together
from fake_openai import FakeOpenAI, fake_openai_fixture  # noqa: F401  (fixture)
from fake_together import FakeTogether, fake_together_fixture  # noqa: F401  (fixture)
from ftplanner.core.errors import UserError
from ftplanner.jobs import wandb
from ftplanner.jobs.secrets import SERVICE
from ftplanner.jobs.store import JobStore
from keyring_helpers import MemoryKeyring
from test_cli_jobs import add_profile, launch_args, run
from test_cli_jobs_together import CREATE as TOGETHER_CREATE
from test_cli_jobs_together import launch_argv as together_argv
from test_jobs_launch import CREATE, write_dataset

WANDB_KEY = "wandb-secret-0123456789abcdef0123456789abcdef"


def no_wandb_key_anywhere(home: Path, *texts: str) -> None:
    for path in home.rglob("*"):
        if path.is_file():
            assert WANDB_KEY.encode() not in path.read_bytes(), path
    for text in texts:
        assert WANDB_KEY not in text


def set_wandb_key(capsys, monkeypatch) -> str:
    code, out, err = run(
        capsys, "jobs", "wandb", "set-key", "--key-stdin", stdin=WANDB_KEY + "\n", monkeypatch=monkeypatch
    )
    assert code == 0, err
    return out


def test_set_key_keeps_the_wandb_key_in_its_own_keyring_entry(
    capsys, monkeypatch, _test_keyring: MemoryKeyring, _isolated_home: Path
) -> None:
    out = set_wandb_key(capsys, monkeypatch)
    assert "system keyring" in out and WANDB_KEY not in out
    assert _test_keyring.passwords == {(SERVICE, wandb.KEY_ENTRY): WANDB_KEY}
    assert wandb.load_key() == WANDB_KEY
    code, out, _ = run(capsys, "jobs", "wandb", "remove-key")
    assert code == 0 and wandb.load_key() is None and not _test_keyring.passwords
    no_wandb_key_anywhere(_isolated_home)


def test_openai_style_launch_sends_the_wandb_integration(
    capsys, monkeypatch, fake_openai: FakeOpenAI, tmp_path: Path, _isolated_home: Path
) -> None:
    add_profile(capsys, monkeypatch, fake_openai)
    set_wandb_key(capsys, monkeypatch)
    train = write_dataset(tmp_path / "train.jsonl")
    code, out, err = run(capsys, *launch_args(train, "--yes", "--wandb-project", "support-bot"))
    assert code == 0, err
    assert "W&B project: support-bot" in out and "organisation's settings" in err
    (sent,) = fake_openai.seen(*CREATE)
    assert sent.json()["integrations"] == [{"type": "wandb", "wandb": {"project": "support-bot"}}]
    assert WANDB_KEY.encode() not in sent.body  # OpenAI takes the key registered with the organisation
    with JobStore() as store:
        (launch,) = store.launches()
        assert launch.request["wandb_project"] == "support-bot"
    no_wandb_key_anywhere(_isolated_home, out, err)


def test_without_a_project_no_integration_is_sent(
    capsys, monkeypatch, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    add_profile(capsys, monkeypatch, fake_openai)
    code, _, err = run(capsys, *launch_args(write_dataset(tmp_path / "t.jsonl"), "--yes"))
    assert code == 0, err
    assert "integrations" not in fake_openai.seen(*CREATE)[0].json()


def test_a_bad_project_name_is_bad_input_before_any_upload(
    capsys, monkeypatch, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    add_profile(capsys, monkeypatch, fake_openai)
    train = write_dataset(tmp_path / "t.jsonl")
    code, _, err = run(capsys, *launch_args(train, "--yes", "--wandb-project", "my project/x"))
    assert code == 2 and "W&B project" in err and err.count("\n") == 1
    assert not fake_openai.files and not fake_openai.jobs


def test_together_launch_sends_the_wandb_key_and_project_and_never_shows_it(
    capsys, monkeypatch, fake_together: FakeTogether, tmp_path: Path, _isolated_home: Path
) -> None:
    monkeypatch.setenv("TOGETHER_API_KEY", fake_together.api_key)
    set_wandb_key(capsys, monkeypatch)
    train = write_dataset(tmp_path / "train.jsonl", n=30)
    argv = together_argv(fake_together, train, "--yes", "--json", "--wandb-project", "llama-runs")
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    assert json.loads(out)["wandb_project"] == "llama-runs"
    (sent,) = fake_together.seen(*TOGETHER_CREATE)
    body = sent.json()
    assert body["wandb_api_key"] == WANDB_KEY and body["wandb_project_name"] == "llama-runs"
    estimate = fake_together.seen("POST", "/fine-tunes/estimate-price")
    assert all(WANDB_KEY.encode() not in r.body for r in estimate)  # only the create carries it
    code, shown, err2 = run(capsys, "jobs", "list", "--json")
    no_wandb_key_anywhere(_isolated_home, out, err, shown, err2)


def test_together_error_echoing_the_request_never_shows_the_wandb_key(
    capsys, monkeypatch, fake_together: FakeTogether, tmp_path: Path, _isolated_home: Path
) -> None:
    monkeypatch.setenv("TOGETHER_API_KEY", fake_together.api_key)
    set_wandb_key(capsys, monkeypatch)
    echo = fake_together_error(f"invalid wandb_api_key {WANDB_KEY}")
    fake_together.fail(*TOGETHER_CREATE, status=400, body=echo)
    train = write_dataset(tmp_path / "train.jsonl", n=30)
    code, out, err = run(capsys, *together_argv(fake_together, train, "--yes", "--wandb-project", "p1"))
    assert code == 1 and "invalid wandb_api_key ***" in err
    no_wandb_key_anywhere(_isolated_home, out, err)


def fake_together_error(message: str) -> dict[str, object]:
    return fake_together.error_body(message)


def test_together_without_a_wandb_key_is_refused_before_any_upload(
    capsys, monkeypatch, fake_together: FakeTogether, tmp_path: Path
) -> None:
    monkeypatch.setenv("TOGETHER_API_KEY", fake_together.api_key)
    monkeypatch.delenv("WANDB_API_KEY", raising=False)
    train = write_dataset(tmp_path / "train.jsonl", n=30)
    code, _, err = run(capsys, *together_argv(fake_together, train, "--yes", "--wandb-project", "p1"))
    assert code == 2 and "jobs wandb set-key --key-stdin" in err and err.count("\n") == 1
    assert not fake_together.files and not fake_together.jobs


class _NoWandbProvider:
    """A provider whose API takes no W&B settings (no ``wandb_support``)."""


def test_a_provider_without_wandb_leaves_it_out_with_a_note() -> None:
    settings = wandb.settings_for(_NoWandbProvider(), "p1", "acme")  # type: ignore[arg-type]
    assert settings.project is None and settings.api_key is None
    assert settings.note == "acme does not take W&B settings: the run is not logged to p1"
    assert wandb.settings_for(_NoWandbProvider(), "  ", "acme") == wandb.WandbSettings()  # type: ignore[arg-type]
    with pytest.raises(UserError, match="W&B project"):
        wandb.check_project("a/b")
