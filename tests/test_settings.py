"""Settings: declared defaults, tolerant loading, atomic save."""

from __future__ import annotations

import json

from ftplanner.core.settings import Settings, load_settings, save_settings, settings_path


def test_defaults_when_no_file():
    settings, problems = load_settings()
    assert settings == Settings() and problems == []


def test_round_trip_and_recent_list():
    settings = Settings(language="ja", theme="dark", currency="JPY")
    for index in range(12):
        settings.add_recent(f"/plans/{index}.ftplan")
    settings.add_recent("/plans/3.ftplan")
    save_settings(settings)
    loaded, problems = load_settings()
    assert problems == [] and loaded == settings
    assert loaded.recent_plans[0] == "/plans/3.ftplan" and len(loaded.recent_plans) == 8


def test_invalid_entries_fall_back_to_defaults_and_are_reported():
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"language": "fr", "theme": "dark", "last_page": -1, "recent_plans": [1]}))
    settings, problems = load_settings()
    assert settings.language == "" and settings.theme == "dark" and settings.last_page == 0
    assert settings.recent_plans == []
    assert len(problems) == 3 and all(str(path) in p for p in problems)


def test_unreadable_file_gives_defaults():
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{broken")
    settings, problems = load_settings()
    assert settings == Settings() and "unreadable" in problems[0]
