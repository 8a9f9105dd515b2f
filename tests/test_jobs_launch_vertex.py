"""The launch flow on Vertex AI (real SDKs, loopback fake, store in tmp_path): one job and one uploaded object
per launch under every fault, and data that cannot be converted refused before anything is recorded."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from fake_vertex import CREATE, LIST, OBJECTS, PREFIX, UPLOAD, FakeVertex, fake_vertex_fixture  # noqa: F401
from ftplanner.core.catalog import ModelEntry, load_catalog
from ftplanner.core.errors import UserError
from ftplanner.jobs.launch import CLIENT_ID_KEY, LaunchPlan, launch, prepare_launch, resume_pending
from ftplanner.jobs.store import JobStore
from ftplanner.providers.vertex import VertexProvider
from test_jobs_launch import TODAY, write_dataset
from test_provider_vertex import _no_google_environment, make  # noqa: F401  (autouse fixture)

PROFILE = "vertex-test"
#: Valid OpenAI chat data that Gemini's tuning format cannot hold.
TOOL_CALL_EXAMPLE = {
    "messages": [
        {"role": "user", "content": "Weather in Oslo?"},
        {
            "role": "assistant",
            "tool_calls": [
                {
                    "id": "c1",
                    "type": "function",
                    "function": {"name": "weather", "arguments": '{"city":"Oslo"}'},
                }
            ],
        },
        {"role": "tool", "tool_call_id": "c1", "content": "4 C"},
        {"role": "assistant", "content": "It is 4 C."},
    ]
}


@pytest.fixture(scope="module")
def entry() -> ModelEntry:
    return load_catalog(user_overrides=False, today=TODAY).get("vertex/gemini-2.5-flash")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[JobStore]:
    with JobStore(tmp_path / "jobs.sqlite3") as opened:
        yield opened


@pytest.fixture
def provider(fake_vertex: FakeVertex) -> Iterator[VertexProvider]:
    made = make(fake_vertex)
    yield made
    made.close()


@pytest.fixture
def plan(tmp_path: Path, entry: ModelEntry) -> LaunchPlan:
    return prepare_launch(write_dataset(tmp_path / "train.jsonl"), entry, today=TODAY)


def go(plan: LaunchPlan, provider: VertexProvider, store: JobStore, **kwargs):
    return launch(plan, provider, store, profile_name=PROFILE, sleep=lambda s: None, **kwargs)


def one_job_one_object(fake: FakeVertex) -> None:
    assert len(fake.jobs) == 1 and len(fake.objects(PREFIX)) == 1, (list(fake.jobs), list(fake.files))
    (job,) = fake.jobs.values()
    assert job["supervisedTuningSpec"]["trainingDatasetUri"].removeprefix("gs://") in fake.files


def test_clean_launch_tags_the_job_and_uploads_gemini_data(
    fake_vertex: FakeVertex, provider: VertexProvider, store: JobStore, plan: LaunchPlan
) -> None:
    info = go(plan, provider, store, options={"learning_rate_multiplier": 2.0})
    one_job_one_object(fake_vertex)
    (sent,) = [r.json() for r in fake_vertex.seen(*CREATE)]
    (record,) = store.launches()
    assert sent["labels"] == {CLIENT_ID_KEY: record.client_id} and record.job_id == info.id
    hyper = sent["supervisedTuningSpec"]["hyperParameters"]
    assert hyper["epochCount"] == plan.epochs and hyper["learningRateMultiplier"] == 2.0
    (name,) = fake_vertex.objects(PREFIX)
    assert name.startswith(f"{PREFIX}/ftplanner-{record.client_id[:12]}-")
    assert "contents" in json.loads(next(iter(fake_vertex.objects(PREFIX).values())).splitlines()[0])


def test_dropped_create_is_found_by_label_not_created_twice(
    fake_vertex: FakeVertex, provider: VertexProvider, store: JobStore, plan: LaunchPlan
) -> None:
    fake_vertex.fail(*CREATE, drop_after=True)  # the job is created, the answer is lost
    fake_vertex.fail(*LIST, times=4, status=429, retry_after="2")  # and listing is rate-limited for a while
    notes: list[str] = []
    info = go(plan, provider, store, note=notes.append)
    one_job_one_object(fake_vertex)
    assert len(fake_vertex.seen(*CREATE)) == 1 and info.id in fake_vertex.jobs
    assert any("trying again in" in n for n in notes)


def test_500_on_upload_then_one_object(
    fake_vertex: FakeVertex, provider: VertexProvider, store: JobStore, plan: LaunchPlan
) -> None:
    fake_vertex.fail(*UPLOAD, status=500)
    go(plan, provider, store)
    one_job_one_object(fake_vertex)
    assert len(fake_vertex.seen(*UPLOAD)) == 2 and fake_vertex.seen(*OBJECTS)  # listed before the resend


def test_upload_stored_but_its_answer_lost_is_found_not_sent_again(
    fake_vertex: FakeVertex, provider: VertexProvider, store: JobStore, plan: LaunchPlan
) -> None:
    fake_vertex.fail(*UPLOAD, drop_after=True)
    go(plan, provider, store)
    one_job_one_object(fake_vertex)
    assert len(fake_vertex.seen(*UPLOAD)) == 1


def test_429_on_create_waits_then_creates_once(
    fake_vertex: FakeVertex, provider: VertexProvider, store: JobStore, plan: LaunchPlan
) -> None:
    fake_vertex.fail(*CREATE, status=429, retry_after="1")
    go(plan, provider, store)
    one_job_one_object(fake_vertex)
    assert len(fake_vertex.seen(*CREATE)) == 2


def test_unconvertible_data_is_refused_before_anything_is_recorded_or_sent(
    fake_vertex: FakeVertex, provider: VertexProvider, store: JobStore, entry: ModelEntry, tmp_path: Path
) -> None:
    train = write_dataset(tmp_path / "train.jsonl")
    valid = tmp_path / "valid.jsonl"
    valid.write_text(
        json.dumps({"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}]})
        + "\n"
        + json.dumps(TOOL_CALL_EXAMPLE)
        + "\n",
        encoding="utf-8",
    )
    plan = prepare_launch(train, entry, validation_path=valid, today=TODAY)  # the analysis accepts it
    with pytest.raises(UserError) as caught:
        go(plan, provider, store)
    message = str(caught.value)
    assert (
        f"{valid}: 1 line(s) cannot be converted" in message
        and "line 2: message 2 (assistant) makes tool calls" in message
    )
    assert not fake_vertex.requests and store.launches() == []


def test_recover_attaches_a_job_created_before_a_crash(
    fake_vertex: FakeVertex, provider: VertexProvider, store: JobStore, plan: LaunchPlan
) -> None:
    client_id = store.record_launch(
        profile=PROFILE, provider="vertex", model=plan.model_id, training_file=plan.training_path
    )
    from ftplanner.jobs.launch import upload_name
    from ftplanner.providers.base import JobRequest

    uploaded = provider.upload_file(plan.training_path, filename=upload_name(plan.training_path, client_id))
    job = provider.create_job(JobRequest(plan.model_id, uploaded.id, metadata={CLIENT_ID_KEY: client_id}))
    report = resume_pending(provider, store, sleep=lambda s: None)
    assert [(c, info.id) for c, info in report.attached] == [(client_id, job.id)]
    one_job_one_object(fake_vertex)
