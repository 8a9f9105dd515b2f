"""The launch form marks the field a refusal is about, in the form and from the core's review, and an edit
clears the mark (a refused launch never reaches the fake server)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fake_openai import fake_openai_fixture  # noqa: F401  (fixture)
from gui_helpers import screenshot, wait_idle
from test_gui_jobs import accept_launch, make_page, store_profile


@pytest.fixture
def page(qtbot, tmp_path):
    widget = make_page(qtbot, tmp_path)
    yield widget
    widget.shutdown()


def _marked(widget) -> bool:
    return bool(widget.property("fault"))


def test_a_bad_seed_marks_and_focuses_the_seed_and_typing_clears_it(qtbot, page, fake_openai, dialogs):
    store_profile(fake_openai)
    page.profiles_panel.reload()
    form = page.form
    form.seed.setText("twelve")
    form.review_button.click()
    assert not page.runner.busy and "Seed: expected a whole number" in form.message.text()
    assert _marked(form.seed) and form.seed.hasFocus() and form.fault.widget is form.seed
    qtbot.keyClicks(form.seed, "1")
    assert not _marked(form.seed) and form.fault.widget is None
    assert not fake_openai.requests


def test_a_learning_rate_of_zero_marks_its_field(qtbot, page, fake_openai, dialogs):
    store_profile(fake_openai)
    page.profiles_panel.reload()
    page.form.learning_rate.setText("0")
    page.form.review_button.click()
    assert _marked(page.form.learning_rate) and "above 0" in page.form.message.text()


def test_a_missing_training_file_marks_the_training_file(qtbot, page, fake_openai, dialogs):
    store_profile(fake_openai)
    page.profiles_panel.reload()
    page.form.training.setText("/nowhere/train.jsonl")
    page.form.review_button.click()
    assert _marked(page.form.training) and not _marked(page.form.seed)


def test_over_budget_from_the_review_marks_the_budget_cap(qtbot, page, monkeypatch, fake_openai, dialogs):
    store_profile(fake_openai)
    page.profiles_panel.reload()
    shown = accept_launch(monkeypatch)
    page.form.budget.setText("0.0001")
    page.form.review_button.click()
    wait_idle(qtbot, page.runner)
    assert not shown and not fake_openai.requests
    assert "exceeds the budget cap" in page.form.message.text() and _marked(page.form.budget)
    assert page.form.budget.text() == "0.0001"  # kept to be corrected
    screenshot(page, "jobs_budget_marked")


def test_a_training_file_with_errors_marks_the_training_file(
    qtbot, page, monkeypatch, fake_openai, dialogs, tmp_path: Path
):
    store_profile(fake_openai)
    page.profiles_panel.reload()
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"messages": [{"role": "user", "content": "hi"}]}\nnot json\n', encoding="utf-8")
    page.form.training.setText(str(broken))
    shown = accept_launch(monkeypatch)
    page.form.review_button.click()
    wait_idle(qtbot, page.runner)
    assert not shown and not fake_openai.requests
    assert _marked(page.form.training) and "broken.jsonl" in page.form.message.text()
    page.form.review_button.click()  # a new review starts unmarked, then marks again what is still wrong
    wait_idle(qtbot, page.runner)
    assert _marked(page.form.training) and not _marked(page.form.budget)
