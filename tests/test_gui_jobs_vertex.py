"""The Jobs page with a Google Vertex AI profile: the profile dialog shows Vertex's fields and no key, and a
launch goes through the real SDKs to the loopback fake, is tracked to the tuned endpoint, and a running job is
cancelled."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from fake_vertex import (
    CREATE,
    GCS_URI,
    LOCATION,
    PREFIX,
    PROJECT,
    FakeVertex,
    fake_vertex_fixture,  # noqa: F401  (fixture)
    service_account_file,
)
from ftplanner.gui.pages.jobs_dialogs import ProfileDialog
from ftplanner.jobs import profiles
from test_gui_jobs import accept_launch, job_status, make_page
from test_provider_vertex import _no_google_environment  # noqa: F401  (autouse fixture)

MODEL = "vertex/gemini-2.5-flash"


def test_the_profile_dialog_asks_vertex_for_its_fields_and_no_key(qtbot, tmp_path: Path) -> None:
    dialog = ProfileDialog()
    qtbot.addWidget(dialog)
    dialog.set_kind("vertex")
    dialog.show()
    shown = {name for name, line in dialog.fields.items() if line.isVisible()}
    assert shown == {"base_url", "project", "location", "gcs_uri", "credentials_file", "adapter_size"}
    assert not dialog.key.isVisible() and not dialog.keyring_note.isVisible()
    assert dialog.fields["project"].placeholderText() == "leave empty to use GOOGLE_CLOUD_PROJECT"
    dialog.name.setText("gemini")
    dialog.fields["gcs_uri"].setText("s3://wrong")
    dialog.accept()
    assert dialog.error.isVisible() and "gs://BUCKET/PREFIX" in dialog.error.text()
    dialog.fields["gcs_uri"].setText(GCS_URI)
    dialog.fields["credentials_file"].setText(str(tmp_path / "key.json"))
    dialog.fields["adapter_size"].setText("4")
    profile = dialog.checked()
    assert profile.kind == "vertex" and profile.value("gcs_uri") == GCS_URI
    assert profile.value("credentials_file") == str(tmp_path / "key.json")
    dialog.grab().save(str(tmp_path / "vertex-profile.png"))


@pytest.fixture
def vertex_page(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_vertex: FakeVertex):
    key_file = service_account_file(tmp_path / "sa.json", fake_vertex)
    profiles.add_profile(
        {
            "name": "gv",
            "kind": "vertex",
            "base_url": fake_vertex.base_url,
            "project": PROJECT,
            "location": LOCATION,
            "gcs_uri": GCS_URI,
            "credentials_file": str(key_file),
        }
    )
    monkeypatch.setenv("STORAGE_EMULATOR_HOST", fake_vertex.base_url)
    page = make_page(qtbot, tmp_path)
    page.document.plan.models = [MODEL]
    page.profiles_panel.reload()
    page.form.prefill(page.document, page.context.catalog)
    page.form.profile.setCurrentIndex(page.form.profile.findText("gv"))
    assert page.form.model.currentData() == MODEL
    yield page
    page.shutdown()


def test_launch_on_vertex_tracks_the_job_to_its_tuned_endpoint(
    qtbot, vertex_page, monkeypatch, fake_vertex: FakeVertex
) -> None:
    page = vertex_page
    accept_launch(monkeypatch)
    page.form.review_button.click()
    qtbot.waitUntil(lambda: page.jobs_model.rowCount() == 1, timeout=60_000)
    job_id = page.jobs_model.row(0).job.job_id
    qtbot.waitUntil(lambda: job_status(page, job_id) == "succeeded", timeout=60_000)
    assert len(fake_vertex.seen(*CREATE)) == 1 and len(fake_vertex.jobs) == 1
    assert len(fake_vertex.objects(PREFIX)) == 1
    job = page.jobs_model.row(0).job
    assert job.fine_tuned_model and job.fine_tuned_model.startswith(f"projects/{PROJECT}/locations/")
    page.select_job(job_id)
    assert page.detail.fine_tuned.text() == job.fine_tuned_model
    page.grab().save(str(Path(page.store_path).parent / "vertex-jobs.png"))


def test_a_running_vertex_job_is_cancelled_from_the_page(
    qtbot, vertex_page, monkeypatch, fake_vertex: FakeVertex, dialogs
) -> None:
    page = vertex_page
    fake_vertex.script = (("JOB_STATE_PENDING", None), ("JOB_STATE_RUNNING", "TUNING_JOB_STATE_TUNING"))
    accept_launch(monkeypatch)
    page.form.review_button.click()
    qtbot.waitUntil(lambda: page.jobs_model.rowCount() == 1, timeout=60_000)
    job_id = page.jobs_model.row(0).job.job_id
    qtbot.waitUntil(lambda: job_status(page, job_id) == "running", timeout=60_000)
    page.select_job(job_id)
    dialogs.answers["question"] = QMessageBox.StandardButton.Yes
    page.detail.cancel_button.click()
    qtbot.waitUntil(lambda: job_status(page, job_id) == "cancelled", timeout=60_000)
    assert fake_vertex.jobs[job_id]["state"] == "JOB_STATE_CANCELLED"
