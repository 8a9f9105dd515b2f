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
    latin, extra = report_fonts("Cost — €1,200\n\tROI ≥ 10% … •\n", lambda: cjk)
    assert extra is None
    assert latin.data[:4] in (b"\x00\x01\x00\x00", b"true")  # a TrueType font


def test_japanese_text_gets_a_cjk_subset(cjk):
    latin, extra = report_fonts("学習例数\n", lambda: cjk)
    assert extra is not None and extra.family != latin.family and len(extra.data) > 1000


def test_without_a_cjk_font_japanese_is_refused_and_english_still_written(monkeypatch):
    from ftplanner.core.errors import UserError
    from ftplanner.report import pdf

    monkeypatch.setattr(pdf, "cjk_face", lambda: None)
    with pytest.raises(UserError, match="fonts-noto-cjk"):
        pdf.prepare_pdf(["<p>学習</p>"], lang="ja", page_size="a4", title="t")
    latin, extra = report_fonts("Support 学習\n", lambda: None)  # Japanese names in an English report
    assert extra is None and latin.data


def test_an_english_report_text_does_not_look_for_a_cjk_font():
    def never() -> None:
        raise AssertionError("looked for a CJK font")

    latin, extra = report_fonts("NPV $1,200 — 12 %\n", never)
    assert extra is None and latin.data
