"""Provider profiles on the Jobs page: list (never a key), add, test the connection, remove."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ftplanner.core.errors import UserError
from ftplanner.gui.pages.jobs_dialogs import KeyDialog, ProfileDialog
from ftplanner.gui.pages.jobs_model import (
    KEY_ENV,
    KEY_NONE,
    KEY_NOT_NEEDED,
    KEY_SESSION,
    KEY_STORED,
    ProfileRow,
    ProfilesModel,
)
from ftplanner.gui.say import say_error
from ftplanner.gui.tasks import TaskRunner
from ftplanner.jobs import profiles, secrets
from ftplanner.providers.base import Provider


def key_state(profile: profiles.ProviderProfile) -> str:
    """Where the profile's key would come from (as ``ftplanner jobs profiles list`` says)."""
    if not profile.spec.key_required and not profile.env_var:
        return KEY_NOT_NEEDED
    if secrets.has_session_key(profile.name):
        return KEY_SESSION
    if secrets.load_key(profile.name):
        return KEY_STORED
    if profile.env_var and secrets.load_key(profile.name, profile.env_var):
        return KEY_ENV
    return KEY_NONE


class ProfilesPanel(QWidget):
    changed = Signal(dict)  # name -> ProviderProfile, after any change
    message = Signal(str, bool)  # text, is an error

    def __init__(self, provider_for: Callable[[str], Provider], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.provider_for = provider_for
        self.runner = TaskRunner(self)
        self.runner.finished.connect(self._on_tested)
        self.runner.failed.connect(self._on_test_failed)
        self.runner.busy_changed.connect(lambda _busy: self._update_buttons())
        self._testing = ""
        self.profiles: dict[str, profiles.ProviderProfile] = {}

        self.model = ProfilesModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.setWordWrap(False)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the endpoint elides
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.view.horizontalHeader()
        header.setMaximumSectionSize(140)
        header.setMinimumSectionSize(30)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(
            header.count() - 1, QHeaderView.ResizeMode.Stretch
        )  # elided, no scrolling
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.clicked.connect(self.add_profile)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.remove_button.clicked.connect(self.remove_profile)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_profile)
        self.key_button = QPushButton(self.tr("Set key…"))
        self.key_button.clicked.connect(lambda: self.ask_key(self.selected() or ""))
        buttons = QGridLayout()  # two rows: five buttons do not fit the side panel's width in one
        buttons.addWidget(self.add_button, 0, 0)
        buttons.addWidget(self.edit_button, 0, 1)
        buttons.addWidget(self.key_button, 0, 2)
        buttons.addWidget(self.test_button, 1, 0, 1, 2)
        buttons.addWidget(self.remove_button, 1, 2)
        buttons.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def selected(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row(rows[0].row()).profile.name if rows else None

    def select(self, name: str) -> None:
        for index, row in enumerate(self.model.rows()):
            if row.profile.name == name:
                self.view.selectRow(index)

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.test_button.setEnabled(chosen and not self.runner.busy)
        self.remove_button.setEnabled(chosen)
        self.edit_button.setEnabled(chosen)
        self.key_button.setEnabled(chosen)

    def reload(self) -> None:
        """Read the profiles file again (a broken file is reported, not raised)."""
        selected = self.selected()
        try:
            self.profiles = profiles.load_profiles()
        except UserError as exc:
            self.profiles = {}
            self.message.emit(say_error(exc), True)
        self.model.set_rows([ProfileRow(p, key_state(p)) for p in self.profiles.values()])
        if selected:
            self.select(selected)
        elif self.profiles:
            self.view.selectRow(0)
        self._update_buttons()
        self.changed.emit(dict(self.profiles))

    # --------------------------------------------------------------- actions
    def make_dialog(self, existing: profiles.ProviderProfile | None = None) -> ProfileDialog:
        return ProfileDialog(self, existing, taken=self.profiles)

    def add_profile(self) -> None:
        dialog = self.make_dialog()
        while True:  # an error keeps the dialog, and what was typed, open
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            key = dialog.api_key()
            try:
                profile = profiles.add_profile(dialog.checked())
                in_keyring = secrets.save_key(profile.name, key) if key else None
            except UserError as exc:
                dialog.show_error(say_error(exc))
                continue
            break
        self.reload()
        self.select(profile.name)
        if in_keyring is False:
            self.message.emit(
                self.tr(
                    "Profile {0} added. No usable system keyring: its API key is kept for this session only."
                ).format(profile.name),
                False,
            )
        elif in_keyring:
            self.message.emit(
                self.tr("Profile {0} added; its API key is in the system keyring.").format(profile.name),
                False,
            )
        else:
            self.message.emit(self.tr("Profile {0} added without an API key.").format(profile.name), False)

    def edit_profile(self) -> None:
        """Change the selected profile's endpoint, headers or budget cap, and (if typed) its key."""
        name = self.selected()
        if name is None or name not in self.profiles:
            return
        dialog = self.make_dialog(self.profiles[name])
        while True:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            try:
                profiles.update_profile(name, dialog.changes())
                in_keyring = profiles.set_key(name, dialog.api_key()) if dialog.api_key() else None
            except UserError as exc:
                dialog.show_error(say_error(exc))
                continue
            break
        self.reload()
        self.select(name)
        self.message.emit(
            self.tr("Profile {0} updated.").format(name) + self._key_note(name, in_keyring), False
        )

    def _key_note(self, name: str, in_keyring: bool | None) -> str:
        if in_keyring is None:
            return ""
        if in_keyring:
            return " " + self.tr("Its API key is in the system keyring.")
        return " " + self.tr("No usable system keyring: its API key is kept for this session only.")

    def make_key_dialog(self, name: str, reason: str = "") -> KeyDialog:
        return KeyDialog(name, reason, self)

    def ask_key(self, name: str, reason: str = "") -> bool:
        """Ask for ``name``'s API key and store it; True when a key was set."""
        if name not in self.profiles:
            return False
        dialog = self.make_key_dialog(name, reason)
        while True:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            try:
                in_keyring = profiles.set_key(name, dialog.api_key())
            except UserError as exc:
                dialog.error.setText(say_error(exc))
                dialog.error.setVisible(True)
                continue
            break
        self.reload()
        self.select(name)
        self.message.emit(
            self.tr("API key of {0} set.").format(name) + self._key_note(name, in_keyring), False
        )
        return True

    def remove_profile(self) -> None:
        name = self.selected()
        if name is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove profile"),
            self.tr(
                "Remove profile {0} and its stored API key? Jobs launched with it stay in the list."
            ).format(name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            profiles.remove_profile(name)
        except UserError as exc:
            self.message.emit(say_error(exc), True)
            return
        self.reload()
        self.message.emit(self.tr("Profile {0} removed.").format(name), False)

    def test_connection(self) -> None:
        name = self.selected()
        if name is None or self.runner.busy:
            return
        self._testing = name
        provider_for = self.provider_for

        def task(progress, cancelled) -> str:
            provider_for(name).list_jobs(limit=1)
            return name

        self.message.emit(self.tr("Testing the connection of {0}…").format(name), False)
        self.runner.start(task)

    def _on_tested(self, name: str) -> None:
        self.message.emit(self.tr("Connection OK: {0} answered.").format(name), False)

    def _on_test_failed(self, text: str) -> None:
        self.message.emit(self.tr("Connection failed for {0}: {1}").format(self._testing, text), True)
