"""``ftplanner roi``: JSON and text output, bundled examples, and one-line errors with exit 2."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import ftplanner.cli as cli
from ftplanner.cli import roi

FILE = """\
schema = 1
name = "Triage"
start = 2026-12-01
horizon_months = 24
discount_rate_annual = 0.08

[[costs]]
name = "Data preparation"
kind = "one_off"
amount = { low = 3000, likely = 5000, high = 9000 }

[[benefits]]
name = "Agent hours saved"
kind = "monthly"
amount = { low = 2000, likely = 4000, high = 5000 }
ramp_months = 3
"""


@pytest.fixture(autouse=True)
def _only_roi(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_subcommand_modules", lambda: [roi])
    monkeypatch.setattr(roi, "_model_lookup", lambda currency="USD": roi._builtin_lookup)


def call(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(["roi", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "scenario.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = call(capsys, write(tmp_path, FILE), "--json", "--draws", "2000", "--seed", "11")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["npv"] > 0 and data["payback_month"] == 3
    assert data["monthly"][0]["cost"] == 5000
    assert data["monte_carlo"]["draws"] == 2000 and data["monte_carlo"]["seed"] == 11
    assert [bar["name"] for bar in data["tornado"]] == ["Agent hours saved", "Data preparation"]
    assert data["warnings"] == []
    code, again, _ = call(capsys, write(tmp_path, FILE), "--json", "--draws", "2000", "--seed", "11")
    assert again == out


def test_text_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, write(tmp_path, FILE), "--draws", "500")
    assert code == 0
    for text in ("Triage", "NPV", "ROI", "Payback", "IRR (annual)", "Chance ROI > 0", "What moves the NPV"):
        assert text in out


def test_bundled_fine_tuning_example_warns_about_retirement(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "fine_tuning", "--json", "--draws", "500")
    assert code == 0
    data = json.loads(out)
    assert any("gpt-4.1-mini-2025-04-14 retires on 2027-01-14" in w for w in data["warnings"])
    assert data["monthly"][1]["cost"] > data["monthly"][2]["cost"]  # migration in month 1


def test_compare(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "rag", "--compare", "--draws", "300")
    assert code == 0 and "RAG (as written)" in out and "Prompt engineering" in out
    code, out, _ = call(capsys, "rag", "--compare", "--json", "--draws", "300")
    approaches = json.loads(out)["approaches"]
    assert [a["approach"] for a in approaches] == ["prompt_engineering", "rag", "fine_tuning"]
    assert [a["as_written"] for a in approaches] == [False, True, False]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (FILE.replace('name = "Triage"', 'name = "Triage'), "not valid TOML: "),
        (
            FILE.replace("horizon_months = 24", 'horizon_months = "24"'),
            ":4: Horizon: expected a whole",
        ),
        (FILE.replace("horizon_months = 24\n", ""), ": Horizon: missing"),
        (FILE.replace('kind = "one_off"', 'kind = "once"'), ":9: Costs, line 1: Kind: unknown kind once"),
        (
            FILE.replace("low = 3000", "low = 6000"),
            ":10: Costs, line 1: amount: low (6000) is above likely (5000)",
        ),
        (FILE + '\n[model]\nid = "gpt-9"\n', ":19: Catalog model: unknown model gpt-9"),
        (
            FILE + '\n[model]\nid = "gpt-4.1-nano-2025-04-14"\n',
            "retired on 2026-10-23, before the plan starts",
        ),
    ],
)
def test_broken_files_give_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, expected: str
) -> None:
    path = write(tmp_path, text)
    code, out, err = call(capsys, path)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"ftplanner: {path}")
    assert expected in err


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--draws", "0"], "--draws must be between 1 and 1,000,000"),
        (["--seed", "-1"], "--seed must be 0 or more"),
    ],
)
def test_bad_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    code, _, err = call(capsys, write(tmp_path, FILE), *args)
    assert code == 2 and expected in err


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = call(capsys, str(tmp_path / "nope.toml"))
    assert code == 2 and "no such file" in err


def test_lookup_falls_back_without_catalog(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()
    monkeypatch.setitem(sys.modules, "ftplanner.core.catalog", None)
    lookup = roi._model_lookup()
    facts = lookup("gpt-4.1-mini-2025-04-14")
    assert (
        facts is not None
        and str(facts.retires_on) == "2027-01-14"
        and str(facts.can_launch_until) == "2027-01-06"
    )
    assert lookup("unknown") is None


def test_lookup_reads_the_catalog_when_present(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()
    pytest.importorskip("ftplanner.core.catalog")
    lookup = roi._model_lookup()
    facts = lookup("gpt-4.1-mini-2025-04-14")
    assert facts is not None and facts.retires_on is not None
    assert lookup("no-such-model-anywhere") is None
