"""Tracking launched jobs: poll the provider, keep the store current, compare actual cost with the estimate.

Plain functions with callbacks and a cancel flag; the GUI runs :func:`track` in a worker thread (passing
``sleep=stop_event.wait`` makes a cancel take effect at once), the CLI calls it directly.
"""

from __future__ import annotations

import contextlib
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ftplanner.core.errors import Cancelled, UserError
from ftplanner.core.money import decimal_or_none
from ftplanner.jobs.store import Job, JobStore, Launch
from ftplanner.providers.base import Event, JobInfo, MetricRow, Provider, ProviderError
from ftplanner.providers.retry import WaitCallback, backoff_delay

MTOK = Decimal(1_000_000)
EVENT_PAGE = 50
MAX_EVENT_PAGES = 100

CancelFlag = Callable[[], bool]
UpdateCallback = Callable[[JobInfo], None]


def _launch_of(store: JobStore, job_id: str) -> Launch | None:
    job = store.job(job_id)
    if job is not None and job.client_id:
        return store.launch(job.client_id)
    return next((launch for launch in store.launches() if launch.job_id == job_id), None)


def _catalog_price(model: str) -> Decimal | None:
    try:
        from ftplanner.core.catalog import load_catalog

        entry = load_catalog().find(model)
    except UserError:
        return None
    if entry is None or entry.price_unknown:
        return None
    return entry.training_per_mtok


def training_price(store: JobStore, info: JobInfo) -> Decimal | None:
    """The catalog price per 1M training tokens for a job: the one stored at launch, else today's catalog."""
    launch = _launch_of(store, info.id)
    if launch is not None and launch.estimate:
        price = decimal_or_none(launch.estimate.get("price_per_mtok"))
        if price is not None:
            return price
    return _catalog_price(info.model)


def actual_cost(trained_tokens: int, price_per_mtok: Decimal) -> Decimal:
    """trained tokens × price per 1M tokens (unrounded)."""
    return Decimal(trained_tokens) * price_per_mtok / MTOK


def _new_events(provider: Provider, store: JobStore, job_id: str) -> list[Event]:
    """Events newer than the stored ones: pages newest first until a known id (or the end)."""
    known = {event.event_id for event in store.events(job_id)}
    found: list[Event] = []
    after: str | None = None
    for _ in range(MAX_EVENT_PAGES):
        page, more = provider.list_events(job_id, after=after, limit=EVENT_PAGE)
        fresh = [event for event in page if event.id not in known]
        found.extend(fresh)
        if not more or not page or len(fresh) < len(page):
            break
        after = page[-1].id
    return found


def provider_label(provider: Provider) -> str:
    """A name for a provider whose jobs are not in the store yet (together, openai, azure, generic)."""
    name = getattr(provider, "name", None) or getattr(getattr(provider, "profile", None), "kind", None)
    return name if isinstance(name, str) else type(provider).__name__


def _metric_rows(rows: list[MetricRow]) -> list[dict[str, Any]]:
    return [
        {
            "step": r.step,
            "train_loss": r.train_loss,
            "train_accuracy": r.train_accuracy,
            "valid_loss": r.valid_loss,
            "valid_accuracy": r.valid_accuracy,
        }
        for r in rows
    ]


def poll_once(provider: Provider, store: JobStore, job_id: str) -> JobInfo:
    """Read a job once and store its status, new events, checkpoints, metrics and actual cost.

    Metrics arrive while the job runs from whatever the provider has: "metrics" events (OpenAI), the
    checkpoints' metrics, or a live metrics endpoint (Together); the full result file is read at the end.
    """
    info = provider.get_job(job_id)
    stored = store.job(job_id)
    launch = _launch_of(store, job_id)
    provider_name = stored.provider if stored else launch.provider if launch else provider_label(provider)
    cost = None
    if info.trained_tokens is not None:
        price = training_price(store, info)
        if price is not None:
            cost = actual_cost(info.trained_tokens, price)
    store.record_job_info(
        info, provider=provider_name, client_id=launch.client_id if launch else None, actual_cost=cost
    )
    events = _new_events(provider, store, job_id)
    events.reverse()  # pages come newest first; stored oldest first, so one second's events keep their order
    if events:
        store.add_events(
            job_id,
            [
                {
                    "id": e.id,
                    "created_at": e.created_at,
                    "level": e.level,
                    "message": e.message,
                    "data": dict(e.data) if e.data else None,
                }
                for e in events
            ],
        )
        store.add_metrics(job_id, [dict(e.data) for e in events if e.data and e.data.get("step") is not None])
    if info.status not in ("validating", "queued"):
        checkpoints = provider.list_checkpoints(job_id)
        store.add_checkpoints(
            job_id, [{"id": c.id, "step": c.step, "metrics": dict(c.metrics)} for c in checkpoints]
        )
        store.add_metrics(job_id, [{**c.metrics, "step": c.step} for c in checkpoints if c.metrics])
    if info.status == "running":
        with contextlib.suppress(ProviderError):  # live metrics are a bonus: the poll itself worked
            store.add_metrics(job_id, _metric_rows(provider.download_metrics(info)))
    if info.status == "succeeded" and (
        stored is None or stored.status != "succeeded" or not store.metrics(job_id)
    ):
        store.add_metrics(job_id, _metric_rows(provider.download_metrics(info)), overwrite=True)
    return info


def training_progress(store: JobStore, job_id: str) -> tuple[int | None, int | None]:
    """(steps done, total steps) as far as the provider told: metric events carry both, metrics the steps."""
    done: int | None = None
    total: int | None = None
    for event in store.events(job_id):
        data = event.data if isinstance(event.data, dict) else {}
        if isinstance(data.get("step"), int):
            done = max(done or 0, data["step"])
        if isinstance(data.get("total_steps"), int):
            total = data["total_steps"]
    metrics = store.metrics(job_id)
    if metrics:
        done = max(done or 0, metrics[-1].step)
    return done, total


def track(
    provider: Provider,
    store: JobStore,
    job_id: str,
    *,
    interval: float = 30,
    max_interval: float = 300,
    sleep: Callable[[float], object] = time.sleep,
    cancel: CancelFlag | None = None,
    on_update: UpdateCallback | None = None,
    give_up_after: float | None = None,
    on_error: WaitCallback | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> JobInfo:
    """Poll ``job_id`` until it ends; returns its final state.

    Retryable provider errors back off exponentially from ``interval`` up to ``max_interval`` (longer
    when the provider's Retry-After asks for it); a successful poll resets the backoff. ``on_error`` sees
    each such error with the wait and the seconds left; once the provider has failed for ``give_up_after``
    seconds in a row, a :class:`ProviderError` saying so is raised. Other errors propagate. Raises
    :class:`Cancelled` when ``cancel()`` turns true.
    """
    failures = 0
    failing_since: float | None = None
    while True:
        if cancel is not None and cancel():
            raise Cancelled
        try:
            info = poll_once(provider, store, job_id)
        except ProviderError as exc:
            if not exc.retryable:
                raise
            now = clock()
            failing_since = now if failing_since is None else failing_since
            failures += 1
            delay = backoff_delay(failures, interval, max_interval, exc.retry_after)
            left = math.inf if give_up_after is None else give_up_after - (now - failing_since)
            if left <= 0:
                raise ProviderError(
                    f"{exc}; gave up after {now - failing_since:.0f} s without an answer (the job keeps"
                    " running at the provider)",
                    status_code=exc.status_code,
                    code=exc.code,
                ) from None
            delay = min(delay, left)
            if on_error is not None:
                on_error(exc, delay, left)
            sleep(delay)
            continue
        failures, failing_since = 0, None
        if on_update is not None:
            on_update(info)
        if info.is_terminal:
            return info
        if cancel is not None and cancel():
            raise Cancelled
        sleep(interval)


def active_jobs(store: JobStore) -> list[Job]:
    """Stored jobs that have not ended: what to resume tracking after a restart."""
    return store.jobs(non_terminal_only=True)


OVERRUN_PERCENT = 20.0  # an actual cost this far above the estimate is highlighted and explained


@dataclass(frozen=True)
class CostCheck:
    """A job's actual cost against its estimate, with what explains a difference."""

    estimated: Decimal | None
    actual: Decimal | None
    error: float | None  # in % of the estimate
    trained_tokens: int | None
    estimated_tokens: int | None  # training tokens × epochs, as estimated
    price_per_mtok: Decimal | None  # the price the actual cost was computed with

    @property
    def ratio(self) -> float | None:
        if self.actual is None or not self.estimated:
            return None
        return float(self.actual / self.estimated)

    @property
    def overrun(self) -> bool:
        return self.error is not None and self.error > OVERRUN_PERCENT


def cost_check(store: JobStore, job_id: str) -> CostCheck:
    """Actual cost against the estimate, with trained against estimated tokens and the price used."""
    estimated, actual, error = cost_report(store, job_id)
    job = store.job(job_id)
    launch = _launch_of(store, job_id)
    record = launch.estimate if launch and launch.estimate else {}
    tokens = record.get("training_charged_tokens")
    price = None
    if job is not None and job.trained_tokens is not None:
        price = decimal_or_none(record.get("price_per_mtok")) or _catalog_price(job.model or "")
    return CostCheck(
        estimated,
        actual,
        error,
        job.trained_tokens if job else None,
        int(tokens) if isinstance(tokens, int) else None,
        price,
    )


def cost_report(store: JobStore, job_id: str) -> tuple[Decimal | None, Decimal | None, float | None]:
    """(estimated training cost, actual cost, error in % of the estimate); None where unknown."""
    job = store.job(job_id)
    if job is None:
        raise UserError(f"no stored job {job_id}")
    launch = _launch_of(store, job_id)
    estimated = decimal_or_none(launch.estimate.get("training_cost")) if launch and launch.estimate else None
    actual = job.actual_cost
    error = None
    if estimated is not None and actual is not None and estimated != 0:
        error = float((actual - estimated) / estimated * 100)
    return estimated, actual, error
