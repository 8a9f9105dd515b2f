"""The Pricing page's catalog table: its columns, cell texts, tooltips, colours and sort keys."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QFont

from ftplanner.core import display
from ftplanner.core.catalog import LAYER_BUNDLED, LAYER_PLAN, LAYER_USER, ModelEntry
from ftplanner.gui.context import AppContext

WARNING_COLOR = "#c0392b"
OVERRIDE_MARK = "✎"  # after the model name of an overridden row (which is also bold)

(
    COL_PROVIDER,
    COL_MODEL,
    COL_TRAINING,
    COL_INPUT,
    COL_CACHED,
    COL_OUTPUT,
    COL_HOSTING,
    COL_MAX_TOKENS,
    COL_TOKENIZER,
    COL_DEADLINE,
    COL_RETIRES,
    COL_AS_OF,
    COL_ORIGIN,
    COL_SOURCES,
) = range(14)


def _int_key(value: int | None) -> float | int:
    return float("inf") if value is None else value


SORT_KEYS: dict[int, Callable[[ModelEntry], Any]] = {
    COL_TRAINING: lambda e: display.money_sort_key(
        None if e.price_unknown else (e.training_per_mtok or e.training_per_hour)
    ),
    COL_INPUT: lambda e: display.money_sort_key(e.input_per_mtok),
    COL_CACHED: lambda e: display.money_sort_key(e.cached_input_per_mtok),
    COL_OUTPUT: lambda e: display.money_sort_key(e.output_per_mtok),
    COL_HOSTING: lambda e: display.money_sort_key(e.hosting_per_hour),
    COL_MAX_TOKENS: lambda e: _int_key(e.max_example_tokens),
}


class CatalogColumns(QObject):
    """Translated texts of the catalog table (prices older than 180 days are stale)."""

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context

    def columns(self) -> list[tuple[str, Callable[[ModelEntry], str]]]:
        return [
            (self.tr("Provider"), lambda e: e.provider_name or e.provider),
            (self.tr("Model"), self.model_text),
            (self.tr("Training"), self.training_text),
            (self.tr("Input\n/ 1M"), lambda e: self.serving_price(e, e.input_per_mtok)),
            (self.tr("Cached\n/ 1M"), lambda e: self.serving_price(e, e.cached_input_per_mtok)),
            (self.tr("Output\n/ 1M"), lambda e: self.serving_price(e, e.output_per_mtok)),
            (self.tr("Hosting\n/ hour"), lambda e: display.price_text(e.hosting_per_hour)),
            (
                self.tr("Max tokens\n/ example"),
                lambda e: f"{e.max_example_tokens:,}" if e.max_example_tokens else "—",
            ),
            (self.tr("Tokenizer"), self.tokenizer_text),
            (self.tr("New jobs\nuntil"), lambda e: e.job_deadline.isoformat() if e.job_deadline else "—"),
            (self.tr("Retires"), self.retires_text),
            (self.tr("As of"), self.as_of_text),
            (self.tr("Origin"), self.origin_text),
            (self.tr("Sources"), lambda e: "; ".join(e.sources)),
        ]

    def model_text(self, entry: ModelEntry) -> str:
        """The name, with a mark when an override (yours or the plan's) changes the bundled figures."""
        return (
            f"{entry.display_name} {OVERRIDE_MARK}" if entry.origin != LAYER_BUNDLED else entry.display_name
        )

    def font(self, entry: ModelEntry, column: int) -> QFont | None:
        if entry.origin == LAYER_BUNDLED:
            return None
        font = QFont()
        font.setBold(True)
        return font

    def training_text(self, entry: ModelEntry) -> str:
        if entry.price_unknown:
            return self.tr("unknown")
        if entry.per_hour:
            return self.tr("{0} / hour").format(display.price_text(entry.training_per_hour))
        return self.tr("{0} / 1M").format(display.price_text(entry.training_per_mtok))

    def tokenizer_text(self, entry: ModelEntry) -> str:
        if entry.exact_tokens:
            return entry.encoding
        return self.tr("≈{0} (±{1})").format(entry.encoding, display.share_text(entry.token_error))

    def retires_text(self, entry: ModelEntry) -> str:
        if entry.retires_on is None:
            return "—"
        if entry.retirement_unconfirmed:
            return self.tr("{0} (unconfirmed)").format(entry.retires_on.isoformat())
        return entry.retires_on.isoformat()

    def as_of_text(self, entry: ModelEntry) -> str:
        if entry.is_stale(self.context.today):
            return self.tr("{0} (stale)").format(entry.as_of.isoformat())
        return entry.as_of.isoformat()

    def origin_text(self, entry: ModelEntry) -> str:
        return {
            LAYER_BUNDLED: self.tr("bundled"),
            LAYER_USER: self.tr("user"),
            LAYER_PLAN: self.tr("plan"),
        }.get(entry.origin, entry.origin)

    def foreground(self, entry: ModelEntry, column: int) -> QColor | None:
        if (column == COL_AS_OF and entry.is_stale(self.context.today)) or (
            column == COL_RETIRES and entry.retires_on and entry.retires_on <= self.context.today
        ):
            return QColor(WARNING_COLOR)
        return None

    def serving_price(self, entry: ModelEntry, amount: Decimal | None) -> str:
        """A per-token serving price; "unknown" when no price for running the model is published."""
        if entry.serving == "unknown":
            return self.tr("unknown")
        if entry.serving == "dedicated":
            return self.tr("dedicated")
        return display.price_text(amount)

    def tooltip(self, entry: ModelEntry, column: int) -> str | None:
        if column in (COL_INPUT, COL_CACHED, COL_OUTPUT, COL_HOSTING):
            lines = [entry.serving_note] if entry.serving_note else []
            if entry.serving == "dedicated":
                lines.append(
                    self.tr("Served on a dedicated deployment billed per hour; tokens are not billed")
                )
            lines.append(self.tr("Prices as of {0}").format(entry.running_as_of.isoformat()))
            lines.extend(entry.running_sources)
            return "\n".join(lines)
        if column == COL_MODEL:
            marked = (
                self.tr("{0} Overridden (layer: {1}): these figures replace the bundled catalog's").format(
                    OVERRIDE_MARK, self.origin_text(entry)
                )
                if entry.origin != LAYER_BUNDLED
                else ""
            )
            return "\n".join(filter(None, [entry.key, marked, entry.lifecycle_note, entry.price_note]))
        if column == COL_TRAINING:
            lines = []
            if entry.dpo_training_per_mtok is not None:
                lines.append(self.tr("DPO: {0} / 1M").format(display.price_text(entry.dpo_training_per_mtok)))
            if entry.min_charge is not None:
                lines.append(self.tr("Minimum per job: {0}").format(display.price_text(entry.min_charge)))
            if entry.max_charge is not None:
                lines.append(self.tr("Cap per job: {0}").format(display.price_text(entry.max_charge)))
            if entry.price_note:
                lines.append(entry.price_note)
            return "\n".join(lines) or None
        if column == COL_AS_OF:
            return self.tr("Prices older than 180 days are marked stale")
        if column == COL_SOURCES:
            return "\n".join(entry.sources)
        if column == COL_ORIGIN:
            return self.tr(
                "Which layer last changed this model: bundled catalog, your overrides, or the plan"
            )
        return None
