"""Errors that carry a message fit to show a user as is (no traceback)."""


class UserError(Exception):
    """Input the program cannot use; the message names what and where."""


class Refused(UserError):
    """A request that was understood but declined (over budget, model closed, provider refusal)."""


class Cancelled(Exception):
    """A long operation stopped because its cancel flag was set."""


class Failed(UserError):
    """An operation the input was fine for but that could not be completed (disk full, no permission)."""


class WriteFailed(Failed, OSError):
    """A file could not be written; nothing was left half-written. Also an OSError for older handlers."""
