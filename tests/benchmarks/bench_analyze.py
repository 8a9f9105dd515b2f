"""Benchmark: the dataset analyzer against a cookbook-style loop and the parallel ceiling.

Run: ``python tests/benchmarks/bench_analyze.py [--mb 150] [--kind random|support|unique|all]``. For
each generated dataset (see bench_datasets.py: random chat text, a support bot with the same long
system prompt and tool definitions on every line, and turns of identifiers that never repeat, the
worst case for counting by words) it prints, from one run:
- the share of the counted text that repeats an earlier line's string, and of the rest the share in
  words seen before (what the two count caches save);
- analyzer time (a fresh process, from a loaded vocabulary) as a ratio to (a) a straightforward
  cookbook loop (json.loads + encode each message value, one process, vocabulary already loaded) —
  targets: at least 2× faster on random text, 2.5× on the support-bot file, on 2 cores (none for the
  identifiers, shown to bound what counting by words costs when it cannot help); and the
  same ratio when the analyzer's vocabulary load (about a second) is added to its time only;
- and to (b) the ceiling without a cache: one-process parse + ``encode_ordinary`` of the message
  strings divided by the core count;
- CPU seconds of both (less sensitive than wall time to a busy machine), and so the speed-up
  the analyzer could reach on idle cores;
- peak RSS of the analysis (main process and its workers) — target: under 400 MB.
Token totals are checked: the analyzer's equal the cookbook loop's plus the tool definitions it skips.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import bench_datasets

from ftplanner.core.analyzer import default_workers
from ftplanner.core.examples import parse_example
from ftplanner.core.text_pieces import part_splitter
from ftplanner.core.tokenizers import get_encoding

ENCODING = "o200k_base"


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


def _cpu(who: int = resource.RUSAGE_SELF) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def analyzer_run(path: Path) -> tuple[float, int, int, float, float]:
    """Time, tokens, peak RSS (KB) of the analyzer in a fresh process (main and workers), the time its
    vocabulary took to load before (the cookbook loop runs with a loaded vocabulary, too), and the CPU
    seconds of the analysis (main process and workers)."""
    code = (
        "import json,resource,sys,time\n"
        "from ftplanner.core.analyzer import analyze\n"
        "from ftplanner.core.tokenizers import get_encoding\n"
        "def cpu(who): u=resource.getrusage(who); return u.ru_utime+u.ru_stime\n"
        "v=time.perf_counter(); get_encoding('o200k_base'); v=time.perf_counter()-v\n"
        "c=cpu(resource.RUSAGE_SELF)\n"
        "t=time.perf_counter(); r=analyze(sys.argv[1], 'o200k_base'); t=time.perf_counter()-t\n"
        "c=cpu(resource.RUSAGE_SELF)-c+cpu(resource.RUSAGE_CHILDREN)\n"
        # VmHWM, not ru_maxrss: after exec, Linux reports in ru_maxrss the peak of the process that started it
        "hwm=int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1])\n"
        "print(json.dumps([t, r.total_tokens, hwm, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, v, c]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], check=True, capture_output=True, text=True)
    seconds, tokens, main_rss, child_rss, vocabulary, cpu = json.loads(out.stdout)
    return seconds, tokens, max(main_rss, child_rss), vocabulary, cpu


def _timed(func, path: Path) -> tuple[float, int, float]:
    """Wall seconds, result and CPU seconds of ``func(path)``."""
    cpu, start = _cpu(), time.perf_counter()
    value = func(path)
    return time.perf_counter() - start, value, _cpu() - cpu


def _best_interleaved(measures: list, rounds: int) -> list[tuple]:
    """The fastest of ``rounds`` runs of each measure, taken in turn (the machine is shared and noisy:
    taking turns exposes them alike to other load, and the minimum is the steadiest)."""
    outcomes: list[list[tuple]] = [[] for _ in measures]
    for _ in range(rounds):
        for index, measure in enumerate(measures):
            outcomes[index].append(measure())
    return [min(runs, key=lambda outcome: outcome[0]) for runs in outcomes]


def repeated_share(path: Path) -> tuple[float, float, float]:
    """Shares of the counted text in strings that already occurred on an earlier line (characters, tokens),
    and, of the rest, the share of characters in parts (see text_pieces.py) already seen before.

    The strings are the ones the analyzer counts (message texts, roles, tool definitions as JSON).
    """
    encode = get_encoding(ENCODING).encode_ordinary
    split = part_splitter()
    counts: dict[int, int] = {}  # hash of a string -> its tokens
    parts_seen: set[int] = set()
    chars = repeated_chars = tokens = repeated_tokens = new_chars = known_part_chars = 0
    with path.open("rb") as handle:
        for line in handle:
            example = parse_example(json.loads(line))
            for text in (*example.texts, *example.assistant_texts):
                key = hash(text)
                count = counts.get(key)
                if count is None:
                    count = counts[key] = len(encode(text))
                    new_chars += len(text)
                    for part in split(text):
                        part_key = hash(part)
                        if part_key in parts_seen:
                            known_part_chars += len(part)
                        else:
                            parts_seen.add(part_key)
                else:
                    repeated_chars += len(text)
                    repeated_tokens += count
                chars += len(text)
                tokens += count
    return (
        repeated_chars / max(chars, 1),
        repeated_tokens / max(tokens, 1),
        known_part_chars / max(new_chars, 1),
    )


def tools_tokens(path: Path) -> int:
    """Tokens of the tool definitions (which the cookbook loop skips), counted line by line."""
    encode = get_encoding(ENCODING).encode_ordinary
    total = 0
    with path.open("rb") as handle:
        for line in handle:
            tools = json.loads(line).get("tools")
            if tools:
                total += len(encode(json.dumps(tools, ensure_ascii=False, separators=(",", ":"))))
    return total


def bench(kind: str, megabytes: float, rounds: int, cores: int) -> float:
    """Generate, measure and print one dataset kind; returns the speed-up over the cookbook loop."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{kind}.jsonl"
        lines = bench_datasets.generate(path, kind, megabytes)
        size = path.stat().st_size / (1024 * 1024)
        share_chars, share_tokens, share_parts = repeated_share(path)
        print(
            f"\n[{kind}] {size:.0f} MB, {lines:,} examples, {cores} cores, best of {rounds} runs each, taken in turn"
        )
        print(f"repeated text            {share_chars:8.1%} of characters, {share_tokens:.1%} of tokens")
        print(
            f"repeated parts           {share_parts:8.1%} of the other strings' characters (words seen before)"
        )
        (
            (ours, our_tokens, rss_kb, vocabulary, our_cpu),
            (cookbook, cookbook_tokens, cookbook_cpu),
            (bare, _, _),
        ) = _best_interleaved(
            [
                lambda: analyzer_run(path),
                lambda: _timed(cookbook_loop, path),
                lambda: _timed(parse_and_encode, path),
            ],
            rounds,
        )
        skipped = tools_tokens(path)
        assert our_tokens == cookbook_tokens + skipped, (our_tokens, cookbook_tokens, skipped)
    ceiling = bare / cores
    target = f"target ≥ {TARGETS[kind]}×" if kind in TARGETS else "no target: the worst case"
    note = (
        f"the cookbook loop's + {skipped:,} of tool definitions it skips"
        if skipped
        else "the cookbook loop's"
    )
    print(f"analyzer                 {ours:8.2f} s   ({our_tokens:,} tokens: {note})")
    print(f"(a) cookbook loop        {cookbook:8.2f} s   speed-up {cookbook / ours:.2f}×  ({target})")
    print(
        f"    + vocabulary load    {vocabulary:8.2f} s   speed-up {cookbook / (ours + vocabulary):.2f}× when the"
        " analyzer's load is counted and the loop's is not"
    )
    print(f"(b) parse+encode / cores {ceiling:8.2f} s   ratio {ours / ceiling:.2f}×")
    print(
        f"CPU time                 {our_cpu:8.2f} s   against the cookbook loop's {cookbook_cpu:.2f} s: it does"
        f" {cookbook_cpu / our_cpu:.2f}× less work (on {cores} idle cores: up to {cores * cookbook_cpu / our_cpu:.2f}× faster)"
    )
    print(
        f"peak RSS                 {rss_kb / 1024:8.0f} MB  ({rss_kb / 1024 / 400:.2f} of the 400 MB target)"
    )
    return cookbook / ours


TARGETS = {"random": 2.0, "support": 2.5}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=150, help="dataset size in MB")
    parser.add_argument("--kind", choices=(*bench_datasets.KINDS, "all"), default="all")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each contender; the fastest counts")
    args = parser.parse_args()
    cores = default_workers()
    get_encoding(ENCODING)
    kinds = list(bench_datasets.KINDS) if args.kind == "all" else [args.kind]
    speedups = {kind: bench(kind, args.mb, args.rounds, cores) for kind in kinds}
    print("\nspeed-ups over the cookbook loop: " + ", ".join(f"{k} {v:.2f}×" for k, v in speedups.items()))
    print(f"ru_maxrss of this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
