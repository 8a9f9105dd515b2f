"""The launch flow against the loopback fake server, the real provider and a store in tmp_path."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from fake_openai import API_KEY, FakeOpenAI, fake_openai_fixture  # noqa: F401  (fixture)
from ftplanner.core.catalog import ModelEntry, load_catalog
from ftplanner.core.errors import Cancelled, Refused, UserError
from ftplanner.jobs.launch import (
    CLIENT_ID_KEY,
    LaunchPlan,
    find_launched_job,
    launch,
    prepare_launch,
    resume_pending,
)
from ftplanner.jobs.store import JobStore
from ftplanner.providers.base import ProviderError
from ftplanner.providers.openai_compat import OpenAICompatibleProvider, Profile, make_client

TODAY = date(2026, 11, 29)
CREATE = ("POST", "/fine_tuning/jobs")
UPLOAD = ("POST", "/files")
LIST = ("GET", "/fine_tuning/jobs")


@pytest.fixture(scope="module")
def entry() -> ModelEntry:
    return load_catalog(user_overrides=False, today=TODAY).get("openai/gpt-4.1-mini-2025-04-14")


@pytest.fixture
def store(tmp_path: Path):
    with JobStore(tmp_path / "jobs.sqlite3") as opened:
        yield opened


def provider_for(fake: FakeOpenAI, timeout: float = 0.5) -> OpenAICompatibleProvider:
    profile = Profile(kind="generic", base_url=fake.base_url)
    return OpenAICompatibleProvider(make_client(profile, API_KEY, timeout, max_retries=0), profile)


def write_dataset(path: Path, n: int = 12, bad_lines: int = 0) -> Path:
    lines = [
        json.dumps(
            {
                "messages": [
                    {"role": "system", "content": "You answer briefly."},
                    {"role": "user", "content": f"What is {i} plus {i}?"},
                    {"role": "assistant", "content": f"It is {2 * i}."},
                ]
            }
        )
        for i in range(n)
    ]
    lines += ["{not json"] * bad_lines
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def plan(tmp_path: Path, entry: ModelEntry) -> LaunchPlan:
    return prepare_launch(write_dataset(tmp_path / "train.jsonl"), entry, today=TODAY)


def no_sleep(delays: list[float]):
    return delays.append


# -- prepare_launch ---------------------------------------------------------------------------------


def test_prepare_launch_plans_and_warns_about_retirement(tmp_path: Path, entry: ModelEntry) -> None:
    train = write_dataset(tmp_path / "train.jsonl", 12)
    valid = write_dataset(tmp_path / "valid.jsonl", 10)
    plan = prepare_launch(train, entry, validation_path=valid, epochs=2, today=TODAY)
    assert plan.training.examples == 12 and plan.validation and plan.validation.examples == 10
    assert plan.estimate.epochs == 2 and plan.estimate.training_cost is not None
    assert plan.estimate.training_cost == plan.estimate.charged_tokens * Decimal("5.00") / 1_000_000
    assert plan.price_per_mtok == Decimal("5.00")
    assert any("retires on 2027-01-14 (unconfirmed), in 46 days" in w for w in plan.warnings)
    request = plan.job_request("file-1", "file-2", suffix="s")
    assert (request.model, request.epochs, request.method) == ("gpt-4.1-mini-2025-04-14", 2, "supervised")
    far = prepare_launch(train, entry, today=date(2026, 6, 1))
    assert not any("stops working then" in w for w in far.warnings)


def test_refuses_dataset_errors_naming_the_file(tmp_path: Path, entry: ModelEntry) -> None:
    bad = write_dataset(tmp_path / "bad.jsonl", 12, bad_lines=2)
    with pytest.raises(UserError) as info:
        prepare_launch(bad, entry, today=TODAY)
    assert str(bad) in str(info.value) and "line 13" in str(info.value)
    good = write_dataset(tmp_path / "train.jsonl")
    with pytest.raises(UserError, match=r"validation file .*bad\.jsonl"):
        prepare_launch(good, entry, validation_path=bad, today=TODAY)


def test_refuses_a_closed_model_with_the_date(tmp_path: Path, entry: ModelEntry) -> None:
    with pytest.raises(Refused, match="closed on 2027-01-06"):
        prepare_launch(write_dataset(tmp_path / "t.jsonl"), entry, today=date(2027, 1, 7))


def test_refuses_over_budget_and_unknown_cost(tmp_path: Path, entry: ModelEntry) -> None:
    train = write_dataset(tmp_path / "t.jsonl")
    cost = prepare_launch(train, entry, today=TODAY).estimate.training_cost
    assert cost is not None
    with pytest.raises(UserError) as info:
        prepare_launch(train, entry, today=TODAY, budget_cap=cost / 2)
    text = str(info.value)
    assert "exceeds the budget cap" in text and f"USD {cost}" in text and f"USD {cost / 2}" in text
    assert prepare_launch(train, entry, today=TODAY, budget_cap=cost).estimate.training_cost == cost
    unknown = ModelEntry(**{**entry.__dict__, "price_unknown": True})
    with pytest.raises(UserError, match="unknown"):
        prepare_launch(train, unknown, today=TODAY, budget_cap=Decimal(100))


# -- launch -----------------------------------------------------------------------------------------


def test_clean_launch_end_to_end(fake_openai: FakeOpenAI, store: JobStore, plan: LaunchPlan) -> None:
    stages: list[str] = []
    job = launch(
        plan,
        provider_for(fake_openai),
        store,
        profile_name="work",
        suffix="bot",
        metadata={"team": "a"},
        progress=lambda stage, done, total: stages.append(stage),
    )
    assert "training" in stages and stages[-1] == "creating"
    (recorded,) = store.launches()
    assert recorded.job_id == job.id and recorded.profile == "work"
    assert recorded.training_file_id in fake_openai.files
    assert recorded.estimate and Decimal(recorded.estimate["training_cost"]) == plan.estimate.training_cost
    body = fake_openai.seen(*CREATE)[0].json()
    assert body["metadata"] == {CLIENT_ID_KEY: recorded.client_id, "team": "a"}
    assert body["suffix"] == "bot" and body["model"] == "gpt-4.1-mini-2025-04-14"
    stored = store.job(job.id)
    assert stored and stored.client_id == recorded.client_id and stored.status == "validating"


def test_launch_is_recorded_before_the_create(
    fake_openai: FakeOpenAI, store: JobStore, plan: LaunchPlan
) -> None:
    fake_openai.fail(*CREATE, status=400)
    with pytest.raises(ProviderError) as info:
        launch(plan, provider_for(fake_openai), store, profile_name="p")
    assert not info.value.retryable and "no job was created" in str(info.value)
    assert "uploaded file was deleted" in str(info.value)
    (closed,) = store.launches()  # a refused create is a known outcome: closed, its upload deleted
    assert closed.closed_reason.startswith("the create failed") and closed.training_file_id
    assert store.pending_launches() == [] and not fake_openai.files
    assert len(fake_openai.seen(*CREATE)) == 1 and not fake_openai.jobs


def test_create_accepted_then_timed_out_attaches_the_one_job(
    fake_openai: FakeOpenAI, store: JobStore, plan: LaunchPlan
) -> None:
    fake_openai.fail(*CREATE, delay=3.0)
    delays: list[float] = []
    job = launch(plan, provider_for(fake_openai, 0.5), store, profile_name="p", sleep=no_sleep(delays))
    assert len(fake_openai.jobs) == 1 and job.id in fake_openai.jobs
    assert len(fake_openai.seen(*CREATE)) == 1 and delays == []
    (recorded,) = store.launches()
    assert recorded.job_id == job.id
    assert fake_openai.seen(*LIST)[-1].query[f"metadata[{CLIENT_ID_KEY}]"] == [recorded.client_id]


def test_500_then_success_creates_one_job(fake_openai: FakeOpenAI, store: JobStore, plan: LaunchPlan) -> None:
    fake_openai.fail(*CREATE, status=503, retry_after="2")
    delays: list[float] = []
    job = launch(plan, provider_for(fake_openai), store, profile_name="p", sleep=no_sleep(delays))
    assert list(fake_openai.jobs) == [job.id] and len(fake_openai.seen(*CREATE)) == 2
    assert delays == [2.0] and len(fake_openai.seen(*LIST)) == 1
    assert store.launches()[0].job_id == job.id


def test_retry_wait_is_capped_and_second_failure_reported(
    fake_openai: FakeOpenAI, store: JobStore, plan: LaunchPlan
) -> None:
    fake_openai.fail(*CREATE, times=2, status=500, retry_after="3600")
    delays: list[float] = []
    with pytest.raises(ProviderError, match="tried twice"):
        launch(plan, provider_for(fake_openai), store, profile_name="p", sleep=no_sleep(delays))
    assert delays == [10.0] and len(fake_openai.seen(*CREATE)) == 2 and not fake_openai.jobs
    assert len(store.pending_launches()) == 1


def test_upload_reused_after_a_crash_between_upload_and_create(
    fake_openai: FakeOpenAI, store: JobStore, plan: LaunchPlan
) -> None:
    provider = provider_for(fake_openai)

    class Crash(BaseException):
        """The process dying between the upload and the create."""

    def crash_before_create(stage: str, done: int, total: int) -> None:
        if stage == "creating":
            raise Crash

    with pytest.raises(Crash):
        launch(plan, provider, store, profile_name="p", progress=crash_before_create)
    (pending,) = store.pending_launches()
    assert pending.training_file_id and not fake_openai.seen(*CREATE)
    job = launch(plan, provider, store, profile_name="p", client_id=pending.client_id)
    assert len(fake_openai.seen(*UPLOAD)) == 1
    assert fake_openai.seen(*CREATE)[0].json()["training_file"] == pending.training_file_id
    assert store.launch(pending.client_id).job_id == job.id  # type: ignore[union-attr]
    with pytest.raises(UserError, match="already has job"):
        launch(plan, provider, store, profile_name="p", client_id=pending.client_id)


def test_cancel_before_the_create_closes_the_launch(
    fake_openai: FakeOpenAI, store: JobStore, plan: LaunchPlan
) -> None:
    uploaded: list[str] = []
    with pytest.raises(Cancelled):
        launch(
            plan,
            provider_for(fake_openai),
            store,
            profile_name="p",
            progress=lambda stage, done, total: uploaded.append(stage),
            cancel=lambda: bool(uploaded),
        )
    (closed,) = store.launches()
    assert closed.closed_reason.startswith("cancelled before the create") and store.pending_launches() == []
    assert not fake_openai.seen(*CREATE) and not fake_openai.files  # the upload was deleted


def test_resume_pending_attaches_found_jobs_and_closes_the_rest(
    fake_openai: FakeOpenAI, store: JobStore, plan: LaunchPlan
) -> None:
    provider = provider_for(fake_openai)
    # a create the server accepted, then the look-up failed for good: pending
    fake_openai.fail(*CREATE, delay=3.0)
    fake_openai.fail(*LIST, status=400)
    with pytest.raises(ProviderError, match="stays pending"):
        launch(plan, provider, store, profile_name="p")

    class Crash(BaseException):
        """The process dying between the upload and the create."""

    def crash_before_create(stage: str, done: int, total: int) -> None:
        if stage == "creating":
            raise Crash

    with pytest.raises(Crash):  # another profile: the first launch is left alone
        launch(plan, provider, store, profile_name="q", progress=crash_before_create)
    first, second = store.pending_launches()
    assert len(fake_openai.files) == 2
    report = resume_pending(provider, store)
    assert [(cid, job.id) for cid, job in report.attached] == [
        (first.client_id, next(iter(fake_openai.jobs)))
    ]
    assert [p.client_id for p in report.unresolved] == [second.client_id]
    assert store.pending_launches() == []
    closed = store.launch(second.client_id)
    assert closed and closed.closed_reason == "no job was created; uploaded file(s) deleted"
    assert list(fake_openai.files) == [first.training_file_id]  # the second upload was deleted
    assert resume_pending(provider, store, profile_name="other") == type(report)()


def test_launch_on_the_same_profile_settles_a_pending_one_first(
    fake_openai: FakeOpenAI, store: JobStore, plan: LaunchPlan
) -> None:
    provider = provider_for(fake_openai)
    fake_openai.fail(*CREATE, delay=3.0)
    fake_openai.fail(*LIST, status=400)
    with pytest.raises(ProviderError, match="stays pending"):
        launch(plan, provider, store, profile_name="p")
    notes: list[str] = []
    job = launch(plan, provider, store, profile_name="p", note=notes.append)
    assert list(fake_openai.jobs) == [job.id] and len(fake_openai.files) == 1  # the first job, adopted
    assert any("not starting a second one" in n for n in notes)
    first, second = store.launches()
    assert first.job_id == job.id and second.closed_reason and store.pending_launches() == []


def test_pending_launch_that_cannot_be_checked_refuses_a_new_one(
    fake_openai: FakeOpenAI, store: JobStore, plan: LaunchPlan
) -> None:
    provider = provider_for(fake_openai)
    fake_openai.fail(*CREATE, delay=3.0)
    fake_openai.fail(*LIST, status=400)
    with pytest.raises(ProviderError, match="stays pending"):
        launch(plan, provider, store, profile_name="p")
    fake_openai.fail(*LIST, times=50, status=429, retry_after="3600")  # longer than any bounded wait
    with pytest.raises(Refused, match="ftplanner jobs recover") as info:
        launch(plan, provider, store, profile_name="p", sleep=lambda s: None)
    assert "nothing was uploaded or created" in str(info.value)
    assert len(fake_openai.seen(*CREATE)) == 1 and len(fake_openai.seen(*UPLOAD)) == 1
    (pending,) = store.pending_launches()
    assert pending.job_id is None and len(store.launches()) == 2


def test_a_job_without_our_tag_is_never_adopted(
    fake_openai: FakeOpenAI, store: JobStore, plan: LaunchPlan
) -> None:
    provider = provider_for(fake_openai)
    someone_elses = launch(plan, provider, store, profile_name="p")
    fake_openai.jobs[someone_elses.id]["metadata"] = None  # as if created by another tool
    fake_openai.ignore_metadata_filter = True
    assert len(provider.list_jobs(metadata={CLIENT_ID_KEY: "0" * 32})) == 1  # the filter was ignored
    assert find_launched_job(provider, "0" * 32) is None


def test_invalid_hyperparameters_are_refused_before_anything_is_sent(
    fake_openai: FakeOpenAI, store: JobStore, plan: LaunchPlan
) -> None:
    provider = provider_for(fake_openai)
    for kwargs, message in (
        ({"seed": -1}, "--seed"),
        ({"options": {"batch_size": 0}}, "--batch-size"),
        ({"options": {"learning_rate_multiplier": -0.5}}, "--learning-rate-multiplier"),
        ({"options": {"beta": 0.1}}, "DPO only"),
    ):
        with pytest.raises(UserError, match=message):
            launch(plan, provider, store, profile_name="p", **kwargs)  # type: ignore[arg-type]
    assert not fake_openai.requests and store.launches() == []


def test_a_preference_file_is_trained_with_dpo(entry: ModelEntry, tmp_path: Path) -> None:
    rows = [
        {
            "input": {"messages": [{"role": "user", "content": f"Say {i}"}]},
            "preferred_output": [{"role": "assistant", "content": f"{i}."}],
            "non_preferred_output": [{"role": "assistant", "content": f"No, {i + 1}."}],
        }
        for i in range(12)
    ]
    path = tmp_path / "prefs.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert prepare_launch(path, entry, today=TODAY).method == "dpo"
    with pytest.raises(UserError, match="use --method dpo"):
        prepare_launch(path, entry, today=TODAY, method="supervised")
    chat = write_dataset(tmp_path / "chat.jsonl")
    with pytest.raises(UserError, match="use --method supervised"):
        prepare_launch(chat, entry, today=TODAY, method="dpo")
