"""Rebuild the bundled tokenizer vocabularies from the npm package ``tiktoken@1.0.22``.

Usage::

    npm pack tiktoken@1.0.22 && tar xzf tiktoken-1.0.22.tgz
    python resources/tokenizers/rebuild_vocab.py package/encoders resources/tokenizers

Each ``encoders/<name>.json`` holds ``bpe_ranks``: lines of ``<char> <offset> <b64> <b64> ...`` whose
tokens take consecutive ranks from ``offset``. Written out as ``<b64> <rank>\\n`` sorted by rank they
reproduce the official ``.tiktoken`` files byte for byte; the script refuses to write a file whose
sha256 differs from the hash tiktoken pins.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

PINNED_SHA256 = {
    "o200k_base": "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
    "cl100k_base": "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
}


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


def main(src: Path, dest: Path) -> int:
    for name, expected in PINNED_SHA256.items():
        data = json.loads((src / f"{name}.json").read_text(encoding="utf-8"))
        blob = tiktoken_text(data["bpe_ranks"])
        digest = hashlib.sha256(blob).hexdigest()
        if digest != expected:
            print(f"{name}: sha256 {digest} != pinned {expected}; not written", file=sys.stderr)
            return 1
        (dest / f"{name}.tiktoken").write_bytes(blob)
        print(f"{name}: {len(blob):,} bytes, sha256 ok")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
