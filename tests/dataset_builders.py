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
