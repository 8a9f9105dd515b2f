"""Shared helpers for GUI tests."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"


def wait_idle(qtbot, runner, timeout: int = 60_000) -> None:
    qtbot.waitUntil(lambda: not runner.busy, timeout=timeout)


def screenshot(widget: QWidget, name: str) -> Path:
    """Save a PNG of ``widget`` under tests/screenshots (ignored by git) for a person to look at."""
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    assert widget.grab().save(str(path))
    return path
