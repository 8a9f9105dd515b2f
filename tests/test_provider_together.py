"""TogetherProvider over real loopback HTTP against the fake Together server."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from fake_together import API_KEY, FakeTogether, error_body, fake_together_fixture  # noqa: F401  (fixture)
from ftplanner.core.catalog import load_catalog
from ftplanner.core.errors import UserError
from ftplanner.jobs.launch import CLIENT_ID_KEY, launch, prepare_launch, resume_pending
from ftplanner.jobs.store import JobStore
from ftplanner.providers.base import STATUSES, JobInfo, JobRequest, MetricRow, ProviderError
from ftplanner.providers.together import (
    TAG_KEY,
    TOGETHER_STATUS_MAP,
    TogetherProvider,
    client_tag,
    tagged_suffix,
)

MODEL = "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"
CREATE = ("POST", "/fine-tunes")
UPLOAD = ("POST", "/files/upload")
LIST = ("GET", "/fine-tunes")
TODAY = date(2026, 11, 29)


def _provider(
    fake: FakeTogether, *, timeout: float = 0.5, max_retries: int = 0, **kwargs
) -> TogetherProvider:
    return TogetherProvider(
        API_KEY, fake.base_url, timeout=timeout, max_retries=max_retries, sleep=lambda s: None, **kwargs
    )


def _dataset(tmp_path: Path, name: str = "train.jsonl", n: int = 30) -> Path:
    path = tmp_path / name
    lines = [
        {
            "messages": [
                {"role": "system", "content": "Answer briefly."},
                {"role": "user", "content": f"What is {i} plus {i}?"},
                {"role": "assistant", "content": f"It is {2 * i}."},
            ]
        }
        for i in range(n)
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def _launch(provider: TogetherProvider, tmp_path: Path, **kwargs) -> JobInfo:
    ref = provider.upload_file(_dataset(tmp_path))
    return provider.create_job(JobRequest(model=MODEL, training_file=ref.id, **kwargs))


# -- files --------------------------------------------------------------------------------------------


def test_upload_is_multipart_with_progress(fake_together: FakeTogether, tmp_path: Path) -> None:
    path = _dataset(tmp_path)
    seen: list[tuple[int, int]] = []
    ref = _provider(fake_together).upload_file(path, progress=lambda done, total: seen.append((done, total)))
    size = path.stat().st_size
    assert (ref.filename, ref.bytes, ref.purpose, ref.status) == (
        "train.jsonl",
        size,
        "fine-tune",
        "processed",
    )
    assert fake_together.file_content[ref.id] == path.read_bytes()
    assert seen and seen[-1] == (size, size)
    (upload,) = fake_together.seen(*UPLOAD)
    assert upload.headers["authorization"] == f"Bearer {API_KEY}"
    assert upload.headers["content-type"].startswith("multipart/form-data")
    assert b'name="file_name"' in upload.body and b'name="file_type"' in upload.body


def test_upload_refuses_unknown_file_types_before_any_request(
    fake_together: FakeTogether, tmp_path: Path
) -> None:
    path = tmp_path / "data.txt"
    path.write_text("x")
    with pytest.raises(UserError, match=r"only \.jsonl"):
        _provider(fake_together).upload_file(path)
    with pytest.raises(UserError, match="no such file"):
        _provider(fake_together).upload_file(tmp_path / "missing.jsonl")
    assert fake_together.requests == []


def test_upload_under_a_tagged_name_and_list_files(fake_together: FakeTogether, tmp_path: Path) -> None:
    provider = _provider(fake_together)
    first = provider.upload_file(_dataset(tmp_path, "other.jsonl", 5))
    second = provider.upload_file(_dataset(tmp_path), filename="ftplanner-abc-train.jsonl")
    assert second.filename == "ftplanner-abc-train.jsonl"
    fake_together.files[first.id]["created_at"] -= 10
    fake_together.files["file-eval"] = {**fake_together.files[first.id], "id": "file-eval", "purpose": "eval"}
    assert [f.id for f in provider.list_files()] == [second.id, first.id]
    assert {f.id for f in provider.list_files(None)} == {first.id, second.id, "file-eval"}


@pytest.mark.parametrize(
    "fault", [{"drop_after": True}, {"delay": 3.0}], ids=["dropped-after-store", "slow-after-store"]
)
def test_upload_is_sent_once_and_a_stored_file_is_listed(
    fake_together: FakeTogether, tmp_path: Path, fault: dict
) -> None:
    provider = _provider(fake_together, max_retries=2)
    fake_together.fail(*UPLOAD, **fault)
    with pytest.raises(ProviderError) as info:
        provider.upload_file(_dataset(tmp_path))
    assert info.value.retryable and len(fake_together.seen(*UPLOAD)) == 1
    (stored,) = provider.list_files()
    assert stored.filename == "train.jsonl" and stored.id in fake_together.files


def test_upload_refused_by_the_server_is_retryable_and_stores_nothing(
    fake_together: FakeTogether, tmp_path: Path
) -> None:
    fake_together.fail(*UPLOAD, status=503, retry_after="4")
    provider = _provider(fake_together)
    with pytest.raises(ProviderError) as info:
        provider.upload_file(_dataset(tmp_path))
    assert info.value.retryable and info.value.retry_after == 4 and not fake_together.files
    provider.upload_file(_dataset(tmp_path))
    assert len(fake_together.files) == 1


# -- jobs ---------------------------------------------------------------------------------------------


def test_create_sends_the_spec_fields_and_tags_the_suffix(
    fake_together: FakeTogether, tmp_path: Path
) -> None:
    provider = _provider(fake_together, lora=True, lora_r=16, n_evals=4)
    ref = provider.upload_file(_dataset(tmp_path))
    valid = provider.upload_file(_dataset(tmp_path, "valid.jsonl", 5))
    request = JobRequest(
        model=MODEL,
        training_file=ref.id,
        validation_file=valid.id,
        epochs=3,
        batch_size=16,
        learning_rate_multiplier=2.0,
        suffix="support-bot",
        seed=7,
        metadata={CLIENT_ID_KEY: "c" * 32, "team": "a"},
    )
    job = provider.create_job(request)
    body = fake_together.seen(*CREATE)[0].json()
    assert body["model"] == MODEL and body["training_file"] == ref.id and body["validation_file"] == valid.id
    assert (body["n_epochs"], body["batch_size"], body["n_evals"], body["random_seed"]) == (3, 16, 4, 7)
    assert body["learning_rate"] == pytest.approx(2e-5)
    assert body["training_method"] == {"method": "sft", "train_on_inputs": "auto"}
    assert body["training_type"] == {"type": "Lora", "lora_r": 16, "lora_alpha": 32}
    assert body["suffix"] == f"support-bot-{client_tag('c' * 32)}"
    assert job.status == "queued" and job.raw_status == "pending"
    assert job.metadata == {CLIENT_ID_KEY: "c" * 32} and job.created_at and job.trained_tokens is None


def test_dpo_full_training_and_defaults(fake_together: FakeTogether, tmp_path: Path) -> None:
    provider = _provider(fake_together, lora=False)
    _launch(provider, tmp_path, method="dpo", beta=0.2)
    body = fake_together.seen(*CREATE)[0].json()
    assert body["training_method"] == {"method": "dpo", "dpo_beta": 0.2}
    assert body["training_type"] == {"type": "Full"}
    for absent in ("n_epochs", "batch_size", "learning_rate", "suffix", "random_seed", "n_evals"):
        assert absent not in body
    _launch(_provider(fake_together), tmp_path)
    assert "training_type" not in fake_together.seen(*CREATE)[1].json()  # Together's default (LoRA)


def test_tag_key_matches_the_launch_flow() -> None:
    assert TAG_KEY == CLIENT_ID_KEY
    assert client_tag("abc") == client_tag("abc") != client_tag("abd")
    assert tagged_suffix(None, None) is None and tagged_suffix("bot", None) == "bot"
    assert len(tagged_suffix("a" * 27, "x" * 32) or "") == 40
    with pytest.raises(UserError, match="at most 27"):
        tagged_suffix("a" * 28, "x" * 32)
    with pytest.raises(UserError, match="letters, digits"):
        tagged_suffix("bad suffix!", None)


def test_status_normalised_over_a_jobs_life(fake_together: FakeTogether, tmp_path: Path) -> None:
    provider = _provider(fake_together)
    job = _launch(provider, tmp_path)
    seen = [job]
    while not seen[-1].is_terminal:
        seen.append(provider.get_job(job.id))
    assert [j.raw_status for j in seen] == [
        "pending",
        "queued",
        "running",
        "running",
        "compressing",
        "uploading",
        "completed",
    ]
    assert [j.status for j in seen] == [
        "queued",
        "queued",
        "running",
        "running",
        "running",
        "running",
        "succeeded",
    ]
    assert all(j.trained_tokens is None and j.fine_tuned_model is None for j in seen[:-1])
    assert seen[2].estimated_finish is not None and seen[2].finished_at is None
    done = seen[-1]
    assert done.trained_tokens == 123_456 and done.finished_at and done.finished_at >= done.created_at  # type: ignore[operator]
    assert done.fine_tuned_model and done.fine_tuned_model.startswith("fake-user/")


def test_status_map_covers_the_spec_enum() -> None:
    spec = (
        "pending",
        "queued",
        "running",
        "compressing",
        "uploading",
        "cancel_requested",
        "cancelled",
        "error",
    )
    assert set(spec) | {"completed"} <= set(TOGETHER_STATUS_MAP)
    assert set(TOGETHER_STATUS_MAP.values()) <= set(STATUSES)
    assert TOGETHER_STATUS_MAP["cancel_requested"] == "running"  # not terminal until Together stops it
    assert TOGETHER_STATUS_MAP["user_error"] == TOGETHER_STATUS_MAP["error"] == "failed"


def test_failed_job_carries_its_error_event(fake_together: FakeTogether, tmp_path: Path) -> None:
    fake_together.script = ("pending", "error")
    provider = _provider(fake_together)
    job = provider.get_job(_launch(provider, tmp_path).id)
    assert job.status == "failed" and job.raw_status == "error"
    assert job.error == "Training file has 3 lines with an unsupported format"


def test_cancel_requested_then_cancelled(fake_together: FakeTogether, tmp_path: Path) -> None:
    provider = _provider(fake_together)
    job = _launch(provider, tmp_path)
    requested = provider.cancel(job.id)
    assert requested.raw_status == "cancel_requested" and requested.status == "running"
    final = provider.get_job(job.id)
    assert final.status == "cancelled" and final.is_terminal
    with pytest.raises(ProviderError) as info:
        provider.cancel(job.id)
    assert (
        info.value.status_code == 400
        and not info.value.retryable
        and "cannot be cancelled" in str(info.value)
    )


def test_pause_and_resume_are_not_supported(fake_together: FakeTogether) -> None:
    provider = _provider(fake_together)
    for call in (provider.pause, provider.resume):
        with pytest.raises(ProviderError, match="not supported by Together") as info:
            call("ft-1")
        assert not info.value.retryable
    assert fake_together.requests == []


def test_list_jobs_newest_first_with_limit(fake_together: FakeTogether, tmp_path: Path) -> None:
    provider = _provider(fake_together)
    ids = [_launch(provider, tmp_path).id for _ in range(3)]
    assert [j.id for j in provider.list_jobs()] == ids[::-1]
    assert [j.id for j in provider.list_jobs(limit=2)] == ids[:0:-1]


def test_list_jobs_finds_a_job_by_its_client_id(fake_together: FakeTogether, tmp_path: Path) -> None:
    provider = _provider(fake_together)
    mine = _launch(provider, tmp_path, suffix="bot", metadata={CLIENT_ID_KEY: "a" * 32})
    _launch(provider, tmp_path, metadata={CLIENT_ID_KEY: "b" * 32})
    _launch(provider, tmp_path, suffix="bot")
    (found,) = provider.list_jobs(metadata={CLIENT_ID_KEY: "a" * 32})
    assert found.id == mine.id and found.metadata == {CLIENT_ID_KEY: "a" * 32}
    assert provider.list_jobs(metadata={CLIENT_ID_KEY: "c" * 32}) == []
    assert provider.list_jobs(metadata={"team": "a"}) == []  # Together stores no other metadata


def test_events_newest_first_with_stable_ids_and_paging(fake_together: FakeTogether, tmp_path: Path) -> None:
    provider = _provider(fake_together)
    job = _launch(provider, tmp_path)
    for _ in range(4):
        provider.get_job(job.id)
    first, more = provider.list_events(job.id, limit=3)
    assert more and first[0].created_at >= first[-1].created_at
    collected = list(first)
    while more:
        page, more = provider.list_events(job.id, after=collected[-1].id, limit=3)
        collected += page
    assert len({e.id for e in collected}) == len(collected) == len(fake_together.jobs[job.id]["events"])
    assert collected[-1].message == "Fine tune request created" and collected[-1].level == "info"
    provider.get_job(job.id)  # a new event arrives: old ids stay the same
    newest, _ = provider.list_events(job.id, limit=100)
    assert [e.id for e in newest[1:]] == [e.id for e in collected]
    assert provider.list_events(job.id, after="unknown")[0] == []


def test_checkpoints_and_metrics(fake_together: FakeTogether, tmp_path: Path) -> None:
    fake_together.script = ("pending", "running", "running", "completed")
    provider = _provider(fake_together)
    ref = provider.upload_file(_dataset(tmp_path))
    valid = provider.upload_file(_dataset(tmp_path, "valid.jsonl", 5))
    job = provider.create_job(JobRequest(model=MODEL, training_file=ref.id, validation_file=valid.id))
    assert provider.list_checkpoints(job.id) == [] and provider.download_metrics(job) == []
    while not job.is_terminal:
        job = provider.get_job(job.id)
    checkpoints = provider.list_checkpoints(job.id)
    assert [(c.id, c.step) for c in checkpoints] == [(f"{job.id}:10", 10), (f"{job.id}:20", 20)]
    assert checkpoints[0].fine_tuned_model_checkpoint.endswith("/10") and checkpoints[0].created_at
    assert provider.download_metrics(job) == [
        MetricRow(10, 2.0, None, 2.5, None),
        MetricRow(20, 1.0, None, 1.25, None),
    ]


# -- estimate-price -----------------------------------------------------------------------------------


def test_estimate_price(fake_together: FakeTogether, tmp_path: Path) -> None:
    provider = _provider(fake_together, n_evals=2, lora=False)
    ref = provider.upload_file(_dataset(tmp_path))
    valid = provider.upload_file(_dataset(tmp_path, "valid.jsonl", 5))
    request = JobRequest(model=MODEL, training_file=ref.id, validation_file=valid.id, epochs=2)
    quote = provider.estimate_price(request)
    assert quote is not None and quote.allowed_to_proceed and quote.reason is None
    assert quote.train_tokens == ref.bytes // 4 * 2 and quote.eval_tokens == valid.bytes // 4 * 2
    assert isinstance(quote.total_usd, Decimal) and quote.total_usd > 0
    body = fake_together.seen("POST", "/fine-tunes/estimate-price")[0].json()
    assert body["n_epochs"] == 2 and body["n_evals"] == 2 and body["training_type"] == {"type": "Full"}
    assert "suffix" not in body and not fake_together.jobs


def test_estimate_refusal_and_unavailable(fake_together: FakeTogether, tmp_path: Path) -> None:
    provider = _provider(fake_together)
    ref = provider.upload_file(_dataset(tmp_path))
    request = JobRequest(model=MODEL, training_file=ref.id)
    fake_together.estimate.update(allowed_to_proceed=False, user_limit=0.0)
    refused = provider.estimate_price(request)
    assert refused is not None and not refused.allowed_to_proceed
    assert (
        refused.reason == f"the estimated price USD {refused.total_usd} exceeds the credit limit of USD 0.0"
    )
    fake_together.estimate_unavailable = "train_file_not_validated"
    unknown = provider.estimate_price(request)
    assert unknown is not None and unknown.total_usd is None and unknown.allowed_to_proceed
    assert unknown.reason == "Together gives no estimate: train file not validated"
    fake_together.estimate_unavailable = "train_file_invalid"
    assert not provider.estimate_price(request).allowed_to_proceed  # type: ignore[union-attr]


# -- error mapping ------------------------------------------------------------------------------------


def test_400_maps_to_a_one_line_final_error(fake_together: FakeTogether) -> None:
    with pytest.raises(ProviderError) as info:
        _provider(fake_together).create_job(JobRequest(model=MODEL, training_file="file-missing"))
    error = info.value
    assert isinstance(error, UserError) and error.status_code == 400 and not error.retryable
    assert error.code == "invalid_file"
    assert str(error) == (
        "Together: creating the job failed: HTTP 400 (invalid_request_error/invalid_file): "
        "Training file file-missing not found"
    )


def test_404_on_a_missing_job(fake_together: FakeTogether) -> None:
    with pytest.raises(ProviderError) as info:
        _provider(fake_together).get_job("ft-nope")
    assert info.value.status_code == 404 and not info.value.retryable and "\n" not in str(info.value)


def test_429_carries_retry_after(fake_together: FakeTogether) -> None:
    fake_together.fail(
        *LIST, status=429, retry_after="17", body=error_body("Rate limit reached", "rate_limit")
    )
    with pytest.raises(ProviderError) as info:
        _provider(fake_together).list_jobs()
    assert info.value.retryable and info.value.retry_after == 17
    assert "HTTP 429 (rate_limit): Rate limit reached" in str(info.value)


def test_reads_are_retried_but_the_create_is_sent_once(fake_together: FakeTogether, tmp_path: Path) -> None:
    waits: list[float] = []
    provider = TogetherProvider(
        API_KEY, fake_together.base_url, timeout=0.5, max_retries=2, sleep=waits.append
    )
    ref = provider.upload_file(_dataset(tmp_path))
    fake_together.fail(*LIST, status=503, retry_after="3")
    fake_together.fail(*LIST, drop=True)
    assert provider.list_jobs() == [] and waits == [3.0, 1.0] and len(fake_together.seen(*LIST)) == 3
    fake_together.fail(*CREATE, times=3, status=500)
    with pytest.raises(ProviderError) as info:
        provider.create_job(JobRequest(model=MODEL, training_file=ref.id))
    assert info.value.retryable and info.value.status_code == 500 and len(fake_together.seen(*CREATE)) == 1


def test_dropped_connection_is_retryable(fake_together: FakeTogether) -> None:
    fake_together.fail("GET", "/fine-tunes/ft-x", drop=True)
    with pytest.raises(ProviderError) as info:
        _provider(fake_together).get_job("ft-x")
    assert info.value.retryable and info.value.status_code is None and "could not connect" in str(info.value)


@pytest.mark.parametrize(
    "fault", [{"drop_after": True}, {"delay": 3.0}], ids=["dropped-after-store", "slow-after-store"]
)
def test_create_stored_despite_a_failure_is_found_by_client_id(
    fake_together: FakeTogether, tmp_path: Path, fault: dict
) -> None:
    provider = _provider(fake_together)
    ref = provider.upload_file(_dataset(tmp_path))
    fake_together.fail(*CREATE, **fault)
    request = JobRequest(model=MODEL, training_file=ref.id, metadata={CLIENT_ID_KEY: "L-42"})
    with pytest.raises(ProviderError) as info:
        provider.create_job(request)
    assert info.value.retryable and len(fake_together.jobs) == 1
    (found,) = provider.list_jobs(metadata={CLIENT_ID_KEY: "L-42"})
    assert found.id == next(iter(fake_together.jobs))


def test_api_key_never_in_errors_or_reprs(fake_together: FakeTogether, tmp_path: Path) -> None:
    fake_together.api_key = "tgp_v1_some-other-key-000000"  # the server answers 401 echoing the header
    provider = _provider(fake_together)
    with pytest.raises(ProviderError) as info:
        provider.list_jobs()
    assert info.value.status_code == 401 and "Invalid API key" in str(info.value)
    texts = [str(info.value), repr(info.value), repr(provider), repr(provider.__dict__.get("base_url"))]
    assert not any(API_KEY in text or API_KEY[8:] in text for text in texts)
    fake_together.api_key = API_KEY
    fake_together.fail(*LIST, status=500, body=error_body(f"boom {API_KEY}", "server_error"))
    with pytest.raises(ProviderError) as info:
        provider.list_jobs()
    assert API_KEY not in str(info.value) and "boom ***" in str(info.value)
    with pytest.raises(UserError, match="no API key"):
        TogetherProvider("")


# -- the launch flow ----------------------------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path):
    with JobStore(tmp_path / "jobs.sqlite3") as opened:
        yield opened


@pytest.fixture
def plan(tmp_path: Path):
    entry = load_catalog(user_overrides=False, today=TODAY).get(f"together/{MODEL}")
    return prepare_launch(_dataset(tmp_path), entry, today=TODAY, epochs=2)


def test_clean_launch_end_to_end(fake_together: FakeTogether, store: JobStore, plan) -> None:
    job = launch(plan, _provider(fake_together), store, profile_name="together", suffix="bot")
    (recorded,) = store.launches()
    assert recorded.job_id == job.id and recorded.training_file_id in fake_together.files
    body = fake_together.seen(*CREATE)[0].json()
    assert body["model"] == MODEL and body["n_epochs"] == 2
    assert body["suffix"] == f"bot-{client_tag(recorded.client_id)}"
    assert store.job(job.id).client_id == recorded.client_id  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "fault",
    [
        {"drop_after": True},
        {"delay": 3.0},
        {"status": 503, "retry_after": "2"},
        {"status": 429, "retry_after": "1"},
        {"drop": True},
    ],
    ids=["dropped-after-store", "slow-after-store", "503", "429", "dropped-before"],
)
def test_launch_under_a_create_fault_makes_exactly_one_job(
    fake_together: FakeTogether, store: JobStore, plan, fault: dict
) -> None:
    fake_together.fail(*CREATE, **fault)
    delays: list[float] = []
    job = launch(plan, _provider(fake_together), store, profile_name="p", sleep=delays.append)
    assert list(fake_together.jobs) == [job.id] and len(fake_together.files) == 1
    assert store.launches()[0].job_id == job.id
    stored = fault.get("drop_after") or fault.get("delay")
    assert len(fake_together.seen(*CREATE)) == (1 if stored else 2)
    assert len(fake_together.seen(*LIST)) == 1


def test_launch_under_an_upload_fault_makes_one_file(
    fake_together: FakeTogether, store: JobStore, plan
) -> None:
    fake_together.fail(*UPLOAD, drop_after=True)
    job = launch(plan, _provider(fake_together), store, profile_name="p")
    assert len(fake_together.files) == 1 and list(fake_together.jobs) == [job.id]
    assert fake_together.seen(*CREATE)[0].json()["training_file"] in fake_together.files


def test_resume_pending_attaches_a_job_created_behind_a_crash(
    fake_together: FakeTogether, store: JobStore, plan
) -> None:
    provider = _provider(fake_together)
    fake_together.fail(*CREATE, delay=3.0)
    fake_together.fail(*LIST, status=400)
    with pytest.raises(ProviderError, match="stays pending"):
        launch(plan, provider, store, profile_name="p")
    report = resume_pending(provider, store)
    (pending_id, job), *_ = report.attached
    assert job.id == next(iter(fake_together.jobs)) and not report.unresolved
    assert store.launch(pending_id).job_id == job.id  # type: ignore[union-attr]


def test_launch_refused_by_togethers_quote_creates_nothing(
    fake_together: FakeTogether, store: JobStore, plan
) -> None:
    fake_together.estimate.update(allowed_to_proceed=False, user_limit=5.0)
    quotes: list = []
    with pytest.raises(UserError, match=r"exceeds the credit limit of USD 5\.0") as info:
        launch(plan, _provider(fake_together), store, profile_name="p", on_quote=quotes.append)
    assert "will not run this job" in str(info.value) and not fake_together.jobs and quotes == []
    fake_together.estimate.update(allowed_to_proceed=True)
    job = launch(plan, _provider(fake_together), store, profile_name="p", on_quote=lambda q: True)
    assert list(fake_together.jobs) == [job.id]
    assert len(fake_together.seen("POST", "/fine-tunes/estimate-price")) == 2


def test_tracker_polls_a_together_job_to_the_end(fake_together: FakeTogether, store: JobStore, plan) -> None:
    from ftplanner.jobs.tracker import poll_once

    fake_together.script = ("pending", "running", "running", "completed")
    provider = _provider(fake_together)
    job = launch(plan, provider, store, profile_name="p")
    while not job.is_terminal:
        job = poll_once(provider, store, job.id)
    assert job.status == "succeeded" and job.trained_tokens == 123_456
    assert len(store.events(job.id)) == len(fake_together.jobs[job.id]["events"])
    assert [row.step for row in store.metrics(job.id)] == [10, 20]
