"""Counting strings by their parts: every cut is a piece boundary, so counts never change."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ftplanner.core import token_counter
from ftplanner.core.text_pieces import CUT_BEFORE, _letters_and_digits, part_splitter
from ftplanner.core.token_counter import TokenCounter
from ftplanner.core.tokenizers import CUT_SAFE_PATTERNS, ENCODINGS, get_encoding
from test_token_cache import recorded_encodes

SPLIT = part_splitter()
# Characters around the cut that tokenizers treat specially: contractions and the long s / Kelvin sign
# they fold, combining marks, digits of other scripts, fractions and superscripts (numbers, not letters),
# letters whose category changed between Unicode versions (U+1885), non-ASCII spaces, new-line pairs,
# CJK and full-width punctuation, emoji, a lone surrogate, a letter outside the Basic Multilingual Plane.
TRICKY = (
    "'sſKTtdmlrv\u0301\u0308\u1885\u0663½²ⅻ١\u00a0\u2009\u3000\r\n\t/—…ー々〆ｱﾞ"
    "日本語テストあ한글éßΩЖ🙂\ud800𝐀𠀋_#'’"
)
alphabet = st.sampled_from(CUT_BEFORE + TRICKY + "abcXYZ019 ")
texts = st.text(alphabet, max_size=80) | st.text(max_size=40)
words = st.lists(st.text(alphabet, min_size=1, max_size=6), min_size=1, max_size=8)


def _tokens(encoding, text: str) -> list[int]:
    return encoding.encode_ordinary(text)


@pytest.mark.parametrize("name", ENCODINGS)
def test_every_bundled_encoding_allows_the_cut(name):
    assert get_encoding(name)._pat_str in CUT_SAFE_PATTERNS


@pytest.mark.parametrize("name", ENCODINGS)
@given(text=texts)
@settings(max_examples=300, deadline=None)
def test_parts_join_to_the_text_and_their_tokens_to_its_tokens(name, text):
    encoding = get_encoding(name)
    parts = SPLIT(text)
    assert "".join(parts) == text
    assert [token for part in parts for token in _tokens(encoding, part)] == _tokens(encoding, text)


@pytest.mark.parametrize("name", ENCODINGS)
def test_each_letter_and_digit_before_cut_characters(name):
    """Every character the cut may follow, each before three cut characters in turn."""
    encoding = get_encoding(name)
    safe = re.compile(f"[{_letters_and_digits()}]")
    characters = [chr(code) for code in range(0x10000) if safe.fullmatch(chr(code))]
    for shift in (0, 17, 33):
        text = "".join(
            f"{char}{CUT_BEFORE[(index + shift) % len(CUT_BEFORE)]}{char}"
            for index, char in enumerate(characters)
        )
        parts = SPLIT(text)
        assert len(parts) > len(characters)  # the text really was cut
        assert [token for part in parts for token in _tokens(encoding, part)] == _tokens(encoding, text)


@st.composite
def sentence_batches(draw: st.DrawFn) -> list[list[str]]:
    """Strings made of a few words in new orders, so later strings are counted from known parts."""
    pool = draw(words)
    separators = st.sampled_from([" ", ", ", ". ", "、", "\n", "'", "—", "\u3000", ""])
    sentence = st.lists(st.tuples(st.sampled_from(pool), separators), max_size=12).map(
        lambda pairs: "".join(word + separator for word, separator in pairs)
    )
    return draw(st.lists(st.lists(sentence | texts, max_size=6), max_size=10))


@pytest.mark.parametrize("name", ENCODINGS)
@given(batches=sentence_batches(), part_min=st.sampled_from([0, 8, 24]))
@settings(max_examples=150, deadline=None)
def test_counts_from_parts_equal_counts_of_whole_strings(name, batches, part_min):
    encoding = get_encoding(name)
    counter = TokenCounter(encoding, part_min_text_chars=part_min, cut_after_strings=0)
    for batch in batches:
        assert counter.total(batch) == sum(len(_tokens(encoding, text)) for text in batch)


def test_new_sentences_of_known_words_are_counted_without_encoding():
    encoding = get_encoding("o200k_base")
    counter = TokenCounter(encoding, cut_after_strings=0)
    encoded = recorded_encodes(counter)
    first = "Please restore the backup folder, then share the invoice with our admin team."
    assert counter.total([first]) == len(encoding.encode_ordinary(first))
    assert encoded == [first]  # one call for the whole string taught every part
    later = [
        "Please share the backup invoice, then restore our admin folder with the team.",
        "Please restore the invoice folder with our admin team, then share the backup.",
    ]
    assert counter.total(later) == sum(len(encoding.encode_ordinary(text)) for text in later)
    assert encoded == [first]
    one_new_word = "Please restore the quarterly backup folder, then share the invoice."
    assert counter.total([one_new_word]) == len(encoding.encode_ordinary(one_new_word))
    assert encoded == [first, " quarterly"]  # a few unknown parts are counted alone


def test_text_that_repeats_no_word_is_encoded_whole_after_a_probe_and_cut_again_later():
    encoding = get_encoding("cl100k_base")
    counter = TokenCounter(encoding, cut_after_strings=0)
    encoded = recorded_encodes(counter)
    unique = [" ".join(f"id{line:05d}x{word:03d}" for word in range(20)) for line in range(300)]
    assert counter.total(unique) == sum(len(encoding.encode_ordinary(text)) for text in unique)
    assert encoded == unique  # each once, whole: probing adds no call
    assert counter._whole_for > 0
    counter._whole_for = 0  # the pause ends
    known = "restore the backup folder, then share the invoice"
    repeated = [f"{known}, then share the backup {index % 3}" for index in range(200)]
    before = len(encoded)
    assert counter.total(repeated) == sum(len(encoding.encode_ordinary(text)) for text in repeated)
    assert len(encoded) - before <= 4  # cut again: the parts are known


def test_parts_kept_stay_bounded(monkeypatch):
    monkeypatch.setattr(token_counter, "PART_ENTRIES", 100)
    encoding = get_encoding("o200k_base")
    counter = TokenCounter(encoding, cut_after_strings=0)
    texts = [" ".join(f"w{line}n{word}" for word in range(30)) + " " + "y" * 100 for line in range(200)]
    assert counter.total(texts) == sum(len(encoding.encode_ordinary(text)) for text in texts)
    assert counter.parts_known() <= 101
    assert all(len(part) <= token_counter.PART_MAX_CHARS for part in counter._parts)


def test_strings_with_lone_surrogates_are_counted_as_tiktoken_repairs_them():
    encoding = get_encoding("o200k_base")
    counter = TokenCounter(encoding, part_min_text_chars=0, cut_after_strings=0)
    texts = ["broken \ud83d pair, then more words", "pair \ud83d\ude00 joined, words", "words, then more"]
    assert counter.total(texts * 2) == 2 * sum(len(encoding.encode_ordinary(text)) for text in texts)


def test_a_small_file_is_counted_whole_and_the_cut_table_is_built_only_for_more():
    encoding = get_encoding("o200k_base")
    counter = TokenCounter(encoding, cut_after_strings=50)
    sentences = [f"Please restore backup number {index}, then share the invoice." for index in range(120)]
    assert counter.total(sentences[:50]) == sum(
        len(encoding.encode_ordinary(text)) for text in sentences[:50]
    )
    assert counter._split is None and counter.parts_known() == 0
    assert counter.total(sentences[50:]) == sum(
        len(encoding.encode_ordinary(text)) for text in sentences[50:]
    )
    assert counter._split is not None and counter.parts_known() > 5
