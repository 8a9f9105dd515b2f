"""The JSON-over-HTTP transport the REST providers (Together, Fireworks) share: one request with every
failure turned into a one-line :class:`ProviderError`, and JSON requests retried by the one retry policy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx2

from ftplanner.providers.base import ProviderError
from ftplanner.providers.retry import backoff_delay

MAX_RETRY_WAIT = 8.0


def send(
    client: httpx2.Client,
    method: str,
    url: str,
    *,
    name: str,
    action: str,
    status_error: Callable[[httpx2.Response, str], ProviderError],
    **kwargs: Any,
) -> httpx2.Response:
    """One request; a timeout, a dropped connection or an HTTP error status becomes a ProviderError."""
    try:
        response = client.request(method, url, **kwargs)
    except httpx2.TimeoutException:
        raise ProviderError(f"{name}: {action} timed out", retryable=True) from None
    except httpx2.TransportError as exc:
        raise ProviderError(
            f"{name}: {action} failed: could not connect ({type(exc).__name__})", retryable=True
        ) from None
    if response.status_code >= 400:
        raise status_error(response, action)
    return response


def request_json(
    send_once: Callable[[], httpx2.Response],
    *,
    name: str,
    action: str,
    retries: int,
    sleep: Callable[[float], None],
    empty: Any = None,
) -> Any:
    """The JSON answer of ``send_once()``, retried ``retries`` more times on retryable failures; an empty
    answer is ``empty`` when given (else it must be JSON)."""
    for attempt in range(retries + 1):
        try:
            response = send_once()
            break
        except ProviderError as exc:
            if not exc.retryable or attempt == retries:
                raise
            sleep(min(MAX_RETRY_WAIT, backoff_delay(attempt, 0.5, MAX_RETRY_WAIT, exc.retry_after)))
    if empty is not None and not response.content:
        return empty
    try:
        return response.json()
    except ValueError:
        raise ProviderError(
            f"{name}: {action} failed: the answer is not JSON (HTTP {response.status_code})"
        ) from None
