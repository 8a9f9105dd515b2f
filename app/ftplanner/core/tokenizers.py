"""Offline tiktoken encodings built from the vocabularies bundled in ``resources/tokenizers``.

tiktoken's own loader downloads and caches vocabularies; this module never calls it. Each file is
checked against a pinned sha256 before use: tiktoken's pins for the OpenAI encodings, the hash of the
``llama-models`` wheel's ``llama3/tokenizer.model`` for ``llama3`` (Llama 3, 3.1, 3.2 and 3.3).
"""

from __future__ import annotations

import hashlib
import threading
from binascii import a2b_base64

import tiktoken

from ftplanner.core.errors import UserError
from ftplanner.core.paths import resource

_ENDOFTEXT = "<|endoftext|>"
_FIM_PREFIX = "<|fim_prefix|>"
_FIM_MIDDLE = "<|fim_middle|>"
_FIM_SUFFIX = "<|fim_suffix|>"
_ENDOFPROMPT = "<|endofprompt|>"

# Patterns and special tokens as tiktoken_ext/openai_public.py defines them.
_O200K_PAT = "|".join(
    [
        r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
        r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
        r"""\p{N}{1,3}""",
        r""" ?[^\s\p{L}\p{N}]+[\r\n/]*""",
        r"""\s*[\r\n]+""",
        r"""\s+(?!\S)""",
        r"""\s+""",
    ]
)
_CL100K_PAT = r"""'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s"""

# Pattern and special tokens as llama_models/llama3/tokenizer.py (llama-models 0.3.0) defines them:
# 128,000 regular tokens, then 256 special tokens, the ones not named being reserved. Counts equal the
# reference's except inside runs of over 25,000 characters all (or no) whitespace, which it cuts up.
_LLAMA3_PAT = r"""(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"""
# Patterns for which a cut before punctuation or whitespace following a letter or digit is always a piece
# boundary (see text_pieces.py): counts of the parts of a text then add up to the text's count.
CUT_SAFE_PATTERNS = frozenset({_O200K_PAT, _CL100K_PAT, _LLAMA3_PAT})
_LLAMA3_BASE_TOKENS = 128_000
_LLAMA3_NAMED_SPECIALS = (
    "<|begin_of_text|>",
    "<|end_of_text|>",
    "<|reserved_special_token_0|>",
    "<|reserved_special_token_1|>",
    "<|finetune_right_pad_id|>",
    "<|step_id|>",
    "<|start_header_id|>",
    "<|end_header_id|>",
    "<|eom_id|>",
    "<|eot_id|>",
    "<|python_tag|>",
    "<|image|>",
)
_LLAMA3_SPECIALS = {
    token: _LLAMA3_BASE_TOKENS + index
    for index, token in enumerate(
        _LLAMA3_NAMED_SPECIALS
        + tuple(f"<|reserved_special_token_{2 + i}|>" for i in range(256 - len(_LLAMA3_NAMED_SPECIALS)))
    )
}

_SPECS: dict[str, tuple[str, str, dict[str, int]]] = {
    "o200k_base": (
        "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
        _O200K_PAT,
        {_ENDOFTEXT: 199999, _ENDOFPROMPT: 200018},
    ),
    "cl100k_base": (
        "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
        _CL100K_PAT,
        {
            _ENDOFTEXT: 100257,
            _FIM_PREFIX: 100258,
            _FIM_MIDDLE: 100259,
            _FIM_SUFFIX: 100260,
            _ENDOFPROMPT: 100276,
        },
    ),
    "llama3": (
        "82e9d31979e92ab929cd544440f129d9ecd797b69e327f80f17e1c50d5551b55",
        _LLAMA3_PAT,
        _LLAMA3_SPECIALS,
    ),
}

ENCODINGS: tuple[str, ...] = tuple(_SPECS)

# Base model -> encoding, until the price catalog carries a tokenizer field per model.
_BASE_MODEL_ENCODINGS: tuple[tuple[str, str], ...] = (
    ("gpt-4o", "o200k_base"),
    ("gpt-4.1", "o200k_base"),
    ("gpt-5", "o200k_base"),
    ("o1", "o200k_base"),
    ("o3", "o200k_base"),
    ("o4", "o200k_base"),
    ("gpt-oss", "o200k_base"),
    ("gpt-3.5-turbo", "cl100k_base"),
    ("gpt-4", "cl100k_base"),
    ("davinci-002", "cl100k_base"),
    ("babbage-002", "cl100k_base"),
    ("meta-llama/meta-llama-3", "llama3"),
    ("meta-llama/meta-llama-3.1", "llama3"),
    ("meta-llama/llama-3.1", "llama3"),
    ("meta-llama/llama-3.2", "llama3"),
    ("meta-llama/llama-3.3", "llama3"),
)


def parse_tiktoken_file(data: bytes) -> dict[bytes, int]:
    """Parse ``<b64 token> <rank>`` lines into tiktoken's mergeable ranks."""
    fields = data.split()  # token, rank, token, rank… (base64 has no spaces)
    if len(fields) % 2:
        raise ValueError("a vocabulary line without its rank")
    return dict(zip(map(a2b_base64, fields[0::2]), map(int, fields[1::2]), strict=True))


def check_encoding_name(name: str) -> None:
    """Raise UserError unless ``name`` is a bundled encoding."""
    if name not in _SPECS:
        raise UserError(f"unknown encoding {name!r}; known: {', '.join(ENCODINGS)}")


_loaded: dict[str, tiktoken.Encoding] = {}
_loading = threading.Lock()


def get_encoding(name: str) -> tiktoken.Encoding:
    """A bundled encoding, loaded once per process and shared by every thread (a second thread asking while
    the first loads waits for it rather than loading the vocabulary again). Raises UserError for unknown names.
    """
    encoding = _loaded.get(name)
    if encoding is None:
        with _loading:  # vocabularies load in about a second; one at a time is fine
            encoding = _loaded.get(name)
            if encoding is None:
                encoding = _loaded[name] = _load_encoding(name)
    return encoding


def loaded_encodings() -> tuple[str, ...]:
    """Names of the encodings this process has loaded."""
    return tuple(_loaded)


def forget_encodings() -> None:
    """Drop the loaded encodings (the next use loads and checks the vocabulary again)."""
    with _loading:
        _loaded.clear()


def _load_encoding(name: str) -> tiktoken.Encoding:
    """Load a bundled encoding, verifying its vocabulary hash."""
    check_encoding_name(name)
    expected, pat_str, special = _SPECS[name]
    data = resource("tokenizers", f"{name}.tiktoken").read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != expected:
        raise UserError(
            f"bundled vocabulary {name}.tiktoken is damaged (sha256 {digest[:12]}…, expected {expected[:12]}…);"
            " reinstall FT Planner"
        )
    return tiktoken.Encoding(
        name, pat_str=pat_str, mergeable_ranks=parse_tiktoken_file(data), special_tokens=special
    )


def base_model_of(model: str) -> str:
    """The base model of a fine-tuned model id: ``ft:gpt-4.1-mini-2025-04-14:org::id`` -> ``gpt-4.1-mini-…``."""
    if model.startswith("ft:"):
        return model[3:].split(":", 1)[0]
    return model


def encoding_for_model(model: str) -> str:
    """The encoding name for a model, decided by its base model (never by tiktoken's ``ft:`` prefixes)."""
    base = base_model_of(model.strip()).lower()
    for prefix, encoding in _BASE_MODEL_ENCODINGS:
        if base == prefix or base.startswith(prefix + "-"):
            return encoding
    raise UserError(
        f"no known tokenizer for model {model!r}; pass --encoding (one of {', '.join(ENCODINGS)})"
    )
