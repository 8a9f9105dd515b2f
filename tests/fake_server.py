"""What the loopback fake provider servers share: recorded requests, scripted faults, stored objects."""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Recorded:
    """One request the server saw."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body or b"null")


@dataclass
class Fault:
    """What the next matching request gets instead of a normal answer."""

    status: int = 500
    body: dict[str, Any] | None = None
    retry_after: str | None = None
    drop: bool = False  # close the connection before handling the request
    drop_after: bool = False  # handle the request (e.g. store the file or job), then close without answering
    delay: float = 0.0  # >0: handle normally (the job is created), then answer after this long
    stall: float = 0.0  # >0: wait this long without handling the request, then drop it (never processed)


@dataclass
class FakeState:
    """What a fake server saw and stores, and the faults scripted for its next requests."""

    requests: list[Recorded] = field(default_factory=list)
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    file_content: dict[str, bytes] = field(default_factory=dict)
    jobs: dict[str, dict[str, Any]] = field(default_factory=dict)
    base_url: str = ""
    _faults: dict[tuple[str, str], list[Fault]] = field(default_factory=dict)
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    _lock: threading.Lock = field(default_factory=threading.Lock)
    stopping: threading.Event = field(default_factory=threading.Event)

    def fail(self, method: str, path: str, times: int = 1, **fault: Any) -> None:
        """The next ``times`` ``method`` requests to ``path`` (after /v1) get ``Fault(**fault)``."""
        self._faults.setdefault((method, path), []).extend(Fault(**fault) for _ in range(times))

    def take_fault(self, method: str, path: str) -> Fault | None:
        with self._lock:
            queue = self._faults.get((method, path))
            return queue.pop(0) if queue else None

    def seen(self, method: str, path: str) -> list[Recorded]:
        """Requests received for ``method`` + ``path`` (after /v1)."""
        return [r for r in self.requests if r.method == method and r.path == path]
