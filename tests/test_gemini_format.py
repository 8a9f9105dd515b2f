"""OpenAI chat JSONL → Gemini tuning JSONL: examples for each rule, and property tests over generated files."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ftplanner.core.gemini_format import (
    LineProblem,
    NotConvertible,
    convert_example,
    convert_file,
    convert_lines,
    problems_text,
)

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def chat(*pairs: tuple[str, object], **extra: object) -> dict[str, object]:
    return {"messages": [{"role": role, "content": content} for role, content in pairs], **extra}


def test_system_user_assistant_become_system_instruction_user_and_model() -> None:
    converted = convert_example(chat(("system", "Be brief."), ("user", "Hi"), ("assistant", "Hello")))
    assert converted == {
        "systemInstruction": {"parts": [{"text": "Be brief."}]},
        "contents": [
            {"role": "user", "parts": [{"text": "Hi"}]},
            {"role": "model", "parts": [{"text": "Hello"}]},
        ],
    }


def test_text_parts_developer_messages_and_repeated_roles_are_kept_as_parts() -> None:
    converted = convert_example(
        chat(
            ("developer", [{"type": "text", "text": "Rule 1"}, {"type": "text", "text": "Rule 2"}]),
            ("user", "a"),
            ("user", [{"type": "text", "text": "b"}]),
            ("assistant", "c"),
        )
    )
    assert converted["systemInstruction"] == {"parts": [{"text": "Rule 1"}, {"text": "Rule 2"}]}
    assert converted["contents"] == [
        {"role": "user", "parts": [{"text": "a"}, {"text": "b"}]},
        {"role": "model", "parts": [{"text": "c"}]},
    ]


def test_without_a_system_message_there_is_no_system_instruction() -> None:
    assert "systemInstruction" not in convert_example(chat(("user", "q"), ("assistant", "a")))


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ([1, 2], "not a JSON object"),
        ({"prompt": "p", "completion": "c"}, "no 'messages' list"),
        ({"input": {}, "preferred_output": [], "non_preferred_output": []}, "preference pairs"),
        ({"messages": []}, "'messages' list is empty"),
        (chat(("user", "q"), ("assistant", "a"), tools=[{"type": "function"}]), "tool definitions"),
        (
            {
                "messages": [
                    {"role": "user", "content": "q"},
                    {"role": "assistant", "content": None, "tool_calls": [{"id": "1"}]},
                ]
            },
            "message 2 (assistant) makes tool calls",
        ),
        (chat(("user", "q"), ("tool", "42"), ("assistant", "a")), "message 2 (tool) is a tool result"),
        (
            chat(("user", [{"type": "image_url", "image_url": {"url": "x"}}]), ("assistant", "a")),
            "message 1 (user) holds an image",
        ),
        (chat(("user", "  "), ("assistant", "a")), "message 1 (user) has empty content"),
        (chat(("user", "q"), ("assistant", "")), "message 2 (assistant) has empty content"),
        (chat(("user", "q"), ("robot", "a")), "role must be system, user or assistant, found 'robot'"),
        (chat(("assistant", "a"), ("user", "q"), ("assistant", "b")), "must start with a user message"),
        (chat(("user", "q"), ("assistant", "a"), ("user", "again")), "must end with an assistant message"),
        (chat(("user", "q"), ("system", "late"), ("assistant", "a")), "after the conversation started"),
        (
            {
                "messages": [
                    {"role": "user", "content": "q"},
                    {"role": "assistant", "content": "a", "weight": 0},
                ]
            },
            "weight 0",
        ),
        (chat(("system", "only a system message")), "must start with a user message"),
    ],
)
def test_what_cannot_be_converted_is_refused_with_its_reason(record: object, reason: str) -> None:
    with pytest.raises(NotConvertible, match=None) as caught:
        convert_example(record)
    assert reason in str(caught.value)


def test_file_conversion_lists_every_bad_line_by_number_and_skips_blank_lines(tmp_path: Path) -> None:
    good = json.dumps(chat(("user", "q"), ("assistant", "a")))
    path = tmp_path / "train.jsonl"
    lines = [good, "", "{broken", good, json.dumps(chat(("user", "q"), ("tool", "x"), ("assistant", "a")))]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode())
    result = convert_file(path)
    assert [p.line for p in result.problems] == [3, 5] and len(result.examples) == 2
    assert result.problems[0].reason == "not valid JSON"
    text = problems_text(path, result.problems)
    assert text.startswith(f"{path}: 2 line(s) cannot be converted") and "line 5: message 2 (tool)" in text
    assert "\n" not in text
    for line in result.jsonl().decode().splitlines():
        assert json.loads(line)["contents"][0]["role"] == "user"


def test_problem_list_is_cut_after_five() -> None:
    text = problems_text("f.jsonl", [LineProblem(n, "bad") for n in range(1, 9)])
    assert "line 5: bad" in text and "line 6" not in text and "and 3 more" in text


# -- properties -------------------------------------------------------------------------------------

texts = st.text(min_size=1, max_size=30).filter(lambda s: bool(s.strip()))
contents = texts | st.lists(texts.map(lambda t: {"type": "text", "text": t}), min_size=1, max_size=3)


@st.composite
def conversations(draw: st.DrawFn) -> dict[str, object]:
    """A valid chat example: optional system messages, then user/assistant turns (runs of one role
    allowed), starting with a user message and ending with an assistant one."""
    messages = [{"role": draw(st.sampled_from(["system", "developer"])), "content": draw(contents)}]
    messages *= draw(st.integers(0, 1))
    turns = draw(st.integers(1, 4))
    for _ in range(turns):
        for role in ("user", "assistant"):
            for _ in range(draw(st.integers(1, 2))):
                message: dict[str, object] = {"role": role, "content": draw(contents)}
                if draw(st.booleans()) and role == "assistant":
                    message["weight"] = 1
                messages.append(message)
    return {"messages": messages}


def flat_texts(content: object) -> list[str]:
    return [content] if isinstance(content, str) else [p["text"] for p in content]  # type: ignore[index, union-attr]


@SETTINGS
@given(conversations())
def test_valid_conversations_keep_every_text_in_order_with_mapped_roles(record: dict[str, object]) -> None:
    converted = convert_example(record)
    messages = record["messages"]
    system = [t for m in messages if m["role"] in ("system", "developer") for t in flat_texts(m["content"])]
    turns = [
        ({"user": "user", "assistant": "model"}[m["role"]], t)
        for m in messages
        if m["role"] in ("user", "assistant")
        for t in flat_texts(m["content"])
    ]
    assert [p["text"] for p in converted.get("systemInstruction", {"parts": []})["parts"]] == system
    assert [(c["role"], p["text"]) for c in converted["contents"] for p in c["parts"]] == turns
    roles = [c["role"] for c in converted["contents"]]
    assert roles[0] == "user" and roles[-1] == "model"
    assert all(a != b for a, b in itertools.pairwise(roles))  # turns alternate
    assert json.loads(json.dumps(converted, ensure_ascii=False)) == converted


broken = st.sampled_from(
    [
        "{not json",
        "[]",
        json.dumps({"messages": []}),
        json.dumps(chat(("user", "q"), ("tool", "r"), ("assistant", "a"))),
        json.dumps(chat(("user", [{"type": "image_url", "image_url": {"url": "u"}}]), ("assistant", "a"))),
        json.dumps(chat(("user", "q"))),
        json.dumps(
            {"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "tool_calls": [{}]}]}
        ),
    ]
)
lines = st.lists(
    st.one_of(
        conversations().map(lambda r: ("good", json.dumps(r, ensure_ascii=False))),
        broken.map(lambda line: ("bad", line)),
        st.sampled_from(["", "   ", "\t"]).map(lambda line: ("blank", line)),
    ),
    max_size=25,
)


@SETTINGS
@given(lines)
def test_exactly_the_broken_lines_are_listed_with_their_numbers(items: list[tuple[str, str]]) -> None:
    result = convert_lines(line for _, line in items)
    assert [p.line for p in result.problems] == [n for n, (kind, _) in enumerate(items, 1) if kind == "bad"]
    assert len(result.examples) == sum(kind == "good" for kind, _ in items)
    assert result.ok == all(kind != "bad" for kind, _ in items)
    assert all(p.reason and "\n" not in p.reason for p in result.problems)


def is_blank(item: str | bytes, first: bool) -> bool:
    try:
        text = item.decode("utf-8") if isinstance(item, bytes) else item
    except UnicodeDecodeError:
        return False
    text = text.strip()
    return not (text.removeprefix("\ufeff") if first else text)


@SETTINGS
@given(st.lists(st.text(max_size=40) | st.binary(max_size=40), max_size=20))
def test_any_lines_give_examples_or_problems_never_an_exception(raw: list[str | bytes]) -> None:
    result = convert_lines(raw)
    counted = sum(not is_blank(item, n == 0) for n, item in enumerate(raw))
    assert len(result.examples) + len(result.problems) == counted  # every non-blank line accounted for
    for example in result.examples:
        assert json.loads(example)["contents"][-1]["role"] == "model"
