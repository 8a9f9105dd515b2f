"""The Jobs page with a Nebius profile: a launch tracked to the end shows the checkpoints to deploy (Nebius
makes no fine-tuned model of its own), and a running job is cancelled, against the loopback fake."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from fake_nebius import API_KEY, FakeNebius, fake_nebius_fixture  # noqa: F401  (fixture)
from ftplanner.core.catalog import load_catalog
from ftplanner.jobs import profiles, secrets
from test_cli_jobs_nebius import MODEL, _nebius_catalog_and_key  # noqa: F401  (fixture)
from test_gui_jobs import TODAY, accept_launch, job_status, make_page

KEY = f"nebius/{MODEL}"


def test_launch_tracks_to_its_checkpoints_and_a_second_job_is_cancelled(
    qtbot, tmp_path: Path, monkeypatch, fake_nebius: FakeNebius, dialogs
) -> None:
    profiles.add_profile({"name": "nb", "kind": "nebius", "base_url": fake_nebius.base_url})
    secrets.save_key("nb", API_KEY)
    page = make_page(qtbot, tmp_path, interval=0.05)
    try:
        page.context.catalog = load_catalog(today=TODAY)
        page.document.plan.models = [KEY]
        page.profiles_panel.reload()
        page.form.prefill(page.document, page.context.catalog)
        page.form.profile.setCurrentIndex(page.form.profile.findText("nb"))
        form = page.form
        assert form.model.currentData() == KEY
        assert form.form.isRowVisible(form.lora) and not form.form.isRowVisible(form.beta)
        form.lora.setCurrentIndex(form.lora.findData(True))
        form.lora_rank.setValue(8)
        accept_launch(monkeypatch)
        form.review_button.click()
        qtbot.waitUntil(lambda: page.jobs_model.rowCount() == 1, timeout=30_000)
        job_id = page.jobs_model.row(0).job.job_id
        sent = fake_nebius.seen("POST", "/fine_tuning/jobs")[0].json()
        assert sent["hyperparameters"]["lora"] is True and sent["hyperparameters"]["lora_r"] == 8
        qtbot.waitUntil(lambda: job_status(page, job_id) == "succeeded", timeout=30_000)
        page.select_job(job_id)
        qtbot.waitUntil(lambda: page.detail.checkpoints_model.rowCount() == 2, timeout=10_000)
        assert (
            page.detail.fine_tuned.text() == "" and "checkpoint" in page.detail.fine_tuned.placeholderText()
        )

        fake_nebius.script = ("validating_files", "running")
        form.review_button.click()
        qtbot.waitUntil(lambda: page.jobs_model.rowCount() == 2, timeout=30_000)
        (second,) = [j for j in fake_nebius.jobs if j != job_id]
        qtbot.waitUntil(lambda: job_status(page, second) == "running", timeout=30_000)
        page.select_job(second)
        assert page.detail.cancel_button.isEnabled() and not page.detail.pause_button.isEnabled()
        dialogs.answers["question"] = QMessageBox.StandardButton.Yes
        page.detail.cancel_button.click()
        qtbot.waitUntil(lambda: job_status(page, second) == "cancelled", timeout=30_000)
        assert len(fake_nebius.jobs) == 2 and len(fake_nebius.files) == 2
    finally:
        page.shutdown()
