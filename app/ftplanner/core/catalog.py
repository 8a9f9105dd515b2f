"""The price catalog: bundled per-provider TOML files, then user overrides, then per-plan overrides.

Every layer is validated by :mod:`ftplanner.core.catalog_schema`. A problem in one model or one
override is reported (``file: model: field: message``) and that piece is skipped; it is never fatal.
Figures older than :data:`STALE_AFTER_DAYS` are flagged stale wherever shown.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

from ftplanner.core import catalog_toml, statefile
from ftplanner.core.catalog_schema import (
    APPROXIMATE_PREFIX,
    FILE_KEYS,
    OVERRIDE_FILE_KEYS,
    FieldProblem,
    close_match,
    close_match_hint,
    coerce_model,
    coerce_provider,
    coerce_time_model,
    problem_line,
    serving_of,
)
from ftplanner.core.errors import UserError
from ftplanner.core.messages import Joined, message_of, msg
from ftplanner.core.money import json_value
from ftplanner.core.paths import user_data_dir

STALE_AFTER_DAYS = 180
# Stated error band of token counts made with a stand-in encoding (open models); see pricing/README.md.
APPROXIMATE_TOKEN_ERROR = Decimal("0.15")
OVERRIDES_FILE_NAME = "overrides.toml"

# A bare model id offered by several providers (OpenAI and Azure share ids) means this provider's.
PRIMARY_PROVIDER = "openai"
# Display order of the bundled provider files (others follow by name).
PROVIDER_ORDER: tuple[str, ...] = (
    "openai",
    "azure-openai",
    "together",
    "fireworks",
    "vertex",
    "nebius",
    "mistral",
)

LAYER_BUNDLED = "bundled"
LAYER_USER = "user"
LAYER_PLAN = "plan"


@dataclass(frozen=True)
class ProviderInfo:
    id: str
    name: str
    status: str = "live"  # live | deprecated | closed
    note: str = ""


@dataclass(frozen=True)
class ModelEntry:
    """One fine-tunable model (or price tier) of one provider. Money in USD, per 1M tokens unless named."""

    id: str
    display_name: str
    provider: str
    methods: tuple[str, ...]
    tokenizer: str
    sources: tuple[str, ...]
    as_of: date
    family: str
    training_per_mtok: Decimal | None = None
    dpo_training_per_mtok: Decimal | None = None
    training_per_hour: Decimal | None = None
    min_charge: Decimal | None = None
    max_charge: Decimal | None = None
    input_per_mtok: Decimal | None = None
    cached_input_per_mtok: Decimal | None = None
    output_per_mtok: Decimal | None = None
    batch_input_per_mtok: Decimal | None = None
    batch_cached_input_per_mtok: Decimal | None = None
    batch_output_per_mtok: Decimal | None = None
    hosting_per_hour: Decimal | None = None
    hosting_per_month: Decimal | None = None
    serving: str = "unknown"  # per_token | dedicated | unknown (see catalog_schema.SERVING_KINDS)
    serving_note: str = ""
    serving_sources: tuple[str, ...] = ()  # where the serving prices were seen (default: ``sources``)
    serving_as_of: date | None = None  # when they were seen (default: ``as_of``)
    validation_billed: bool = False
    max_example_tokens: int | None = None
    min_examples: int | None = None
    job_deadline: date | None = None
    retires_on: date | None = None
    retirement_unconfirmed: bool = False
    lifecycle_note: str = ""
    price_note: str = ""
    price_unknown: bool = False
    provider_name: str = ""
    provider_status: str = "live"
    origin: str = LAYER_BUNDLED  # which layer last changed it: bundled | user | plan

    @property
    def key(self) -> str:
        """Catalog-wide unique name: ``provider/id``."""
        return f"{self.provider}/{self.id}"

    @property
    def encoding(self) -> str:
        """The tiktoken encoding used to count this model's tokens."""
        return self.tokenizer.removeprefix(APPROXIMATE_PREFIX)

    @property
    def exact_tokens(self) -> bool:
        """False when counts come from a stand-in encoding (±:data:`APPROXIMATE_TOKEN_ERROR`)."""
        return not self.tokenizer.startswith(APPROXIMATE_PREFIX)

    @property
    def token_error(self) -> Decimal:
        return Decimal(0) if self.exact_tokens else APPROXIMATE_TOKEN_ERROR

    @property
    def per_hour(self) -> bool:
        """Training is billed by the hour (reinforcement fine-tuning)."""
        return self.training_per_mtok is None and self.training_per_hour is not None

    def is_stale(self, today: date) -> bool:
        return (today - self.as_of).days > STALE_AFTER_DAYS

    @property
    def running_price_known(self) -> bool:
        """The catalog prices running the fine-tuned model (per token or per deployed hour)."""
        return self.serving != "unknown"

    @property
    def running_sources(self) -> tuple[str, ...]:
        return self.serving_sources or self.sources

    @property
    def running_as_of(self) -> date:
        return self.serving_as_of or self.as_of

    def launch_block(self, today: date, method: str | None = None) -> str:
        """Why a job cannot be created today (empty string when it can); a message, worded per language."""
        if self.provider_status != "live":
            return msg(
                "launch.provider_closed",
                provider=self.provider_name or self.provider,
                status=self.provider_status,
            )
        if self.job_deadline is not None and today > self.job_deadline:
            return msg("launch.jobs_closed", date=self.job_deadline)
        if self.retires_on is not None and today >= self.retires_on:
            return msg("launch.retired", date=self.retires_on)
        if not self.methods:
            return msg("launch.no_offer")
        if method is not None and method not in self.methods:
            return msg("launch.method_not_offered", method=method.upper())
        return ""

    def launchable(self, today: date) -> bool:
        return not self.launch_block(today)

    def to_dict(self, today: date | None = None) -> dict[str, Any]:
        """JSON-ready view; money as decimal strings; lifecycle status when ``today`` is given."""
        out: dict[str, Any] = {"key": self.key}
        out.update((name, json_value(getattr(self, name))) for name in self.__dataclass_fields__)
        out["encoding"] = self.encoding
        out["exact_tokens"] = self.exact_tokens
        if today is not None:
            block = self.launch_block(today)
            out["launchable"] = not block
            out["launch_status"] = block or "open"
            out["stale"] = self.is_stale(today)
        return out


@dataclass
class Catalog:
    """All model entries after layering, plus the time-model parameters and any problems found."""

    entries: tuple[ModelEntry, ...]
    providers: dict[str, ProviderInfo]
    time_models: dict[str, dict[str, Any]]
    today: date
    problems: list[str] = field(default_factory=list)
    layer_problems: dict[str, list[str]] = field(default_factory=dict)
    raw: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False)

    def __iter__(self) -> Iterator[ModelEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def find(self, name: str) -> ModelEntry | None:
        """Resolve ``name`` (see :func:`resolve_name`); None if unknown or ambiguous."""
        matches = resolve_name(self.entries, name)
        return matches[0] if len(matches) == 1 else None

    def get(self, name: str) -> ModelEntry:
        """The entry for ``name``; UserError (with a hint) if unknown or ambiguous."""
        matches = resolve_name(self.entries, name)
        if len(matches) == 1:
            return matches[0]
        if matches:
            keys = Joined([e.key for e in matches])
            raise UserError(msg("catalog.ambiguous_model", name=repr(name), keys=keys))
        match = close_match(name, [e.key for e in self.entries] + [e.id for e in self.entries])
        if match:
            raise UserError(msg("catalog.unknown_model_near", name=repr(name), match=repr(match)))
        raise UserError(msg("catalog.unknown_model", name=repr(name)))

    def by_provider(self, provider: str) -> tuple[ModelEntry, ...]:
        if provider not in self.providers:
            known = Joined(list(self.providers))
            match = close_match(provider, tuple(self.providers))
            if match:
                raise UserError(
                    msg("catalog.unknown_provider_near", name=repr(provider), match=repr(match), known=known)
                )
            raise UserError(msg("catalog.unknown_provider", name=repr(provider), known=known))
        return tuple(e for e in self.entries if e.provider == provider)

    def launchable(self) -> tuple[ModelEntry, ...]:
        return tuple(e for e in self.entries if e.launchable(self.today))


_VERSION_SUFFIX = re.compile(r"^-(\d{4}-\d{2}-\d{2}|\d{4})$")


def resolve_name(entries: Iterable[ModelEntry], name: str) -> list[ModelEntry]:
    """Entries a user-typed model name can mean, best first.

    Accepted: the key ``provider/id``; a bare id; a bare id without its date or version suffix
    (``gpt-4o-mini`` for ``gpt-4o-mini-2024-07-18``). A bare name offered by several providers means the
    :data:`PRIMARY_PROVIDER` one when it has it (``gpt-4.1-2025-04-14`` is OpenAI's, not Azure's).
    One result = resolved; several = ambiguous; none = unknown.
    """
    name = name.strip()
    pool = list(entries)
    for entry in pool:
        if entry.key == name:
            return [entry]
    matches = [e for e in pool if e.id == name]
    if not matches:
        matches = [
            e for e in pool if e.id.startswith(name + "-") and _VERSION_SUFFIX.match(e.id[len(name) :])
        ]
    if len(matches) > 1:
        primary = [e for e in matches if e.provider == PRIMARY_PROVIDER]
        if len(primary) == 1:
            return primary
    return matches


# ---------------------------------------------------------------------------------------------- loading


def _entry_from(table: Mapping[str, Any], provider: ProviderInfo | None, origin: str) -> ModelEntry:
    values = dict(table)
    values["provider_name"] = provider.name if provider else values["provider"]
    values["provider_status"] = provider.status if provider else "live"
    values["origin"] = origin
    values["serving"] = serving_of(table)
    return ModelEntry(**values)


def bundled_files() -> list[tuple[str, str]]:
    """(file name, text) of every bundled catalog file, in name order."""
    root = resources.files("ftplanner.pricing")

    def order(node: Any) -> tuple[int, str]:
        stem = node.name.removesuffix(".toml")
        return (PROVIDER_ORDER.index(stem) if stem in PROVIDER_ORDER else len(PROVIDER_ORDER), node.name)

    files = sorted((node for node in root.iterdir() if node.name.endswith(".toml")), key=order)
    return [(node.name, node.read_text(encoding="utf-8")) for node in files]


@dataclass
class _Builder:
    today: date
    entries: dict[str, ModelEntry] = field(default_factory=dict)
    raw: dict[str, dict[str, Any]] = field(default_factory=dict)
    providers: dict[str, ProviderInfo] = field(default_factory=dict)
    time_models: dict[str, dict[str, Any]] = field(default_factory=dict)
    problems: dict[str, list[str]] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # model key -> the catalog file it came from

    def report(self, layer: str, line: str) -> None:
        self.problems.setdefault(layer, []).append(line)

    def add_catalog_file(self, name: str, text: str) -> None:
        """One provider file: ``[provider]``, optional ``[defaults]``, ``[[models]]``, ``[time_model.*]``."""
        try:
            data = catalog_toml.loads(text)
        except tomllib.TOMLDecodeError as exc:
            self.report(LAYER_BUNDLED, problem_line(name, "-", "-", msg("toml.invalid", detail=str(exc))))
            return
        for key in data:
            if key not in FILE_KEYS:
                self.report(
                    LAYER_BUNDLED,
                    problem_line(
                        name, "-", key, msg("catalog.unknown_key", hint=close_match_hint(key, FILE_KEYS))
                    ),
                )
        try:
            provider_table = coerce_provider(data.get("provider", {}))
        except FieldProblem as exc:
            self.report(LAYER_BUNDLED, problem_line(name, "[provider]", exc.field or "provider", exc.message))
            return
        provider = ProviderInfo(**provider_table)
        self.providers[provider.id] = provider
        defaults = data.get("defaults", {})
        if not isinstance(defaults, dict):
            self.report(LAYER_BUNDLED, problem_line(name, "[defaults]", "defaults", "expected a table"))
            defaults = {}
        models = data.get("models", [])
        if not isinstance(models, list):
            self.report(LAYER_BUNDLED, problem_line(name, "-", "models", "expected [[models]] tables"))
            models = []
        for index, raw in enumerate(models, start=1):
            label = raw.get("id", f"models[{index}]") if isinstance(raw, dict) else f"models[{index}]"
            if not isinstance(raw, dict):
                self.report(LAYER_BUNDLED, problem_line(name, str(label), "-", "expected a table"))
                continue
            merged = {**defaults, **raw}
            merged.setdefault("provider", provider.id)
            if merged["provider"] != provider.id:
                self.report(
                    LAYER_BUNDLED,
                    problem_line(name, str(label), "provider", f"must be {provider.id!r} in this file"),
                )
                continue
            try:
                table = coerce_model(merged, today=self.today)
            except FieldProblem as exc:
                self.report(LAYER_BUNDLED, problem_line(name, str(label), exc.field, exc.message))
                continue
            entry = _entry_from(table, provider, LAYER_BUNDLED)
            if entry.key in self.entries:
                self.report(LAYER_BUNDLED, problem_line(name, entry.id, "id", "duplicate model id"))
                continue
            self.entries[entry.key] = entry
            self.raw[entry.key] = merged
            self.files[entry.key] = name
        self._add_time_models(data.get("time_model", {}), name, LAYER_BUNDLED)

    def _add_time_models(self, tables: Any, source: str, layer: str) -> None:
        if not isinstance(tables, dict):
            self.report(
                layer, problem_line(source, "[time_model]", "time_model", "expected a table of families")
            )
            return
        for family, raw in tables.items():
            previous = self.time_models.get(family) if layer != LAYER_BUNDLED else None
            if previous is not None and isinstance(raw, dict):
                raw = {**{k: v for k, v in previous.items() if k != "observations"}, **raw}
            try:
                table = coerce_time_model(raw)
            except FieldProblem as exc:
                self.report(
                    layer, problem_line(source, f"time_model.{family}", exc.field or "-", exc.message)
                )
                continue
            if layer == LAYER_BUNDLED and family in self.time_models:
                self.report(layer, problem_line(source, f"time_model.{family}", "-", "family defined twice"))
                continue
            table.setdefault("observations", previous["observations"] if previous else ())
            self.time_models[family] = table

    def check_families(self) -> None:
        for key, entry in list(self.entries.items()):
            if entry.family not in self.time_models:
                self.report(
                    LAYER_BUNDLED,
                    problem_line(
                        self.files.get(key, f"{entry.provider}.toml"),
                        entry.id,
                        "family",
                        f"no [time_model.{entry.family}] table"
                        + close_match_hint(entry.family, tuple(self.time_models)),
                    ),
                )
                del self.entries[key]

    def apply_overrides(self, data: Any, source: str, layer: str) -> None:
        """Overlay ``{"models": {name: {field: value}}, "time_model": {...}}``; bad pieces are skipped."""
        if not isinstance(data, dict):
            self.report(layer, problem_line(source, "-", "-", "expected a table"))
            return
        for key in data:
            if key not in OVERRIDE_FILE_KEYS:
                self.report(
                    layer,
                    problem_line(
                        source, "-", key, "unknown top-level key" + close_match_hint(key, OVERRIDE_FILE_KEYS)
                    ),
                )
        models = data.get("models", {})
        if not isinstance(models, dict):
            self.report(layer, problem_line(source, "-", "models", 'expected [models."provider/id"] tables'))
            models = {}
        for name, fields in models.items():
            self._override_model(str(name), fields, source, layer)
        if "time_model" in data:
            self._add_time_models(data["time_model"], source, layer)

    def _resolve(self, name: str) -> str | None:
        matches = resolve_name(self.entries.values(), name)
        return matches[0].key if len(matches) == 1 else None

    def _override_model(self, name: str, fields: Any, source: str, layer: str) -> None:
        if not isinstance(fields, dict):
            self.report(layer, problem_line(source, name, "-", "expected a table of fields"))
            return
        key = self._resolve(name)
        if key is None:
            if "/" not in name:
                hint = close_match_hint(name, [*self.entries, *(e.id for e in self.entries.values())])
                self.report(
                    layer,
                    problem_line(
                        source,
                        name,
                        "-",
                        "unknown model"
                        + hint
                        + "; a new model needs a provider/id name and all required fields",
                    ),
                )
                return
            provider_id, model_id = name.split("/", 1)
            merged = {"provider": provider_id, "id": model_id, **fields}
        else:
            merged = {**self.raw[key], **fields}
        if key is not None and (merged.get("provider"), merged.get("id")) != (
            self.entries[key].provider,
            self.entries[key].id,
        ):
            self.report(layer, problem_line(source, name, "id", "an override cannot rename a model"))
            return
        try:
            table = coerce_model(merged, today=self.today)
        except FieldProblem as exc:
            self.report(layer, problem_line(source, name, exc.field, exc.message))
            return
        provider = self.providers.get(table["provider"])
        entry = _entry_from(table, provider, layer)
        if entry.family not in self.time_models:
            self.report(
                layer,
                problem_line(
                    source,
                    name,
                    "family",
                    f"no time-model family {entry.family!r}"
                    + close_match_hint(entry.family, tuple(self.time_models)),
                ),
            )
            return
        self.entries[entry.key] = entry
        self.raw[entry.key] = merged


def user_overrides_path() -> Path:
    """Where the user's catalog overrides live (``<user data dir>/overrides.toml``)."""
    return user_data_dir() / OVERRIDES_FILE_NAME


def read_override_file(path: Path) -> dict[str, Any]:
    """Parse an overrides file; UserError naming the file if it is unreadable or not TOML."""
    try:
        return catalog_toml.load(path)
    except FileNotFoundError:
        raise UserError(f"{path}: no such overrides file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{path}: cannot read overrides: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"{path}: invalid TOML: {exc}") from None


def load_catalog(
    *,
    user_overrides: bool = True,
    plan_overrides: Mapping[str, Any] | None = None,
    today: date | None = None,
    files: list[tuple[str, str]] | None = None,
    user_overrides_file: Path | None = None,
    plan_label: str = "plan",
) -> Catalog:
    """Bundled catalog < user overrides < per-plan overrides.

    ``files`` replaces the bundled files (tests); ``user_overrides_file`` replaces the default path;
    ``plan_label`` names the plan layer in problem lines (e.g. the plan's file name).
    Nothing here raises for bad data: problems are collected in :attr:`Catalog.problems`.
    """
    today = today or date.today()
    builder = _Builder(today=today)
    if files is None:
        from ftplanner.core.catalog_import import catalog_files

        notices: list[str] = []
        files = catalog_files(notices)
        for line in notices:
            builder.report(LAYER_BUNDLED, line)
    for name, text in files:
        builder.add_catalog_file(name, text)
    builder.check_families()
    if user_overrides:
        path = user_overrides_file or user_overrides_path()
        if path.exists():
            try:
                data = read_override_file(path)
            except UserError as exc:
                builder.report(LAYER_USER, f"{exc} (ignored)")
            else:
                builder.apply_overrides(data, path.name, LAYER_USER)
    if plan_overrides:
        builder.apply_overrides(dict(plan_overrides), plan_label, LAYER_PLAN)
    problems = [
        line for layer in (LAYER_BUNDLED, LAYER_USER, LAYER_PLAN) for line in builder.problems.get(layer, [])
    ]
    return Catalog(
        entries=tuple(builder.entries.values()),
        providers=builder.providers,
        time_models=builder.time_models,
        today=today,
        problems=problems,
        layer_problems={k: list(v) for k, v in builder.problems.items()},
        raw=builder.raw,
    )


# ---------------------------------------------------------------------------------------------- saving


def load_user_overrides(path: Path | None = None) -> dict[str, Any]:
    """The user's overrides as stored (empty when there is no file)."""
    path = path or user_overrides_path()
    return read_override_file(path) if path.exists() else {}


def salvaged_overrides(path: Path) -> tuple[dict[str, Any], str | None]:
    """The overrides file as far as it can be read, and what is wrong with it (None when nothing)."""
    try:
        raw = statefile.read_state(path)
    except statefile.Unreadable as exc:
        return {}, message_of(exc)
    if raw is None:
        return {}, None
    damage: list[str] = []
    data = catalog_toml.loads_salvaging(statefile.decode_state(raw, damage), damage)
    if not isinstance(data.get("models", {}), dict):
        damage.append(msg("overrides.models_not_table"))
        data = {k: v for k, v in data.items() if k != "models"}
    return data, msg("list", items=Joined(damage, "; ")) if damage else None


def save_user_overrides(
    data: Mapping[str, Any], path: Path | None = None, notices: list[str] | None = None
) -> Path:
    """Write the user's overrides atomically; a damaged file on disk is kept aside first, never overwritten.

    ``notices`` receives the line telling where a damaged file went.
    """
    path = path or user_overrides_path()
    text = catalog_toml.dumps(data, header="FT Planner price overrides (see pricing/README.md for fields).")
    catalog_toml.loads(text)  # never write a file we could not read back
    with statefile.locked(path):
        recovered, damage = salvaged_overrides(path)
        if damage is not None and (path.exists() or path.is_symlink()):
            aside = statefile.keep_aside(path)
            names = list(recovered.get("models", {}))
            readable = (
                msg("overrides.readable", names=Joined(names)) if names else msg("overrides.readable_none")
            )
            line = statefile.aside_notice(path, damage, aside, readable)
            if notices is not None:
                notices.append(line)
        statefile.write_state(path, text, "save the price overrides")
    return path


def set_model_override(
    name: str,
    fields: Mapping[str, Any],
    *,
    path: Path | None = None,
    today: date | None = None,
    notices: list[str] | None = None,
) -> ModelEntry:
    """Merge ``fields`` into the user's override for ``name`` and save, refusing values that fail validation.

    Runs under the file's lock; a damaged file is kept aside and what could be read of it is kept.
    Returns the resulting entry. Raises UserError with the problem line; the file is then unchanged.
    """
    path = path or user_overrides_path()
    with statefile.locked(path):
        data, _ = salvaged_overrides(path)
        models = dict(data.get("models", {}))
        models[name] = {**models.get(name, {}), **fields}
        candidate = {**data, "models": models}
        catalog = load_catalog(user_overrides=False, plan_overrides=candidate, today=today)
        mine = [p for p in catalog.layer_problems.get(LAYER_PLAN, []) if p.startswith(f"plan: {name}:")]
        if mine:
            raise UserError(mine[0].replace("plan: ", f"{OVERRIDES_FILE_NAME}: ", 1))
        save_user_overrides(candidate, path, notices)
    return catalog.get(name)


def remove_model_override(name: str, *, path: Path | None = None, notices: list[str] | None = None) -> bool:
    """Drop the user's override for ``name``; True if there was one."""
    path = path or user_overrides_path()
    with statefile.locked(path):
        data, _ = salvaged_overrides(path)
        models = dict(data.get("models", {}))
        if name not in models:
            return False
        del models[name]
        save_user_overrides({**data, "models": models}, path, notices)
    return True


def stale_before(today: date) -> date:
    """Figures with an as-of date before this are stale."""
    return today - timedelta(days=STALE_AFTER_DAYS)
