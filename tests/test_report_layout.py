"""The PDF's layout: table columns that keep apart in English and Japanese, and pages that are not left empty."""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
import subprocess

import pytest

from ftplanner.cli import main
from ftplanner.report import pdf
from ftplanner.report.table_fit import CellText, table_geometry

MIN_GAP_PT = 6.0  # between the texts of two neighbouring cells
MIN_FILL = 0.6  # of every page but the last


@pytest.fixture(scope="module")
def laid_out(qapp, tmp_path_factory):
    """The example report in each language: the PDF, its figures and the laid-out document it was drawn from."""
    folder = tmp_path_factory.mktemp("layout")
    made = {}
    real = pdf._document
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FTPLANNER_HOME", str(tmp_path_factory.mktemp("home")))
        for lang, size in (("en", "a4"), ("ja", "letter"), ("ja", "a4")):
            kept = []

            def keep(*args, _kept=kept):
                doc, handler = real(*args)
                _kept.append((doc, args[2]))
                return doc, handler

            patch.setattr(pdf, "_document", keep)
            out = folder / f"{lang}-{size}.pdf"
            stdout, stderr = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
                args = ["--out", str(out), "--lang", lang, "--page-size", size, "--draws", "500"]
                code = main(["report", "--example", "--json", *args])
            assert code == 0, stderr.getvalue()
            doc, page = kept[0]
            made[(lang, size)] = (out, json.loads(stdout.getvalue()), doc, page)
    return made


CASES = [("en", "a4"), ("ja", "letter"), ("ja", "a4")]


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
    assert pages <= 4
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
    header = ("学習費用", "学習時間") if lang == "ja" else ("Training", "Time")
    assert re.search(f"{header[0]} {{2,}}{header[1]}", text)


def test_page_counts_went_down(laid_out):
    """The example used to take five pages, two of them a third full; now the sections flow."""
    from pypdf import PdfReader

    for case in CASES:
        assert len(PdfReader(str(laid_out[case][0])).pages) <= 4


def test_column_widths_are_shared_by_need():
    from ftplanner.report.table_fit import _column_widths

    assert _column_widths([10, 20], [5, 5], 60) == [20, 40]  # room to spare: shared in proportion
    narrowed = _column_widths([100, 20, 60], [30, 20, 50], 120)
    assert narrowed == pytest.approx([50, 20, 50])  # the widest narrowed first, not below their minimum
    assert sum(_column_widths([100, 100], [80, 80], 100)) == pytest.approx(100)  # overfull: in proportion
