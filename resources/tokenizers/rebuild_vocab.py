"""Rebuild the bundled tokenizer vocabularies from their pinned registry packages.

OpenAI encodings, from the npm package ``tiktoken@1.0.22``::

    npm pack tiktoken@1.0.22 && tar xzf tiktoken-1.0.22.tgz
    python resources/tokenizers/rebuild_vocab.py package/encoders resources/tokenizers

Each ``encoders/<name>.json`` holds ``bpe_ranks``: lines of ``<char> <offset> <b64> <b64> ...`` whose
tokens take consecutive ranks from ``offset``. Written out as ``<b64> <rank>\\n`` sorted by rank they
reproduce the official ``.tiktoken`` files byte for byte.

Llama 3 (also 3.1, 3.2, 3.3), from the PyPI wheel ``llama-models==0.3.0``
(``llama_models-0.3.0-py3-none-any.whl``, sha256
7f77f78ff13fca09f70d76a376aff6414cd901623fb9d57e69c2f8367a73032f)::

    pip download llama-models==0.3.0 --no-deps -d build
    python resources/tokenizers/rebuild_vocab.py build/llama_models-0.3.0-*.whl resources/tokenizers

Its ``llama_models/llama3/tokenizer.model`` is already a ``.tiktoken`` file; it is copied byte for byte
to ``llama3.tiktoken``. Either way, the script refuses to write a file whose sha256 differs from the pin.
"""

from __future__ import annotations

import hashlib
import json
import sys
import zipfile
from pathlib import Path

PINNED_SHA256 = {
    "o200k_base": "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
    "cl100k_base": "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
}
LLAMA3_SHA256 = "82e9d31979e92ab929cd544440f129d9ecd797b69e327f80f17e1c50d5551b55"
LLAMA3_MEMBER = "llama_models/llama3/tokenizer.model"


def tiktoken_text(bpe_ranks: str) -> bytes:
    """Convert the npm ``bpe_ranks`` field to the ``.tiktoken`` file format."""
    ranked: list[tuple[int, str]] = []
    for line in bpe_ranks.split("\n"):
        if not line:
            continue
        _char, offset, *tokens = line.split(" ")
        start = int(offset)
        ranked.extend((start + i, token) for i, token in enumerate(tokens))
    ranked.sort()
    return "".join(f"{token} {rank}\n" for rank, token in ranked).encode("ascii")


def write_checked(dest: Path, name: str, blob: bytes, expected: str) -> bool:
    """Write ``<name>.tiktoken`` only when its sha256 is the pinned one."""
    digest = hashlib.sha256(blob).hexdigest()
    if digest != expected:
        print(f"{name}: sha256 {digest} != pinned {expected}; not written", file=sys.stderr)
        return False
    (dest / f"{name}.tiktoken").write_bytes(blob)
    print(f"{name}: {len(blob):,} bytes, sha256 ok")
    return True


def main(src: Path, dest: Path) -> int:
    if src.suffix == ".whl":
        with zipfile.ZipFile(src) as wheel:
            blob = wheel.read(LLAMA3_MEMBER)
        return 0 if write_checked(dest, "llama3", blob, LLAMA3_SHA256) else 1
    for name, expected in PINNED_SHA256.items():
        data = json.loads((src / f"{name}.json").read_text(encoding="utf-8"))
        if not write_checked(dest, name, tiktoken_text(data["bpe_ranks"]), expected):
            return 1
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
