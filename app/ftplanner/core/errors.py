"""Errors that carry a message fit to show a user as is (no traceback)."""

from __future__ import annotations

from ftplanner.core.messages import Message, raw


class UserError(Exception):
    """Input the program cannot use; the message names what and where.

    Raised with a :class:`~ftplanner.core.messages.Message` (``.message``), worded per language by the
    front ends; ``str()`` is the English text. A plain string is kept as a raw message.
    """

    def __init__(self, message: Message | str = "", *args: object) -> None:
        self.message = message if isinstance(message, Message) else raw(str(message))
        super().__init__(self.message, *args)

    @property
    def field(self) -> str:
        """Path of the input at fault ("benefits[0].amount"), or ""."""
        return self.message.field


class Refused(UserError):
    """A request that was understood but declined (over budget, model closed, provider refusal)."""


class Cancelled(Exception):
    """A long operation stopped because its cancel flag was set."""


class Failed(UserError):
    """An operation the input was fine for but that could not be completed (disk full, no permission)."""


class WriteFailed(Failed, OSError):
    """A file could not be written; nothing was left half-written. Also an OSError for older handlers."""
