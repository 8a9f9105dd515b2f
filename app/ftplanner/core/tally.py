"""Per-block counting of a dataset: tokens, errors and warnings, mergeable across blocks and processes."""

from __future__ import annotations

import json
from array import array
from collections import Counter
from dataclasses import dataclass, field
from hashlib import blake2b

from ftplanner.core.examples import ExampleError, parse_example
from ftplanner.core.messages import Message, msg
from ftplanner.core.messages import raw as raw_message
from ftplanner.core.result import Issue
from ftplanner.core.token_counter import TokenCounter

MAX_STORED_ERRORS = 1000
MAX_STORED_LINES = 50
_decode_json = json.JSONDecoder().decode


def _keep(lines: list[int], line: int) -> None:
    if len(lines) < MAX_STORED_LINES:
        lines.append(line)


@dataclass
class FormatTally:
    """Counts over the valid examples of one format."""

    examples: int = 0
    total_tokens: int = 0
    assistant_tokens: int = 0
    length_counts: Counter[int] = field(default_factory=Counter)
    assistant_counts: Counter[int] = field(default_factory=Counter)
    message_counts: Counter[int] = field(default_factory=Counter)
    over_limit: int = 0
    over_limit_lines: list[int] = field(default_factory=list)
    missing_system: int = 0
    missing_system_lines: list[int] = field(default_factory=list)
    missing_user: int = 0
    missing_user_lines: list[int] = field(default_factory=list)
    trains_nothing: int = 0
    trains_nothing_lines: list[int] = field(default_factory=list)
    first_lines: list[int] = field(default_factory=list)
    hashes: array = field(default_factory=lambda: array("Q"))
    hash_lines: array = field(default_factory=lambda: array("q"))

    def merge(self, other: FormatTally) -> None:
        self.examples += other.examples
        self.total_tokens += other.total_tokens
        self.assistant_tokens += other.assistant_tokens
        self.length_counts.update(other.length_counts)
        self.assistant_counts.update(other.assistant_counts)
        self.message_counts.update(other.message_counts)
        for name in ("over_limit", "missing_system", "missing_user", "trains_nothing"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
            mine: list[int] = getattr(self, f"{name}_lines")
            mine.extend(getattr(other, f"{name}_lines")[: MAX_STORED_LINES - len(mine)])
        self.first_lines.extend(other.first_lines[: MAX_STORED_LINES - len(self.first_lines)])
        self.hashes.extend(other.hashes)
        self.hash_lines.extend(other.hash_lines)


@dataclass
class Tally:
    """Everything counted over some lines of a dataset."""

    lines: int = 0
    error_counts: Counter[str] = field(default_factory=Counter)
    errors: list[Issue] = field(default_factory=list)
    formats: dict[str, FormatTally] = field(default_factory=dict)
    format_order: list[str] = field(default_factory=list)

    def add_error(self, line: int, code: str, message: Message) -> None:
        self.error_counts[code] += 1
        if len(self.errors) < MAX_STORED_ERRORS:
            self.errors.append(Issue(line, code, message))

    def format(self, name: str) -> FormatTally:
        tally = self.formats.get(name)
        if tally is None:
            tally = self.formats[name] = FormatTally()
            self.format_order.append(name)
        return tally

    def merge(self, other: Tally) -> None:
        """Add a later block's tally (blocks merge in file order, so stored errors stay sorted)."""
        self.lines += other.lines
        self.error_counts.update(other.error_counts)
        self.errors.extend(other.errors[: MAX_STORED_ERRORS - len(self.errors)])
        for name in other.format_order:
            self.format(name).merge(other.formats[name])


# The json module's messages (one per syntax error kind) → message codes; the column follows.
_JSON_PROBLEMS = {
    "Expecting value": "json.expecting_value",
    "Expecting property name enclosed in double quotes": "json.expecting_name",
    "Expecting ':' delimiter": "json.expecting_colon",
    "Expecting ',' delimiter": "json.expecting_comma",
    "Unterminated string starting at": "json.unterminated_string",
    "Invalid control character at": "json.control_character",
    "Invalid \\escape": "json.bad_escape",
    "Invalid \\uXXXX escape": "json.bad_unicode_escape",
    "Extra data": "json.extra_data",
    "Illegal trailing comma before end of object": "json.trailing_comma",
    "Illegal trailing comma before end of array": "json.trailing_comma",
}


def json_problem(error: ValueError) -> Message:
    """What is wrong with a line that is not JSON, worded from the json module's error."""
    text = getattr(error, "msg", str(error))
    column = getattr(error, "colno", None)
    code = _JSON_PROBLEMS.get(text)
    if code is None:
        return msg("json.other_at", text=text, column=column) if column else raw_message(text)
    return msg(code, column=column or 1)


def tally_block(
    data: bytes,
    first_line: int,
    count_tokens: TokenCounter,
    max_example_tokens: int,
    overlong: tuple[tuple[int, int], ...] = (),
    max_line_bytes: int = 0,
) -> Tally:
    """Validate and count the LF-separated lines of ``data``, numbered from ``first_line``."""
    tally = Tally()
    template = count_tokens.template
    for line, size in overlong:
        tally.lines += 1
        megabytes = f"{size / (1024 * 1024):.1f}"
        if max_line_bytes:
            text = msg("data.line_too_long_limit", size=megabytes, limit=max_line_bytes // (1024 * 1024))
        else:
            text = msg("data.line_too_long", size=megabytes)
        tally.add_error(line, "line_too_long", text)
    for offset, raw in enumerate(data.split(b"\n")):
        raw = raw.strip()
        if not raw:
            continue
        line = first_line + offset
        tally.lines += 1
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            tally.add_error(line, "invalid_utf8", msg("data.invalid_utf8", byte=exc.start + 1))
            continue
        try:
            record = _decode_json(text)
        except ValueError as exc:
            tally.add_error(line, "invalid_json", msg("data.invalid_json", detail=json_problem(exc)))
            continue
        except RecursionError:
            tally.add_error(line, "invalid_json", msg("data.invalid_json", detail=msg("file.too_deep")))
            continue
        try:
            example = parse_example(record, template)
        except ExampleError as exc:
            tally.add_error(line, exc.code, exc.message)
            continue
        except RecursionError:
            tally.add_error(line, "data_type", msg("data.example_too_deep"))
            continue
        assistant = count_tokens.total(example.assistant_texts)
        tokens = example.overhead + assistant + count_tokens.total(example.texts)
        fmt = tally.format(example.format)
        fmt.examples += 1
        if len(fmt.first_lines) < MAX_STORED_LINES:
            fmt.first_lines.append(line)
        fmt.total_tokens += tokens
        fmt.assistant_tokens += assistant
        counts = fmt.length_counts  # .get: a Counter's missing key would call back into Python
        counts[tokens] = counts.get(tokens, 0) + 1
        counts = fmt.assistant_counts
        counts[assistant] = counts.get(assistant, 0) + 1
        counts = fmt.message_counts
        counts[example.messages] = counts.get(example.messages, 0) + 1
        if tokens > max_example_tokens:
            fmt.over_limit += 1
            _keep(fmt.over_limit_lines, line)
        if not example.has_system:
            fmt.missing_system += 1
            _keep(fmt.missing_system_lines, line)
        if not example.has_user:
            fmt.missing_user += 1
            _keep(fmt.missing_user_lines, line)
        if example.trains_nothing:
            fmt.trains_nothing += 1
            _keep(fmt.trains_nothing_lines, line)
        fmt.hashes.frombytes(blake2b(raw, digest_size=8).digest())
        fmt.hash_lines.append(line)
    return tally
