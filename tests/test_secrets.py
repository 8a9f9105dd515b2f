"""API keys: OS keyring only, session-only fallback, env-var fallback, redaction. Never the real keyring."""

from __future__ import annotations

from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from keyring.errors import KeyringError

from ftplanner.core.errors import UserError
from ftplanner.jobs.secrets import (
    MASK,
    SERVICE,
    clear_session,
    delete_key,
    has_session_key,
    keyring_status,
    load_key,
    redact,
    save_key,
)
from ftplanner.jobs.store import JobStore
from ftplanner.providers import registry
from keyring_helpers import MemoryKeyring

KEY = "sk-proj-TESTKEY0123456789abcdefABCDEF"


class BrokenKeyring(MemoryKeyring):
    """A keyring that fails the way a locked or absent Secret Service does (and leaks the password)."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringError("Secret Service is locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringError(f"could not store {password!r}")


def files_under(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()]


def test_save_load_delete_in_keyring(_test_keyring: MemoryKeyring) -> None:
    assert save_key("work", f"  {KEY}\n") is True
    assert _test_keyring.passwords == {(SERVICE, "work"): KEY}
    assert not has_session_key("work")
    assert load_key("work") == KEY
    assert load_key("other") is None
    delete_key("work")
    delete_key("work")  # a missing key is fine
    assert load_key("work") is None and _test_keyring.passwords == {}
    status = keyring_status()
    assert status.usable and "MemoryKeyring" in status.backend
    usable, backend, message = status
    assert usable and backend in message


def test_bad_input_is_refused_without_the_key() -> None:
    with pytest.raises(UserError, match="empty"):
        save_key("work", "   ")
    with pytest.raises(UserError) as info:
        save_key("", KEY)
    assert KEY not in str(info.value) and KEY not in repr(info.value)


def test_fail_backend_keeps_the_key_for_the_session_only(_isolated_home: Path) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    status = keyring_status()
    assert not status.usable and "session only" in status.message
    assert save_key("work", KEY) is False
    assert has_session_key("work") and load_key("work") == KEY
    with JobStore() as store:  # other user state written meanwhile must not hold the key either
        store.record_launch(profile="work", provider="openai", model="m", training_file="t.jsonl")
    written = files_under(_isolated_home)
    assert written
    for path in written:
        assert KEY.encode() not in path.read_bytes(), path
    delete_key("work")
    assert load_key("work") is None
    clear_session()


def test_backend_errors_fall_back_to_session_and_hide_the_key() -> None:
    keyring.set_keyring(BrokenKeyring())
    assert save_key("work", KEY) is False
    assert load_key("work") == KEY
    status = keyring_status()
    assert not status.usable and "failed" in status.message
    assert KEY not in status.message and KEY not in repr(status)
    assert MASK in status.message


def test_plaintext_keyring_is_not_used() -> None:
    plaintext = type("PlaintextKeyring", (MemoryKeyring,), {"__module__": "keyrings.alt.file"})()
    keyring.set_keyring(plaintext)
    assert not keyring_status().usable
    assert save_key("work", KEY) is False
    assert plaintext.passwords == {}


def test_env_var_fallback(monkeypatch: pytest.MonkeyPatch, _test_keyring: MemoryKeyring) -> None:
    assert load_key("openai", env_var="OPENAI_API_KEY") is None
    monkeypatch.setenv("OPENAI_API_KEY", "from-env")
    assert load_key("openai", env_var="OPENAI_API_KEY") == "from-env"
    assert load_key("openai") is None  # no env var named, no fallback
    save_key("openai", KEY)
    assert load_key("openai", env_var="OPENAI_API_KEY") == KEY  # keyring wins
    keyring.set_keyring(keyring.backends.fail.Keyring())
    monkeypatch.setenv("TOGETHER_API_KEY", "together-env")
    assert load_key("together", env_var=registry.spec("together").env_var) == "together-env"


def test_redact() -> None:
    text = f"401 for key {KEY} (Authorization: Bearer abcdefgh12345678; api_key=zyxwvut987654321)"
    cleaned = redact(text)
    assert KEY not in cleaned and "abcdefgh12345678" not in cleaned and "zyxwvut987654321" not in cleaned
    assert cleaned.count(MASK) == 3 and "Bearer ••••" in cleaned
    together_key = "0123456789abcdef" * 4
    assert redact(f"bad key {together_key}!", together_key) == f"bad key {MASK}!"
    assert redact("plain text", "", None, "ab") == "plain text"
    keyring.set_keyring(keyring.backends.fail.Keyring())
    save_key("p", "session-secret-value")
    assert redact("leaked session-secret-value") == f"leaked {MASK}"
