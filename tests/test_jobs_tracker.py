"""Tracking jobs against the loopback fake server, the real provider and a store in tmp_path."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from fake_openai import FakeOpenAI, fake_openai_fixture  # noqa: F401  (fixture)
from ftplanner.core.catalog import load_catalog
from ftplanner.core.errors import Cancelled
from ftplanner.jobs.launch import launch, prepare_launch
from ftplanner.jobs.store import JobStore
from ftplanner.jobs.tracker import active_jobs, cost_report, poll_once, track, training_progress
from ftplanner.providers.base import JobInfo, JobRequest, ProviderError
from test_jobs_launch import provider_for, write_dataset

TODAY = date(2026, 11, 29)
MODEL = "openai/gpt-4.1-mini-2025-04-14"


@pytest.fixture
def store(tmp_path: Path):
    with JobStore(tmp_path / "jobs.sqlite3") as opened:
        yield opened


@pytest.fixture
def launched(fake_openai: FakeOpenAI, store: JobStore, tmp_path: Path) -> JobInfo:
    entry = load_catalog(user_overrides=False, today=TODAY).get(MODEL)
    plan = prepare_launch(write_dataset(tmp_path / "train.jsonl"), entry, epochs=3, today=TODAY)
    return launch(plan, provider_for(fake_openai), store, profile_name="p")


def test_tracks_to_succeeded_storing_history_events_metrics_and_cost(
    fake_openai: FakeOpenAI, store: JobStore, launched: JobInfo
) -> None:
    delays: list[float] = []
    updates: list[str] = []
    final = track(
        provider_for(fake_openai),
        store,
        launched.id,
        interval=2,
        sleep=delays.append,
        on_update=lambda info: updates.append(info.raw_status),
    )
    assert final.status == "succeeded" and updates == ["queued", "running", "running", "succeeded"]
    assert delays == [2, 2, 2]
    assert [h.status for h in store.history(launched.id)] == ["validating", "queued", "running", "succeeded"]
    assert len(store.events(launched.id)) == 5
    assert [c.step for c in store.checkpoints(launched.id)] == [1, 2]
    assert [m.step for m in store.metrics(launched.id)] == [1, 2, 3]
    job = store.job(launched.id)
    assert job and job.trained_tokens == 123456 and job.fine_tuned_model
    assert job.actual_cost == Decimal(123456) * Decimal("5.00") / 1_000_000
    estimated, actual, error = cost_report(store, launched.id)
    assert estimated is not None and actual == job.actual_cost
    assert error == pytest.approx(float((actual - estimated) / estimated * 100))
    assert active_jobs(store) == []


def test_events_paginate_until_known_ids(fake_openai: FakeOpenAI, store: JobStore, tmp_path: Path) -> None:
    fake_openai.events_per_job = 120
    fake_openai.script = ("running", "running", "running")
    provider = provider_for(fake_openai)
    ref = provider.upload_file(write_dataset(tmp_path / "t.jsonl"))
    job = provider.create_job(JobRequest(model="gpt-4.1-mini-2025-04-14", training_file=ref.id))
    poll_once(provider, store, job.id)
    events_path = f"/fine_tuning/jobs/{job.id}/events"
    assert len(store.events(job.id)) == 120 and len(fake_openai.seen("GET", events_path)) == 3
    fake_openai.jobs[job.id]["_events"].append(
        {
            "id": "ftevent-new",
            "object": "fine_tuning.job.event",
            "created_at": 10**10,
            "level": "info",
            "message": "one more",
            "type": "message",
        }
    )
    poll_once(provider, store, job.id)
    assert len(fake_openai.seen("GET", events_path)) == 4  # the first page held known ids: stop
    assert store.events(job.id)[-1].message == "one more" and len(store.events(job.id)) == 121
    assert [j.job_id for j in active_jobs(store)] == [job.id]


def test_backoff_honours_retry_after_and_resets_after_success(
    fake_openai: FakeOpenAI, store: JobStore, launched: JobInfo
) -> None:
    path = f"/fine_tuning/jobs/{launched.id}"
    fake_openai.fail("GET", path, status=429, retry_after="7")
    fake_openai.fail("GET", path, times=2, status=500)
    delays: list[float] = []
    failed_again: list[bool] = []

    def on_update(info: JobInfo) -> None:
        if not failed_again:
            failed_again.append(True)
            fake_openai.fail("GET", path, status=502)

    final = track(
        provider_for(fake_openai),
        store,
        launched.id,
        interval=1,
        max_interval=5,
        sleep=delays.append,
        on_update=on_update,
    )
    assert final.status == "succeeded"
    assert delays == [7, 4, 5, 1, 2, 1, 1]


def test_non_retryable_error_propagates(fake_openai: FakeOpenAI, store: JobStore) -> None:
    with pytest.raises(ProviderError) as info:
        track(provider_for(fake_openai), store, "ftjob-missing", sleep=lambda s: None)
    assert info.value.status_code == 404


def test_cancel_flag_stops_tracking(fake_openai: FakeOpenAI, store: JobStore, launched: JobInfo) -> None:
    polls: list[JobInfo] = []
    with pytest.raises(Cancelled):
        track(
            provider_for(fake_openai),
            store,
            launched.id,
            sleep=lambda s: None,
            on_update=polls.append,
            cancel=lambda: bool(polls),
        )
    assert len(polls) == 1 and fake_openai.jobs[launched.id]["status"] == "queued"
    assert [j.job_id for j in active_jobs(store)] == [launched.id]
    estimated, actual, error = cost_report(store, launched.id)
    assert estimated is not None and actual is None and error is None


def test_actual_cost_of_a_job_launched_elsewhere_uses_the_catalog(
    fake_openai: FakeOpenAI, store: JobStore, tmp_path: Path
) -> None:
    fake_openai.script = ("queued", "succeeded")
    provider = provider_for(fake_openai)
    ref = provider.upload_file(write_dataset(tmp_path / "t.jsonl"))
    job = provider.create_job(JobRequest(model="gpt-4.1-mini-2025-04-14", training_file=ref.id))
    assert poll_once(provider, store, job.id).status == "succeeded"
    stored = store.job(job.id)
    assert stored and stored.actual_cost == Decimal("0.61728")
    assert cost_report(store, job.id) == (None, Decimal("0.61728"), None)


def test_metrics_grow_while_the_job_runs_and_events_keep_their_order(
    fake_openai: FakeOpenAI, store: JobStore, launched: JobInfo
) -> None:
    fake_openai.script = ("validating_files", "running", "running", "running", "succeeded")
    fake_openai.metric_steps_per_poll = 4
    provider = provider_for(fake_openai)
    poll_once(provider, store, launched.id)  # running: steps 1-4
    assert [m.step for m in store.metrics(launched.id)] == [1, 2, 3, 4]
    assert store.metrics(launched.id)[0].train_loss == pytest.approx(1.5)
    assert training_progress(store, launched.id) == (4, 30)
    checked = store.job(launched.id)
    assert checked and checked.checked_at is not None and checked.status == "running"
    poll_once(provider, store, launched.id)  # steps 5-8, all in one second
    assert [m.step for m in store.metrics(launched.id)][-1] == 8
    steps = [e.data["step"] for e in store.events(launched.id) if e.data]
    assert steps == list(range(1, 9))  # oldest first, also within one second
    poll_once(provider, store, launched.id)
    poll_once(provider, store, launched.id)  # succeeded: the result file's values replace the live ones
    rows = {m.step: m for m in store.metrics(launched.id)}
    assert rows[1].train_loss == 2.5 and rows[12].train_loss == pytest.approx(3.0 / 13)
