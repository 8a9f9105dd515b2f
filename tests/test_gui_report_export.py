"""File ▸ Export report… writes the PDF and CSV files in the background, with errors shown, not raised."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from ftplanner.cli import main
from ftplanner.cli.report import example_plan_path
from ftplanner.gui.report_export import ExportReportDialog
from gui_helpers import wait_idle
from test_gui_main_window import make_window


@pytest.fixture
def window(qtbot):
    win = make_window()
    assert win.open_plan(example_plan_path())
    # the plan's own evaluation ends first, so its status line does not replace the export's
    qtbot.waitUntil(lambda: win.evaluator.result is not None, timeout=120_000)
    qtbot.waitUntil(lambda: not win.evaluator.timer.isActive(), timeout=10_000)
    wait_idle(qtbot, win.evaluator.runner)
    wait_idle(qtbot, win.evaluator.analysis)
    yield win
    win.document.set_dirty(False)
    win.close()


def _accept_with(monkeypatch, pdf: Path, lang: str = "en", page: str = "a4") -> list[ExportReportDialog]:
    shown: list[ExportReportDialog] = []

    def exec_(dialog: ExportReportDialog) -> int:
        shown.append(dialog)
        dialog.path_edit.setText(str(pdf))
        dialog.language.setCurrentIndex(dialog.language.findData(lang))
        dialog.page_size.setCurrentIndex(dialog.page_size.findData(page))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportReportDialog, "exec", exec_)
    return shown


def _text(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in PdfReader(path).pages))


def test_export_writes_the_pdf_and_both_csv_files(qtbot, window, monkeypatch, tmp_path, capsys):
    pdf = tmp_path / "plan report"  # the .pdf suffix is added
    shown = _accept_with(monkeypatch, pdf)
    window.export_report()
    assert shown and "plan report-comparison.csv" in shown[0].note.text()
    qtbot.waitUntil(lambda: not window.reports.busy, timeout=120_000)
    written = window.reports.written
    assert [p.name for p in written] == [
        "plan report.pdf",
        "plan report-comparison.csv",
        "plan report-cashflows.csv",
    ]
    text = _text(written[0])
    assert "Fine-tuning plan report" in text and "Support ticket triage" in text
    for csv_file in written[1:]:
        assert csv_file.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "Report written" in window.status_label.text()
    assert main(["report", "--example", "--json"]) == 0  # the same plan gives the same figures
    figures = json.dumps(json.loads(capsys.readouterr().out), ensure_ascii=False)
    training = re.search(r"\$\d+\.\d\d", text)
    assert training and training.group(0) in figures


def test_japanese_letter_report(qtbot, window, monkeypatch, tmp_path):
    """Computed on a worker thread, painted on the GUI thread: Qt's font database is never touched from two
    threads (fonts added by a worker while the window paints can deadlock the app)."""
    from PySide6.QtCore import QThread
    from PySide6.QtWidgets import QApplication

    from ftplanner.report import pdf

    registered_on: list[QThread] = []
    register = pdf._register
    monkeypatch.setattr(
        pdf, "_register", lambda fonts: registered_on.append(QThread.currentThread()) or register(fonts)
    )
    _accept_with(monkeypatch, tmp_path / "ja.pdf", lang="ja", page="letter")
    window.export_report()
    qtbot.waitUntil(lambda: not window.reports.busy, timeout=120_000)
    assert registered_on == [QApplication.instance().thread()]
    reader = PdfReader(tmp_path / "ja.pdf")
    width_pt = float(reader.pages[0].mediabox.width)
    assert abs(width_pt - 612) < 1  # Letter
    assert "ファインチューニング計画レポート" in re.sub(r"\s", "", _text(tmp_path / "ja.pdf"))


def test_unwritable_target_is_reported_in_a_dialog(qtbot, window, monkeypatch, tmp_path, dialogs):
    target = tmp_path / "file.pdf"
    target.mkdir()  # a folder where the PDF should go: the export fails
    _accept_with(monkeypatch, target)
    window.export_report()
    qtbot.waitUntil(lambda: not window.reports.busy and bool(dialogs), timeout=120_000)
    kind, message = dialogs[-1][0], dialogs[-1][1]
    assert kind == "warning" and "The report was not written" in message and "Traceback" not in message


def test_missing_folder_is_refused_before_any_work(qtbot, monkeypatch, tmp_path, dialogs):
    dialog = ExportReportDialog(tmp_path / "nowhere" / "r.pdf", "en")
    dialog._accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialogs and "does not exist" in dialogs[-1][1]
    dialog.deleteLater()


def test_cancel_leaves_no_file(qtbot, window, monkeypatch, tmp_path):
    _accept_with(monkeypatch, tmp_path / "cancelled.pdf")
    window.export_report()
    assert window.reports.dialog is not None
    window.reports.dialog.canceled.emit()  # the Cancel button
    qtbot.waitUntil(lambda: not window.reports.busy, timeout=60_000)
    assert window.reports.runner.wait(60_000)
    assert list(tmp_path.iterdir()) == [] and window.reports.dialog is None


def test_typing_a_folder_path_is_explained_inline_and_keeps_the_typing(qtbot, tmp_path, dialogs):
    dialog = ExportReportDialog(tmp_path / "plan.pdf", "en")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path_edit.setFocus()
    dialog.path_edit.selectAll()
    qtbot.keyClicks(dialog.path_edit, "/")  # the whole field replaced by "/": no file name yet
    export = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.path_edit.text() == "/" and not export.isEnabled()
    assert "Type a file name" in dialog.note.text() and not dialogs
    qtbot.keyClicks(dialog.path_edit, "tmp/x")  # the typing goes on where it was
    assert dialog.path_edit.text() == "/tmp/x" and export.isEnabled()
    assert "x-comparison.csv" in dialog.note.text()
    for text in ("", "~/", ".", "/tmp/..", "C:\\reports\\"):
        dialog.path_edit.setText(text)
        assert not export.isEnabled(), text
    dialog._accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialogs  # refused with a message
