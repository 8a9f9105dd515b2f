"""The ROI scenario editor's data without widgets: the bundled scenarios, the editor's view of a plan's
scenario and the reading of typed amounts.

The plan keeps its scenario as :mod:`ftplanner.core.roi.plan_json` describes.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from ftplanner.core.paths import resource
from ftplanner.core.plan import LINKED_INPUTS, Plan
from ftplanner.core.roi import Scenario, loads_scenario
from ftplanner.core.roi.plan_json import toml_dict

EXAMPLES = ("prompt_engineering", "rag", "fine_tuning")
DEFAULT_EXAMPLE = "fine_tuning"


def bundled_scenario(name: str = DEFAULT_EXAMPLE) -> Scenario:
    """One of the bundled example scenarios (see :data:`EXAMPLES`)."""
    text = resource("scenarios", f"{name}.toml").read_text(encoding="utf-8")
    return loads_scenario(text, f"{name}.toml")


def editor_data(plan: Plan) -> dict[str, Any]:
    """The plan's scenario as the editor shows it: the user's overrides typed into the model section."""
    data = toml_dict(plan.scenario)
    model = data.get("model")
    if isinstance(model, dict):
        for key in LINKED_INPUTS:  # the scenario's own figures stand only where nothing is linked
            model.pop(key, None)
        for key, value in plan.roi_overrides.items():
            if isinstance(value, dict):
                value = {k: v for k, v in value.items() if k != "currency"}
                value = value.get("likely") if set(value) == {"likely"} else value
            model[key] = toml_dict({"v": value})["v"]
    return data


def keep_fallbacks(stored: dict[str, Any], before: dict[str, Any] | None) -> dict[str, Any]:
    """The edited scenario keeps the model costs it was written with (used when no estimate is linked)."""
    model, old = stored.get("model"), (before or {}).get("model")
    if not isinstance(model, dict) or not isinstance(old, dict):
        return stored
    kept = {key: old[key] for key in LINKED_INPUTS if key in old}
    return {**stored, "model": {**model, **kept}}


# ------------------------------------------------------------------------------------------ typed text


def decimal_or_text(text: str) -> Decimal | str:
    """An amount typed by the user: a Decimal, or the text itself so the core names what is wrong."""
    cleaned = text.strip().replace(",", "").replace("_", "").replace(" ", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return text.strip()
    return value if value.is_finite() else text.strip()


def int_or_text(text: str) -> int | str:
    """A whole number typed by the user, or the text itself so the core names what is wrong."""
    cleaned = text.strip()
    try:
        return int(cleaned)
    except ValueError:
        return cleaned


def plain_number(value: Any) -> str:
    """A TOML number as the editor shows it (``5000``, ``0.08``); other values as their text."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
    if isinstance(value, float):
        return plain_number(Decimal(repr(value)))
    return str(value)
