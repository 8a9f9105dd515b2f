"""Generated chat JSONL files for the analyzer benchmarks (deterministic for a given seed).

- ``random``: short system prompts and random English / Japanese turns (little text repeats);
- ``support``: a support bot as deployed: the same ~1,500-token system prompt and the same two tool
  definitions on every line, then 1–4 varied user/assistant turns, a few of them stock replies;
- ``unique``: turns of identifiers, hex digests and numbers that never repeat (no word to reuse).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

EN_WORDS = (
    "account billing invoice storage sync folder share permission error upload download refund "
    "plan team admin password login device mobile desktop network quota limit export import "
    "backup restore file please could you help me with the my our your is are was not can will "
    "should today yesterday again "
).split()
JA_WORDS = (
    "アカウント 請求 ストレージ 同期 フォルダ 共有 権限 エラー アップロード ダウンロード 返金 プラン 管理者 パスワード ログイン 端末 ネットワーク 容量 上限 "
    "バックアップ 復元 ファイル お願いします できません ありがとうございます 確認 設定 変更 削除 表示 利用 方法 について 教えてください です ます "
).split()
SYSTEMS = (
    "You are a concise support agent for a cloud storage service.",
    "あなたはクラウドストレージのサポート担当です。丁寧な敬語で答えてください。",
)
_POLICY_TOPICS = (
    "billing disputes", "refund eligibility", "account recovery", "two-factor authentication",
    "shared folder permissions", "storage quota upgrades", "data export requests", "device limits",
    "sync conflicts", "enterprise admin roles", "password resets", "invoice corrections",
    "service outages", "data retention", "deleted file recovery", "mobile app crashes",
)  # fmt: skip
STOCK_REPLIES = (
    "Thanks for reaching out! I'm happy to help with that.",
    "Is there anything else I can help you with today?",
    "I've escalated this to our billing team; you'll hear back within one business day.",
    "For your security, I can't share account details until you verify your identity.",
)


def support_system_prompt() -> str:
    """A long, structured system prompt (~1,500 o200k tokens), the same on every line of the file."""
    rng = random.Random(1500)
    parts = [
        "You are Skye, the customer support assistant of Skyvault, a cloud storage service for teams.",
        "Follow the policies below exactly. When a policy does not cover a request, say so and offer to"
        " open a ticket with a human agent. Never invent prices, dates or account details.",
    ]
    for number, topic in enumerate(_POLICY_TOPICS, start=1):
        rules = [
            f"{number}.{step} " + " ".join(rng.choices(EN_WORDS, k=rng.randint(12, 22))).capitalize() + "."
            for step in range(1, 5)
        ]
        parts.append(f"## Policy {number}: {topic}\n" + "\n".join(rules))
    parts.append("Answer in the customer's language. Keep replies under 120 words unless asked for detail.")
    return "\n\n".join(parts)


def support_tools() -> list[dict[str, Any]]:
    """The two tool definitions every line carries."""
    return [
        {
            "type": "function",
            "function": {
                "name": "lookup_account",
                "description": "Look up a customer's account by email or account id: plan, seats, storage"
                " used, billing status and open tickets.",
                "parameters": {
                    "type": "object",
                    "properties": {
                        "email": {"type": "string", "description": "the customer's login email"},
                        "account_id": {"type": "string", "description": "the id shown in Settings ▸ Account"},
                        "include_invoices": {"type": "boolean", "description": "also list the last invoices"},
                    },
                    "required": [],
                },
            },
        },
        {
            "type": "function",
            "function": {
                "name": "open_ticket",
                "description": "Open a ticket for a human agent when the request needs one.",
                "parameters": {
                    "type": "object",
                    "properties": {
                        "category": {
                            "type": "string",
                            "enum": ["billing", "security", "bug", "data_recovery", "other"],
                        },
                        "summary": {"type": "string", "description": "one sentence the agent reads first"},
                        "priority": {"type": "string", "enum": ["low", "normal", "high", "urgent"]},
                    },
                    "required": ["category", "summary"],
                },
            },
        },
    ]


def _sentence(rng: random.Random, japanese: bool) -> str:
    words = rng.choices(JA_WORDS if japanese else EN_WORDS, k=rng.randint(6, 40))
    return ("、".join(words) + "。") if japanese else (" ".join(words).capitalize() + ".")


def random_example(rng: random.Random) -> dict[str, Any]:
    japanese = rng.random() < 0.45
    messages = [{"role": "system", "content": SYSTEMS[japanese]}]
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        messages.append({"role": "user", "content": _sentence(rng, japanese)})
        reply = " ".join(_sentence(rng, japanese) for _ in range(rng.randint(1, 6)))
        messages.append({"role": "assistant", "content": reply})
    return {"messages": messages}


def support_example_maker() -> Callable[[random.Random], dict[str, Any]]:
    system, tools = support_system_prompt(), support_tools()

    def make(rng: random.Random) -> dict[str, Any]:
        messages = [{"role": "system", "content": system}]
        for _ in range(rng.choice((1, 1, 2, 2, 3, 4))):
            messages.append({"role": "user", "content": _sentence(rng, rng.random() < 0.3)})
            reply = " ".join(_sentence(rng, False) for _ in range(rng.randint(1, 4)))
            if rng.random() < 0.25:
                reply = rng.choice(STOCK_REPLIES)
            messages.append({"role": "assistant", "content": reply})
        return {"messages": messages, "tools": tools}

    return make


def unique_example(rng: random.Random) -> dict[str, Any]:
    """Turns made of identifiers and hex digests that never repeat: the worst case for counting by words."""

    def turn() -> str:
        return " ".join(
            f"{rng.choice(('id', 'ref', 'sha'))}_{rng.getrandbits(64):016x}, {rng.getrandbits(40)}"
            for _ in range(rng.randint(4, 30))
        )

    messages = [{"role": "system", "content": SYSTEMS[0]}]
    for _ in range(rng.choice((1, 2))):
        messages += [{"role": "user", "content": turn()}, {"role": "assistant", "content": turn()}]
    return {"messages": messages}


KINDS: dict[str, Callable[[], Callable[[random.Random], dict[str, Any]]]] = {
    "random": lambda: random_example,
    "support": support_example_maker,
    "unique": lambda: unique_example,
}


def generate(path: Path, kind: str, megabytes: float, seed: int = 7) -> int:
    """Write about ``megabytes`` MB of ``kind`` examples to ``path``; returns the line count."""
    make = KINDS[kind]()
    rng = random.Random(seed)
    target = int(megabytes * 1024 * 1024)
    written = lines = 0
    with path.open("w", encoding="utf-8") as out:
        while written < target:
            line = json.dumps(make(rng), ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            lines += 1
    return lines
