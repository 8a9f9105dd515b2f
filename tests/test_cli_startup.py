"""Command start: ``--version`` and ``analyze`` never import the provider SDKs, Qt, matplotlib or HTTP."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from ftplanner.core.paths import sample_dataset

HEAVY = ("openai", "PySide6", "matplotlib", "httpx2", "httpx", "keyring")
PROBE = """
import contextlib, io, json, sys
from ftplanner.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        code = main(json.loads(sys.argv[1]))
    except SystemExit as exit:
        code = exit.code
print(json.dumps({"code": code, "out": out.getvalue(), "modules": sorted(sys.modules)}))
"""


def imported_by(*argv: str) -> tuple[int, str, set[str]]:
    """Exit code, output and the top-level packages imported by ``ftplanner ARGV`` in a fresh process."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(argv)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    report = json.loads(done.stdout)
    return report["code"], report["out"], {name.split(".")[0] for name in report["modules"]}


@pytest.mark.parametrize(
    "argv",
    [("--version",), ("analyze", "SAMPLE", "--json"), ("analyze", "SAMPLE"), ("analyze", "--help")],
    ids=["version", "analyze-json", "analyze-text", "analyze-help"],
)
def test_version_and_analyze_do_not_import_heavy_packages(argv):
    argv = tuple(str(sample_dataset()) if arg == "SAMPLE" else arg for arg in argv)
    code, out, packages = imported_by(*argv)
    assert code == 0
    assert out.strip()
    assert packages & set(HEAVY) == set(), f"ftplanner {' '.join(argv)} imported {packages & set(HEAVY)}"
    if argv[0] == "--version":
        assert out.strip().startswith("ftplanner ")
        assert not {"tiktoken", "numpy"} & packages


def test_full_help_still_lists_every_command():
    code, out, _ = imported_by("--help")
    assert code == 0
    for command in ("analyze", "models", "estimate", "rates", "roi", "jobs", "report"):
        assert f"    {command}" in out


def test_an_unknown_command_is_refused_with_the_list_of_commands():
    done = subprocess.run(
        [sys.executable, "-m", "ftplanner", "nosuch"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2
    assert "invalid choice: 'nosuch'" in done.stderr and "analyze" in done.stderr and "jobs" in done.stderr


def test_an_english_report_does_not_import_matplotlib_or_the_provider_sdks(tmp_path):
    """The report's charts are written as SVG directly; matplotlib (half the report's time) stays out."""
    out = tmp_path / "r.pdf"
    code, _out, packages = imported_by("report", "--example", "--out", str(out))
    assert code == 0 and out.read_bytes().startswith(b"%PDF")
    assert packages & {"matplotlib", "openai", "httpx2", "keyring"} == set()
