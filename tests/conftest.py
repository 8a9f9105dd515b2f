"""Test harness: every test gets its own FTPLANNER_HOME and cannot reach beyond loopback."""

from __future__ import annotations

import faulthandler
import ipaddress
import os
import socket
import threading

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "QtAgg")

WATCHDOG_SECONDS = 420  # past pytest-timeout's 300 s: only a test that stopped even that one meets it
_watchdog_stderr: int | None = None

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _is_loopback(address: object) -> bool:
    if isinstance(address, tuple) and address:
        host = str(address[0])
        if host == "localhost":
            return True
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return False
    return isinstance(address, (str, bytes))  # AF_UNIX paths


def _guarded(real):
    def connect(self: socket.socket, address: object):
        if not _is_loopback(address):
            raise ConnectionRefusedError(f"tests may not reach the network ({address!r})")
        return real(self, address)

    return connect


def pytest_configure(config: pytest.Config) -> None:
    global _watchdog_stderr
    _watchdog_stderr = os.dup(2)  # the terminal's stderr: output capture is not active yet


@pytest.fixture(autouse=True)
def _deadlock_watchdog():
    """End the run, with every thread's stack, when a test hangs while holding the GIL (a deadlock in Qt).

    pytest-timeout's watchdog is a Python thread, so such a test stops it too; faulthandler's is a C thread.
    """
    if _watchdog_stderr is None:
        yield
        return
    faulthandler.dump_traceback_later(WATCHDOG_SECONDS, exit=True, file=_watchdog_stderr)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("ftplanner-home")
    monkeypatch.setenv("FTPLANNER_HOME", str(home))
    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", str(tmp_path_factory.mktemp("no-tiktoken-cache")))
    from ftplanner.providers import registry

    for spec in registry.all_kinds():  # every provider's key and setting variables
        for key in (*spec.key_env_vars, *(f.env_var for f in spec.fields if f.env_var)):
            monkeypatch.delenv(key, raising=False)
    for key in ("OPENAI_API_KEY", "TOGETHER_API_KEY", "AZURE_OPENAI_API_KEY"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setattr(socket.socket, "connect", _guarded(_real_connect))
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded(_real_connect_ex))
    return home


@pytest.fixture(autouse=True)
def _no_dangling_threads(request: pytest.FixtureRequest):
    """Fail a test that leaves a Python thread or QThread running (napari's _dangling_qthreads)."""
    before = set(threading.enumerate())
    yield
    if "qtbot" not in request.fixturenames:
        return
    from PySide6.QtCore import QThread

    from ftplanner.gui import tasks

    leftover = [t for t in threading.enumerate() if t not in before and t.is_alive() and not t.daemon]
    running = [
        thread for thread in tasks.live_threads() if isinstance(thread, QThread) and thread.isRunning()
    ]
    if leftover or running:
        pytest.fail(f"test left threads running: {leftover + running}")


class DialogLog(list):
    """(kind, text) of every message box shown; ``answers[kind]`` is what the next one returns."""

    def __init__(self) -> None:
        super().__init__()
        self.answers: dict[str, object] = {}


@pytest.fixture(autouse=True)
def dialogs(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    """Modal message boxes never block a GUI test: calls are recorded and answered from ``answers``."""
    calls = DialogLog()
    if "qtbot" not in request.fixturenames:
        yield calls
        return
    from PySide6.QtWidgets import QMessageBox

    answers = calls.answers
    answers["question"] = QMessageBox.StandardButton.No

    def fake(kind: str):
        def show(parent, title, text, *args, **kwargs):
            calls.append((kind, text))
            return answers.get(kind, QMessageBox.StandardButton.Ok)

        return show

    for kind in ("question", "warning", "information", "critical", "about"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(fake(kind)))
    yield calls


@pytest.fixture(autouse=True)
def _test_keyring():
    """An in-memory keyring and an empty key session for every test; the previous backend is restored."""
    import keyring

    from ftplanner.jobs.secrets import clear_session
    from keyring_helpers import MemoryKeyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    clear_session()
    try:
        yield backend
    finally:
        clear_session()
        keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def _english_core_messages():
    """Core messages in the GUI start each test in English (a test that opens the app in Japanese sets it)."""
    from ftplanner.gui import say

    say.set_language("en")
    yield
    say.set_language("en")
