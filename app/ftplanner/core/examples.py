"""Validation of one fine-tuning example, and the text it contributes to the token count.

Formats: chat SFT (``messages``), preference / DPO (``input`` + ``preferred_output`` +
``non_preferred_output``) and legacy ``prompt`` / ``completion``. Error codes follow the OpenAI
cookbook's data-preparation notebook, plus a few for cases it does not cover.

Token rule: the texts of every message (its role as the chat format renders it, its content, its
payloads) plus the fixed tokens of the encoding's :class:`ChatTemplate`. For the OpenAI encodings that
is the cookbook's rule: 3 per message + the tokens of every string value in it + 1 per ``name`` + 3
for reply priming. Tool and function payloads count as their compact JSON. A preference example counts
as a chat of its input messages followed by both outputs. A prompt/completion example counts the
tokens of its two strings.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from ftplanner.core.messages import Message, msg

CHAT = "chat"
PREFERENCE = "preference"
COMPLETION = "completion"
FORMATS = (CHAT, PREFERENCE, COMPLETION)
FORMAT_LABELS = {
    CHAT: msg("format.chat"),
    PREFERENCE: msg("format.preference"),
    COMPLETION: msg("format.completion"),
}

ROLES = frozenset({"system", "developer", "user", "assistant", "tool", "function"})
MESSAGE_KEYS = frozenset({"role", "content", "name", "weight", "tool_calls", "tool_call_id", "function_call"})
TOKENS_PER_MESSAGE = 3
TOKENS_PER_NAME = 1
REPLY_PRIMING_TOKENS = 3


@dataclass(frozen=True)
class ChatTemplate:
    """The fixed tokens a chat format adds around the texts of a chat or preference example."""

    per_message: int  # around each message, besides the tokens of its role text
    per_example: int  # once per example (reply priming, begin-of-text)
    role_texts: Mapping[str, str]  # the text each role is rendered as; its tokens count
    per_name: int = 0  # for each message ``name``, besides its tokens
    message_fields: bool = True  # ``name`` and ``tool_call_id`` are rendered (their tokens count)


def _roles(**renamed: str) -> Mapping[str, str]:
    return MappingProxyType({role: renamed.get(role, role) for role in ROLES})


# The OpenAI cookbook's rule: <|start|>{role}<|message|>{content}<|end|>, 3 tokens of reply priming.
OPENAI_CHAT = ChatTemplate(TOKENS_PER_MESSAGE, REPLY_PRIMING_TOKENS, _roles(), TOKENS_PER_NAME)
# Llama 3 (llama_models/llama3/chat_format.py, llama-models 0.3.0), as a training sequence:
# <|begin_of_text|> then per message <|start_header_id|>{role}<|end_header_id|>"\n\n"{content}<|eot_id|>
# ("\n\n" is one token; content is encoded as is; the tool role is rendered "ipython"; names dropped).
# Exact for text messages; tool calls and tool definitions count as compact JSON, like the OpenAI rule.
LLAMA3_CHAT = ChatTemplate(4, 1, _roles(tool="ipython"), message_fields=False)

CHAT_TEMPLATES: Mapping[str, ChatTemplate] = MappingProxyType({"llama3": LLAMA3_CHAT})


def chat_template(encoding: str) -> ChatTemplate:
    """The chat format counted with ``encoding``: the OpenAI cookbook's unless the encoding has its own."""
    return CHAT_TEMPLATES.get(encoding, OPENAI_CHAT)


# Error codes: the cookbook's, then this tool's own.
ERROR_CODES = (
    "data_type",
    "missing_messages_list",
    "message_missing_key",
    "message_unrecognized_key",
    "unrecognized_role",
    "missing_content",
    "example_missing_assistant_message",
    "invalid_json",
    "invalid_utf8",
    "invalid_weight",
    "mixed_format",
    "line_too_long",
    "invalid_tool_calls",
    "invalid_tools",
)


class ExampleError(Exception):
    """A rule the example breaks: ``code`` is one of ERROR_CODES."""

    def __init__(self, code: str, message: Message) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Example:
    """What a valid example contributes: fixed overhead tokens plus the tokens of its texts.

    ``assistant_texts`` (assistant content and payloads) and ``texts`` (everything else) are disjoint:
    total tokens = overhead + tokens(texts) + tokens(assistant_texts).
    """

    format: str
    messages: int = 0
    overhead: int = 0
    texts: list[str] = field(default_factory=list)
    assistant_texts: list[str] = field(default_factory=list)
    has_system: bool = False
    has_user: bool = False
    trains_nothing: bool = False  # every assistant message has weight 0


def detect_format(record: dict[str, Any]) -> str | None:
    if "messages" in record:
        return CHAT
    if "preferred_output" in record or "non_preferred_output" in record or "input" in record:
        return PREFERENCE
    if "prompt" in record or "completion" in record:
        return COMPLETION
    return None


def parse_example(record: Any, template: ChatTemplate = OPENAI_CHAT) -> Example:
    """Validate one decoded JSON value; raise ExampleError naming the first broken rule."""
    if not isinstance(record, dict):
        raise ExampleError("data_type", msg("data.example_not_object", type=_json_type(record)))
    fmt = detect_format(record)
    if fmt == CHAT:
        return _chat(record, template)
    if fmt == PREFERENCE:
        return _preference(record, template)
    if fmt == COMPLETION:
        return _completion(record)
    keys = sorted(record)[:5] or [msg("data.none")]
    raise ExampleError("missing_messages_list", msg("data.no_messages", keys=keys))


def _json_type(value: Any) -> Message:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    return msg(f"json.{'null' if value is None else names.get(type(value), 'object')}")


def _payload(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _content_texts(content: Any, where: str) -> list[str]:
    """Texts of a message's content: a string, or a list of parts whose text parts count."""
    if isinstance(content, str):
        return [content] if content else []
    if isinstance(content, list):
        texts: list[str] = []
        for index, part in enumerate(content):
            if not isinstance(part, dict):
                raise ExampleError("data_type", msg("data.part_not_object", where=where, index=index + 1))
            text = part.get("text")
            if isinstance(text, str) and text:
                texts.append(text)
            elif "text" in part and not isinstance(text, str):
                raise ExampleError(
                    "data_type", msg("data.part_text_not_string", where=where, index=index + 1)
                )
        return texts
    if content is None:
        return []
    raise ExampleError("missing_content", msg("data.content_not_text", where=where, type=_json_type(content)))


def _checked_message(message: Any, label: str, outputs: bool) -> tuple[str, list[str], list[str], str, int]:
    """Validate one message: returns (role, content texts, payloads, extra texts, weight)."""
    if not isinstance(message, dict):
        raise ExampleError("data_type", msg("data.not_object", where=label, type=_json_type(message)))
    unknown = sorted(set(message) - MESSAGE_KEYS)
    if unknown:
        raise ExampleError("message_unrecognized_key", msg("data.unknown_key", where=label, key=unknown[0]))
    if "role" not in message:
        raise ExampleError("message_missing_key", msg("data.no_role", where=label))
    role = message["role"]
    if not isinstance(role, str) or role not in ROLES:
        raise ExampleError("unrecognized_role", msg("data.bad_role", where=label, role=repr(role)))
    if outputs and role != "assistant":
        raise ExampleError("example_missing_assistant_message", msg("data.not_assistant", where=label))
    calls = message.get("tool_calls") or message.get("function_call")
    if "content" not in message and not calls:
        raise ExampleError("message_missing_key", msg("data.no_content", where=label, role=role))
    texts = _content_texts(message.get("content"), f"{label} ({role})")
    if not texts and not calls:
        raise ExampleError("missing_content", msg("data.empty_content", where=label, role=role))
    for key in ("name", "tool_call_id"):
        if message.get(key) is not None and not isinstance(message[key], str):
            raise ExampleError("data_type", msg("data.not_string", where=label, key=key))
    weight = message.get("weight", 1)
    if weight not in (0, 1) or isinstance(weight, bool):
        raise ExampleError("invalid_weight", msg("data.bad_weight", where=label, value=repr(weight)))
    _check_calls(message, label)
    payloads = [_payload(message[key]) for key in ("tool_calls", "function_call") if message.get(key)]
    return role, texts, payloads, message.get("name") or "", int(weight)


def _function_error(value: Any, needs_arguments: bool) -> Message | None:
    """What is wrong with a ``{"name": ..., "arguments": ...}`` object, or None."""
    if not isinstance(value, dict):
        return msg("data.fn_not_object", type=_json_type(value))
    name = value.get("name")
    if not isinstance(name, str) or not name:
        return msg("data.fn_no_name")
    arguments = value.get("arguments")
    if (needs_arguments or "arguments" in value) and not isinstance(arguments, str):
        return msg("data.fn_arguments")
    return None


def _check_calls(message: dict[str, Any], label: str) -> None:
    """``tool_calls`` is a list of function calls; ``function_call`` one (the chat format's rules)."""
    calls = message.get("tool_calls")
    if calls is not None:
        if not isinstance(calls, list):
            raise ExampleError(
                "invalid_tool_calls", msg("data.tool_calls_not_list", where=label, type=_json_type(calls))
            )
        for index, call in enumerate(calls):
            where = f"{label} tool_calls[{index + 1}]"
            if not isinstance(call, dict):
                raise ExampleError(
                    "invalid_tool_calls", msg("data.not_object", where=where, type=_json_type(call))
                )
            if call.get("type", "function") != "function":
                raise ExampleError("invalid_tool_calls", msg("data.not_function", where=where))
            if "id" in call and not isinstance(call["id"], str):
                raise ExampleError("invalid_tool_calls", msg("data.id_not_text", where=where))
            problem = _function_error(call.get("function"), needs_arguments=False)
            if problem:
                raise ExampleError(
                    "invalid_tool_calls", msg("data.function_problem", where=where, problem=problem)
                )
    if message.get("function_call") is not None:
        problem = _function_error(message["function_call"], needs_arguments=False)
        if problem:
            raise ExampleError(
                "invalid_tool_calls", msg("data.function_call_problem", where=label, problem=problem)
            )


def _check_definitions(record: dict[str, Any]) -> None:
    """``tools`` is a list of ``{"type": "function", "function": {"name": ...}}``; ``functions`` of ``{"name": ...}``."""
    for key in ("tools", "functions"):
        value = record.get(key)
        if value is None:
            continue
        if not isinstance(value, list):
            raise ExampleError("invalid_tools", msg("data.tools_not_list", key=key, type=_json_type(value)))
        for index, tool in enumerate(value):
            where = f"{key}[{index + 1}]"
            if not isinstance(tool, dict):
                raise ExampleError(
                    "invalid_tools", msg("data.not_object", where=where, type=_json_type(tool))
                )
            if key == "tools":
                if tool.get("type", "function") != "function":
                    raise ExampleError("invalid_tools", msg("data.not_function", where=where))
                tool = tool.get("function")
            problem = _function_error(tool, needs_arguments=False)
            if problem:
                code = "data.function_problem" if key == "tools" else "data.definition_problem"
                raise ExampleError("invalid_tools", msg(code, where=where, problem=problem))


def _add_messages(
    example: Example, messages: Any, where: str, template: ChatTemplate, *, outputs: bool = False
) -> int:
    """Validate a message list into ``example``; returns how many assistant messages it had."""
    if not isinstance(messages, list) or not messages:
        raise ExampleError("missing_messages_list", msg("data.messages_missing", where=where))
    per_message, role_texts = template.per_message, template.role_texts
    assistants = weighted = 0
    for index, message in enumerate(messages):
        # Fast path for the common {"role": ..., "content": "..."} message; same rules as the full check.
        role = content = None
        if type(message) is dict and len(message) == 2:
            role, content = message.get("role"), message.get("content")
        if (
            type(role) is str
            and type(content) is str
            and content
            and role in ROLES
            and not (outputs and role != "assistant")
        ):
            texts, payloads, name, weight = [content], [], "", 1
        else:
            role, texts, payloads, name, weight = _checked_message(message, f"{where}[{index + 1}]", outputs)
            if template.message_fields:
                if name:
                    example.texts.append(name)
                    example.overhead += template.per_name
                if message.get("tool_call_id"):
                    example.texts.append(message["tool_call_id"])
        example.messages += 1
        example.overhead += per_message
        example.texts.append(role_texts[role])
        if role == "assistant":
            example.assistant_texts += texts
            example.assistant_texts += payloads
            assistants += 1
            weighted += weight
        else:
            example.texts += texts
            example.texts += payloads
            if role == "user":
                example.has_user = True
            elif role in ("system", "developer"):
                example.has_system = True
    if assistants and not weighted:
        example.trains_nothing = True
    return assistants


def _add_definitions(example: Example, record: dict[str, Any]) -> None:
    _check_definitions(record)
    for key in ("tools", "functions"):
        if record.get(key):
            example.texts.append(_payload(record[key]))


def _chat(record: dict[str, Any], template: ChatTemplate) -> Example:
    example = Example(CHAT)
    if not _add_messages(example, record["messages"], "messages", template):
        raise ExampleError("example_missing_assistant_message", msg("data.no_assistant"))
    _add_definitions(example, record)
    example.overhead += template.per_example
    return example


def _preference(record: dict[str, Any], template: ChatTemplate) -> Example:
    example = Example(PREFERENCE)
    source = record.get("input")
    if not isinstance(source, dict):
        raise ExampleError("missing_messages_list", msg("data.no_input"))
    _add_messages(example, source.get("messages"), "input.messages", template)
    _add_definitions(example, source)
    trains_nothing = example.trains_nothing
    for key in ("preferred_output", "non_preferred_output"):
        if key not in record:
            raise ExampleError("example_missing_assistant_message", msg("data.no_key", key=key))
        _add_messages(example, record[key], key, template, outputs=True)
    example.trains_nothing = trains_nothing
    example.overhead += template.per_example
    return example


def _completion(record: dict[str, Any]) -> Example:
    example = Example(COMPLETION, messages=2, has_user=True)
    for key in ("prompt", "completion"):
        value = record.get(key)
        if key not in record:
            raise ExampleError("message_missing_key", msg("data.no_key", key=key))
        if not isinstance(value, str) or (key == "completion" and not value):
            code = "data.completion_not_text" if key == "completion" else "data.prompt_not_text"
            raise ExampleError("missing_content", msg(code, key=key))
    if record["prompt"]:
        example.texts.append(record["prompt"])
    example.assistant_texts.append(record["completion"])
    return example
