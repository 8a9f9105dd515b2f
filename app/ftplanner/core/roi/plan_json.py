"""A scenario as a plan file stores it: the keys of a scenario TOML file, in JSON-safe values.

Decimals are JSON numbers and the start day is ``YYYY-MM-DD``. :func:`plan_dict` writes a scenario through
the TOML writer; :func:`toml_dict` turns a stored dict back into what the validator reads.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from ftplanner.core.roi.scenario import ModelLookup, Scenario, dumps_scenario, scenario_from_dict


def _json_safe(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {key: _json_safe(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json_safe(item) for item in value]
    return value


def _from_json(value: Any) -> Any:
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, Mapping):
        return {key: _from_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_from_json(item) for item in value]
    return value


def scenario_table(scenario: Scenario) -> dict[str, Any]:
    """The scenario as parsed TOML (decimals and dates), written by the core's TOML writer."""
    return tomllib.loads(dumps_scenario(scenario), parse_float=Decimal)


def plan_dict(scenario: Scenario) -> dict[str, Any]:
    """The scenario as the plan stores it (JSON-safe, same keys as the TOML file)."""
    return _json_safe(scenario_table(scenario))


def toml_dict(data: Mapping[str, Any]) -> dict[str, Any]:
    """A plan's scenario dict as the core's validator reads it (JSON numbers with a point → Decimal)."""
    return _from_json(data)


def scenario_from_plan(data: Mapping[str, Any], lookup: ModelLookup | None = None) -> Scenario:
    """Validate a plan's scenario dict; :class:`UserError` names the key."""
    return scenario_from_dict(toml_dict(data), lookup)
