"""Cutting text where the tokenizers' pre-tokenizer is sure to cut it, so token counts of the parts add up.

tiktoken counts a text by splitting it with its encoding's pattern into pieces and encoding each piece
alone. If a text is cut only at piece boundaries, and each part is split into the same pieces on its
own as inside the text, the tokens of the text are the sum of the tokens of its parts. A count kept per
distinct part then counts any text that repeats words, not only texts repeated whole.

The cut: before a character of ``CUT_BEFORE`` (ASCII whitespace and punctuation except the apostrophe,
and common CJK and full-width punctuation: no letter, mark or digit among them) that follows a letter or
digit. For the o200k_base, cl100k_base and llama3 patterns (``CUT_SAFE_PATTERNS``) that is always a piece
boundary, and a part ends the way its last piece ended inside the text:

- a letter is matched only by the letter alternatives, which continue after it with letters, marks or a
  contraction starting with ``'``; a digit only by ``\\p{N}{1,3}``, which continues only with digits;
  every other alternative (punctuation runs, whitespace runs) excludes letters and digits. So no piece,
  nor any partial match the engine tries, holds a letter or digit followed by a cut character;
- hence matching inside a part never reads past its end, except the one character after a letter or
  digit, which fails every path there exactly as the end of the part does (``(?!\\S)`` and ``$`` only
  follow whitespace, which a part never ends with).

Letters and digits are taken only from the Basic Multilingual Plane, and only where Unicode 3.2 and this
Python's Unicode version agree they are letters or digits, so a tokenizer built on another Unicode
version sees them alike. Texts with lone surrogates are cut the same way: the repair tiktoken applies
changes only the surrogates, which are never next to a cut.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache

CUT_BEFORE = ' \t\n\r!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~、。，．！？：；「」『』（）【】・…\u3000'


def _letters_and_digits() -> str:
    """A character class body of the BMP letters and digits both Unicode versions agree on."""
    old_category = unicodedata.ucd_3_2_0.category
    ranges: list[tuple[int, int]] = []
    for char in filter(str.isalnum, map(chr, range(0x10000))):  # isalnum: letters and numbers only
        code = ord(char)
        if unicodedata.category(char)[0] in "LN" and old_category(char)[0] in "LN":
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges
    )


@cache
def part_splitter() -> Callable[[str], list[str]]:
    """``split(text)`` → the parts of ``text`` (joined they give the text back; the last may be empty)."""
    cut = "[" + "".join(re.escape(char) for char in CUT_BEFORE) + "]"
    rest = cut.replace("[", "[^", 1)
    # A part: cut characters, then runs of other characters that do not end in a letter or digit, each
    # followed by cut characters (no cut there), then a last run of other characters.
    pattern = f"{cut}*+(?:{rest}++(?<![{_letters_and_digits()}]){cut}++)*+{rest}*+"
    return re.compile(pattern).findall
