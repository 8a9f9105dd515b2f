"""Property tests: random bytes, TOML and JSON fed to the rates, overrides, scenario and plan readers give a
result or one UserError, never anything else; a damaged rates file is never lost when rates change."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ftplanner.cli.report import example_plan_path
from ftplanner.core import catalog_toml, statefile
from ftplanner.core.catalog import load_catalog, set_model_override
from ftplanner.core.errors import UserError
from ftplanner.core.money import ExchangeRates
from ftplanner.core.plan import SUMMARY_COUNTS, load_plan, plan_from_dict
from ftplanner.core.roi import loads_scenario
from ftplanner.core.roi.amounts import MAX_AMOUNT
from ftplanner.core.roi.plan_json import scenario_from_plan

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
keys = st.text(min_size=1, max_size=8)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats()
    | st.text(max_size=20)
    | st.decimals(allow_nan=False, allow_infinity=False, places=4)
    | st.dates()
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=4),
    max_leaves=20,
)
toml_scalars = scalars.filter(lambda v: v is not None and not (isinstance(v, float) and v != v))
toml_tables = st.recursive(
    st.dictionaries(keys, toml_scalars, max_size=4),
    lambda children: st.dictionaries(keys, children | toml_scalars, max_size=4),
    max_leaves=16,
)
CODES = ["JPY", "EUR", "GBP", "XXQ", "usd", "", "CHF"]
rates_tables = st.fixed_dictionaries(
    {
        "rates": st.dictionaries(
            st.sampled_from(CODES),
            st.fixed_dictionaries({}, optional={"per_usd": toml_scalars, "set_on": toml_scalars})
            | toml_scalars,
            max_size=5,
        )
    }
)


def _outcome(function, *args):
    """The reader's result, or None when it refused the input with a UserError (anything else fails)."""
    try:
        return function(*args)
    except UserError as exc:
        assert str(exc) and "\n" not in str(exc).strip()
        return None


def _check_scenario(scenario) -> None:
    if scenario is None:
        return
    amounts = [item.amount for item in (*scenario.costs, *scenario.benefits)]
    assert all(0 <= a.low <= a.likely <= a.high <= MAX_AMOUNT for a in amounts)


def _check_plan(plan) -> None:
    if plan is None:
        return
    traffic = plan.traffic
    assert 0 <= traffic.requests_per_month <= 10**12 and 0 <= traffic.cached_share <= 1
    assert 0 <= traffic.batch_share <= 1 and len(plan.name) <= 500
    for entry in plan.dataset_summary.values():
        assert all(isinstance(v, int) and v >= 0 for k, v in entry.items() if k in SUMMARY_COUNTS)


def _toml(data: dict) -> str:
    try:
        return catalog_toml.dumps(data)
    except (TypeError, ValueError):
        return "x = 1\n"


def _check_rates(home: Path, raw: bytes) -> None:
    path = home / "exchange_rates.toml"
    for old in home.glob("exchange_rates.toml*"):
        old.unlink()
    path.write_bytes(raw)
    loaded = ExchangeRates.load(path)
    assert all(r.per_usd > 0 for r in loaded)
    with ExchangeRates.editing(path) as rates:
        rates.set("SEK", "10.5", date(2026, 11, 1))
    kept = sorted(home.glob("exchange_rates.toml" + statefile.BROKEN_MARK + "*"))
    if kept:  # every byte of the damaged file is still there
        assert kept[0].read_bytes() == raw and rates.notices
    else:
        assert loaded.damage is None
    fresh = ExchangeRates.load(path)
    assert fresh.damage is None and "SEK" in [r.currency for r in fresh]


@SETTINGS
@given(st.binary(max_size=400))
def test_rates_reader_on_random_bytes(tmp_path, raw):
    _check_rates(tmp_path, raw)


@SETTINGS
@given(toml_tables | rates_tables)
def test_rates_reader_on_random_toml(tmp_path, data):
    _check_rates(tmp_path, _toml(data).encode())


@SETTINGS
@given(
    st.binary(max_size=400)
    | (toml_tables | st.fixed_dictionaries({"models": toml_tables})).map(lambda d: _toml(d).encode())
)
def test_overrides_reader_on_random_input(tmp_path, raw):
    path = tmp_path / "overrides.toml"
    for old in tmp_path.glob("overrides.toml*"):
        old.unlink()
    path.write_bytes(raw)
    catalog = load_catalog(user_overrides_file=path, today=date(2026, 11, 1))
    assert catalog.entries
    try:
        set_model_override(
            "gpt-4.1-mini-2025-04-14", {"training_per_mtok": Decimal("6")}, path=path, today=date(2026, 11, 1)
        )
    except UserError:
        return
    kept = sorted(tmp_path.glob("overrides.toml" + statefile.BROKEN_MARK + "*"))
    assert not kept or kept[0].read_bytes() == raw


@SETTINGS
@given(st.binary(max_size=400).map(lambda b: b.decode("utf-8", errors="replace")) | toml_tables.map(_toml))
def test_scenario_reader_on_random_toml(text):
    _check_scenario(_outcome(loads_scenario, text, "random.toml"))


@SETTINGS
@given(json_values)
def test_scenario_from_a_plan_on_random_json(data):
    _check_scenario(_outcome(scenario_from_plan, data if isinstance(data, dict) else {"x": data}))


EXAMPLE = json.loads(example_plan_path().read_text(encoding="utf-8"))


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


PLAN_PATHS = [p for p in _paths(EXAMPLE) if p]


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(PLAN_PATHS), json_values), min_size=1, max_size=3))
def test_plan_reader_on_mutated_plans(changes):
    data = json.loads(json.dumps(EXAMPLE))
    for path, value in changes:
        node = data
        try:
            for key in path[:-1]:
                node = node[key]
            node[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    plan = _outcome(plan_from_dict, data, "random.ftplan")
    _check_plan(plan)
    if plan is not None and plan.scenario:
        _check_scenario(_outcome(scenario_from_plan, plan.scenario))


@SETTINGS
@given(st.binary(max_size=600) | json_values.map(lambda v: json.dumps(v).encode()))
def test_plan_file_reader_on_random_bytes(tmp_path, raw):
    path = tmp_path / "random.ftplan"
    path.write_bytes(raw)
    _check_plan(_outcome(load_plan, path))
