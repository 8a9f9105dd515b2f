"""Parse a fine-tuning result file (CSV, possibly base64-encoded) into metric rows."""

from __future__ import annotations

import base64
import binascii
import csv
import io

from ftplanner.providers.base import MetricRow, ProviderError

_COLUMNS: dict[str, tuple[str, ...]] = {
    "train_loss": ("train_loss",),
    "train_accuracy": ("train_accuracy", "train_mean_token_accuracy"),
    "valid_loss": ("valid_loss",),
    "valid_accuracy": ("valid_accuracy", "valid_mean_token_accuracy"),
}


def decode_result_file(data: bytes) -> str:
    """The CSV text of a result file, undoing base64 if a proxy applied it."""
    text = data.decode("utf-8-sig", errors="replace").strip()
    if not text or "," in text.splitlines()[0] or text.startswith("step"):
        return text
    try:
        decoded = base64.b64decode("".join(text.split()), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ProviderError("result file is neither CSV nor base64-encoded CSV") from exc
    return decoded.decode("utf-8-sig", errors="replace").strip()


def _cell(row: dict[str, str | None], names: tuple[str, ...]) -> float | None:
    for name in names:
        value = (row.get(name) or "").strip()
        if value:
            try:
                return float(value)
            except ValueError:
                return None
    return None


def parse_metrics(data: bytes) -> list[MetricRow]:
    """Metric rows from result-file bytes; empty cells become ``None``, rows without a step are skipped."""
    text = decode_result_file(data)
    if not text:
        return []
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "step" not in [name.strip() for name in reader.fieldnames]:
        raise ProviderError("result file has no 'step' column")
    rows: list[MetricRow] = []
    for raw in reader:
        row = {(key or "").strip(): value for key, value in raw.items()}
        step = _cell(row, ("step",))
        if step is None:
            continue
        rows.append(MetricRow(int(step), **{field: _cell(row, names) for field, names in _COLUMNS.items()}))
    return rows
