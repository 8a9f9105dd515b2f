"""Every TOML file FT Planner writes reads back as it was, whatever characters its texts hold.

Scenarios, price overrides and exchange rates are written by tomlkit (:mod:`ftplanner.core.toml_text`);
files written by the earlier hand-written writers still read.
"""

from __future__ import annotations

import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ftplanner.core import catalog_toml
from ftplanner.core.catalog import load_catalog, load_user_overrides, save_user_overrides
from ftplanner.core.money import ExchangeRates
from ftplanner.core.roi.amounts import PERT, TRIANGULAR, Amount
from ftplanner.core.roi.plan_json import plan_dict, scenario_from_plan
from ftplanner.core.roi.scenario import (
    MONTHLY,
    ONE_OFF,
    Item,
    ModelPlan,
    Scenario,
    dumps_scenario,
    load_scenario,
    loads_scenario,
    save_scenario,
)
from ftplanner.core.toml_text import Inline, dumps

HORIZON = 24
CONTROL = "".join(map(chr, range(0x20))) + "\x7f\x85\u2028\u2029"
# any text (a lone surrogate is not text a file can hold), with every control character often
texts = st.text(
    alphabet=st.one_of(st.characters(exclude_categories=("Cs",)), st.sampled_from(CONTROL)), max_size=30
)
names = texts.map(str.strip).filter(bool)
money = st.integers(0, 10**9).map(lambda cents: Decimal(cents).scaleb(-2))


@st.composite
def amounts(draw: st.DrawFn) -> Amount:
    if draw(st.booleans()):
        return Amount.fixed(draw(money))
    low, likely, high = sorted(draw(st.lists(money, min_size=3, max_size=3)))
    return Amount(draw(st.sampled_from((PERT, TRIANGULAR))), low, likely, high)


@st.composite
def items(draw: st.DrawFn) -> Item:
    if draw(st.booleans()):
        return Item(
            draw(names), ONE_OFF, draw(amounts()), month=draw(st.integers(0, HORIZON)), note=draw(texts)
        )
    start = draw(st.integers(1, HORIZON))
    end = draw(st.none() | st.integers(start, HORIZON))
    ramp = draw(st.integers(0, 12))
    return Item(
        draw(names),
        MONTHLY,
        draw(amounts()),
        ramp_months=ramp,
        start_month=start,
        end_month=end,
        note=draw(texts),
    )


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    model = None
    if draw(st.booleans()):
        model = ModelPlan(
            draw(names),
            training_cost=draw(st.none() | amounts()),
            retrain_every_months=draw(st.integers(0, 12)),
            include_inference=draw(st.booleans()),
            migration_cost=draw(st.none() | amounts()),
        )
    return Scenario(
        name=draw(texts),
        horizon_months=HORIZON,
        discount_rate_annual=Decimal(draw(st.integers(0, 100))) / 100,
        start=date(2026, 12, 1),
        currency=draw(st.sampled_from(("USD", "JPY", "EUR"))),
        costs=tuple(draw(st.lists(items(), max_size=3))),
        benefits=tuple(draw(st.lists(items(), max_size=3))),
        model=model,
        distribution=draw(st.sampled_from((PERT, TRIANGULAR))),
        approach=draw(texts),
        description=draw(texts),
    )


@settings(max_examples=150, deadline=None)
@given(scenarios())
def test_any_scenario_reads_back_as_written(scenario: Scenario) -> None:
    text = dumps_scenario(scenario)
    assert loads_scenario(text) == scenario
    assert scenario_from_plan(plan_dict(scenario)) == scenario  # as a plan file holds it (JSON)


def test_a_name_with_a_carriage_return_saves_and_loads(tmp_path: Path) -> None:
    scenario = Scenario(
        name="a\rb",
        horizon_months=12,
        discount_rate_annual=Decimal("0.08"),
        start=date(2027, 1, 1),
        description="line 1\r\nline 2\x00\x1b[0m\x7f",
        costs=(Item('say "hi"\\', ONE_OFF, Amount.fixed(Decimal("1000.50")), note="\t\b\f"),),
    )
    path = tmp_path / "scenario.toml"
    save_scenario(scenario, path)
    assert load_scenario(path) == scenario
    assert load_scenario(path).name == "a\rb"
    assert 'name = "a\\rb"' in path.read_text(encoding="utf-8")  # readable: one line, escaped


def test_a_scenario_written_by_the_earlier_writer_still_reads() -> None:
    old = (  # exactly what the hand-written writer produced
        'schema = 1\nname = "Triage \\"v2\\""\ndescription = "tab\\there\\nnext line"\n'
        'currency = "JPY"\nstart = 2026-12-01\nhorizon_months = 24\ndiscount_rate_annual = 0.08\n'
        'distribution = "triangular"\n\n[[costs]]\nname = "Setup"\nkind = "one_off"\nmonth = 0\n'
        'amount = { low = 3000, likely = 5000.5, high = 9000 }\n\n[[benefits]]\nname = "Hours"\n'
        'kind = "monthly"\nend_month = 12\nramp_months = 3\namount = 4000\nnote = "n"\n\n'
        '[model]\nid = "gpt-4.1-mini-2025-04-14"\ntraining_cost = { dist = "pert", low = 40, likely = 60, high = 90 }\n'
        "retrain_every_months = 6\ninclude_inference = true\n"
    )
    scenario = loads_scenario(old)
    assert scenario.name == 'Triage "v2"' and scenario.description == "tab\there\nnext line"
    assert scenario.costs[0].amount == Amount(TRIANGULAR, Decimal(3000), Decimal("5000.5"), Decimal(9000))
    assert scenario.benefits[0].end_month == 12 and scenario.model is not None
    assert scenario.model.training_cost == Amount(PERT, Decimal(40), Decimal(60), Decimal(90))
    rewritten = dumps_scenario(scenario)
    assert loads_scenario(rewritten) == scenario
    assert "[[costs]]" in rewritten and "amount = {" in rewritten and "[model]" in rewritten


def test_the_writer_keeps_the_file_format() -> None:
    scenario = loads_scenario(
        'schema = 1\nname = "S"\nstart = 2026-12-01\nhorizon_months = 12\ndiscount_rate_annual = 0.1\n'
        '[[costs]]\nname = "C"\nkind = "one_off"\namount = { low = 1, likely = 2.5, high = 3 }\n'
    )
    assert dumps_scenario(scenario) == (
        'schema = 1\nname = "S"\ncurrency = "USD"\nstart = 2026-12-01\nhorizon_months = 12\n'
        'discount_rate_annual = 0.1\n\n[[costs]]\nname = "C"\nkind = "one_off"\nmonth = 0\n'
        "amount = {low = 1, likely = 2.5, high = 3}\n"
    )


# ------------------------------------------------------------------------------------ overrides and rates

override_fields = st.fixed_dictionaries(
    {"training_per_mtok": money, "sources": st.lists(texts, max_size=3)},
    optional={
        "notes": texts,
        "as_of": st.dates(date(2020, 1, 1), date(2030, 12, 31)),
        "hosted": st.booleans(),
    },
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(texts, override_fields, max_size=3))
def test_any_overrides_read_back_as_written(tmp_path: Path, models: dict) -> None:
    path = tmp_path / "overrides.toml"
    save_user_overrides({"models": models}, path)
    assert load_user_overrides(path) == {"models": models}


def test_override_source_with_control_characters_reaches_the_catalog(tmp_path: Path) -> None:
    key = "openai/gpt-4.1-mini-2025-04-14"
    path = tmp_path / "overrides.toml"
    source = 'contract\r\nsigned\x00 2026 "final" \\ \x7f'
    save_user_overrides({"models": {key: {"training_per_mtok": Decimal("4.00"), "sources": [source]}}}, path)
    catalog = load_catalog(user_overrides_file=path, today=date(2026, 11, 29))
    assert catalog.get(key).sources == (source,)
    assert catalog.get(key).training_per_mtok == Decimal("4.00")


def test_overrides_written_by_the_earlier_writer_still_read(tmp_path: Path) -> None:
    path = tmp_path / "overrides.toml"
    path.write_text(
        "# FT Planner price overrides (see pricing/README.md for fields).\n\n"
        '[models."openai/gpt-4.1-mini-2025-04-14"]\ntraining_per_mtok = 4.0\nas_of = 2026-11-20\n'
        'sources = ["our \\"contract\\"", "tab\\tand \\u0001"]\n',
        encoding="utf-8",
    )
    data = load_user_overrides(path)
    assert data == {
        "models": {
            "openai/gpt-4.1-mini-2025-04-14": {
                "training_per_mtok": Decimal("4.0"),
                "as_of": date(2026, 11, 20),
                "sources": ['our "contract"', "tab\tand \x01"],
            }
        }
    }
    save_user_overrides(data, path)
    assert load_user_overrides(path) == data
    assert path.read_text(encoding="utf-8").startswith("# FT Planner price overrides")


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from(("JPY", "EUR", "GBP", "CHF")), money.filter(bool), max_size=4))
def test_any_rates_read_back_as_written(tmp_path: Path, rates: dict[str, Decimal]) -> None:
    path = tmp_path / "rates.toml"
    table = ExchangeRates()
    for code, per_usd in rates.items():
        table.set(code, per_usd, date(2026, 11, 1))
    table.save(path)
    again = ExchangeRates.load(path)
    assert {r.currency: (r.per_usd, r.set_on) for r in again} == {
        code: (value, date(2026, 11, 1)) for code, value in rates.items()
    }
    assert again.problems == []


# ------------------------------------------------------------------------------------------- the writer

keys = texts
scalars = st.one_of(
    texts,
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.decimals(allow_nan=False, allow_infinity=False),
    st.dates(),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=3).map(Inline),
    max_leaves=8,
)
tables = st.recursive(
    st.dictionaries(keys, values, max_size=4),
    lambda inner: st.dictionaries(keys, inner | st.lists(inner, min_size=1, max_size=2) | values, max_size=3),
    max_leaves=6,
)


def _plain(value: object) -> object:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


@settings(max_examples=200, deadline=None)
@given(tables)
def test_any_table_reads_back_as_written(data: dict) -> None:
    text = dumps(data, header="a header\n\nwith lines")
    assert text.startswith("# a header\n")
    assert tomllib.loads(text, parse_float=Decimal) == _plain(data)
    assert catalog_toml.loads(catalog_toml.dumps(data)) == _plain(data)
