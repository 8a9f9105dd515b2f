"""Stored analyses: reused while the dataset is unchanged, redone when it changes, ignored when damaged."""

from __future__ import annotations

import json
import os

from dataset_builders import toy_examples, write_jsonl
from ftplanner.core import analysis_cache
from ftplanner.core.analysis_cache import analyze_cached, cache_folder
from ftplanner.core.analyzer import analyze


def _spy(monkeypatch) -> list[str]:
    calls: list[str] = []
    import ftplanner.core.analyzer as analyzer

    real = analyzer.analyze

    def counting(path, *args, **kwargs):
        calls.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(analyzer, "analyze", counting)
    return calls


def test_an_unchanged_dataset_is_analysed_once_and_the_stored_result_is_identical(tmp_path, monkeypatch):
    path = write_jsonl(tmp_path / "data.jsonl", toy_examples())
    calls = _spy(monkeypatch)
    first = analyze_cached(path, "o200k_base", 4096)
    again = analyze_cached(path, "o200k_base", 4096)
    assert len(calls) == 1
    assert again == first == analyze(str(path), "o200k_base", 4096)
    assert len(list(cache_folder().glob("*.json"))) == 1
    analyze_cached(path, "cl100k_base", 4096)  # another encoding, another limit: analysed
    analyze_cached(path, "o200k_base", 100)
    assert len(calls) == 3


def test_a_changed_dataset_is_analysed_again(tmp_path, monkeypatch):
    path = write_jsonl(tmp_path / "data.jsonl", toy_examples())
    calls = _spy(monkeypatch)
    before = analyze_cached(path, "o200k_base", 4096)
    stat = path.stat()
    text = path.read_text(encoding="utf-8").replace("a", "b", 1)  # same size, same times
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    after = analyze_cached(path, "o200k_base", 4096)
    assert len(calls) == 2
    assert after == analyze(str(path), "o200k_base", 4096)
    assert after != before  # the edit made one example invalid


def test_a_damaged_entry_is_ignored_and_rewritten(tmp_path, monkeypatch):
    path = write_jsonl(tmp_path / "data.jsonl", toy_examples())
    first = analyze_cached(path, "o200k_base", 4096)
    (entry,) = cache_folder().glob("*.json")
    entry.write_text('{"source": ', encoding="utf-8")
    calls = _spy(monkeypatch)
    assert analyze_cached(path, "o200k_base", 4096) == first
    assert len(calls) == 1
    assert json.loads(entry.read_text(encoding="utf-8"))["examples"] == first.examples


def test_the_cache_keeps_a_bounded_number_of_entries(tmp_path, monkeypatch):
    monkeypatch.setattr(analysis_cache, "MAX_ENTRIES", 3)
    path = write_jsonl(tmp_path / "data.jsonl", toy_examples())
    for cap in range(100, 106):
        analyze_cached(path, "o200k_base", cap)
    assert len(list(cache_folder().glob("*.json"))) == 3


def test_a_stored_analysis_is_worded_in_japanese_like_a_fresh_one(tmp_path, monkeypatch):
    """Errors and warnings keep their codes and parameters on disk, not only their English text."""
    from dataset_builders import every_error_kind
    from ftplanner.core.messages import Message, render

    path = every_error_kind(tmp_path / "bad.jsonl")
    fresh = analyze_cached(path, "o200k_base", 4096)
    calls = _spy(monkeypatch)
    stored = analyze_cached(path, "o200k_base", 4096)
    assert calls == [] and stored == fresh
    said = [*stored.errors, *stored.warnings]
    assert len(stored.errors) >= 10 and stored.warnings
    assert all(isinstance(item.message, Message) for item in said)
    for lang in ("en", "ja"):
        assert [render(item.message, lang) for item in said] == [
            render(item.message, lang) for item in (*fresh.errors, *fresh.warnings)
        ]
    assert any(render(w.message, "ja") != str(w.message) for w in stored.warnings)


def test_an_entry_without_its_messages_is_analysed_again(tmp_path, monkeypatch):
    path = write_jsonl(tmp_path / "data.jsonl", toy_examples())
    analyze_cached(path, "o200k_base", 4096)
    (entry,) = cache_folder().glob("*.json")
    data = json.loads(entry.read_text(encoding="utf-8"))
    del data["messages"]
    entry.write_text(json.dumps(data), encoding="utf-8")
    calls = _spy(monkeypatch)
    analyze_cached(path, "o200k_base", 4096)
    assert len(calls) == 1
