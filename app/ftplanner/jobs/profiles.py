"""Provider profiles: how to reach a fine-tuning API, stored as JSON in ``<user data dir>/profiles.json``.

The file never holds an API key: keys live in the OS keyring (or this session's memory) through
:mod:`ftplanner.jobs.secrets`, under the profile's name. Changes are read-modify-write under the file's
lock (:mod:`ftplanner.core.statefile`); a damaged file is never overwritten: the readable profiles are used,
and the next change keeps the file aside (``profiles.json.broken-…``) and tells the user where, once.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, cast

from ftplanner.core import statefile
from ftplanner.core.errors import UserError
from ftplanner.core.messages import FieldLabel, Message, has_field_label, msg
from ftplanner.core.money import decimal_text
from ftplanner.core.paths import user_data_dir
from ftplanner.jobs import secrets
from ftplanner.providers import registry
from ftplanner.providers.base import Provider
from ftplanner.providers.openai_compat import Profile, ProfileKind

PROFILES_FILE_NAME = "profiles.json"
ADHOC_SEPARATOR = "@"  # "kind@base_url" names a profile given on the command line, not stored
_NAME_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}")
#: Fields with their own attribute; every other field a kind declares is kept in ``settings``.
_FIELD_ATTRIBUTES = ("base_url", "resource", "header_name", "training_type")


@dataclass(frozen=True)
class ProviderProfile:
    """A named provider profile; ``budget_cap`` is a decimal string in USD (or None).

    ``settings`` holds the values of the fields the kind declares (see :mod:`ftplanner.providers.registry`)
    other than the four with their own attribute; they are stored flat beside the others.
    """

    name: str
    kind: str = "openai"
    base_url: str | None = None
    resource: str | None = None
    header_name: str | None = None
    training_type: str | None = None
    budget_cap: str | None = None
    settings: Mapping[str, str] = field(default_factory=dict)

    @property
    def spec(self) -> registry.ProviderKind:
        """The declaration of the profile's kind."""
        return registry.spec(self.kind)

    @property
    def env_var(self) -> str | None:
        """The environment variable read when no key is stored (None for generic profiles)."""
        found = registry.get(self.kind)
        return found.env_var if found else None

    @property
    def budget(self) -> Decimal | None:
        return None if self.budget_cap is None else Decimal(self.budget_cap)

    @property
    def adhoc(self) -> bool:
        """True for a profile given on the command line (``kind@base_url``) rather than stored."""
        return ADHOC_SEPARATOR in self.name

    def value(self, name: str) -> str | None:
        """The profile's value of field ``name`` (None when unset)."""
        if name in _FIELD_ATTRIBUTES:
            return cast("str | None", getattr(self, name))
        return self.settings.get(name) or None

    def field_values(self) -> dict[str, str]:
        """Every field that is set, by name (what a provider is built from)."""
        values = {name: getattr(self, name) for name in _FIELD_ATTRIBUTES}
        values.update(self.settings)
        return {k: v for k, v in values.items() if v}

    def connection(self) -> Profile:
        """The :class:`Profile` used to build the OpenAI SDK client (OpenAI-compatible kinds)."""
        return Profile(
            kind=cast(ProfileKind, self.kind),
            base_url=self.base_url,
            resource=self.resource,
            header_name=self.header_name or "Authorization",
            training_type=self.training_type,
        )

    def to_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in asdict(self).items() if k != "settings"}
        data.update(self.settings)
        return data


def profiles_path() -> Path:
    return user_data_dir() / PROFILES_FILE_NAME


def parse_budget(text: str | None, where: str = "budget cap") -> str | None:
    """A non-negative decimal string (normalised) or None; UserError naming ``where`` otherwise."""
    if text is None or str(text).strip() == "":
        return None
    try:
        value = Decimal(str(text).strip().removeprefix("$"))
    except InvalidOperation:
        raise UserError(msg("budget.not_amount", where=where, got=repr(text))) from None
    if not value.is_finite() or value < 0:
        raise UserError(msg("budget.negative", where=where, got=repr(text)))
    return decimal_text(value)


def _bad(name: object, field_name: str, code: str, **params: object) -> Message:
    """A problem with profile ``name``'s ``field_name``, worded with the field's label in the profile form."""
    path = f"profile.{field_name}"
    return Message(code, {"name": repr(name), "at": _label(field_name), **params}, path)


def _hint(declared: registry.ProfileField) -> Message | str:
    """What a field's pattern means, worded in both languages for the built-in kinds."""
    hints = {
        "gcs_uri": msg("profile.hint.gcs_uri"),
        "adapter_size": msg("profile.hint.adapter_size"),
        "header_name": msg("profile.hint.header_name"),
        "account_id": msg("profile.hint.account_id"),
    }
    found = hints.get(declared.name)
    return (
        found if found is not None and str(found) == declared.pattern_hint else declared.pattern_hint or "?"
    )


def _label(field_name: str) -> FieldLabel | str:
    """The field's label in both languages, or the label its provider declares (a kind added later)."""
    if has_field_label(f"profile.{field_name}"):
        return FieldLabel(f"profile.{field_name}")
    declared = registry.declared_field(field_name)
    return declared.label if declared is not None else field_name


def _text(value: Any, name: str, field_name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise UserError(_bad(name, field_name, "profile.not_text"))
    return value.strip() or None


def validate(raw: dict[str, Any]) -> ProviderProfile:
    """A checked profile from a mapping; UserError naming the profile and the field at fault.

    What a kind takes and requires comes from its declaration in :mod:`ftplanner.providers.registry`.
    """
    name = raw.get("name")
    if not isinstance(name, str) or not _NAME_PATTERN.fullmatch(name):
        raise UserError(_bad(name, "name", "profile.bad_name"))
    field_names = dict.fromkeys((*_FIELD_ATTRIBUTES, *registry.all_field_names()))
    unknown = sorted(set(raw) - {"name", "kind", "budget_cap"} - set(field_names))
    if unknown:
        raise UserError(_bad(name, unknown[0], "profile.unknown_field", key=unknown[0]))
    kind = raw.get("kind", "openai")
    spec = registry.get(kind) if isinstance(kind, str) else None
    if spec is None:
        kinds = ", ".join(registry.kinds())
        raise UserError(_bad(name, "kind", "profile.bad_kind", kinds=kinds, kind=repr(kind)))
    values = {f: _text(raw.get(f), name, f) for f in field_names}
    base_url = values["base_url"]
    if base_url is not None and not base_url.startswith(("http://", "https://")):
        raise UserError(_bad(name, "base_url", "profile.bad_url", url=repr(base_url)))
    for declared in spec.fields:
        if declared.required and values.get(declared.name) is None:
            raise UserError(_bad(name, declared.name, "profile.field_required", kind=spec.display_name))
    problem = spec.check(values) if spec.check else None
    if problem:
        raise UserError(_bad(name, problem[0], problem[1]))
    for field_name, value in values.items():
        if value is None or field_name == "base_url":  # every kind can be pointed at another endpoint
            continue
        declared = spec.field(field_name)
        if declared is None:
            owners = " / ".join(registry.get(k).display_name for k in registry.kinds_with_field(field_name))
            raise UserError(_bad(name, field_name, "profile.field_only_for", kinds=owners))
        if declared.pattern and not re.fullmatch(declared.pattern, value):
            raise UserError(
                _bad(name, field_name, "profile.field_pattern", value=repr(value), hint=_hint(declared))
            )
    budget = raw.get("budget_cap")
    where = msg("profile.where", name=repr(name), at=FieldLabel("profile.budget_cap"))
    budget_text = parse_budget(None if budget is None else str(budget), where)
    settings = {k: v for k, v in values.items() if k not in _FIELD_ATTRIBUTES and v is not None}
    return ProviderProfile(
        name,
        kind,
        base_url,
        values["resource"],
        values["header_name"],
        values["training_type"],
        budget_text,
        settings,
    )


def _salvage(text: str) -> list[Any]:
    """The profile objects still readable in a damaged file: each flat object with a name, untouched by
    undecodable bytes."""
    decoder = json.JSONDecoder()
    found: list[Any] = []
    i = text.find("{", text.find("{") + 1)
    while i != -1:
        try:
            value, end = decoder.raw_decode(text, i)
        except (ValueError, RecursionError):
            i = text.find("{", i + 1)
            continue
        if isinstance(value, dict) and "name" in value and "\ufffd" not in text[i:end]:
            found.append(value)
            i = text.find("{", end)
        else:
            i = text.find("{", i + 1)
    return found


def read_profiles(path: Path | None = None) -> tuple[dict[str, ProviderProfile], str | None]:
    """The readable profiles, and what is wrong with the file (None when nothing). Never raises for damage."""
    path = path or profiles_path()
    try:
        raw = statefile.read_state(path)
    except statefile.Unreadable as exc:
        return {}, str(exc)
    if raw is None:
        return {}, None
    damage: list[str] = []
    text = statefile.decode_state(raw, damage)
    items: Any = None
    if not damage:
        try:
            data = json.loads(text)
            items = data.get("profiles") if isinstance(data, dict) else None
            if not isinstance(items, list):
                damage.append("expected an object with a 'profiles' list")
                items = None
        except (ValueError, RecursionError) as exc:
            damage.append(f"not valid JSON: {exc}")
    if items is None:
        items = _salvage(text)
    profiles: dict[str, ProviderProfile] = {}
    for item in items:
        try:
            if not isinstance(item, dict):
                raise UserError("every profile must be an object")
            profile = validate(item)
        except UserError as exc:
            damage.append(str(exc))
            continue
        profiles[profile.name] = profile
    return profiles, "; ".join(damage) or None


def _names(profiles: dict[str, ProviderProfile]) -> str:
    return ", ".join(sorted(profiles)) or "none"


def load_profiles() -> dict[str, ProviderProfile]:
    """Every readable stored profile by name (empty when the file does not exist).

    A damaged file is not an error: the profiles still readable are used and the user is told once.
    """
    path = profiles_path()
    profiles, damage = read_profiles(path)
    if damage is not None:
        statefile.announce(
            f"{path}: cannot read the profiles in full ({damage}); using the readable ones: {_names(profiles)};"
            " the file is kept aside at the next change"
        )
    return profiles


@contextmanager
def editing(notices: list[str] | None = None) -> Iterator[dict[str, ProviderProfile]]:
    """Load, change and save the profiles under the file's lock; nothing is saved when the body raises.

    A damaged file is kept aside before the fresh one is written; the line saying where goes to
    ``notices`` (or is announced to the user when None).
    """
    path = profiles_path()
    with statefile.locked(path):
        profiles, damage = read_profiles(path)
        recovered = _names(profiles)
        yield profiles
        if damage is not None and (path.is_file() or path.is_symlink()):
            aside = statefile.keep_aside(path)
            line = statefile.aside_notice(path, damage, aside, f"profiles recovered from it: {recovered}")
            if notices is None:
                statefile.announce(line)
            else:
                notices.append(line)
        data = {
            "version": 1,
            "profiles": [p.to_dict() for p in sorted(profiles.values(), key=lambda p: p.name)],
        }
        statefile.write_state(
            path, json.dumps(data, indent=2, ensure_ascii=False) + "\n", "save the profiles"
        )


def save_profiles(profiles: dict[str, ProviderProfile], notices: list[str] | None = None) -> None:
    """Replace all stored profiles (keys are never part of a profile)."""
    with editing(notices) as stored:
        stored.clear()
        stored.update(profiles)


def _adhoc_problem(spec: registry.ProviderKind, base_url: str | None) -> str | None:
    """Why ``spec`` cannot be used without a stored profile at ``base_url`` (None: it can)."""
    if not spec.adhoc:
        return "needs a stored profile"
    values: dict[str, str | None] = {name: None for name in spec.field_names}
    values["base_url"] = base_url
    if any(f.required and not values.get(f.name) for f in spec.fields):
        return "needs --base-url"
    problem = spec.check(values) if spec.check else None
    return None if problem is None else "needs --base-url or a stored profile"


def adhoc_profile(kind: str, base_url: str | None = None) -> ProviderProfile:
    """An unstored profile for ``kind`` at ``base_url``; its key comes from the kind's environment variable."""
    spec = registry.get(kind)
    if spec is None or _adhoc_problem(spec, base_url):
        usable = [k.kind for k in registry.all_kinds() if k.adhoc]
        with_url = [k.kind for k in registry.all_kinds() if k.adhoc and _adhoc_problem(k, None)]
        raise UserError(
            f"--provider must be one of {', '.join(usable)} ({' and '.join(with_url)} with --base-url), got"
            f" {kind!r}"
        )
    if base_url is not None and not base_url.startswith(("http://", "https://")):
        raise UserError(f"--base-url must start with http:// or https://, got {base_url!r}")
    return ProviderProfile(
        name=f"{kind}{ADHOC_SEPARATOR}{base_url or 'default'}", kind=kind, base_url=base_url
    )


def with_settings(profile: ProviderProfile, values: Mapping[str, str]) -> ProviderProfile:
    """``profile`` with some of its kind's fields set for one command (not stored); UserError naming a
    field the kind does not take."""
    for field_name in values:
        if field_name not in profile.spec.field_names:
            owners = " or ".join(registry.kinds_with_field(field_name)) or "no kind"
            option = "--" + field_name.replace("_", "-")
            raise UserError(f"{option} applies to kind {owners} only, not {profile.kind}")
    checked = validate({**profile.to_dict(), **values, "name": "checked"})
    return ProviderProfile(**{**asdict(checked), "name": profile.name})


def _parse_adhoc(name: str) -> ProviderProfile:
    kind, _, url = name.partition(ADHOC_SEPARATOR)
    return adhoc_profile(kind, None if url == "default" else url)


def get_profile(name: str) -> ProviderProfile:
    """The stored profile ``name`` (or the ad-hoc ``kind@url`` one); UserError listing what exists otherwise."""
    if ADHOC_SEPARATOR in name:
        return _parse_adhoc(name)
    profiles = load_profiles()
    if name not in profiles:
        known = ", ".join(sorted(profiles)) or "none yet"
        raise UserError(
            f"no profile {name!r} (known: {known}); add one with `ftplanner jobs profiles add {name} --kind …`"
        )
    return profiles[name]


def add_profile(
    profile: ProviderProfile | dict[str, Any], *, replace: bool = False, notices: list[str] | None = None
) -> ProviderProfile:
    """Validate and store ``profile``; UserError if the name is taken and ``replace`` is False."""
    checked = validate(profile.to_dict() if isinstance(profile, ProviderProfile) else dict(profile))
    with editing(notices) as profiles:
        if checked.name in profiles and not replace:
            raise UserError(f"profile {checked.name!r} already exists; remove it first")
        profiles[checked.name] = checked
    return checked


def update_profile(name: str, changes: dict[str, Any], notices: list[str] | None = None) -> ProviderProfile:
    """Change some fields of stored profile ``name`` (endpoint, headers, budget cap); its name and kind stay.

    A change to None clears the field. UserError for an unknown profile or a field that does not fit.
    """
    with editing(notices) as profiles:
        if name not in profiles:
            raise UserError(f"no profile {name!r}; add it with `ftplanner jobs profiles add {name} --kind …`")
        if {"name", "kind"} & set(changes):
            raise UserError(f"profile {name!r}: its name and kind cannot change; add a new profile instead")
        checked = validate({**profiles[name].to_dict(), **changes})
        profiles[name] = checked
    return checked


def set_key(name: str, key: str) -> bool:
    """Set or replace the API key of stored profile ``name``: True in the OS keyring, False for this
    session only (no usable keyring)."""
    if name not in load_profiles():
        raise UserError(f"no profile {name!r}; add it with `ftplanner jobs profiles add {name} --kind …`")
    return secrets.save_key(name, key)


def remove_profile(name: str, notices: list[str] | None = None) -> None:
    """Forget profile ``name`` and its stored key."""
    with editing(notices) as profiles:
        if name not in profiles:
            raise UserError(f"no profile {name!r}")
        del profiles[name]
    secrets.delete_key(name)


def key_hint(profile: ProviderProfile) -> str:
    """How to give ``profile`` a key."""
    if profile.adhoc:
        return f"set {adhoc_env_var(profile)}"
    hint = f"`ftplanner jobs profiles set-key {profile.name} --key-stdin`"
    if profile.env_var:
        hint += f" or set {profile.env_var}"
    return hint


def adhoc_env_var(profile: ProviderProfile) -> str:
    """The environment variable an ad-hoc profile reads its key from (generic endpoints use OpenAI's)."""
    spec = profile.spec
    return spec.adhoc_key_env_var or spec.env_var or "OPENAI_API_KEY"


def _key_env_vars(profile: ProviderProfile) -> tuple[str, ...]:
    spec = profile.spec
    if profile.adhoc:
        return (adhoc_env_var(profile), *spec.key_env_vars)
    return spec.key_env_vars


def load_key(profile: ProviderProfile) -> str | None:
    """The profile's key: keyring, session, then the kind's environment variables in order."""
    names = _key_env_vars(profile)
    key = secrets.load_key(profile.name, names[0] if names else None)
    for env_var in names[1:]:
        key = key or secrets.load_key(profile.name, env_var)
    return key


def connection_for(
    profile: ProviderProfile, timeout: float = 30, max_retries: int = 2
) -> registry.Connection:
    """What the kind's factory builds a provider from; fields left empty fall back to their variables."""
    spec = profile.spec
    values = profile.field_values()
    for declared in spec.fields:
        if declared.name not in values and declared.env_var and os.environ.get(declared.env_var):
            values[declared.name] = os.environ[declared.env_var].strip()
    key = load_key(profile)
    if not key and spec.key_required:
        raise UserError(f"no API key for profile {profile.name!r}: {key_hint(profile)}")
    return registry.Connection(profile.kind, key, values, timeout=timeout, max_retries=max_retries)


def provider_for(profile: str | ProviderProfile, timeout: float = 30, max_retries: int = 2) -> Provider:
    """A provider for a profile (or its name), with its key from the keyring, the session or the env var.

    ``max_retries`` applies to reads only (uploads and creates are never retried by the SDK); callers
    with their own backoff, such as the GUI's poller, pass 0. The kind's factory builds it.
    """
    if isinstance(profile, str):
        profile = get_profile(profile)
    return profile.spec.factory(connection_for(profile, timeout, max_retries))
