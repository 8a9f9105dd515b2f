"""Every catalog validation error is reported as ``file: model: field: message`` and skips only its piece."""

from __future__ import annotations

from datetime import date

import pytest

from ftplanner.core.catalog import load_catalog

TODAY = date(2026, 11, 29)

HEADER = """
[provider]
id = "acme"
name = "Acme"

[time_model.acme-sft]
overhead_minutes = 10.0
tokens_per_second = 500.0
log_spread = 0.5
"""

GOOD = """
[[models]]
id = "good"
display_name = "Good"
family = "acme-sft"
methods = ["sft"]
tokenizer = "o200k_base"
training_per_mtok = 2.50
sources = ["https://example.test/pricing"]
as_of = 2026-11-01
"""


def model(**changes: object) -> str:
    """A ``[[models]]`` table, like GOOD but id "m", with fields changed (None removes one)."""
    fields: dict[str, object] = {
        "id": '"m"',
        "display_name": '"M"',
        "family": '"acme-sft"',
        "methods": '["sft"]',
        "tokenizer": '"o200k_base"',
        "training_per_mtok": "1.00",
        "sources": '["src"]',
        "as_of": "2026-11-01",
    }
    for key, value in changes.items():
        if value is None:
            fields.pop(key, None)
        else:
            fields[key] = str(value)
    return "\n[[models]]\n" + "\n".join(f"{k} = {v}" for k, v in fields.items()) + "\n"


def load(*texts: str, name: str = "acme.toml"):
    return load_catalog(user_overrides=False, today=TODAY, files=[(name, HEADER + GOOD + "".join(texts))])


def only_problem(catalog) -> str:
    assert len(catalog.problems) == 1, catalog.problems
    assert catalog.get("acme/good").training_per_mtok is not None  # the good model still loads
    return catalog.problems[0]


def test_a_valid_extra_model_loads():
    catalog = load(model())
    assert catalog.problems == []
    assert [e.key for e in catalog.entries] == ["acme/good", "acme/m"]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"colour": '"red"'}, "colour", "unknown field"),
        ({"traning_per_mtok": "1.0"}, "traning_per_mtok", "did you mean 'training_per_mtok'"),
        ({"display_name": None}, "display_name", "required field is missing"),
        ({"sources": None}, "sources", "required field is missing"),
        ({"as_of": None}, "as_of", "required field is missing"),
        ({"display_name": '""'}, "display_name", "expected non-empty text"),
        ({"training_per_mtok": "-1.0"}, "training_per_mtok", "must not be negative"),
        ({"training_per_mtok": '"cheap"'}, "training_per_mtok", "expected a number"),
        ({"training_per_mtok": "true"}, "training_per_mtok", "expected a number"),
        ({"input_per_mtok": "[1]"}, "input_per_mtok", "expected a number"),
        ({"validation_billed": '"yes"'}, "validation_billed", "expected true or false"),
        ({"max_example_tokens": "0"}, "max_example_tokens", "positive whole number"),
        ({"max_example_tokens": "1.5"}, "max_example_tokens", "positive whole number"),
        ({"job_deadline": '"next year"'}, "job_deadline", "expected a date"),
        ({"as_of": "2026-12-25"}, "as_of", "in the future"),
        ({"methods": '["sft", "ppo"]'}, "methods", "unknown method 'ppo'"),
        ({"methods": '"sft"'}, "methods", "expected a list of methods"),
        ({"methods": "[]"}, "methods", "at least one method"),
        ({"tokenizer": '"qwen3"'}, "tokenizer", "unknown tokenizer 'qwen3'"),
        ({"tokenizer": '"approximate:p50k_base"'}, "tokenizer", "unknown tokenizer"),
        ({"sources": "[]"}, "sources", "non-empty list"),
        ({"training_per_mtok": None}, "training_per_mtok", "a training price"),
        ({"price_unknown": "true"}, "price_unknown", "cannot carry a training price"),
        ({"min_charge": "10.0", "max_charge": "5.0"}, "min_charge", "above the maximum charge"),
        (
            {"job_deadline": "2027-05-01", "retires_on": "2027-01-01"},
            "job_deadline",
            "after the retirement date",
        ),
        ({"retirement_unconfirmed": "true"}, "retirement_unconfirmed", "only together with retires_on"),
        ({"provider": '"other"'}, "provider", "must be 'acme' in this file"),
        ({"family": '"acme-rl"'}, "family", "no [time_model.acme-rl] table"),
        ({"id": '"good"'}, "id", "duplicate model id"),
    ],
)
def test_each_model_error_is_reported_and_skipped(changes, field, message):
    line = only_problem(load(model(**changes)))
    file_, model_, field_, text = line.split(": ", 3)
    assert file_ == "acme.toml"
    assert model_ in ("m", "good")
    assert field_ == field
    assert message in text


def test_price_unknown_model_without_price_is_valid():
    catalog = load(model(training_per_mtok=None, price_unknown="true", methods="[]"))
    assert catalog.problems == []
    assert catalog.get("acme/m").launch_block(TODAY) == "cannot be launched: no published fine-tuning offer"


def test_defaults_table_applies_and_model_wins():
    text = HEADER.replace(
        "[time_model", '[defaults]\ntokenizer = "cl100k_base"\nvalidation_billed = true\n\n[time_model', 1
    )
    catalog = load_catalog(
        user_overrides=False,
        today=TODAY,
        files=[
            (
                "acme.toml",
                text + GOOD + model(tokenizer=None) + model(id='"n"', tokenizer='"approximate:o200k_base"'),
            )
        ],
    )
    assert catalog.problems == []
    assert catalog.get("acme/m").encoding == "cl100k_base" and catalog.get("acme/m").validation_billed
    assert catalog.get("acme/n").exact_tokens is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[[models]\nid = 1", "acme.toml: -: -: not valid TOML"),
        ('[provider]\nid = "Acme Corp"\nname = "A"\n', "acme.toml: [provider]: id: provider id must be"),
        ('[provider]\nname = "A"\n', "acme.toml: [provider]: id: required field is missing"),
        (
            '[provider]\nid = "acme"\nname = "A"\nstatus = "sunset"\n',
            "acme.toml: [provider]: status: expected one of",
        ),
    ],
)
def test_file_level_errors_skip_the_file(text, expected):
    catalog = load_catalog(user_overrides=False, today=TODAY, files=[("acme.toml", text)])
    assert catalog.entries == ()
    assert catalog.problems[0].startswith(expected), catalog.problems


def test_unknown_top_level_key_is_reported_but_the_file_loads():
    catalog = load("\n[pricing]\nx = 1\n")
    assert only_problem(catalog).startswith("acme.toml: -: pricing: unknown top-level key")


def test_defaults_with_an_unknown_field_fail_every_model():
    catalog = load_catalog(
        user_overrides=False, today=TODAY, files=[("acme.toml", HEADER + GOOD + "\n[defaults]\nx = 1\n")]
    )
    assert catalog.entries == ()
    assert catalog.problems == ["acme.toml: good: x: unknown field"]


def test_a_model_that_is_not_a_table_is_reported():
    catalog = load_catalog(
        user_overrides=False, today=TODAY, files=[("acme.toml", 'models = ["oops"]\n' + HEADER)]
    )
    assert catalog.problems == ["acme.toml: models[1]: -: expected a table"]


@pytest.mark.parametrize(
    ("table", "field", "message"),
    [
        ("overhead_minutes = 5.0\nlog_spread = 0.5", "tokens_per_second", "required field is missing"),
        (
            "overhead_minutes = 5.0\ntokens_per_second = 0\nlog_spread = 0.5",
            "tokens_per_second",
            "must be positive",
        ),
        (
            "overhead_minutes = -1\ntokens_per_second = 9\nlog_spread = 0.5",
            "overhead_minutes",
            "zero or more",
        ),
        ("overhead_minutes = 1\ntokens_per_second = 9\nlog_spread = 4.0", "log_spread", "at most 3"),
        (
            "overhead_minutes = 1\ntokens_per_second = 9\nlog_spread = 0.5\nspeed = 1",
            "speed",
            "unknown field",
        ),
        (
            "overhead_minutes = 1\ntokens_per_second = 9\nlog_spread = 0.5\nobservations = [{tokens = 5}]",
            "observations.minutes",
            "required field is missing",
        ),
        (
            "overhead_minutes = 1\ntokens_per_second = 9\nlog_spread = 0.5\nobservations = [{tokens = -5, minutes = 1}]",
            "observations.tokens",
            "positive whole number",
        ),
    ],
)
def test_time_model_errors(table, field, message):
    catalog = load(f"\n[time_model.other]\n{table}\n")
    line = only_problem(catalog)
    assert line.startswith(f"acme.toml: time_model.other: {field}: "), line
    assert message in line
    assert "other" not in catalog.time_models


def test_family_defined_twice_across_files():
    second = '[provider]\nid = "beta"\nname = "B"\n' + HEADER.split("\n", 4)[4]
    catalog = load_catalog(
        user_overrides=False, today=TODAY, files=[("acme.toml", HEADER + GOOD), ("beta.toml", second)]
    )
    assert catalog.problems == ["beta.toml: time_model.acme-sft: -: family defined twice"]
