"""Catalog updates: read a provider file in the ``pricing/*.toml`` schema, show what it changes, install it.

An installed file lives in ``<user data dir>/catalog/<provider>.toml`` and replaces the bundled file of the same
provider (or adds a provider); the bundled catalog stays the fallback. Each file is written atomically, so an
install is whole or absent; a damaged installed file is skipped with a notice and the bundled one is used.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from ftplanner.core import catalog_toml, statefile
from ftplanner.core.catalog import Catalog, ModelEntry, bundled_files, load_catalog
from ftplanner.core.catalog_schema import FieldProblem, coerce_provider, problem_line
from ftplanner.core.errors import Refused, UserError, WriteFailed
from ftplanner.core.messages import msg
from ftplanner.core.paths import user_data_dir

IMPORTED_DIR_NAME = "catalog"
MONEY = (
    "training_per_mtok", "dpo_training_per_mtok", "training_per_hour", "min_charge", "max_charge",
    "input_per_mtok", "cached_input_per_mtok", "output_per_mtok", "batch_input_per_mtok",
    "batch_cached_input_per_mtok", "batch_output_per_mtok", "hosting_per_hour", "hosting_per_month",
)  # fmt: skip
DATES = ("job_deadline", "retires_on", "as_of", "serving_as_of")
IGNORED = frozenset({"origin", "provider_name"})

# Change kinds of a :class:`Change`.
ADDED = "added"
REMOVED = "removed"
PRICE_UP = "price_up"
PRICE_DOWN = "price_down"
PRICE_SET = "price_set"  # a price appears or disappears
DATE_MOVED = "date_moved"
CHANGED = "changed"  # any other field


class InvalidCatalog(Refused):
    """A catalog file that cannot be used; :attr:`problems` are ``file: model: field: message`` lines."""

    def __init__(self, problems: list[str]) -> None:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(problems[0] + more + "; nothing was imported")
        self.problems = problems


@dataclass(frozen=True)
class CatalogFile:
    """One validated provider file."""

    provider: str
    text: str
    source: str  # where it was read (shown in messages)

    @property
    def file_name(self) -> str:
        return f"{self.provider}.toml"


@dataclass(frozen=True)
class Change:
    """One difference between the catalog in use and an imported file."""

    kind: str
    model: str  # catalog key provider/id (or the provider id for a provider change)
    field: str = ""
    old: Any = None
    new: Any = None

    def text(self) -> str:
        """The change as one English line (the GUI words it itself)."""
        if self.kind in (ADDED, REMOVED):
            return f"{self.model}: model {self.kind}"
        return f"{self.model}: {self.field} {value_text(self.old)} → {value_text(self.new)}" + (
            " (up)" if self.kind == PRICE_UP else " (down)" if self.kind == PRICE_DOWN else ""
        )


@dataclass(frozen=True)
class CatalogDiff:
    provider: str
    changes: tuple[Change, ...] = field(default=())

    def of(self, *kinds: str) -> list[Change]:
        return [c for c in self.changes if c.kind in kinds]

    @property
    def empty(self) -> bool:
        return not self.changes

    def summary(self) -> str:
        """``3 prices up, 1 price down, 2 models added, …`` (English)."""
        counts = [
            (len(self.of(PRICE_UP)), "price up", "prices up"),
            (len(self.of(PRICE_DOWN)), "price down", "prices down"),
            (len(self.of(PRICE_SET)), "price set or cleared", "prices set or cleared"),
            (len(self.of(ADDED)), "model added", "models added"),
            (len(self.of(REMOVED)), "model removed", "models removed"),
            (len(self.of(DATE_MOVED)), "date moved", "dates moved"),
            (len(self.of(CHANGED)), "other change", "other changes"),
        ]
        parts = [f"{n} {one if n == 1 else many}" for n, one, many in counts if n]
        return ", ".join(parts) or "no changes"

    def lines(self) -> list[str]:
        return [change.text() for change in self.changes]


def value_text(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value) or "—"
    return str(value)


def imported_dir() -> Path:
    """Where imported catalog files live (``<user data dir>/catalog``)."""
    return user_data_dir() / IMPORTED_DIR_NAME


# ---------------------------------------------------------------------------------------------- reading


def _provider_of(name: str, text: str) -> str:
    """The ``[provider].id`` of a catalog file's text; FieldProblem-free: raises InvalidCatalog."""
    try:
        data = catalog_toml.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InvalidCatalog([problem_line(name, "-", "-", msg("toml.invalid", detail=str(exc)))]) from None
    try:
        return str(coerce_provider(data.get("provider", {}))["id"])
    except FieldProblem as exc:
        raise InvalidCatalog(
            [problem_line(name, "[provider]", exc.field or "provider", exc.message)]
        ) from None


def read_catalog_file(path: Path, today: date | None = None) -> CatalogFile:
    """Read and validate ``path``; InvalidCatalog (exit 1) naming file, model and field when it is unusable."""
    name = str(path)
    try:
        raw = statefile.read_state(path)
    except statefile.Unreadable as exc:
        raise InvalidCatalog([msg("file.unreadable", path=name, detail=str(exc))]) from None
    if raw is None:
        raise UserError(msg("file.missing", path=name))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidCatalog(
            [msg("file.at", path=name, message=msg("state.not_utf8", byte=exc.start))]
        ) from None
    provider = _provider_of(name, text)
    files = [(n, t) for n, t in current_files() if n != f"{provider}.toml"] + [(name, text)]
    catalog = load_catalog(user_overrides=False, files=files, today=today)
    mine = [line for line in catalog.problems if line.startswith(f"{name}: ")]
    if mine:
        raise InvalidCatalog(mine)
    if not any(entry.provider == provider for entry in catalog.entries):
        raise InvalidCatalog([problem_line(name, "-", "models", msg("catalog.no_models"))])
    return CatalogFile(provider, text, name)


def current_files(notices: list[str] | None = None) -> list[tuple[str, str]]:
    """The catalog files in use: the bundled ones, each replaced by an imported file of the same provider."""
    return catalog_files(notices if notices is not None else [])


def catalog_files(notices: list[str]) -> list[tuple[str, str]]:
    """Bundled files with imported ones in their place; a damaged imported file is skipped with a notice."""
    files = dict(bundled_files())
    folder = imported_dir()
    if not folder.is_dir():
        return list(files.items())
    for path in sorted(folder.glob("*.toml")):
        fallback = "the bundled catalog is used" if path.name in files else "its models are left out"
        try:
            raw = statefile.read_state(path)
            if raw is None:
                continue
            text = raw.decode("utf-8")
            provider = _provider_of(path.name, text)
        except (statefile.Unreadable, UnicodeDecodeError, InvalidCatalog) as exc:
            why = exc.problems[0] if isinstance(exc, InvalidCatalog) else str(exc) or "not UTF-8 text"
            notices.append(f"imported catalog {path} is damaged ({why}); {fallback}")
            continue
        if f"{provider}.toml" != path.name:
            notices.append(f"imported catalog {path} is for provider {provider!r}; {fallback}")
            continue
        files[path.name] = text
    return list(files.items())


# ---------------------------------------------------------------------------------------------- comparing


def _entry_changes(key: str, old: ModelEntry, new: ModelEntry) -> list[Change]:
    changes = []
    for name in old.__dataclass_fields__:
        if name in IGNORED:
            continue
        before, after = getattr(old, name), getattr(new, name)
        if before == after:
            continue
        if name in MONEY:
            if before is None or after is None:
                kind = PRICE_SET
            else:
                kind = PRICE_UP if after > before else PRICE_DOWN
        elif name in DATES:
            kind = DATE_MOVED
        else:
            kind = CHANGED
        changes.append(Change(kind, key, name, before, after))
    return changes


def catalog_diff(before: Catalog, after: Catalog, provider: str) -> CatalogDiff:
    """What replacing ``provider``'s file changes: prices up/down, models added/removed, dates moved."""
    old = {e.key: e for e in before.entries if e.provider == provider}
    new = {e.key: e for e in after.entries if e.provider == provider}
    changes: list[Change] = []
    old_provider, new_provider = before.providers.get(provider), after.providers.get(provider)
    if old_provider is not None and new_provider is not None:
        for name in ("name", "status", "note"):
            if getattr(old_provider, name) != getattr(new_provider, name):
                changes.append(
                    Change(
                        CHANGED,
                        provider,
                        f"provider.{name}",
                        getattr(old_provider, name),
                        getattr(new_provider, name),
                    )
                )
    for key, entry in new.items():
        if key not in old:
            changes.append(Change(ADDED, key, new=entry.display_name))
        else:
            changes.extend(_entry_changes(key, old[key], entry))
    changes.extend(
        Change(REMOVED, key, old=entry.display_name) for key, entry in old.items() if key not in new
    )
    return CatalogDiff(provider, tuple(changes))


def preview_import(candidate: CatalogFile, today: date | None = None) -> CatalogDiff:
    """The diff between the catalog in use (without overrides) and the one with ``candidate`` installed."""
    files = current_files()
    before = load_catalog(user_overrides=False, files=files, today=today)
    replaced = [(n, t) for n, t in files if n != candidate.file_name] + [
        (candidate.file_name, candidate.text)
    ]
    after = load_catalog(user_overrides=False, files=replaced, today=today)
    return catalog_diff(before, after, candidate.provider)


# ---------------------------------------------------------------------------------------------- installing


def install(candidate: CatalogFile) -> Path:
    """Store ``candidate`` as the provider's imported file, atomically; WriteFailed leaves the old one."""
    folder = imported_dir()
    if folder.exists() and not folder.is_dir():
        raise WriteFailed(
            f"{folder}: cannot save the imported catalog (a file is in the way); nothing was changed"
        )
    target = folder / candidate.file_name
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteFailed(
            statefile.os_error_text(exc, folder, "save the imported catalog", "nothing was changed")
        ) from None
    with statefile.locked(target):
        statefile.write_state(target, candidate.text, "save the imported catalog")
    return target


def exported_files(provider: str | None = None) -> list[tuple[str, str]]:
    """``(file name, text)`` of the catalog in use (imported files where installed), one provider or all."""
    files = current_files()
    if provider is None:
        return files
    chosen = [(n, t) for n, t in files if n == f"{provider}.toml"]
    if not chosen:
        known = ", ".join(n.removesuffix(".toml") for n, _ in files)
        raise UserError(f"unknown provider {provider!r}; known: {known}")
    return chosen
