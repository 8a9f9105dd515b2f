"""The ROI page's view of a plan evaluation: JSON-ready figures, the approach comparison, and money.

Qt-free, so the page, its charts and their tests share one reading of :class:`PlanEvaluation`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ftplanner.core.errors import UserError
from ftplanner.core.evaluation import PlanEvaluation
from ftplanner.core.money import format_money
from ftplanner.core.roi import RoiResult, Scenario, result_to_dict


@dataclass(frozen=True)
class ApproachFigures:
    """One column of the approach comparison."""

    key: str
    cost_level: str
    accuracy: str
    maintenance: str
    as_written: bool
    figures: dict[str, Any]


@dataclass(frozen=True)
class RoiOutcome:
    """Everything the page shows: the plan's evaluation, its ROI as JSON-ready figures, the comparison."""

    scenario: Scenario
    result: RoiResult
    figures: dict[str, Any]
    approaches: tuple[ApproachFigures, ...]
    evaluation: PlanEvaluation | None = None


def outcome_of(evaluation: PlanEvaluation) -> RoiOutcome:
    """The ROI page's view of a plan evaluation (made with ``approaches=True``)."""
    if evaluation.roi is None or evaluation.scenario is None:
        raise UserError("the plan has no ROI scenario")
    approaches = tuple(
        ApproachFigures(
            a.preset.key,
            a.preset.cost_level,
            a.preset.accuracy,
            a.preset.maintenance,
            a.as_written,
            result_to_dict(a.result),
        )
        for a in evaluation.approaches
    )
    return RoiOutcome(
        evaluation.scenario, evaluation.roi, result_to_dict(evaluation.roi), approaches, evaluation
    )


def money(value: float | None, currency: str) -> str:
    """A result figure (float from the core's JSON-ready dict) in ``currency``; ``—`` when undefined."""
    return format_money(None if value is None else Decimal(str(value)), currency)
