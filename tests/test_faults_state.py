"""Provider profiles and plan autosaves under faults: damaged files kept aside (never overwritten) with the
user told once, no lost update between processes, full disks and read-only folders as one clear line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ftplanner.core import plan as plans
from ftplanner.core import statefile
from ftplanner.core.errors import WriteFailed
from ftplanner.jobs import profiles

PYTHON = [sys.executable, "-m", "ftplanner"]
GENERIC = ["--kind", "generic", "--base-url", "http://127.0.0.1:9/v1"]


def cli(home: Path, *args: str, shell: str | None = None) -> subprocess.CompletedProcess:
    """``ftplanner ARGS`` (or a bash line using ``$FT``) in a subprocess with its own user data folder."""
    env = {
        **os.environ,
        "FTPLANNER_HOME": str(home),
        "FT": " ".join(PYTHON),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    command = ["bash", "-c", shell] if shell else [*PYTHON, *args]
    done = subprocess.run(command, capture_output=True, env=env, timeout=300)
    assert b"Traceback" not in done.stderr, done.stderr.decode(errors="replace")
    return done


def listed(home: Path) -> list[str]:
    done = cli(home, "jobs", "profiles", "list", "--json")
    assert done.returncode == 0, done.stderr
    return [row["name"] for row in json.loads(done.stdout)]


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def _three_profiles(home: Path) -> Path:
    for name in ("alpha", "beta", "gamma"):
        assert cli(home, "jobs", "profiles", "add", name, *GENERIC).returncode == 0
    return home / profiles.PROFILES_FILE_NAME


def _byte(data: bytes) -> bytes:
    spot = data.index(b'"beta"') + 2
    return data[:spot] + b"\xff" + data[spot + 1 :]


def _cut(data: bytes) -> bytes:
    return data[: data.index(b'"gamma"') + 20]


def _bad_entry(data: bytes) -> bytes:
    return data.replace(b'"kind": "generic"', b'"kind": "nonsense"', 1)


@pytest.mark.parametrize(
    ("damage", "kept_names"),
    [(_byte, {"alpha", "gamma"}), (_cut, {"alpha", "beta"}), (_bad_entry, {"beta", "gamma"})],
)
def test_a_damaged_profiles_file_is_kept_aside_and_the_readable_profiles_stay(home, damage, kept_names):
    path = _three_profiles(home)
    broken = damage(path.read_bytes())
    path.write_bytes(broken)

    reading = cli(home, "jobs", "profiles", "list", "--json")
    assert reading.returncode == 0 and {r["name"] for r in json.loads(reading.stdout)} == kept_names
    assert "cannot read the profiles in full" in reading.stderr.decode()
    assert path.read_bytes() == broken  # a reading command never rewrites it

    done = cli(home, "jobs", "profiles", "add", "delta", *GENERIC)
    assert done.returncode == 0, done.stderr
    kept = sorted(home.glob("profiles.json.broken-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == broken
    told = done.stderr.decode()
    assert (
        told.count(str(kept[0])) == 1
        and "profiles recovered from it: " + ", ".join(sorted(kept_names)) in told
    )
    assert set(listed(home)) == kept_names | {"delta"}

    again = cli(home, "jobs", "profiles", "add", "epsilon", *GENERIC)
    assert again.returncode == 0 and again.stderr == b""  # told once
    assert len(list(home.glob("profiles.json.broken-*"))) == 1


def test_parallel_profile_writers_lose_no_profile(home):
    names = [f"p{i}" for i in range(8)]
    loops = [
        " ; ".join(f"$FT jobs profiles add {n} {' '.join(GENERIC)} >/dev/null" for n in names[i::4])
        for i in range(4)
    ]
    done = cli(home, shell=" & ".join(f"( {loop} )" for loop in loops) + " ; wait")
    assert done.returncode == 0 and done.stderr == b""
    assert sorted(listed(home)) == sorted(names)


def test_keys_stay_in_the_keyring_even_through_a_kept_aside_file(_test_keyring):
    profiles.add_profile({"name": "one", "kind": "openai"})
    assert profiles.set_key("one", "sk-test-secret-1234") is True
    path = profiles.profiles_path()
    path.write_bytes(path.read_bytes()[:-5])
    notices: list[str] = []
    profiles.add_profile({"name": "two", "kind": "openai"}, notices=notices)
    (kept,) = path.parent.glob("profiles.json.broken-*")
    assert len(notices) == 1 and str(kept) in notices[0]
    for file in (path, kept):
        assert b"sk-test" not in file.read_bytes()
    assert "sk-test" not in notices[0]
    assert set(profiles.load_profiles()) == {"one", "two"}  # only the closing brackets were cut
    from ftplanner.jobs import secrets

    assert secrets.load_key("one", None) == "sk-test-secret-1234"


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_profiles_add_into_a_read_only_folder_is_one_line(home):
    path = _three_profiles(home)
    before = path.read_bytes()
    (home / "profiles.json.lock").unlink()
    home.chmod(0o500)
    try:
        if os.geteuid() == 0:
            pytest.skip("root writes anywhere")
        done = cli(home, "jobs", "profiles", "add", "delta", *GENERIC)
    finally:
        home.chmod(0o700)
    lines = done.stderr.decode().strip().splitlines()
    assert done.returncode == 1 and len(lines) == 1 and "permission denied" in lines[0]
    assert path.read_bytes() == before


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


def _fill(folder: Path) -> None:
    with open(folder / "fill", "wb", buffering=0) as fill:  # take every free block
        try:
            while True:
                fill.write(b"\0" * 4096)
        except OSError:
            pass


def test_profiles_add_on_a_full_disk_keeps_the_old_file(small_disk):
    path = _three_profiles(small_disk)
    before = path.read_bytes()
    _fill(small_disk)
    done = cli(small_disk, "jobs", "profiles", "add", "delta", *GENERIC)
    lines = done.stderr.decode().strip().splitlines()
    assert done.returncode == 1 and len(lines) == 1 and "the disk is full" in lines[0]
    assert path.read_bytes() == before and not list(small_disk.glob(".profiles.json.*"))


# ---------------------------------------------------------------------------------------------- autosaves


def test_autosave_on_a_full_disk_is_one_error_and_the_last_copy_stays(small_disk, monkeypatch):
    monkeypatch.setenv("FTPLANNER_HOME", str(small_disk))
    path = plans.autosave(plans.Plan(name="first"), "untitled")
    before = path.read_bytes()
    _fill(small_disk)
    with pytest.raises(WriteFailed) as failed:
        plans.autosave(plans.Plan(name="second", description="x" * 4000), "untitled")
    assert "the disk is full" in str(failed.value) and "\n" not in str(failed.value)
    assert path.read_bytes() == before and not list(path.parent.glob(".*.tmp"))
    assert [p.name for _, _, p in plans.recoverable()] == ["first"]


def test_autosave_with_a_folder_in_the_way_is_one_error():
    plans.autosave_dir().mkdir(parents=True)
    (plans.autosave_dir() / "untitled.ftplan").mkdir()
    with pytest.raises(WriteFailed, match="a folder is in the way"):
        plans.autosave(plans.Plan(), "untitled")


def test_a_damaged_autosave_is_kept_aside_and_told_once(tmp_path):
    told: list[str] = []
    stop = statefile.listen(told.append)
    try:
        good = plans.autosave(plans.Plan(name="good"), "/plans/good.ftplan")
        bad = plans.autosave(plans.Plan(name="bad"), "/plans/bad.ftplan")
        damaged = bad.read_bytes()[:-30]
        bad.write_bytes(damaged)
        assert [p.name for _, _, p in plans.recoverable()] == ["good"]
        (kept,) = plans.autosave_dir().glob("*.broken-*")
        assert kept.read_bytes() == damaged
        assert len(told) == 1 and str(kept) in told[0] and bad.name in told[0]
        plans.clear_autosaves()
        assert plans.recoverable() == [] and kept.read_bytes() == damaged and not good.exists()
        assert len(told) == 1
    finally:
        stop()


def test_parallel_autosaves_of_one_document_leave_a_whole_copy():
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        list(
            pool.map(
                lambda i: plans.autosave(plans.Plan(name=f"v{i}", description=f"{i}" * 2000), "untitled"),
                range(40),
            )
        )
    (found,) = plans.recoverable()
    assert found[2].description == found[2].name[1:] * 2000
