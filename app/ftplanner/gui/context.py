"""Shared, reloadable application state: settings, price catalog, exchange rates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Signal

from ftplanner.core.catalog import Catalog, load_catalog
from ftplanner.core.money import ExchangeRates
from ftplanner.core.settings import Settings, save_settings


class AppContext(QObject):
    catalog_changed = Signal()
    rates_changed = Signal()
    currency_changed = Signal(str)

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.today = date.today()
        self.plan_overrides: dict = {}
        self.catalog: Catalog = load_catalog(today=self.today)
        self.rates = ExchangeRates.load()

    def reload_catalog(self, plan_overrides: dict | None = None) -> None:
        if plan_overrides is not None:
            self.plan_overrides = plan_overrides
        self.catalog = load_catalog(plan_overrides=self.plan_overrides or None, today=self.today)
        self.catalog_changed.emit()

    def reload_rates(self) -> None:
        self.rates = ExchangeRates.load()
        self.rates_changed.emit()

    def set_currency(self, currency: str) -> None:
        if currency != self.settings.currency:
            self.settings.currency = currency
            self.currency_changed.emit(currency)

    def save_settings(self) -> None:
        save_settings(self.settings)
