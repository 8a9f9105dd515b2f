"""The charts' colours and label helpers, shared by the Matplotlib charts and the report's SVG charts."""

from __future__ import annotations

ACCENT = "#2f7ed8"
ACCENT_LIGHT = "#9cc3ee"
NEGATIVE = "#d9534f"
POSITIVE = "#3a9a5b"
TORNADO_BARS = 10  # inputs shown in a tornado chart, largest swing first


def short(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
