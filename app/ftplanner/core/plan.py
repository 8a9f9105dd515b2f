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

from ftplanner.core import statefile
from ftplanner.core.errors import UserError, WriteFailed
from ftplanner.core.messages import Joined, msg
from ftplanner.core.paths import user_data_dir, write_text_atomic
from ftplanner.core.tally import json_problem

PLAN_SCHEMA = 1
PLAN_SUFFIX = ".ftplan"
MAX_PLAN_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 32  # arrays/objects inside arrays/objects
MAX_NAME_CHARS = 500
MAX_TEXT_CHARS = 100_000  # any other text value
MAX_COUNT = 10**15  # summary counts (tokens, examples)
TRAFFIC_LIMITS = {"requests_per_month": 10**12, "input_tokens": 10**8, "output_tokens": 10**8}
SUMMARY_COUNTS = (
    "examples",
    "errors",
    "warnings",
    "total_tokens",
    "billing_tokens_per_epoch",
    "max_example_tokens",
    "auto_epochs",
)
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
        kinds = (kind,) if isinstance(kind, type) else kind
        wanted = Joined([msg(f"plan.type_{k.__name__}") for k in kinds], " / ")
        raise UserError(
            msg("plan.wrong_type", path=source, key=key, wanted=wanted, found=json.dumps(value)[:40])
        )
    return value


class _NonFinite:
    """Where JSON held NaN or Infinity (Python's json accepts them); refused with the key named."""

    def __init__(self, name: str) -> None:
        self.name = name


def _check_shape(source: str, data: Any) -> None:
    """Refuse NaN/Infinity, nesting deeper than MAX_DEPTH and text over MAX_TEXT_CHARS (iteratively)."""
    stack: list[tuple[Any, int, str]] = [(data, 0, "")]
    while stack:
        value, depth, where = stack.pop()
        if isinstance(value, _NonFinite):
            raise UserError(
                msg("plan.not_finite", path=source, key=where or msg("plan.top"), value=value.name)
            )
        if isinstance(value, str) and len(value) > MAX_TEXT_CHARS:
            raise UserError(msg("plan.text_too_long", path=source, key=where, limit=MAX_TEXT_CHARS))
        if isinstance(value, (dict, list)):
            if depth >= MAX_DEPTH:
                raise UserError(
                    msg("plan.too_deep_at", path=source, key=where or msg("plan.top"), depth=MAX_DEPTH)
                )
            if isinstance(value, dict):
                for key, item in value.items():
                    if len(key) > MAX_TEXT_CHARS:
                        raise UserError(
                            msg("plan.key_too_long", path=source, key=where, limit=MAX_TEXT_CHARS)
                        )
                    stack.append((item, depth + 1, f"{where}.{key}" if where else key))
            else:
                stack.extend((item, depth + 1, f"{where}[{i}]") for i, item in enumerate(value))


def _summary(source: str, data: Any) -> dict[str, Any]:
    """The stored analysis summary: one object per encoding whose counts are whole numbers ≥ 0."""
    summary = _expect(source, "dataset_summary", data, dict)
    for encoding, entry in summary.items():
        where = f"dataset_summary.{encoding}"
        _expect(source, where, entry, dict)
        for key in SUMMARY_COUNTS:
            if key in entry:
                value = _expect(source, f"{where}.{key}", entry[key], int)
                if not 0 <= value <= MAX_COUNT:
                    raise UserError(
                        msg(
                            "plan.count_range", path=source, key=f"{where}.{key}", high=MAX_COUNT, value=value
                        )
                    )
    return summary


def plan_from_dict(data: Any, source: str) -> Plan:
    """Build a Plan from decoded JSON, naming the file and key of anything wrong (in one line)."""
    try:
        return _plan_from_dict(data, source)
    except UserError as exc:
        if str(exc).isprintable():
            raise
        raise UserError(msg("raw", text=_one_line(str(exc)))) from None


def _one_line(message: str) -> str:
    return "".join(ch if ch.isprintable() else json.dumps(ch)[1:-1] for ch in message)


def _plan_from_dict(data: Any, source: str) -> Plan:
    _check_shape(source, data)
    _expect(source, "(top level)", data, dict)
    schema = data.get("schema", PLAN_SCHEMA)
    if isinstance(schema, bool) or not isinstance(schema, int):
        raise UserError(
            msg("plan.schema_type", path=source, schema=PLAN_SCHEMA, found=json.dumps(schema)[:40])
        )
    if schema != PLAN_SCHEMA:
        raise UserError(msg("plan.schema_version", path=source, version=schema, schema=PLAN_SCHEMA))
    plan = Plan()
    plan.name = _expect(source, "name", data.get("name", plan.name), str)
    if len(plan.name) > MAX_NAME_CHARS:
        raise UserError(
            msg("plan.too_long", path=source, key="name", limit=MAX_NAME_CHARS, length=len(plan.name))
        )
    plan.description = _expect(source, "description", data.get("description", ""), str)
    if len(plan.description) > MAX_DESCRIPTION:
        raise UserError(
            msg(
                "plan.too_long",
                path=source,
                key="description",
                limit=MAX_DESCRIPTION,
                length=len(plan.description),
            )
        )
    plan.dataset = _expect(source, "dataset", data.get("dataset", ""), str)
    plan.dataset_summary = _summary(source, data.get("dataset_summary", {}))
    models = _expect(source, "models", data.get("models", []), list)
    plan.models = [_expect(source, f"models[{i}]", m, str) for i, m in enumerate(models)]
    plan.chosen_model = _expect(source, "chosen_model", data.get("chosen_model", ""), str)
    epochs = data.get("epochs")
    if epochs is not None and (_expect(source, "epochs", epochs, int) < 1 or epochs > 50):
        raise UserError(msg("plan.bad_epochs", path=source))
    plan.epochs = epochs
    months = _expect(source, "months", data.get("months", plan.months), int)
    if not 1 <= months <= 120:
        raise UserError(msg("plan.bad_months", path=source))
    plan.months = months
    plan.currency = _expect(source, "currency", data.get("currency", "USD"), str).upper()
    plan.price_overrides = _expect(source, "price_overrides", data.get("price_overrides", {}), dict)
    plan.scenario = _expect(source, "scenario", data.get("scenario", {}), dict)
    overrides = _expect(source, "roi_overrides", data.get("roi_overrides", {}), dict)
    unknown = sorted(set(overrides) - set(LINKED_INPUTS))
    if unknown:
        raise UserError(
            msg(
                "plan.unknown_input",
                path=source,
                key=f"roi_overrides.{unknown[0]}",
                known=", ".join(LINKED_INPUTS),
            )
        )
    plan.roi_overrides = overrides
    traffic = _expect(source, "traffic", data.get("traffic", {}), dict)
    defaults = Traffic()
    values: dict[str, Any] = {}
    for key, default in asdict(defaults).items():
        value = _expect(source, f"traffic.{key}", traffic.get(key, default), (int, float))
        high = 1 if key.endswith("_share") else TRAFFIC_LIMITS.get(key, MAX_COUNT)
        if not 0 <= value <= high:  # also refuses NaN
            raise UserError(
                msg("plan.out_of_range", path=source, key=f"traffic.{key}", low=0, high=high, value=value)
            )
        values[key] = int(value) if isinstance(default, int) else float(value)
    plan.traffic = Traffic(**values)
    return plan


def loads_plan_json(text: str, source: str) -> Any:
    """Decoded plan JSON; NaN/Infinity, deep nesting and broken JSON are one UserError naming ``source``."""
    try:
        return json.loads(text, parse_constant=_NonFinite)
    except json.JSONDecodeError as exc:
        raise UserError(
            msg("plan.bad_json", path=source, line=exc.lineno, detail=json_problem(exc))
        ) from None
    except RecursionError:
        raise UserError(msg("plan.too_deep", path=source, depth=MAX_DEPTH)) from None


def load_plan(path: Path) -> Plan:
    try:
        if path.stat().st_size > MAX_PLAN_BYTES:
            raise UserError(msg("plan.too_large", path=str(path), limit=MAX_PLAN_BYTES // (1024 * 1024)))
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserError(msg("file.missing", path=str(path))) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(msg("dataset.unreadable", path=str(path), detail=str(exc))) from None
    return plan_from_dict(loads_plan_json(text, str(path)), str(path))


def save_plan(plan: Plan, path: Path) -> None:
    write_text_atomic(path, plan.to_json())


def autosave_dir() -> Path:
    return user_data_dir() / "autosave"


def autosave(plan: Plan, key: str) -> Path:
    """Write a recovery copy of ``plan``; ``key`` identifies the document (its path, or 'untitled').

    Atomic, under the autosave folder's lock; a full disk or a read-only folder is one WriteFailed and the
    previous copy stays as it was.
    """
    name = "".join(ch if ch.isalnum() else "_" for ch in key)[-80:] or "untitled"
    folder = autosave_dir()
    path = folder / f"{name}{PLAN_SUFFIX}"
    text = json.dumps({"source": key, "saved_at": time.time(), "plan": json.loads(plan.to_json())})
    with statefile.locked(folder):
        statefile.write_state(path, text, "autosave the plan")
    return path


def _read_autosave(path: Path) -> tuple[str, float, Plan]:
    raw = statefile.read_state(path)
    if raw is None:
        raise FileNotFoundError(path)
    data = loads_plan_json(raw.decode("utf-8"), str(path))
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    return str(data["source"]), float(data["saved_at"]), plan_from_dict(data["plan"], str(path))


def recoverable() -> list[tuple[str, float, Plan]]:
    """Autosaved plans left by a session that did not close cleanly: (source, saved_at, plan).

    An autosave that cannot be read is kept aside (``NAME.ftplan.broken-…``, never deleted) and the user
    is told once where it went.
    """
    found: list[tuple[str, float, Plan]] = []
    folder = autosave_dir()
    if not folder.is_dir():
        return found
    with statefile.locked(folder):
        for path in sorted(folder.glob(f"*{PLAN_SUFFIX}")):
            try:
                found.append(_read_autosave(path))
            except FileNotFoundError:
                continue
            except (statefile.Unreadable, ValueError, KeyError, TypeError, RecursionError, UserError) as exc:
                reason = str(exc).removeprefix(f"{path}: ") or type(exc).__name__
                try:
                    aside = statefile.keep_aside(path)
                except WriteFailed as failed:
                    statefile.announce(f"autosave {path} cannot be read ({reason}); {failed}")
                    continue
                statefile.announce(statefile.aside_notice(path, reason, aside, msg("plan.none_recovered")))
    return found


def clear_autosaves() -> None:
    """Remove the recovery copies (kept-aside damaged ones stay)."""
    folder = autosave_dir()
    if folder.is_dir():
        with statefile.locked(folder):
            for path in folder.glob(f"*{PLAN_SUFFIX}"):
                path.unlink(missing_ok=True)
