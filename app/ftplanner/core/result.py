"""The immutable, serialisable outcome of analysing a dataset for one encoding."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

RESULT_SCHEMA = 1

TARGET_EPOCHS = 3
MIN_TARGET_EXAMPLES = 100
MAX_TARGET_EXAMPLES = 25_000
MIN_DEFAULT_EPOCHS = 1
MAX_DEFAULT_EPOCHS = 25


def auto_epochs(n_examples: int) -> int:
    """OpenAI's default epoch count for ``n_examples`` training examples (the cookbook heuristic)."""
    if n_examples <= 0:
        return TARGET_EPOCHS
    if n_examples * TARGET_EPOCHS < MIN_TARGET_EXAMPLES:
        return min(MAX_DEFAULT_EPOCHS, MIN_TARGET_EXAMPLES // n_examples)
    if n_examples * TARGET_EPOCHS > MAX_TARGET_EXAMPLES:
        return max(MIN_DEFAULT_EPOCHS, MAX_TARGET_EXAMPLES // n_examples)
    return TARGET_EPOCHS


@dataclass(frozen=True)
class Stats:
    """Distribution summary of one per-example quantity."""

    min: float = 0
    max: float = 0
    mean: float = 0.0
    median: float = 0.0
    p10: float = 0.0
    p90: float = 0.0


@dataclass(frozen=True)
class Issue:
    """One data error: 1-based line, error code, plain message."""

    line: int
    code: str
    message: str


@dataclass(frozen=True)
class DataWarning:
    """A dataset-level warning with the number of examples concerned and some of their lines."""

    code: str
    count: int
    message: str
    lines: tuple[int, ...] = ()


@dataclass(frozen=True)
class Histogram:
    """Token-count histogram of valid examples: ``len(edges) == len(counts) + 1``.

    ``log_scale``: the edges grow geometrically (long-tailed data), so draw the axis on a log scale.
    """

    edges: tuple[int, ...] = ()
    counts: tuple[int, ...] = ()
    log_scale: bool = False


@dataclass(frozen=True)
class AnalysisResult:
    source: str
    file_size: int
    format: str
    encoding: str
    max_example_tokens: int
    lines: int
    examples: int
    error_count: int
    error_counts: dict[str, int]
    errors: tuple[Issue, ...]
    warnings: tuple[DataWarning, ...]
    total_tokens: int
    assistant_tokens: int
    over_limit_examples: int
    missing_system: int
    missing_user: int
    duplicates: int
    stats: dict[str, Stats]
    histogram: Histogram
    # Sorted (tokens, number of examples) pairs: lets an estimate apply another per-example cap
    # without tokenising again. Bounded by the number of distinct lengths, not the dataset size.
    length_counts: tuple[tuple[int, int], ...] = field(default=(), repr=False)

    def billing_tokens(self, max_example_tokens: int | None = None) -> int:
        """Σ min(cap, tokens) over valid examples; the cap defaults to the analysed one."""
        cap = self.max_example_tokens if max_example_tokens is None else max_example_tokens
        return sum(min(cap, tokens) * count for tokens, count in self.length_counts)

    def over_limit(self, max_example_tokens: int) -> int:
        """How many valid examples exceed ``max_example_tokens``."""
        return sum(count for tokens, count in self.length_counts if tokens > max_example_tokens)

    @property
    def billing_tokens_per_epoch(self) -> int:
        return self.billing_tokens()

    @property
    def auto_epochs(self) -> int:
        return auto_epochs(self.examples)

    def charged_tokens(self, epochs: int | None = None, max_example_tokens: int | None = None) -> int:
        """Billed training tokens: billing tokens per epoch × epochs (``None`` = auto)."""
        return self.billing_tokens(max_example_tokens) * (self.auto_epochs if epochs is None else epochs)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; includes the derived billing figures for readers of the JSON."""
        data = asdict(self)
        data["schema"] = RESULT_SCHEMA
        data["length_counts"] = [list(pair) for pair in self.length_counts]
        data["billing_tokens_per_epoch"] = self.billing_tokens_per_epoch
        data["auto_epochs"] = self.auto_epochs
        data["charged_tokens"] = self.charged_tokens()
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AnalysisResult:
        """Rebuild from :meth:`to_dict` output (derived keys are ignored)."""
        return cls(
            source=str(data["source"]),
            file_size=int(data["file_size"]),
            format=str(data["format"]),
            encoding=str(data["encoding"]),
            max_example_tokens=int(data["max_example_tokens"]),
            lines=int(data["lines"]),
            examples=int(data["examples"]),
            error_count=int(data["error_count"]),
            error_counts={str(k): int(v) for k, v in data["error_counts"].items()},
            errors=tuple(Issue(**item) for item in data["errors"]),
            warnings=tuple(
                DataWarning(w["code"], int(w["count"]), w["message"], tuple(w.get("lines", ())))
                for w in data["warnings"]
            ),
            total_tokens=int(data["total_tokens"]),
            assistant_tokens=int(data["assistant_tokens"]),
            over_limit_examples=int(data["over_limit_examples"]),
            missing_system=int(data["missing_system"]),
            missing_user=int(data["missing_user"]),
            duplicates=int(data["duplicates"]),
            stats={k: Stats(**v) for k, v in data["stats"].items()},
            histogram=Histogram(
                tuple(data["histogram"]["edges"]),
                tuple(data["histogram"]["counts"]),
                bool(data["histogram"].get("log_scale", False)),
            ),
            length_counts=tuple((int(t), int(c)) for t, c in data.get("length_counts", ())),
        )
