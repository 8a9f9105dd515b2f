"""The one retry policy for provider calls: exponential backoff that honours Retry-After, for a bounded time.

Every provider's reads, the launch's reconciling look-ups, ``jobs watch`` and the GUI poller use
:func:`backoff_delay`; headers are read by :func:`parse_retry_after`; :func:`retry` runs a call until it
works, fails for good, or would go past its deadline.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable, Mapping
from typing import TypeVar

from ftplanner.providers.base import ProviderError

_T = TypeVar("_T")

RECONCILE_SECONDS = 300.0  # how long a launch keeps asking whether its job or file exists
FIRST_DELAY = 1.0
MAX_DELAY = 60.0

#: Called before each wait with (the error, seconds about to wait, seconds left before giving up).
WaitCallback = Callable[[ProviderError, float, float], None]


def parse_retry_after(headers: Mapping[str, str] | None, now: float | None = None) -> float | None:
    """Seconds a server asked to wait: ``retry-after-ms``, or ``retry-after`` in seconds or as an HTTP date."""
    if not headers:
        return None
    try:
        if headers.get("retry-after-ms"):
            return max(0.0, float(headers["retry-after-ms"]) / 1000)
        value = headers.get("retry-after")
        if not value:
            return None
        try:
            return max(0.0, float(value))
        except ValueError:
            when = email.utils.parsedate_to_datetime(value)
            return max(0.0, when.timestamp() - (time.time() if now is None else now))
    except (TypeError, ValueError, OverflowError):
        return None


def backoff_delay(
    failures: int, interval: float, max_interval: float, retry_after: float | None = None
) -> float:
    """Seconds to wait after ``failures`` failures in a row: ``interval``·2^failures, capped at
    ``max_interval``, but never less than the server's ``retry_after``."""
    delay = min(max_interval, interval * 2 ** max(0, failures))
    if retry_after is not None:
        delay = max(delay, retry_after)
    return delay


def retry(
    call: Callable[[], _T],
    *,
    give_up_after: float = RECONCILE_SECONDS,
    first_delay: float = FIRST_DELAY,
    max_delay: float = MAX_DELAY,
    sleep: Callable[[float], object] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    on_wait: WaitCallback | None = None,
) -> _T:
    """``call()`` again after each retryable :class:`ProviderError` until it works or ``give_up_after``
    seconds would pass; then the last error is raised. Other errors are raised at once."""
    start = clock()
    failures = 0
    slept = 0.0  # counts too when ``sleep`` does not really wait (tests)
    while True:
        try:
            return call()
        except ProviderError as exc:
            if not exc.retryable:
                raise
            delay = backoff_delay(failures, first_delay, max_delay, exc.retry_after)
            left = give_up_after - max(clock() - start, slept)
            if delay > left:
                raise
            failures += 1
            if on_wait is not None:
                on_wait(exc, delay, left)
            sleep(delay)
            slept += delay
