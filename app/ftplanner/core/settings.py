"""User settings: a declared schema with defaults, stored as JSON under the user data dir."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from ftplanner.core import statefile
from ftplanner.core.messages import msg
from ftplanner.core.paths import user_data_dir

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
    try:
        raw = statefile.read_state(path)
        if raw is None:
            return settings, problems
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
    except (statefile.Unreadable, ValueError, RecursionError) as exc:
        return settings, [f"{path}: unreadable ({exc}); using defaults"]
    for item in fields(Settings):
        if item.name not in data:
            continue
        value, default = data[item.name], getattr(settings, item.name)
        if _valid(item.name, value, default):
            setattr(settings, item.name, value)
        else:
            problems.append(f"{path}: {item.name}: invalid value {str(value)[:80]!r}; using the default")
    return settings, problems


def save_settings(settings: Settings, path: Path | None = None) -> list[str]:
    """Write the settings atomically; a damaged file on disk is kept aside first. Returns notices to show."""
    path = path or settings_path()
    notices: list[str] = []
    with statefile.locked(path):
        _, problems = load_settings(path)
        if problems and (path.exists() or path.is_symlink()):
            aside = statefile.keep_aside(path)
            reason = problems[0].removeprefix(f"{path}: ")
            notices.append(statefile.aside_notice(path, reason, aside, msg("settings.saved_in_use")))
        statefile.write_state(
            path, json.dumps(asdict(settings), indent=2, ensure_ascii=False), "save the settings"
        )
    return notices
