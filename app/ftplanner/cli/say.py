"""The language the command line speaks (set once by ``main`` from ``--lang`` or the locale)."""

from __future__ import annotations

from ftplanner.core.messages import render

_current = ["en"]


def set_language(lang: str) -> None:
    _current[0] = lang


def language() -> str:
    return _current[0]


def say(text: str) -> str:
    """A core message (or plain text) in the command line's language."""
    return render(text, _current[0])
