"""Charts drawn on any Matplotlib axes from the core's typed results, shared by the GUI and the report.

No Qt here: callers pass the axes, the colours and the already-worded labels (the GUI's translations, the
report's language). :mod:`ftplanner.plots.palette` holds the colours without importing Matplotlib.
"""

from ftplanner.plots.palette import ACCENT, ACCENT_LIGHT, NEGATIVE, POSITIVE

__all__ = ["ACCENT", "ACCENT_LIGHT", "NEGATIVE", "POSITIVE"]
