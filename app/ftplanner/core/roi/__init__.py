"""ROI simulation: does a fine-tune (or a cheaper approach) pay back, and how surely?

Modules: :mod:`.amounts` (uncertain amounts), :mod:`.scenario` (file format), :mod:`.schedule` (timing
rules), :mod:`.cashflow` (definitions of NPV, ROI, IRR, payback), :mod:`.montecarlo`, :mod:`.sensitivity`,
:mod:`.approaches`, :mod:`.engine` (one call for everything). No Qt, no network.
"""

from ftplanner.core.roi.amounts import Amount, parse_amount
from ftplanner.core.roi.approaches import PRESETS, ApproachPreset, ApproachResult, compare_approaches
from ftplanner.core.roi.cashflow import Deterministic, FlowModel, MonthRow, deterministic, irr_monthly
from ftplanner.core.roi.engine import RoiResult, evaluate_scenario, result_to_dict
from ftplanner.core.roi.montecarlo import DEFAULT_DRAWS, DEFAULT_SEED, MAX_DRAWS, MonteCarloResult, simulate
from ftplanner.core.roi.scenario import (
    Item,
    ModelFacts,
    ModelLookup,
    ModelPlan,
    Scenario,
    dumps_scenario,
    load_scenario,
    loads_scenario,
    save_scenario,
)
from ftplanner.core.roi.schedule import Schedule, build_schedule
from ftplanner.core.roi.sensitivity import TornadoBar, tornado

__all__ = [
    "DEFAULT_DRAWS",
    "DEFAULT_SEED",
    "MAX_DRAWS",
    "PRESETS",
    "Amount",
    "ApproachPreset",
    "ApproachResult",
    "Deterministic",
    "FlowModel",
    "Item",
    "ModelFacts",
    "ModelLookup",
    "ModelPlan",
    "MonteCarloResult",
    "MonthRow",
    "RoiResult",
    "Scenario",
    "Schedule",
    "TornadoBar",
    "build_schedule",
    "compare_approaches",
    "deterministic",
    "dumps_scenario",
    "evaluate_scenario",
    "irr_monthly",
    "load_scenario",
    "loads_scenario",
    "parse_amount",
    "result_to_dict",
    "save_scenario",
    "simulate",
    "tornado",
]
