"""Plan files (``.ftplan``): one human-readable JSON document per decision being prepared.

A plan holds the dataset path with a summary of its analysis, the models compared, epochs, the
traffic profile, currency, horizon, per-plan price overrides and the ROI scenario. Loading never
fails on a missing dataset (the plan says so); it fails with a clear message on a broken file.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ftplanner.core.errors import UserError
from ftplanner.core.paths import user_data_dir, write_text_atomic

PLAN_SCHEMA = 1
PLAN_SUFFIX = ".ftplan"
MAX_NAME = 200
MAX_DESCRIPTION = 5000
LINKED_INPUTS = ("training_cost", "inference_per_month", "hosting_per_month")


@dataclass
class Traffic:
    requests_per_month: int = 10_000
    input_tokens: int = 800
    output_tokens: int = 200
    cached_share: float = 0.0
    batch_share: float = 0.0


@dataclass
class Plan:
    name: str = "Untitled plan"
    description: str = ""
    dataset: str = ""
    dataset_summary: dict[str, Any] = field(default_factory=dict)
    models: list[str] = field(default_factory=list)
    chosen_model: str = ""  # the model the plan goes with; "" = the recommended one
    epochs: int | None = None  # None = the provider's automatic choice
    traffic: Traffic = field(default_factory=Traffic)
    months: int = 12
    currency: str = "USD"
    price_overrides: dict[str, Any] = field(default_factory=dict)
    scenario: dict[str, Any] = field(default_factory=dict)
    # ROI inputs typed over the values linked from the chosen model's estimate (training_cost,
    # inference_per_month, hosting_per_month), each {"currency": ..., "low"/"likely"/"high": ...}.
    roi_overrides: dict[str, Any] = field(default_factory=dict)

    def dataset_missing(self, base: Path | None = None) -> bool:
        return bool(self.dataset) and not resolve_dataset(self, base).is_file()

    def to_json(self) -> str:
        data = {"schema": PLAN_SCHEMA, **asdict(self)}
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def resolve_dataset(plan: Plan, base: Path | None = None) -> Path:
    """The dataset path; relative paths are relative to the plan file's folder."""
    path = Path(plan.dataset).expanduser()
    return path if path.is_absolute() or base is None else base / path


def _expect(source: str, key: str, value: Any, kind: type | tuple[type, ...]) -> Any:
    if (isinstance(value, bool) and kind is not bool) or not isinstance(value, kind):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise UserError(f"{source}: {key}: expected {names}, found {json.dumps(value)[:40]}")
    return value


def plan_from_dict(data: Any, source: str) -> Plan:
    """Build a Plan from decoded JSON, naming the file and key of anything wrong."""
    _expect(source, "(top level)", data, dict)
    schema = data.get("schema", PLAN_SCHEMA)
    if schema != PLAN_SCHEMA:
        raise UserError(f"{source}: schema: version {schema} is not supported (expected {PLAN_SCHEMA})")
    plan = Plan()
    plan.name = _expect(source, "name", data.get("name", plan.name), str)
    plan.description = _expect(source, "description", data.get("description", ""), str)
    if len(plan.name) > MAX_NAME or len(plan.description) > MAX_DESCRIPTION:
        raise UserError(
            f"{source}: name/description: too long (at most {MAX_NAME} and {MAX_DESCRIPTION} characters)"
        )
    plan.dataset = _expect(source, "dataset", data.get("dataset", ""), str)
    plan.dataset_summary = _expect(source, "dataset_summary", data.get("dataset_summary", {}), dict)
    models = _expect(source, "models", data.get("models", []), list)
    plan.models = [_expect(source, f"models[{i}]", m, str) for i, m in enumerate(models)]
    plan.chosen_model = _expect(source, "chosen_model", data.get("chosen_model", ""), str)
    epochs = data.get("epochs")
    if epochs is not None and (_expect(source, "epochs", epochs, int) < 1 or epochs > 50):
        raise UserError(f"{source}: epochs: must be between 1 and 50, or null for automatic")
    plan.epochs = epochs
    months = _expect(source, "months", data.get("months", plan.months), int)
    if not 1 <= months <= 120:
        raise UserError(f"{source}: months: must be between 1 and 120")
    plan.months = months
    plan.currency = _expect(source, "currency", data.get("currency", "USD"), str).upper()
    plan.price_overrides = _expect(source, "price_overrides", data.get("price_overrides", {}), dict)
    plan.scenario = _expect(source, "scenario", data.get("scenario", {}), dict)
    overrides = _expect(source, "roi_overrides", data.get("roi_overrides", {}), dict)
    unknown = sorted(set(overrides) - set(LINKED_INPUTS))
    if unknown:
        raise UserError(
            f"{source}: roi_overrides.{unknown[0]}: unknown input (expected {', '.join(LINKED_INPUTS)})"
        )
    plan.roi_overrides = overrides
    traffic = _expect(source, "traffic", data.get("traffic", {}), dict)
    defaults = Traffic()
    values: dict[str, Any] = {}
    for key, default in asdict(defaults).items():
        value = _expect(source, f"traffic.{key}", traffic.get(key, default), (int, float))
        if value < 0 or (key.endswith("_share") and value > 1):
            raise UserError(f"{source}: traffic.{key}: out of range ({value})")
        values[key] = int(value) if isinstance(default, int) else float(value)
    plan.traffic = Traffic(**values)
    return plan


def load_plan(path: Path) -> Plan:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{path}: cannot be read ({exc})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(f"{path}: line {exc.lineno}: not valid JSON ({exc.msg})") from None
    return plan_from_dict(data, str(path))


def save_plan(plan: Plan, path: Path) -> None:
    write_text_atomic(path, plan.to_json())


def autosave_dir() -> Path:
    return user_data_dir() / "autosave"


def autosave(plan: Plan, key: str) -> Path:
    """Write a recovery copy of ``plan``; ``key`` identifies the document (its path, or 'untitled')."""
    name = "".join(ch if ch.isalnum() else "_" for ch in key)[-80:] or "untitled"
    path = autosave_dir() / f"{name}{PLAN_SUFFIX}"
    write_text_atomic(
        path, json.dumps({"source": key, "saved_at": time.time(), "plan": json.loads(plan.to_json())})
    )
    return path


def recoverable() -> list[tuple[str, float, Plan]]:
    """Autosaved plans left by a session that did not close cleanly: (source, saved_at, plan)."""
    found: list[tuple[str, float, Plan]] = []
    folder = autosave_dir()
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob(f"*{PLAN_SUFFIX}")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            found.append(
                (str(data["source"]), float(data["saved_at"]), plan_from_dict(data["plan"], str(path)))
            )
        except (OSError, ValueError, KeyError, TypeError, UserError):
            continue
    return found


def clear_autosaves() -> None:
    folder = autosave_dir()
    if folder.is_dir():
        for path in folder.glob(f"*{PLAN_SUFFIX}"):
            path.unlink(missing_ok=True)
