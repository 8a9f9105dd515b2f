"""Nebius Token Factory: the provider against the loopback fake, and ``ftplanner jobs … --provider nebius``
(in-process, NEBIUS_API_KEY from the environment): launch, watch to the end with its checkpoints and how to
deploy one, cancel, and exactly one job and one file under a dropped create or a 429."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fake_nebius import API_KEY, FakeNebius, fake_nebius_fixture  # noqa: F401  (fixture)
from ftplanner.core import catalog as catalog_module
from ftplanner.jobs.store import JobStore
from ftplanner.providers.base import JobRequest
from ftplanner.providers.nebius import TAG_KEY, NebiusProvider, tagged_suffix
from ftplanner.providers.openai_compat import Profile, make_client
from test_cli_jobs import TODAY, run
from test_cli_jobs_fireworks import SHOW_KEYS
from test_jobs_launch import write_dataset

MODEL = "meta-llama/Llama-3.1-8B-Instruct"
CREATE = ("POST", "/fine_tuning/jobs")
#: The catalog row the job panel launches (bundled once the catalog has Nebius; added here otherwise).
NEBIUS_TOML = f"""
[provider]
id = "nebius"
name = "Nebius Token Factory"
status = "live"

[defaults]
family = "generic-sft"
tokenizer = "approximate:o200k_base"
validation_billed = false
methods = ["sft"]
as_of = 2026-11-29
sources = ["test fixture"]

[[models]]
id = "{MODEL}"
display_name = "Llama 3.1 8B Instruct (Nebius LoRA)"
training_per_mtok = 0.40
"""


@pytest.fixture(autouse=True)
def _nebius_catalog_and_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEBIUS_API_KEY", API_KEY)
    bundled = catalog_module.bundled_files()
    if not any(name == "nebius.toml" for name, _ in bundled):
        monkeypatch.setattr(catalog_module, "bundled_files", lambda: [*bundled, ("nebius.toml", NEBIUS_TOML)])


def _provider(fake: FakeNebius) -> NebiusProvider:
    profile = Profile(kind="nebius", base_url=fake.base_url)
    return NebiusProvider(make_client(profile, API_KEY, 5, max_retries=0), profile)


def launch_argv(fake: FakeNebius, train: Path, *extra: str) -> list[str]:
    return [
        "jobs", "launch", str(train), "--provider", "nebius", "--base-url", fake.base_url, "--model", MODEL,
        "--today", TODAY, *extra,
    ]  # fmt: skip


def test_the_tag_rides_in_the_suffix_with_nebius_hyperparameters(
    fake_nebius: FakeNebius, tmp_path: Path
) -> None:
    provider = _provider(fake_nebius)
    ref = provider.upload_file(write_dataset(tmp_path / "train.jsonl"))
    request = JobRequest(
        model=MODEL, training_file=ref.id, epochs=2, batch_size=4, learning_rate_multiplier=2, lora_rank=16,
        context_length=4096, suffix="support", metadata={TAG_KEY: "client-1"},
    )  # fmt: skip
    job = provider.create_job(request)
    body = fake_nebius.seen(*CREATE)[0].json()
    assert "metadata" not in body and "method" not in body
    assert body["suffix"] == tagged_suffix("support", "client-1") and body["suffix"].startswith("support-fp")
    assert body["hyperparameters"] == {
        "n_epochs": 2, "batch_size": 4, "learning_rate": 2e-5, "context_length": 4096, "lora": True,
        "lora_r": 16, "lora_alpha": 32,
    }  # fmt: skip
    provider.create_job(JobRequest(model=MODEL, training_file=ref.id))  # someone else's job
    (found,) = provider.list_jobs(metadata={TAG_KEY: "client-1"})
    assert found.id == job.id and found.metadata == {TAG_KEY: "client-1"}
    assert provider.list_jobs(metadata={"other": "x"}) == []
    while not (info := provider.get_job(job.id)).is_terminal:
        pass
    assert info.status == "succeeded" and info.fine_tuned_model is None
    checkpoints = provider.list_checkpoints(job.id)
    assert [c.step for c in checkpoints] == [10, 20] and checkpoints[-1].id.startswith("ftckpt_")
    assert checkpoints[-1].fine_tuned_model_checkpoint == f"{job.id}:{checkpoints[-1].id}"
    assert checkpoints[-1].metrics["valid_loss"] == pytest.approx(0.11)


def test_launch_watch_shows_checkpoints_and_how_to_deploy_then_show_keeps_its_keys(
    capsys, fake_nebius: FakeNebius, tmp_path: Path, _isolated_home: Path
) -> None:
    train = write_dataset(tmp_path / "train.jsonl", n=30)
    code, out, err = run(
        capsys, *launch_argv(fake_nebius, train, "--yes", "--json", "--lora", "--lora-rank", "8")
    )
    assert code == 0, err
    record = json.loads(out)
    assert set(record) == SHOW_KEYS | {"launched", "plan", "warnings"} and record["provider"] == "nebius"
    assert fake_nebius.seen(*CREATE)[0].json()["hyperparameters"]["lora_r"] == 8
    code, out, err = run(capsys, "jobs", "watch", record["id"], "--interval", "0.01")
    assert code == 0, err
    assert "succeeded" in out and "Checkpoints:" in out and "ftckpt_" in out
    assert f'source "{record["id"]}:ftckpt_' in out and "/v0/models" in out
    code, out, _ = run(capsys, "jobs", "show", record["id"], "--json")
    shown = json.loads(out)
    assert set(shown) == SHOW_KEYS and shown["status"] == "succeeded" and shown["fine_tuned_model"] is None
    for path in _isolated_home.rglob("*"):
        if path.is_file():
            assert API_KEY.encode() not in path.read_bytes(), path


@pytest.mark.parametrize("fault", [{"drop_after": True}, {"status": 429, "retry_after": "1"}])
def test_one_job_and_one_file_when_the_create_fails(
    capsys, fake_nebius: FakeNebius, tmp_path: Path, fault: dict
) -> None:
    train = write_dataset(tmp_path / "train.jsonl")
    fake_nebius.fail(*CREATE, **fault)
    code, out, err = run(capsys, *launch_argv(fake_nebius, train, "--yes", "--json"))
    assert code == 0, err
    assert list(fake_nebius.jobs) == [json.loads(out)["id"]] and len(fake_nebius.files) == 1
    with JobStore(read_only=True) as store:
        assert not store.pending_launches()


def test_cancel_and_options_nebius_does_not_take(capsys, fake_nebius: FakeNebius, tmp_path: Path) -> None:
    train = write_dataset(tmp_path / "train.jsonl")
    code, _, err = run(capsys, *launch_argv(fake_nebius, train, "--yes", "--beta", "0.1"))
    assert code == 2 and "--beta does not apply to Nebius Token Factory" in err and not fake_nebius.requests
    code, out, err = run(capsys, *launch_argv(fake_nebius, train, "--yes", "--json"))
    job_id = json.loads(out)["id"]
    code, out, err = run(capsys, "jobs", "cancel", job_id)
    assert code == 0 and "cancelled" in out, err
    code, _, err = run(capsys, "jobs", "pause", job_id)
    assert code == 1 and "not supported by Nebius" in err
