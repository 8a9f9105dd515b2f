"""The Pricing page's exchange rates box: the saved rates (units per 1 USD), set and removed with the core."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ftplanner.core.errors import UserError
from ftplanner.core.money import BASE_CURRENCY, ExchangeRates, Rate, check_currency, decimal_text
from ftplanner.gui.context import AppContext
from ftplanner.gui.pages.pricing_table import WARNING_COLOR
from ftplanner.gui.say import say_error
from ftplanner.gui.table_models import RowsModel


class RatesBox(QGroupBox):
    """The rates table and the inputs to set or remove one; ``status`` reports what was saved."""

    status = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Exchange rates (units per 1 USD)"))
        self.context = context
        self.rates_model = RowsModel(
            [
                (self.tr("Currency"), lambda r: r.currency),
                (self.tr("Per USD"), lambda r: decimal_text(r.per_usd)),
                (self.tr("Set on"), self._rate_date_text),
            ],
            sort_keys={1: lambda r: float(r.per_usd)},
            parent=self,
        )
        self.rates_model.foreground = lambda r, column: (
            QColor(WARNING_COLOR) if column == 2 and r.is_stale(self.context.today) else None
        )
        self.rates_view = QTableView()
        self.rates_view.setModel(self.rates_model)
        self.rates_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rates_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rates_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rates_view.verticalHeader().setVisible(False)
        self.rates_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.rates_view.selectionModel().currentRowChanged.connect(lambda *_: self._rate_selected())
        self.currency_edit = QComboBox()
        self.currency_edit.setEditable(True)
        self.currency_edit.addItems(["JPY", "EUR", "GBP", "CNY", "KRW", "INR", "CAD", "AUD", "CHF"])
        self.currency_edit.setCurrentText("")
        self.currency_edit.lineEdit().setPlaceholderText(self.tr("JPY"))
        self.currency_edit.lineEdit().setMaxLength(3)
        self.rate_edit = QLineEdit()
        self.rate_edit.setPlaceholderText(self.tr("e.g. 152.3"))
        self.rate_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.rate_date = QDateEdit()
        self.rate_date.setCalendarPopup(True)
        self.rate_date.setDisplayFormat("yyyy-MM-dd")
        today = self.context.today
        self.rate_date.setDate(QDate(today.year, today.month, today.day))
        self.set_rate_button = QPushButton(self.tr("Set rate"))
        self.set_rate_button.clicked.connect(self.set_rate)
        self.remove_rate_button = QPushButton(self.tr("Remove"))
        self.remove_rate_button.clicked.connect(self.remove_rate)
        self.rate_error = QLabel()
        self.rate_error.setWordWrap(True)
        self.rate_error.setStyleSheet(f"color: {WARNING_COLOR};")
        inputs = QGridLayout()
        inputs.addWidget(QLabel(self.tr("Currency:")), 0, 0)
        inputs.addWidget(self.currency_edit, 0, 1)
        inputs.addWidget(QLabel(self.tr("Per USD:")), 0, 2)
        inputs.addWidget(self.rate_edit, 0, 3)
        inputs.addWidget(QLabel(self.tr("Set on:")), 1, 0)
        inputs.addWidget(self.rate_date, 1, 1)
        inputs.addWidget(self.remove_rate_button, 1, 2)
        inputs.addWidget(self.set_rate_button, 1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.rates_view, 1)
        layout.addLayout(inputs)
        layout.addWidget(self.rate_error)

    def _rate_date_text(self, rate: Rate) -> str:
        if rate.is_stale(self.context.today):
            return self.tr("{0} (older than 30 days)").format(rate.set_on.isoformat())
        return rate.set_on.isoformat()

    def refresh(self) -> None:
        """Show the context's rates."""
        self.rates_model.set_rows(list(self.context.rates))

    def _rate_selected(self) -> None:
        current = self.rates_view.currentIndex()
        if current.isValid():
            rate: Rate = self.rates_model.row(current.row())
            self.currency_edit.setCurrentText(rate.currency)
            self.rate_edit.setText(decimal_text(rate.per_usd))

    def set_rate(self) -> bool:
        """Add or update the rate typed in the inputs (validated with the core)."""
        code_text = self.currency_edit.currentText()
        try:
            code = check_currency(code_text)
            when = self.rate_date.date()
            with ExchangeRates.editing() as rates:  # under the rates file's lock
                rate = rates.set(code, self.rate_edit.text().strip(), when.toPython())
        except (UserError, OSError) as exc:
            self.rate_error.setText(say_error(exc))
            return False
        self.context.tell(rates.notices)
        self.rate_error.clear()
        self.context.reload_rates()
        self.status.emit(
            self.tr("Exchange rate saved: {0} {1} per USD").format(decimal_text(rate.per_usd), rate.currency)
        )
        return True

    def remove_rate(self) -> bool:
        code_text = self.currency_edit.currentText()
        current = self.rates_view.currentIndex()
        if current.isValid() and not code_text.strip():
            code_text = self.rates_model.row(current.row()).currency
        try:
            code = check_currency(code_text)
            rates = ExchangeRates.load()
            if code == BASE_CURRENCY:
                self.rate_error.setText(self.tr("USD is the base currency; its rate is always 1"))
                return False
            if not rates.remove(code):
                self.rate_error.setText(self.tr("No exchange rate for {0}").format(code))
                return False
            rates.save()
        except (UserError, OSError) as exc:
            self.rate_error.setText(say_error(exc))
            return False
        self.context.tell(rates.notices)
        self.rate_error.clear()
        self.context.reload_rates()
        self.status.emit(self.tr("Exchange rate removed: {0}").format(code))
        return True
