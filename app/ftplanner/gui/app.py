"""Desktop entry point: QApplication, language, theme, main window."""

from __future__ import annotations

import os
import sys
import time
import traceback
from collections.abc import Sequence
from importlib.resources import as_file
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QColor, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QMessageBox, QStyleFactory

from ftplanner.core.paths import resource, user_data_dir
from ftplanner.core.settings import Settings
from ftplanner.gui.say import set_language

APP_NAME = "FT Planner"


def ui_language(settings: Settings) -> str:
    """'en' or 'ja': the setting, or the system locale when it is empty."""
    if settings.language:
        return settings.language
    return "ja" if QLocale.system().language() == QLocale.Language.Japanese else "en"


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    """Load the compiled translation for ``language`` (English is the source language)."""
    set_language(language)  # core messages follow the same language
    if language == "en":
        return None
    translator = QTranslator(app)
    with as_file(resource("i18n", f"ftplanner_{language}.qm")) as path:
        loaded = translator.load(str(path))
    if not loaded:
        return None
    app.installTranslator(translator)
    qt_own = QTranslator(app)  # Qt's own strings: standard buttons (Cancel, Yes, No), file dialogs
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
    return translator


def dark_palette() -> QPalette:
    palette = QPalette()
    base, window, text = QColor("#1e1f22"), QColor("#2b2d30"), QColor("#dfe1e5")
    for role, color in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, window),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, window),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.ToolTipBase, window),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.Highlight, QColor("#2f7ed8")),
        (QPalette.ColorRole.HighlightedText, QColor("#ffffff")),
        (QPalette.ColorRole.PlaceholderText, QColor("#8c8f94")),
    ):
        palette.setColor(role, color)
    disabled = QColor("#6f737a")  # greyed text, so disabled buttons and fields look disabled
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.PlaceholderText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button, QColor("#26282b"))
    return palette


def apply_theme(app: QApplication, theme: str) -> None:
    app.setStyle(QStyleFactory.create("Fusion"))
    if theme == "dark":
        app.setPalette(dark_palette())
    elif theme == "light":
        app.setPalette(app.style().standardPalette())


def app_icon() -> QIcon:
    """The application icon (window, taskbar), read from the package's resources."""
    pixmap = QPixmap()
    pixmap.loadFromData(resource("icons", "ftplanner.png").read_bytes())
    return QIcon(pixmap)


def create_app(argv: Sequence[str], settings: Settings) -> QApplication:
    app = QApplication.instance() or QApplication(list(argv) or [APP_NAME])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("FT Planner")
    app.setDesktopFileName("ftplanner")  # matches packaging/ftplanner.desktop
    app.setWindowIcon(app_icon())
    apply_theme(app, settings.theme)
    install_translator(app, ui_language(settings))
    return app


def log_path() -> Path:
    return user_data_dir() / "ftplanner.log"


def report_unexpected(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Last resort for an exception escaping a slot: log the details, tell the user in one line."""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(
                time.strftime("%Y-%m-%d %H:%M:%S ") + "".join(traceback.format_exception(exc_type, exc, tb))
            )
    except OSError:
        pass
    if QApplication.instance() is not None:
        QMessageBox.critical(
            None,
            APP_NAME,
            QCoreApplication.translate(
                "App", "Something went wrong: {0}. Details were written to {1}."
            ).format(exc_type.__name__, str(path)),
        )


def display_available() -> bool:
    """False on a Linux/BSD session with no X11 or Wayland display (Qt would abort there)."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd")):
        return True
    return bool(
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
    )


def run_gui(argv: Sequence[str]) -> int:
    if not display_available():
        print(
            "ftplanner: no display to open the desktop app on; see `ftplanner --help` for commands",
            file=sys.stderr,
        )
        return 2
    from ftplanner.core.settings import load_settings
    from ftplanner.gui.main_window import MainWindow

    settings, problems = load_settings()
    app = create_app([sys.argv[0], *argv], settings)
    sys.excepthook = report_unexpected
    # The window shows at once; its pages, the catalog and the sample plan follow its first paint.
    window = MainWindow(settings, startup_problems=problems, deferred=True)
    window.show()
    window.start()
    return app.exec()
