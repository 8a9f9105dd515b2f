"""Dataset analyzer: formats, every error code, warnings, encodings, file variants, progress, cancel."""

from __future__ import annotations

import gzip
import json

import pytest

from dataset_builders import chat, message, simple_chat, toy_examples, write_jsonl, write_lines
from ftplanner.core import reader
from ftplanner.core.analyzer import analyze
from ftplanner.core.errors import Cancelled, UserError
from ftplanner.core.result import AnalysisResult
from ftplanner.core.tokenizers import get_encoding


def codes_by_line(result: AnalysisResult) -> dict[int, str]:
    return {issue.line: issue.code for issue in result.errors}


def valid_chat() -> dict:
    return chat(("system", "s"), ("user", "u"), ("assistant", "a"))


ERROR_CASES = [
    ("[1, 2]", "data_type"),
    ('"just a string"', "data_type"),
    ('{"text": "hello"}', "missing_messages_list"),
    ('{"messages": "hello"}', "missing_messages_list"),
    ('{"messages": []}', "missing_messages_list"),
    ('{"messages": [{"content": "hi"}, {"role": "assistant", "content": "a"}]}', "message_missing_key"),
    ('{"messages": [{"role": "user"}, {"role": "assistant", "content": "a"}]}', "message_missing_key"),
    ('{"messages": [{"role": "user", "content": "u", "mood": 1}, {"role": "assistant", "content": "a"}]}',
     "message_unrecognized_key"),
    ('{"messages": [{"role": "robot", "content": "u"}, {"role": "assistant", "content": "a"}]}',
     "unrecognized_role"),
    ('{"messages": [{"role": "user", "content": ""}, {"role": "assistant", "content": "a"}]}', "missing_content"),
    ('{"messages": [{"role": "user", "content": 42}, {"role": "assistant", "content": "a"}]}', "missing_content"),
    ('{"messages": [{"role": "system", "content": "s"}, {"role": "user", "content": "u"}]}',
     "example_missing_assistant_message"),
    ('{"messages": [{"role": "user", "content": "u"}, {"role": "assistant", "content": "a", "weight": 2}]}',
     "invalid_weight"),
    ('{"messages": [', "invalid_json"),
    ("not json at all", "invalid_json"),
]  # fmt: skip


@pytest.mark.parametrize(("line", "code"), ERROR_CASES)
def test_every_error_code_is_reported_with_its_line(tmp_path, line, code):
    lines = [json.dumps(valid_chat()), line, json.dumps(valid_chat())]
    result = analyze(write_lines(tmp_path / "d.jsonl", lines))
    assert codes_by_line(result) == {2: code}
    assert result.error_counts == {code: 1}
    assert result.examples == 2
    assert result.errors[0].message


def test_invalid_utf8_is_an_error_on_its_line(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes(json.dumps(valid_chat()).encode() + b"\n" + b'{"messages": "\xff\xfe"}\n')
    result = analyze(path)
    assert codes_by_line(result) == {2: "invalid_utf8"}
    assert result.examples == 1


def test_counts_are_exact_when_stored_details_are_capped(tmp_path):
    lines = ['{"messages": ['] * 1500 + [json.dumps(valid_chat())] * 3
    result = analyze(write_lines(tmp_path / "d.jsonl", lines))
    assert result.error_counts == {"invalid_json": 1500}
    assert result.error_count == 1500
    assert len(result.errors) == 1000
    assert result.examples == 3


def test_token_rule_matches_the_cookbook(tmp_path):
    enc = get_encoding("o200k_base")
    record = {"messages": [message("system", "Be brief."), message("user", "Hi", name="alice"),
                           message("assistant", "Hello there!")]}  # fmt: skip
    result = analyze(write_jsonl(tmp_path / "d.jsonl", [record]))
    expected = 3 * 3 + 3 + 1  # per message, reply priming, one name
    expected += sum(len(enc.encode(text)) for text in ("system", "Be brief.", "user", "Hi", "alice", "assistant",
                                                        "Hello there!"))  # fmt: skip
    assert result.total_tokens == expected
    assert result.assistant_tokens == len(enc.encode("Hello there!"))


def test_japanese_text_is_counted_exactly(tmp_path):
    enc = get_encoding("o200k_base")
    text = "申し訳ございませんが、ただいま確認しております。少々お待ちください。"
    result = analyze(write_jsonl(tmp_path / "ja.jsonl", [chat(("user", "こんにちは"), ("assistant", text))]))
    assert result.assistant_tokens == len(enc.encode(text))
    assert result.total_tokens == 3 * 2 + 3 + sum(
        len(enc.encode(t)) for t in ("user", "こんにちは", "assistant", text)
    )


def test_tool_calls_and_content_parts_are_counted(tmp_path):
    enc = get_encoding("o200k_base")
    calls = [{"id": "call_1", "type": "function", "function": {"name": "lookup", "arguments": '{"id": 7}'}}]
    tools = [{"type": "function", "function": {"name": "lookup", "parameters": {"type": "object"}}}]
    record = {
        "messages": [
            {"role": "user", "content": [{"type": "text", "text": "Find order 7"}]},
            {"role": "assistant", "tool_calls": calls},
            {"role": "tool", "tool_call_id": "call_1", "content": "shipped"},
            {"role": "assistant", "content": "It has shipped."},
        ],
        "tools": tools,
    }
    result = analyze(write_jsonl(tmp_path / "t.jsonl", [record]))
    assert result.error_count == 0
    compact = json.dumps(calls, separators=(",", ":"))
    expected_assistant = len(enc.encode(compact)) + len(enc.encode("It has shipped."))
    assert result.assistant_tokens == expected_assistant
    others = ("user", "Find order 7", "assistant", "tool", "call_1", "shipped", "assistant",
              json.dumps(tools, separators=(",", ":")))  # fmt: skip
    assert result.total_tokens == 4 * 3 + 3 + expected_assistant + sum(len(enc.encode(t)) for t in others)


def test_preference_format_is_detected_and_counted(tmp_path):
    record = {
        "input": {"messages": [{"role": "user", "content": "Hello"}]},
        "preferred_output": [{"role": "assistant", "content": "Hi! How can I help?"}],
        "non_preferred_output": [{"role": "assistant", "content": "What."}],
    }
    bad = {"input": {"messages": [{"role": "user", "content": "Hello"}]}, "preferred_output": []}
    result = analyze(write_jsonl(tmp_path / "dpo.jsonl", [record] * 3 + [bad]))
    assert result.format == "preference"
    assert result.examples == 3
    assert codes_by_line(result) == {4: "missing_messages_list"}
    enc = get_encoding("o200k_base")
    assistant = len(enc.encode("Hi! How can I help?")) + len(enc.encode("What."))
    assert result.assistant_tokens == 3 * assistant


def test_completion_format_is_detected_and_counted(tmp_path):
    enc = get_encoding("o200k_base")
    records = [{"prompt": "Translate: cat ->", "completion": " chat"}] * 2 + [{"prompt": "x"}]
    result = analyze(write_jsonl(tmp_path / "legacy.jsonl", records))
    assert result.format == "completion"
    assert result.examples == 2
    assert codes_by_line(result) == {3: "message_missing_key"}
    assert result.total_tokens == 2 * (len(enc.encode("Translate: cat ->")) + len(enc.encode(" chat")))


def test_mixed_formats_make_the_minority_lines_errors(tmp_path):
    records = [valid_chat(), valid_chat(), {"prompt": "p", "completion": "c"}, valid_chat()]
    result = analyze(write_jsonl(tmp_path / "mixed.jsonl", records))
    assert result.format == "chat"
    assert result.examples == 3
    assert codes_by_line(result) == {3: "mixed_format"}
    assert result.error_counts == {"mixed_format": 1}


def test_warnings_for_duplicates_too_few_and_zero_weight(tmp_path):
    zero = {"messages": [message("user", "u"), message("assistant", "a", weight=0)]}
    records = [simple_chat(1), simple_chat(1), zero]
    result = analyze(write_jsonl(tmp_path / "w.jsonl", records))
    warnings = {w.code: w for w in result.warnings}
    assert warnings["duplicate_examples"].count == 1 and warnings["duplicate_examples"].lines == (2,)
    assert warnings["too_few_examples"].count == 3
    assert warnings["trains_nothing"].lines == (3,)
    assert warnings["missing_system"].lines == (3,)
    assert result.duplicates == 1


@pytest.mark.parametrize("variant", ["bom", "crlf", "gzip", "blank_lines"])
def test_file_variants_give_identical_counts(tmp_path, variant):
    records = toy_examples() + [simple_chat(i, "ja" if i % 2 else "en") for i in range(20)]
    plain = analyze(write_jsonl(tmp_path / "plain.jsonl", records), "cl100k_base", 4096)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    path = tmp_path / f"{variant}.jsonl"
    if variant == "bom":
        path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    elif variant == "crlf":
        path.write_bytes(text.replace("\n", "\r\n").encode())
    elif variant == "gzip":
        path = tmp_path / "data.jsonl.gz"
        path.write_bytes(gzip.compress(text.encode()))
    else:
        path.write_bytes(("\n\n" + text.replace("\n", "\n\n  \n")).encode())
    other = analyze(path, "cl100k_base", 4096)
    assert other.error_count == 0
    for field in ("examples", "total_tokens", "assistant_tokens", "billing_tokens_per_epoch", "stats"):
        assert getattr(other, field) == getattr(plain, field), field


def test_blank_lines_keep_real_line_numbers(tmp_path):
    path = write_lines(tmp_path / "d.jsonl", ["", json.dumps(valid_chat()), "", "broken"])
    assert codes_by_line(analyze(path)) == {4: "invalid_json"}


def test_parallel_path_matches_serial(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "BLOCK_BYTES", 4096)
    records = [simple_chat(i, "ja" if i % 3 else "en") for i in range(600)] + toy_examples()
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines[10] = "broken"
    lines[500] = lines[400]
    path = write_lines(tmp_path / "d.jsonl", lines)
    serial = analyze(path, workers=1)
    parallel = analyze(path, workers=2, parallel_min_bytes=0)
    assert parallel == serial
    assert parallel.duplicates == 1 and codes_by_line(parallel) == {11: "invalid_json"}


def test_progress_reaches_the_end_and_cancel_stops(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "BLOCK_BYTES", 2048)
    path = write_jsonl(tmp_path / "d.jsonl", [simple_chat(i) for i in range(300)])
    seen: list[tuple[float, int]] = []
    analyze(path, progress=lambda fraction, lines: seen.append((fraction, lines)))
    assert len(seen) > 3
    assert seen[-1] == (1.0, 300)
    assert [f for f, _ in seen] == sorted(f for f, _ in seen)
    calls = iter(range(100))
    with pytest.raises(Cancelled):
        analyze(path, cancel=lambda: next(calls) >= 2)
    with pytest.raises(Cancelled):
        analyze(path, cancel=lambda: True, workers=2, parallel_min_bytes=0)


def test_overlong_line_is_skipped_and_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "MAX_LINE_BYTES", 5000)
    monkeypatch.setattr(reader, "BLOCK_BYTES", 1024)
    huge = json.dumps(chat(("user", "u"), ("assistant", "x" * 20000)))
    path = write_lines(tmp_path / "d.jsonl", [json.dumps(valid_chat()), huge, json.dumps(valid_chat()), huge])
    result = analyze(path)
    assert codes_by_line(result) == {2: "line_too_long", 4: "line_too_long"}
    assert result.examples == 2


def test_result_round_trips_and_recaps_without_tokenising(tmp_path):
    result = analyze(write_jsonl(tmp_path / "toy.jsonl", toy_examples()), "cl100k_base", 4096)
    again = AnalysisResult.from_dict(json.loads(json.dumps(result.to_dict())))
    assert again == result
    assert result.billing_tokens(16385) == 8242
    assert result.over_limit(16385) == 0
    assert result.charged_tokens(epochs=3, max_example_tokens=4096) == 3 * 4306


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", None),
        (b"\xff\xfe{\x00}\x00", "UTF-16"),
        (b"\x00\x01\x02binary", "binary"),
        (b"name,age\nalice,3\nbob,4\n", "does not look like JSON Lines"),
    ],
)
def test_unusable_files_raise_a_clear_error(tmp_path, content, message):
    path = tmp_path / "input.jsonl"
    path.write_bytes(content)
    if message is None:
        assert analyze(path).examples == 0
        return
    with pytest.raises(UserError, match=message) as info:
        analyze(path)
    assert str(path) in str(info.value)


def test_damaged_gzip_is_a_clear_error(tmp_path):
    path = tmp_path / "d.jsonl.gz"
    data = gzip.compress(("\n".join(json.dumps(simple_chat(i)) for i in range(2000))).encode())
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(UserError, match="damaged"):
        analyze(path)


def test_a_worker_that_dies_is_a_clear_error(tmp_path, monkeypatch):
    import multiprocessing

    from ftplanner.core import analyzer

    monkeypatch.setattr(analyzer, "_process_context", lambda: multiprocessing.get_context("spawn"))
    monkeypatch.setattr(analyzer, "_init_worker", _exit_worker)
    path = write_jsonl(tmp_path / "d.jsonl", [simple_chat(i) for i in range(50)])
    with pytest.raises(UserError, match="stopped unexpectedly"):
        analyze(path, workers=2, parallel_min_bytes=0)


def _exit_worker(encoding: str) -> None:
    import os

    os._exit(3)


def test_histogram_counts_every_example_and_goes_geometric_for_long_tails(tmp_path):
    result = analyze(write_jsonl(tmp_path / "toy.jsonl", toy_examples()), "cl100k_base", 4096)
    histogram = result.histogram
    assert sum(histogram.counts) == result.examples
    assert histogram.edges[0] <= 26 and histogram.edges[-1] > 8032
    assert histogram.log_scale  # 26 … 8,032 tokens
    even = analyze(write_jsonl(tmp_path / "even.jsonl", [simple_chat(i) for i in range(20)]))
    assert not even.histogram.log_scale and sum(even.histogram.counts) == 20
