"""The open plan as the GUI sees it: the Plan, its file, unsaved state and cached analyses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ftplanner.core.plan import Plan, load_plan, resolve_dataset, save_plan
from ftplanner.core.plan_inputs import analysis_summary
from ftplanner.core.result import AnalysisResult


class PlanDocument(QObject):
    """Pages read and edit the plan through this object; it tells them what changed."""

    changed = Signal()  # any edit: pages refresh what depends on the plan
    dataset_changed = Signal()  # a new dataset path (analyses cleared)
    analyses_changed = Signal()  # an analysis for some encoding arrived
    dirty_changed = Signal(bool)
    path_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan = Plan()
        self.path: Path | None = None
        self.analyses: dict[str, AnalysisResult] = {}
        self._dirty = False

    @property
    def dirty(self) -> bool:
        return self._dirty

    def set_dirty(self, dirty: bool = True) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def edited(self) -> None:
        """Call after changing ``self.plan``."""
        self.set_dirty(True)
        self.changed.emit()

    def dataset_path(self) -> Path | None:
        if not self.plan.dataset:
            return None
        return resolve_dataset(self.plan, self.path.parent if self.path else None)

    def set_dataset(self, path: Path) -> None:
        self.plan.dataset = str(path)
        self.plan.dataset_summary = {}
        self.analyses = {}
        self.dataset_changed.emit()
        self.edited()

    def add_analysis(self, result: AnalysisResult) -> None:
        self.analyses[result.encoding] = result
        summary = analysis_summary(result)
        # Derived data: recorded in the plan for readers of the file, but not an edit by the user.
        self.plan.dataset_summary = {**self.plan.dataset_summary, result.encoding: summary}
        self.analyses_changed.emit()
        self.changed.emit()

    def replace(self, plan: Plan, path: Path | None) -> None:
        self.plan = plan
        self.path = path
        self.analyses = {}
        self.set_dirty(False)
        self.path_changed.emit()
        self.dataset_changed.emit()
        self.changed.emit()

    def open(self, path: Path) -> None:
        self.replace(load_plan(path), path)

    def save(self, path: Path) -> None:
        save_plan(self.plan, path)
        self.path = path
        self.set_dirty(False)
        self.path_changed.emit()

    def title(self) -> str:
        name = self.path.name if self.path else self.plan.name
        return f"{name}{' *' if self._dirty else ''}"
