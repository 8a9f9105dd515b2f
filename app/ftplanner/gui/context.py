"""Shared, reloadable application state: settings, price catalog, exchange rates, state-file notices."""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Callable, Iterable
from datetime import date

from PySide6.QtCore import QObject, Signal

from ftplanner.core import statefile
from ftplanner.core.catalog import Catalog, load_catalog
from ftplanner.core.money import ExchangeRates
from ftplanner.core.settings import Settings, save_settings
from ftplanner.core.timemodel import TimeModel
from ftplanner.gui.say import say


class AppContext(QObject):
    catalog_changed = Signal()
    rates_changed = Signal()
    currency_changed = Signal(str)
    # A damaged state file was kept aside (or could be read only in part): the line names the file.
    state_notice = Signal(str)

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.today = date.today()
        self.plan_overrides: dict = {}
        self.catalog: Catalog = load_catalog(today=self.today)
        self.rates = ExchangeRates.load()
        self._time_model: TimeModel | None = None
        self._stop_listening = statefile.listen(_forward_to(self))
        stop = self._stop_listening
        self.destroyed.connect(lambda *_: stop())

    def stop_listening(self) -> None:
        """No more state-file notices for this context (its window closed)."""
        self._stop_listening()

    def tell(self, notices: Iterable[str]) -> None:
        """Show the user each notice a save returned (each line once per session)."""
        for line in notices:
            statefile.announce(line)

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
        """Write the settings; a damaged settings file kept aside is shown to the user once."""
        self.tell(save_settings(self.settings))


def _forward_to(
    context: AppContext,
) -> Callable[[str], None]:  # a weak reference: the listener never keeps a context alive
    ref = weakref.ref(context)

    def forward(line: str) -> None:
        target = ref()
        if target is not None:
            with contextlib.suppress(RuntimeError):  # the Qt object is already gone
                target.state_notice.emit(say(line))  # in the GUI language

    return forward
