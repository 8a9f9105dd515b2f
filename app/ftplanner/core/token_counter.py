"""Token counts of the strings of a dataset, reusing what was counted before and never changing a count."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np
import tiktoken

from ftplanner.core.examples import chat_template
from ftplanner.core.text_pieces import part_splitter
from ftplanner.core.tokenizers import CUT_SAFE_PATTERNS

# Whole strings (one cache per worker process): at most 2 × 4 M characters (8–32 MB as Python strings) and
# 2 × 32,768 entries; strings longer than 1 M characters are not kept.
CACHE_GENERATION_CHARS = 4 * 1024 * 1024
CACHE_MAX_TEXT_CHARS = 1024 * 1024
GENERATION_ENTRIES = 32_768
# Parts of strings (words with the punctuation and space before them): at most 65,536 parts of up to 64
# characters (under 15 MB); the table is emptied when full. Strings shorter than 24 characters are
# encoded whole: one call costs about as much as cutting them. The first 2,000 new strings are encoded
# whole too: a small file gains nothing from cutting, whose table takes some 30 ms to build.
PART_ENTRIES = 65_536
PART_MAX_CHARS = 64
PART_MIN_TEXT_CHARS = 24
CUT_AFTER_STRINGS = 2_000
# The hit rate is checked every 4,096 parts looked up; when over a quarter were unknown (text that hardly
# repeats a word: identifiers, code, encoded data) strings are encoded whole for a while, 256 strings at
# first, twice as many after each further check that fails, up to 65,536.
PROBE_PARTS = 4_096
MAX_MISS_SHARE = 0.25
WHOLE_FOR_FIRST = 256
WHOLE_FOR_MAX = 65_536


class TokenCounter:
    """Counts tokens of strings, remembering the counts of recent strings and of the words they are made of.

    Datasets repeat long strings on every line (a system prompt, tool definitions, few-shot turns, the
    role names), so a count is kept per distinct string and reused: exact, since the key is the string
    itself. Memory stays flat: strings over ``max_text_chars`` are never kept, and the cache is two
    generations of at most ``generation_chars`` characters and ``generation_entries`` strings each.
    When the young one fills up it becomes the old one and the previous old one is dropped; a string
    found in the old generation moves to the young one, so strings that repeat throughout a file stay.
    ``generation_chars=0`` turns the cache off.

    A string seen for the first time is cut where the encoding's pre-tokenizer is sure to cut it
    (:mod:`ftplanner.core.text_pieces`) and counted as the sum of its parts' counts when every part was
    counted before; that is exact too. Unknown parts are counted alone when few, or learnt from one
    encoding of the whole string. Cutting starts after ``cut_after_strings`` new strings. ``parts=False``
    (or an encoding whose pattern is not known to allow the cut) counts new strings whole.

    ``template`` is the chat format whose fixed tokens go with this encoding's counts.
    """

    def __init__(
        self,
        encoding: tiktoken.Encoding,
        generation_chars: int = CACHE_GENERATION_CHARS,
        max_text_chars: int = CACHE_MAX_TEXT_CHARS,
        generation_entries: int = GENERATION_ENTRIES,
        parts: bool = True,
        part_min_text_chars: int = PART_MIN_TEXT_CHARS,
        cut_after_strings: int = CUT_AFTER_STRINGS,
    ) -> None:
        self._encoding = encoding
        self._encode = encoding._core_bpe.encode_ordinary
        self._young: dict[str, int] = {}
        self._old: dict[str, int] = {}
        self._young_chars = self._old_chars = 0
        self._generation_chars = generation_chars
        self._generation_entries = generation_entries
        self._max_text_chars = min(max_text_chars, generation_chars) if generation_chars > 0 else -1
        self.template = chat_template(encoding.name)
        self._cut = parts and generation_chars > 0 and encoding._pat_str in CUT_SAFE_PATTERNS
        self._split: Callable[[str], list[str]] | None = None  # built when first needed
        self._part_min_text_chars = part_min_text_chars
        self._parts: dict[str, int] = {"": 0}
        self._part_count = self._parts.__getitem__
        self._token_bytes: np.ndarray | None = None
        self._looked_up = self._missed = 0
        self._whole_for = cut_after_strings  # strings still to encode whole before cutting (again)
        self._whole_next = WHOLE_FOR_FIRST

    def count(self, text: str) -> int:
        """Tokens of ``text``, without the cache."""
        try:
            return len(self._encode(text))
        except UnicodeEncodeError:  # lone surrogates from JSON escapes: tiktoken's wrapper repairs them
            return len(self._encoding.encode_ordinary(text))

    def total(self, texts: list[str]) -> int:
        """Σ tokens over ``texts``."""
        young, old = self._young, self._old
        total = 0
        for text in texts:
            count = young.get(text)
            if count is None:
                count = old.get(text)
                if count is None:
                    count = self._count_new(text)
                if len(text) <= self._max_text_chars:
                    self._keep(text, count)
                    young, old = self._young, self._old
            total += count
        return total

    def _keep(self, text: str, count: int) -> None:
        size = len(text)
        if self._young_chars + size > self._generation_chars or len(self._young) >= self._generation_entries:
            self._old, self._old_chars = self._young, self._young_chars
            self._young, self._young_chars = {}, 0
        self._young[text] = count
        self._young_chars += size

    def cache_size(self) -> tuple[int, int]:
        """(strings, characters) the cache of whole strings holds."""
        return len(self._young) + len(self._old), self._young_chars + self._old_chars

    def parts_known(self) -> int:
        """Parts of strings whose counts are kept."""
        return len(self._parts) - 1

    def _count_new(self, text: str) -> int:
        """Tokens of a string not in the cache: the sum of its parts' counts when they are known."""
        if not self._cut or len(text) < self._part_min_text_chars:
            return self.count(text)
        if self._whole_for:
            self._whole_for -= 1
            return self.count(text)
        split = self._split
        if split is None:
            split = self._split = part_splitter()
        parts = split(text)
        self._looked_up += len(parts)
        try:
            return sum(map(self._part_count, parts))
        except KeyError:
            return self._count_with_unknown_parts(text, parts)

    def _count_with_unknown_parts(self, text: str, parts: list[str]) -> int:
        known = self._parts
        unknown = [part for part in dict.fromkeys(parts) if part not in known]
        self._missed += len(unknown)
        if self._looked_up >= PROBE_PARTS:
            self._check_hit_rate()
        if len(unknown) > 1 + len(parts) // 16:  # many: one call for the whole string, which teaches them all
            return self._count_and_learn(text, parts)
        found = {part: self.count(part) for part in unknown}
        self._learn(found.items())
        total = 0
        for part in parts:
            count = found.get(part)
            total += known[part] if count is None else count
        return total

    def _count_and_learn(self, text: str, parts: list[str]) -> int:
        """Encode ``text`` once and keep its parts' counts, read off the tokens' byte lengths."""
        try:
            tokens = self._encode(text)
        except UnicodeEncodeError:
            return self.count(text)
        if self._token_bytes is None:
            ranks = self._encoding._mergeable_ranks
            lengths = np.zeros(max(ranks.values()) + 1, dtype=np.int64)
            lengths[list(ranks.values())] = [len(token) for token in ranks]
            self._token_bytes = lengths
        token_ends = np.cumsum(self._token_bytes[np.asarray(tokens, dtype=np.int64)])
        part_ends = np.cumsum(np.fromiter(map(len, map(str.encode, parts)), dtype=np.int64, count=len(parts)))
        tokens_before = np.searchsorted(token_ends, part_ends, side="right")
        counts = np.diff(tokens_before, prepend=0).tolist()
        self._learn(zip(parts, counts, strict=True))
        return len(tokens)

    def _learn(self, counted: Iterable[tuple[str, int]]) -> None:
        known = self._parts
        for part, count in counted:
            if len(part) <= PART_MAX_CHARS:
                if len(known) > PART_ENTRIES:
                    known = self._parts = {"": 0}
                    self._part_count = known.__getitem__
                known[part] = count

    def _check_hit_rate(self) -> None:
        if self._missed > MAX_MISS_SHARE * self._looked_up:
            self._whole_for = self._whole_next
            self._whole_next = min(2 * self._whole_next, WHOLE_FOR_MAX)
        else:
            self._whole_next = WHOLE_FOR_FIRST
        self._looked_up = self._missed = 0
