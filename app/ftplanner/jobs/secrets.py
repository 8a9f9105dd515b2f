"""API keys: kept only in the OS keyring (service ``ftplanner``, username = profile name).

When no usable keyring exists (``keyring.backends.fail.Keyring``, a backend raising ``KeyringError``, or a
plaintext backend from ``keyrings.alt``), a saved key lives in this process's memory only and is gone at
exit; it is never written to a file. :func:`load_key` looks in the keyring, then the session store, then
an environment variable (for non-interactive use). Nothing here puts a key into an exception, repr or log:
use :func:`redact` on any text that might hold one.
"""

from __future__ import annotations

import os
import re
from typing import NamedTuple

import keyring
import keyring.backends.fail
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordDeleteError

from ftplanner.core.errors import UserError

SERVICE = "ftplanner"
MASK = "••••"
MIN_REDACT_LENGTH = 4

_session: dict[str, str] = {}
_failure: tuple[KeyringBackend, str] | None = None  # the backend that last failed, and why

_TOKEN_PATTERNS = (
    re.compile(r"\bsk-[A-Za-z0-9_\-]{8,}"),
    re.compile(r"(?i)(\bbearer\s+)[A-Za-z0-9._~+/=\-]{8,}"),
    re.compile(r"(?i)(\bapi[-_]key[\"']?\s*[:=]\s*[\"']?)[A-Za-z0-9._~+/=\-]{8,}"),
)


class KeyringStatus(NamedTuple):
    """Whether keys can be kept in the OS keyring, which backend is in use, and a sentence for the user."""

    usable: bool
    backend: str
    message: str


def redact(text: str, *keys: str | None) -> str:
    """``text`` with every given key, every session key and ``sk-…``/bearer-looking token replaced by ••••.

    Keys shorter than four characters are ignored (they would mask ordinary words).
    """
    secrets = {k for k in (*keys, *_session.values()) if k and len(k) >= MIN_REDACT_LENGTH}
    for key in sorted(secrets, key=len, reverse=True):
        text = text.replace(key, MASK)
    for pattern in _TOKEN_PATTERNS:
        text = pattern.sub(lambda m: (m.group(1) if m.groups() else "") + MASK, text)
    return text


def _backend_name(backend: KeyringBackend) -> str:
    cls = type(backend)
    name = getattr(backend, "name", "") or cls.__name__
    return f"{name} ({cls.__module__}.{cls.__qualname__})"


def _unusable_reason(backend: KeyringBackend) -> str | None:
    if isinstance(backend, keyring.backends.fail.Keyring):
        return "No system keyring is available (no Secret Service, Keychain or Credential Manager)."
    module = type(backend).__module__
    if module.startswith("keyrings.alt"):
        return "The configured keyring stores keys in a plain file, which FT Planner does not use."
    if module == "keyring.backends.null":
        return "The keyring is disabled (null backend)."
    if _failure is not None and _failure[0] is backend:
        return _failure[1]
    return None


def _usable_backend() -> KeyringBackend | None:
    backend = keyring.get_keyring()
    return None if _unusable_reason(backend) else backend


def _note_failure(backend: KeyringBackend, exc: BaseException, *secrets: str) -> None:
    global _failure
    detail = redact(str(exc), *secrets) or type(exc).__name__
    _failure = (backend, f"The system keyring failed: {detail}")


def keyring_status() -> KeyringStatus:
    """``(usable, backend name, message)``; when not usable, keys are kept for this session only."""
    backend = keyring.get_keyring()
    name = _backend_name(backend)
    reason = _unusable_reason(backend)
    if reason:
        return KeyringStatus(False, name, f"{reason} Keys are kept in memory for this session only.")
    return KeyringStatus(True, name, f"API keys are stored in the system keyring ({name}).")


def _check_profile(profile: str) -> None:
    if not profile or not profile.strip():
        raise UserError("A profile name is needed to store an API key.")


def save_key(profile: str, key: str) -> bool:
    """Store ``key`` for ``profile``: True if in the OS keyring, False if kept for this session only."""
    _check_profile(profile)
    if not key or not key.strip():
        raise UserError(f"The API key for profile {profile!r} is empty.")
    key = key.strip()
    backend = _usable_backend()
    if backend is not None:
        try:
            backend.set_password(SERVICE, profile, key)
        except Exception as exc:  # any backend failure (KeyringError, D-Bus errors) means: session only
            _note_failure(backend, exc, key)
        else:
            _session.pop(profile, None)
            return True
    _session[profile] = key
    return False


def load_key(profile: str, env_var: str | None = None) -> str | None:
    """The key for ``profile`` from the keyring, else the session store, else ``env_var``; None if none."""
    _check_profile(profile)
    backend = _usable_backend()
    if backend is not None:
        try:
            key = backend.get_password(SERVICE, profile)
        except Exception as exc:
            _note_failure(backend, exc)
        else:
            if key:
                return key
    if profile in _session:
        return _session[profile]
    if env_var:
        return os.environ.get(env_var) or None
    return None


def delete_key(profile: str) -> None:
    """Forget the key for ``profile`` in the session store and the keyring (missing keys are fine)."""
    _check_profile(profile)
    _session.pop(profile, None)
    backend = _usable_backend()
    if backend is None:
        return
    try:
        backend.delete_password(SERVICE, profile)
    except PasswordDeleteError:
        pass
    except KeyringError as exc:
        _note_failure(backend, exc)
        raise UserError(f"Could not delete the key of profile {profile!r} from the keyring.") from None


def has_session_key(profile: str) -> bool:
    """True if ``profile``'s key is held in memory only (the keyring was unusable when it was saved)."""
    return profile in _session


def clear_session() -> None:
    """Forget every in-memory key and any remembered keyring failure."""
    global _failure
    _session.clear()
    _failure = None
