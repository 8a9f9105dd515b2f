"""OpenAI chat JSONL → Gemini's supervised-tuning JSONL (``systemInstruction`` + ``contents``).

Each example ``{"messages": [...]}`` becomes ``{"systemInstruction": {"parts": [...]}, "contents": [...]}``:
system (and developer) messages at the start become the system instruction, user turns stay ``user``,
assistant turns become ``model``; consecutive messages of one role are one turn with several parts, so the
turns alternate as Gemini requires. What has no Gemini equivalent here (tool calls, tool results, images
or audio, loss weights, a system message mid-conversation) makes the line unconvertible: every such line is
listed with its number and the reason, so a launch can refuse before anything is uploaded. Blank lines are
skipped, as the analysis does.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SYSTEM_ROLES = frozenset({"system", "developer"})
ROLE_MAP = {"user": "user", "assistant": "model"}
SHOWN_PROBLEMS = 5
_IGNORED_MESSAGE_KEYS = frozenset({"role", "content", "name"})


class NotConvertible(ValueError):
    """Why one example cannot be written in Gemini's format."""


@dataclass(frozen=True)
class LineProblem:
    """A line that cannot be converted (1-based line number) and why."""

    line: int
    reason: str


@dataclass(frozen=True)
class Conversion:
    """The converted examples (one JSON text each, in file order) and the lines that could not be."""

    examples: tuple[str, ...] = ()
    problems: tuple[LineProblem, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not self.problems

    def jsonl(self) -> bytes:
        """The Gemini JSONL file (UTF-8, one example per line)."""
        return "".join(example + "\n" for example in self.examples).encode("utf-8")


def _texts(content: Any, where: str) -> list[str]:
    """The text parts of an OpenAI message's content; NotConvertible for media or empty content."""
    if isinstance(content, str):
        texts = [content] if content.strip() else []
    elif isinstance(content, list):
        texts = []
        for index, part in enumerate(content, start=1):
            if not isinstance(part, dict):
                raise NotConvertible(f"{where}: content part {index} is not an object")
            kind = part.get("type", "text")
            if kind != "text":
                what = {"image_url": "an image", "input_audio": "audio", "file": "a file"}.get(
                    str(kind), f"a {kind!r} part"
                )
                raise NotConvertible(f"{where} holds {what}; only text is converted")
            text = part.get("text")
            if not isinstance(text, str):
                raise NotConvertible(f"{where}: content part {index} has no text")
            if text.strip():
                texts.append(text)
    elif content is None:
        texts = []
    else:
        raise NotConvertible(f"{where}: content is not text")
    if not texts:
        raise NotConvertible(f"{where} has empty content")
    return texts


def convert_example(record: Any) -> dict[str, Any]:
    """One OpenAI chat example as a Gemini tuning example; NotConvertible says why it cannot be."""
    if not isinstance(record, dict):
        raise NotConvertible("the line is not a JSON object")
    messages = record.get("messages")
    if not isinstance(messages, list):
        if "preferred_output" in record or "non_preferred_output" in record:
            raise NotConvertible("preference pairs (DPO) cannot be tuned on Vertex AI; only chat examples")
        raise NotConvertible("no 'messages' list")
    if record.get("tools") or record.get("functions"):
        raise NotConvertible("tool definitions ('tools'/'functions') are not converted")
    if not messages:
        raise NotConvertible("the 'messages' list is empty")
    system: list[str] = []
    contents: list[dict[str, Any]] = []
    for number, message in enumerate(messages, start=1):
        where = f"message {number}"
        if not isinstance(message, dict):
            raise NotConvertible(f"{where} is not an object")
        role = message.get("role")
        where = f"message {number} ({role})" if isinstance(role, str) else where
        if message.get("tool_calls") or message.get("function_call"):
            raise NotConvertible(f"{where} makes tool calls, which are not converted")
        if role in ("tool", "function"):
            raise NotConvertible(f"{where} is a tool result, which is not converted")
        if role in SYSTEM_ROLES:
            if contents:
                raise NotConvertible(f"{where} comes after the conversation started; Gemini takes one")
            system.extend(_texts(message.get("content"), where))
            continue
        if role not in ROLE_MAP:
            raise NotConvertible(f"{where}: role must be system, user or assistant, found {role!r}")
        if message.get("weight", 1) != 1:
            raise NotConvertible(f"{where} has weight {message.get('weight')!r}; Gemini trains every turn")
        extra = sorted(set(message) - _IGNORED_MESSAGE_KEYS - {"weight"})
        if extra:
            raise NotConvertible(f"{where} has {extra[0]!r}, which is not converted")
        parts = [{"text": text} for text in _texts(message.get("content"), where)]
        gemini_role = ROLE_MAP[role]
        if contents and contents[-1]["role"] == gemini_role:
            contents[-1]["parts"].extend(parts)
        else:
            contents.append({"role": gemini_role, "parts": parts})
    if not contents or contents[0]["role"] != "user":
        raise NotConvertible("the conversation must start with a user message")
    if contents[-1]["role"] != "model":
        raise NotConvertible("the conversation must end with an assistant message")
    result: dict[str, Any] = {}
    if system:
        result["systemInstruction"] = {"parts": [{"text": text} for text in system]}
    result["contents"] = contents
    return result


def convert_lines(lines: Iterable[str | bytes], first_line: int = 1) -> Conversion:
    """Convert JSONL lines numbered from ``first_line``; blank lines are skipped."""
    examples: list[str] = []
    problems: list[LineProblem] = []
    for number, raw in enumerate(lines, start=first_line):
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                problems.append(LineProblem(number, f"not valid UTF-8 at byte {exc.start + 1}"))
                continue
        text = raw.strip().removeprefix("\ufeff") if number == first_line else raw.strip()
        if not text:
            continue
        try:
            record = json.loads(text)
        except (ValueError, RecursionError):
            problems.append(LineProblem(number, "not valid JSON"))
            continue
        try:
            examples.append(json.dumps(convert_example(record), ensure_ascii=False, separators=(",", ":")))
        except NotConvertible as exc:
            problems.append(LineProblem(number, str(exc)))
        except RecursionError:
            problems.append(LineProblem(number, "the example is nested too deeply"))
    return Conversion(tuple(examples), tuple(problems))


def convert_file(path: Path) -> Conversion:
    """Convert a JSONL file (UTF-8, LF or CRLF line ends)."""
    with Path(path).open("rb") as handle:
        return convert_lines(line.rstrip(b"\r\n") for line in handle)


def problems_text(path: Path | str, problems: Sequence[LineProblem], shown: int = SHOWN_PROBLEMS) -> str:
    """One line naming the file, how many lines cannot be converted, and the first ``shown`` of them."""
    listed = "; ".join(f"line {p.line}: {p.reason}" for p in problems[:shown])
    more = f"; and {len(problems) - shown} more" if len(problems) > shown else ""
    return (
        f"{path}: {len(problems)} line(s) cannot be converted to Gemini's tuning format, fix them before"
        f" launching on Vertex AI: {listed}{more}"
    )
