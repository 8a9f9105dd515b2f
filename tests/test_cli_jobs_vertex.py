"""``ftplanner jobs … --provider vertex`` in a real process against the loopback fake: Application Default
Credentials from a service-account file whose token endpoint is the fake, Cloud Storage at the fake
(``STORAGE_EMULATOR_HOST``), launch → track to the end → cancel, and one job and one object per launch under
every fault. Nothing here can reach Google: the metadata server is pointed at a closed loopback port."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from fake_vertex import (
    CREATE,
    GCS_URI,
    ISSUED_TOKEN,
    LIST,
    LOCATION,
    PREFIX,
    PROJECT,
    UPLOAD,
    FakeVertex,
    fake_vertex_fixture,  # noqa: F401  (fixture)
    service_account_file,
)
from ftplanner.cli import main
from test_cli_jobs import TODAY
from test_jobs_killed import _env, _kill, _wait_for
from test_jobs_launch import write_dataset
from test_jobs_launch_vertex import TOOL_CALL_EXAMPLE
from test_provider_vertex import GOOGLE_VARIABLES

MODEL = "gemini-2.5-flash"
#: The keys `jobs show --json` (and `jobs launch --json`, with launched/plan/warnings) has for every provider.
JOB_KEYS = frozenset(
    "id provider profile model status raw_status trained_tokens estimated_cost provider_estimate actual_cost"
    " cost_error_percent cost_ratio overrun estimated_tokens price_per_mtok currency created_at finished_at"
    " estimated_finish fine_tuned_model error client_id checked_at".split()
)


@pytest.fixture
def key_file(fake_vertex: FakeVertex, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return service_account_file(tmp_path_factory.mktemp("credentials") / "sa.json", fake_vertex)


def google_env(fake: FakeVertex, key_file: Path | None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in _env().items() if k not in GOOGLE_VARIABLES}
    env.update(
        GOOGLE_CLOUD_PROJECT=PROJECT,
        GOOGLE_CLOUD_LOCATION=LOCATION,
        STORAGE_EMULATOR_HOST=fake.base_url,
        NO_GCE_CHECK="true",  # never ask a metadata server for credentials …
        GCE_METADATA_HOST="127.0.0.1:9",  # … and if anything did, it would meet a closed loopback port
        GCE_METADATA_IP="127.0.0.1:9",
    )
    if key_file is not None:
        env["GOOGLE_APPLICATION_CREDENTIALS"] = str(key_file)
    env.update(extra)
    return env


def ftplanner(env: dict[str, str], *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ftplanner", *argv], env=env, capture_output=True, text=True, timeout=180
    )


def launch_argv(fake: FakeVertex, train: Path, *extra: str) -> list[str]:
    return [
        "jobs", "launch", str(train), "--provider", "vertex", "--model", MODEL, "--gcs-uri", GCS_URI,
        "--base-url", fake.base_url, "--today", TODAY, *extra,
    ]  # fmt: skip


def one_job_one_object(fake: FakeVertex) -> None:
    assert len(fake.jobs) == 1 and len(fake.objects(PREFIX)) == 1, (list(fake.jobs), list(fake.files))


def no_secret_on_disk(home: Path, key_file: Path, *texts: str) -> None:
    private_key = json.loads(key_file.read_text())["private_key"]
    marker = private_key.splitlines()[1]  # a line of the key itself
    for path in home.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert ISSUED_TOKEN.encode() not in data and marker.encode() not in data, path
    for text in texts:
        assert ISSUED_TOKEN not in text and marker not in text


def test_launch_tracks_to_the_tuned_endpoint_with_adc(
    fake_vertex: FakeVertex, key_file: Path, tmp_path: Path, _isolated_home: Path
) -> None:
    env = google_env(fake_vertex, key_file)
    train = write_dataset(tmp_path / "train.jsonl", n=20)
    launched = ftplanner(env, *launch_argv(fake_vertex, train, "--yes", "--json", "--epochs", "2"))
    assert launched.returncode == 0, launched.stderr
    record = json.loads(launched.stdout)
    assert set(record) == {*JOB_KEYS, "launched", "plan", "warnings"}
    assert (
        record["provider"] == "vertex"
        and record["id"] in fake_vertex.jobs
        and record["status"] == "validating"
    )
    one_job_one_object(fake_vertex)
    assert fake_vertex.token_requests >= 1  # the key file's token endpoint (the fake) issued the token
    watched = ftplanner(env, "jobs", "watch", record["id"], "--interval", "0.01")
    assert watched.returncode == 0, watched.stderr
    assert "succeeded" in watched.stdout and "Tuning started" in watched.stdout
    shown = json.loads(ftplanner(env, "jobs", "show", record["id"], "--json").stdout)
    assert set(shown) == JOB_KEYS
    assert shown["status"] == "succeeded" and shown["raw_status"] == "JOB_STATE_SUCCEEDED"
    assert shown["fine_tuned_model"].startswith(f"projects/{PROJECT}/locations/{LOCATION}/endpoints/")
    assert shown["trained_tokens"] == fake_vertex.billable_tokens * 2 and shown["actual_cost"] is not None
    text = ftplanner(env, "jobs", "show", record["id"]).stdout
    assert f"Fine-tuned:     {shown['fine_tuned_model']}" in text
    no_secret_on_disk(_isolated_home, key_file, launched.stdout, launched.stderr, watched.stdout, text)


def test_cancel_a_running_job(fake_vertex: FakeVertex, key_file: Path, tmp_path: Path) -> None:
    env = google_env(fake_vertex, key_file)
    train = write_dataset(tmp_path / "train.jsonl")
    job_id = json.loads(ftplanner(env, *launch_argv(fake_vertex, train, "--yes", "--json")).stdout)["id"]
    cancelled = ftplanner(env, "jobs", "cancel", job_id)
    assert cancelled.returncode == 0, cancelled.stderr
    assert cancelled.stdout.strip() == f"Job {job_id}: cancelled"
    assert json.loads(ftplanner(env, "jobs", "show", job_id, "--json").stdout)["status"] == "cancelled"
    again = ftplanner(env, "jobs", "cancel", job_id)
    assert again.returncode == 1 and "cannot be cancelled" in again.stderr and again.stderr.count("\n") == 1


@pytest.mark.parametrize(
    "faults",
    [
        [(CREATE, {"drop_after": True}), (LIST, {"times": 3, "status": 429, "retry_after": "1"})],
        [(UPLOAD, {"status": 500})],
        [(UPLOAD, {"drop_after": True})],
        [(CREATE, {"status": 429, "retry_after": "1"})],
    ],
    ids=["dropped-create-then-429s", "500-on-upload", "upload-answer-lost", "429-on-create"],
)
def test_every_fault_ends_with_one_job_and_one_object(
    fake_vertex: FakeVertex, key_file: Path, tmp_path: Path, faults
) -> None:
    for (method, path), fault in faults:
        fake_vertex.fail(method, path, **fault)
    train = write_dataset(tmp_path / "train.jsonl")
    done = ftplanner(google_env(fake_vertex, key_file), *launch_argv(fake_vertex, train, "--yes", "--json"))
    assert done.returncode == 0, done.stderr
    one_job_one_object(fake_vertex)
    assert json.loads(done.stdout)["id"] in fake_vertex.jobs


def test_a_profile_stores_the_key_file_path_never_its_contents(
    fake_vertex: FakeVertex, key_file: Path, tmp_path: Path, _isolated_home: Path
) -> None:
    env = google_env(fake_vertex, None)  # no ADC: the profile's key file is the credential
    added = ftplanner(
        env, "jobs", "profiles", "add", "gemini", "--kind", "vertex", "--project", PROJECT, "--location",
        LOCATION, "--gcs-uri", GCS_URI, "--credentials-file", str(key_file), "--adapter-size", "4",
        "--base-url", fake_vertex.base_url,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    (listed,) = json.loads(ftplanner(env, "jobs", "profiles", "list", "--json").stdout)
    assert listed["credentials_file"] == str(key_file) and listed["gcs_uri"] == GCS_URI
    tested = ftplanner(env, "jobs", "profiles", "test", "gemini")
    assert tested.returncode == 0 and "connected" in tested.stdout, tested.stderr
    train = write_dataset(tmp_path / "train.jsonl")
    launched = ftplanner(
        env,
        "jobs",
        "launch",
        str(train),
        "--profile",
        "gemini",
        "--model",
        MODEL,
        "--today",
        TODAY,
        "--yes",
        "--json",
    )
    assert launched.returncode == 0, launched.stderr
    (sent,) = [r.json() for r in fake_vertex.seen(*CREATE)]
    assert sent["supervisedTuningSpec"]["hyperParameters"]["adapterSize"] == "ADAPTER_SIZE_FOUR"
    no_secret_on_disk(_isolated_home, key_file, launched.stdout, launched.stderr)


def test_unconvertible_lines_are_listed_and_nothing_is_sent(
    fake_vertex: FakeVertex, key_file: Path, tmp_path: Path
) -> None:
    train = write_dataset(tmp_path / "train.jsonl", n=5)
    with train.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(TOOL_CALL_EXAMPLE) + "\n")
    done = ftplanner(google_env(fake_vertex, key_file), *launch_argv(fake_vertex, train, "--yes"))
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert (
        "1 line(s) cannot be converted to Gemini's tuning format" in done.stderr and "line 6:" in done.stderr
    )
    assert [r.path for r in fake_vertex.requests if r.path != "/token"] == []


def test_without_credentials_the_message_says_how_to_get_them(
    fake_vertex: FakeVertex, tmp_path: Path
) -> None:
    env = google_env(fake_vertex, None, HOME=str(tmp_path), CLOUDSDK_CONFIG=str(tmp_path / "gcloud"))
    done = ftplanner(env, *launch_argv(fake_vertex, write_dataset(tmp_path / "train.jsonl"), "--yes"))
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "no Google Cloud credentials" in done.stderr and "application-default login" in done.stderr
    assert not fake_vertex.requests


def test_without_the_extra_installed_the_cli_says_how_to_install_it(
    capsys, monkeypatch: pytest.MonkeyPatch, fake_vertex: FakeVertex, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "google.genai", None)  # as when google-genai is not installed
    monkeypatch.setenv("GOOGLE_CLOUD_PROJECT", PROJECT)
    code = main([*launch_argv(fake_vertex, write_dataset(tmp_path / "train.jsonl"), "--yes")])
    err = capsys.readouterr().err
    assert code == 2 and 'pip install "ftplanner[vertex]"' in err and err.count("\n") == 1
    assert not fake_vertex.requests


def start(env: dict[str, str], *argv: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "ftplanner", *argv],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_killed_while_vertex_creates_then_relaunched_adopts_the_job(
    fake_vertex: FakeVertex, key_file: Path, tmp_path: Path
) -> None:
    env = google_env(fake_vertex, key_file)
    train = write_dataset(tmp_path / "train.jsonl")
    fake_vertex.fail(*CREATE, delay=60)  # the job is created, its answer held back
    process = start(env, *launch_argv(fake_vertex, train, "--yes"))
    _wait_for(lambda: bool(fake_vertex.jobs), process)
    _kill(process)
    again = ftplanner(env, *launch_argv(fake_vertex, train, "--yes", "--json"))
    assert again.returncode == 0, again.stderr
    assert "not starting a second one" in again.stderr
    one_job_one_object(fake_vertex)
    assert json.loads(again.stdout)["id"] == next(iter(fake_vertex.jobs))


def test_killed_before_vertex_processed_the_create_then_recovered_deletes_the_object(
    fake_vertex: FakeVertex, key_file: Path, tmp_path: Path
) -> None:
    env = google_env(fake_vertex, key_file)
    train = write_dataset(tmp_path / "train.jsonl")
    fake_vertex.fail(*CREATE, stall=60)  # held, never processed
    process = start(env, *launch_argv(fake_vertex, train, "--yes"))
    _wait_for(lambda: bool(fake_vertex.seen(*CREATE)), process)
    _kill(process)
    assert not fake_vertex.jobs and len(fake_vertex.objects(PREFIX)) == 1
    recovered = ftplanner(env, "jobs", "recover")
    assert recovered.returncode == 0, recovered.stderr
    assert "no job was created; uploaded file(s) deleted" in recovered.stdout
    assert not fake_vertex.files and not fake_vertex.jobs
