"""Plan files: round trip, validation messages naming file and key, autosave and recovery."""

from __future__ import annotations

import json

import pytest

from ftplanner.core import plan as plans
from ftplanner.core.errors import UserError


def test_round_trip_keeps_every_field(tmp_path):
    plan = plans.Plan(name="計画", dataset="data/train.jsonl", models=["openai/gpt-4.1-mini-2025-04-14"], epochs=4,
                      traffic=plans.Traffic(5000, 900, 150, 0.25, 0.5), months=24, currency="JPY",
                      price_overrides={"openai/gpt-4.1-mini-2025-04-14": {"training_per_mtok": "4.5"}},
                      scenario={"schema": 1, "name": "x"})  # fmt: skip
    path = tmp_path / "a.ftplan"
    plans.save_plan(plan, path)
    assert plans.load_plan(path) == plan
    assert json.loads(path.read_text(encoding="utf-8"))["schema"] == plans.PLAN_SCHEMA


@pytest.mark.parametrize(
    ("document", "fragment"),
    [
        ("[]", "(top level): expected an object"),
        ('{"schema": 9}', "schema: version 9"),
        ('{"months": 0}', "months: must be between 1 and 120"),
        ('{"epochs": 0}', "epochs: must be between 1 and 50"),
        ('{"models": ["a", 3]}', "models[1]: expected text"),
        ('{"traffic": {"cached_share": 2}}', "traffic.cached_share: out of range"),
        ('{"traffic": {"input_tokens": "many"}}', "traffic.input_tokens: expected a whole number / a number"),
        ('{"name": true}', "name: expected text"),
        ("{oops", "line 1: not valid JSON"),
    ],
)
def test_broken_plans_name_file_and_key(tmp_path, document, fragment):
    path = tmp_path / "bad.ftplan"
    path.write_text(document, encoding="utf-8")
    with pytest.raises(UserError) as info:
        plans.load_plan(path)
    assert str(path) in str(info.value) and fragment in str(info.value)


def test_missing_dataset_is_detected_relative_to_the_plan(tmp_path):
    (tmp_path / "train.jsonl").write_text("{}\n", encoding="utf-8")
    plan = plans.Plan(dataset="train.jsonl")
    assert not plan.dataset_missing(tmp_path)
    assert plans.Plan(dataset="moved.jsonl").dataset_missing(tmp_path)
    assert not plans.Plan().dataset_missing(tmp_path)


def test_autosave_recovery_and_clear():
    plans.autosave(plans.Plan(name="one"), "/home/u/one.ftplan")
    plans.autosave(plans.Plan(name="two"), "untitled")
    (plans.autosave_dir() / "junk.ftplan").write_text("not json", encoding="utf-8")
    names = sorted(plan.name for _, _, plan in plans.recoverable())
    assert names == ["one", "two"]
    plans.clear_autosaves()
    assert plans.recoverable() == []


def test_written_files_get_ordinary_permissions(tmp_path) -> None:
    import os
    import stat

    from ftplanner.core.paths import _UMASK, write_text_atomic

    target = tmp_path / "shared.ftplan"
    write_text_atomic(target, "{}")
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~_UMASK
    os.chmod(target, 0o600)
    write_text_atomic(target, "{}\n")  # an existing file keeps its own permissions
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
