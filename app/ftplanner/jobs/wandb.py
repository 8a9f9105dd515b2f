"""Weights & Biases for launched jobs: the project name checked, the W&B key kept in the keyring.

The W&B key has its own keyring entry (:data:`KEY_ENTRY`, which no profile name can take) and falls back
to ``WANDB_API_KEY``; like provider keys it is never written to a file, a log or a message. Providers
say how they take W&B settings (``wandb_support``, see :mod:`ftplanner.providers.base`): OpenAI-style APIs
send only the project (the W&B key is registered with the provider's organisation), Together sends the
key with the create. Where a provider takes none, the setting is left out with a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ftplanner.core.errors import UserError
from ftplanner.jobs import secrets
from ftplanner.providers.base import WANDB_API_KEY, WANDB_INTEGRATIONS, Provider

KEY_ENTRY = "wandb:api-key"  # profile names cannot hold ':'
ENV_VAR = "WANDB_API_KEY"
SET_KEY_HINT = "`ftplanner jobs wandb set-key --key-stdin`"
_PROJECT_PATTERN = re.compile(r"[A-Za-z0-9_.\-]{1,128}")


@dataclass(frozen=True)
class WandbSettings:
    """What a create sends to W&B (None: nothing) and a note for the user, if any."""

    project: str | None = None
    api_key: str | None = field(default=None, repr=False)
    note: str | None = None


def check_project(name: str | None) -> str | None:
    """The project name stripped (None when empty); UserError when W&B would not take it."""
    if name is None or not name.strip():
        return None
    name = name.strip()
    if not _PROJECT_PATTERN.fullmatch(name):
        raise UserError(
            f"W&B project {name!r}: use 1-128 letters, digits, '-', '_' or '.' (no spaces or slashes)"
        )
    return name


def save_key(key: str) -> bool:
    """Store the W&B key: True if in the OS keyring, False if kept for this session only."""
    return secrets.save_key(KEY_ENTRY, key)


def load_key() -> str | None:
    return secrets.load_key(KEY_ENTRY, ENV_VAR)


def delete_key() -> None:
    secrets.delete_key(KEY_ENTRY)


def settings_for(provider: Provider, project: str | None, provider_name: str) -> WandbSettings:
    """What to send to ``provider`` for ``project``; UserError when its API needs a W&B key and none is set."""
    project = check_project(project)
    if project is None:
        return WandbSettings()
    support = getattr(provider, "wandb_support", None)
    if support == WANDB_INTEGRATIONS:
        return WandbSettings(
            project,
            note=f"W&B project {project}: {provider_name} logs the run with the W&B key registered in its"
            " organisation's settings (Integrations)",
        )
    if support == WANDB_API_KEY:
        key = load_key()
        if not key:
            raise UserError(
                f"W&B project {project}: {provider_name} needs a W&B API key with the job; set it with"
                f" {SET_KEY_HINT} (or {ENV_VAR})"
            )
        return WandbSettings(project, key)
    return WandbSettings(
        note=f"{provider_name} does not take W&B settings: the run is not logged to {project}"
    )
