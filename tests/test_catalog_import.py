"""``ftplanner catalog import`` / ``export``: validate, show the changes, apply only when confirmed; the bundled
catalog stays the fallback; faults (damaged file, full disk, a file in the way) leave the previous catalog."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from ftplanner.core import catalog_import
from ftplanner.core.catalog import bundled_files, load_catalog

PYTHON = [sys.executable, "-m", "ftplanner"]
TODAY = ["--today", "2026-11-29"]


def cli(home: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "FTPLANNER_HOME": str(home)}
    done = subprocess.run([*PYTHON, *args], capture_output=True, text=True, env=env, timeout=300, input=stdin)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def bundled(name: str) -> str:
    return dict(bundled_files())[name]


def newer_fireworks() -> str:
    """Fireworks' bundled file with a price cut, a new model and a job deadline."""
    text = bundled("fireworks.toml")
    text = text.replace("training_per_mtok = 3.00", "training_per_mtok = 2.50", 1)
    text = text.replace('id = "sft-80b-300b"', 'id = "sft-80b-300b"\njob_deadline = 2027-06-30', 1)
    return text + (
        '\n[[models]]\nid = "accounts/fireworks/models/qwen3-8b"\ndisplay_name = "Qwen3 8B (Fireworks LoRA)"\n'
        "training_per_mtok = 0.50\n"
    )


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def models(home: Path) -> dict[str, dict]:
    done = cli(home, "models", "--json", *TODAY)
    assert done.returncode == 0, done.stderr
    return {row["key"]: row for row in json.loads(done.stdout)}


def test_import_shows_the_changes_and_applies_with_yes(home, tmp_path):
    source = tmp_path / "fireworks-new.toml"
    source.write_text(newer_fireworks(), encoding="utf-8")
    done = cli(home, "catalog", "import", str(source), "--yes", *TODAY)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "1 price down" in out and "1 model added" in out and "1 date moved" in out
    assert "fireworks/sft-16b-80b: training_per_mtok 3.00 → 2.50 (down)" in out
    assert "fireworks/accounts/fireworks/models/qwen3-8b: model added" in out
    assert "fireworks/sft-80b-300b: job_deadline — → 2027-06-30" in out
    rows = models(home)
    assert Decimal(rows["fireworks/sft-16b-80b"]["training_per_mtok"]) == Decimal("2.50")
    assert "fireworks/accounts/fireworks/models/qwen3-8b" in rows
    assert Decimal(rows["openai/gpt-4o-mini-2024-07-18"]["training_per_mtok"]) == Decimal(
        "3.00"
    )  # other providers: bundled
    # Export gives back exactly the imported file; the other providers' bundled files as shipped.
    out_dir = tmp_path / "exported"
    assert cli(home, "catalog", "export", "--out", str(out_dir)).returncode == 0
    assert (out_dir / "fireworks.toml").read_text(encoding="utf-8") == newer_fireworks()
    assert (out_dir / "openai.toml").read_text(encoding="utf-8") == bundled("openai.toml")
    printed = cli(home, "catalog", "export", "--provider", "fireworks")
    assert printed.returncode == 0 and printed.stdout == newer_fireworks()


def test_import_json_without_confirmation_changes_nothing(home, tmp_path):
    source = tmp_path / "f.toml"
    source.write_text(newer_fireworks(), encoding="utf-8")
    done = cli(home, "catalog", "import", str(source), "--json", *TODAY, stdin="y\n")  # not a terminal
    assert done.returncode == 1 and "nothing was imported" in done.stderr
    diff = json.loads(done.stdout)
    kinds = {(c["kind"], c["model"]) for c in diff["changes"]}
    assert ("price_down", "fireworks/sft-16b-80b") in kinds
    assert ("added", "fireworks/accounts/fireworks/models/qwen3-8b") in kinds
    assert not (home / "catalog").exists()
    assert Decimal(models(home)["fireworks/sft-16b-80b"]["training_per_mtok"]) == Decimal("3.00")


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda t: t.replace("training_per_mtok = 0.50", 'training_per_mtok = "cheap"', 1),
            "sft-up-to-16b: training_per_mtok: expected a number",
        ),
        (
            lambda t: t.replace('[provider]\nid = "fireworks"', "[provider]\nid = 'Fire Works'"),
            "[provider]: id: provider id must be",
        ),
        (lambda t: t + "\n[[models]\nid = 1\n", "not valid TOML"),
        (
            lambda t: t.replace("as_of = 2026-10-08", "as_of = 2027-10-08", 1),
            "as_of: 2027-10-08 is in the future",
        ),
    ],
    ids=["bad-price", "bad-provider", "not-toml", "future-date"],
)
def test_an_invalid_file_exits_1_names_file_model_and_field_and_writes_nothing(home, tmp_path, edit, message):
    first = tmp_path / "good.toml"
    first.write_text(newer_fireworks(), encoding="utf-8")
    assert cli(home, "catalog", "import", str(first), "--yes", *TODAY).returncode == 0
    installed = home / "catalog" / "fireworks.toml"
    before = installed.read_bytes()
    bad = tmp_path / "bad.toml"
    bad.write_text(edit(bundled("fireworks.toml")), encoding="utf-8")
    done = cli(home, "catalog", "import", str(bad), "--yes", *TODAY)
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 1 and len(lines) == 1, done.stderr
    assert str(bad) in lines[0] and message in lines[0] and "nothing was imported" in lines[0]
    assert installed.read_bytes() == before


def test_a_damaged_imported_file_falls_back_to_the_bundled_catalog_with_a_notice(home, tmp_path):
    source = tmp_path / "f.toml"
    source.write_text(newer_fireworks(), encoding="utf-8")
    assert cli(home, "catalog", "import", str(source), "--yes", *TODAY).returncode == 0
    installed = home / "catalog" / "fireworks.toml"
    installed.write_bytes(installed.read_bytes()[:200] + b"\xff[[[")
    done = cli(home, "models", "--json", *TODAY)
    assert done.returncode == 0
    rows = {row["key"]: row for row in json.loads(done.stdout)}
    assert Decimal(rows["fireworks/sft-16b-80b"]["training_per_mtok"]) == Decimal(
        "3.00"
    )  # the bundled price again
    assert "fireworks/accounts/fireworks/models/qwen3-8b" not in rows
    assert f"imported catalog {installed} is damaged" in done.stderr
    assert "the bundled catalog is used" in done.stderr


def test_a_file_in_the_way_of_the_catalog_folder_is_one_line_and_nothing_changes(home, tmp_path):
    home.mkdir(parents=True)
    (home / "catalog").write_text("not a folder", encoding="utf-8")
    source = tmp_path / "f.toml"
    source.write_text(newer_fireworks(), encoding="utf-8")
    done = cli(home, "catalog", "import", str(source), "--yes", *TODAY)
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 1 and len(lines) == 1 and "a file is in the way" in lines[0], done.stderr
    assert (home / "catalog").read_text(encoding="utf-8") == "not a folder"
    assert Decimal(models(home)["fireworks/sft-16b-80b"]["training_per_mtok"]) == Decimal("3.00")


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 20 KB tmpfs (root only; skipped elsewhere)."""
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mount = tmp_path / "small"
    mount.mkdir()
    if subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=20k", "tmpfs", str(mount)], capture_output=True
    ).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_import_on_a_full_disk_keeps_the_previous_catalog(small_disk, tmp_path):
    source = tmp_path / "f.toml"
    source.write_text(bundled("nebius.toml").replace("Nebius Token Factory", "Nebius TF"), encoding="utf-8")
    assert cli(small_disk, "catalog", "import", str(source), "--yes", *TODAY).returncode == 0
    installed = small_disk / "catalog" / "nebius.toml"
    before = installed.read_bytes()
    with open(small_disk / "fill", "wb", buffering=0) as fill:  # take every free block
        try:
            while True:
                fill.write(b"\0" * 4096)
        except OSError:
            pass
    bigger = tmp_path / "big.toml"
    bigger.write_text(bundled("nebius.toml") + "\n# padding\n" * 3000, encoding="utf-8")
    done = cli(small_disk, "catalog", "import", str(bigger), "--yes", *TODAY)
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 1 and "the disk is full" in lines[-1], done.stderr
    assert installed.read_bytes() == before
    assert not list((small_disk / "catalog").glob(".nebius.toml.*"))


def test_diff_in_core_reports_removed_models_and_price_rises():
    files = bundled_files()
    text = dict(files)["vertex.toml"]
    text = text.replace("training_per_mtok = 5.00", "training_per_mtok = 6.00", 1)
    head, _, _ = text.partition('[[models]]\nid = "gemini-2.0-flash"')
    candidate = catalog_import.CatalogFile("vertex", head, "vertex.toml")
    diff = catalog_import.preview_import(candidate, date(2026, 11, 29))
    assert [c.model for c in diff.of(catalog_import.REMOVED)] == ["vertex/gemini-2.0-flash"]
    (rise,) = diff.of(catalog_import.PRICE_UP)
    assert (rise.model, rise.field, str(rise.old), str(rise.new)) == (
        "vertex/gemini-2.5-flash", "training_per_mtok", "5.00", "6.00"
    )  # fmt: skip
    assert diff.summary() == "1 price up, 1 model removed"
    assert load_catalog(user_overrides=False, today=date(2026, 11, 29)).find("vertex/gemini-2.0-flash")
