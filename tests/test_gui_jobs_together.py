"""The Jobs page with a Together profile: the provider's own quote is shown beside ours before the create."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from fake_together import API_KEY, FakeTogether, fake_together_fixture  # noqa: F401  (fixture)
from ftplanner.jobs import profiles, secrets
from ftplanner.jobs.store import JobStore
from test_gui_jobs import accept_launch, job_status, make_page

MODEL = "together/meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"
CREATE = ("POST", "/fine-tunes")


def _together_page(qtbot, tmp_path: Path, fake: FakeTogether):
    profiles.add_profile({"name": "tg", "kind": "together", "base_url": fake.base_url})
    secrets.save_key("tg", API_KEY)
    page = make_page(qtbot, tmp_path)
    page.document.plan.models = [MODEL]
    page.profiles_panel.reload()
    page.form.prefill(page.document, page.context.catalog)
    page.form.profile.setCurrentIndex(page.form.profile.findText("tg"))
    assert page.form.model.currentData() == MODEL
    return page


def test_quote_accepted_creates_the_job_and_keeps_the_quote(
    qtbot, tmp_path, monkeypatch, fake_together, dialogs
):
    page = _together_page(qtbot, tmp_path, fake_together)
    try:
        accept_launch(monkeypatch)
        dialogs.answers["question"] = QMessageBox.StandardButton.Yes
        page.form.review_button.click()
        qtbot.waitUntil(lambda: page.jobs_model.rowCount() == 1, timeout=30_000)
        kind, text = dialogs[-1]
        assert kind == "question" and "The provider estimates $" in text and "vs ours" in text
        job_id = page.jobs_model.row(0).job.job_id
        assert len(fake_together.seen(*CREATE)) == 1
        qtbot.waitUntil(lambda: job_status(page, job_id) == "succeeded", timeout=30_000)
        assert page.jobs_model.row(0).provider_estimate is not None
        assert "Provider's estimate: $" in page.detail.costs.text()
    finally:
        page.shutdown()


def test_quote_declined_creates_nothing_and_closes_the_launch(
    qtbot, tmp_path, monkeypatch, fake_together, dialogs
):
    page = _together_page(qtbot, tmp_path, fake_together)
    try:
        accept_launch(monkeypatch)  # the question is answered No by default
        page.form.review_button.click()
        qtbot.waitUntil(lambda: any(kind == "question" for kind, _ in dialogs), timeout=30_000)
        qtbot.waitUntil(lambda: not page.runner.busy, timeout=30_000)
        assert not fake_together.jobs and not fake_together.seen(*CREATE)
        with JobStore(page.store_path) as store:
            (closed,) = store.launches()
            assert (
                closed.closed_reason == "not confirmed after the provider's quote; uploaded file(s) deleted"
            )
        assert not fake_together.files  # no orphan upload
    finally:
        page.shutdown()
