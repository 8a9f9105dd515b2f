"""Provider kinds: one declaration per fine-tuning API, read by the CLI, the GUI, the key store and the launch.

A :class:`ProviderKind` says everything the rest of the program needs to know about a kind of profile:
its display name, which catalog providers it fine-tunes, the environment variable(s) its key is read from,
the profile fields it takes (and which are required), its default base URL, how a launch is tagged with its
client id, what it can do (pause/resume, metrics, a price quote, billed validation), which launch options
it accepts beyond epochs, and the ``factory`` that builds a :class:`~ftplanner.providers.base.Provider`
from a :class:`Connection`.

Adding a provider = its module (``providers/<name>.py``) + one :func:`register` call + its tests::

    from ftplanner.providers.registry import Connection, ProfileField, ProviderKind, register

    def _vertex(connection: Connection) -> Provider:
        from ftplanner.providers.vertex import VertexProvider  # imported only when used

        return VertexProvider(project=connection.get("project"), ...)

    register(ProviderKind(
        kind="vertex", display_name="Google Vertex AI", catalog_providers=("vertex",), factory=_vertex,
        key_env_vars=(), key_required=False, tagging="labels",
        fields=(ProfileField("project", "Project", env_var="GOOGLE_CLOUD_PROJECT", required=True),
                ProfileField("gcs_uri", "Cloud Storage URI", placeholder="gs://bucket/prefix")),
    ))

The built-in kinds are registered at the bottom of this module (``_register_builtins``); a new built-in adds
its :func:`register` call there. A field named ``base_url`` is the endpoint (``--base-url``); the others are
stored in the profile under their names. Factories import their provider module lazily, so a missing
optional SDK fails only when that kind is used, with the factory's own message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from ftplanner.providers.base import Provider

Tagging = Literal["metadata", "suffix", "derived_id", "labels"]
"""How a launch's client id travels with its job, so a create retried after a lost answer finds the first:
``metadata`` (job metadata, filtered when listing), ``suffix`` (a short hash in the model-name suffix),
``derived_id`` (the job and dataset ids are derived from it), ``labels`` (job labels)."""

#: Launch options beyond epochs a kind may accept (see ``ProviderKind.options``).
OPTION_NAMES = (
    "batch_size",
    "learning_rate_multiplier",
    "beta",
    "lora",
    "lora_rank",
    "context_length",
)


@dataclass(frozen=True)
class ProfileField:
    """One setting of a profile (besides name, kind and budget cap).

    ``env_var`` is read when the field is empty (e.g. ``FIREWORKS_ACCOUNT_ID``); ``pattern`` is a regular
    expression the value must match, ``pattern_hint`` says what it means in the error.
    """

    name: str
    label: str
    required: bool = False
    placeholder: str = ""
    help: str = ""
    env_var: str | None = None
    pattern: str | None = None
    pattern_hint: str = ""


@dataclass(frozen=True)
class Connection:
    """What a factory builds a provider from: the key (None for kinds without one) and the field values."""

    kind: str
    api_key: str | None
    settings: Mapping[str, str] = field(default_factory=dict)
    timeout: float = 30.0
    max_retries: int = 2

    def get(self, name: str) -> str | None:
        """A field's value, or None when unset."""
        return self.settings.get(name) or None

    def __repr__(self) -> str:  # never show the key
        return f"Connection({self.kind}, {dict(self.settings)})"


@dataclass(frozen=True)
class ProviderKind:
    """The declaration of one kind of provider profile (see the module docstring)."""

    kind: str
    display_name: str
    factory: Callable[[Connection], Provider]
    catalog_providers: tuple[str, ...] = ()  # () = any catalog model (a generic endpoint)
    key_env_vars: tuple[str, ...] = ()  # read in order when no key is stored
    key_required: bool = True
    fields: tuple[ProfileField, ...] = ()
    default_base_url: str | None = None
    tagging: Tagging = "metadata"
    pause_resume: bool = False
    metrics: bool = True
    price_quote: bool = False
    validation_billed: bool = False
    auto_epochs: bool = False  # the provider picks epochs itself as the estimate does
    options: frozenset[str] = frozenset({"batch_size", "learning_rate_multiplier", "beta"})
    adhoc: bool = True  # usable without a stored profile (``--provider KIND``)
    adhoc_key_env_var: str | None = None  # the key variable of an unstored profile, when not ``env_var``
    # a cross-field rule: None, or (the field at fault, the code of the message saying why)
    check: Callable[[Mapping[str, str | None]], tuple[str, str] | None] | None = None
    short_name: str = ""  # for tables, when shorter than ``display_name``
    #: For a kind whose finished job makes no model of its own: how to deploy one of its checkpoints
    #: (``{job}`` and ``{checkpoint}`` are filled in).
    checkpoint_hint: str = ""
    #: The catalog ids a launch can ask for (a regular expression); others (price bands) are refused.
    model_pattern: str | None = None

    def launches(self, model_id: str) -> bool:
        """Whether a catalog row's id names a model this kind can fine-tune (not a price band)."""
        return self.model_pattern is None or re.fullmatch(self.model_pattern, model_id) is not None

    @property
    def table_name(self) -> str:
        return self.short_name or self.display_name

    @property
    def env_var(self) -> str | None:
        """The first key variable (the one named in hints), or None."""
        return self.key_env_vars[0] if self.key_env_vars else None

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> ProfileField | None:
        return next((f for f in self.fields if f.name == name), None)

    @property
    def takes_base_url(self) -> bool:
        return "base_url" in self.field_names

    @property
    def needs_base_url(self) -> bool:
        """True when the kind has no endpoint of its own (a generic endpoint)."""
        found = self.field("base_url")
        return found is not None and found.required

    def describe(self) -> dict[str, object]:
        """The declaration as JSON-ready data (``ftplanner jobs providers --json``)."""
        return {
            "kind": self.kind,
            "display_name": self.display_name,
            "short_name": self.table_name,
            "catalog_providers": list(self.catalog_providers),
            "key_env_vars": list(self.key_env_vars),
            "key_required": self.key_required,
            "fields": [
                {"name": f.name, "label": f.label, "required": f.required, "env_var": f.env_var}
                for f in self.fields
            ],
            "default_base_url": self.default_base_url,
            "tagging": self.tagging,
            "pause_resume": self.pause_resume,
            "metrics": self.metrics,
            "price_quote": self.price_quote,
            "validation_billed": self.validation_billed,
            "options": sorted(self.options),
            "checkpoint_hint": self.checkpoint_hint or None,
            "model_pattern": self.model_pattern,
        }


_KINDS: dict[str, ProviderKind] = {}


def register(spec: ProviderKind) -> ProviderKind:
    """Add (or replace) the declaration of ``spec.kind``; kinds are listed in registration order."""
    if not re.fullmatch(r"[a-z][a-z0-9_]*", spec.kind):
        raise ValueError(f"provider kind {spec.kind!r}: lowercase letters, digits and '_' only")
    unknown = set(spec.options) - set(OPTION_NAMES)
    if unknown:
        raise ValueError(f"provider kind {spec.kind!r}: unknown option(s) {sorted(unknown)}")
    _KINDS[spec.kind] = spec
    return spec


def kinds() -> tuple[str, ...]:
    """Every registered kind, in registration order."""
    return tuple(_KINDS)


def all_kinds() -> tuple[ProviderKind, ...]:
    return tuple(_KINDS.values())


def get(kind: str) -> ProviderKind | None:
    return _KINDS.get(kind)


def spec(kind: str) -> ProviderKind:
    """The declaration of ``kind``; KeyError for an unknown one (callers validate first)."""
    return _KINDS[kind]


def all_field_names() -> tuple[str, ...]:
    """Every field any kind declares, in first-seen order."""
    names: dict[str, None] = {}
    for item in _KINDS.values():
        names.update(dict.fromkeys(item.field_names))
    return tuple(names)


def kinds_with_field(name: str) -> tuple[str, ...]:
    return tuple(k for k, item in _KINDS.items() if name in item.field_names)


def declared_field(name: str) -> ProfileField | None:
    """The first declaration of the profile field ``name`` among the kinds, or None."""
    for item in _KINDS.values():
        found = item.field(name)
        if found is not None:
            return found
    return None


def catalog_providers() -> frozenset[str]:
    """Catalog providers some kind fine-tunes (what the launch form offers)."""
    return frozenset(p for item in _KINDS.values() for p in item.catalog_providers)


def for_catalog_provider(provider: str) -> ProviderKind | None:
    """The kind that fine-tunes a catalog provider's models (None for one no kind serves)."""
    return next((k for k in _KINDS.values() if provider in k.catalog_providers), None)


def auto_epoch_providers() -> frozenset[str]:
    """Catalog providers whose API chooses epochs as the estimate does (launches leave them unset)."""
    return frozenset(p for item in _KINDS.values() if item.auto_epochs for p in item.catalog_providers)


# -- the built-in kinds ------------------------------------------------------------------------------


def _openai_compatible(connection: Connection) -> Provider:
    from ftplanner.providers.openai_compat import OpenAICompatibleProvider, Profile, make_client

    profile = Profile(
        kind=connection.kind,  # type: ignore[arg-type]
        base_url=connection.get("base_url") or spec(connection.kind).default_base_url,
        resource=connection.get("resource"),
        header_name=connection.get("header_name") or "Authorization",
        training_type=connection.get("training_type"),
    )
    client = make_client(
        profile, connection.api_key or "", connection.timeout, max_retries=connection.max_retries
    )
    return OpenAICompatibleProvider(client, profile)


def _together(connection: Connection) -> Provider:
    from ftplanner.providers.together import DEFAULT_BASE_URL, TogetherProvider

    return TogetherProvider(
        connection.api_key or "",
        connection.get("base_url") or DEFAULT_BASE_URL,
        timeout=connection.timeout,
        max_retries=connection.max_retries,
    )


def _fireworks(connection: Connection) -> Provider:
    from ftplanner.providers.fireworks import DEFAULT_BASE_URL, FireworksProvider

    return FireworksProvider(
        connection.api_key or "",
        connection.get("account_id") or "",
        connection.get("base_url") or DEFAULT_BASE_URL,
        timeout=connection.timeout,
        max_retries=connection.max_retries,
    )


def _nebius(connection: Connection) -> Provider:
    from ftplanner.providers.nebius import DEFAULT_BASE_URL, NebiusProvider
    from ftplanner.providers.openai_compat import Profile, make_client

    profile = Profile(kind="nebius", base_url=connection.get("base_url") or DEFAULT_BASE_URL)
    client = make_client(
        profile, connection.api_key or "", connection.timeout, max_retries=connection.max_retries
    )
    return NebiusProvider(client, profile)


def _azure_check(values: Mapping[str, str | None]) -> tuple[str, str] | None:
    if not values.get("base_url") and not values.get("resource"):
        return ("resource", "profile.azure_needs_resource")
    return None


_BASE_URL = ProfileField("base_url", "Base URL", placeholder="https://…/v1/")


def _vertex(connection: Connection) -> Provider:
    from ftplanner.providers.vertex import from_connection  # the Google SDKs load only when used

    return from_connection(connection)


#: Google Vertex AI (Gemini tuning): no API key, Application Default Credentials or a service-account file.
VERTEX = ProviderKind(
    kind="vertex",
    display_name="Google Vertex AI",
    short_name="Vertex AI",
    factory=_vertex,
    catalog_providers=("vertex",),
    key_env_vars=(),
    key_required=False,
    fields=(
        ProfileField("base_url", "Base URL", placeholder="https://us-central1-aiplatform.googleapis.com/"),
        ProfileField("project", "Project", placeholder="my-project", env_var="GOOGLE_CLOUD_PROJECT"),
        ProfileField("location", "Location", placeholder="us-central1", env_var="GOOGLE_CLOUD_LOCATION"),
        ProfileField(
            "gcs_uri",
            "Cloud Storage URI",
            placeholder="gs://bucket/prefix",
            help="where the converted training data is written",
            pattern=r"gs://[a-z0-9][a-z0-9._\-]{1,220}[a-z0-9](/.*)?",
            pattern_hint="must be gs://BUCKET/PREFIX",
        ),
        ProfileField(
            "credentials_file",
            "Service-account key file",
            placeholder="empty: Application Default Credentials",
            help="the path is stored, never the key",
        ),
        ProfileField(
            "adapter_size",
            "Adapter size",
            placeholder="1, 2, 4, 8 or 16",
            pattern="1|2|4|8|16",
            pattern_hint="must be 1, 2, 4, 8 or 16",
        ),
    ),
    tagging="labels",
    metrics=False,
    options=frozenset({"learning_rate_multiplier"}),
)


def _register_builtins() -> None:
    register(
        ProviderKind(
            kind="openai",
            display_name="OpenAI",
            factory=_openai_compatible,
            catalog_providers=("openai",),
            key_env_vars=("OPENAI_API_KEY",),
            pause_resume=True,
            auto_epochs=True,
        )
    )
    register(
        ProviderKind(
            kind="azure",
            display_name="Azure OpenAI",
            factory=_openai_compatible,
            catalog_providers=("azure-openai",),
            key_env_vars=("AZURE_OPENAI_API_KEY",),
            fields=(
                _BASE_URL,
                ProfileField("resource", "Azure resource"),
                ProfileField("training_type", "trainingType", placeholder="e.g. Standard, Global, Developer"),
            ),
            pause_resume=True,
            auto_epochs=True,
            check=_azure_check,
        )
    )
    register(
        ProviderKind(
            kind="generic",
            display_name="OpenAI-compatible (base URL)",
            short_name="OpenAI-compatible",
            factory=_openai_compatible,
            catalog_providers=(),
            key_env_vars=(),
            adhoc_key_env_var="OPENAI_API_KEY",  # an endpoint given with --base-url takes OpenAI's key
            fields=(
                ProfileField("base_url", "Base URL", required=True, placeholder="https://…/v1/"),
                ProfileField(
                    "header_name",
                    "Key header",
                    placeholder="Authorization",
                    pattern=r"[A-Za-z0-9\-]+",
                    pattern_hint="is not a valid HTTP header name",
                ),
            ),
            pause_resume=True,
        )
    )
    register(
        ProviderKind(
            kind="together",
            display_name="Together AI",
            factory=_together,
            catalog_providers=("together",),
            key_env_vars=("TOGETHER_API_KEY",),
            fields=(_BASE_URL,),
            default_base_url="https://api.together.xyz/v1",
            tagging="suffix",
            price_quote=True,
            validation_billed=True,
        )
    )
    register(
        ProviderKind(
            kind="fireworks",
            display_name="Fireworks AI",
            factory=_fireworks,
            catalog_providers=("fireworks",),
            key_env_vars=("FIREWORKS_API_KEY",),
            fields=(
                ProfileField("base_url", "Base URL", placeholder="https://api.fireworks.ai"),
                ProfileField(
                    "account_id",
                    "Account ID",
                    env_var="FIREWORKS_ACCOUNT_ID",
                    help="The Fireworks account the datasets and jobs belong to (accounts/<id>/…)",
                    pattern=r"[A-Za-z0-9][A-Za-z0-9_\-]*",
                    pattern_hint="is not a Fireworks account id",
                ),
            ),
            default_base_url="https://api.fireworks.ai",
            tagging="derived_id",
            metrics=False,
            model_pattern=r"accounts/[^/]+/models/[^/]+",
            options=frozenset({"lora_rank", "context_length"}),
        )
    )
    register(
        ProviderKind(
            kind="nebius",
            display_name="Nebius Token Factory",
            factory=_nebius,
            catalog_providers=("nebius",),
            key_env_vars=("NEBIUS_API_KEY",),
            fields=(
                ProfileField("base_url", "Base URL", placeholder="https://api.tokenfactory.nebius.com/v1/"),
            ),
            default_base_url="https://api.tokenfactory.nebius.com/v1/",
            tagging="suffix",
            options=frozenset(
                {"batch_size", "learning_rate_multiplier", "lora", "lora_rank", "context_length"}
            ),
            checkpoint_hint=(
                'deploy a checkpoint as a model: POST /v0/models with source "{job}:{checkpoint}", a name'
                " and the serving base model"
            ),
        )
    )


_register_builtins()
register(VERTEX)
