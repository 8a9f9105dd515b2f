"""The token-count cache: counts identical to counting every string, and memory bounded."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from ftplanner.core.tally import tally_block
from ftplanner.core.token_counter import TokenCounter
from ftplanner.core.tokenizers import get_encoding

ENCODING = get_encoding("o200k_base")
UNCACHED = TokenCounter(ENCODING, generation_chars=0)

# Texts that stress the tokenizer: words, CJK, emoji, whitespace runs, lone surrogates, special tokens.
texts = st.text(min_size=0, max_size=120) | st.sampled_from(
    ["", " ", "\n\n", "<|endoftext|>", "\ud800 lone", "日本語のテキスト", "🙂🙂", "x" * 300, "Hello, world!"]
)
cache_shapes = st.tuples(st.integers(0, 400), st.integers(0, 200), st.integers(0, 6))


def _batches(draw: st.DrawFn, repeats: bool) -> list[list[str]]:
    pool = draw(st.lists(texts, min_size=1, max_size=6))
    item = st.sampled_from(pool) | texts if repeats else texts
    return draw(st.lists(st.lists(item, max_size=8), max_size=12))


@st.composite
def batches_with_repeats(draw: st.DrawFn) -> list[list[str]]:
    return _batches(draw, repeats=True)


@st.composite
def batches_without_repeats(draw: st.DrawFn) -> list[list[str]]:
    return _batches(draw, repeats=False)


def _check_same_counts(batches: list[list[str]], shape: tuple[int, int, int]) -> None:
    generation_chars, max_text_chars, entries = shape
    cached = TokenCounter(
        ENCODING, generation_chars, max_text_chars, entries, part_min_text_chars=0, cut_after_strings=0
    )
    for batch in batches:
        assert cached.total(batch) == sum(len(ENCODING.encode_ordinary(text)) for text in batch)
        strings, chars = cached.cache_size()
        assert chars <= 2 * generation_chars
        assert strings <= 2 * max(entries, 1)


@given(batches_with_repeats(), cache_shapes)
@settings(max_examples=150, deadline=None)
def test_cached_counts_equal_uncached_counts_with_repeats(batches, shape):
    _check_same_counts(batches, shape)


@given(batches_without_repeats(), cache_shapes)
@settings(max_examples=100, deadline=None)
def test_cached_counts_equal_uncached_counts_without_repeats(batches, shape):
    _check_same_counts(batches, shape)


@st.composite
def chat_files(draw: st.DrawFn) -> bytes:
    """Chat lines, some sharing a system prompt, tool definitions and stock turns."""
    system = draw(st.text(min_size=1, max_size=400))
    tools = [{"type": "function", "function": {"name": draw(st.text(min_size=1, max_size=20))}}]
    stock = draw(st.text(min_size=1, max_size=80))
    lines = []
    for _ in range(draw(st.integers(1, 12))):
        messages = []
        if draw(st.booleans()):
            messages.append({"role": "system", "content": system})
        user = draw(st.sampled_from([stock, draw(st.text(min_size=1, max_size=60))]))
        messages += [{"role": "user", "content": user}, {"role": "assistant", "content": draw(texts) or "ok"}]
        record: dict = {"messages": messages}
        if draw(st.booleans()):
            record["tools"] = tools
        lines.append(json.dumps(record, ensure_ascii=draw(st.booleans())))
    return "\n".join(lines).encode("utf-8", "surrogatepass")


@given(chat_files(), cache_shapes)
@settings(max_examples=100, deadline=None)
def test_block_tallies_are_identical_with_and_without_the_cache(data, shape):
    cached = TokenCounter(ENCODING, *shape, part_min_text_chars=0, cut_after_strings=0)
    assert tally_block(data, 1, cached, 4096) == tally_block(data, 1, UNCACHED, 4096)


def recorded_encodes(counter: TokenCounter) -> list[str]:
    """The strings ``counter`` gives the tokenizer from now on, in order."""
    encoded: list[str] = []
    encode = counter._encode

    def recording_encode(text: str) -> list[int]:
        encoded.append(text)
        return encode(text)

    counter._encode = recording_encode
    return encoded


def test_a_string_repeated_through_a_file_is_encoded_once_while_memory_stays_bounded():
    counter = TokenCounter(ENCODING, generation_chars=2_000, generation_entries=50, parts=False)
    encoded = recorded_encodes(counter)
    system = "You are the support assistant of a storage service. " * 20
    total = 0
    for line in range(1_000):
        total += counter.total([system, "user", f"question number {line} about invoices", "assistant"])
        strings, chars = counter.cache_size()
        assert chars <= 4_000 and strings <= 100
    assert encoded.count(system) == 1
    assert len(encoded) == 1_000 + 3  # every question once, the system prompt and the two roles once
    expected = 1_000 * len(ENCODING.encode_ordinary(system)) + sum(
        len(ENCODING.encode_ordinary(text)) + 2
        for text in (f"question number {n} about invoices" for n in range(1_000))
    )
    assert total == expected


def test_strings_over_the_size_limit_are_counted_but_not_kept():
    counter = TokenCounter(ENCODING, generation_chars=1_000, max_text_chars=100)
    long_text = "word " * 100
    assert counter.total([long_text, long_text]) == 2 * len(ENCODING.encode_ordinary(long_text))
    assert counter.cache_size() == (0, 0)
    assert UNCACHED.total(["a", "a"]) == 2 and UNCACHED.cache_size() == (0, 0)


def test_threads_asking_for_an_encoding_share_one_load(monkeypatch):
    import threading

    from ftplanner.core import tokenizers

    monkeypatch.setattr(tokenizers, "_loaded", {})  # as in a new process; the loaded ones come back after
    loads: list[str] = []
    real_load = tokenizers._load_encoding

    def counting_load(name: str):
        loads.append(name)
        return real_load(name)

    monkeypatch.setattr(tokenizers, "_load_encoding", counting_load)
    got: list[object] = []
    start = threading.Barrier(4)

    def ask() -> None:
        start.wait()
        got.append(tokenizers.get_encoding("cl100k_base"))

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert loads == ["cl100k_base"]
    assert len(got) == 4 and all(encoding is got[0] for encoding in got)
    assert tokenizers.loaded_encodings() == ("cl100k_base",)
    assert tokenizers.get_encoding("cl100k_base").encode_ordinary("hello world") == [15339, 1917]
