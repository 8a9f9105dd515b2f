"""Finished jobs in the store calibrate the time model used by estimates (CLI, launch, GUI)."""

from __future__ import annotations

import json
from pathlib import Path

from ftplanner.cli import main
from ftplanner.core.catalog import load_catalog
from ftplanner.core.timemodel import TimeModel
from ftplanner.jobs.calibration import calibrated_time_model, job_observations
from ftplanner.jobs.store import JobStore, default_path
from test_jobs_launch import write_dataset

MODEL_ID = "gpt-4.1-mini-2025-04-14"


def _finished_jobs(store: JobStore, minutes: float, n: int = 6) -> None:
    for i in range(n):
        tokens = 200_000 * (i + 1)
        store.upsert_job(
            f"ftjob-{i}",
            provider="openai",
            status="succeeded",
            model=MODEL_ID,
            trained_tokens=tokens,
            created_at=1_800_000_000,
            finished_at=1_800_000_000 + int(minutes * 60 * (1 + i / 10)),
        )


def test_without_a_store_the_catalog_model_is_used_and_no_file_appears() -> None:
    catalog = load_catalog()
    model = calibrated_time_model(catalog)
    assert model.families == TimeModel.from_catalog(catalog).families
    assert not default_path().exists()


def test_slow_finished_jobs_lengthen_the_predicted_time() -> None:
    catalog = load_catalog()
    family = catalog.get(f"openai/{MODEL_ID}").family
    before = TimeModel.from_catalog(catalog).predict(family, 1_000_000)
    with JobStore() as store:
        _finished_jobs(store, minutes=600)
        observations = job_observations(catalog, store)
        assert len(observations) == 6 and {o.family for o in observations} == {family}
    after = calibrated_time_model(catalog).predict(family, 1_000_000)
    assert after[1] > before[1] * 2
    assert after[0] <= after[1] <= after[2]


def test_cli_estimate_uses_the_calibrated_model(capsys, tmp_path: Path) -> None:
    data = write_dataset(tmp_path / "train.jsonl", n=40)
    argv = ["estimate", str(data), "--models", f"openai/{MODEL_ID}", "--json", "--today", "2026-11-29"]
    assert main(argv) == 0
    (before,) = json.loads(capsys.readouterr().out)
    with JobStore() as store:
        _finished_jobs(store, minutes=900)
    assert main(argv) == 0
    (after,) = json.loads(capsys.readouterr().out)
    assert after["time_p50_minutes"] > before["time_p50_minutes"] * 2
