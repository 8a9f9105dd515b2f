"""The Vertex AI provider through the real google-genai and google-cloud-storage SDKs against the loopback fake
(and, for storage, the gcp-storage-emulator package)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from fake_vertex import (
    BUCKET,
    CREATE,
    GCS_URI,
    ISSUED_TOKEN,
    LIST,
    LOCATION,
    PREFIX,
    PROJECT,
    STATIC_TOKEN,
    UPLOAD,
    FakeVertex,
    fake_vertex_fixture,  # noqa: F401  (fixture)
    service_account_file,
)
from ftplanner.core.errors import UserError
from ftplanner.providers import vertex
from ftplanner.providers.base import STATUSES, JobRequest, ProviderError
from ftplanner.providers.vertex import VertexProvider
from test_jobs_launch import write_dataset

MODEL = "gemini-2.5-flash"
TAG = "ftplanner_client_id"


GOOGLE_VARIABLES = (
    "GOOGLE_CLOUD_PROJECT",
    "GOOGLE_CLOUD_LOCATION",
    "GOOGLE_APPLICATION_CREDENTIALS",
    "STORAGE_EMULATOR_HOST",
    "GOOGLE_GENAI_USE_VERTEXAI",
    "GOOGLE_API_KEY",
    "GEMINI_API_KEY",
)


@pytest.fixture(autouse=True)
def _no_google_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in GOOGLE_VARIABLES:
        monkeypatch.delenv(name, raising=False)


def static_credentials():
    import google.oauth2.credentials

    return google.oauth2.credentials.Credentials(token=STATIC_TOKEN)


def make(fake: FakeVertex, **kwargs) -> VertexProvider:
    options = {
        "gcs_uri": GCS_URI,
        "project": PROJECT,
        "location": LOCATION,
        "credentials": static_credentials(),
        "base_url": fake.base_url,
        "storage_endpoint": fake.base_url,
        "sleep": lambda seconds: None,
        **kwargs,
    }
    return VertexProvider(**options)


@pytest.fixture
def provider(fake_vertex: FakeVertex) -> Iterator[VertexProvider]:
    made = make(fake_vertex)
    yield made
    made.close()


def test_upload_writes_gemini_jsonl_under_the_prefix_and_lists_it_with_the_source_size(
    provider: VertexProvider, fake_vertex: FakeVertex, tmp_path: Path
) -> None:
    train = write_dataset(tmp_path / "train.jsonl", n=4)
    seen: list[tuple[int, int]] = []
    ref = provider.upload_file(
        train, progress=lambda done, total: seen.append((done, total)), filename="t-1.jsonl"
    )
    assert ref.id == f"{GCS_URI}/t-1.jsonl" and ref.filename == "t-1.jsonl"
    assert ref.bytes == train.stat().st_size  # the launch flow matches uploads by the local file's size
    (stored,) = fake_vertex.objects(PREFIX).values()
    lines = [json.loads(line) for line in stored.decode().splitlines()]
    assert len(lines) == 4 and lines[0]["systemInstruction"] == {"parts": [{"text": "You answer briefly."}]}
    assert [c["role"] for c in lines[0]["contents"]] == ["user", "model"]
    assert seen[0][0] == 0 and seen[-1] == (len(stored), len(stored))
    assert provider.list_files() == [ref]


def test_a_second_upload_under_the_same_name_keeps_one_object(
    provider: VertexProvider, fake_vertex: FakeVertex, tmp_path: Path
) -> None:
    train = write_dataset(tmp_path / "train.jsonl")
    first = provider.upload_file(train, filename="same.jsonl")
    again = provider.upload_file(train, filename="same.jsonl")
    assert first == again and len(fake_vertex.files) == 1
    assert fake_vertex.seen(*UPLOAD)[-1].query["ifGenerationMatch"] == ["0"]


def test_lines_that_cannot_be_converted_are_listed_before_any_request(
    provider: VertexProvider, fake_vertex: FakeVertex, tmp_path: Path
) -> None:
    train = write_dataset(tmp_path / "train.jsonl", n=3)
    with train.open("a", encoding="utf-8") as handle:
        handle.write(
            json.dumps({"messages": [{"role": "user", "content": "q"}, {"role": "tool", "content": "x"}]})
        )
        handle.write(
            "\n\n" + json.dumps({"messages": [{"role": "user", "content": [{"type": "image_url"}]}]}) + "\n"
        )
    with pytest.raises(UserError) as caught:
        provider.check_launch([train], {})
    message = str(caught.value)
    assert "2 line(s) cannot be converted" in message and "line 4: message 2 (tool)" in message
    assert "line 6: message 1 (user) holds an image" in message and str(train) in message
    with pytest.raises(UserError):
        provider.upload_file(train)
    assert not fake_vertex.requests


def test_hyperparameters_gemini_does_not_take_are_refused_up_front(
    provider: VertexProvider, tmp_path: Path
) -> None:
    train = write_dataset(tmp_path / "train.jsonl")
    with pytest.raises(UserError, match="no batch size"):
        provider.check_launch([train], {"batch_size": 8})
    with pytest.raises(UserError, match="beta"):
        provider.check_launch([train], {"beta": 0.1})


def launched(provider: VertexProvider, tmp_path: Path, client_id: str = "c0ffee", **request) -> str:
    train = provider.upload_file(write_dataset(tmp_path / "train.jsonl"), filename=f"{client_id}-train.jsonl")
    job = provider.create_job(JobRequest(MODEL, train.id, metadata={TAG: client_id}, **request))
    return job.id


def test_create_sends_epochs_multiplier_adapter_size_and_the_launch_label(
    fake_vertex: FakeVertex, tmp_path: Path
) -> None:
    provider = make(fake_vertex, adapter_size=4)
    train = provider.upload_file(write_dataset(tmp_path / "train.jsonl"), filename="t.jsonl")
    valid = provider.upload_file(write_dataset(tmp_path / "valid.jsonl", n=3), filename="v.jsonl")
    job = provider.create_job(
        JobRequest(
            MODEL,
            train.id,
            valid.id,
            epochs=3,
            learning_rate_multiplier=0.5,
            suffix="support-bot",
            metadata={TAG: "abc123", "Not A Label": "x"},
        )
    )
    (sent,) = [r.json() for r in fake_vertex.seen(*CREATE)]
    assert sent["baseModel"] == MODEL and sent["tunedModelDisplayName"] == "support-bot"
    assert sent["supervisedTuningSpec"] == {
        "trainingDatasetUri": train.id,
        "validationDatasetUri": valid.id,
        "hyperParameters": {
            "epochCount": 3,
            "learningRateMultiplier": 0.5,
            "adapterSize": "ADAPTER_SIZE_FOUR",
        },
    }
    assert sent["labels"] == {TAG: "abc123"}  # metadata that is no valid label stays out
    assert job.status == "validating" and job.metadata == {TAG: "abc123"}
    assert job.id == next(iter(fake_vertex.jobs)) and job.id.startswith(f"projects/{PROJECT}/locations/")


def test_a_job_is_tracked_to_its_tuned_endpoint_with_billed_tokens(
    provider: VertexProvider, fake_vertex: FakeVertex, tmp_path: Path
) -> None:
    job_id = launched(provider, tmp_path, epochs=2)
    seen = [provider.get_job(job_id) for _ in range(5)]
    assert [info.status for info in seen] == ["queued", "running", "running", "succeeded", "succeeded"]
    assert seen[0].raw_status == "JOB_STATE_PENDING (WAITING_FOR_CAPACITY)"
    done = seen[-1]
    assert (
        done.fine_tuned_model
        == f"projects/{PROJECT}/locations/{LOCATION}/endpoints/{job_id.rsplit('/', 1)[1]}"
    )
    assert done.trained_tokens == fake_vertex.billable_tokens * 2 and done.finished_at and done.is_terminal
    assert [c.step for c in provider.list_checkpoints(job_id)] == [10, 20]
    events, more = provider.list_events(job_id)
    assert [e.id.rsplit("-", 1)[1] for e in events] == ["ended", "started", "created"] and not more
    assert provider.list_events(job_id, after=events[0].id)[0] == events[1:]
    assert provider.get_job(job_id.rsplit("/", 1)[1]).id == job_id  # the job number alone works too


def test_a_failed_job_carries_vertex_s_reason(
    provider: VertexProvider, fake_vertex: FakeVertex, tmp_path: Path
) -> None:
    fake_vertex.script = (("JOB_STATE_PENDING", None), ("JOB_STATE_FAILED", None))
    job_id = launched(provider, tmp_path)
    info = provider.get_job(job_id)
    assert info.status == "failed" and info.error == fake_vertex.fail_reason and info.fine_tuned_model is None
    assert provider.list_events(job_id)[0][0].level == "error"


def test_cancel_goes_through_cancelling_to_cancelled(
    provider: VertexProvider, fake_vertex: FakeVertex, tmp_path: Path
) -> None:
    job_id = launched(provider, tmp_path)
    cancelled = provider.cancel(job_id)
    assert len(fake_vertex.seen("POST", f"/{job_id}:cancel")) == 1
    assert cancelled.status == "cancelled" and cancelled.raw_status == "JOB_STATE_CANCELLED"
    with pytest.raises(ProviderError) as caught:
        provider.cancel(job_id)
    assert caught.value.status_code == 400 and "cannot be cancelled" in str(caught.value)
    assert not caught.value.retryable


@pytest.mark.parametrize("raw", ["JOB_STATE_" + s for s in (
    "UNSPECIFIED", "QUEUED", "PENDING", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLING", "CANCELLED", "PAUSED",
    "EXPIRED", "UPDATING", "PARTIALLY_SUCCEEDED")])  # fmt: skip
def test_every_vertex_state_maps_to_a_normalised_status(
    provider: VertexProvider, fake_vertex: FakeVertex, tmp_path: Path, raw: str
) -> None:
    fake_vertex.script = (("JOB_STATE_PENDING", None), (raw, None))
    info = provider.get_job(launched(provider, tmp_path))
    assert info.status in STATUSES and info.raw_status == raw
    expected = {"SUCCEEDED": "succeeded", "CANCELLED": "cancelled", "PAUSED": "paused", "FAILED": "failed"}
    assert info.status == expected.get(raw.removeprefix("JOB_STATE_"), info.status)
    if raw.endswith(("CANCELLING", "RUNNING", "UPDATING")):
        assert info.status == "running"


def test_list_by_label_pages_through_and_matches_only_the_tag(
    provider: VertexProvider, fake_vertex: FakeVertex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(vertex, "LIST_PAGE", 2)
    for n in range(5):
        launched(provider, tmp_path, client_id=f"other{n}")
    mine = launched(provider, tmp_path, client_id="mine")
    assert [j.id for j in provider.list_jobs(metadata={TAG: "mine"})] == [mine]
    assert fake_vertex.seen(*LIST)[-1].query["filter"] == [f'labels.{TAG}="mine"']
    assert len(provider.list_jobs(limit=3)) == 3
    assert len(provider.list_jobs(limit=50)) == 6  # three pages


def test_reads_wait_as_long_as_retry_after_says(fake_vertex: FakeVertex, tmp_path: Path) -> None:
    waits: list[float] = []
    provider = make(fake_vertex, sleep=waits.append)
    job_id = launched(provider, tmp_path)
    fake_vertex.fail("GET", f"/{job_id}", times=2, status=429, retry_after="3")
    assert provider.get_job(job_id).status == "queued"
    assert waits == [3, 3]
    fake_vertex.fail("GET", f"/{job_id}", times=3, status=429, retry_after="1")
    with pytest.raises(ProviderError) as caught:
        provider.get_job(job_id)
    assert caught.value.retryable and caught.value.retry_after == 1 and caught.value.status_code == 429


def test_a_create_is_sent_once_and_a_dropped_answer_is_found_by_its_label(
    provider: VertexProvider, fake_vertex: FakeVertex, tmp_path: Path
) -> None:
    train = provider.upload_file(write_dataset(tmp_path / "train.jsonl"))
    fake_vertex.fail(*CREATE, drop_after=True)
    with pytest.raises(ProviderError) as caught:
        provider.create_job(JobRequest(MODEL, train.id, metadata={TAG: "lost1"}))
    assert caught.value.retryable and "could not connect" in str(caught.value)
    assert len(fake_vertex.seen(*CREATE)) == 1 and len(fake_vertex.jobs) == 1
    (found,) = provider.list_jobs(metadata={TAG: "lost1"})
    assert found.id in fake_vertex.jobs


def test_a_500_on_upload_is_retryable_and_stores_nothing(
    provider: VertexProvider, fake_vertex: FakeVertex, tmp_path: Path
) -> None:
    fake_vertex.fail(*UPLOAD, status=500)
    with pytest.raises(ProviderError) as caught:
        provider.upload_file(write_dataset(tmp_path / "train.jsonl"))
    assert caught.value.retryable and caught.value.status_code == 500 and "\n" not in str(caught.value)
    assert not fake_vertex.files


def test_delete_of_a_missing_object_counts_as_deleted(
    provider: VertexProvider, fake_vertex: FakeVertex, tmp_path: Path
) -> None:
    ref = provider.upload_file(write_dataset(tmp_path / "train.jsonl"))
    provider.delete_file(ref.id)
    provider.delete_file(ref.id)
    assert not fake_vertex.files


def test_a_service_account_file_is_read_and_its_token_never_shows(
    fake_vertex: FakeVertex, tmp_path: Path
) -> None:
    key_file = service_account_file(tmp_path / "sa.json", fake_vertex)
    provider = make(fake_vertex, credentials=None, credentials_file=str(key_file), project=None)
    assert provider.project == PROJECT  # from the key file
    job_id = launched(provider, tmp_path)
    assert fake_vertex.token_requests >= 1  # the key signed a token request at the fake, not at Google
    assert all(
        r.headers["authorization"] == f"Bearer {ISSUED_TOKEN}"
        for r in fake_vertex.requests
        if r.path != "/token"
    )
    fake_vertex.fail(
        "GET",
        f"/{job_id}",
        status=400,
        body={"error": {"code": 400, "message": f"echo Bearer {ISSUED_TOKEN}", "status": "INVALID_ARGUMENT"}},
    )
    with pytest.raises(ProviderError) as caught:
        provider.get_job(job_id)
    assert ISSUED_TOKEN not in str(caught.value) and "***" in str(caught.value)


def test_missing_or_broken_credentials_are_one_line_user_errors(
    fake_vertex: FakeVertex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(UserError, match="does not exist"):
        make(fake_vertex, credentials=None, credentials_file=str(tmp_path / "nope.json"))
    broken = tmp_path / "broken.json"
    broken.write_text('{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\nsecret"}')
    with pytest.raises(UserError) as caught:
        make(fake_vertex, credentials=None, credentials_file=str(broken))
    assert "not a usable Google service-account key file" in str(caught.value) and "secret" not in str(
        caught.value
    )
    import google.auth
    import google.auth.exceptions

    def no_adc(**kwargs):
        raise google.auth.exceptions.DefaultCredentialsError("none")

    monkeypatch.setattr(google.auth, "default", no_adc)
    with pytest.raises(UserError, match="application-default login"):
        make(fake_vertex, credentials=None)
    with pytest.raises(UserError, match="gs://BUCKET/PREFIX"):
        make(fake_vertex, gcs_uri="s3://bucket/x")
    with pytest.raises(UserError, match="--gcs-uri"):
        make(fake_vertex, gcs_uri=None).upload_file(tmp_path / "any.jsonl")
    with pytest.raises(UserError, match="GOOGLE_CLOUD_PROJECT"):
        make(fake_vertex, project=None)
    monkeypatch.setenv("GOOGLE_CLOUD_PROJECT", "from-env")
    monkeypatch.setenv("GOOGLE_CLOUD_LOCATION", "europe-west4")
    from_env = make(fake_vertex, project=None, location=None)
    assert (from_env.project, from_env.location) == ("from-env", "europe-west4")
    with pytest.raises(UserError, match="1, 2, 4, 8 or 16"):
        make(fake_vertex, adapter_size=3)


def test_without_the_google_packages_the_message_says_how_to_install_them(
    monkeypatch: pytest.MonkeyPatch, fake_vertex: FakeVertex
) -> None:
    monkeypatch.setitem(sys.modules, "google.genai", None)  # what `import google.genai` meets when absent
    with pytest.raises(UserError) as caught:
        make(fake_vertex)
    assert str(caught.value) == vertex.INSTALL_HINT and 'pip install "ftplanner[vertex]"' in str(caught.value)


def test_uploads_work_against_the_gcp_storage_emulator(fake_vertex: FakeVertex, tmp_path: Path) -> None:
    from gcp_storage_emulator.server import create_server

    server = create_server("127.0.0.1", 0, in_memory=True, default_bucket=BUCKET)
    server.start()
    try:
        endpoint = f"http://127.0.0.1:{server._api._httpd.server_address[1]}"
        provider = make(fake_vertex, storage_endpoint=endpoint)
        train = write_dataset(tmp_path / "train.jsonl", n=5)
        ref = provider.upload_file(train, filename="ftplanner-x-train.jsonl")
        assert provider.list_files() == [ref] and ref.bytes == train.stat().st_size
        provider.delete_file(ref.id)
        assert provider.list_files() == []
    finally:
        server.stop()
