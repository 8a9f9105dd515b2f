"""Layering: bundled < user overrides < plan overrides; broken overrides are reported and ignored."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from ftplanner.core import catalog_toml
from ftplanner.core.catalog import (
    LAYER_PLAN,
    LAYER_USER,
    load_catalog,
    load_user_overrides,
    remove_model_override,
    set_model_override,
    user_overrides_path,
)
from ftplanner.core.errors import UserError
from ftplanner.core.timemodel import TimeModel

TODAY = date(2026, 11, 29)
KEY = "openai/gpt-4.1-mini-2025-04-14"


def write_user_overrides(text: str) -> Path:
    path = user_overrides_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_user_override_lives_under_ftplanner_home(_isolated_home):
    assert user_overrides_path() == Path(_isolated_home) / "overrides.toml"


def test_user_then_plan_override():
    write_user_overrides(
        f'[models."{KEY}"]\ntraining_per_mtok = 4.00\nas_of = 2026-11-20\nsources = ["our contract"]\n'
    )
    catalog = load_catalog(today=TODAY)
    entry = catalog.get(KEY)
    assert catalog.problems == []
    assert entry.training_per_mtok == Decimal("4.00") and entry.origin == LAYER_USER
    assert entry.sources == ("our contract",) and entry.as_of == date(2026, 11, 20)
    assert entry.input_per_mtok == Decimal("0.80")  # untouched fields keep the bundled value
    assert catalog.get("azure-openai/gpt-4.1-mini-2025-04-14").training_per_mtok == Decimal("5.00")

    plan = {"models": {KEY: {"training_per_mtok": "3.5"}}}
    planned = load_catalog(today=TODAY, plan_overrides=plan)
    assert planned.get(KEY).training_per_mtok == Decimal("3.5") and planned.get(KEY).origin == LAYER_PLAN
    assert load_catalog(today=TODAY, user_overrides=False).get(KEY).training_per_mtok == Decimal("5.00")


def test_plan_override_accepts_json_style_values():
    plan = {"models": {"gpt-4o-mini": {"training_per_mtok": 2.75, "retires_on": "2027-03-01"}}}
    entry = load_catalog(today=TODAY, user_overrides=False, plan_overrides=plan).get("gpt-4o-mini")
    assert entry.training_per_mtok == Decimal("2.75") and entry.retires_on == date(2027, 3, 1)


def test_broken_user_override_file_is_reported_and_ignored():
    write_user_overrides("[models\nbroken")
    catalog = load_catalog(today=TODAY)
    assert len(catalog.entries) > 20
    assert len(catalog.layer_problems[LAYER_USER]) == 1
    assert "invalid TOML" in catalog.problems[0] and "(ignored)" in catalog.problems[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f'[models."{KEY}"]\ntraining_per_mtok = -1.0\n',
            f"overrides.toml: {KEY}: training_per_mtok: must not be",
        ),
        (f'[models."{KEY}"]\ncolour = "red"\n', f"overrides.toml: {KEY}: colour: unknown field"),
        ('[models."gpt-9"]\ntraining_per_mtok = 1.0\n', "overrides.toml: gpt-9: -: unknown model"),
        (
            '[models."acme/new"]\ntraining_per_mtok = 1.0\n',
            "overrides.toml: acme/new: display_name: required",
        ),
        (
            f'[models."{KEY}"]\nfamily = "nope"\n',
            f"overrides.toml: {KEY}: family: no time-model family 'nope'",
        ),
        (f'[models."{KEY}"]\nid = "other"\n', f"overrides.toml: {KEY}: id: an override cannot rename"),
        (f'[models."{KEY}"]\njob_deadline = 2027-02-01\n', f"overrides.toml: {KEY}: job_deadline: "),
        ("[prices]\nx = 1\n", "overrides.toml: -: prices: unknown top-level key"),
        ("models = 3\n", "overrides.toml: -: models: expected"),
        (
            "[time_model.openai-sft]\nlog_spread = 9.0\n",
            "overrides.toml: time_model.openai-sft: log_spread: ",
        ),
    ],
)
def test_invalid_override_is_reported_and_bundled_value_kept(text, expected):
    write_user_overrides(text)
    catalog = load_catalog(today=TODAY)
    assert len(catalog.problems) == 1 and catalog.problems[0].startswith(expected), catalog.problems
    assert catalog.get(KEY).training_per_mtok == Decimal("5.00")
    assert catalog.get(KEY).origin == "bundled"
    assert catalog.time_models["openai-sft"]["log_spread"] == pytest.approx(0.73)


def test_override_adds_a_new_model():
    write_user_overrides(
        '[models."together/my-llama-8b"]\ndisplay_name = "My Llama 8B"\nfamily = "generic-sft"\n'
        'methods = ["sft"]\ntokenizer = "approximate:o200k_base"\ntraining_per_mtok = 0.40\n'
        'sources = ["quote 2026-11"]\nas_of = 2026-11-15\n'
    )
    catalog = load_catalog(today=TODAY)
    entry = catalog.get("together/my-llama-8b")
    assert catalog.problems == []
    assert entry.provider_name == "Together AI" and entry.origin == LAYER_USER and not entry.exact_tokens


def test_time_model_override_merges_with_bundled_family():
    write_user_overrides("[time_model.openai-sft]\noverhead_minutes = 5.0\n")
    catalog = load_catalog(today=TODAY)
    table = catalog.time_models["openai-sft"]
    assert table["overhead_minutes"] == 5.0 and table["tokens_per_second"] == 550.0
    assert len(table["observations"]) == 9
    assert TimeModel.from_catalog(catalog).predict("openai-sft", 0)[1] == pytest.approx(5.0)


def test_set_model_override_saves_atomically_and_validates():
    entry = set_model_override(
        KEY, {"training_per_mtok": Decimal("4.25"), "as_of": date(2026, 11, 28)}, today=TODAY
    )
    assert entry.training_per_mtok == Decimal("4.25")
    stored = load_user_overrides()
    assert stored["models"][KEY]["training_per_mtok"] == Decimal("4.25")
    assert load_catalog(today=TODAY).get(KEY).training_per_mtok == Decimal("4.25")
    before = user_overrides_path().read_text(encoding="utf-8")
    with pytest.raises(UserError, match=f"overrides.toml: {KEY}: min_charge"):
        set_model_override(KEY, {"min_charge": Decimal(9), "max_charge": Decimal(1)}, today=TODAY)
    assert user_overrides_path().read_text(encoding="utf-8") == before
    assert not list(user_overrides_path().parent.glob(".overrides.toml.*"))  # no temp files left
    assert remove_model_override(KEY) is True
    assert remove_model_override(KEY) is False
    assert load_catalog(today=TODAY).get(KEY).training_per_mtok == Decimal("5.00")


def test_toml_writer_round_trip(tmp_path):
    data = {
        "title": 'quote "x"\nline two\ttab \\ end',
        "n": 3,
        "flag": False,
        "price": Decimal("1.875"),
        "whole": Decimal("5"),
        "when": date(2027, 1, 6),
        "list": ["a", "b"],
        "models": {"openai/gpt-4.1": {"training_per_mtok": Decimal("25.00"), "sources": ["s"]}},
        "obs": [{"tokens": 1, "minutes": Decimal("2.5")}, {"tokens": 2, "minutes": Decimal("3")}],
    }
    path = tmp_path / "out.toml"
    catalog_toml.dump_atomic(path, data, header="header line")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# header line\n")
    back = catalog_toml.load(path)
    assert back["title"] == data["title"] and back["n"] == 3 and back["flag"] is False
    assert back["price"] == Decimal("1.875") and back["whole"] == Decimal("5.0")
    assert back["when"] == date(2027, 1, 6) and back["list"] == ["a", "b"]
    assert back["models"]["openai/gpt-4.1"]["training_per_mtok"] == Decimal("25.00")
    assert back["obs"][1] == {"tokens": 2, "minutes": Decimal("3.0")}
