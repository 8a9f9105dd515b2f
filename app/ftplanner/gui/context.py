"""Shared, reloadable application state: settings, price catalog, exchange rates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Signal

from ftplanner.core.catalog import Catalog, load_catalog
from ftplanner.core.money import ExchangeRates
from ftplanner.core.settings import Settings, save_settings
from ftplanner.core.timemodel import TimeModel


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
        self._time_model: TimeModel | None = None

    def time_model(self) -> TimeModel:
        """The catalog's time model calibrated with this machine's finished jobs, built once per catalog."""
        if self._time_model is None:
            from ftplanner.jobs.calibration import calibrated_time_model

            self._time_model = calibrated_time_model(self.catalog)
        return self._time_model

    def jobs_finished(self) -> None:
        """A job ended: its duration may calibrate the time model."""
        self._time_model = None
        self.catalog_changed.emit()

    def reload_catalog(self, plan_overrides: dict | None = None) -> None:
        if plan_overrides is not None:
            self.plan_overrides = plan_overrides
        self.catalog = load_catalog(plan_overrides=self.plan_overrides or None, today=self.today)
        self._time_model = None
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
