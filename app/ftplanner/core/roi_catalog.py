"""The price catalog as the ROI engine's model lookup.

:func:`catalog_lookup` answers the ROI engine's questions about a model (see
:class:`~ftplanner.core.roi.ModelFacts`) from the layered price catalog:

* ``retires_on`` and ``can_launch_until`` are the entry's retirement date and last day for new jobs;
* ``inference_per_month`` is :func:`~ftplanner.core.estimate.inference_cost_per_month` for the planned
  traffic (``None`` without traffic, or when the catalog has no inference price);
* ``hosting_per_month`` is :func:`~ftplanner.core.estimate.hosting_cost_per_month`.

Catalog prices are USD; money is converted to the scenario currency with the user's exchange rates
(rate × USD amount, exact Decimal). A zero amount needs no rate; any other amount without a rate for the
currency is a :class:`~ftplanner.core.errors.UserError` naming the currency and the model.
"""

from __future__ import annotations

from decimal import Decimal

from ftplanner.core.catalog import Catalog, ModelEntry
from ftplanner.core.errors import UserError
from ftplanner.core.estimate import TrafficProfile, hosting_cost_per_month, inference_cost_per_month
from ftplanner.core.money import BASE_CURRENCY, ExchangeRates, check_currency
from ftplanner.core.roi.scenario import ModelFacts, ModelLookup


def model_facts(
    entry: ModelEntry,
    model_id: str,
    traffic: TrafficProfile | None = None,
    currency: str = BASE_CURRENCY,
    rates: ExchangeRates | None = None,
) -> ModelFacts:
    """The ROI facts of one catalog ``entry``, money in ``currency``; ``model_id`` is the name asked for."""
    code = check_currency(currency)
    inference = inference_cost_per_month(entry, traffic) if traffic is not None else None
    hosting = hosting_cost_per_month(entry)

    def convert(amount_usd: Decimal | None) -> Decimal | None:
        if amount_usd is None or code == BASE_CURRENCY or amount_usd == 0:
            return amount_usd
        rate = rates.get(code) if rates is not None else None
        if rate is None:
            raise UserError(
                f"no exchange rate for {code}: {entry.key}'s catalog prices are in USD; set one with "
                f"`ftplanner rates set {code} RATE` (units per 1 USD)"
            )
        return amount_usd * rate.per_usd

    return ModelFacts(
        model_id,
        retires_on=entry.retires_on,
        can_launch_until=entry.job_deadline,
        inference_per_month=convert(inference),
        hosting_per_month=convert(hosting),
    )


def catalog_lookup(
    catalog: Catalog,
    traffic: TrafficProfile | None = None,
    currency: str = BASE_CURRENCY,
    rates: ExchangeRates | None = None,
) -> ModelLookup:
    """A :data:`~ftplanner.core.roi.ModelLookup` over ``catalog`` for ``traffic``, money in ``currency``.

    Model names resolve as in :meth:`Catalog.find` (``provider/id``, a bare id, or an id without its date
    suffix); an unknown or ambiguous name gives ``None``. Raises :class:`UserError` for an unknown currency
    code at once, and for a missing exchange rate when a model's non-zero costs need converting.
    """
    code = check_currency(currency)

    def lookup(model_id: str) -> ModelFacts | None:
        entry = catalog.find(model_id)
        if entry is None:
            return None
        return model_facts(entry, model_id, traffic, code, rates)

    return lookup
