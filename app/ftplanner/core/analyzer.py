"""Dataset analysis: one streaming pass per encoding, spread over the CPU cores for large files.

``analyze()`` is a plain function with a progress callback and a cancel flag; the GUI wraps it in a
worker thread, the CLI calls it directly. Small files are counted in-process; larger ones are cut
into blocks of whole lines that worker processes validate and tokenise, at most two blocks in flight
per worker so memory stays bounded whatever the file size.
"""

from __future__ import annotations

import bisect
import multiprocessing
import os
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import numpy as np

from ftplanner.core import reader
from ftplanner.core.errors import Cancelled, UserError
from ftplanner.core.examples import FORMAT_LABELS, FORMATS
from ftplanner.core.messages import msg
from ftplanner.core.result import AnalysisResult, DataWarning, Histogram, Issue, Stats
from ftplanner.core.tally import MAX_STORED_ERRORS, FormatTally, Tally, tally_block
from ftplanner.core.token_counter import TokenCounter
from ftplanner.core.tokenizers import check_encoding_name, get_encoding

ProgressCallback = Callable[[float, int], None]  # (fraction of the file read, lines done)
CancelFlag = Callable[[], bool]

DEFAULT_MAX_EXAMPLE_TOKENS = 65_536
PARALLEL_MIN_BYTES = 8 * 1024 * 1024
MIN_EXAMPLES = 10
HISTOGRAM_BINS = 30
LOG_BINS_RATIO = 50


def default_workers() -> int:
    """CPU cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def analyze(
    path: str | os.PathLike[str],
    encoding: str = "o200k_base",
    max_example_tokens: int = DEFAULT_MAX_EXAMPLE_TOKENS,
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
    workers: int | None = None,
    parallel_min_bytes: int = PARALLEL_MIN_BYTES,
) -> AnalysisResult:
    """Validate and count the tokens of a JSONL(.gz) dataset. Raises UserError for unusable files.

    Data errors never stop the analysis: bad lines are counted, described (up to a cap) and skipped.
    """
    source = Path(path)
    with reader.regular_file(source) as file:  # a pipe or /dev/stdin is read into a temporary copy
        reader.check_usable(file)
        size = file.stat().st_size
        workers = default_workers() if workers is None else max(1, workers)
        context = _process_context() if workers > 1 and size >= parallel_min_bytes else None
        if context is None or context.get_start_method() == "fork":
            get_encoding(encoding)  # used here, or inherited by forked workers
        else:
            check_encoding_name(encoding)  # spawned workers load it themselves, off this process's GIL
        blocks = reader.iter_blocks(file)
        if context is not None:
            tally = _tally_parallel(blocks, encoding, max_example_tokens, workers, context, progress, cancel)
        else:
            tally = _tally_serial(blocks, encoding, max_example_tokens, progress, cancel)
    return _result(source, size, encoding, max_example_tokens, tally)


def _tally_serial(
    blocks: Iterable[reader.Block],
    encoding: str,
    max_example_tokens: int,
    progress: ProgressCallback | None,
    cancel: CancelFlag | None,
) -> Tally:
    counter = TokenCounter(get_encoding(encoding))
    total = Tally()
    for block in blocks:
        if cancel and cancel():
            raise Cancelled
        total.merge(_tally(block, counter, max_example_tokens))
        if progress:
            progress(block.progress, total.lines)
    return total


def _tally(block: reader.Block, counter: TokenCounter, max_example_tokens: int) -> Tally:
    return tally_block(
        block.data, block.first_line, counter, max_example_tokens, block.overlong, reader.MAX_LINE_BYTES
    )


_worker_counter: TokenCounter | None = None


def _init_worker(encoding: str) -> None:
    global _worker_counter
    _worker_counter = TokenCounter(get_encoding(encoding))


def _worker_tally(block: reader.Block, max_example_tokens: int) -> Tally:
    assert _worker_counter is not None
    return _tally(block, _worker_counter, max_example_tokens)


def _process_context() -> multiprocessing.context.BaseContext:
    """Fork (workers inherit the loaded vocabulary) when this process has one thread; else spawn.

    Forking a process that runs other threads (a GUI) can deadlock the child, so it spawns then.
    """
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _tally_parallel(
    blocks: Iterable[reader.Block],
    encoding: str,
    max_example_tokens: int,
    workers: int,
    context: multiprocessing.context.BaseContext,
    progress: ProgressCallback | None,
    cancel: CancelFlag | None,
) -> Tally:
    total = Tally()
    in_flight: deque[tuple[Future[Tally], float]] = deque()
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(encoding,))
    try:

        def collect() -> None:
            future, fraction = in_flight.popleft()
            try:
                total.merge(future.result())
            except BrokenProcessPool:
                raise UserError(msg("analysis.workers_stopped")) from None
            if progress:
                progress(fraction, total.lines)

        for block in blocks:
            if cancel and cancel():
                raise Cancelled
            in_flight.append((pool.submit(_worker_tally, block, max_example_tokens), block.progress))
            if len(in_flight) >= 2 * workers:
                collect()
        while in_flight:
            if cancel and cancel():
                raise Cancelled
            collect()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return total


def _majority_format(tally: Tally) -> str | None:
    if not tally.formats:
        return None
    return max(
        tally.format_order, key=lambda name: (tally.formats[name].examples, -tally.format_order.index(name))
    )


def _mixed_format_errors(tally: Tally, main: str) -> list[Issue]:
    issues: list[Issue] = []
    for name in tally.format_order:
        if name == main:
            continue
        odd = tally.formats[name]
        tally.error_counts["mixed_format"] += odd.examples
        message = msg("data.mixed_format", format=FORMAT_LABELS[name], main=FORMAT_LABELS[main])
        issues.extend(Issue(line, "mixed_format", message) for line in odd.first_lines)
    return issues


def _quantile(values: list[int], cumulative: list[int], q: float) -> float:
    """Linear-interpolated quantile (numpy's default) of a value → count distribution."""
    n = cumulative[-1]
    position = (n - 1) * q
    low_index, fraction = int(position), position - int(position)
    low = values[bisect.bisect_right(cumulative, low_index)]
    if fraction == 0:
        return float(low)
    high = values[bisect.bisect_right(cumulative, low_index + 1)]
    return low + (high - low) * fraction


def distribution_stats(counts: Counter[int]) -> Stats:
    """min, max, mean, median, p10, p90 of a value → count distribution."""
    if not counts:
        return Stats()
    values = sorted(counts)
    cumulative: list[int] = []
    running = 0
    for value in values:
        running += counts[value]
        cumulative.append(running)
    mean = sum(value * count for value, count in counts.items()) / running
    return Stats(
        min=values[0],
        max=values[-1],
        mean=mean,
        median=_quantile(values, cumulative, 0.5),
        p10=_quantile(values, cumulative, 0.1),
        p90=_quantile(values, cumulative, 0.9),
    )


def _histogram(counts: Counter[int]) -> Histogram:
    """HISTOGRAM_BINS bins over the token counts; geometric when the longest is 50× the shortest or more."""
    if not counts:
        return Histogram()
    values = np.fromiter(counts.keys(), dtype=np.int64)
    weights = np.fromiter(counts.values(), dtype=np.int64)
    low, high = int(values.min()), int(values.max())
    bins = max(1, min(HISTOGRAM_BINS, high - low + 1))
    log_scale = low > 0 and high >= LOG_BINS_RATIO * low
    raw = np.geomspace(low, high + 1, bins + 1) if log_scale else np.linspace(low, high + 1, bins + 1)
    edges = np.unique(raw.round().astype(np.int64))
    hist, _ = np.histogram(values, bins=edges, weights=weights)
    return Histogram(tuple(int(e) for e in edges), tuple(int(c) for c in hist), log_scale)


def _duplicates(fmt: FormatTally) -> tuple[int, tuple[int, ...]]:
    if not fmt.hashes:
        return 0, ()
    hashes = np.frombuffer(fmt.hashes, dtype=np.uint64)
    _, first = np.unique(hashes, return_index=True)
    seen_before = np.ones(len(hashes), dtype=bool)
    seen_before[first] = False
    lines = np.frombuffer(fmt.hash_lines, dtype=np.int64)[seen_before]
    return int(seen_before.sum()), tuple(int(x) for x in np.sort(lines)[:50])


def _warnings(
    fmt: FormatTally, max_example_tokens: int, duplicates: tuple[int, tuple[int, ...]]
) -> tuple[DataWarning, ...]:
    found: list[DataWarning] = []
    if fmt.examples < MIN_EXAMPLES:
        found.append(
            DataWarning(
                "too_few_examples",
                fmt.examples,
                msg("warning.too_few_examples", count=fmt.examples, minimum=MIN_EXAMPLES),
            )
        )
    candidates = (
        ("over_limit", fmt.over_limit, fmt.over_limit_lines),
        ("missing_system", fmt.missing_system, fmt.missing_system_lines),
        ("missing_user", fmt.missing_user, fmt.missing_user_lines),
        ("duplicate_examples", duplicates[0], duplicates[1]),
        ("trains_nothing", fmt.trains_nothing, fmt.trains_nothing_lines),
    )
    for code, count, lines in candidates:
        if count:
            examples = msg("warning.example" if count == 1 else "warning.examples", count=count)
            text = msg(f"warning.{code}", examples=examples, limit=max_example_tokens)
            found.append(DataWarning(code, count, text, tuple(lines)))
    return tuple(found)


def _result(file: Path, size: int, encoding: str, max_example_tokens: int, tally: Tally) -> AnalysisResult:
    main = _majority_format(tally)
    errors = list(tally.errors)
    if main is not None and len(tally.formats) > 1:
        errors = sorted(errors + _mixed_format_errors(tally, main), key=lambda issue: issue.line)
        errors = errors[:MAX_STORED_ERRORS]
    fmt = tally.formats.get(main, FormatTally()) if main else FormatTally()
    ordered_counts = {code: tally.error_counts[code] for code in sorted(tally.error_counts)}
    duplicates = _duplicates(fmt)
    return AnalysisResult(
        source=str(file),
        file_size=size,
        format=main or "unknown",
        encoding=encoding,
        max_example_tokens=max_example_tokens,
        lines=tally.lines,
        examples=fmt.examples,
        error_count=sum(ordered_counts.values()),
        error_counts=ordered_counts,
        errors=tuple(errors),
        warnings=_warnings(fmt, max_example_tokens, duplicates),
        total_tokens=fmt.total_tokens,
        assistant_tokens=fmt.assistant_tokens,
        over_limit_examples=fmt.over_limit,
        missing_system=fmt.missing_system,
        missing_user=fmt.missing_user,
        duplicates=duplicates[0],
        stats={
            "messages": distribution_stats(fmt.message_counts),
            "total_tokens": distribution_stats(fmt.length_counts),
            "assistant_tokens": distribution_stats(fmt.assistant_counts),
        },
        histogram=_histogram(fmt.length_counts),
        length_counts=tuple(sorted(fmt.length_counts.items())),
    )


__all__ = ["DEFAULT_MAX_EXAMPLE_TOKENS", "FORMATS", "analyze", "distribution_stats"]
