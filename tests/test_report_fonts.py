"""Which font subsets a report embeds."""

from __future__ import annotations

import pytest

from ftplanner.report.fonts import cjk_face, report_fonts


@pytest.fixture(scope="module")
def cjk():
    found = cjk_face()
    if found is None:
        pytest.skip("no CJK font installed")
    return found


def test_latin_text_with_line_breaks_and_tabs_needs_no_cjk_subset(cjk):
    latin, extra = report_fonts("Cost — €1,200\n\tROI ≥ 10% … •\n", cjk)
    assert extra is None
    assert latin.data[:4] in (b"\x00\x01\x00\x00", b"true")  # a TrueType font


def test_japanese_text_gets_a_cjk_subset(cjk):
    latin, extra = report_fonts("学習例数\n", cjk)
    assert extra is not None and extra.family != latin.family and len(extra.data) > 1000
