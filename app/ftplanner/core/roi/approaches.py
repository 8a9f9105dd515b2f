"""Prompt engineering vs RAG vs fine-tuning on the same benefit model.

The presets follow the usual comparison of the three approaches:

=====================  ===========  ===========  =============  =============================
approach               cost         accuracy     maintenance    fits
=====================  ===========  ===========  =============  =============================
prompt engineering     low          medium       easy           light customisation
RAG                    medium       high         medium         answers from current documents
fine-tuning            high         highest      complex        deep expertise, output format
=====================  ===========  ===========  =============  =============================

Each preset is a cost structure (set-up, running and upkeep lines with low/likely/high amounts in USD, meant
to be edited) plus two assumptions about the benefits: ``benefit_share``, the part of the full benefit the
approach is expected to reach (accuracy: medium 0.6, high 0.85, highest 1.0), and ``ramp_months``, how long
it takes to reach it. In a comparison, the scenario's own benefit lines are scaled by
``preset.benefit_share / share of the scenario's own approach`` (1.0 when it names none) and their ramp is
at least the preset's. The column of the scenario's own ``approach`` uses the scenario exactly as written.
A fine-tuning column keeps the scenario's ``[model]`` (training runs, inference, migration); without one,
the preset's generic training and inference lines stand in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from ftplanner.core.roi.amounts import PERT, Amount
from ftplanner.core.roi.engine import RoiResult, evaluate_scenario
from ftplanner.core.roi.montecarlo import DEFAULT_DRAWS, DEFAULT_SEED, CancelFlag, ProgressCallback
from ftplanner.core.roi.scenario import MONTHLY, ONE_OFF, Item, ModelLookup, Scenario

PROMPT_ENGINEERING = "prompt_engineering"
RAG = "rag"
FINE_TUNING = "fine_tuning"


def _amount(low: int, likely: int, high: int) -> Amount:
    return Amount(PERT, Decimal(low), Decimal(likely), Decimal(high))


@dataclass(frozen=True)
class ApproachPreset:
    """A cost structure and benefit assumptions for one approach."""

    key: str
    label: str
    cost_level: str
    accuracy: str
    maintenance: str
    benefit_share: Decimal
    ramp_months: int
    costs: tuple[Item, ...]
    without_model: tuple[Item, ...] = ()
    keeps_model: bool = False


PRESETS: tuple[ApproachPreset, ...] = (
    ApproachPreset(
        PROMPT_ENGINEERING,
        "Prompt engineering",
        "low",
        "medium",
        "easy",
        Decimal("0.6"),
        1,
        (
            Item("Prompt design and evaluation set", ONE_OFF, _amount(1_000, 2_500, 5_000)),
            Item("Prompt upkeep", MONTHLY, _amount(100, 250, 600)),
            Item("Extra inference for long prompts", MONTHLY, _amount(150, 300, 700)),
        ),
    ),
    ApproachPreset(
        RAG,
        "RAG",
        "medium",
        "high",
        "medium",
        Decimal("0.85"),
        2,
        (
            Item("Retrieval pipeline and index build", ONE_OFF, _amount(8_000, 15_000, 30_000)),
            Item("Vector store and retrieval hosting", MONTHLY, _amount(200, 450, 900)),
            Item("Content and index upkeep", MONTHLY, _amount(600, 1_200, 2_500)),
            Item("Extra inference for retrieved context", MONTHLY, _amount(250, 500, 1_000)),
        ),
    ),
    ApproachPreset(
        FINE_TUNING,
        "Fine-tuning",
        "high",
        "highest",
        "complex",
        Decimal("1.0"),
        3,
        (
            Item("Training data preparation and expert review", ONE_OFF, _amount(8_000, 15_000, 30_000)),
            Item("Evaluation and staged rollout", ONE_OFF, _amount(3_000, 5_000, 10_000)),
            Item("Monthly performance review and data refresh", MONTHLY, _amount(1_000, 2_000, 4_000)),
        ),
        without_model=(
            Item("Training runs (quarterly updates)", MONTHLY, _amount(100, 300, 800)),
            Item("Fine-tuned model inference", MONTHLY, _amount(300, 600, 1_200)),
        ),
        keeps_model=True,
    ),
)


def preset(key: str) -> ApproachPreset:
    """The preset named ``key`` (``prompt_engineering``, ``rag`` or ``fine_tuning``)."""
    for candidate in PRESETS:
        if candidate.key == key:
            return candidate
    raise KeyError(key)


def approach_scenario(
    base: Scenario, approach: ApproachPreset, presets: Sequence[ApproachPreset] = PRESETS
) -> Scenario:
    """``base``'s benefits under ``approach``'s cost structure (``base`` itself for its own approach)."""
    if base.approach == approach.key:
        return base
    own = next((p for p in presets if p.key == base.approach), None)
    factor = approach.benefit_share / (own.benefit_share if own else Decimal(1))
    benefits = tuple(
        replace(
            item,
            amount=item.amount.scaled(factor),
            ramp_months=max(item.ramp_months, approach.ramp_months) if item.kind == MONTHLY else 0,
        )
        for item in base.benefits
    )
    model = base.model if approach.keeps_model else None
    costs = approach.costs + (() if model is not None else approach.without_model)
    return replace(
        base,
        name=f"{base.name} — {approach.label}",
        approach=approach.key,
        costs=costs,
        benefits=benefits,
        model=model,
    )


@dataclass(frozen=True)
class ApproachResult:
    preset: ApproachPreset
    scenario: Scenario
    result: RoiResult
    as_written: bool


def compare_approaches(
    base: Scenario,
    lookup: ModelLookup | None = None,
    presets: Sequence[ApproachPreset] = PRESETS,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
) -> tuple[ApproachResult, ...]:
    """Evaluate every preset on ``base``'s benefit model with the same seed, side by side."""
    out: list[ApproachResult] = []
    count = len(presets)
    for i, approach in enumerate(presets):
        scenario = approach_scenario(base, approach, presets)

        def step(fraction: float, i: int = i) -> None:
            if progress is not None:
                progress((i + fraction) / count)

        result = evaluate_scenario(scenario, lookup, draws, seed, step, cancel)
        out.append(ApproachResult(approach, scenario, result, scenario is base))
    return tuple(out)
