"""The report renders the plan evaluation of :mod:`ftplanner.core.evaluation`; these are its names here."""

from __future__ import annotations

from ftplanner.core.evaluation import (
    W_APPROXIMATE,
    DatasetFacts,
    InputRow,
    ModelRow,
    PlanEvaluation,
    PlanWarning,
    json_text,
)
from ftplanner.core.plan_inputs import plan_scenario

ReportContent = PlanEvaluation
ReportWarning = PlanWarning

__all__ = [
    "W_APPROXIMATE",
    "DatasetFacts",
    "InputRow",
    "ModelRow",
    "ReportContent",
    "ReportWarning",
    "json_text",
    "plan_scenario",
]
