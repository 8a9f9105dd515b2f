"""Background work for pages: one runner per page; starting a task cancels the previous one.

A task is a plain function ``fn(progress, cancelled) -> result`` (``progress(fraction, text)``,
``cancelled() -> bool``), the same shape the core's long operations take. It runs in a QThread and
never touches widgets; results, errors and throttled progress come back to the GUI thread by signal.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThread, Signal

from ftplanner.core.errors import Cancelled, UserError
from ftplanner.gui.say import say_error

if TYPE_CHECKING:  # the analyzer (and tiktoken) load when the first analysis runs, after the window shows
    from ftplanner.core.catalog import ModelEntry
    from ftplanner.core.result import AnalysisResult

_LIVE: set[QThread] = set()


def live_threads() -> list[QThread]:
    """Task threads not yet finished (tests check none is left behind)."""
    return [thread for thread in _LIVE if thread.isRunning()]


def failure_text(exc: Exception) -> str:
    """What a failed task tells the user: a UserError's message; otherwise one line, the details to the log."""
    if isinstance(exc, UserError):
        return say_error(exc)
    traceback.print_exc()
    return f"Unexpected error: {type(exc).__name__}: {exc}"


Task = Callable[[Callable[[float, str], None], Callable[[], bool]], Any]
PROGRESS_INTERVAL = 0.1  # seconds between progress signals


class _Thread(QThread):
    def __init__(self, runner: TaskRunner, generation: int, task: Task, cancel: threading.Event) -> None:
        super().__init__()
        self._runner = runner
        self._generation = generation
        self._task = task
        self._cancel = cancel
        self._last_progress = 0.0

    def _progress(self, fraction: float, text: str = "") -> None:
        now = time.monotonic()
        if now - self._last_progress >= PROGRESS_INTERVAL or fraction >= 1.0:
            self._last_progress = now
            self._runner._progress.emit(self._generation, fraction, text)

    def run(self) -> None:
        try:
            result = self._task(self._progress, self._cancel.is_set)
        except Cancelled:
            self._runner._cancelled.emit(self._generation)
        except Exception as exc:
            self._runner._failed.emit(self._generation, failure_text(exc))
        else:
            if self._cancel.is_set():
                self._runner._cancelled.emit(self._generation)
            else:
                self._runner._done.emit(self._generation, result)


class TaskRunner(QObject):
    """Runs one task at a time for its owner; stale results from replaced tasks are dropped."""

    progress = Signal(float, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    busy_changed = Signal(bool)

    _progress = Signal(int, float, str)
    _done = Signal(int, object)
    _failed = Signal(int, str)
    _cancelled = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._cancel: threading.Event | None = None
        self._threads: set[_Thread] = set()
        self._progress.connect(self._on_progress)
        self._done.connect(self._on_done)
        self._failed.connect(self._on_failed)
        self._cancelled.connect(self._on_cancelled)

    @property
    def busy(self) -> bool:
        return self._cancel is not None

    def start(self, task: Task) -> None:
        """Cancel whatever runs now and start ``task``."""
        self.cancel()
        self._generation += 1
        self._cancel = threading.Event()
        thread = _Thread(self, self._generation, task, self._cancel)
        self._threads.add(thread)
        _LIVE.add(thread)
        thread.finished.connect(lambda: (self._threads.discard(thread), _LIVE.discard(thread)))
        thread.start()
        self.busy_changed.emit(True)

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self._cancel = None
            self.busy_changed.emit(False)
            self.cancelled.emit()

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Block until every thread has ended (for shutdown and tests)."""
        return all(thread.wait(timeout_ms) for thread in list(self._threads))

    def shutdown(self) -> None:
        self.cancel()
        self.wait()

    def _current(self, generation: int) -> bool:
        return generation == self._generation and self._cancel is not None

    def _on_progress(self, generation: int, fraction: float, text: str) -> None:
        if self._current(generation):
            self.progress.emit(fraction, text)

    def _on_done(self, generation: int, result: object) -> None:
        if self._current(generation):
            self._cancel = None
            self.busy_changed.emit(False)
            self.finished.emit(result)

    def _on_failed(self, generation: int, message: str) -> None:
        if self._current(generation):
            self._cancel = None
            self.busy_changed.emit(False)
            self.failed.emit(message)

    def _on_cancelled(self, generation: int) -> None:
        if self._current(generation):
            self._cancel = None
            self.busy_changed.emit(False)
            self.cancelled.emit()


def analysis_task(path: Path, encoding: str, entries: Sequence[ModelEntry]) -> Task:
    """A task analysing ``path`` for ``encoding`` at the limits of the catalog entries using it."""

    def task(progress: Callable[[float, str], None], cancelled: Callable[[], bool]) -> AnalysisResult:
        from ftplanner.core.estimate import analyze_for

        return analyze_for(
            path,
            encoding,
            entries,
            progress=lambda fraction, lines: progress(fraction, f"{lines:,}"),
            cancel=cancelled,
        )

    return task
