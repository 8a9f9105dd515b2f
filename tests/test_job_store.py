"""The SQLite job store: migrations, launches before jobs, idempotent events/metrics, concurrency."""

from __future__ import annotations

import sqlite3
import threading
from decimal import Decimal
from pathlib import Path

import pytest

from ftplanner.core.errors import UserError
from ftplanner.jobs import store as store_module
from ftplanner.jobs.store import SCHEMA_VERSION, JobStore, to_unix

# The version-1 schema exactly as MIGRATIONS[0] created it, written out by hand.
V1_SCHEMA = """
CREATE TABLE launches (client_id TEXT PRIMARY KEY, profile TEXT NOT NULL, provider TEXT NOT NULL,
    model TEXT NOT NULL, training_file TEXT NOT NULL, validation_file TEXT, request TEXT NOT NULL DEFAULT '{}',
    estimate TEXT, created_at INTEGER NOT NULL, job_id TEXT UNIQUE, training_file_id TEXT,
    validation_file_id TEXT);
CREATE TABLE jobs (job_id TEXT PRIMARY KEY, client_id TEXT, provider TEXT NOT NULL, model TEXT,
    status TEXT NOT NULL, raw_status TEXT, fine_tuned_model TEXT, trained_tokens INTEGER,
    estimated_finish INTEGER, created_at INTEGER, finished_at INTEGER, error TEXT, actual_cost TEXT);
CREATE TABLE status_history (id INTEGER PRIMARY KEY, job_id TEXT NOT NULL, status TEXT NOT NULL,
    at INTEGER NOT NULL);
CREATE INDEX status_history_job ON status_history (job_id, id);
INSERT INTO launches (client_id, profile, provider, model, training_file, created_at, job_id)
    VALUES ('c1', 'work', 'openai', 'gpt-4.1-mini', 'train.jsonl', 1700000000, 'ftjob-1');
INSERT INTO jobs (job_id, client_id, provider, status, trained_tokens, created_at, finished_at, actual_cost)
    VALUES ('ftjob-1', 'c1', 'openai', 'succeeded', 120000, 1700000000, 1700001800, '3.60');
INSERT INTO status_history (job_id, status, at) VALUES ('ftjob-1', 'succeeded', 1700001800);
PRAGMA user_version = 1;
"""


@pytest.fixture
def store(tmp_path: Path):
    with JobStore(tmp_path / "jobs.sqlite3") as opened:
        yield opened


def launch(store: JobStore, **overrides) -> str:
    fields = {
        "profile": "work",
        "provider": "openai",
        "model": "gpt-4.1-mini",
        "training_file": Path("data/train.jsonl"),
        "request": {"hyperparameters": {"n_epochs": 3}},
        "estimate": {"cost": Decimal("12.50"), "minutes": (20, 45)},
        "created_at": 1_700_000_000,
    }
    return store.record_launch(**(fields | overrides))


def tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_default_path_is_under_ftplanner_home(_isolated_home: Path) -> None:
    with JobStore() as opened:
        assert opened.path == _isolated_home / "jobs.sqlite3"
    assert (_isolated_home / "jobs.sqlite3").is_file()


def test_migrates_an_empty_file_and_uses_wal(tmp_path: Path) -> None:
    path = tmp_path / "jobs.sqlite3"
    path.touch()
    with JobStore(path) as opened:
        assert opened.schema_version == SCHEMA_VERSION
        mode = opened._db().execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    assert {"launches", "jobs", "status_history", "events", "checkpoints", "metrics"} <= tables(path)
    with JobStore(path) as reopened:  # a second open is a no-op
        assert reopened.schema_version == SCHEMA_VERSION


def test_migrates_a_hand_written_version_1_database(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.executescript(V1_SCHEMA)
    conn.close()
    with JobStore(path) as opened:
        assert opened.schema_version == SCHEMA_VERSION
        job = opened.job("ftjob-1")
        assert job is not None and job.actual_cost == Decimal("3.60") and job.terminal
        assert opened.launch("c1").job_id == "ftjob-1"
        assert opened.finished_durations() == [("gpt-4.1-mini", 120000, 30.0)]
        assert opened.add_events("ftjob-1", [{"id": "e1", "message": "done", "created_at": 1}]) == 1


def test_refuses_a_newer_database_without_touching_it(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE something_new (x)")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(UserError, match="newer FT Planner") as info:
        JobStore(path)
    assert str(path) in str(info.value)
    assert path.read_bytes() == before
    assert tables(path) == {"something_new"}


def test_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "jobs.sqlite3"
    path.write_bytes(b"not a database at all" * 100)
    with pytest.raises(UserError, match="not an FT Planner job store"):
        JobStore(path)


def test_failed_migration_rolls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "jobs.sqlite3"
    broken = (*store_module.MIGRATIONS[:-1], (*store_module.MIGRATIONS[-1], "THIS IS NOT SQL"))
    monkeypatch.setattr(store_module, "MIGRATIONS", broken)
    with pytest.raises(sqlite3.OperationalError):
        JobStore(path)
    assert tables(path) == set()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    conn.close()


def test_launch_is_recorded_before_the_job_is_attached(store: JobStore) -> None:
    client_id = launch(store)
    assert len(client_id) == 32 and int(client_id, 16) >= 0
    recorded = store.launch(client_id)
    assert recorded is not None and recorded.job_id is None
    assert recorded.training_file == str(Path("data/train.jsonl"))
    assert recorded.estimate == {"cost": "12.5", "minutes": [20, 45]}
    assert recorded.request == {"hyperparameters": {"n_epochs": 3}}
    assert [item.client_id for item in store.pending_launches()] == [client_id]

    store.record_uploads(client_id, "file-train", None)
    store.attach_job(client_id, "ftjob-abc")
    store.attach_job(client_id, "ftjob-abc")  # idempotent
    with pytest.raises(ValueError, match="already attached"):
        store.attach_job(client_id, "ftjob-other")
    with pytest.raises(KeyError):
        store.attach_job("nope", "ftjob-x")

    attached = store.launch(client_id)
    assert attached.job_id == "ftjob-abc" and attached.training_file_id == "file-train"
    assert store.pending_launches() == []
    store.upsert_job("ftjob-abc", provider="openai", status="queued", at=10)
    assert store.job("ftjob-abc").client_id == client_id
    assert store.launch("missing") is None and store.job("missing") is None


def test_status_history_only_on_change_and_none_keeps_values(store: JobStore) -> None:
    assert store.upsert_job("j1", provider="openai", status="queued", created_at=100, at=100)
    assert not store.upsert_job("j1", provider="openai", status="queued", at=110)
    assert store.upsert_job("j1", provider="openai", status="running", estimated_finish=900, at=120)
    assert not store.upsert_job("j1", provider="openai", status="running", at=130)
    assert store.upsert_job(
        "j1",
        provider="openai",
        status="succeeded",
        trained_tokens=5000,
        finished_at="1970-01-01T00:10:00Z",
        actual_cost=Decimal("0.040"),
        fine_tuned_model="ft:gpt:me::1",
        at=600,
    )
    store.upsert_job("j1", provider="openai", status="succeeded", at=700)  # None keeps what is known
    assert [(c.status, c.at) for c in store.history("j1")] == [
        ("queued", 100),
        ("running", 120),
        ("succeeded", 600),
    ]
    job = store.job("j1")
    assert job.trained_tokens == 5000 and job.estimated_finish == 900 and job.finished_at == 600
    assert job.actual_cost == Decimal("0.04") and job.fine_tuned_model == "ft:gpt:me::1"
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("SELECT actual_cost FROM jobs").fetchone()[0] == "0.04"
    conn.close()


def test_non_terminal_listing(store: JobStore) -> None:
    for job_id, status, created in [("a", "running", 1), ("b", "succeeded", 2), ("c", "queued", 3)]:
        store.upsert_job(job_id, provider="openai", status=status, created_at=created)
    store.upsert_job("d", provider="together", status="cancelled", created_at=4)
    store.upsert_job("e", provider="together", status="validating_files")
    assert [job.job_id for job in store.jobs()] == ["d", "c", "b", "a", "e"]
    assert [job.job_id for job in store.jobs(non_terminal_only=True)] == ["c", "a", "e"]


def test_events_checkpoints_and_metrics_are_idempotent(store: JobStore) -> None:
    events = [
        {"id": "ev-2", "created_at": 20, "level": "info", "message": "Step 2", "data": {"step": 2}},
        {"id": "ev-1", "created_at": 10, "level": "info", "message": "Job started", "data": None},
    ]
    assert store.add_events("j1", events) == 2
    assert store.add_events("j1", [*events, {"id": "ev-3", "created_at": 30, "message": "x"}]) == 1
    assert store.add_events("j2", events[:1]) == 1  # event ids are unique per job only
    no_id = {"created_at": "2026-01-01T00:00:00Z", "level": "info", "message": "Uploading"}
    assert store.add_events("j1", [no_id]) == 1
    assert store.add_events("j1", [dict(no_id)]) == 0
    listed = store.events("j1")
    assert [e.event_id for e in listed][:3] == ["ev-1", "ev-2", "ev-3"]
    assert listed[1].data == {"step": 2} and listed[3].created_at == to_unix("2026-01-01T00:00:00+00:00")

    checkpoints = [{"id": "ckpt-1", "step": 10, "metrics": {"train_loss": 1.5}}]
    assert store.add_checkpoints("j1", checkpoints) == 1
    assert store.add_checkpoints("j1", checkpoints) == 0
    assert store.checkpoints("j1")[0].metrics == {"train_loss": 1.5}

    rows = [
        {"step": 1, "train_loss": "2.0", "train_accuracy": "0.5", "valid_loss": ""},
        {"step": 2, "train_loss": 1.5, "train_mean_token_accuracy": 0.6},
    ]
    assert store.add_metrics("j1", rows) == 2
    assert store.add_metrics("j1", [*rows, {"step": 1, "valid_loss": 2.5}, {"step": ""}]) == 0
    metrics = store.metrics("j1")
    assert [(m.step, m.train_loss, m.train_accuracy, m.valid_loss) for m in metrics] == [
        (1, 2.0, 0.5, 2.5),
        (2, 1.5, 0.6, None),
    ]


def test_a_failed_write_leaves_nothing_behind(store: JobStore) -> None:
    with pytest.raises(ValueError, match="needs an id"):
        store.add_checkpoints("j1", [{"id": "ok", "step": 1}, {"step": 2}])
    assert store.checkpoints("j1") == []


def test_finished_durations(store: JobStore) -> None:
    client_id = launch(store, model="gpt-4.1-mini")
    store.attach_job(client_id, "j1")
    store.upsert_job(
        "j1", provider="openai", status="succeeded", trained_tokens=3000, created_at=0, finished_at=5400
    )
    store.upsert_job(
        "j2", provider="together", model="llama-3-8b", status="succeeded", trained_tokens=10,
        created_at=100, finished_at=160,
    )  # fmt: skip
    store.upsert_job("j3", provider="openai", status="failed", trained_tokens=5, created_at=0, finished_at=60)
    store.upsert_job("j4", provider="openai", status="succeeded", model="m", created_at=0, finished_at=60)
    store.upsert_job("j5", provider="openai", status="running", model="m", trained_tokens=5, created_at=0)
    assert store.finished_durations() == [("llama-3-8b", 10, 1.0), ("gpt-4.1-mini", 3000, 90.0)]


def test_two_connections_write_concurrently(tmp_path: Path) -> None:
    path = tmp_path / "jobs.sqlite3"
    JobStore(path).close()
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def worker(name: str) -> None:
        try:
            with JobStore(path) as own:
                start.wait(timeout=10)
                for i in range(60):
                    client_id = launch(own, profile=name)
                    own.attach_job(client_id, f"{name}-{i}")
                    own.upsert_job(f"{name}-{i}", provider="openai", status="running")
                    own.add_events(f"{name}-{i}", [{"id": "e", "message": "m"}])
                    own.add_metrics("shared", [{"step": i, "train_loss": 1.0}])
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(name,)) for name in ("gui", "cli")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    with JobStore(path) as check:
        assert len(check.jobs()) == 120 and check.pending_launches() == []
        assert len(check.metrics("shared")) == 60
        integrity = check._db().execute("PRAGMA integrity_check").fetchone()[0]
    assert integrity == "ok"


def test_closed_store_refuses_use(tmp_path: Path) -> None:
    opened = JobStore(tmp_path / "jobs.sqlite3")
    opened.close()
    opened.close()
    with pytest.raises(RuntimeError, match="closed"):
        opened.jobs()


def test_to_unix() -> None:
    assert to_unix(None) is None and to_unix("") is None
    assert to_unix(12.9) == 12 and to_unix("42") == 42
    assert to_unix("1970-01-01T01:00:00") == 3600
    assert to_unix("1970-01-01T10:00:00+09:00") == 3600
