"""Core messages in the GUI's language: the same catalog as the command line and the report."""

from __future__ import annotations

from ftplanner.core.messages import message_of, render

_current = ["en"]


def set_language(lang: str) -> None:
    """The language core messages are worded in (set with the Qt translator)."""
    _current[0] = lang


def language() -> str:
    return _current[0]


def say(text: str) -> str:
    """A core message (or plain text) in the GUI's language."""
    return render(text, _current[0])


def say_error(error: BaseException) -> str:
    """What an exception from the core says, in the GUI's language."""
    return render(message_of(error), _current[0])
