"""``ftplanner`` command line: headless commands over the same core the GUI uses.

Each subcommand lives in its own module with ``register(subparsers)``, which adds a parser whose
``func(args) -> int`` runs it. Exit codes: 0 success, 1 refused or failed, 2 unusable input (one line on stderr).

Only the module of the command being run is imported (``--version`` imports none), so a command never
pays for another's dependencies: ``analyze`` starts without the provider SDKs, Qt or matplotlib.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import NoReturn

from ftplanner import __version__

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_UNUSABLE = 2


COMMANDS = (
    "analyze",
    "models",
    "catalog",
    "estimate",
    "rates",
    "roi",
    "plan",
    "jobs",
    "report",
)  # in the order of the help


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line: ``ftplanner: --epochs: must be at least 1``."""

    def error(self, message: str) -> NoReturn:
        message = message.removeprefix("argument ")
        command = self.prog.removeprefix("ftplanner").strip()
        hint = f"`{self.prog} --help`"
        self.exit(EXIT_UNUSABLE, f"ftplanner: {command + ': ' if command else ''}{message} (see {hint})\n")


def _command_modules(names: Sequence[str]) -> list[ModuleType]:
    return [importlib.import_module(f"ftplanner.cli.{name}") for name in names]


def _subcommand_modules() -> list[ModuleType]:
    return _command_modules(COMMANDS)


def _commands_needed(args: Sequence[str]) -> Sequence[str] | None:
    """The commands whose parsers ``args`` need: the one named, none for ``--version``, else all (None).

    The top-level options take no value but ``--lang``, so the first other argument not starting with "-"
    names the command.
    """
    words = [arg for i, arg in enumerate(args) if not (i and args[i - 1] == "--lang")]
    command = next((arg for arg in words if not arg.startswith("-")), None)
    if command in COMMANDS:
        return (command,)
    if command is None and "--version" in args and not {"-h", "--help"} & set(args):
        return ()
    return None


def build_parser(commands: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command-line parser with the given commands' parsers (all of them by default)."""
    from ftplanner.core.messages import LANGUAGES

    parser = _Parser(
        prog="ftplanner",
        description="Plan, price and track LLM fine-tunes. Without a command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"ftplanner {__version__}")
    parser.add_argument(
        "--lang",
        dest="ui_lang",
        choices=LANGUAGES,
        help="language of messages and reports (default: from LANG / LC_ALL / LC_MESSAGES, else en)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = _subcommand_modules() if commands is None else _command_modules(commands)
    for module in modules:
        module.register(subparsers)
    return parser


_telling: list[bool] = []


def _tell_on_stderr() -> None:
    """Print what the state-file layer announces (a damaged file kept aside) as one warning line each."""
    if not _telling:
        from ftplanner.cli.say import say
        from ftplanner.core import statefile

        statefile.listen(lambda line: print(f"ftplanner: warning: {say(line)}", file=sys.stderr))
        _telling.append(True)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list:
        from ftplanner.gui.app import run_gui

        return run_gui(args_list)
    if args_list == ["--version"]:  # answered before any other import (argparse prints the same)
        print(f"ftplanner {__version__}")
        return EXIT_OK
    import sqlite3

    from ftplanner.cli.say import set_language
    from ftplanner.core.errors import Cancelled, Failed, Refused, UserError
    from ftplanner.core.messages import language_from_env, render

    parser = build_parser(_commands_needed(args_list))
    args = parser.parse_args(args_list)
    args.ui_lang = args.ui_lang or language_from_env()
    lang = args.ui_lang
    set_language(lang)
    _tell_on_stderr()
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_OK
    try:
        return int(args.func(args))
    except (Refused, Failed) as exc:
        print(f"ftplanner: {render(exc.message, lang)}", file=sys.stderr)
        return EXIT_REFUSED
    except UserError as exc:
        print(f"ftplanner: {render(exc.message, lang)}", file=sys.stderr)
        return EXIT_UNUSABLE
    except Cancelled:
        print("ftplanner: cancelled", file=sys.stderr)
        return 130
    except KeyboardInterrupt:
        print("ftplanner: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # last resort: a file the command could not write or read
        from ftplanner.core.statefile import os_error_text

        name = exc.filename2 or exc.filename  # a rename names its target second
        where = Path(name) if name else Path(".")
        print(
            f"ftplanner: {render(os_error_text(exc, where, 'complete the command'), lang)}", file=sys.stderr
        )
        return EXIT_REFUSED
    except sqlite3.Error as exc:  # last resort: the job store failed under the command
        print(f"ftplanner: the job store failed ({exc})", file=sys.stderr)
        return EXIT_REFUSED


if __name__ == "__main__":
    sys.exit(main())
