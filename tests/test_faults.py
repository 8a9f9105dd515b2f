"""Hostile inputs and damaged state through the real CLI in subprocesses: never a traceback, the README's exit
code, and every byte of the user's previous state still there (in place or in the kept-aside copy)."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ftplanner.core.money import ExchangeRates
from ftplanner.core.paths import sample_dataset

PYTHON = [sys.executable, "-m", "ftplanner"]


def cli(
    home: Path, *args: str, stdin: bytes | None = None, shell: str | None = None
) -> subprocess.CompletedProcess:
    """Run ``ftplanner ARGS`` (or a bash line using ``$FT``) with its own user data folder."""
    env = {**os.environ, "FTPLANNER_HOME": str(home), "FT": " ".join(PYTHON)}
    command = ["bash", "-c", shell] if shell else [*PYTHON, *args]
    done = subprocess.run(command, input=stdin, capture_output=True, env=env, timeout=300)
    assert b"Traceback" not in done.stderr, done.stderr.decode(errors="replace")
    return done


def one_line(done: subprocess.CompletedProcess) -> str:
    lines = done.stderr.decode().strip().splitlines()
    assert len(lines) == 1, done.stderr.decode()
    return lines[0]


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "train.jsonl"
    path.write_bytes(sample_dataset().read_bytes())
    return path


# ------------------------------------------------------------------------------------------------ datasets


def test_stdin_and_process_substitution_are_read_as_datasets(home, sample):
    piped = cli(home, "analyze", "/dev/stdin", "--json", stdin=sample.read_bytes())
    assert piped.returncode == 0 and json.loads(piped.stdout)["examples"] == 309
    sub = cli(home, shell=f"$FT analyze <(cat {sample}) --json")
    assert sub.returncode == 0 and json.loads(sub.stdout)["examples"] == 309
    pipe = cli(home, shell=f"cat {sample} | $FT analyze /dev/stdin --json")
    assert pipe.returncode == 0 and json.loads(pipe.stdout)["total_tokens"] > 0


def test_truncated_gzip_names_the_last_good_line(home, tmp_path):
    lines = [
        json.dumps(
            {"messages": [{"role": "user", "content": f"q{i} " * 20}, {"role": "assistant", "content": "a"}]}
        )
        for i in range(20_000)
    ]
    packed = gzip.compress(("\n".join(lines) + "\n").encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(packed[: len(packed) // 3])
    done = cli(home, "analyze", str(path))
    message = one_line(done)
    assert done.returncode == 2 and "cut short after line" in message
    good = int(message.split("after line ")[1].split(" ")[0].replace(",", ""))
    assert good > 1_000


@pytest.mark.parametrize(
    ("record", "code"),
    [
        (
            {"messages": [{"role": "user", "content": "a"}, {"role": "assistant", "tool_calls": "x"}]},
            "invalid_tool_calls",
        ),
        (
            {
                "messages": [
                    {"role": "user", "content": "a"},
                    {"role": "assistant", "tool_calls": [{"function": None}]},
                ]
            },
            "invalid_tool_calls",
        ),
        (
            {
                "messages": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}],
                "tools": "x",
            },
            "invalid_tools",
        ),
        (
            {
                "messages": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}],
                "tools": [None, 5],
            },
            "invalid_tools",
        ),
    ],
)
def test_malformed_tool_calls_and_tools_are_errors_with_line_numbers(home, tmp_path, record, code):
    good = {"messages": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}]}
    path = tmp_path / "tools.jsonl"
    path.write_text(json.dumps(good) + "\n" + json.dumps(record) + "\n")
    done = cli(home, "analyze", str(path), "--json")
    result = json.loads(done.stdout)
    assert done.returncode == 0 and result["error_counts"] == {code: 1}
    assert result["errors"][0]["line"] == 2


def test_valid_tool_calls_still_pass(home, tmp_path):
    record = {
        "messages": [
            {"role": "user", "content": "weather?"},
            {
                "role": "assistant",
                "tool_calls": [
                    {"id": "c1", "type": "function", "function": {"name": "get", "arguments": '{"q": 1}'}}
                ],
            },
            {"role": "tool", "tool_call_id": "c1", "content": "sunny"},
            {"role": "assistant", "content": "Sunny."},
        ],
        "tools": [{"type": "function", "function": {"name": "get", "parameters": {"type": "object"}}}],
    }
    path = tmp_path / "ok.jsonl"
    path.write_text(json.dumps(record) + "\n")
    done = cli(home, "analyze", str(path), "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["error_count"] == 0


# ------------------------------------------------------------------------------------------- state files


def _rates_file(home: Path) -> Path:
    return home / "exchange_rates.toml"


def _kept(home: Path, name: str) -> list[Path]:
    return sorted(home.glob(f"{name}.broken-*"))


@pytest.mark.parametrize("damage", ["byte", "truncated", "folder"])
def test_rates_set_never_loses_a_damaged_rates_file(home, damage):
    path = _rates_file(home)
    rates = ExchangeRates()
    for code, value in (("JPY", "150"), ("EUR", "0.9"), ("GBP", "0.8")):
        rates.set(code, value)
    rates.save(path)
    data = bytearray(path.read_bytes())
    if damage == "byte":
        data[data.index(b"JPY]") + 12] = 0xFF
        path.write_bytes(bytes(data))
    elif damage == "truncated":
        data = data[: len(data) * 2 // 3]
        path.write_bytes(bytes(data))
    else:
        path.unlink()
        path.mkdir()
    done = cli(home, "rates", "set", "CHF", "0.88")
    assert done.returncode == 0
    kept = _kept(home, path.name)
    assert len(kept) == 1 and str(kept[0]) in done.stderr.decode()
    if damage != "folder":
        assert kept[0].read_bytes() == bytes(data)
    listed = json.loads(cli(home, "rates", "list", "--json").stdout)
    codes = {r["currency"] for r in listed}
    assert "CHF" in codes and (damage == "folder" or "EUR" in codes)
    again = cli(home, "rates", "set", "SEK", "10")
    assert again.returncode == 0 and b"kept" not in again.stderr  # told once


def test_currency_error_names_the_broken_rates_file(home, sample):
    path = _rates_file(home)
    home.mkdir(parents=True)
    path.write_bytes(b"[rates.EUR]\nper_usd = \xff\n")
    done = cli(home, "estimate", str(sample), "--currency", "EUR")
    assert done.returncode == 2 and str(path) in done.stderr.decode().strip().splitlines()[-1]


def test_parallel_cli_writers_lose_no_rate(home):
    from ftplanner.core.money import ISO_4217

    codes = sorted(ISO_4217 - {"USD"})[:12]
    loops = [" ; ".join(f"$FT rates set {code} 2 >/dev/null" for code in codes[i::4]) for i in range(4)]
    done = cli(home, shell=" & ".join(f"( {loop} )" for loop in loops) + " ; wait")
    assert done.returncode == 0
    listed = json.loads(cli(home, "rates", "list", "--json").stdout)
    assert sorted(r["currency"] for r in listed) == codes


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_rates_set_into_a_read_only_folder_is_one_line(home):
    assert cli(home, "rates", "set", "JPY", "150").returncode == 0
    before = _rates_file(home).read_bytes()
    (home / "exchange_rates.toml.lock").unlink()
    home.chmod(0o500)
    try:
        if os.geteuid() == 0:
            pytest.skip("root writes anywhere")
        done = cli(home, "rates", "set", "EUR", "0.9")
    finally:
        home.chmod(0o700)
    assert done.returncode == 1 and "permission denied" in one_line(done)
    assert _rates_file(home).read_bytes() == before


# ------------------------------------------------------------------------------------------------ arguments


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["estimate", "--epochs", "0"], "--epochs: must be at least 1"),
        (["roi", "--draws", "1e5"], "--draws"),
        (["analyze"], "required"),
    ],
)
def test_argument_errors_are_one_line(home, args, expected):
    done = cli(home, *args)
    assert done.returncode == 2 and expected in one_line(done)


# ------------------------------------------------------------------------------------- options and plans


def test_non_finite_shares_are_refused_in_one_line(home, sample):
    for option in ("--cached-share", "--batch-share"):
        done = cli(home, "estimate", str(sample), option, "nan")
        assert done.returncode == 2 and f"{option}: expected a fraction 0-1" in one_line(done)


def test_huge_roi_amount_is_refused_with_the_key(home, tmp_path):
    lines = [
        "schema = 1",
        'name = "huge"',
        "horizon_months = 12",
        "discount_rate_annual = 0.08",
        "[[costs]]",
        'name = "big"',
        'kind = "one_off"',
        "amount = 1e20",
    ]
    path = tmp_path / "huge.toml"
    path.write_text("\n".join(lines) + "\n")
    done = cli(home, "roi", str(path), "--draws", "100")
    assert done.returncode == 2 and "Costs, line 1: amount: must be at most" in one_line(done)


def _plan(tmp_path: Path, name: str, change, text: str | None = None) -> Path:
    from ftplanner.cli.report import example_plan_path

    data = json.loads(example_plan_path().read_text())
    data["dataset"] = str(tmp_path / "gone.jsonl")  # the stored summary is used
    change(data)
    path = tmp_path / f"{name}.ftplan"
    path.write_text(text if text is not None else json.dumps(data))
    return path


def _set(*keys_and_value):
    *keys, value = keys_and_value

    def change(data):
        for key in keys[:-1]:
            data = data[key]
        data[keys[-1]] = value

    return change


@pytest.mark.parametrize(
    ("name", "change", "expected"),
    [
        (
            "traffic_huge",
            _set("traffic", "requests_per_month", 1e300),
            "traffic.requests_per_month: out of range",
        ),
        ("amount_huge", lambda d: d["scenario"]["costs"][0].update(amount=1e300), "amount: must be at most"),
        (
            "summary_text",
            _set("dataset_summary", "o200k_base", "examples", "many"),
            "examples: expected a whole number",
        ),
        (
            "summary_huge",
            _set("dataset_summary", "o200k_base", "total_tokens", 1e40),
            "total_tokens: expected a whole number",
        ),
        (
            "summary_negative",
            _set("dataset_summary", "o200k_base", "billing_tokens_per_epoch", -5000),
            "billing_tokens_per_epoch: must be between 0",
        ),
        ("schema_text", _set("schema", "1"), 'schema: expected the whole number 1, found "1"'),
        ("name_huge", _set("name", "x" * 1_000_000), "name: text longer than"),
        (
            "scenario_name_long",
            _set("scenario", "name", "y" * 5_000),
            "ROI scenario: Name: longer than 2,000",
        ),
    ],
)
def test_hostile_plans_are_refused_naming_the_field(home, tmp_path, name, change, expected):
    done = cli(home, "report", str(_plan(tmp_path, name, change)), "--json", "--draws", "100")
    assert done.returncode == 2 and expected in one_line(done)


def test_infinity_and_deep_nesting_in_plans_are_refused(home, tmp_path):
    infinite = _plan(tmp_path, "inf", lambda d: None)
    infinite.write_text(
        infinite.read_text().replace('"requests_per_month": 20000', '"requests_per_month": Infinity')
    )
    done = cli(home, "report", str(infinite), "--json")
    assert done.returncode == 2 and "traffic.requests_per_month: Infinity" in one_line(done)
    nested = tmp_path / "nested.ftplan"
    nested.write_text("[" * 100_000)
    done = cli(home, "report", str(nested), "--json")
    assert done.returncode == 2 and "nested more than" in one_line(done)


# ------------------------------------------------------------------------------------------------ full disk


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 20 KB tmpfs (root only; skipped elsewhere)."""
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mount = tmp_path / "small"
    mount.mkdir()
    if subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=20k", "tmpfs", str(mount)], capture_output=True
    ).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_pdf_and_csv_on_a_full_disk_are_absent_and_exit_1(home, small_disk):
    from ftplanner.cli.report import example_plan_path

    pdf = cli(home, "report", str(example_plan_path()), "--out", str(small_disk / "r.pdf"), "--draws", "100")
    assert pdf.returncode == 1 and "disk is full" in one_line(pdf)
    (small_disk / "fill").write_bytes(b"\0" * 19 * 1024)
    csv = cli(
        home,
        "report",
        str(example_plan_path()),
        "--csv-cashflows",
        str(small_disk / "c.csv"),
        "--draws",
        "100",
    )
    assert csv.returncode == 1 and "nothing was written" in one_line(csv)
    assert sorted(p.name for p in small_disk.iterdir()) == ["fill"]


def test_rates_set_on_a_full_disk_keeps_the_old_file(small_disk):
    home = small_disk
    assert cli(home, "rates", "set", "JPY", "150").returncode == 0
    before = _rates_file(home).read_bytes()
    with open(home / "fill", "wb", buffering=0) as fill:  # take every free block
        try:
            while True:
                fill.write(b"\0" * 4096)
        except OSError:
            pass
    done = cli(home, "rates", "set", "EUR", "0.9")
    assert done.returncode == 1 and "the disk is full" in one_line(done)
    assert _rates_file(home).read_bytes() == before
    assert not list(home.glob(".exchange_rates.toml.*.tmp"))


# ------------------------------------------------------------------------------------------------ job store


def _store(home: Path) -> Path:
    import sqlite3

    from ftplanner.jobs.store import STORE_FILE_NAME, JobStore

    path = home / STORE_FILE_NAME
    with JobStore(path):
        pass
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


def _garble_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[2 * 4096 : 2 * 4096 + 200] = b"A" * 200
    path.write_bytes(bytes(data))


def _foreign(path: Path) -> None:
    import sqlite3

    path.unlink()
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE launches (x)")
    conn.close()


def _bad_row(path: Path) -> None:
    import sqlite3

    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO jobs (job_id, provider, status, trained_tokens, actual_cost)"
            " VALUES ('ftjob-1', 'openai', 'running', 'many', 'lots')"
        )
    conn.close()


def _folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (_garble_page, "the job store is damaged"),
        (_foreign, "is not an FT Planner job store"),
        (_bad_row, "jobs.trained_tokens = 'many'"),
        (_folder, "is a folder, not the job store"),
    ],
)
def test_damaged_job_store_is_one_line_and_left_as_it_was(home, damage, expected):
    path = _store(home)
    damage(path)
    before = path.read_bytes() if path.is_file() else None
    for args in (["jobs", "list"], ["jobs", "list", "--json"]):
        done = cli(home, *args)
        assert done.returncode == 2 and expected in one_line(done)
    if before is not None:
        assert path.read_bytes() == before


def test_profiles_add_with_a_folder_in_the_way_is_one_line(capsys):
    from ftplanner.cli import main
    from ftplanner.jobs.profiles import profiles_path

    profiles_path().mkdir(parents=True)
    code = main(["jobs", "profiles", "add", "g", "--kind", "generic", "--base-url", "http://127.0.0.1:9/v1"])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "a folder is in the way" in err
    assert str(profiles_path()) in err and profiles_path().is_dir()


# ------------------------------------------------------------------------------------ job store, read-only


def _store_with_a_job(home: Path) -> Path:
    import sqlite3

    from ftplanner.jobs.store import STORE_FILE_NAME, JobStore

    path = home / STORE_FILE_NAME
    with JobStore(path) as store:
        client = store.record_launch(
            profile="p", provider="openai", model="gpt-4o-mini-2024-07-18", training_file="train.jsonl"
        )
        store.attach_job(client, "ftjob-done")
        store.upsert_job(
            "ftjob-done",
            provider="openai",
            status="succeeded",
            model="gpt-4o-mini-2024-07-18",
            trained_tokens=1000,
        )
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


def _state(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


READING = (
    ["jobs", "list"],
    ["jobs", "list", "--json"],
    ["jobs", "show", "ftjob-done"],
    ["jobs", "show", "ftjob-done", "--offline", "--json"],
)


def test_reading_commands_without_a_store_create_nothing(home):
    home.mkdir(parents=True)
    done = cli(home, "jobs", "list")
    assert done.returncode == 0 and "No jobs yet" in done.stdout.decode()
    assert json.loads(cli(home, "jobs", "list", "--json").stdout) == []
    unknown = cli(home, "jobs", "show", "ftjob-x")
    assert unknown.returncode == 2 and "not launched from here" in one_line(unknown)
    assert list(home.iterdir()) == []


def test_reading_commands_leave_the_store_file_as_it_was(home):
    path = _store_with_a_job(home)
    before = _state(path)
    for args in READING:
        done = cli(home, *args)
        assert done.returncode == 0 and b"ftjob-done" in done.stdout, args
        assert _state(path) == before, args


def test_an_older_store_is_read_without_being_migrated(home):
    import sqlite3

    from ftplanner.jobs.store import MIGRATIONS, STORE_FILE_NAME

    path = home / STORE_FILE_NAME
    home.mkdir(parents=True)
    with sqlite3.connect(path) as conn:
        for statement in MIGRATIONS[0]:
            conn.execute(statement)
        conn.execute("INSERT INTO jobs (job_id, provider, status) VALUES ('ftjob-old', 'openai', 'failed')")
        conn.execute("PRAGMA user_version = 1")
    conn.close()
    before = _state(path)
    listed = json.loads(cli(home, "jobs", "list", "--json").stdout)
    assert [r["id"] for r in listed] == ["ftjob-old"]
    assert _state(path) == before


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
@pytest.mark.parametrize("what", ["folder", "file"])
def test_reading_commands_work_on_a_read_only_store(home, what):
    path = _store_with_a_job(home)
    target = home if what == "folder" else path
    target.chmod(0o500 if what == "folder" else 0o400)
    try:
        if os.geteuid() == 0:
            pytest.skip("root reads and writes anywhere")
        before = _state(path)
        for args in READING:
            done = cli(home, *args)
            assert done.returncode == 0 and b"ftjob-done" in done.stdout, (args, done.stderr)
        assert _state(path) == before
    finally:
        target.chmod(0o700 if what == "folder" else 0o600)


def test_reading_commands_work_on_a_read_only_disk(home, tmp_path):
    """A store on a read-only mount (root only: permissions do not stop root, a read-only mount does)."""
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    source = _store_with_a_job(home)
    mount = tmp_path / "ro"
    mount.mkdir()
    if subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True
    ).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        (mount / source.name).write_bytes(source.read_bytes())
        assert subprocess.run(["mount", "-o", "remount,ro", str(mount)], capture_output=True).returncode == 0
        for args in READING:
            done = cli(mount, *args)
            assert done.returncode == 0 and b"ftjob-done" in done.stdout, (args, done.stderr)
        assert (mount / source.name).read_bytes() == source.read_bytes()
        assert sorted(p.name for p in mount.iterdir()) == [source.name]
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)
