"""Benchmark: the dataset analyzer against a cookbook-style loop and the parallel ceiling.

Run: ``python tests/benchmarks/bench_analyze.py [--mb 150]``. Prints, from one run:
- analyzer time as a ratio to (a) a straightforward cookbook loop (json.loads + encode each value,
  one process) — target: at least 2× faster on 2 cores;
- and to (b) the ceiling: one-process parse + ``encode_ordinary`` time of the same strings divided by
  the core count — target: within 1.3×;
- peak RSS of the analysis (main process and its workers) — target: under 400 MB.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ftplanner.core.analyzer import default_workers
from ftplanner.core.tokenizers import get_encoding

ENCODING = "o200k_base"
EN_WORDS = (
    "account billing invoice storage sync folder share permission error upload download refund "
    "plan team admin password login device mobile desktop network quota limit export import "
    "backup restore file please could you help me with the my our your is are was not can will "
    "should today yesterday again "
).split()
JA_WORDS = (
    "アカウント 請求 ストレージ 同期 フォルダ 共有 権限 エラー アップロード ダウンロード 返金 プラン 管理者 パスワード ログイン 端末 ネットワーク 容量 上限 "
    "バックアップ 復元 ファイル お願いします できません ありがとうございます 確認 設定 変更 削除 表示 利用 方法 について 教えてください です ます "
).split()
SYSTEMS = (
    "You are a concise support agent for a cloud storage service.",
    "あなたはクラウドストレージのサポート担当です。丁寧な敬語で答えてください。",
)


def _sentence(rng: random.Random, japanese: bool) -> str:
    words = rng.choices(JA_WORDS if japanese else EN_WORDS, k=rng.randint(6, 40))
    return ("、".join(words) + "。") if japanese else (" ".join(words).capitalize() + ".")


def generate(path: Path, megabytes: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    target = megabytes * 1024 * 1024
    written = lines = 0
    with path.open("w", encoding="utf-8") as out:
        while written < target:
            japanese = rng.random() < 0.45
            messages = [{"role": "system", "content": SYSTEMS[japanese]}]
            for _ in range(rng.choice((1, 1, 1, 2, 3))):
                messages.append({"role": "user", "content": _sentence(rng, japanese)})
                reply = " ".join(_sentence(rng, japanese) for _ in range(rng.randint(1, 6)))
                messages.append({"role": "assistant", "content": reply})
            line = json.dumps({"messages": messages}, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            lines += 1
    return lines


def cookbook_loop(path: Path) -> int:
    """(a) the cookbook's method, as most scripts do it."""
    encoding = get_encoding(ENCODING)
    total = 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            example = json.loads(line)
            tokens = 0
            for message in example["messages"]:
                tokens += 3
                for value in message.values():
                    tokens += len(encoding.encode(value))
            total += tokens + 3
    return total


def parse_and_encode(path: Path) -> int:
    """(b) the bare work: parse each line and encode_ordinary every string value, nothing else."""
    encode = get_encoding(ENCODING).encode_ordinary
    total = 0
    with path.open("rb") as handle:
        for line in handle:
            for message in json.loads(line)["messages"]:
                for value in message.values():
                    total += len(encode(value))
    return total


def analyzer_run(path: Path) -> tuple[float, int, int]:
    """Time and peak RSS (KB) of the analyzer in a fresh process, main and workers."""
    code = (
        "import json,resource,sys,time\n"
        "from ftplanner.core.analyzer import analyze\n"
        "t=time.perf_counter(); r=analyze(sys.argv[1], 'o200k_base'); t=time.perf_counter()-t\n"
        "print(json.dumps([t, r.total_tokens, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,"
        " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], check=True, capture_output=True, text=True)
    seconds, tokens, main_rss, child_rss = json.loads(out.stdout)
    return seconds, tokens, max(main_rss, child_rss)


def _timed(func, path: Path) -> tuple[float, int]:
    start = time.perf_counter()
    value = func(path)
    return time.perf_counter() - start, value


def _best(measure, rounds: int) -> tuple:
    """The fastest of ``rounds`` runs (the machine is shared and noisy; the minimum is the steadiest)."""
    return min((measure() for _ in range(rounds)), key=lambda outcome: outcome[0])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=3, help="runs of each contender; the fastest counts")
    args = parser.parse_args()
    cores = default_workers()
    get_encoding(ENCODING)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.jsonl"
        lines = generate(path, args.mb)
        size = path.stat().st_size / (1024 * 1024)
        print(f"dataset: {size:.0f} MB, {lines:,} examples, {cores} cores, best of {args.rounds} runs each")
        ours, our_tokens, rss_kb = _best(lambda: analyzer_run(path), args.rounds)
        cookbook, cookbook_tokens = _best(lambda: _timed(cookbook_loop, path), args.rounds)
        bare, _ = _best(lambda: _timed(parse_and_encode, path), args.rounds)
        ceiling = bare / cores
        assert our_tokens == cookbook_tokens, (our_tokens, cookbook_tokens)
    print(f"analyzer                 {ours:8.2f} s   ({our_tokens:,} tokens, same as the cookbook loop)")
    print(f"(a) cookbook loop        {cookbook:8.2f} s   speed-up {cookbook / ours:.2f}×  (target ≥ 2×)")
    print(f"(b) parse+encode / cores {ceiling:8.2f} s   ratio {ours / ceiling:.2f}×  (target ≤ 1.3×)")
    print(
        f"peak RSS                 {rss_kb / 1024:8.0f} MB  ({rss_kb / 1024 / 400:.2f} of the 400 MB target)"
    )
    print(f"ru_maxrss of this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
