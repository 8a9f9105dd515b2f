"""Errors that carry a message fit to show a user as is (no traceback)."""


class UserError(Exception):
    """Input the program cannot use; the message names what and where."""


class Refused(UserError):
    """A request that was understood but declined (over budget, model closed, provider refusal)."""


class Cancelled(Exception):
    """A long operation stopped because its cancel flag was set."""
