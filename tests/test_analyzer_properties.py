"""Property tests: no input bytes make the analyzer raise anything but a clear UserError."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ftplanner.core.analyzer import analyze
from ftplanner.core.errors import UserError
from ftplanner.core.examples import ERROR_CODES
from ftplanner.core.tally import tally_block
from ftplanner.core.token_counter import TokenCounter
from ftplanner.core.tokenizers import get_encoding

COUNTER = TokenCounter(get_encoding("o200k_base"))
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)
message_like = st.fixed_dictionaries(
    {"role": st.sampled_from(["system", "user", "assistant", "tool", "robot", ""]) | json_values},
    optional={"content": json_values, "name": json_values, "weight": json_values, "tool_calls": json_values},
)


@given(st.binary(max_size=2048))
@settings(max_examples=300)
def test_arbitrary_bytes_never_raise_in_the_counter(data):
    tally = tally_block(data, 1, COUNTER, 4096)
    assert sum(f.examples for f in tally.formats.values()) + sum(tally.error_counts.values()) == tally.lines
    assert set(tally.error_counts) <= set(ERROR_CODES)


@given(st.lists(st.lists(message_like, max_size=4) | json_values, max_size=8))
@settings(max_examples=200)
def test_arbitrary_json_records_are_either_counted_or_an_error(records):
    data = "\n".join(json.dumps({"messages": r} if isinstance(r, list) else r) for r in records).encode()
    tally = tally_block(data, 1, COUNTER, 4096)
    assert sum(f.examples for f in tally.formats.values()) + sum(tally.error_counts.values()) == tally.lines


@given(st.binary(max_size=4096))
@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_arbitrary_files_analyse_or_raise_user_error(tmp_path, data):
    path = tmp_path / "fuzz.jsonl"
    path.write_bytes(data)
    try:
        result = analyze(path)
    except UserError as exc:
        assert str(path) in str(exc)
    else:
        assert result.examples + result.error_count == result.lines
