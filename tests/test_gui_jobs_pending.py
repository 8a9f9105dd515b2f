"""Pending launches in the Jobs page's table, and settling them from the page (what `jobs recover` does),
under pytest-qt against the loopback fake OpenAI server."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from fake_openai import FakeOpenAI, fake_openai_fixture  # noqa: F401  (fixture)
from ftplanner.gui.pages import jobs as jobs_page
from ftplanner.gui.pages.jobs import JobsPage
from ftplanner.jobs import profiles
from ftplanner.jobs.launch import CLIENT_ID_KEY, upload_name
from ftplanner.jobs.store import JobStore
from ftplanner.providers.base import JobRequest
from gui_helpers import screenshot, wait_idle
from test_gui_jobs import make_page, store_profile
from test_jobs_launch import CREATE, LIST, write_dataset

MODEL_ID = "gpt-4.1-mini-2025-04-14"


def ready_page(qtbot, tmp_path: Path) -> JobsPage:
    """A page whose start-up round is over (it settles pending launches once, at start)."""
    page = make_page(qtbot, tmp_path)
    qtbot.waitUntil(lambda: page.poller.timer.isActive(), timeout=10_000)
    wait_idle(qtbot, page.poller)
    return page


def interrupted_launches(tmp_path: Path) -> tuple[str, str, str, str]:
    """Two launches cut off after the server acted: one whose job exists, one with only its file uploaded.
    Returns (launch with a job, its job id, launch without one, its file id)."""
    provider = profiles.provider_for("fake")
    with JobStore() as store:
        created_launch = store.record_launch(
            profile="fake", provider="openai", model=MODEL_ID, training_file=str(tmp_path / "a.jsonl")
        )
        path = write_dataset(tmp_path / "a.jsonl")
        file_id = provider.upload_file(path, filename=upload_name(path, created_launch)).id
        job = provider.create_job(JobRequest(MODEL_ID, file_id, metadata={CLIENT_ID_KEY: created_launch}))
        store.record_uploads(created_launch, file_id)
        orphan_launch = store.record_launch(
            profile="fake", provider="openai", model=MODEL_ID, training_file=str(tmp_path / "b.jsonl")
        )
        orphan_path = write_dataset(tmp_path / "b.jsonl", n=12)
        orphan_file = provider.upload_file(orphan_path, filename=upload_name(orphan_path, orphan_launch)).id
        assert len(store.pending_launches()) == 2
    return created_launch, job.id, orphan_launch, orphan_file


def pending_rows(page: JobsPage) -> list:
    return [row for row in page.jobs_model.rows() if row.pending is not None]


def cell(page: JobsPage, row: int, column: int, role=Qt.ItemDataRole.DisplayRole) -> str:
    return page.jobs_model.data(page.jobs_model.index(row, column), role)


def test_pending_launches_are_listed_and_checking_settles_them(
    qtbot, tmp_path, fake_openai: FakeOpenAI, dialogs
) -> None:
    store_profile(fake_openai)
    page = ready_page(qtbot, tmp_path)
    try:
        with_job, job_id, orphan, orphan_file = interrupted_launches(tmp_path)
        page.reload()
        assert len(pending_rows(page)) == 2 and page.pending_bar.isVisible()
        assert page.recover_button.isEnabled() and "Pending launches: 2." in page.pending_label.text()
        assert cell(page, 0, 0) == "Launch of a.jsonl" and cell(page, 0, 2) == "pending"
        assert cell(page, 0, 1) == MODEL_ID and cell(page, 0, 3) != "—"  # since when
        tip = cell(page, 0, 0, Qt.ItemDataRole.ToolTipRole)
        assert with_job in tip and "profile fake" in tip and "a.jsonl" in tip and "uploaded as file-" in tip
        tip = cell(page, 1, 0, Qt.ItemDataRole.ToolTipRole)  # its upload's answer was lost: not known here
        assert orphan in tip and "b.jsonl (not uploaded)" in tip
        assert page.selected_job() is None  # nothing to detail yet: no job is known
        page.jobs_view.selectRow(1)  # its details say what is known of it
        assert page.detail.title.text() == "Pending launch of b.jsonl on profile fake"
        assert "not uploaded" in page.detail.costs.text()
        assert not page.detail.cancel_button.isEnabled()
        screenshot(page, "jobs_pending_launches")

        qtbot.mouseClick(page.recover_button, Qt.MouseButton.LeftButton)
        assert page.recover_runner.busy and not page.recover_button.isEnabled()
        wait_idle(qtbot, page.recover_runner)
        assert not pending_rows(page) and not page.pending_bar.isVisible()
        text = page.message.text()
        assert f"attached job {job_id}" in text and f"launch {orphan}: no job was created" in text
        assert page.selected_job() == job_id
        with JobStore() as store:
            assert store.launch(with_job).job_id == job_id
            assert store.launch(orphan).closed_reason and not store.pending_launches()
        assert orphan_file not in fake_openai.files and len(fake_openai.jobs) == 1
        assert len(fake_openai.seen(*CREATE)) == 1  # nothing created again
        qtbot.waitUntil(lambda: page.jobs_model.row_of(job_id) >= 0, timeout=10_000)
    finally:
        page.shutdown()


def test_a_launch_that_cannot_be_checked_stays_pending_and_says_why(
    qtbot, tmp_path, monkeypatch, fake_openai: FakeOpenAI, dialogs
) -> None:
    store_profile(fake_openai)
    page = ready_page(qtbot, tmp_path)
    monkeypatch.setattr(jobs_page, "RECONCILE_SECONDS", 2.0)
    try:
        with_job, job_id, orphan, _ = interrupted_launches(tmp_path)
        page.reload()
        fake_openai.fail(*LIST, times=20, status=429, retry_after="3600")  # longer than the bounded wait
        page.check_pending()
        wait_idle(qtbot, page.recover_runner)
        text = page.message.text()
        assert "could not check, it stays pending" in text and "429" in text
        assert "color" in page.message.styleSheet()  # shown as a problem
        assert len(pending_rows(page)) == 2 and page.recover_button.isEnabled()
        with JobStore() as store:
            assert {p.client_id for p in store.pending_launches()} == {with_job, orphan}
        fake_openai._faults.clear()  # the provider answers again
        page.check_pending()  # one job, attached
        wait_idle(qtbot, page.recover_runner)
        assert not pending_rows(page) and f"attached job {job_id}" in page.message.text()
    finally:
        page.shutdown()


def test_a_profile_without_a_key_is_said_and_its_launch_stays_pending(
    qtbot, tmp_path, fake_openai: FakeOpenAI, dialogs
) -> None:
    store_profile(fake_openai)
    page = ready_page(qtbot, tmp_path)
    try:
        with JobStore() as store:
            store.record_launch(profile="gone", provider="openai", model=MODEL_ID, training_file="c.jsonl")
        page.reload()
        page.check_pending()
        wait_idle(qtbot, page.recover_runner)
        assert "launch gone: could not check" in page.message.text()
        assert len(pending_rows(page)) == 1
    finally:
        page.shutdown()
