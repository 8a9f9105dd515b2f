"""The event loop keeps serving timers while a 50 MB dataset is analysed in the background."""

from __future__ import annotations

import json
import random
import time
from itertools import pairwise

import pytest
from PySide6.QtCore import QTimer

from ftplanner.core.settings import Settings
from ftplanner.gui.main_window import MainWindow
from gui_helpers import wait_idle

MAX_GAP_SECONDS = 0.2


def _write_dataset(path, megabytes: int) -> None:
    rng = random.Random(3)
    words = "invoice sync folder share 請求書 同期 フォルダ 共有 error plan 設定 変更".split()
    target = megabytes * 1024 * 1024
    written = 0
    with path.open("w", encoding="utf-8") as out:
        while written < target:
            reply = " ".join(rng.choices(words, k=rng.randint(20, 120)))
            record = {
                "messages": [
                    {"role": "system", "content": "You are a support agent."},
                    {"role": "user", "content": " ".join(rng.choices(words, k=12))},
                    {"role": "assistant", "content": reply},
                ]
            }
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))


@pytest.mark.slow
def test_timers_keep_firing_during_a_large_analysis(qtbot, tmp_path):
    path = tmp_path / "large.jsonl"
    _write_dataset(path, 50)
    window = MainWindow(Settings())
    window.show()
    page = window.dataset_page
    stamps: list[float] = []
    finished: list[float] = []
    page.runner.finished.connect(lambda _result: finished.append(time.monotonic()))
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: stamps.append(time.monotonic()))
    try:
        timer.start()
        window.document.set_dataset(path)
        assert page.runner.busy
        wait_idle(qtbot, page.runner, timeout=240_000)
        timer.stop()
        result = page.current_analysis()
        assert result is not None and result.examples > 50_000 and result.error_count == 0
        # While the analysis runs: from the start until its result reaches the GUI thread.
        during = [stamp for stamp in stamps if stamp <= finished[0]]
        gaps = [b - a for a, b in pairwise(during)]
        assert len(during) > 20
        assert max(gaps) <= MAX_GAP_SECONDS, f"longest pause {max(gaps):.3f} s"
    finally:
        timer.stop()
        page.runner.shutdown()
        window.document.set_dirty(False)
        window.close()
