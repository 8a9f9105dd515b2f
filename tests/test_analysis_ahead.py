"""Analyses stored ahead by a child process while a command loads its other parts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import ftplanner.core.analyzer as analyzer
from dataset_builders import toy_examples, write_jsonl
from ftplanner.core import analysis_cache
from ftplanner.core.analysis_cache import analyze_ahead, analyze_cached, cache_folder
from ftplanner.core.analyzer import analyze
from ftplanner.core.errors import UserError
from ftplanner.core.paths import resource


@pytest.fixture
def may_fork(monkeypatch):
    """Forking is allowed despite pytest-timeout's sleeping thread (the tests through the CLI have none)."""
    monkeypatch.setattr(analysis_cache, "_may_fork", lambda: True)


def _no_analysis_here(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("analysed in this process")

    monkeypatch.setattr(analyzer, "analyze", refuse)


def test_the_child_stores_the_analysis_and_the_command_reads_it(tmp_path, monkeypatch, may_fork):
    path = write_jsonl(tmp_path / "data.jsonl", toy_examples())
    expected = analyze(str(path), "o200k_base", 4096)
    with analyze_ahead([(path, "o200k_base", 4096), (path, "cl100k_base", 4096)]):
        started = list(analysis_cache._ahead)
        assert len(started) == 1
        _no_analysis_here(monkeypatch)  # in this process; the child, forked before, has the real one
        result = analyze_cached(path, "o200k_base", 4096)  # waits for the child, then reads its result
    assert result == expected
    assert analysis_cache._ahead == []
    with pytest.raises(ChildProcessError):
        os.waitpid(started[0], os.WNOHANG)  # reaped: no zombie left
    assert len(list(cache_folder().glob("*.json"))) == 2


def test_nothing_is_started_for_stored_analyses_or_beside_other_threads(tmp_path, monkeypatch):
    path = write_jsonl(tmp_path / "data.jsonl", toy_examples())
    analyze_cached(path, "o200k_base", 4096)
    with monkeypatch.context() as patched:
        patched.setattr(analysis_cache, "_may_fork", lambda: True)
        with analyze_ahead([(path, "o200k_base", 4096)]):
            assert analysis_cache._ahead == []
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        with analyze_ahead([(path, "cl100k_base", 4096)]):
            assert analysis_cache._ahead == []  # forking beside a running thread could deadlock the child
    finally:
        stop.set()
        other.join()


def test_a_failing_block_stops_the_child(tmp_path, may_fork):
    path = write_jsonl(tmp_path / "data.jsonl", toy_examples() * 2000)
    with pytest.raises(RuntimeError), analyze_ahead([(path, "o200k_base", 4096)]):
        started = list(analysis_cache._ahead)
        raise RuntimeError("the command failed")
    assert analysis_cache._ahead == []
    with pytest.raises(ChildProcessError):
        os.waitpid(started[0], os.WNOHANG)


def test_a_child_that_fails_leaves_the_work_and_its_message_to_the_command(tmp_path, may_fork):
    path = tmp_path / "data.jsonl"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    with analyze_ahead([(path, "o200k_base", 4096)]):
        assert len(analysis_cache._ahead) == 1
        with pytest.raises(UserError):
            analyze_cached(path, "o200k_base", 4096)
    assert list(cache_folder().glob("*.json")) == []


def _report(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FTPLANNER_HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "LC_ALL": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, "-m", "ftplanner", "report", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
    )


def test_a_cold_report_gives_the_figures_of_a_report_without_the_child(tmp_path):
    cold = _report(tmp_path / "cold", "--example", "--out", str(tmp_path / "r.pdf"), "--json")
    assert cold.returncode == 0, cold.stderr
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert len(list((tmp_path / "cold" / "analyses").glob("*.json"))) == 1
    plain = _report(tmp_path / "plain", "--example", "--json")  # no PDF: analysed in the command itself
    assert plain.returncode == 0, plain.stderr
    figures, plain_figures = json.loads(cold.stdout), json.loads(plain.stdout)
    for figures_of in (figures, plain_figures):
        figures_of.pop("files")
        figures_of.pop("generated", None)
    assert figures == plain_figures


def test_a_report_on_an_unusable_dataset_fails_with_one_line(tmp_path):
    data = tmp_path / "train.jsonl"
    data.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    plan = tmp_path / "p.ftplan"
    example = json.loads(Path(str(resource("examples", "example.ftplan"))).read_text(encoding="utf-8"))
    example["dataset"] = str(data)
    example.pop("dataset_summary", None)
    plan.write_text(json.dumps(example), encoding="utf-8")
    done = _report(tmp_path / "home", str(plan), "--out", str(tmp_path / "r.pdf"))
    assert done.returncode == 2  # unusable input (README: exit codes)
    assert done.stderr.endswith("train.jsonl: is a binary file, not JSON Lines\n")
    assert done.stderr.count("\n") == 1, done.stderr  # one line: the child said nothing
    assert not (tmp_path / "r.pdf").exists()


def test_an_interrupted_wait_still_stops_the_child(tmp_path, monkeypatch, may_fork):
    path = write_jsonl(tmp_path / "data.jsonl", toy_examples() * 2000)
    real_waitpid = os.waitpid
    interrupted: list[int] = []

    def interrupted_once(pid: int, options: int):
        if not interrupted:
            interrupted.append(pid)
            raise KeyboardInterrupt
        return real_waitpid(pid, options)

    with pytest.raises(KeyboardInterrupt), analyze_ahead([(path, "o200k_base", 4096)]):
        monkeypatch.setattr(os, "waitpid", interrupted_once)
        analyze_cached(path, "o200k_base", 4096)  # Ctrl-C while it waits for the child
    monkeypatch.undo()
    assert interrupted and analysis_cache._ahead == []
    with pytest.raises(ChildProcessError):
        os.waitpid(interrupted[0], os.WNOHANG)  # stopped and reaped
