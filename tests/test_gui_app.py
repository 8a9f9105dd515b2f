"""Application-level behaviour: unexpected errors are logged and shown in one line, never as a traceback."""

from __future__ import annotations

import sys

from ftplanner.gui.app import app_icon, log_path, report_unexpected


def test_unexpected_errors_are_logged_and_reported_briefly(qtbot, dialogs):
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError:
        report_unexpected(*sys.exc_info())
    kind, text = dialogs[-1]
    assert kind == "critical"
    assert "RuntimeError" in text and str(log_path()) in text and "Traceback" not in text
    logged = log_path().read_text(encoding="utf-8")
    assert "Traceback" in logged and "boom in a slot" in logged


def test_the_application_icon_comes_from_the_package_resources(qapp):
    icon = app_icon()
    assert not icon.isNull()
    assert icon.pixmap(256, 256).size().width() == 256
