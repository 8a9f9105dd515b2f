"""Every package folder is listed in pyproject.toml, so a non-editable install ships all code and data."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_folder_is_listed():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT / "app").parts)
        for init in (ROOT / "app").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    found |= {"ftplanner.pricing", "ftplanner.resources"}
    assert listed == found


def test_mapped_data_folders_are_packages():
    for folder in ("pricing", "resources"):
        assert (ROOT / folder / "__init__.py").is_file()
