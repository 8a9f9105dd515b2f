"""``ftplanner analyze`` exit codes and messages, run as a real process."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from dataset_builders import simple_chat, write_jsonl, write_lines


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ftplanner", *args], capture_output=True, text=True, timeout=120, check=False
    )


def test_data_errors_still_exit_zero(tmp_path):
    lines = [json.dumps(simple_chat(i)) for i in range(12)] + ['{"messages": 3}']
    done = run_cli("analyze", str(write_lines(tmp_path / "d.jsonl", lines)), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["error_counts"] == {"missing_messages_list": 1}
    assert data["errors"] == [
        {"line": 13, "code": "missing_messages_list", "message": data["errors"][0]["message"]}
    ]


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        (lambda p: p / "missing.jsonl", "no such file"),
        (lambda p: p, "is a folder"),
        (lambda p: (p / "x.bin").write_bytes(bytes(range(256))) and p / "x.bin", "binary"),
        (lambda p: (p / "x.csv").write_text("a,b\n1,2\n") and p / "x.csv", "does not look like JSON Lines"),
    ],
)
def test_unusable_input_exits_2_with_one_line(tmp_path, make, fragment):
    done = run_cli("analyze", str(make(tmp_path)))
    assert done.returncode == 2
    assert fragment in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_bad_option_values_exit_2(tmp_path):
    path = write_jsonl(tmp_path / "d.jsonl", [simple_chat(1)])
    done = run_cli("analyze", str(path), "--model", "unknown-model-x")
    assert done.returncode == 2 and "no known tokenizer" in done.stderr
    done = run_cli("analyze", str(path), "--max-example-tokens", "0")
    assert done.returncode == 2 and "positive" in done.stderr


def test_the_installed_sample_dataset_analyses_cleanly():
    from ftplanner.core.paths import sample_dataset

    done = run_cli("analyze", str(sample_dataset()), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["error_count"] == 0 and data["examples"] >= 300


def test_no_command_without_a_display_explains_instead_of_crashing():
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(
        [sys.executable, "-m", "ftplanner"], capture_output=True, text=True, timeout=60, env=env
    )
    assert done.returncode == 2
    assert "no display" in done.stderr and "Traceback" not in done.stderr
