"""FireworksProvider over real loopback HTTP against the fake Fireworks server."""

from __future__ import annotations

from pathlib import Path

import pytest

from fake_fireworks import ACCOUNT, API_KEY, FakeFireworks, fake_fireworks_fixture  # noqa: F401  (fixture)
from ftplanner.core.errors import UserError
from ftplanner.providers.base import STATUSES, JobRequest, ProviderError
from ftplanner.providers.fireworks import (
    FIREWORKS_STATUS_MAP,
    TAG_KEY,
    FireworksProvider,
    dataset_id_for,
    job_id_for,
)
from test_jobs_launch import write_dataset

MODEL = "accounts/fireworks/models/llama-v3p1-8b-instruct"
CREATE = ("POST", "/supervisedFineTuningJobs")


def _provider(fake: FakeFireworks, **kwargs) -> FireworksProvider:
    kwargs.setdefault("max_retries", 0)
    return FireworksProvider(API_KEY, ACCOUNT, fake.base_url, timeout=2, sleep=lambda s: None, **kwargs)


def test_every_fireworks_state_maps_to_a_normalised_status() -> None:
    assert set(FIREWORKS_STATUS_MAP.values()) <= set(STATUSES)
    assert FIREWORKS_STATUS_MAP["COMPLETED"] == "succeeded" and FIREWORKS_STATUS_MAP["PAUSED"] == "paused"
    assert FIREWORKS_STATUS_MAP["CANCELLING"] == "running"  # billed until it stops


def test_upload_waits_until_ready_and_a_repeat_finds_the_same_dataset(
    fake_fireworks: FakeFireworks, tmp_path: Path
) -> None:
    path = write_dataset(tmp_path / "train.jsonl")
    seen: list[tuple[int, int]] = []
    provider = _provider(fake_fireworks)
    ref = provider.upload_file(
        path, progress=lambda done, total: seen.append((done, total)), filename="tagged.jsonl"
    )
    size = path.stat().st_size
    assert ref.id == dataset_id_for("tagged.jsonl", size) and ref.bytes == size and ref.status == "READY"
    assert fake_fireworks.dataset_content[ref.id] == path.read_bytes()
    assert seen[-1] == (size, size)
    again = provider.upload_file(path, filename="tagged.jsonl")  # the create meets ALREADY_EXISTS
    assert again.id == ref.id and len(fake_fireworks.datasets) == 1
    assert len(fake_fireworks.seen("POST", f"/datasets/{ref.id}:upload")) == 1  # READY: not sent again
    assert [f.filename for f in provider.list_files()] == ["tagged.jsonl"]


def test_large_files_go_through_a_signed_url_without_the_key(
    fake_fireworks: FakeFireworks, tmp_path: Path
) -> None:
    path = write_dataset(tmp_path / "train.jsonl", n=40)
    ref = _provider(fake_fireworks, multipart_limit=100).upload_file(path)
    assert fake_fireworks.dataset_content[ref.id] == path.read_bytes()
    (put,) = [r for r in fake_fireworks.requests if r.method == "PUT"]
    assert "authorization" not in put.headers
    assert not fake_fireworks.seen("POST", f"/datasets/{ref.id}:upload")
    assert fake_fireworks.seen("POST", f"/datasets/{ref.id}:validateUpload")


def test_the_job_id_comes_from_the_client_id_and_a_repeated_create_finds_the_first(
    fake_fireworks: FakeFireworks, tmp_path: Path
) -> None:
    provider = _provider(fake_fireworks)
    ref = provider.upload_file(write_dataset(tmp_path / "train.jsonl"))
    request = JobRequest(
        model=MODEL, training_file=ref.id, epochs=2, lora_rank=16, context_length=4096, suffix="support",
        metadata={TAG_KEY: "client-1"},
    )  # fmt: skip
    first = provider.create_job(request)
    assert first.id == job_id_for("client-1") and first.metadata == {TAG_KEY: "client-1"}
    body = fake_fireworks.seen(*CREATE)[0].json()
    assert body["dataset"] == f"accounts/{ACCOUNT}/datasets/{ref.id}" and body["baseModel"] == MODEL
    assert body["epochs"] == 2 and body["loraRank"] == 16 and body["maxContextLength"] == 4096
    assert body["outputModel"] == f"accounts/{ACCOUNT}/models/support-{first.id}"
    second = provider.create_job(request)
    assert second.id == first.id and len(fake_fireworks.jobs) == 1
    (found,) = provider.list_jobs(metadata={TAG_KEY: "client-1"})
    assert found.id == first.id and found.metadata[TAG_KEY] == "client-1"
    assert provider.list_jobs(metadata={TAG_KEY: "other"}) == []


def test_a_job_runs_to_its_output_model_with_progress_and_can_be_cancelled(
    fake_fireworks: FakeFireworks, tmp_path: Path
) -> None:
    provider = _provider(fake_fireworks)
    ref = provider.upload_file(write_dataset(tmp_path / "train.jsonl"))
    job = provider.create_job(JobRequest(model=MODEL, training_file=ref.id, epochs=3))
    assert job.status == "queued" and job.raw_status == "JOB_STATE_CREATING"
    statuses, events = [], []
    while not (info := provider.get_job(job.id)).is_terminal:
        statuses.append(info.status)
        events.extend(e.message for e in provider.list_events(job.id)[0])
    assert statuses[:2] == ["validating", "running"] and info.status == "succeeded"
    assert info.fine_tuned_model == f"accounts/{ACCOUNT}/models/{job.id}" and info.finished_at
    assert any(m.startswith("Progress ") and "epoch" in m for m in events)
    other = provider.create_job(JobRequest(model=MODEL, training_file=ref.id))
    cancelled = provider.cancel(other.id)  # the job as read after the cancel
    assert cancelled.raw_status in ("JOB_STATE_CANCELLING", "JOB_STATE_CANCELLED")
    assert provider.get_job(other.id).status == "cancelled"
    assert fake_fireworks.seen("POST", f"/supervisedFineTuningJobs/{other.id}:cancel")
    with pytest.raises(ProviderError, match="not supported"):
        provider.pause(other.id)


def test_errors_are_one_line_without_the_key(fake_fireworks: FakeFireworks, tmp_path: Path) -> None:
    fake_fireworks.fail("GET", "/supervisedFineTuningJobs/missing", status=429, retry_after="7")
    with pytest.raises(ProviderError) as caught:
        _provider(fake_fireworks).get_job("missing")
    assert caught.value.retryable and caught.value.retry_after == 7 and "\n" not in str(caught.value)
    bad = FireworksProvider("fw_WRONGKEY0123456789", ACCOUNT, fake_fireworks.base_url, max_retries=0)
    with pytest.raises(ProviderError, match="HTTP 401") as caught:
        bad.list_jobs()
    assert "WRONGKEY" not in str(caught.value)
    with pytest.raises(UserError, match="account id"):
        FireworksProvider(API_KEY, "", fake_fireworks.base_url)
    with pytest.raises(UserError, match="lowercase"):
        _provider(fake_fireworks).check_suffix("Support_Bot")


def test_a_validation_file_is_the_jobs_evaluation_dataset(
    fake_fireworks: FakeFireworks, tmp_path: Path
) -> None:
    provider = _provider(fake_fireworks)
    train = provider.upload_file(write_dataset(tmp_path / "train.jsonl"), filename="t.jsonl")
    valid = provider.upload_file(write_dataset(tmp_path / "valid.jsonl", n=5), filename="v.jsonl")
    provider.create_job(JobRequest(model=MODEL, training_file=train.id, validation_file=valid.id))
    body = fake_fireworks.seen(*CREATE)[0].json()
    assert body["evaluationDataset"] == f"accounts/{ACCOUNT}/datasets/{valid.id}" and train.id != valid.id
    provider.delete_file(valid.id)
    provider.delete_file(valid.id)  # already gone: still fine
    assert list(fake_fireworks.datasets) == [train.id]
