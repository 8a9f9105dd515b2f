"""Scenario files: loading, defaults, validation errors (file, line, key) and the writer."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from ftplanner.core.errors import UserError
from ftplanner.core.paths import resource
from ftplanner.core.roi.amounts import PERT, TRIANGULAR, Amount
from ftplanner.core.roi.scenario import (
    MONTHLY,
    ONE_OFF,
    Item,
    ModelFacts,
    ModelPlan,
    Scenario,
    default_start,
    dumps_scenario,
    load_scenario,
    loads_scenario,
    locate_key,
    save_scenario,
)

GOOD = """\
schema = 1
name = "Support ticket triage"
currency = "USD"
start = 2026-12-01
horizon_months = 24
discount_rate_annual = 0.08

[[costs]]
name = "Data preparation"
kind = "one_off"
month = 0
amount = { low = 3000, likely = 5000, high = 9000 }

[[costs]]
name = "Monitoring"
kind = "monthly"
amount = 250.50

[[benefits]]
name = "Agent hours saved"
kind = "monthly"
amount = { low = 2000, likely = 4000, high = 5000 }
ramp_months = 3
"""


def lookup(model_id: str) -> ModelFacts | None:
    return ModelFacts(model_id) if model_id == "known-model" else None


def test_loads_the_issue_example(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text(GOOD, encoding="utf-8")
    s = load_scenario(path)
    assert s.name == "Support ticket triage"
    assert s.horizon_months == 24
    assert s.discount_rate_annual == Decimal("0.08")
    assert s.start == date(2026, 12, 1)
    assert s.costs[0] == Item(
        "Data preparation", ONE_OFF, Amount(PERT, Decimal(3000), Decimal(5000), Decimal(9000))
    )
    assert s.costs[1].amount == Amount.fixed(Decimal("250.50"))
    assert s.costs[1].kind == MONTHLY and s.costs[1].ramp_months == 0
    assert s.benefits[0].ramp_months == 3
    assert s.model is None
    assert s.source == str(path)


def test_default_start_is_first_of_next_month() -> None:
    assert default_start(date(2026, 11, 29)) == date(2026, 12, 1)
    assert default_start(date(2026, 12, 31)) == date(2027, 1, 1)
    text = GOOD.replace("start = 2026-12-01\n", "")
    assert loads_scenario(text, today=date(2027, 3, 15)).start == date(2027, 4, 1)


def test_start_as_iso_text_is_accepted() -> None:
    assert loads_scenario(GOOD.replace("start = 2026-12-01", 'start = "2027-02-01"')).start == date(
        2027, 2, 1
    )


def test_model_section_and_lookup() -> None:
    text = GOOD + '\n[model]\nid = "known-model"\ntraining_cost = { low = 40, likely = 60, high = 90 }\n'
    s = loads_scenario(text, lookup=lookup)
    assert s.model == ModelPlan(
        "known-model",
        training_cost=Amount(PERT, Decimal(40), Decimal(60), Decimal(90)),
        retrain_every_months=0,
    )
    with pytest.raises(UserError, match=r"s\.toml:26: Catalog model: unknown model other"):
        loads_scenario(text.replace("known-model", "other"), "s.toml", lookup=lookup)


def _error(text: str) -> str:
    with pytest.raises(UserError) as info:
        loads_scenario(text, "plan.toml")
    return str(info.value)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "horizon_months = 24",
            "horizon_months = 0",
            "plan.toml:5: Horizon: must be between 1 and 120",
        ),
        (
            "horizon_months = 24",
            "horizon_months = 121",
            "plan.toml:5: Horizon: must be between 1 and 120",
        ),
        (
            "horizon_months = 24",
            'horizon_months = "24"',
            "plan.toml:5: Horizon: expected a whole number",
        ),
        ('kind = "one_off"', 'kind = "yearly"', "plan.toml:10: Costs, line 1: Kind: unknown kind yearly"),
        ("low = 3000", "low = -3000", "plan.toml:12: Costs, line 1: Low: must not be negative"),
        (
            "low = 2000",
            "low = 4500",
            "plan.toml:22: Benefits, line 1: amount: low (4500) is above likely (4000)",
        ),
        (
            "high = 5000",
            "high = 3500",
            "plan.toml:22: Benefits, line 1: amount: likely (4000) is above high (3500)",
        ),
        ("amount = 250.50", "amount = -250.50", "plan.toml:17: Costs, line 2: amount: must not be negative"),
        (
            "discount_rate_annual = 0.08",
            "discount_rate_annual = 8",
            "plan.toml:6: Discount / year: must be between 0 % and 100 %, got 800 %",
        ),
        (
            "schema = 1",
            "schema = 2",
            "plan.toml:1: Format version: version 2 was written by a newer FT Planner",
        ),
        ('currency = "USD"', 'currency = "dollars"', "plan.toml:3: Currency: expected a three-letter code"),
        ("ramp_months = 3", "ramp_month = 3", "plan.toml:23: Benefits, line 1: ramp_month: unknown setting"),
        ("month = 0", "month = 25", "plan.toml:11: Costs, line 1: Month: must be between 0 and 24"),
        ("start = 2026-12-01", "start = 2026-12-01T10:00:00", "plan.toml:4: Start: expected a date"),
        ('name = "Monitoring"\n', "", "plan.toml:14: Costs, line 2: Name: missing"),
    ],
)
def test_validation_errors_name_file_line_and_key(old: str, new: str, expected: str) -> None:
    assert old in GOOD
    assert _error(GOOD.replace(old, new, 1)).startswith(expected)


def test_missing_top_level_keys() -> None:
    assert _error(GOOD.replace("schema = 1\n", "")) == "plan.toml: Format version: missing"
    assert _error(GOOD.replace("horizon_months = 24\n", "")) == "plan.toml: Horizon: missing"


def test_wrong_table_shapes() -> None:
    header = GOOD.split("\n[[costs]]")[0]
    assert _error(header + "\ncosts = 3\n").startswith("plan.toml:8: Costs: expected a list of lines")
    assert _error(header + '\nmodel = "x"\n').startswith("plan.toml:8: Model: expected a table")
    assert _error(header + "\ncosts = [1]\n").startswith("plan.toml:8: Costs, line 1: expected a table")


def test_monthly_and_one_off_keys_do_not_mix() -> None:
    assert "Costs, line 1: Ramp: only monthly lines take this" in _error(
        GOOD.replace("month = 0", "month = 0\nramp_months = 2")
    )
    assert "month is for one-off lines" in _error(
        GOOD.replace("amount = 250.50", "amount = 250.50\nmonth = 3")
    )


def test_toml_syntax_error_names_line() -> None:
    broken = GOOD.replace('name = "Monitoring"', 'name = "Monitoring')
    message = _error(broken)
    assert message.startswith("plan.toml: not valid TOML:")
    assert "line 15" in message


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no such file"):
        load_scenario(tmp_path / "nope.toml")
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"\xff\xfe\x00name")
    with pytest.raises(UserError, match="not a UTF-8 text file"):
        load_scenario(bad)


def test_writer_round_trips(tmp_path: Path) -> None:
    text = GOOD.replace("schema = 1", 'schema = 1\ndistribution = "triangular"\ndescription = "say \\"hi\\""')
    text += (
        '\n[[benefits]]\nname = "Late"\nkind = "monthly"\nstart_month = 4\nend_month = 12\n'
        'amount = { dist = "lognormal", likely = 10.5, high = 20 }\nnote = "a\\tb"\n'
        '\n[[benefits]]\nname = "Rebate"\nkind = "one_off"\nmonth = 6\namount = { dist = "pert", low = 1, likely = 2, high = 3 }\n'
        '\n[model]\nid = "known-model"\nretrain_every_months = 6\ninclude_inference = false\n'
        "migration_cost = { low = 2000, likely = 4000, high = 8000 }\ninference_per_month = 12.25\n"
    )
    s = loads_scenario(text, lookup=lookup)
    assert s.distribution == TRIANGULAR and s.benefits[2].amount.dist == PERT
    path = tmp_path / "out" / "scenario.toml"
    save_scenario(s, path)
    again = load_scenario(path, lookup=lookup)
    assert again == s
    assert dumps_scenario(again) == dumps_scenario(s)


def test_writer_round_trips_a_built_scenario() -> None:
    s = Scenario(
        name="Built",
        horizon_months=12,
        discount_rate_annual=Decimal("0.1"),
        start=date(2027, 1, 1),
        costs=(Item("Setup", ONE_OFF, Amount.fixed(Decimal("1000.25")), month=2),),
        benefits=(Item("Savings", MONTHLY, Amount(PERT, Decimal(1), Decimal(2), Decimal(3)), ramp_months=2),),
    )
    assert loads_scenario(dumps_scenario(s)) == s


def test_locate_key() -> None:
    assert locate_key(GOOD, "costs[1].amount") == 17
    assert locate_key(GOOD, "benefits[0]") == 19
    assert locate_key(GOOD, "name") == 2
    assert locate_key(GOOD, "costs[5].amount") is None
    assert locate_key(GOOD, "not a key!") is None


@pytest.mark.parametrize("name", ["prompt_engineering", "rag", "fine_tuning"])
def test_bundled_examples_are_valid(name: str) -> None:
    text = resource("scenarios", f"{name}.toml").read_text(encoding="utf-8")
    s = loads_scenario(text, f"{name}.toml", lookup=lambda model_id: ModelFacts(model_id))
    assert s.approach == name
    assert s.horizon_months == 24 and s.start == date(2026, 12, 1)
    assert (s.model is not None) == (name == "fine_tuning")
