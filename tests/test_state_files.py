"""The user's state files: locked read-modify-write, damaged files kept aside, atomic writes with clear errors."""

from __future__ import annotations

import json
import os
import threading
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from ftplanner.core import statefile
from ftplanner.core.catalog import (
    load_user_overrides,
    remove_model_override,
    save_user_overrides,
    set_model_override,
    user_overrides_path,
)
from ftplanner.core.errors import WriteFailed
from ftplanner.core.money import ExchangeRates
from ftplanner.core.settings import Settings, load_settings, save_settings, settings_path

DAY = date(2026, 11, 1)


def _aside(path: Path) -> list[Path]:
    return sorted(path.parent.glob(path.name + statefile.BROKEN_MARK + "*"))


def _three_rates() -> Path:
    for code, value in (("JPY", "150.5"), ("EUR", "0.93"), ("GBP", "0.79")):
        with ExchangeRates.editing() as rates:
            rates.set(code, value, DAY)
    return ExchangeRates.default_path()


def test_damaged_rates_file_is_kept_aside_and_readable_rates_are_recovered():
    path = _three_rates()
    original = bytearray(path.read_bytes())
    original[original.index(b"EUR]") + 12] = 0xFF
    path.write_bytes(bytes(original))
    with ExchangeRates.editing() as rates:
        rates.set("CHF", "0.88", DAY)
    kept = _aside(path)
    assert len(kept) == 1 and kept[0].read_bytes() == bytes(original)  # every byte of the old state
    assert "kept as" in rates.notices[0] and str(kept[0]) in rates.notices[0]
    assert "GBP, JPY" in rates.notices[0]
    fresh = ExchangeRates.load()
    assert fresh.damage is None and [r.currency for r in fresh] == ["CHF", "GBP", "JPY"]
    with ExchangeRates.editing() as again:  # told once: the fresh file is fine
        again.set("SEK", "10.5", DAY)
    assert again.notices == [] and len(_aside(path)) == 1


@pytest.mark.parametrize("damage", ["truncate", "unreadable", "folder"])
def test_unreadable_rates_file_is_never_overwritten(damage):
    path = _three_rates()
    before = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(before[: len(before) // 2])
    elif damage == "unreadable":
        if os.geteuid() == 0:
            pytest.skip("root reads any file")
        path.chmod(0)
    else:
        path.unlink()
        path.mkdir()
        (path / "inside.txt").write_text("mine")
    with ExchangeRates.editing() as rates:
        rates.set("CHF", "0.88", DAY)
    kept = _aside(path)
    assert len(kept) == 1 and rates.notices
    if damage == "truncate":
        assert kept[0].read_bytes() == before[: len(before) // 2]
    elif damage == "folder":
        assert (kept[0] / "inside.txt").read_text() == "mine"
    else:
        kept[0].chmod(0o600)
        assert kept[0].read_bytes() == before
    assert "CHF" in [r.currency for r in ExchangeRates.load()]


def test_missing_rate_names_the_damaged_file():
    path = _three_rates()
    path.write_bytes(b"\xff\xfe garbage")
    rates = ExchangeRates.load()
    with pytest.raises(Exception, match="could not be read in full") as caught:
        rates.rate("EUR")
    assert str(path) in str(caught.value)


def test_save_over_a_file_damaged_since_loading_keeps_it_aside():
    path = _three_rates()
    rates = ExchangeRates.load()
    path.write_text("[rates\n")
    rates.save()
    assert _aside(path)[0].read_text() == "[rates\n"
    assert [r.currency for r in ExchangeRates.load()] == ["EUR", "GBP", "JPY"]


def test_parallel_writers_in_one_process_lose_nothing():
    codes = sorted(statefile_codes())[:40]

    def writer(mine: list[str]) -> None:
        for code in mine:
            with ExchangeRates.editing() as rates:
                rates.set(code, "2", DAY)

    threads = [threading.Thread(target=writer, args=(codes[i::4],)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(r.currency for r in ExchangeRates.load()) == codes


def statefile_codes() -> set[str]:
    from ftplanner.core.money import ISO_4217

    return set(ISO_4217) - {"USD"}


def test_write_into_a_folder_in_the_way_is_one_clear_error(tmp_path):
    target = tmp_path / "x.toml"
    target.mkdir()
    with pytest.raises(WriteFailed, match="a folder is in the way"):
        statefile.write_state(target, "a = 1\n")
    assert target.is_dir()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_read_only_folder_is_one_clear_error_and_nothing_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("FTPLANNER_HOME", str(tmp_path))
    _three_rates()
    before = ExchangeRates.default_path().read_bytes()
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(WriteFailed, match="permission denied"), ExchangeRates.editing() as rates:
            rates.set("CHF", "0.88", DAY)
    finally:
        tmp_path.chmod(0o700)
    assert ExchangeRates.default_path().read_bytes() == before


def test_damaged_overrides_are_kept_aside_when_changed():
    set_model_override("gpt-4.1-mini-2025-04-14", {"training_per_mtok": Decimal("6.00")}, today=DAY)
    path = user_overrides_path()
    broken = path.read_bytes() + b"\n[models.x\n\xff"
    path.write_bytes(broken)
    notices: list[str] = []
    set_model_override("gpt-4.1-2025-04-14", {"training_per_mtok": Decimal("30")}, today=DAY, notices=notices)
    assert _aside(path)[0].read_bytes() == broken and "gpt-4.1-mini-2025-04-14" in notices[0]
    models = load_user_overrides()["models"]
    assert set(models) == {"gpt-4.1-mini-2025-04-14", "gpt-4.1-2025-04-14"}
    assert remove_model_override("gpt-4.1-2025-04-14") and len(_aside(path)) == 1


def test_saving_overrides_over_an_unparseable_file_keeps_it():
    path = user_overrides_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[models\n")
    notices: list[str] = []
    save_user_overrides({}, notices=notices)
    assert _aside(path)[0].read_text() == "[models\n" and notices


def test_damaged_settings_are_kept_aside_on_save():
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"theme": "dark", "language": "fr"')
    settings, problems = load_settings()
    assert problems and settings == Settings()
    notices = save_settings(settings)
    assert notices and _aside(path)[0].read_text() == '{"theme": "dark", "language": "fr"'
    assert json.loads(path.read_text())["theme"] == "system"
    assert save_settings(settings) == []
