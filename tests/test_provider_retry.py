"""The one retry policy: Retry-After parsing, backoff, and a bounded retry loop."""

from __future__ import annotations

import email.utils

import pytest

from ftplanner.providers.base import ProviderError
from ftplanner.providers.retry import backoff_delay, parse_retry_after, retry


def test_retry_after_in_seconds_milliseconds_and_as_a_date() -> None:
    assert parse_retry_after({"retry-after": "7"}) == 7
    assert parse_retry_after({"retry-after-ms": "1500", "retry-after": "9"}) == 1.5
    date = email.utils.formatdate(1_000_030, usegmt=True)
    assert parse_retry_after({"retry-after": date}, now=1_000_000) == 30
    assert parse_retry_after({"retry-after": "-3"}) == 0
    assert parse_retry_after({"retry-after": "soon"}) is None and parse_retry_after(None) is None


def test_backoff_doubles_up_to_the_cap_but_never_below_retry_after() -> None:
    assert [backoff_delay(n, 1, 10) for n in range(6)] == [1, 2, 4, 8, 10, 10]
    assert backoff_delay(0, 1, 10, retry_after=30) == 30


def _failing(times: int, retry_after: float | None = None):
    calls: list[int] = []

    def call() -> str:
        calls.append(1)
        if len(calls) <= times:
            raise ProviderError("HTTP 429", status_code=429, retryable=True, retry_after=retry_after)
        return "ok"

    return call, calls


def test_retry_waits_as_asked_and_reports_each_wait() -> None:
    call, calls = _failing(3, retry_after=1)
    waits: list[tuple[float, float]] = []
    slept: list[float] = []
    result = retry(
        call, give_up_after=60, sleep=slept.append, on_wait=lambda exc, d, left: waits.append((d, left))
    )
    assert result == "ok" and len(calls) == 4 and slept == [1, 2, 4]
    assert [d for d, _ in waits] == slept and waits[0][1] > waits[-1][1]


def test_retry_gives_up_once_the_next_wait_would_pass_the_deadline() -> None:
    call, calls = _failing(100)
    slept: list[float] = []
    with pytest.raises(ProviderError, match="429"):
        retry(call, give_up_after=10, sleep=slept.append)
    assert slept == [1, 2, 4] and len(calls) == 4  # 7 s waited; 8 more would pass 10
    call, calls = _failing(100, retry_after=3600)
    with pytest.raises(ProviderError):
        retry(call, give_up_after=300, sleep=slept.append)
    assert len(calls) == 1


def test_other_errors_are_not_retried() -> None:
    calls: list[int] = []

    def call() -> None:
        calls.append(1)
        raise ProviderError("HTTP 400", status_code=400)

    with pytest.raises(ProviderError, match="400"):
        retry(call, sleep=lambda s: None)
    assert calls == [1]
