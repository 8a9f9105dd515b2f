"""Tornado sensitivity: each uncertain input swung to its low and high value, the others at likely.

``npv_low`` is the NPV with the input at its **low** value, ``npv_high`` with it at its **high** value (for a
cost, ``npv_low`` is therefore the larger one). Bars are sorted by swing ``|npv_high − npv_low|``, widest
first. Fixed inputs have no bar.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ftplanner.core.roi.cashflow import FlowModel


@dataclass(frozen=True)
class TornadoBar:
    name: str
    side: str
    input_low: float
    input_high: float
    npv_low: float
    npv_high: float

    @property
    def swing(self) -> float:
        return abs(self.npv_high - self.npv_low)


def tornado(model: FlowModel) -> tuple[TornadoBar, ...]:
    """One bar per uncertain line, widest NPV swing first."""
    k = len(model.uncertain)
    if k == 0:
        return ()
    values = model.likely_values(2 * k)
    for i, line in enumerate(model.uncertain):
        values[2 * i, i] = float(line.amount.low)
        values[2 * i + 1, i] = float(line.amount.high)
    npv = model.evaluate(values).npv
    bars = [
        TornadoBar(
            line.name,
            line.side,
            float(line.amount.low),
            float(line.amount.high),
            float(npv[2 * i]),
            float(npv[2 * i + 1]),
        )
        for i, line in enumerate(model.uncertain)
    ]
    order = np.argsort([-bar.swing for bar in bars], kind="stable")
    return tuple(bars[i] for i in order)
