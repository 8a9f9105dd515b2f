"""Estimate page: running costs say "unknown" where no price exists, incomplete TCO is marked ≥, and a note
under the table says how many rows' TCO is complete — from the same core values as the CLI."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from dataset_builders import toy_examples, write_jsonl
from ftplanner.cli import main as cli_main
from ftplanner.core.money import format_money
from ftplanner.core.settings import Settings
from ftplanner.gui.context import AppContext
from ftplanner.gui.document import PlanDocument
from ftplanner.gui.pages.estimate import EstimatePage
from ftplanner.gui.pages.estimate_table import COL_HOSTING, COL_INFERENCE, COL_TCO
from gui_helpers import screenshot, wait_idle

KEYS = (
    "openai/gpt-4o-mini-2024-07-18",
    "together/lora-up-to-16b",
    "fireworks/accounts/fireworks/models/llama-v3p1-8b-instruct",
    "vertex/gemini-2.5-flash",
)


@pytest.fixture
def page(qtbot):
    widget = EstimatePage(PlanDocument(), AppContext(Settings()))
    qtbot.addWidget(widget)
    widget.resize(1300, 760)
    widget.show()
    yield widget
    widget.runner.shutdown()


def test_unknown_running_costs_and_the_tco_note(qtbot, page, tmp_path, capsys):
    toy = write_jsonl(tmp_path / "toy.jsonl", toy_examples())
    traffic = page.document.plan.traffic
    traffic.requests_per_month, traffic.input_tokens, traffic.output_tokens = 20000, 600, 150
    page.document.set_dataset(toy)
    qtbot.waitUntil(lambda: not page.runner.busy and not page.needed_encodings(), timeout=60_000)
    wait_idle(qtbot, page.runner)
    page.refresh()
    rows = {row.entry.key: i for i, row in enumerate(page.shown_rows())}
    shown = {key: [page.proxy.index(rows[key], c).data() for c in (COL_INFERENCE, COL_HOSTING, COL_TCO)]
             for key in KEYS}  # fmt: skip
    assert shown["together/lora-up-to-16b"][:2] == ["unknown", "unknown"]
    assert shown["together/lora-up-to-16b"][2].startswith("≥")
    assert not shown["openai/gpt-4o-mini-2024-07-18"][2].startswith("≥")
    assert cli_main(["estimate", str(toy), "--models", ",".join(KEYS), "--requests-per-month", "20000",
                     "--input-tokens", "600", "--output-tokens", "150", "--json"]) == 0  # fmt: skip
    by_key = {row["model"]: row for row in json.loads(capsys.readouterr().out)}
    for key in ("vertex/gemini-2.5-flash", "fireworks/accounts/fireworks/models/llama-v3p1-8b-instruct"):
        expected = by_key[key]
        assert expected["tco_complete"]
        inference = format_money(Decimal(expected["inference_cost_per_month"]))
        assert shown[key][0] == ("in hosting" if expected["serving"] == "dedicated" else inference)
        assert shown[key][1] == format_money(Decimal(expected["hosting_cost_per_month"]))
    estimated = [
        row for row in page.shown_rows() if row.estimate is not None and row.estimate.tco is not None
    ]
    incomplete = [row for row in estimated if not row.estimate.tco_complete]
    assert incomplete and page.tco_note.isVisible()
    assert f"TCO incomplete for {len(incomplete)} of {len(estimated)} models" in page.tco_note.text()
    screenshot(page, "estimate_running_costs")
