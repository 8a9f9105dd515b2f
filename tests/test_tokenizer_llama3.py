"""The bundled Llama 3 vocabulary and chat format: exact counts for the Llama 3.1 models.

Reference figures were computed once with the ``llama-models==0.3.0`` wheel's own code
(``llama_models.llama3.tokenizer.Tokenizer.encode(s, bos=False, eos=False)`` and, for whole
examples, ``<|begin_of_text|>`` + ``ChatFormat.encode_message`` of every message) and pinned here.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import zipfile
from pathlib import Path

import pytest

from dataset_builders import write_jsonl
from ftplanner.cli import main
from ftplanner.core import tokenizers
from ftplanner.core.analyzer import analyze
from ftplanner.core.catalog import load_catalog
from ftplanner.core.errors import UserError
from ftplanner.core.examples import LLAMA3_CHAT, OPENAI_CHAT, chat_template
from test_offline import no_network  # noqa: F401  (fixture)

LLAMA3_SHA256 = "82e9d31979e92ab929cd544440f129d9ecd797b69e327f80f17e1c50d5551b55"
LLAMA_8B = "together/meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"
LLAMA_70B = "together/meta-llama/Meta-Llama-3.1-70B-Instruct-Reference"

# Token ids from the reference Tokenizer.encode.
REFERENCE_IDS = {
    "Hello, world!": [9906, 11, 1917, 0],
    "Where is invoice 7?": [9241, 374, 25637, 220, 22, 30],
    "Invoice 7 is under Settings > Billing.": [35774, 220, 22, 374, 1234, 11548, 871, 73550, 13],
    "あなたは丁寧なサポート担当です。": [
        30591, 112568, 15682, 104257, 121370, 26854, 60868, 121057, 126913, 38641, 1811,
    ],
    "請求書7番について教えてください。": [
        109311, 32018, 102181, 22, 87217, 109853, 100927, 107290, 72315, 1811,
    ],
    "system": [9125],
    "user": [882],
    "assistant": [78191],
    "ipython": [23799, 4690],
    "\n\n": [271],
    "<|eot_id|>": [27, 91, 68, 354, 851, 91, 29],  # special-token text in data is ordinary text
}  # fmt: skip
# Token counts from the reference Tokenizer.encode.
REFERENCE_COUNTS = {
    "You are a concise support agent.": 7,
    "請求書7番はアカウント設定の「請求」から確認できます。": 20,
    "The quick brown fox jumps over the lazy dog.": 10,
    "日本語の文章を数えます。": 9,
}

# Three chats; the third drops its name and tool_call_id (Llama 3 renders neither), renders the tool
# role as "ipython" and counts each text part of a content list separately.
CHATS = [
    {"messages": [
        {"role": "system", "content": "You are a concise support agent."},
        {"role": "user", "content": "Where is invoice 7?"},
        {"role": "assistant", "content": "Invoice 7 is under Settings > Billing."},
    ]},
    {"messages": [
        {"role": "system", "content": "あなたは丁寧なサポート担当です。"},
        {"role": "user", "content": "請求書7番について教えてください。"},
        {"role": "assistant", "content": "請求書7番はアカウント設定の「請求」から確認できます。"},
    ]},
    {"messages": [
        {"role": "user", "name": "alice", "content": "What is 6 x 7?"},
        {"role": "tool", "tool_call_id": "call_1", "content": "42"},
        {"role": "assistant", "content": [{"type": "text", "text": "It is "}, {"type": "text", "text": "42."}]},
    ]},
]  # fmt: skip
# <|begin_of_text|> + per message: <|start_header_id|> role <|end_header_id|> "\n\n" content <|eot_id|>,
# i.e. 1 + Σ (4 + role tokens + content tokens); role tokens: system/user/assistant 1, ipython 2.
HAND_COUNTS = [
    1 + (4 + 1 + 7) + (4 + 1 + 6) + (4 + 1 + 9),
    1 + (4 + 1 + 11) + (4 + 1 + 10) + (4 + 1 + 20),
    1 + (4 + 1 + 8) + (4 + 2 + 1) + (4 + 1 + 3 + 2),
]
REFERENCE_EXAMPLE_TOKENS = [38, 57, 31]  # len() of the reference token sequences
REFERENCE_ASSISTANT_TOKENS = 9 + 20 + (3 + 2)


@pytest.fixture
def fresh_encodings():
    tokenizers.forget_encodings()
    yield
    tokenizers.forget_encodings()


def test_bundled_vocabulary_is_the_pinned_llama3_tokenizer_model():
    data = tokenizers.resource("tokenizers", "llama3.tiktoken").read_bytes()
    assert hashlib.sha256(data).hexdigest() == LLAMA3_SHA256
    assert len(tokenizers.parse_tiktoken_file(data)) == 128_000


def test_token_ids_match_the_reference_implementation():
    encoding = tokenizers.get_encoding("llama3")
    for text, ids in REFERENCE_IDS.items():
        assert encoding.encode_ordinary(text) == ids, text
    for text, count in REFERENCE_COUNTS.items():
        assert len(encoding.encode_ordinary(text)) == count, text


def test_special_tokens():
    encoding = tokenizers.get_encoding("llama3")
    assert encoding.n_vocab == 128_256
    expected = {
        "<|begin_of_text|>": 128000,
        "<|end_of_text|>": 128001,
        "<|finetune_right_pad_id|>": 128004,
        "<|start_header_id|>": 128006,
        "<|end_header_id|>": 128007,
        "<|eom_id|>": 128008,
        "<|eot_id|>": 128009,
        "<|python_tag|>": 128010,
        "<|reserved_special_token_2|>": 128012,
        "<|reserved_special_token_245|>": 128255,
    }
    for token, rank in expected.items():
        assert encoding.encode_single_token(token) == rank
    assert len(encoding.special_tokens_set) == 256
    assert encoding.encode("<|begin_of_text|>Hi<|eot_id|>", allowed_special="all") == [128000, 13347, 128009]


def test_chat_templates_by_encoding():
    assert chat_template("llama3") is LLAMA3_CHAT
    assert chat_template("o200k_base") is OPENAI_CHAT and chat_template("cl100k_base") is OPENAI_CHAT
    assert (OPENAI_CHAT.per_message, OPENAI_CHAT.per_name, OPENAI_CHAT.per_example) == (3, 1, 3)
    assert (LLAMA3_CHAT.per_message, LLAMA3_CHAT.per_example) == (4, 1)
    assert LLAMA3_CHAT.role_texts["tool"] == "ipython" and LLAMA3_CHAT.role_texts["user"] == "user"


@pytest.mark.parametrize("workers", [1, 2])
def test_chat_analysis_equals_the_llama3_template_count(tmp_path, workers):
    assert HAND_COUNTS == REFERENCE_EXAMPLE_TOKENS
    path = write_jsonl(tmp_path / "chats.jsonl", CHATS)
    result = analyze(path, "llama3", workers=workers, parallel_min_bytes=0)
    assert result.encoding == "llama3" and result.examples == 3 and result.error_count == 0
    assert result.total_tokens == sum(REFERENCE_EXAMPLE_TOKENS) == 126
    assert result.length_counts == tuple(sorted((n, 1) for n in REFERENCE_EXAMPLE_TOKENS))
    assert result.assistant_tokens == REFERENCE_ASSISTANT_TOKENS


def test_llama3_works_offline_without_a_tiktoken_cache(tmp_path, no_network):  # noqa: F811
    path = write_jsonl(tmp_path / "chats.jsonl", CHATS)
    assert analyze(path, "llama3").total_tokens == 126
    assert list(no_network.iterdir()) == []


def test_openai_encodings_keep_the_cookbook_rule(tmp_path):
    path = write_jsonl(tmp_path / "chats.jsonl", CHATS[:1])
    encoding = tokenizers.get_encoding("o200k_base")
    texts = [m["role"] for m in CHATS[0]["messages"]] + [m["content"] for m in CHATS[0]["messages"]]
    expected = 3 * 3 + 3 + sum(len(encoding.encode_ordinary(text)) for text in texts)
    assert analyze(path, "o200k_base").total_tokens == expected


def test_a_damaged_llama3_vocabulary_is_refused(monkeypatch, tmp_path, fresh_encodings):
    data = bytearray(tokenizers.resource("tokenizers", "llama3.tiktoken").read_bytes())
    data[-10] ^= 1  # one bit changed in the last rank
    tampered = tmp_path / "llama3.tiktoken"
    tampered.write_bytes(bytes(data))
    monkeypatch.setattr(tokenizers, "resource", lambda *parts: tampered)
    with pytest.raises(UserError, match=r"llama3\.tiktoken is damaged.*reinstall"):
        tokenizers.get_encoding("llama3")
    path = write_jsonl(tmp_path / "chats.jsonl", CHATS)
    with pytest.raises(UserError, match="damaged"):
        analyze(path, "llama3")


def test_llama_model_names_map_to_llama3():
    for model in (
        "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference",
        "meta-llama/Meta-Llama-3-8B-Instruct",
        "meta-llama/Llama-3.3-70B-Instruct-Reference",
        "meta-llama/Llama-3.2-3B-Instruct",
    ):
        assert tokenizers.encoding_for_model(model) == "llama3", model


def test_catalog_counts_llama_3_1_exactly_and_the_rest_of_together_approximately():
    catalog = load_catalog(user_overrides=False)
    for key in (LLAMA_8B, LLAMA_70B):
        entry = catalog.get(key)
        assert entry.tokenizer == "llama3" and entry.encoding == "llama3" and entry.exact_tokens
        assert entry.token_error == 0
    for key in ("together/Qwen/Qwen3-8B", "together/openai/gpt-oss-20b", "together/lora-up-to-16b"):
        entry = catalog.get(key)
        assert not entry.exact_tokens and entry.encoding == "o200k_base", key


def test_estimates_for_llama_3_1_are_not_marked_approximate(capsys, tmp_path):
    path = write_jsonl(tmp_path / "chats.jsonl", CHATS * 4)
    argv = ["estimate", str(path), "--models", f"{LLAMA_8B},together/Qwen/Qwen3-8B", "--today", "2026-11-29"]
    assert main([*argv, "--json"]) == 0
    rows = {row["model"]: row for row in json.loads(capsys.readouterr().out)}
    llama = rows[LLAMA_8B]
    assert llama["encoding"] == "llama3" and llama["exact_tokens"] is True
    assert llama["billing_tokens_per_epoch"] == 4 * 126
    assert not any("approximate" in warning for warning in llama["warnings"])
    assert rows["together/Qwen/Qwen3-8B"]["exact_tokens"] is False
    assert main(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    (llama_row,) = [line for line in lines if line.startswith(LLAMA_8B)]
    assert "≈" not in llama_row
    assert not [line for line in lines if LLAMA_8B in line and "approximate" in line]


def _rebuild_script():
    path = Path(__file__).resolve().parents[1] / "resources" / "tokenizers" / "rebuild_vocab.py"
    spec = importlib.util.spec_from_file_location("rebuild_vocab", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fake_wheel(path: Path, member: str, data: bytes) -> Path:
    with zipfile.ZipFile(path, "w") as wheel:
        wheel.writestr(member, data)
    return path


def test_rebuild_script_copies_the_wheel_file_and_refuses_a_different_one(tmp_path, capsys):
    script = _rebuild_script()
    good = tokenizers.resource("tokenizers", "llama3.tiktoken").read_bytes()
    out = tmp_path / "out"
    out.mkdir()
    wheel = _fake_wheel(tmp_path / "llama_models-0.3.0-py3-none-any.whl", script.LLAMA3_MEMBER, good)
    assert script.main(wheel, out) == 0
    assert (out / "llama3.tiktoken").read_bytes() == good
    (out / "llama3.tiktoken").unlink()
    bad = _fake_wheel(tmp_path / "bad.whl", script.LLAMA3_MEMBER, good.replace(b"IQ== 0\n", b"Ig== 0\n", 1))
    assert script.main(bad, out) == 1
    assert "not written" in capsys.readouterr().err and not (out / "llama3.tiktoken").exists()
