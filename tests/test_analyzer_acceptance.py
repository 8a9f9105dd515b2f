"""The analyzer reproduces the OpenAI cookbook's published figures on its toy dataset."""

from __future__ import annotations

import json

import pytest

from dataset_builders import toy_examples, write_jsonl
from ftplanner.cli import main


@pytest.fixture
def toy(tmp_path):
    return write_jsonl(tmp_path / "toy_chat_fine_tuning.jsonl", toy_examples())


def test_cli_json_reproduces_cookbook_figures(toy, capsys):
    code = main(["analyze", str(toy), "--encoding", "cl100k_base", "--max-example-tokens", "4096", "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["format"] == "chat"
    assert data["examples"] == 5
    assert data["error_count"] == 0 and data["error_counts"] == {} and data["errors"] == []
    assert data["missing_system"] == 1
    assert data["missing_user"] == 1
    assert data["encoding"] == "cl100k_base"
    assert data["max_example_tokens"] == 4096
    messages, total, assistant = (data["stats"][k] for k in ("messages", "total_tokens", "assistant_tokens"))
    assert (messages["min"], messages["max"], messages["mean"]) == (2, 9, 3.8)
    assert (total["min"], total["max"], total["mean"], total["median"]) == (26, 8032, 1648.4, 45)
    assert (assistant["min"], assistant["max"]) == (4, 8000)
    assert data["over_limit_examples"] == 1
    assert data["billing_tokens_per_epoch"] == 4306
    assert data["auto_epochs"] == 20
    assert data["charged_tokens"] == 86120
    assert data["total_tokens"] == 8242
    for key in ("p10", "p90", "median"):
        assert key in messages and key in total and key in assistant
    codes = {warning["code"] for warning in data["warnings"]}
    assert {"too_few_examples", "over_limit", "missing_system", "missing_user"} <= codes


def test_cli_text_report_shows_the_same_figures(toy, capsys):
    assert main(["analyze", str(toy), "--encoding", "cl100k_base", "--max-example-tokens", "4096"]) == 0
    out = capsys.readouterr().out
    for figure in ("4,306", "86,120", "8,242"):
        assert figure in out


def test_model_option_picks_encoding_from_base_model(toy, capsys):
    assert main(["analyze", str(toy), "--model", "ft:gpt-3.5-turbo-0125:acme::x1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["encoding"] == "cl100k_base"
