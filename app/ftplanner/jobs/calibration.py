"""Finished jobs calibrate the training-time model: their real durations join the catalog's observations."""

from __future__ import annotations

import sqlite3

from ftplanner.core.catalog import Catalog
from ftplanner.core.errors import UserError
from ftplanner.core.timemodel import Observation, TimeModel
from ftplanner.jobs.store import JobStore, default_path


def job_observations(catalog: Catalog, store: JobStore) -> list[Observation]:
    """One observation per succeeded job whose base model the catalog knows, in that model's family."""
    observations = []
    for provider in catalog.providers:
        family_of = {entry.id: entry.family for entry in catalog.entries if entry.provider == provider}
        observations += [
            Observation(family_of[model], tokens, minutes, f"{model} (own job)")
            for model, tokens, minutes in store.finished_durations(provider)
            if model in family_of
        ]
    return observations


def calibrated_time_model(catalog: Catalog, store: JobStore | None = None) -> TimeModel:
    """The catalog's time model refitted with this machine's finished jobs (as stated if there are none).

    Without ``store`` the default job store is read if it exists; it is never created here, and an
    unreadable store leaves the catalog's model unchanged.
    """
    model = TimeModel.from_catalog(catalog)
    if store is None:
        if not default_path().is_file():
            return model
        try:
            with JobStore(read_only=True) as own:
                observations = job_observations(catalog, own)
        except (UserError, sqlite3.Error):
            return model
    else:
        observations = job_observations(catalog, store)
    return model.with_observations(observations) if observations else model
