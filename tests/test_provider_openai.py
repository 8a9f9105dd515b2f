"""OpenAICompatibleProvider through the real openai SDK against a loopback fake server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fake_openai import API_KEY, FakeOpenAI, fake_openai_fixture  # noqa: F401  (fixture)
from ftplanner.core.errors import UserError
from ftplanner.providers.base import JobInfo, JobRequest, MetricRow, ProviderError, normalise_status
from ftplanner.providers.metrics import parse_metrics
from ftplanner.providers.openai_compat import OpenAICompatibleProvider, Profile, make_client

CREATE = ("POST", "/fine_tuning/jobs")


def _provider(
    fake: FakeOpenAI, *, profile: Profile | None = None, max_retries: int = 0, timeout: float = 0.5
):
    profile = profile or Profile(kind="generic", base_url=fake.base_url)
    return OpenAICompatibleProvider(make_client(profile, API_KEY, timeout, max_retries=max_retries), profile)


def _dataset(tmp_path: Path) -> Path:
    path = tmp_path / "train.jsonl"
    lines = [
        {"messages": [{"role": "user", "content": f"q{i}"}, {"role": "assistant", "content": "a"}]}
        for i in range(50)
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def _launch(provider: OpenAICompatibleProvider, tmp_path: Path, **kwargs) -> JobInfo:
    ref = provider.upload_file(_dataset(tmp_path))
    return provider.create_job(JobRequest(model="gpt-4.1-mini", training_file=ref.id, **kwargs))


def test_upload_reports_progress_and_sends_multipart(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    path = _dataset(tmp_path)
    seen: list[tuple[int, int]] = []
    ref = _provider(fake_openai).upload_file(path, progress=lambda done, total: seen.append((done, total)))
    assert ref.bytes == path.stat().st_size
    assert ref.filename == "train.jsonl" and ref.purpose == "fine-tune"
    assert fake_openai.file_content[ref.id] == path.read_bytes()
    assert seen and seen[-1] == (path.stat().st_size, path.stat().st_size)
    assert fake_openai.requests[0].headers["authorization"] == f"Bearer {API_KEY}"


def test_create_sends_method_hyperparameters_and_metadata(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    job = _launch(
        _provider(fake_openai),
        tmp_path,
        method="dpo",
        epochs=3,
        beta=0.1,
        suffix="support-bot",
        seed=7,
        metadata={"ftplanner_launch": "L1"},
    )
    body = fake_openai.seen(*CREATE)[0].json()
    assert body["method"] == {"type": "dpo", "dpo": {"hyperparameters": {"n_epochs": 3, "beta": 0.1}}}
    assert body["suffix"] == "support-bot" and body["seed"] == 7
    assert body["metadata"] == {"ftplanner_launch": "L1"}
    assert "validation_file" not in body
    assert job.status == "validating" and job.raw_status == "validating_files"
    assert job.metadata == {"ftplanner_launch": "L1"}


def test_status_normalised_over_a_jobs_life(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    provider = _provider(fake_openai)
    job = _launch(provider, tmp_path)
    seen = [job]
    while not seen[-1].is_terminal:
        seen.append(provider.get_job(job.id))
    assert [j.raw_status for j in seen] == ["validating_files", "queued", "running", "running", "succeeded"]
    assert [j.status for j in seen] == ["validating", "queued", "running", "running", "succeeded"]
    assert all(j.trained_tokens is None for j in seen[:-1])
    assert seen[2].estimated_finish is not None
    done = seen[-1]
    assert done.trained_tokens == 123456 and done.finished_at and done.fine_tuned_model
    assert normalise_status("paused") == "paused" and normalise_status("something_new") == "queued"


def test_failed_job_carries_its_error_message(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.script = ("validating_files", "failed")
    provider = _provider(fake_openai)
    job = provider.get_job(_launch(provider, tmp_path).id)
    assert job.status == "failed" and job.error == "Training file has bad lines"


def test_events_paginate_newest_first(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.events_per_job = 7
    provider = _provider(fake_openai)
    job = _launch(provider, tmp_path)
    first, more = provider.list_events(job.id, limit=3)
    assert more and [e.message[:6] for e in first] == ["Step 7", "Step 6", "Step 5"]
    assert first[0].created_at > first[-1].created_at
    collected = list(first)
    while more:
        page, more = provider.list_events(job.id, after=collected[-1].id, limit=3)
        collected += page
    assert len(collected) == 7 and len({e.id for e in collected}) == 7
    assert fake_openai.seen("GET", f"/fine_tuning/jobs/{job.id}/events")[-1].query["after"] == [
        collected[5].id
    ]


def test_checkpoints_with_metrics(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.script = ("queued", "succeeded")
    provider = _provider(fake_openai)
    job = provider.get_job(_launch(provider, tmp_path).id)
    checkpoints = provider.list_checkpoints(job.id)
    assert [c.step for c in checkpoints] == [1, 2]
    assert checkpoints[0].metrics["train_loss"] == pytest.approx(2.0)
    assert checkpoints[1].metrics["train_mean_token_accuracy"] == pytest.approx(0.6)
    assert checkpoints[1].fine_tuned_model_checkpoint.endswith("ckpt-step-2")


def test_pause_resume_cancel(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.script = ("running", "running", "succeeded")
    provider = _provider(fake_openai)
    job = _launch(provider, tmp_path)
    assert provider.pause(job.id).status == "paused"
    assert provider.get_job(job.id).status == "paused"  # paused jobs do not advance
    assert provider.resume(job.id).status == "running"
    assert provider.cancel(job.id).status == "cancelled"
    with pytest.raises(ProviderError) as info:
        provider.resume(job.id)
    assert info.value.status_code == 400 and not info.value.retryable
    assert "cannot resume" in str(info.value)


@pytest.mark.parametrize("encoded", [False, True], ids=["plain", "base64"])
def test_download_metrics(fake_openai: FakeOpenAI, tmp_path: Path, encoded: bool) -> None:
    fake_openai.script = ("running", "succeeded")
    fake_openai.result_base64 = encoded
    provider = _provider(fake_openai)
    job = _launch(provider, tmp_path)
    assert provider.download_metrics(job) == []  # no result file yet
    rows = provider.download_metrics(provider.get_job(job.id))
    assert rows == [
        MetricRow(1, 2.5, 0.40, None, None),
        MetricRow(2, 1.9, 0.55, 2.1, 0.50),
        MetricRow(3, 1.2, 0.70, None, None),
    ]


def test_metrics_parser_accepts_the_other_column_names() -> None:
    data = b"step,train_loss,train_mean_token_accuracy,valid_loss,valid_accuracy\n5,0.5,0.9,0.6,0.8\n,,,,\n"
    assert parse_metrics(data) == [MetricRow(5, 0.5, 0.9, 0.6, 0.8)]
    with pytest.raises(ProviderError):
        parse_metrics(b"loss,acc\n1,2\n")


def test_400_maps_to_a_one_line_message(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    provider = _provider(fake_openai)
    with pytest.raises(ProviderError) as info:
        provider.create_job(JobRequest(model="gpt-4.1-mini", training_file="file-missing"))
    error = info.value
    assert isinstance(error, UserError)
    assert error.status_code == 400 and error.code == "invalid_file" and not error.retryable
    assert str(error) == (
        "OpenAI-compatible API: creating the job failed: HTTP 400 (invalid_request_error/invalid_file): "
        "invalid training_file: file-missing"
    )


def test_500_on_create_is_retryable_and_not_retried(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    provider = _provider(fake_openai, max_retries=2)  # the client would retry other calls
    ref = provider.upload_file(_dataset(tmp_path))
    fake_openai.fail(*CREATE, times=3, status=500)
    with pytest.raises(ProviderError) as info:
        provider.create_job(JobRequest(model="gpt-4.1-mini", training_file=ref.id))
    assert info.value.retryable and info.value.status_code == 500
    assert len(fake_openai.seen(*CREATE)) == 1


def test_429_carries_retry_after(fake_openai: FakeOpenAI) -> None:
    fake_openai.fail(
        "GET",
        "/fine_tuning/jobs",
        status=429,
        retry_after="17",
        body={
            "error": {
                "message": "Rate limit reached",
                "type": "requests",
                "code": "rate_limit_exceeded",
                "param": None,
            }
        },
    )
    with pytest.raises(ProviderError) as info:
        _provider(fake_openai).list_jobs()
    assert info.value.retryable and info.value.retry_after == 17
    assert "HTTP 429" in str(info.value) and "Rate limit reached" in str(info.value)


def test_dropped_connection_is_retryable(fake_openai: FakeOpenAI) -> None:
    fake_openai.fail("GET", "/fine_tuning/jobs/ftjob-x", drop=True)
    with pytest.raises(ProviderError) as info:
        _provider(fake_openai).get_job("ftjob-x")
    assert info.value.retryable and info.value.status_code is None
    assert "could not connect" in str(info.value)


def test_timed_out_create_is_sent_once_and_found_by_metadata(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    provider = _provider(fake_openai, max_retries=2, timeout=0.5)
    ref = provider.upload_file(_dataset(tmp_path))
    fake_openai.fail(*CREATE, delay=3.0)  # accepted server-side, answered too late
    request = JobRequest(model="gpt-4.1-mini", training_file=ref.id, metadata={"ftplanner_launch": "L-42"})
    with pytest.raises(ProviderError) as info:
        provider.create_job(request)
    assert info.value.retryable and "timed out" in str(info.value)
    assert len(fake_openai.seen(*CREATE)) == 1 and len(fake_openai.jobs) == 1
    _launch(provider, tmp_path, metadata={"ftplanner_launch": "other"})
    found = provider.list_jobs(metadata={"ftplanner_launch": "L-42"})
    assert [j.id for j in found] == list(fake_openai.jobs)[:1]
    assert fake_openai.seen("GET", "/fine_tuning/jobs")[-1].query["metadata[ftplanner_launch]"] == ["L-42"]


def test_azure_profile_sends_api_key_header_and_training_type(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    base = fake_openai.base_url.replace("/v1/", "/openai/v1/")
    profile = Profile(kind="azure", base_url=base, training_type="GlobalStandard")
    provider = _provider(fake_openai, profile=profile)
    _launch(provider, tmp_path, suffix="support-bot")
    create = fake_openai.seen(*CREATE)[0]
    assert create.headers["api-key"] == API_KEY and "authorization" not in create.headers
    assert create.json()["trainingType"] == "GlobalStandard"
    assert all(r.path.startswith("/") and "authorization" not in r.headers for r in fake_openai.requests)


def test_azure_base_url_from_resource() -> None:
    client = make_client(Profile(kind="azure", resource="myres"), API_KEY)
    assert str(client.base_url) == "https://myres.openai.azure.com/openai/v1/"
    with pytest.raises(UserError):
        make_client(Profile(kind="generic"), API_KEY)
    with pytest.raises(UserError):
        make_client(Profile(), "")


@pytest.mark.parametrize(
    ("kind", "suffix", "ok"),
    [
        ("openai", "a" * 40, True),
        ("openai", "a" * 41, False),
        ("openai", "v1.2", True),
        ("azure", "v1.2", False),
        ("azure", "v1-2", True),
        ("openai", "bad suffix!", False),
    ],
)
def test_suffix_rules_checked_before_any_request(
    fake_openai: FakeOpenAI, kind: str, suffix: str, ok: bool
) -> None:
    profile = Profile(kind=kind, base_url=fake_openai.base_url)  # type: ignore[arg-type]
    provider = _provider(fake_openai, profile=profile)
    request = JobRequest(model="gpt-4.1-mini", training_file="file-x", suffix=suffix)
    if ok:
        with pytest.raises(ProviderError):  # reaches the server, which rejects the unknown file
            provider.create_job(request)
        assert len(fake_openai.seen(*CREATE)) == 1
    else:
        with pytest.raises(UserError) as info:
            provider.create_job(request)
        assert not isinstance(info.value, ProviderError)
        assert fake_openai.requests == []


def test_api_key_never_in_errors_or_reprs(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.api_key = "sk-some-other-key-000000"  # the server answers 401 echoing the header
    provider = _provider(fake_openai)
    with pytest.raises(ProviderError) as info:
        provider.list_jobs()
    assert info.value.status_code == 401
    texts = [
        str(info.value),
        repr(info.value),
        repr(provider),
        repr(JobRequest(model="m", training_file="f")),
    ]
    assert "Incorrect API key" in texts[0]
    assert not any(API_KEY in text or API_KEY[10:] in text for text in texts)
    fake_openai.api_key = API_KEY
    fake_openai.fail(
        "GET",
        "/fine_tuning/jobs",
        status=500,
        body={"error": {"message": f"boom {API_KEY}", "type": "server_error"}},
    )
    with pytest.raises(ProviderError) as info:
        provider.list_jobs()
    assert API_KEY not in str(info.value) and "boom ***" in str(info.value)
