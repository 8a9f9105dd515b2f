"""``ftplanner models``, ``estimate`` and ``rates`` from the command line."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from ftplanner.cli import main
from ftplanner.core.catalog import user_overrides_path
from test_estimate import ESTIMATE_JSON_KEYS

TODAY = ["--today", "2026-11-29"]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("ftplanner: ")
    return lines[0]


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    lines = []
    for i in range(12):
        example = {
            "messages": [
                {"role": "system", "content": "You are a helpful support agent."},
                {"role": "user", "content": f"How do I reset my password? Case {i}."},
                {
                    "role": "assistant",
                    "content": "Open Settings, choose Security, then Reset password. " * (i + 1),
                },
            ]
        }
        lines.append(json.dumps(example))
    path = tmp_path / "train.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------- models


def test_models_json_shows_lifecycle(capsys):
    code, out, err = run(capsys, "models", "--json", *TODAY)
    assert code == 0 and err == ""
    rows = {row["key"]: row for row in json.loads(out)}
    for model in (
        "gpt-4.1-2025-04-14",
        "gpt-4.1-mini-2025-04-14",
        "gpt-4o-2024-08-06",
        "gpt-4o-mini-2024-07-18",
    ):
        row = rows[f"openai/{model}"]
        assert row["job_deadline"] == row["can_launch_until"] == "2027-01-06"
        assert row["retires_on"] == "2027-01-14" and row["retirement_unconfirmed"] is True
        assert row["launchable"] is True and row["stale"] is False
    for model in ("gpt-4.1-nano-2025-04-14", "o4-mini-2025-04-16", "gpt-3.5-turbo-0125"):
        assert rows[f"openai/{model}"]["retires_on"] == "2026-10-23"
        assert rows[f"openai/{model}"]["launchable"] is False
    for model in ("davinci-002", "babbage-002"):
        assert rows[f"openai/{model}"]["retires_on"] == "2026-09-28"
    assert rows["openai/gpt-5"]["price_unknown"] is True and rows["openai/gpt-5"]["training_per_mtok"] is None
    assert rows["openai/gpt-4o-2024-08-06"]["training_per_mtok"] == "25"
    assert rows["together/lora-up-to-16b"]["stale"] is True
    assert rows["together/lora-up-to-16b"]["exact_tokens"] is False
    assert "2027-01-06" in rows["openai/gpt-4o-2024-08-06"]["provider_note"]


def test_models_filters(capsys):
    code, out, _ = run(capsys, "models", "--launchable", "--json", *TODAY)
    keys = {row["key"] for row in json.loads(out)}
    assert code == 0 and "openai/gpt-4.1-2025-04-14" in keys
    assert not any(k.startswith("mistral/") for k in keys)
    assert "openai/gpt-4.1-nano-2025-04-14" not in keys and "openai/gpt-5" not in keys
    code, out, _ = run(capsys, "models", "--provider", "together", "--json", *TODAY)
    assert {row["provider"] for row in json.loads(out)} == {"together"}


def test_models_table(capsys):
    code, out, _ = run(capsys, "models", "--provider", "openai", *TODAY)
    assert code == 0
    assert "2027-01-06" in out and "2027-01-14?" in out and "retired 2026-10-23" in out
    assert "openai/gpt-5" in out and "unknown" in out
    code, out, _ = run(capsys, "models", "--provider", "mistral", *TODAY)
    assert "stale" in out and "deprecated" in out and "min $4.00" in out


def test_models_unknown_provider_exits_2(capsys):
    code, out, err = run(capsys, "models", "--provider", "openia")
    assert code == 2 and out == ""
    assert "did you mean 'openai'" in one_error_line(err)


def test_broken_user_overrides_warn_and_continue(capsys):
    path = user_overrides_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[models\n", encoding="utf-8")
    code, out, err = run(capsys, "models", "--json", *TODAY)
    assert code == 0 and json.loads(out)
    assert "warning" in err and "invalid TOML" in err and "(ignored)" in err


def test_explicit_overrides_file(capsys, tmp_path):
    good = tmp_path / "plan.toml"
    good.write_text('[models."gpt-4o-mini"]\ntraining_per_mtok = 2.00\n', encoding="utf-8")
    code, out, _ = run(capsys, "models", "--provider", "openai", "--json", "--overrides", str(good), *TODAY)
    row = next(r for r in json.loads(out) if r["id"] == "gpt-4o-mini-2024-07-18")
    assert code == 0 and row["training_per_mtok"] == "2" and row["origin"] == "plan"

    broken = tmp_path / "broken.toml"
    broken.write_text("[models\n", encoding="utf-8")
    code, out, err = run(capsys, "models", "--overrides", str(broken))
    assert code == 2 and out == "" and "invalid TOML" in one_error_line(err)

    invalid = tmp_path / "invalid.toml"
    invalid.write_text('[models."gpt-4o-mini"]\ntraining_per_mtok = "free"\n', encoding="utf-8")
    code, _, err = run(capsys, "models", "--overrides", str(invalid))
    assert code == 2
    assert (
        one_error_line(err)
        == f"ftplanner: {invalid}: gpt-4o-mini: training_per_mtok: expected a number, got 'free'"
    )

    code, _, err = run(capsys, "models", "--overrides", str(tmp_path / "missing.toml"))
    assert code == 2 and "no such overrides file" in one_error_line(err)


# ---------------------------------------------------------------------------------------------- rates


def test_rates_commands(capsys):
    code, out, _ = run(capsys, "rates", "list")
    assert code == 0 and "No exchange rates" in out
    code, out, _ = run(capsys, "rates", "set", "jpy", "152.3", "--date", "2026-11-28")
    assert code == 0 and "JPY: 152.3 per USD (set 2026-11-28)" in out
    code, out, _ = run(capsys, "rates", "list", "--json")
    assert json.loads(out)[0] == {
        "currency": "JPY",
        "per_usd": "152.3",
        "set_on": "2026-11-28",
        "stale": json.loads(out)[0]["stale"],
    }
    code, out, _ = run(capsys, "rates")
    assert "JPY" in out and "152.3" in out
    code, _, err = run(capsys, "rates", "set", "YEN", "150")
    assert code == 2 and "unknown currency code 'YEN'" in one_error_line(err)
    code, _, err = run(capsys, "rates", "set", "EUR", "-1")
    assert code == 2 and "must be positive" in one_error_line(err)
    code, out, _ = run(capsys, "rates", "remove", "JPY")
    assert code == 0 and "removed" in out
    code, _, err = run(capsys, "rates", "remove", "JPY")
    assert code == 2 and "no exchange rate for JPY" in one_error_line(err)


# ---------------------------------------------------------------------------------------------- estimate


def test_estimate_input_errors_exit_2(capsys, dataset, tmp_path):
    cases = [
        (["--models", "gpt-4o-mimi"], "unknown model 'gpt-4o-mimi'"),
        (["--currency", "YEN"], "unknown currency code 'YEN'"),
        (["--currency", "EUR"], "no exchange rate for EUR"),
        (["--requests-per-month", "1000"], "--input-tokens and --output-tokens together"),
        (["--overrides", str(tmp_path / "nope.toml")], "no such overrides file"),
    ]
    for extra, message in cases:
        code, out, err = run(capsys, "estimate", str(dataset), *extra, *TODAY)
        assert code == 2 and out == "", extra
        assert message in one_error_line(err)
    code, _, err = run(capsys, "estimate", str(tmp_path / "missing.jsonl"))
    assert code == 2 and "no such file" in one_error_line(err)


def test_estimate_json(capsys, dataset):
    pytest.importorskip("ftplanner.core.analyzer")
    code, out, err = run(
        capsys,
        "estimate",
        str(dataset),
        "--json",
        "--epochs",
        "3",
        "--requests-per-month",
        "10000",
        "--input-tokens",
        "800",
        "--output-tokens",
        "200",
        "--months",
        "6",
        *TODAY,
    )
    assert code == 0, err
    rows = json.loads(out)
    keys = {row["model"] for row in rows}
    assert "openai/gpt-4.1-2025-04-14" in keys and "together/lora-up-to-16b" in keys
    assert not any(k.startswith("mistral/") for k in keys) and "openai/gpt-5" not in keys
    for row in rows:
        for key in ESTIMATE_JSON_KEYS:
            assert key in row, key
        assert row["epochs"] == 3 and row["currency"] == "USD" and row["launchable"] is True
        assert isinstance(row["training_cost"], str)
    mini = next(r for r in rows if r["model"] == "openai/gpt-4o-mini-2024-07-18")
    assert Decimal(mini["training_cost"]) == Decimal(mini["charged_tokens"]) * Decimal("3.00") / 1_000_000
    assert Decimal(mini["inference_cost_per_month"]) == Decimal("4.8")  # 10k × (800 × 0.30 + 200 × 1.20) / 1M
    assert mini["exact_tokens"] is True and mini["can_launch_until"] == "2027-01-06"
    azure = next(r for r in rows if r["model"] == "azure-openai/gpt-4.1-2025-04-14")
    assert Decimal(azure["hosting_cost_per_month"]) == Decimal("1241")
    together = next(r for r in rows if r["model"] == "together/lora-up-to-16b")
    assert together["exact_tokens"] is False and together["charged_tokens"] == mini["charged_tokens"]


def test_estimate_analyses_once_per_encoding(capsys, dataset, monkeypatch):
    analyzer = pytest.importorskip("ftplanner.core.analyzer")
    real = analyzer.analyze
    calls: list[str] = []

    def counting(path, encoding, *args, **kwargs):
        calls.append(encoding)
        return real(path, encoding, *args, **kwargs)

    monkeypatch.setattr(analyzer, "analyze", counting)
    models = "gpt-4.1,gpt-4o-mini,gpt-4.1-mini,together/lora-up-to-16b,vertex/gemini-2.5-pro,gpt-3.5-turbo,babbage-002"
    code, out, err = run(capsys, "estimate", str(dataset), "--models", models, "--json", *TODAY)
    assert code == 0, err
    assert sorted(calls) == ["cl100k_base", "o200k_base"]
    rows = json.loads(out)
    assert len(rows) == 7
    babbage = next(r for r in rows if r["model"] == "openai/babbage-002")
    assert babbage["encoding"] == "cl100k_base" and babbage["launchable"] is False
    assert "cannot be launched (retired 2026-09-28)" in babbage["warnings"]


def test_estimate_in_another_currency_and_table(capsys, dataset):
    pytest.importorskip("ftplanner.core.analyzer")
    assert main(["rates", "set", "JPY", "152.3"]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "estimate", str(dataset), "--models", "gpt-4.1", "--json", *TODAY)
    usd = json.loads(out)[0]
    code, out, _ = run(
        capsys, "estimate", str(dataset), "--models", "gpt-4.1", "--json", "--currency", "jpy", *TODAY
    )
    jpy = json.loads(out)[0]
    assert code == 0 and jpy["currency"] == "JPY" and jpy["exchange_rate"] == "152.3"
    assert Decimal(jpy["training_cost"]) == Decimal(usd["training_cost"]) * Decimal("152.3")
    code, out, _ = run(
        capsys,
        "estimate",
        str(dataset),
        "--models",
        "gpt-4.1,davinci-002,together/lora-up-to-16b",
        "--currency",
        "JPY",
        *TODAY,
    )
    assert code == 0
    assert "¥" in out and "openai/gpt-4.1-2025-04-14" in out and "retired 2026-09-28" in out
    assert "≈" in out and "Warnings:" in out and "unconfirmed" in out


def test_estimate_reinforcement_hours(capsys, dataset):
    pytest.importorskip("ftplanner.core.analyzer")
    code, out, err = run(
        capsys,
        "estimate",
        str(dataset),
        "--models",
        "azure-openai/o4-mini-2025-04-16",
        "--method",
        "rft",
        "--training-hours",
        "3",
        "--json",
        *TODAY,
    )
    assert code == 0, err
    row = json.loads(out)[0]
    assert Decimal(row["training_cost"]) == Decimal(300) and row["launchable"] is True


def test_estimate_uses_the_users_time_model_overrides(capsys, dataset):
    pytest.importorskip("ftplanner.core.analyzer")
    code, out, _ = run(capsys, "estimate", str(dataset), "--models", "gpt-4o-mini", "--json", *TODAY)
    before = json.loads(out)[0]["time_p10_minutes"]
    path = user_overrides_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[time_model.openai-sft]\noverhead_minutes = 60.0\n", encoding="utf-8")
    code, out, err = run(capsys, "estimate", str(dataset), "--models", "gpt-4o-mini", "--json", *TODAY)
    assert code == 0 and err == ""
    assert json.loads(out)[0]["time_p10_minutes"] > before * 3
