"""User settings: a declared schema with defaults, stored as JSON under the user data dir."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from ftplanner.core.paths import user_data_dir, write_text_atomic

SETTINGS_FILE = "settings.json"
LANGUAGES = ("", "en", "ja")  # "" follows the system locale
THEMES = ("system", "light", "dark")
MAX_RECENT = 8


@dataclass
class Settings:
    language: str = ""
    theme: str = "system"
    last_page: int = 0
    window_geometry: str = ""  # base64 of QWidget.saveGeometry()
    recent_plans: list[str] = field(default_factory=list)
    currency: str = "USD"
    autosave_seconds: int = 120

    def add_recent(self, path: str) -> None:
        self.recent_plans = [path] + [p for p in self.recent_plans if p != path]
        del self.recent_plans[MAX_RECENT:]


def settings_path() -> Path:
    return user_data_dir() / SETTINGS_FILE


def _valid(name: str, value: Any, default: Any) -> bool:
    if isinstance(default, bool) or type(value) is not type(default):
        return False
    if name == "language":
        return value in LANGUAGES
    if name == "theme":
        return value in THEMES
    if name == "recent_plans":
        return all(isinstance(item, str) for item in value)
    if isinstance(value, int):
        return value >= 0
    return True


def load_settings(path: Path | None = None) -> tuple[Settings, list[str]]:
    """Settings from disk; unknown or invalid entries fall back to defaults and are reported."""
    path = path or settings_path()
    settings = Settings()
    problems: list[str] = []
    if not path.exists():
        return settings, problems
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
    except (OSError, ValueError) as exc:
        return settings, [f"{path}: unreadable ({exc}); using defaults"]
    for item in fields(Settings):
        if item.name not in data:
            continue
        value, default = data[item.name], getattr(settings, item.name)
        if _valid(item.name, value, default):
            setattr(settings, item.name, value)
        else:
            problems.append(f"{path}: {item.name}: invalid value {value!r}; using the default")
    return settings, problems


def save_settings(settings: Settings, path: Path | None = None) -> None:
    write_text_atomic(path or settings_path(), json.dumps(asdict(settings), indent=2, ensure_ascii=False))
