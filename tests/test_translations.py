"""Japanese translation: every GUI string is in the .ts source, translated, and compiled into the .qm."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "ftplanner_ja.ts"
GUI = ROOT / "app" / "ftplanner" / "gui"


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(path)
    found = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found[(name, message.findtext("source"))] = message.find("translation")
    return found


def _tool(name: str) -> str:
    path = shutil.which(name) or str(Path(sys.executable).parent / name)
    if not Path(path).exists():
        pytest.skip(f"{name} not installed")
    return path


def test_every_gui_string_is_in_the_translation_source(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in GUI.rglob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    missing = set(_messages(fresh)) - set(_messages(TS))
    assert not missing, f"run pyside6-lupdate and translate: {sorted(missing)[:10]}"


def test_every_message_is_translated():
    untranslated = [
        key
        for key, translation in _messages(TS).items()
        if translation is None
        or translation.get("type") in ("unfinished",)
        or not (translation.text or "").strip()
    ]
    assert not untranslated, untranslated[:10]


def test_compiled_translation_loads_and_is_current(qapp, tmp_path):
    from PySide6.QtCore import QTranslator

    from ftplanner.core.paths import resource

    compiled = tmp_path / "check.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(compiled)], check=True, capture_output=True
    )
    shipped = resource("i18n", "ftplanner_ja.qm").read_bytes()
    assert shipped == compiled.read_bytes(), "run pyside6-lrelease to rebuild resources/i18n/ftplanner_ja.qm"
    translator = QTranslator()
    assert translator.load(shipped)
    assert translator.translate("DatasetPage", "Examples") == "学習例数"
