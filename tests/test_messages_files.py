"""Currency, exchange-rate and saved-file messages are worded in English and Japanese, with the English text
unchanged for the command line and logs."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from ftplanner.core import statefile
from ftplanner.core.errors import UserError, WriteFailed
from ftplanner.core.exports import write_whole
from ftplanner.core.messages import Message, render
from ftplanner.core.money import ExchangeRates, check_currency


def _no_english_words(text: str) -> None:
    """Japanese text keeps paths, codes and commands; no English sentence of the core is left."""
    for word in ("cannot", "could not", "must", "nothing was", "recovered", "permission", "the disk"):
        assert word not in text, text


def test_unknown_currency_in_japanese():
    with pytest.raises(UserError) as caught:
        check_currency("dollars")
    assert str(caught.value).startswith("unknown currency code 'dollars'; use an ISO 4217 code")
    assert render(caught.value.message, "ja") == (
        "不明な通貨コード 'dollars' です。USD、JPY、EUR などの ISO 4217 コードを指定してください"
    )


def test_rate_errors_in_japanese(tmp_path: Path):
    rates = ExchangeRates()
    cases = [
        (lambda: rates.rate("JPY"), "JPY の為替レートがありません。`ftplanner rates set JPY RATE` で設定"),
        (lambda: rates.set("USD", 1), "USD は基準通貨です"),
        (lambda: rates.set("EUR", -2), "EUR の為替レートは正の値にしてください。入力値：-2"),
    ]
    for call, japanese in cases:
        with pytest.raises(UserError) as caught:
            call()
        assert isinstance(caught.value.message, Message) and caught.value.message.code != "raw"
        assert render(caught.value.message, "ja").startswith(japanese)
    with pytest.raises(
        UserError, match=r"^no exchange rate for JPY; set one with `ftplanner rates set JPY RATE`"
    ):
        rates.rate("JPY")


def test_a_damaged_rates_file_is_told_in_japanese_when_read_and_when_kept_aside(tmp_path: Path):
    path = tmp_path / "exchange_rates.toml"
    path.write_bytes(b'[rates.JPY]\nper_usd = 150\nset_on = 2026-11-01\n[rates.EUR]\nper_usd = "x\xff"\n')
    rates = ExchangeRates.load(path)
    assert rates.damage is not None
    assert [r.currency for r in rates] == ["JPY"]
    japanese = [render(line, "ja") for line in rates.problems]
    assert any("為替レートを完全には読み込めません" in line for line in japanese), japanese
    for line in japanese:
        _no_english_words(line)
    with pytest.raises(UserError) as caught:
        rates.rate("EUR")
    assert "could not be read in full" in str(caught.value)
    assert "を完全には読み込めませんでした" in render(caught.value.message, "ja")

    rates.set("EUR", 0.9, date(2026, 11, 2))
    rates.save(path)
    [notice] = rates.notices
    assert str(notice).startswith("exchange_rates.toml could not be read in full (")
    assert str(notice).endswith("; rates recovered from it: JPY")
    japanese_notice = render(notice, "ja")
    assert japanese_notice.startswith("exchange_rates.toml を完全には読み込めませんでした（")
    assert "元のファイルは" in japanese_notice and japanese_notice.endswith("復元したレート：JPY")
    _no_english_words(japanese_notice)
    assert ExchangeRates.load(path).get("EUR") is not None


def test_a_write_that_cannot_happen_is_told_in_japanese(tmp_path: Path):
    target = tmp_path / "plan.csv"
    target.mkdir()
    with pytest.raises(WriteFailed) as caught:
        write_whole(target, b"a,b\n", "write the CSV file")
    assert (
        str(caught.value)
        == f"{target}: cannot write the CSV file (a folder is in the way); nothing was written"
    )
    assert render(caught.value.message, "ja") == (
        f"{target}：CSV ファイルを書き込むことができません（同じ名前のフォルダーがあります）。何も書き込んでいません"
    )
    with pytest.raises(UserError) as caught:
        write_whole(tmp_path / "missing" / "x.csv", b"a", "write the CSV file")
    assert render(caught.value.message, "ja").endswith("がありません")


@pytest.mark.parametrize(
    ("number", "english", "japanese"),
    [
        (errno.ENOSPC, "the disk is full", "ディスクがいっぱいです"),
        (errno.EACCES, "permission denied", "アクセスが拒否されました"),
        (errno.EROFS, "the disk is read-only", "ディスクが読み取り専用です"),
    ],
)
def test_os_errors_are_worded_in_both_languages(number: int, english: str, japanese: str):
    error = OSError(number, os.strerror(number))
    text = statefile.os_error_text(
        error, Path("/x/rates.toml"), "save the exchange rates", "nothing was changed"
    )
    assert text == f"/x/rates.toml: cannot save the exchange rates ({english}); nothing was changed"
    assert render(text, "ja") == (
        f"/x/rates.toml：為替レートを保存することができません（{japanese}）。何も変更していません"
    )


def test_every_write_phrase_has_a_text():
    from ftplanner.core import message_texts

    for code in (*statefile.DOING.values(), *statefile.THEN.values()):
        assert code in message_texts.EN and code in message_texts.JA, code
    for phrase, code in statefile.DOING.items():
        assert message_texts.EN[code] == phrase


def test_the_japanese_command_line_warns_about_a_damaged_rates_file_in_japanese(tmp_path: Path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "exchange_rates.toml").write_bytes(
        b"[rates.JPY]\nper_usd = 150\nset_on = 2026-11-01\n[rates\xff\n"
    )
    env = {
        **os.environ,
        "FTPLANNER_HOME": str(home),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    done = subprocess.run(
        [sys.executable, "-m", "ftplanner", "--lang", "ja", "rates", "set", "EUR", "0.9"],
        capture_output=True,
        env=env,
        timeout=300,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert (
        "為替レートを完全には読み込めません" in done.stderr or "完全には読み込めませんでした" in done.stderr
    )
    assert "could not be read in full" not in done.stderr and "cannot read" not in done.stderr


def test_an_override_in_a_currency_without_a_rate_is_told_in_japanese():
    from ftplanner.core.roi_link import override_amount

    overrides = {"training_cost": {"currency": "EUR", "likely": 40}}
    with pytest.raises(UserError) as caught:
        override_amount(overrides, "training_cost", "JPY", ExchangeRates(), "plan")
    assert str(caught.value).startswith("plan: roi_overrides.training_cost: no exchange rate for JPY;")
    japanese = render(caught.value.message, "ja")
    assert japanese.startswith("plan: roi_overrides.training_cost：JPY の為替レートがありません。")
    _no_english_words(japanese)


def test_a_damaged_overrides_file_kept_aside_is_told_in_japanese(tmp_path: Path):
    from ftplanner.core.catalog import save_user_overrides

    path = tmp_path / "price_overrides.toml"
    path.write_bytes(b'[models."m-1"]\ninput_per_mtok = 1\n[models\xff\n')
    notices: list[str] = []
    save_user_overrides({"models": {}}, path, notices)
    [notice] = notices
    assert str(notice).startswith("price_overrides.toml could not be read in full (not UTF-8 text at byte")
    assert str(notice).endswith("; readable then: m-1")
    japanese = render(notice, "ja")
    assert "バイト目が UTF-8 テキストではありません；TOML として正しくありません：" in japanese
    assert japanese.endswith("その時点で読めた内容：m-1")
    _no_english_words(japanese)


def _catalog():
    from ftplanner.core.catalog import load_catalog

    return load_catalog(user_overrides=False, today=date(2026, 11, 30))


def test_unknown_and_ambiguous_models_are_told_in_japanese():
    from dataclasses import replace

    catalog = _catalog()
    cases = [
        (
            lambda: catalog.get("gpt-4o-mimi"),
            "unknown model 'gpt-4o-mimi' (did you mean",
            "不明なモデル 'gpt-4o-mimi' です（",
        ),
        (
            lambda: catalog.get("zzzz"),
            "unknown model 'zzzz'; list them",
            "不明なモデル 'zzzz' です。`ftplanner models`",
        ),
        (
            lambda: catalog.by_provider("openia"),
            "unknown provider 'openia' (did you mean 'openai'?)",
            "不明なプロバイダー",
        ),
    ]
    together = [e for e in catalog.entries if e.provider == "together"][:2]
    twins = replace(catalog, entries=(*together, replace(together[0], provider="fireworks")))
    cases.append(
        (
            lambda: twins.get(together[0].id),
            f"model '{together[0].id}' is ambiguous; use one of:",
            "複数に該当します",
        )
    )
    for call, english, japanese in cases:
        with pytest.raises(UserError) as caught:
            call()
        assert str(caught.value).startswith(english)
        text = render(caught.value.message, "ja")
        assert japanese in text, text
        assert "unknown" not in text and "ambiguous" not in text


def test_estimate_argument_errors_are_told_in_japanese():
    from ftplanner.core.estimate import TrafficProfile, estimate
    from test_estimate import make_analysis

    catalog = _catalog()
    data = make_analysis([(100, 10)])
    cases = [
        (
            lambda: estimate(data, catalog.get("gpt-4o-mini"), epochs=0),
            "エポック数は 1 以上にしてください。入力値：0",
        ),
        (
            lambda: estimate(data, catalog.get("gpt-4o-mini"), months=-1),
            "月数は 0 以上にしてください。入力値：-1",
        ),
        (
            lambda: estimate(data, catalog.get("davinci-002")),
            "davinci-002 は cl100k_base でトークンを数えますが、分析には o200k_base が使われました",
        ),
        (lambda: TrafficProfile(10, 5, 5, cached_share=2), "0 から 1 の範囲で指定してください。入力値：2"),
    ]
    for call, japanese in cases:
        with pytest.raises(UserError) as caught:
            call()
        assert japanese in render(caught.value.message, "ja")


def test_a_plan_currency_without_a_rate_is_told_in_japanese():
    from ftplanner.core.plan import Plan
    from ftplanner.core.plan_inputs import plan_currency

    plan = Plan(name="p", currency="JPY")
    with pytest.raises(UserError) as caught:
        plan_currency(plan, ExchangeRates(), date(2026, 11, 30))
    assert str(caught.value).startswith("currency: no exchange rate for JPY;")
    assert render(caught.value.message, "ja").startswith("通貨：JPY の為替レートがありません。")
    choice = plan_currency(plan, ExchangeRates(), date(2026, 11, 30), fallback=True)
    assert choice.code == "USD" and str(choice.problem).endswith("; amounts are shown in USD")
    assert render(choice.problem, "ja").endswith("。金額は USD で表示しています")
