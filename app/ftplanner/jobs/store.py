"""The local job store: launches, provider jobs, status history, events, checkpoints and metrics.

One SQLite file, ``<user data dir>/jobs.sqlite3`` by default, opened in WAL mode with a busy timeout so the
GUI tracker and the CLI can use it at the same time. Every write runs in its own ``BEGIN IMMEDIATE``
transaction. The schema is versioned with ``PRAGMA user_version`` and upgraded by the ordered
:data:`MIGRATIONS`; a file written by a newer FT Planner is refused without being touched.

Commands that only read open it with ``read_only=True`` (SQLite ``mode=ro``): the file is never created,
migrated or locked for writing; a missing store reads as an empty one, and an older schema is upgraded in a
copy held in memory.

Conventions: timestamps are **unix seconds (UTC) as integers** (what the provider APIs return; ISO text and
datetimes passed in are converted); money is a **decimal string** (``"12.5"``), read back as ``Decimal``;
request, estimate, event data and checkpoint metrics are JSON text. ``status`` is the provider-neutral
status (:data:`TERMINAL_STATUSES` end a job), ``raw_status`` what the provider said.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ftplanner.core.errors import UserError
from ftplanner.core.money import decimal_text
from ftplanner.core.paths import user_data_dir

if TYPE_CHECKING:
    from ftplanner.providers.base import JobInfo

STORE_FILE_NAME = "jobs.sqlite3"
BUSY_TIMEOUT_SECONDS = 10.0
TERMINAL_STATUSES = frozenset({"succeeded", "failed", "cancelled"})

# Each step upgrades the schema by one version; step i leaves the file at version i + 1. Append only.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE launches (
            client_id TEXT PRIMARY KEY,
            profile TEXT NOT NULL,
            provider TEXT NOT NULL,
            model TEXT NOT NULL,
            training_file TEXT NOT NULL,
            validation_file TEXT,
            request TEXT NOT NULL DEFAULT '{}',
            estimate TEXT,
            created_at INTEGER NOT NULL,
            job_id TEXT UNIQUE,
            training_file_id TEXT,
            validation_file_id TEXT
        )""",
        """CREATE TABLE jobs (
            job_id TEXT PRIMARY KEY,
            client_id TEXT,
            provider TEXT NOT NULL,
            model TEXT,
            status TEXT NOT NULL,
            raw_status TEXT,
            fine_tuned_model TEXT,
            trained_tokens INTEGER,
            estimated_finish INTEGER,
            created_at INTEGER,
            finished_at INTEGER,
            error TEXT,
            actual_cost TEXT
        )""",
        """CREATE TABLE status_history (
            id INTEGER PRIMARY KEY,
            job_id TEXT NOT NULL,
            status TEXT NOT NULL,
            at INTEGER NOT NULL
        )""",
        "CREATE INDEX status_history_job ON status_history (job_id, id)",
    ),
    (
        """CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            job_id TEXT NOT NULL,
            event_id TEXT NOT NULL,
            created_at INTEGER,
            level TEXT,
            message TEXT,
            data TEXT,
            UNIQUE (job_id, event_id)
        )""",
        """CREATE TABLE checkpoints (
            id INTEGER PRIMARY KEY,
            job_id TEXT NOT NULL,
            checkpoint_id TEXT NOT NULL,
            step INTEGER,
            metrics TEXT,
            UNIQUE (job_id, checkpoint_id)
        )""",
        """CREATE TABLE metrics (
            job_id TEXT NOT NULL,
            step INTEGER NOT NULL,
            train_loss REAL,
            train_accuracy REAL,
            valid_loss REAL,
            valid_accuracy REAL,
            UNIQUE (job_id, step)
        )""",
    ),
    (
        "ALTER TABLE launches ADD COLUMN closed_reason TEXT",
        "ALTER TABLE launches ADD COLUMN provider_estimate TEXT",
    ),
    ("ALTER TABLE jobs ADD COLUMN checked_at INTEGER",),
)
SCHEMA_VERSION = len(MIGRATIONS)

_METRIC_ALIASES: dict[str, tuple[str, ...]] = {
    "train_loss": ("train_loss",),
    "train_accuracy": ("train_accuracy", "train_mean_token_accuracy"),
    "valid_loss": ("valid_loss", "full_valid_loss"),
    "valid_accuracy": ("valid_accuracy", "valid_mean_token_accuracy", "full_valid_mean_token_accuracy"),
}


def default_path() -> Path:
    """``<user data dir>/jobs.sqlite3``."""
    return user_data_dir() / STORE_FILE_NAME


def to_unix(value: int | float | str | datetime | None) -> int | None:
    """Unix seconds (UTC) from an int/float, an ISO 8601 text or a datetime (naive means UTC)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise TypeError("a timestamp cannot be a bool")
    if isinstance(value, int | float):
        return int(value)
    if isinstance(value, str):
        text = value.strip()
        if text.lstrip("-").isdigit():
            return int(text)
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return int(value.timestamp())


def _now() -> int:
    return int(time.time())


def _json_default(value: object) -> object:
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"cannot store a {type(value).__name__} as JSON")


def _dumps(value: object) -> str | None:
    if value is None:
        return None
    return json.dumps(value, default=_json_default, ensure_ascii=False, sort_keys=True)


def _loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def _money_text(value: Decimal | str | int | None) -> str | None:
    if value is None:
        return None
    return decimal_text(Decimal(str(value)))


def _first(item: Mapping[str, Any], *names: str) -> Any:
    for name in names:
        if item.get(name) is not None:
            return item[name]
    return None


@dataclass(frozen=True)
class Launch:
    """A launch as recorded before the provider's create call; ``job_id`` is None until attached."""

    client_id: str
    profile: str
    provider: str
    model: str
    training_file: str
    validation_file: str | None
    request: dict[str, Any]
    estimate: dict[str, Any] | None
    created_at: int
    job_id: str | None
    training_file_id: str | None
    validation_file_id: str | None
    closed_reason: str | None = None  # why a launch ended without a job (refused, not confirmed)
    provider_estimate: Decimal | None = None  # the provider's own quote in USD (Together), if any


@dataclass(frozen=True)
class Job:
    """The latest known state of a provider job."""

    job_id: str
    client_id: str | None
    provider: str
    model: str | None
    status: str
    raw_status: str | None
    fine_tuned_model: str | None
    trained_tokens: int | None
    estimated_finish: int | None
    created_at: int | None
    finished_at: int | None
    error: str | None
    actual_cost: Decimal | None
    checked_at: int | None = None  # when the provider last answered about this job

    @property
    def terminal(self) -> bool:
        return self.status in TERMINAL_STATUSES


@dataclass(frozen=True)
class StatusChange:
    status: str
    at: int


@dataclass(frozen=True)
class Event:
    event_id: str
    created_at: int | None
    level: str | None
    message: str | None
    data: Any


@dataclass(frozen=True)
class Checkpoint:
    checkpoint_id: str
    step: int | None
    metrics: dict[str, Any] | None


@dataclass(frozen=True)
class MetricRow:
    step: int
    train_loss: float | None
    train_accuracy: float | None
    valid_loss: float | None
    valid_accuracy: float | None


_JSON_COLUMNS = frozenset({"request", "estimate", "data", "metrics"})
_MONEY_COLUMNS = frozenset({"actual_cost", "provider_estimate"})


def _decimal_ok(value: object) -> int:
    try:
        return int(value is None or Decimal(str(value)).is_finite())
    except ArithmeticError:
        return 0


def _json_ok(value: object) -> int:  # as _loads reads it (Python's json, NaN included)
    try:
        json.loads(str(value))
    except (ValueError, RecursionError):
        return 0
    return 1


def _bad_value(conn: sqlite3.Connection) -> str | None:
    """``table.column = value`` of the first stored value the readers below cannot convert, or None."""
    conn.create_function("ft_decimal_ok", 1, _decimal_ok, deterministic=True)
    conn.create_function("ft_json_ok", 1, _json_ok, deterministic=True)
    tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        for column in conn.execute(f'PRAGMA table_info("{table}")').fetchall():
            name, declared = column[1], str(column[2]).upper()
            if declared == "INTEGER":
                wrong = f"typeof({name}) NOT IN ('integer', 'null')"
            elif declared == "REAL":
                wrong = f"typeof({name}) NOT IN ('real', 'integer', 'null')"
            elif name in _JSON_COLUMNS:
                wrong = f"{name} IS NOT NULL AND NOT ft_json_ok({name})"
            elif name in _MONEY_COLUMNS:
                wrong = f"NOT ft_decimal_ok({name})"
            else:
                continue
            row = conn.execute(f'SELECT {name} FROM "{table}" WHERE {wrong} LIMIT 1').fetchone()
            if row is not None:
                return f"{table}.{name} = {str(row[0])[:40]!r}"
    return None


class JobStore:
    """The SQLite job store. Use as a context manager or call :meth:`close`.

    One instance may be shared by threads (calls are serialised); separate instances, threads or
    processes on the same file wait for each other up to ``busy_timeout`` seconds.
    """

    def __init__(
        self,
        path: Path | str | None = None,
        *,
        busy_timeout: float = BUSY_TIMEOUT_SECONDS,
        read_only: bool = False,
    ) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.read_only = read_only
        self._lock = threading.RLock()
        if read_only and not (self.path.exists() or self.path.is_symlink()):
            conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            self._migrate(conn)  # no jobs yet: an empty store in memory, no file created
        else:
            conn = self._open(busy_timeout)
        conn.row_factory = sqlite3.Row
        self._conn: sqlite3.Connection | None = conn

    def _connect(self, busy_timeout: float, mode: str | None) -> sqlite3.Connection:
        if mode is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return sqlite3.connect(
                self.path, timeout=busy_timeout, isolation_level=None, check_same_thread=False
            )
        uri = f"file:{quote(str(self.path.resolve()))}?{mode}"
        conn = sqlite3.connect(
            uri, uri=True, timeout=busy_timeout, isolation_level=None, check_same_thread=False
        )
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            conn.close()
            if mode != "mode=ro" or os.access(self.path.parent, os.W_OK):
                raise
            # A read-only folder where the WAL index cannot be created: no writer can change the file either.
            return self._connect(busy_timeout, "immutable=1")
        return conn

    def _open(self, busy_timeout: float) -> sqlite3.Connection:
        try:
            conn = self._connect(busy_timeout, "mode=ro" if self.read_only else None)
        except (OSError, sqlite3.Error) as exc:
            raise UserError(self._cannot_open(exc)) from None
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            version = self._version(conn)
            self._check_version(conn, version)
            self._check_integrity(conn, version)
            if self.read_only:
                if version < SCHEMA_VERSION:  # upgrade a copy, never the file
                    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
                    conn.backup(memory)
                    conn.close()
                    conn = memory
            else:
                conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.Error as exc:
            conn.close()
            raise UserError(self._cannot_open(exc)) from None
        except BaseException:
            conn.close()
            raise
        try:
            self._migrate(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    # -- lifecycle ---------------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> JobStore:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        with self._lock:
            return self._version(self._db())

    def _version(self, conn: sqlite3.Connection) -> int:
        try:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])
        except sqlite3.DatabaseError as exc:
            raise UserError(f"{self.path} is not an FT Planner job store ({exc}).") from None

    def _cannot_open(self, exc: BaseException) -> str:
        """One line for a store that cannot be opened, with what to do about it."""
        if self.path.is_dir():
            return f"{self.path}: is a folder, not the job store; move it away and try again"
        reason = getattr(exc, "strerror", None) or str(exc)
        return (
            f"{self.path}: cannot open the job store ({reason}); check its permissions and its folder's,"
            " or if it is damaged move it aside and FT Planner starts an empty one (jobs stay with the provider)"
        )

    def _check_integrity(self, conn: sqlite3.Connection, version: int) -> None:
        """Refuse a foreign database and a damaged one (SQLite's quick check) before anything is written."""
        if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise UserError(
                f"{self.path} is not an FT Planner job store (it holds other tables); move it away and try"
                " again; the file was not changed"
            )
        problems = [" ".join(str(row[0]).split()) for row in conn.execute("PRAGMA quick_check(3)").fetchall()]
        if problems != ["ok"]:
            raise UserError(
                f"{self.path}: the job store is damaged ({problems[0]}); move it aside and FT Planner starts an"
                " empty one (the jobs stay with the provider); the file was not changed"
            )
        if version == SCHEMA_VERSION:
            bad = _bad_value(conn)
            if bad:
                raise UserError(
                    f"{self.path}: the job store holds a value FT Planner cannot read ({bad}); move it aside and"
                    " FT Planner starts an empty one (the jobs stay with the provider); the file was not changed"
                )

    def _check_version(self, conn: sqlite3.Connection, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise UserError(
                f"{self.path} was written by a newer FT Planner (job store schema {version}; this version "
                f"reads up to {SCHEMA_VERSION}). Update FT Planner to use it; the file was not changed."
            )

    def _migrate(self, conn: sqlite3.Connection) -> None:
        if self._version(conn) == SCHEMA_VERSION:
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = self._version(conn)  # another connection may have migrated meanwhile
            self._check_version(conn, version)
            for steps in MIGRATIONS[version:]:
                for statement in steps:
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise RuntimeError("the job store is closed")
        return self._conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise RuntimeError(f"{self.path}: the job store was opened read-only")
        with self._lock:
            conn = self._db()
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _read(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._db().execute(sql, tuple(params)).fetchall()

    # -- launches ----------------------------------------------------------------------------------

    def record_launch(
        self,
        *,
        profile: str,
        provider: str,
        model: str,
        training_file: str | Path,
        validation_file: str | Path | None = None,
        request: Mapping[str, Any] | None = None,
        estimate: Mapping[str, Any] | None = None,
        created_at: int | str | datetime | None = None,
    ) -> str:
        """Record a launch before any network call; returns its new ``client_id`` (uuid4 hex)."""
        client_id = uuid.uuid4().hex
        with self._write() as conn:
            conn.execute(
                "INSERT INTO launches (client_id, profile, provider, model, training_file, validation_file,"
                " request, estimate, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    client_id,
                    profile,
                    provider,
                    model,
                    str(training_file),
                    None if validation_file is None else str(validation_file),
                    _dumps(dict(request or {})),
                    _dumps(None if estimate is None else dict(estimate)),
                    to_unix(created_at) or _now(),
                ),
            )
        return client_id

    def record_uploads(
        self, client_id: str, training_file_id: str | None, validation_file_id: str | None = None
    ) -> None:
        """Remember the provider's ids of the uploaded files (kept when None is passed)."""
        with self._write() as conn:
            cursor = conn.execute(
                "UPDATE launches SET training_file_id = COALESCE(?, training_file_id),"
                " validation_file_id = COALESCE(?, validation_file_id) WHERE client_id = ?",
                (training_file_id, validation_file_id, client_id),
            )
            if cursor.rowcount == 0:
                raise KeyError(f"no launch {client_id}")

    def attach_job(self, client_id: str, job_id: str) -> None:
        """Link a recorded launch to the job the provider created (idempotent for the same job)."""
        with self._write() as conn:
            row = conn.execute("SELECT job_id FROM launches WHERE client_id = ?", (client_id,)).fetchone()
            if row is None:
                raise KeyError(f"no launch {client_id}")
            if row[0] not in (None, job_id):
                raise ValueError(f"launch {client_id} is already attached to job {row[0]}")
            conn.execute("UPDATE launches SET job_id = ? WHERE client_id = ?", (job_id, client_id))
            conn.execute(
                "UPDATE jobs SET client_id = ? WHERE job_id = ? AND client_id IS NULL", (client_id, job_id)
            )

    def launch(self, client_id: str) -> Launch | None:
        rows = self._read("SELECT * FROM launches WHERE client_id = ?", (client_id,))
        return _launch(rows[0]) if rows else None

    def launches(self) -> list[Launch]:
        return [_launch(row) for row in self._read("SELECT * FROM launches ORDER BY created_at, rowid")]

    def pending_launches(self) -> list[Launch]:
        """Open launches with no job attached: a crash may have happened around the create call."""
        rows = self._read(
            "SELECT * FROM launches WHERE job_id IS NULL AND closed_reason IS NULL ORDER BY created_at, rowid"
        )
        return [_launch(row) for row in rows]

    def record_provider_estimate(self, client_id: str, total_usd: Decimal) -> None:
        """Keep the provider's own price quote for a launch."""
        with self._write() as conn:
            conn.execute(
                "UPDATE launches SET provider_estimate = ? WHERE client_id = ?",
                (_money_text(total_usd), client_id),
            )

    def pending_for(self, profile: str, *, exclude: str | None = None) -> list[Launch]:
        """The pending launches of one profile (oldest first), without ``exclude``."""
        return [p for p in self.pending_launches() if p.profile == profile and p.client_id != exclude]

    def close_without_job(
        self,
        client_id: str,
        reason: str,
        *,
        hand_over_to: str | None = None,
        training_file_id: str | None = None,
        validation_file_id: str | None = None,
    ) -> None:
        """Close a launch that created no job; in the same transaction, the launch ``hand_over_to`` takes
        the uploaded file ids given (so a file is never both unowned and undeleted)."""
        with self._write() as conn:
            if hand_over_to is not None and (training_file_id or validation_file_id):
                cursor = conn.execute(
                    "UPDATE launches SET training_file_id = COALESCE(training_file_id, ?),"
                    " validation_file_id = COALESCE(validation_file_id, ?)"
                    " WHERE client_id = ? AND job_id IS NULL AND closed_reason IS NULL",
                    (training_file_id, validation_file_id, hand_over_to),
                )
                if cursor.rowcount == 0:
                    raise KeyError(f"no open launch {hand_over_to}")
            cursor = conn.execute(
                "UPDATE launches SET closed_reason = ? WHERE client_id = ? AND job_id IS NULL",
                (reason, client_id),
            )
            if cursor.rowcount == 0:
                raise KeyError(f"no open launch {client_id}")

    def close_launch(self, client_id: str, reason: str) -> None:
        """Mark a launch without a job as given up (no job will be looked for or created for it)."""
        with self._write() as conn:
            cursor = conn.execute(
                "UPDATE launches SET closed_reason = ? WHERE client_id = ? AND job_id IS NULL",
                (reason, client_id),
            )
            if cursor.rowcount == 0:
                raise KeyError(f"no open launch {client_id}")

    # -- jobs --------------------------------------------------------------------------------------

    def record_job_info(
        self,
        info: JobInfo,
        *,
        provider: str,
        client_id: str | None = None,
        actual_cost: Decimal | str | None = None,
    ) -> bool:
        """Store what a provider said about a job (see :meth:`upsert_job`)."""
        return self.upsert_job(
            info.id,
            provider=provider,
            status=info.status,
            raw_status=info.raw_status,
            client_id=client_id,
            model=info.model,
            fine_tuned_model=info.fine_tuned_model,
            trained_tokens=info.trained_tokens,
            estimated_finish=info.estimated_finish,
            created_at=info.created_at,
            finished_at=info.finished_at,
            error=info.error,
            actual_cost=actual_cost,
            checked_at=_now(),
        )

    def upsert_job(
        self,
        job_id: str,
        *,
        provider: str,
        status: str,
        raw_status: str | None = None,
        client_id: str | None = None,
        model: str | None = None,
        fine_tuned_model: str | None = None,
        trained_tokens: int | None = None,
        estimated_finish: int | str | datetime | None = None,
        created_at: int | str | datetime | None = None,
        finished_at: int | str | datetime | None = None,
        error: str | None = None,
        actual_cost: Decimal | str | None = None,
        at: int | str | datetime | None = None,
        checked_at: int | str | datetime | None = None,
    ) -> bool:
        """Insert or update a job; None keeps the stored value. Returns True when the status changed.

        A status change (or a new job) appends ``(status, at)`` to the status history; ``at`` defaults
        to now. ``client_id`` defaults to the launch attached to this job, if any.
        """
        when = to_unix(at) or _now()
        with self._write() as conn:
            if client_id is None:
                row = conn.execute("SELECT client_id FROM launches WHERE job_id = ?", (job_id,)).fetchone()
                client_id = row[0] if row else None
            old = conn.execute("SELECT status FROM jobs WHERE job_id = ?", (job_id,)).fetchone()
            conn.execute(
                """INSERT INTO jobs (job_id, client_id, provider, model, status, raw_status, fine_tuned_model,
                    trained_tokens, estimated_finish, created_at, finished_at, error, actual_cost, checked_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (job_id) DO UPDATE SET
                    client_id = COALESCE(excluded.client_id, client_id),
                    provider = excluded.provider,
                    model = COALESCE(excluded.model, model),
                    status = excluded.status,
                    raw_status = COALESCE(excluded.raw_status, raw_status),
                    fine_tuned_model = COALESCE(excluded.fine_tuned_model, fine_tuned_model),
                    trained_tokens = COALESCE(excluded.trained_tokens, trained_tokens),
                    estimated_finish = COALESCE(excluded.estimated_finish, estimated_finish),
                    created_at = COALESCE(excluded.created_at, created_at),
                    finished_at = COALESCE(excluded.finished_at, finished_at),
                    error = COALESCE(excluded.error, error),
                    actual_cost = COALESCE(excluded.actual_cost, actual_cost),
                    checked_at = COALESCE(excluded.checked_at, checked_at)""",
                (
                    job_id,
                    client_id,
                    provider,
                    model,
                    status,
                    raw_status,
                    fine_tuned_model,
                    trained_tokens,
                    to_unix(estimated_finish),
                    to_unix(created_at),
                    to_unix(finished_at),
                    error,
                    _money_text(actual_cost),
                    to_unix(checked_at),
                ),
            )
            changed = old is None or old[0] != status
            if changed:
                conn.execute(
                    "INSERT INTO status_history (job_id, status, at) VALUES (?, ?, ?)", (job_id, status, when)
                )
        return changed

    def job(self, job_id: str) -> Job | None:
        rows = self._read("SELECT * FROM jobs WHERE job_id = ?", (job_id,))
        return _job(rows[0]) if rows else None

    def jobs(self, non_terminal_only: bool = False) -> list[Job]:
        """All jobs, newest first; with ``non_terminal_only`` the ones still worth polling."""
        sql = "SELECT * FROM jobs"
        params: list[str] = []
        if non_terminal_only:
            sql += f" WHERE status NOT IN ({', '.join('?' * len(TERMINAL_STATUSES))})"
            params = sorted(TERMINAL_STATUSES)
        sql += " ORDER BY created_at IS NULL, created_at DESC, rowid DESC"
        return [_job(row) for row in self._read(sql, params)]

    def history(self, job_id: str) -> list[StatusChange]:
        rows = self._read("SELECT status, at FROM status_history WHERE job_id = ? ORDER BY id", (job_id,))
        return [StatusChange(row["status"], row["at"]) for row in rows]

    # -- events, checkpoints, metrics -------------------------------------------------------------

    def add_events(self, job_id: str, events: Iterable[Mapping[str, Any]]) -> int:
        """Store provider events (keys id/event_id, created_at, level, message, data); returns how many
        were new. Events without an id are keyed by a hash of their time, level and message."""
        count = 0
        with self._write() as conn:
            for item in events:
                created = to_unix(item.get("created_at"))
                level, message = item.get("level"), item.get("message")
                event_id = _first(item, "event_id", "id")
                if event_id is None:
                    digest = hashlib.sha256(f"{created}|{level}|{message}".encode()).hexdigest()[:24]
                    event_id = f"h:{digest}"
                cursor = conn.execute(
                    "INSERT OR IGNORE INTO events (job_id, event_id, created_at, level, message, data)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (job_id, str(event_id), created, level, message, _dumps(item.get("data"))),
                )
                count += cursor.rowcount
        return count

    def events(self, job_id: str) -> list[Event]:
        """A job's events, oldest first."""
        rows = self._read(
            "SELECT * FROM events WHERE job_id = ? ORDER BY created_at IS NULL, created_at, id", (job_id,)
        )
        return [
            Event(row["event_id"], row["created_at"], row["level"], row["message"], _loads(row["data"]))
            for row in rows
        ]

    def add_checkpoints(self, job_id: str, checkpoints: Iterable[Mapping[str, Any]]) -> int:
        """Store checkpoints (keys id/checkpoint_id, step, metrics); returns how many were new."""
        count = 0
        with self._write() as conn:
            for item in checkpoints:
                checkpoint_id = _first(item, "checkpoint_id", "id")
                if checkpoint_id is None:
                    raise ValueError("a checkpoint needs an id")
                step = _first(item, "step", "step_number")
                cursor = conn.execute(
                    "INSERT OR IGNORE INTO checkpoints (job_id, checkpoint_id, step, metrics)"
                    " VALUES (?, ?, ?, ?)",
                    (job_id, str(checkpoint_id), step, _dumps(item.get("metrics"))),
                )
                count += cursor.rowcount
        return count

    def checkpoints(self, job_id: str) -> list[Checkpoint]:
        rows = self._read(
            "SELECT * FROM checkpoints WHERE job_id = ? ORDER BY step IS NULL, step, id", (job_id,)
        )
        return [Checkpoint(row["checkpoint_id"], row["step"], _loads(row["metrics"])) for row in rows]

    def add_metrics(self, job_id: str, rows: Iterable[Mapping[str, Any]], *, overwrite: bool = False) -> int:
        """Store per-step metrics (OpenAI names such as ``train_mean_token_accuracy`` accepted).

        Idempotent on (job, step): a repeated step only fills values that were missing, or with
        ``overwrite`` (the final result file over live values) replaces the values it has. Returns how
        many steps were new.
        """
        count = 0
        with self._write() as conn:
            for item in rows:
                if item.get("step") in (None, ""):
                    continue
                values = []
                for names in _METRIC_ALIASES.values():
                    value = _first(item, *names)
                    values.append(None if value in (None, "") else float(value))
                exists = conn.execute(
                    "SELECT 1 FROM metrics WHERE job_id = ? AND step = ?", (job_id, int(item["step"]))
                ).fetchone()
                conn.execute(
                    """INSERT INTO metrics (job_id, step, train_loss, train_accuracy, valid_loss, valid_accuracy)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (job_id, step) DO UPDATE SET
                        train_loss = COALESCE({0}train_loss, {1}train_loss),
                        train_accuracy = COALESCE({0}train_accuracy, {1}train_accuracy),
                        valid_loss = COALESCE({0}valid_loss, {1}valid_loss),
                        valid_accuracy = COALESCE({0}valid_accuracy, {1}valid_accuracy)""".format(
                        *(("excluded.", "") if overwrite else ("", "excluded."))
                    ),
                    (job_id, int(item["step"]), *values),
                )
                count += exists is None
        return count

    def metrics(self, job_id: str) -> list[MetricRow]:
        rows = self._read(
            "SELECT step, train_loss, train_accuracy, valid_loss, valid_accuracy FROM metrics"
            " WHERE job_id = ? ORDER BY step",
            (job_id,),
        )
        return [MetricRow(*row) for row in rows]

    # -- calibration -------------------------------------------------------------------------------

    def finished_durations(self, provider: str | None = None) -> list[tuple[str, int, float]]:
        """``(model, trained_tokens, minutes)`` of succeeded jobs with known tokens and times, oldest first.

        ``model`` is the base model of the launch (or the job's own, for jobs found on the provider);
        ``provider`` keeps only that provider's jobs.
        """
        rows = self._read(
            """SELECT COALESCE(l.model, j.model) AS model, j.trained_tokens, j.created_at, j.finished_at,
                j.provider
            FROM jobs j LEFT JOIN launches l ON l.client_id = j.client_id
            WHERE j.status = 'succeeded' AND j.trained_tokens IS NOT NULL AND j.created_at IS NOT NULL
                AND j.finished_at > j.created_at AND COALESCE(l.model, j.model) IS NOT NULL
            ORDER BY j.finished_at, j.rowid"""
        )
        return [
            (row["model"], int(row["trained_tokens"]), (row["finished_at"] - row["created_at"]) / 60.0)
            for row in rows
            if provider is None or row["provider"] == provider
        ]


def _launch(row: sqlite3.Row) -> Launch:
    data = dict(row)
    data["request"] = _loads(data["request"]) or {}
    data["estimate"] = _loads(data["estimate"])
    quote = data["provider_estimate"]
    data["provider_estimate"] = None if quote is None else Decimal(quote)
    return Launch(**data)


def _job(row: sqlite3.Row) -> Job:
    data = dict(row)
    cost = data["actual_cost"]
    data["actual_cost"] = None if cost is None else Decimal(cost)
    return Job(**data)
