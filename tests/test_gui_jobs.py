"""Jobs page under pytest-qt against the loopback fake OpenAI server through the real openai SDK."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from fake_openai import API_KEY, FakeOpenAI, fake_openai_fixture  # noqa: F401  (fixture)
from ftplanner.core.catalog import load_catalog
from ftplanner.core.settings import Settings
from ftplanner.gui.context import AppContext
from ftplanner.gui.document import PlanDocument
from ftplanner.gui.pages import jobs_poller
from ftplanner.gui.pages.jobs import JobsPage
from ftplanner.gui.pages.jobs_dialogs import KeyDialog, LaunchConfirmDialog, ProfileDialog
from ftplanner.gui.pages.jobs_poller import backoff_delay
from ftplanner.jobs import profiles, secrets
from ftplanner.jobs.launch import CLIENT_ID_KEY, launch, prepare_launch
from ftplanner.jobs.store import JobStore, default_path
from ftplanner.jobs.tracker import track
from ftplanner.providers.base import JobRequest
from ftplanner.providers.openai_compat import OpenAICompatibleProvider, make_client
from gui_helpers import screenshot, wait_idle
from keyring_helpers import MemoryKeyring
from test_jobs_launch import CREATE, UPLOAD, write_dataset

TODAY = date(2026, 11, 29)
MODEL = "openai/gpt-4.1-mini-2025-04-14"


def store_profile(
    fake: FakeOpenAI, name: str = "fake", key: str = API_KEY, budget: str | None = None
) -> None:
    profiles.add_profile({"name": name, "kind": "generic", "base_url": fake.base_url, "budget_cap": budget})
    secrets.save_key(name, key)


def no_retries(name: str) -> OpenAICompatibleProvider:
    """The profile's provider without SDK retries (the page's own backoff is what is tested)."""
    connection = profiles.get_profile(name).connection()
    return OpenAICompatibleProvider(make_client(connection, API_KEY, 5, max_retries=0), connection)


def make_page(
    qtbot, tmp_path: Path, interval: float = 0.1, today: date = TODAY, provider_for=None
) -> JobsPage:
    document = PlanDocument()
    document.set_dataset(write_dataset(tmp_path / "train.jsonl"))
    document.plan.models = [MODEL]
    document.plan.epochs = 2
    context = AppContext(Settings())
    context.catalog = load_catalog(today=today)
    page = JobsPage(document, context, poll_interval=interval, provider_for=provider_for)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    return page


@pytest.fixture
def page(qtbot, tmp_path):
    widget = make_page(qtbot, tmp_path)
    yield widget
    widget.shutdown()


def accept_launch(monkeypatch) -> list[dict[str, str]]:
    """Confirm every launch dialog, recording what it showed."""
    shown: list[dict[str, str]] = []

    def exec_(dialog: LaunchConfirmDialog) -> int:
        shown.append(dict(dialog.values))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(LaunchConfirmDialog, "exec", exec_)
    return shown


def job_status(page: JobsPage, job_id: str) -> str | None:
    row = page.jobs_model.row_of(job_id)
    return page.jobs_model.row(row).job.status if row >= 0 else None


def launched_job(fake: FakeOpenAI, tmp_path: Path, profile: str = "fake") -> str:
    """A job launched headless into the default store (as the CLI would)."""
    entry = load_catalog(today=TODAY).get(MODEL)
    plan = prepare_launch(write_dataset(tmp_path / "headless.jsonl"), entry, today=TODAY)
    with JobStore() as store:
        return launch(plan, profiles.provider_for(profile), store, profile_name=profile).id


def assert_key_in_no_file(home: Path) -> None:
    for path in home.rglob("*"):
        if path.is_file():
            assert API_KEY.encode() not in path.read_bytes(), path


# -- profiles ---------------------------------------------------------------------------------------


def test_add_profile_through_the_dialog_keeps_the_key_in_the_keyring(
    qtbot, page, monkeypatch, fake_openai, _test_keyring: MemoryKeyring, _isolated_home: Path
):
    def fill(dialog: ProfileDialog) -> int:
        assert dialog.key.echoMode() == QLineEdit.EchoMode.Password
        dialog.name.setText("fake")
        dialog.set_kind("generic")
        assert dialog.header.isVisibleTo(dialog) and not dialog.resource.isVisibleTo(dialog)
        dialog.accept()  # no base URL yet: refused in the dialog
        assert (
            dialog.result() != QDialog.DialogCode.Accepted and "Base URL is required" in dialog.error.text()
        )
        dialog.base_url.setText(fake_openai.base_url)
        dialog.budget.setText("12.50")
        dialog.key.setText(API_KEY)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ProfileDialog, "exec", fill)
    page.profiles_panel.add_profile()
    assert _test_keyring.passwords[(secrets.SERVICE, "fake")] == API_KEY
    model = page.profiles_panel.model
    assert [model.index(0, c).data() for c in range(4)] == ["fake", "OpenAI-compatible", "stored", "$12.50"]
    assert page.form.profile.currentData() == "fake" and page.form.budget.text() == "12.5"
    assert API_KEY not in page.message.text()
    assert_key_in_no_file(_isolated_home)

    page.profiles_panel.test_connection()
    wait_idle(qtbot, page.profiles_panel.runner)
    assert "Connection OK" in page.message.text()
    assert fake_openai.seen("GET", "/fine_tuning/jobs")


def test_session_only_key_is_said(qtbot, page, monkeypatch, fake_openai):
    monkeypatch.setattr(secrets, "_usable_backend", lambda: None)

    def fill(dialog: ProfileDialog) -> int:
        assert "session only" in dialog.keyring_note.text() or "session" in dialog.keyring_note.text()
        dialog.name.setText("temp")
        dialog.set_kind("generic")
        dialog.base_url.setText(fake_openai.base_url)
        dialog.key.setText(API_KEY)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(secrets, "keyring_status", lambda: secrets.KeyringStatus(False, "fail", "none"))
    monkeypatch.setattr(ProfileDialog, "exec", fill)
    page.profiles_panel.add_profile()
    assert "session only" in page.message.text()
    assert page.profiles_panel.model.index(0, 2).data() == "session only"


def test_test_connection_failing_shows_the_error_not_the_key(qtbot, page, fake_openai, dialogs):
    store_profile(fake_openai, "bad", key="sk-wrong-0123456789abcdef")
    page.profiles_panel.reload()
    page.profiles_panel.test_connection()
    wait_idle(qtbot, page.profiles_panel.runner)
    text = page.message.text()
    assert "Connection failed for bad" in text and "sk-wrong-0123456789abcdef" not in text


def test_remove_profile_asks_and_forgets_the_key(qtbot, page, fake_openai, dialogs, _test_keyring):
    from PySide6.QtWidgets import QMessageBox

    store_profile(fake_openai)
    page.profiles_panel.reload()
    page.profiles_panel.remove_profile()  # answered No
    assert profiles.load_profiles() and dialogs[-1][0] == "question"
    dialogs.answers["question"] = QMessageBox.StandardButton.Yes
    page.profiles_panel.remove_profile()
    assert not profiles.load_profiles() and not _test_keyring.passwords
    assert page.profiles_panel.model.rowCount() == 0 and page.form.profile.count() == 0


# -- launch -----------------------------------------------------------------------------------------


def test_launch_from_the_prefilled_form_is_tracked_to_the_end(
    qtbot, page, monkeypatch, fake_openai, dialogs, _isolated_home
):
    store_profile(fake_openai, budget="100")
    page.profiles_panel.reload()
    form = page.form
    assert form.training.text() == str(page.document.dataset_path())
    assert form.model.currentData() == MODEL and form.epochs.value() == 2 and form.budget.text() == "100"
    shown = accept_launch(monkeypatch)
    form.suffix.setText("bot")
    form.review_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    assert shown[0]["model"] == MODEL and shown[0]["epochs"] == "2" and shown[0]["cap"] == "$100.00"
    assert shown[0]["cost"].lstrip("≈").startswith("$") and "–" in shown[0]["time"]
    qtbot.waitUntil(lambda: page.jobs_model.rowCount() == 1, timeout=30_000)
    job_id = page.jobs_model.row(0).job.job_id
    assert len(fake_openai.seen(*UPLOAD)) == 1 and len(fake_openai.seen(*CREATE)) == 1
    assert fake_openai.seen(*CREATE)[0].json()["suffix"] == "bot"
    qtbot.waitUntil(lambda: job_status(page, job_id) == "succeeded", timeout=30_000)
    qtbot.waitUntil(lambda: bool(page.detail.fine_tuned.text()), timeout=10_000)
    row = page.jobs_model.row(0)
    assert row.estimated is not None and row.actual is not None and row.error is not None
    actual = page.jobs_model.index(0, 5).data()
    assert actual.startswith("$") and actual.endswith(")") and "(×" in actual
    assert row.overrun  # the fake trains far more tokens than the sample estimates
    assert page.jobs_model.index(0, 5).data(Qt.ItemDataRole.ForegroundRole) is not None
    explained = page.jobs_model.index(0, 5).data(Qt.ItemDataRole.ToolTipRole)
    assert "123,456 tokens trained against" in explained and "per 1M tokens" in explained
    assert page.detail.overrun.isVisibleTo(page.detail) and page.detail.overrun.text() == explained
    detail = page.detail
    assert detail.fine_tuned.text().startswith("ft:gpt-4.1-mini")
    detail.copy_button.click()
    assert QApplication.clipboard().text() == detail.fine_tuned.text()
    assert "Step 1/5" in detail.events.toPlainText()
    assert [s for s, _ in detail.chart_data["loss"]["train"]] == [1, 2, 3]
    assert detail.chart_data["loss"]["valid"] == [(2, 2.1)]
    assert "Actual cost: $" in detail.costs.text()
    statuses = [detail.timeline_model.index(r, 0).data() for r in range(detail.timeline_model.rowCount())]
    assert statuses[0] == "validating" and statuses[-1] == "succeeded"
    assert detail.checkpoints_model.rowCount() == 2
    assert not detail.cancel_button.isEnabled() and detail.refresh_button.isEnabled()
    assert not [d for d in dialogs if d[0] == "warning"]
    assert_key_in_no_file(_isolated_home)


def test_over_budget_launch_is_refused_before_any_upload(qtbot, page, monkeypatch, fake_openai, dialogs):
    store_profile(fake_openai, budget="0.0001")
    page.profiles_panel.reload()
    shown = accept_launch(monkeypatch)
    page.form.review_button.click()
    wait_idle(qtbot, page.runner)
    assert not shown and not fake_openai.requests and not fake_openai.files
    kind, text = dialogs[-1]
    assert kind == "warning" and "exceeds the budget cap" in text
    assert "exceeds the budget cap" in page.form.message.text()


def test_closed_model_launch_is_refused_before_any_upload(qtbot, tmp_path, monkeypatch, fake_openai, dialogs):
    store_profile(fake_openai)
    page = make_page(qtbot, tmp_path, today=date(2027, 1, 7))
    try:
        page.profiles_panel.reload()
        assert page.form.model.currentData() == MODEL and "closed" in page.form.model.currentText()
        shown = accept_launch(monkeypatch)
        page.form.review_button.click()
        wait_idle(qtbot, page.runner)
        assert not shown and not fake_openai.requests
        assert "cannot be launched" in dialogs[-1][1] and "2027-01-06" in dialogs[-1][1]
    finally:
        page.shutdown()


def test_missing_training_file_is_said_without_a_task(qtbot, page, fake_openai, dialogs):
    store_profile(fake_openai)
    page.profiles_panel.reload()
    page.form.training.setText("/nowhere/train.jsonl")
    page.form.review_button.click()
    assert not page.runner.busy and "no such file" in page.form.message.text()


# -- tracking ---------------------------------------------------------------------------------------


def test_restart_resumes_tracking_a_running_job(qtbot, tmp_path, monkeypatch, fake_openai, dialogs):
    from ftplanner.gui.main_window import MainWindow

    store_profile(fake_openai)
    job_id = launched_job(fake_openai, tmp_path)  # "killed" right after the launch: validating in the store
    with JobStore() as store:
        assert store.job(job_id).status == "validating"
    monkeypatch.setattr(jobs_poller, "POLL_SECONDS", 0.1)
    window = MainWindow(Settings())
    window.show()
    page = window.pages[5]
    assert isinstance(page, JobsPage) and window.nav.item(5).text() == "Jobs"
    try:
        qtbot.waitUntil(lambda: job_status(page, job_id) == "succeeded", timeout=30_000)
        with JobStore() as store:
            assert store.metrics(job_id) and store.events(job_id)
    finally:
        window.document.set_dirty(False)
        window.close()
    assert not page.poller.busy and not page.poller.timer.isActive()


def test_interrupted_launch_is_attached_on_start(qtbot, tmp_path, monkeypatch, fake_openai, dialogs):
    from ftplanner.gui.main_window import MainWindow

    store_profile(fake_openai)
    provider = profiles.provider_for("fake")
    with JobStore() as store:  # recorded, uploaded and created, then the app died before attaching
        client_id = store.record_launch(
            profile="fake", provider="openai", model="gpt-4.1-mini-2025-04-14", training_file="t.jsonl"
        )
        file_id = provider.upload_file(write_dataset(tmp_path / "t.jsonl")).id
        created = provider.create_job(
            JobRequest("gpt-4.1-mini-2025-04-14", file_id, metadata={CLIENT_ID_KEY: client_id})
        )
        assert store.pending_launches() and store.job(created.id) is None
    monkeypatch.setattr(jobs_poller, "POLL_SECONDS", 0.1)
    window = MainWindow(Settings())
    window.show()
    page = window.pages[5]
    try:
        qtbot.waitUntil(lambda: job_status(page, created.id) == "succeeded", timeout=30_000)
        with JobStore() as store:
            assert not store.pending_launches() and store.launch(client_id).job_id == created.id
        assert len(fake_openai.seen(*CREATE)) == 1
    finally:
        window.document.set_dirty(False)
        window.close()


def test_cancel_a_job_after_confirmation(qtbot, tmp_path, fake_openai, dialogs):
    from PySide6.QtWidgets import QMessageBox

    fake_openai.script = ("validating_files", "running")
    store_profile(fake_openai)
    job_id = launched_job(fake_openai, tmp_path)
    page = make_page(qtbot, tmp_path, interval=60)
    try:
        qtbot.waitUntil(lambda: job_status(page, job_id) == "running", timeout=30_000)
        page.select_job(job_id)
        assert page.detail.pause_button.isEnabled() and not page.detail.resume_button.isEnabled()
        page.detail.cancel_button.click()  # answered No
        assert fake_openai.jobs[job_id]["status"] == "running"
        dialogs.answers["question"] = QMessageBox.StandardButton.Yes
        page.detail.cancel_button.click()
        qtbot.waitUntil(lambda: job_status(page, job_id) == "cancelled", timeout=30_000)
        assert fake_openai.jobs[job_id]["status"] == "cancelled"
        assert "cancel requested" in page.detail.events.toPlainText()
        assert not page.detail.cancel_button.isEnabled()
    finally:
        page.shutdown()


def test_pause_and_resume(qtbot, tmp_path, fake_openai, dialogs):
    fake_openai.script = ("validating_files", "running")
    store_profile(fake_openai)
    job_id = launched_job(fake_openai, tmp_path)
    page = make_page(qtbot, tmp_path, interval=60)
    try:
        qtbot.waitUntil(lambda: job_status(page, job_id) == "running", timeout=30_000)
        page.select_job(job_id)
        page.detail.pause_button.click()
        qtbot.waitUntil(lambda: job_status(page, job_id) == "paused", timeout=30_000)
        assert page.detail.resume_button.isEnabled()
        page.detail.resume_button.click()
        qtbot.waitUntil(lambda: job_status(page, job_id) == "running", timeout=30_000)
    finally:
        page.shutdown()


def test_poll_errors_back_off_and_honour_retry_after(qtbot, tmp_path, fake_openai, dialogs):
    store_profile(fake_openai)
    job_id = launched_job(fake_openai, tmp_path)
    fake_openai.fail("GET", f"/fine_tuning/jobs/{job_id}", times=10, status=429, retry_after="30")
    page = make_page(qtbot, tmp_path, interval=0.1, provider_for=no_retries)
    try:
        qtbot.waitUntil(lambda: "Tracking problem" in page.message.text(), timeout=30_000)
        wait = page.poller.next_poll_in(job_id)
        assert wait is not None and 25 < wait <= 30
        assert API_KEY not in page.message.text()
    finally:
        page.shutdown()
    assert backoff_delay(1, 30, 300, None) == 60 and backoff_delay(5, 30, 300, None) == 300
    assert backoff_delay(1, 30, 300, 500) == 500


def test_store_path_defaults_to_the_user_data_dir(page, _isolated_home):
    assert page.store_path == default_path() and default_path().parent == _isolated_home
    assert not default_path().exists()  # nothing is written until a launch


def test_checkpoint_metrics_are_charted_without_a_result_file(qtbot, tmp_path, fake_openai, dialogs):
    fake_openai.result_csv = "step\n"
    store_profile(fake_openai)
    job_id = launched_job(fake_openai, tmp_path)
    with JobStore() as store:
        track(profiles.provider_for("fake"), store, job_id, interval=0, sleep=lambda _s: None)
        assert store.checkpoints(job_id)  # no result file: the checkpoints' metrics are the metrics
        assert [(m.step, m.train_loss) for m in store.metrics(job_id)] == [(1, 2.0), (2, 1.0)]
    page = make_page(qtbot, tmp_path, interval=60)
    try:
        page.select_job(job_id)
        assert page.detail.chart_data["loss"]["train"] == [(1, 2.0), (2, 1.0)]
    finally:
        page.shutdown()


def test_launch_can_be_cancelled_during_the_upload(qtbot, page, monkeypatch, fake_openai, dialogs):
    store_profile(fake_openai)
    page.profiles_panel.reload()
    shown = accept_launch(monkeypatch)
    fake_openai.fail("POST", "/files", delay=1.5)  # a slow upload
    page.form.review_button.click()
    qtbot.waitUntil(lambda: bool(shown) and page.runner.busy, timeout=30_000)
    qtbot.waitUntil(lambda: bool(fake_openai.seen(*UPLOAD)), timeout=10_000)
    assert page.progress.isVisible() and page.progress.cancel_button.isEnabled()
    page.progress.cancel_button.click()
    assert page.runner.wait(10_000)
    qtbot.wait(50)
    assert not fake_openai.seen(*CREATE) and not fake_openai.jobs
    assert "no job was created" in page.message.text() and page.jobs_model.rowCount() == 0
    (closed,) = page.store().launches()  # closed, so no start will look for its job again
    assert (
        closed.closed_reason.startswith("cancelled before the create") and not page.store().pending_launches()
    )


def test_hyperparameters_from_the_form_reach_the_create(qtbot, page, monkeypatch, fake_openai, dialogs):
    store_profile(fake_openai)
    page.profiles_panel.reload()
    accept_launch(monkeypatch)
    form = page.form
    form.learning_rate.setText("abc")
    form.review_button.click()
    assert "LR multiplier: expected a number above 0" in form.message.text() and not fake_openai.requests
    form.batch_size.setValue(4)
    form.learning_rate.setText("2")
    form.beta.setText("0.5")  # ignored: DPO only
    form.review_button.click()
    qtbot.waitUntil(lambda: bool(fake_openai.seen(*CREATE)), timeout=30_000)
    hyper = fake_openai.seen(*CREATE)[0].json()["method"]["supervised"]["hyperparameters"]
    assert hyper == {"n_epochs": 2, "batch_size": 4, "learning_rate_multiplier": 2.0}
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=30_000)


def test_loss_curve_grows_during_the_run_and_the_end_raises_the_banner(qtbot, tmp_path, fake_openai, dialogs):
    store_profile(fake_openai)
    job_id = launched_job(fake_openai, tmp_path)
    fake_openai.metric_steps_per_poll = 3
    fake_openai.script = ("validating_files", *["running"] * 8, "succeeded")
    page = make_page(qtbot, tmp_path, interval=0.3)
    try:
        page.select_job(job_id)

        def points() -> int:
            return len(page.detail.chart_data.get("loss", {}).get("train", []))

        qtbot.waitUntil(lambda: points() >= 3, timeout=30_000)
        first = points()
        shown = page.detail.finish.text()
        assert "Steps: " in shown and "/ 30" in shown and "Last checked: " in shown
        assert page.jobs_model.data(page.jobs_model.index(0, 7)) != "—"  # the Last checked column
        screenshot(page, "jobs_live_1")
        qtbot.waitUntil(lambda: points() >= first + 6, timeout=30_000)
        screenshot(page, "jobs_live_2")
        qtbot.waitUntil(page.banner.isVisible, timeout=30_000)
        assert job_id in page.banner_text.text() and "succeeded" in page.banner_text.text()
        screenshot(page, "jobs_live_end")
        assert "Launched job" not in page.message.text() or "succeeded" in page.message.text()
        loss = page.detail.chart_data["loss"]["train"]
        assert [step for step, _ in loss] == list(range(1, len(loss) + 1)) and len(loss) == 24
    finally:
        page.shutdown()


def test_add_with_a_taken_name_keeps_what_was_typed(qtbot, page, monkeypatch, fake_openai):
    store_profile(fake_openai, "fake")
    page.profiles_panel.reload()
    seen: list[str] = []

    def fill(dialog: ProfileDialog) -> int:
        if not seen:
            dialog.name.setText("fake")
            dialog.set_kind("generic")
            dialog.base_url.setText(fake_openai.base_url)
            dialog.budget.setText("7")
            dialog.accept()  # the name is taken: refused in the dialog, nothing typed is lost
            assert dialog.result() != QDialog.DialogCode.Accepted and "exists already" in dialog.error.text()
            seen.append(dialog.base_url.text() + "|" + dialog.budget.text())
            dialog.name.setText("second")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ProfileDialog, "exec", fill)
    page.profiles_panel.add_profile()
    assert seen == [f"{fake_openai.base_url}|7"]
    assert profiles.get_profile("second").budget_cap == "7"


def test_edit_and_set_key_from_the_page(qtbot, page, monkeypatch, fake_openai, _test_keyring: MemoryKeyring):
    store_profile(fake_openai, "fake")
    page.profiles_panel.reload()
    page.profiles_panel.select("fake")

    def edit(dialog: ProfileDialog) -> int:
        assert dialog.name.text() == "fake" and dialog.name.isReadOnly() and not dialog.kind.isEnabled()
        assert dialog.base_url.text() == fake_openai.base_url and dialog.key.text() == ""
        dialog.budget.setText("abc")
        dialog.accept()  # refused in the dialog
        assert "budget cap" in dialog.error.text() and dialog.base_url.text() == fake_openai.base_url
        dialog.budget.setText("40")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ProfileDialog, "exec", edit)
    page.profiles_panel.edit_button.click()
    assert profiles.get_profile("fake").budget_cap == "40" and "updated" in page.message.text()
    assert _test_keyring.passwords[(secrets.SERVICE, "fake")] == API_KEY  # an empty key field kept it

    def type_key(dialog: KeyDialog) -> int:
        assert dialog.key.echoMode() == QLineEdit.EchoMode.Password
        dialog.accept()  # empty: refused
        assert dialog.result() != QDialog.DialogCode.Accepted and dialog.error.isVisibleTo(dialog)
        dialog.key.setText("sk-replaced-0123456789")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(KeyDialog, "exec", type_key)
    page.profiles_panel.key_button.click()
    assert _test_keyring.passwords[(secrets.SERVICE, "fake")] == "sk-replaced-0123456789"
    assert "sk-replaced" not in page.message.text() and "set" in page.message.text()


def test_a_launch_without_a_key_asks_for_it_in_place(qtbot, page, monkeypatch, fake_openai, dialogs):
    profiles.add_profile({"name": "fake", "kind": "generic", "base_url": fake_openai.base_url})
    page.profiles_panel.reload()
    page.form.set_profiles(page.profiles_panel.profiles)
    asked: list[str] = []

    def type_key(dialog: KeyDialog) -> int:
        asked.append(dialog.reason.text())
        dialog.key.setText(API_KEY)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(KeyDialog, "exec", type_key)
    shown = accept_launch(monkeypatch)
    page.form.review_button.click()
    qtbot.waitUntil(lambda: bool(fake_openai.jobs), timeout=30_000)
    wait_idle(qtbot, page.runner)
    assert asked and "no API key" in asked[0] and shown
    assert not any("--key-stdin" in text for _, text in dialogs)
