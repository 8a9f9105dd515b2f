"""Model-linked costs: retraining cadence, launch deadline, retirement and migration, inference, hosting."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from ftplanner.core.errors import UserError
from ftplanner.core.roi.amounts import PERT, Amount
from ftplanner.core.roi.cashflow import FlowModel, deterministic
from ftplanner.core.roi.scenario import MONTHLY, ONE_OFF, Item, ModelFacts, ModelPlan, Scenario
from ftplanner.core.roi.schedule import add_months, build_schedule, month_index

START = date(2026, 12, 1)
FACTS = {
    "forever": ModelFacts("forever", inference_per_month=Decimal("120.50"), hosting_per_month=Decimal(30)),
    "retiring": ModelFacts("retiring", retires_on=date(2027, 1, 14), can_launch_until=date(2027, 1, 6)),
    "late": ModelFacts("late", retires_on=date(2029, 6, 15), can_launch_until=date(2027, 12, 31)),
    "gone": ModelFacts("gone", retires_on=date(2026, 10, 23)),
    "closed": ModelFacts("closed", can_launch_until=date(2026, 7, 2)),
}


def lookup(model_id: str) -> ModelFacts | None:
    return FACTS.get(model_id)


def plan(model_id: str, **kw: object) -> Scenario:
    fields: dict[str, object] = {"training_cost": Amount.fixed(Decimal(60))}
    fields.update(kw)
    return Scenario(
        "m",
        24,
        Decimal("0.08"),
        START,
        costs=(Item("Data", ONE_OFF, Amount.fixed(Decimal(5000))),),
        benefits=(Item("Saved", MONTHLY, Amount.fixed(Decimal(4000))),),
        model=ModelPlan(model_id, **fields),  # type: ignore[arg-type]
    )


def line(scenario: Scenario, key: str):
    return next(x for x in build_schedule(scenario, lookup).lines if x.key == key)


def months_with(pattern: tuple[float, ...]) -> list[int]:
    return [t for t, v in enumerate(pattern) if v]


def test_calendar_helpers() -> None:
    assert add_months(date(2026, 12, 1), 1) == date(2027, 1, 1)
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2027, 12, 15), -13) == date(2026, 11, 15)
    assert month_index(START, date(2027, 1, 14)) == 1
    assert month_index(START, date(2026, 12, 31)) == 0
    assert month_index(START, date(2026, 11, 30)) == -1
    assert month_index(date(2027, 1, 31), date(2027, 2, 28)) == 1
    assert month_index(date(2027, 1, 31), date(2027, 2, 27)) == 0


@pytest.mark.parametrize(
    ("every", "expected"),
    [(0, [0]), (6, [0, 6, 12, 18, 24]), (5, [0, 5, 10, 15, 20]), (24, [0, 24]), (30, [0])],
)
def test_retraining_cadence(every: int, expected: list[int]) -> None:
    training = line(plan("forever", retrain_every_months=every), "model:training")
    assert months_with(training.pattern) == expected
    assert training.name == "Training runs (forever)"


def test_inference_and_hosting_from_the_lookup_every_month() -> None:
    s = plan("forever")
    inference, hosting = line(s, "model:inference"), line(s, "model:hosting")
    assert inference.amount == Amount.fixed(Decimal("120.50"))
    assert hosting.amount == Amount.fixed(Decimal(30))
    assert months_with(inference.pattern) == list(range(1, 25))
    d = deterministic(FlowModel(build_schedule(s, lookup)))
    assert d.monthly[0].cost == 5060
    assert d.monthly[1].cost == pytest.approx(150.5)
    assert build_schedule(s, lookup).warnings == ()


def test_scenario_overrides_inference_and_can_leave_it_out() -> None:
    override = Amount(PERT, Decimal(10), Decimal(20), Decimal(30))
    assert line(plan("forever", inference_per_month=override), "model:inference").amount == override
    keys = {x.key for x in build_schedule(plan("forever", include_inference=False), lookup).lines}
    assert "model:inference" not in keys and "model:hosting" not in keys


def test_unknown_inference_cost_warns() -> None:
    warnings = build_schedule(plan("late"), lookup).warnings
    assert any("No inference cost known for late" in w for w in warnings)


def test_retirement_inside_horizon_adds_migration_and_warns() -> None:
    s = plan(
        "retiring",
        retrain_every_months=3,
        migration_cost=Amount(PERT, Decimal(2000), Decimal(4000), Decimal(8000)),
        inference_per_month=Amount.fixed(Decimal(100)),
    )
    schedule = build_schedule(s, lookup)
    migration = line(s, "model:migration")
    assert months_with(migration.pattern) == [1]
    assert months_with(line(s, "model:training").pattern) == [0]
    assert months_with(line(s, "model:inference").pattern) == list(range(1, 25))
    text = " ".join(schedule.warnings)
    assert "retiring retires on 2027-01-14, in month 1 of the plan: migration cost added in month 1" in text
    assert "8 scheduled training run(s) after the retirement dropped" in text
    d = deterministic(FlowModel(schedule))
    assert d.monthly[1].cost == 4100


def test_retirement_without_migration_cost_still_warns() -> None:
    schedule = build_schedule(plan("retiring"), lookup)
    assert not any(x.key == "model:migration" for x in schedule.lines)
    assert any("no migration cost is set" in w for w in schedule.warnings)


def test_retirement_after_horizon_is_silent() -> None:
    s = plan("late", retrain_every_months=6, include_inference=False, migration_cost=Amount.fixed(Decimal(1)))
    schedule = build_schedule(s, lookup)
    assert not any(x.key == "model:migration" for x in schedule.lines)
    assert months_with(line(s, "model:training").pattern) == [0, 6, 12]  # launch deadline 2027-12-31
    assert schedule.warnings == (
        "2 scheduled training run(s) dropped: late accepts no new fine-tuning jobs after 2027-12-31.",
    )


def test_retirement_in_last_month_of_horizon() -> None:
    s = plan("late", include_inference=False, migration_cost=Amount.fixed(Decimal(500)))
    s = Scenario(
        s.name,
        18,
        s.discount_rate_annual,
        date(2027, 12, 1),
        costs=s.costs,
        benefits=s.benefits,
        model=s.model,
    )
    assert months_with(line(s, "model:migration").pattern) == [18]


@pytest.mark.parametrize(
    ("model_id", "message"),
    [
        ("nope", "Catalog model: unknown model nope"),
        ("gone", "gone retired on 2026-10-23, before the plan starts (2026-12-01)"),
        ("closed", "closed accepts no new fine-tuning jobs after 2026-07-02"),
    ],
)
def test_unusable_models(model_id: str, message: str) -> None:
    with pytest.raises(UserError, match=message.replace("(", r"\(").replace(")", r"\)")):
        build_schedule(plan(model_id), lookup)


def test_a_model_needs_a_lookup() -> None:
    with pytest.raises(UserError, match="unknown model"):
        build_schedule(plan("forever"))


def test_missing_training_cost_warns() -> None:
    schedule = build_schedule(plan("forever", training_cost=None), lookup)
    assert "No training cost set for forever: training runs are not costed." in schedule.warnings


def test_no_costs_or_benefits_warn() -> None:
    s = Scenario("empty", 3, Decimal(0), START)
    assert build_schedule(s).warnings == (
        "The scenario has no costs: ROI and payback are undefined.",
        "The scenario has no benefits: it cannot pay back.",
    )


def test_duplicate_names_get_distinct_keys() -> None:
    item = Item("Same", MONTHLY, Amount.fixed(Decimal(1)))
    s = Scenario("d", 3, Decimal(0), START, costs=(item, item))
    assert [x.key for x in build_schedule(s).lines] == ["cost:Same", "cost:Same#2"]
