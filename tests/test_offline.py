"""The analyzer and tokenizers work with no network and no tiktoken cache or download path."""

from __future__ import annotations

import hashlib
import socket

import pytest
import tiktoken.load

from dataset_builders import simple_chat, write_jsonl
from ftplanner.core import tokenizers
from ftplanner.core.analyzer import analyze
from ftplanner.core.errors import UserError

PINNED = {
    "o200k_base": "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
    "cl100k_base": "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
}


def _forbidden(*args, **kwargs):
    raise AssertionError("the network or tiktoken's download/cache path was used")


@pytest.fixture
def no_network(monkeypatch, tmp_path):
    monkeypatch.setattr(socket, "socket", _forbidden)
    monkeypatch.setattr(socket, "create_connection", _forbidden)
    monkeypatch.setattr(socket, "getaddrinfo", _forbidden)
    for name in ("read_file", "read_file_cached", "load_tiktoken_bpe"):
        monkeypatch.setattr(tiktoken.load, name, _forbidden)
    cache = tmp_path / "empty-cache"
    cache.mkdir()
    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", str(cache))
    monkeypatch.setenv("DATA_GYM_CACHE_DIR", str(cache))
    tokenizers.forget_encodings()
    yield cache
    tokenizers.forget_encodings()


@pytest.mark.parametrize("encoding", ["o200k_base", "cl100k_base"])
def test_analyzer_runs_offline_without_a_tiktoken_cache(tmp_path, no_network, encoding):
    path = write_jsonl(tmp_path / "d.jsonl", [simple_chat(i, "ja" if i % 2 else "en") for i in range(12)])
    result = analyze(path, encoding)
    assert result.examples == 12 and result.total_tokens > 0
    assert list(no_network.iterdir()) == []


@pytest.mark.parametrize("name", ["o200k_base", "cl100k_base"])
def test_bundled_vocabularies_match_the_hashes_tiktoken_pins(name):
    data = tokenizers.resource("tokenizers", f"{name}.tiktoken").read_bytes()
    assert hashlib.sha256(data).hexdigest() == PINNED[name]


def test_bundled_encodings_agree_with_known_token_ids():
    assert tokenizers.get_encoding("cl100k_base").encode_ordinary("hello world") == [15339, 1917]
    assert tokenizers.get_encoding("o200k_base").encode_ordinary("hello world") == [24912, 2375]


def test_a_damaged_vocabulary_is_refused(monkeypatch, tmp_path):
    damaged = tmp_path / "o200k_base.tiktoken"
    damaged.write_bytes(b"AA== 0\n")
    monkeypatch.setattr(tokenizers, "resource", lambda *parts: damaged)
    tokenizers.forget_encodings()
    try:
        with pytest.raises(UserError, match="damaged"):
            tokenizers.get_encoding("o200k_base")
    finally:
        tokenizers.forget_encodings()


@pytest.mark.parametrize(
    ("model", "encoding"),
    [
        ("gpt-4.1-mini-2025-04-14", "o200k_base"),
        ("ft:gpt-4.1-mini-2025-04-14:acme::abc123", "o200k_base"),  # tiktoken says cl100k_base here
        ("ft:gpt-4o-2024-08-06:acme:triage:xyz", "o200k_base"),
        ("gpt-4o-mini-2024-07-18", "o200k_base"),
        ("o4-mini-2025-04-16", "o200k_base"),
        ("gpt-3.5-turbo-0125", "cl100k_base"),
        ("ft:gpt-3.5-turbo-0613:acme::q", "cl100k_base"),
        ("davinci-002", "cl100k_base"),
    ],
)
def test_encoding_comes_from_the_base_model(model, encoding):
    assert tokenizers.encoding_for_model(model) == encoding


def test_unknown_model_or_encoding_is_a_clear_error():
    with pytest.raises(UserError, match="no known tokenizer"):
        tokenizers.encoding_for_model("mystery-model")
    with pytest.raises(UserError, match="unknown encoding"):
        tokenizers.get_encoding("p50k_base")
