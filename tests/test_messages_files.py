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
