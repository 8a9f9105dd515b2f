"""Builders for dataset files used across tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

TOY_SYSTEM = "You are a happy assistant that puts a positive spin on everything."


def message(role: str, content: Any, **extra: Any) -> dict[str, Any]:
    return {"role": role, "content": content, **extra}


def chat(*pairs: tuple[str, Any]) -> dict[str, Any]:
    return {"messages": [message(role, content) for role, content in pairs]}


def toy_examples() -> list[dict[str, Any]]:
    """The OpenAI cookbook's ``examples/data/toy_chat_fine_tuning.jsonl``, rebuilt line for line."""
    return [
        chat(("system", TOY_SYSTEM), ("user", "I fell off my bike today."),
             ("assistant", "It's great that you're getting exercise outdoors!")),
        chat(("system", TOY_SYSTEM), ("user", "I lost my tennis match today."),
             ("assistant", "It's ok, it happens to everyone."), ("user", "But I trained so hard!"),
             ("assistant", "It will pay off next time."), ("user", "I'm going to switch to golf."),
             ("assistant", "Golf is fun too!"), ("user", "I don't even know how to play golf."),
             ("assistant", "It's easy to learn!")),
        chat(("user", "I lost my book today."), ("assistant", "You can read everything on ebooks these days!")),
        chat(("system", TOY_SYSTEM), ("assistant", "You're great!")),
        chat(("system", TOY_SYSTEM), ("user", "I'm hungry."), ("assistant", "Eat a banana!" * 2000)),
    ]  # fmt: skip


def simple_chat(index: int, language: str = "en") -> dict[str, Any]:
    if language == "ja":
        return chat(("system", "あなたは丁寧なサポート担当です。"), ("user", f"請求書{index}番について教えてください。"),
                    ("assistant", f"請求書{index}番はアカウント設定の「請求」から確認できます。"))  # fmt: skip
    return chat(("system", "You are a concise support agent."), ("user", f"Where is invoice {index}?"),
                ("assistant", f"Invoice {index} is under Settings > Billing."))  # fmt: skip


def write_lines(path: Path, lines: list[str], newline: str = "\n") -> Path:
    path.write_text("".join(line + newline for line in lines), encoding="utf-8", newline="")
    return path


def write_jsonl(path: Path, records: list[Any], newline: str = "\n") -> Path:
    return write_lines(path, [json.dumps(record, ensure_ascii=False) for record in records], newline)


def every_error_kind(path: Path) -> Path:
    """A dataset with valid examples, every data warning and a line for every data error the analyzer words.

    Its last broken line is 6,000 bytes: a line too long once ``reader.MAX_LINE_BYTES`` is patched to 5,000.
    """
    ok = chat(("system", "s"), ("user", "u"), ("assistant", "a"))
    user_then = {"messages": [message("user", "x"), message("assistant", "y")]}
    broken: list[Any] = [
        '{"messages": [{"role": "user", "content": "unterminated}',
        '{"a": 1,}', "not json", '{"a" 1}', '{"a": 1 "b": 2}', '{"a": 1} x', '{"a": "b\tc"}', '{"a": "\\q"}',
        '{"a": "\\u12"}', "[1, 2]", {"foo": 1}, {"messages": [1]},
        {"messages": [message("user", "x", bogus=1)]}, {"messages": [{"content": "x"}]},
        {"messages": [message("wizard", "x")]}, {"messages": [{"role": "user"}]}, {"messages": [message("user", "")]},
        {"messages": [message("user", [1])]}, {"messages": [message("user", [{"text": 1}])]},
        {"messages": [message("user", 5)]}, {"messages": [message("user", "x", name=3)]},
        {"messages": [message("assistant", "x", weight=3)]}, {"messages": [{"role": "assistant", "tool_calls": 5}]},
        {"messages": [{"role": "assistant", "tool_calls": [5]}]},
        {"messages": [{"role": "assistant", "tool_calls": [{"type": "x"}]}]},
        {"messages": [{"role": "assistant", "tool_calls": [{"id": 5}]}]},
        {"messages": [{"role": "assistant", "tool_calls": [{"function": {}}]}]},
        {"messages": [{"role": "assistant", "tool_calls": [{"function": 3}]}]},
        {"messages": [{"role": "assistant", "function_call": {"name": "f", "arguments": 3}}]},
        {**user_then, "tools": 5}, {**user_then, "tools": [5]}, {**user_then, "tools": [{"type": "x"}]},
        {**user_then, "functions": [{}]}, {"messages": []}, {"messages": [message("user", "x")]}, {"input": 5},
        {"input": {"messages": [message("user", "x")]}},
        {"input": {"messages": [message("user", "x")]}, "preferred_output": [message("user", "x")]},
        {"prompt": "p"}, {"prompt": 3, "completion": "c"}, {"prompt": "p", "completion": ""},
        {"prompt": "p", "completion": "c"}, "[" * 3_000, '"' + "x" * 6_000,
    ]  # fmt: skip
    lines = [json.dumps(ok)] * 3 + [json.dumps(ok | {"n": 1})]
    lines += [item if isinstance(item, str) else json.dumps(item) for item in broken]
    lines.append(json.dumps({"messages": [message("user", "x"), message("assistant", "y", weight=0)]}))
    lines.append(json.dumps({"messages": [message("assistant", "only")]}))
    write_lines(path, lines)
    with path.open("ab") as handle:
        handle.write(b'{"a": "\xff"}\n')
    return path
