"""The PDF's layout: table columns that keep apart in English and Japanese, and pages that are not left empty."""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from ftplanner.cli import main
from ftplanner.cli.report import example_plan_path
from ftplanner.core.money import ExchangeRates
from ftplanner.report import pdf
from ftplanner.report.table_fit import CellText, table_geometry

MIN_GAP_PT = 6.0  # between the texts of two neighbouring cells
MIN_FILL = 0.55  # of every page but the last
CASES = [("en", "a4", "example"), ("ja", "letter", "example"), ("ja", "a4", "example"), ("ja", "a4", "yen")]


MODELS = [  # six models, for a comparison too long for what is left of the first page
    "openai/gpt-4.1-mini-2025-04-14",
    "together/lora-up-to-16b",
    "azure-openai/gpt-4.1-mini-2025-04-14",
    "openai/gpt-4.1-2025-04-14",
    "azure-openai/o4-mini-2025-04-16",
    "azure-openai/Llama-3.3-70B-Instruct",
]


def _yen_plan(folder: Path) -> Path:
    """The example plan in yen, comparing six models (a rate of 150 yen to the dollar is set)."""
    rates = ExchangeRates()
    rates.set("JPY", 150)
    rates.save()
    data = json.loads(example_plan_path().read_text(encoding="utf-8"))
    data["dataset"] = str((example_plan_path().parent / data["dataset"]).resolve())
    data.update(currency="JPY", models=MODELS, months=24)
    path = folder / "yen.ftplan"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def laid_out(qapp, tmp_path_factory):
    """Each case's report: the PDF, its figures and the laid-out document it was drawn from."""
    folder = tmp_path_factory.mktemp("layout")
    made = {}
    real = pdf._document
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FTPLANNER_HOME", str(tmp_path_factory.mktemp("home")))
        yen = _yen_plan(folder)
        for lang, size, plan in CASES:
            kept = []

            def keep(*args, _kept=kept):
                doc, handler = real(*args)
                _kept.append((doc, args[2]))
                return doc, handler

            patch.setattr(pdf, "_document", keep)
            out = folder / f"{lang}-{size}-{plan}.pdf"
            stdout, stderr = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
                args = ["--out", str(out), "--lang", lang, "--page-size", size, "--draws", "500"]
                source = ["--example"] if plan == "example" else [str(yen)]
                code = main(["report", *source, "--json", *args])
            assert code == 0, stderr.getvalue()
            doc, page = kept[0]
            made[(lang, size, plan)] = (out, json.loads(stdout.getvalue()), doc, page)
    return made


@pytest.mark.parametrize("case", CASES)
def test_no_cell_touches_its_neighbour(laid_out, case):
    _, _, doc, _ = laid_out[case]
    point = doc.documentLayout().paintDevice().logicalDpiX() / 72
    gap = MIN_GAP_PT * point
    tables = table_geometry(doc)
    assert len(tables) >= 6
    wide = [lines for lines in tables if len({line.column for line in lines}) >= 3]
    assert len(wide) >= 3  # the comparison, the ROI figures, the model costs and the scenario's lines
    for lines in wide:
        for line in lines:  # inside its own cell
            assert line.box_left - point <= line.left and line.right <= line.box_right + point, line
        by_row: dict[int, list[CellText]] = {}
        for line in lines:
            by_row.setdefault(line.row, []).append(line)
        for row in by_row.values():
            for a in row:
                for b in row:
                    if a.column < b.column:
                        assert a.right + gap <= b.left, (a, b)


@pytest.mark.parametrize("case", CASES)
def test_cells_break_only_between_words(laid_out, case):
    _, _, doc, _ = laid_out[case]
    for lines in table_geometry(doc):
        broken = [line for line in lines if not line.whole_words]
        assert broken == []


@pytest.mark.parametrize("case", CASES)
def test_no_page_is_left_mostly_empty(laid_out, case):
    _, _, doc, page = laid_out[case]
    layout = doc.documentLayout()
    height = page.height()
    bottoms: dict[int, float] = {}
    block = doc.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        if block.length() > 1:
            number = int(rect.top() // height)
            bottoms[number] = max(bottoms.get(number, 0.0), rect.bottom() - number * height)
        block = block.next()
    pages = doc.pageCount()
    for number in range(pages - 1):
        assert bottoms.get(number, 0.0) >= MIN_FILL * height, f"page {number + 1} of {pages} is mostly empty"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
@pytest.mark.parametrize("case", CASES)
def test_pdftotext_sees_the_columns_apart(laid_out, case):
    out, figures, _, _ = laid_out[case]
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], check=True, capture_output=True, text=True
    ).stdout
    first = figures["comparison"][0]["display"]
    assert re.search(re.escape(first["training"]) + r" {2,}" + re.escape(first["time"]), text)
    assert re.search(re.escape(first["hosting"]) + r" {2,}" + re.escape(first["tco"]), text)
    lang = case[0]
    if case[2] == "yen":
        assert "¥" in first["training"]
    header = ("学習費用", "学習時間") if lang == "ja" else ("Training", "Time")
    assert re.search(f"{header[0]} {{2,}}{header[1]}", text)


def test_page_counts_went_down(laid_out):
    """The example used to take five pages, two of them a third full; now the sections flow."""
    for case in CASES[:3]:
        assert len(PdfReader(str(laid_out[case][0])).pages) <= 4


def test_column_widths_are_shared_by_need():
    from ftplanner.report.table_fit import _column_widths

    assert _column_widths([10, 20], [5, 5], 60) == [20, 40]  # room to spare: shared in proportion
    narrowed = _column_widths([100, 20, 60], [30, 20, 50], 120)
    assert narrowed == pytest.approx([50, 20, 50])  # the widest narrowed first, not below their minimum
    assert sum(_column_widths([100, 100], [80, 80], 100)) == pytest.approx(100)  # overfull: in proportion
