"""Messages as data: every code has English and Japanese text, fields are named as on screen, and the
Japanese command line and report show no English sentence from the core."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pytest

from dataset_builders import every_error_kind
from ftplanner.cli import main
from ftplanner.core import message_texts, reader
from ftplanner.core.analyzer import analyze
from ftplanner.core.errors import UserError
from ftplanner.core.examples import ERROR_CODES
from ftplanner.core.messages import Message, field_label, language_from_env, msg, render
from ftplanner.core.roi.scenario import scenario_from_dict

APP = Path(__file__).resolve().parents[1] / "app" / "ftplanner"
TS_FILE = Path(__file__).resolve().parents[1] / "resources" / "i18n" / "ftplanner_ja.ts"
PLACEHOLDER = re.compile(r"\{(\w+)\}")
LITERAL_CODE = re.compile(r"""\b(?:msg|about\([^,()]+,)\(?\s*["']([a-z_]+(?:\.[a-z_]+)+)["']""")


def _placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def test_every_message_code_has_japanese_text_with_the_same_placeholders():
    missing = sorted(set(message_texts.EN) - set(message_texts.JA))
    assert not missing, f"message codes without Japanese text: {missing}"
    extra = sorted(set(message_texts.JA) - set(message_texts.EN))
    assert not extra, f"Japanese texts for unknown codes: {extra}"
    for code, english in message_texts.EN.items():
        assert _placeholders(english) == _placeholders(message_texts.JA[code]), code


def test_every_code_the_program_uses_has_text():
    used: set[str] = set()
    for path in APP.rglob("*.py"):
        used |= set(LITERAL_CODE.findall(path.read_text(encoding="utf-8")))
    used |= {f"errorkind.{code}" for code in ERROR_CODES}
    used |= {f"launch.{what}_{end}" for what in ("training", "validation") for end in ("errors", "empty")}
    used |= {
        f"warning.{code}" for code in ("over_limit", "missing_system", "missing_user", "duplicate_examples")
    }
    assert len(used) > 100  # the scan finds the codes
    unknown = sorted(code for code in used if code not in message_texts.EN)
    assert not unknown, f"codes with no text in core/message_texts.py: {unknown}"


def _ts_translations() -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for context in ET.parse(TS_FILE).getroot():
        name = context.findtext("name", "")
        for message in context.findall("message"):
            out[(name, message.findtext("source", ""))] = message.findtext("translation", "")
    return out


def test_field_labels_are_the_labels_on_screen_in_both_languages():
    translations = _ts_translations()
    for code, (context, source) in message_texts.FIELD_SOURCES.items():
        english = message_texts.EN[code].format(section="S", line=1)
        japanese = message_texts.JA[code].format(section="S", line=1)
        assert english.endswith(source.rstrip(":")), (code, english, source)
        assert japanese.endswith(translations[(context, source)].rstrip(":：")), (code, japanese)


def test_field_names_in_messages_are_labels_not_keys():
    assert field_label("benefits[0].amount") == "Benefits, line 1: amount"
    assert field_label("costs[2].amount.low") == "Costs, line 3: Low"
    assert field_label("discount_rate_annual", "ja") == "割引率／年"
    assert field_label("benefits[0].amount", "ja") == "便益 1 行目：金額"
    assert (
        field_label("benefits[1].ramp_month") == "Benefits, line 2: ramp_month"
    )  # an unknown key as written
    base = {"schema": 1, "name": "n", "horizon_months": 12, "discount_rate_annual": "eight"}
    with pytest.raises(UserError) as caught:
        scenario_from_dict(base)
    error = caught.value
    assert str(error) == "Discount / year: expected a number, got the text 'eight'"
    assert error.field == "discount_rate_annual"
    assert render(error.message, "ja") == "割引率／年：数値が必要ですが、文字列 'eight' です"
    item = {"name": "a", "kind": "one_off", "amount": {"low": 9, "likely": 7, "high": 10}}
    with pytest.raises(UserError) as caught:
        scenario_from_dict(base | {"discount_rate_annual": 0, "benefits": [item]})
    assert str(caught.value) == "Benefits, line 1: amount: low (9) is above likely (7)"
    assert caught.value.field == "benefits[0].amount.low"
    for text in (str(caught.value), render(caught.value.message, "ja")):
        assert "benefits[" not in text and "discount_rate" not in text


def test_a_discount_out_of_range_is_told_in_percent_as_the_form_takes_it():
    """The file holds a fraction (8 = 800 %), the form takes percent: the message speaks percent."""
    base = {"schema": 1, "name": "n", "horizon_months": 12}
    for fraction, percent in (("8", "800"), ("-0.05", "-5"), ("1.5", "150")):
        with pytest.raises(UserError) as caught:
            scenario_from_dict(base | {"discount_rate_annual": Decimal(fraction)})
        assert str(caught.value) == f"Discount / year: must be between 0 % and 100 %, got {percent} %"
        assert caught.value.field == "discount_rate_annual"
        assert render(caught.value.message, "ja") == (
            f"割引率／年：0 % から 100 % の範囲で指定してください。入力値：{percent} %"
        )


def test_a_message_is_its_english_text_and_survives_pickling():
    import pickle

    message = msg("input.negative", "costs[0].amount", at="x", value=3)
    assert message == "x: must not be negative (got 3)" and isinstance(message, str)
    copy = pickle.loads(pickle.dumps(message))
    assert isinstance(copy, Message) and copy.code == message.code and copy.field == "costs[0].amount"
    assert render(copy, "ja") == "x：負の値にはできません（3）"


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"LANG": "ja_JP.UTF-8"}, "ja"),
        ({"LC_ALL": "ja_JP.UTF-8", "LANG": "en_US.UTF-8"}, "ja"),
        ({"LC_ALL": "C", "LANG": "ja_JP.UTF-8"}, "en"),
        ({"LC_MESSAGES": "ja_JP", "LANG": "en_US"}, "ja"),
        ({}, "en"),
    ],
)
def test_the_language_follows_the_locale(env, lang):
    assert language_from_env(env) == lang


def test_an_unterminated_string_is_reported_once_at_its_column(tmp_path):
    path = tmp_path / "broken.jsonl"
    path.write_text('{"messages": [{"role": "user", "content": "unterminated}\n', encoding="utf-8")
    issue = analyze(path).errors[0]
    assert issue.message == "not valid JSON: unterminated string starting at column 43"
    assert (
        render(issue.message, "ja") == "JSON として正しくありません：43 列目から始まる文字列が閉じていません"
    )


# Static English text of every core message: a Japanese output containing one shows an untranslated message.
def _english_fragments() -> set[str]:
    fragments: set[str] = set()
    for code, english in message_texts.EN.items():
        if message_texts.JA.get(code) == english or code.startswith(("field:", "errorkind.")):
            continue
        for part in PLACEHOLDER.split(english)[::2]:
            part = part.strip(" :;,.()")
            if len(part) >= 8 and " " in part:
                fragments.add(part)
    return fragments


ENGLISH_RUN = re.compile(r"\b[A-Za-z]{2,}(?: [A-Za-z]{2,}){3,}\b")  # four English words in a row
MISSING_CODE = re.compile(r"\b[a-z_]+\.[a-z_]+(?:\.[a-z_]+)*\(")  # how a code with no text renders


def assert_no_english_from_the_core(text: str, allowed: tuple[str, ...] = ()) -> None:
    for fragment in _english_fragments():
        assert fragment not in text, f"untranslated core text {fragment!r} in:\n{text}"
    assert not MISSING_CODE.search(text), MISSING_CODE.search(text)
    runs = [run for run in ENGLISH_RUN.findall(text) if not any(run in ok for ok in allowed)]
    assert not runs, runs


def test_japanese_analyze_of_a_dataset_with_every_error_kind(tmp_path, monkeypatch, capsys):
    path = every_error_kind(tmp_path / "every.jsonl")
    monkeypatch.setattr(reader, "MAX_LINE_BYTES", 5000)
    monkeypatch.setattr(reader, "BLOCK_BYTES", 1024)
    result = analyze(path, max_example_tokens=10)
    assert set(result.error_counts) == set(ERROR_CODES)  # the dataset has every error kind
    assert {w.code for w in result.warnings} >= {
        "too_few_examples", "over_limit", "missing_system", "missing_user", "duplicate_examples", "trains_nothing"
    }  # fmt: skip
    assert main(["--lang", "ja", "analyze", str(path), "--max-example-tokens", "10"]) == 0
    out = capsys.readouterr().out
    assert "43 列目から始まる文字列が閉じていません" in out and "警告" in out
    assert_no_english_from_the_core(out)
    for issue in result.errors:  # every described error, not only the first twenty printed
        assert_no_english_from_the_core(render(issue.message, "ja"))
    for warning in result.warnings:
        assert_no_english_from_the_core(render(warning.message, "ja"))


def _ftplanner(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    base = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
    return subprocess.run(
        [sys.executable, "-m", "ftplanner", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=base | (env or {}),
        timeout=300,
    )


def test_the_command_line_follows_lang_and_the_locale(tmp_path):
    path = every_error_kind(tmp_path / "every.jsonl")
    by_locale = _ftplanner("analyze", str(path), env={"LANG": "ja_JP.UTF-8"})
    assert by_locale.returncode == 0 and "最初のエラー" in by_locale.stdout
    assert_no_english_from_the_core(by_locale.stdout)
    english = _ftplanner("--lang", "en", "analyze", str(path), env={"LANG": "ja_JP.UTF-8"})
    assert "First errors" in english.stdout and "not valid JSON" in english.stdout
    missing = _ftplanner("--lang", "ja", "analyze", str(tmp_path / "nothing.jsonl"))
    assert missing.returncode == 2 and missing.stderr.strip().endswith("ファイルがありません")


def _display_texts(value: object, inside: bool = False) -> list[str]:
    """The strings the report prints: under "display", warnings' and assumptions' worded texts."""
    if isinstance(value, dict):
        out: list[str] = []
        for key, item in value.items():
            out += _display_texts(item, inside or key in ("display", "message"))
        return out
    if isinstance(value, list):
        return [text for item in value for text in _display_texts(item, inside)]
    return [value] if inside and isinstance(value, str) else []


def test_japanese_report_on_a_plan_with_a_dataset_full_of_errors(tmp_path):
    from ftplanner.cli.report import example_plan_path

    plan = json.loads(example_plan_path().read_text(encoding="utf-8"))
    plan["dataset"] = str(every_error_kind(tmp_path / "every.jsonl"))
    plan["scenario"]["model"] = {"id": "together/lora-up-to-16b"}  # no inference cost known: an ROI warning
    path = tmp_path / "errors.ftplan"
    path.write_text(json.dumps(plan), encoding="utf-8")
    done = _ftplanner(
        "report", str(path), "--json", "--out", str(tmp_path / "r.pdf"), env={"LANG": "ja_JP.UTF-8"}
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    kinds = {w["kind"] for w in figures["warnings"]}
    assert {"data_errors", "data_warning", "roi"} <= kinds
    # Catalog notes are data from the price files, quoted as published; names are the user's or the catalog's.
    notes = tuple(w["text"] for w in figures["warnings"] if w["kind"] == "model_note")
    names = tuple(str(m.get("display_name", "")) for m in figures["models"]) + tuple(figures["sources"])
    names += tuple(item["name"] for side in ("costs", "benefits") for item in plan["scenario"].get(side, []))
    texts = _display_texts(figures) + [row["name"] for row in figures["assumptions"]]
    assert any("推論コストが不明" in text for text in texts)
    assert_no_english_from_the_core("\n".join(texts), allowed=notes + names)
    assert (tmp_path / "r.pdf").stat().st_size > 0


def test_catalog_file_problems_are_worded_in_japanese():
    from ftplanner.core.catalog_schema import FieldProblem, coerce_model, problem_line

    with pytest.raises(FieldProblem) as caught:
        coerce_model({"id": "m", "provider": "acme", "trainng_per_mtok": 1})
    line = problem_line("acme.toml", "m", caught.value.field, caught.value.message)
    assert str(line).startswith("acme.toml: m: trainng_per_mtok: unknown field (did you mean")
    japanese = render(line, "ja")
    assert (
        japanese.startswith("acme.toml：m：trainng_per_mtok：不明な項目です（") and "unknown" not in japanese
    )


def test_profile_pattern_problems_are_worded_in_japanese():
    from ftplanner.jobs import profiles

    with pytest.raises(UserError) as caught:
        profiles.validate({"name": "fw", "kind": "fireworks", "account_id": "not an id!"})
    assert str(caught.value) == "profile 'fw': Account ID 'not an id!' is not a Fireworks account id"
    assert caught.value.field == "profile.account_id"
    japanese = render(caught.value.message, "ja")
    assert "アカウント ID" in japanese and "account" not in japanese


def test_a_message_stored_as_data_comes_back_the_same_in_both_languages():
    from datetime import date

    from ftplanner.core.messages import FieldLabel, Joined, message_data, message_from_data, raw

    nested = msg(
        "data.invalid_json",
        detail=msg("json.expecting_comma", column=43),
        extra=[1, "a"],
        when=date(2027, 1, 6),
    )
    samples = [
        nested,
        msg("warning.trains_nothing", examples=msg("warning.example", count=1), limit=4096),
        msg(
            "data.no_messages",
            keys=[msg("data.none")],
            value=Decimal("0.08"),
            label=FieldLabel("discount_rate"),
        ),
        msg("data.mixed_format", "plan.models", format=Joined(("a", msg("format.chat")), "; "), main="x"),
        raw("a library's own words"),
        "plain text",
    ]
    for message in samples:
        back = message_from_data(json.loads(json.dumps(message_data(message))))
        for lang in ("en", "ja"):
            assert render(back, lang) == render(message, lang)
        assert str(back) == str(message)
        assert back.field == getattr(message, "field", "")
    with pytest.raises(ValueError):
        message_from_data({"code": "x", "params": {"p": {"unknown": 1}}})
