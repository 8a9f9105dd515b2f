"""PDF rendering with Qt: a QTextDocument laid out on A4 or Letter pages and printed by QPdfWriter.

Why Qt: its PDF writer embeds every font as a TrueType subset (CFF-based CJK fonts such as Noto Sans CJK
included) with a ToUnicode map, so text stays selectable and searchable, and it lays out HTML tables.
Charts are matplotlib SVGs drawn through QSvgRenderer into the PDF as vector paths and real text.

Two steps: :func:`prepare_pdf` (no Qt: the texts, the charts and the font subsets, the slow part) may run on
a worker thread; :func:`render_pdf` (Qt's font database, text layout and painting) runs on the thread that
owns the Qt application. Without one, an offscreen QGuiApplication is created (the CLI case).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from PySide6.QtCore import QByteArray, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPyTextObject,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtSvg import QSvgRenderer

from ftplanner.core.errors import Cancelled, UserError
from ftplanner.core.exports import pdf_problem, whole_or_absent
from ftplanner.report.charts import with_family
from ftplanner.report.fonts import NO_CJK_FONT, EmbeddedFont, cjk_face, report_fonts
from ftplanner.report.layout import STYLE, Chart, PageBreak, Part
from ftplanner.report.strings import Words
from ftplanner.report.table_fit import fit_table, tables_from

PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
DPI = 300
MARGIN_MM = 16.0
FOOTER_MM = 8.0
BODY_PT = 9.0
SPLIT_ROOM = 0.3  # of a page: with this much left, a part that does not fit is begun there and continued
_SVG_OBJECT = QTextFormat.ObjectTypes.UserObject + 1
_USER = int(QTextFormat.Property.UserProperty.value)
_SVG_DATA, _SVG_WIDTH, _SVG_HEIGHT = _USER + 1, _USER + 2, _USER + 3
_TAGS = re.compile(r"<[^>]+>")

_app: QGuiApplication | None = None


def ensure_application() -> None:
    """A Qt application for fonts and painting; offscreen when this process has none (no display needed)."""
    global _app
    if QGuiApplication.instance() is None:
        _app = QGuiApplication([sys.argv[0] if sys.argv else "ftplanner", "-platform", "offscreen"])


class SvgObject(QPyTextObject):
    """Draws an SVG chart inline in the text flow, at the size stored in its character format."""

    def intrinsicSize(self, doc, pos, fmt) -> QSizeF:  # Qt override
        return QSizeF(float(fmt.property(_SVG_WIDTH)), float(fmt.property(_SVG_HEIGHT)))

    def drawObject(self, painter, rect, doc, pos, fmt) -> None:  # Qt override
        if painter.hasClipping() and painter.clipBoundingRect().intersected(rect).height() < 1:
            return  # on another page: drawn (clipped away) it would still add its text to this page
        QSvgRenderer(QByteArray(fmt.property(_SVG_DATA))).render(painter, rect)


def _register(fonts: list[EmbeddedFont]) -> list[int]:
    ids = []
    for font in fonts:
        font_id = QFontDatabase.addApplicationFontFromData(QByteArray(font.data))
        if font_id < 0:
            raise UserError(f"the report font {font.family} could not be loaded")
        ids.append(font_id)
    return ids


def _text_of(parts: list[Part], words: Words) -> str:
    texts = [words("page", page=0, pages=0)]
    for part in parts:
        if isinstance(part, Chart):
            texts.append(unescape(_TAGS.sub(" ", part.svg.decode("utf-8"))))
        elif isinstance(part, str):
            texts.append(unescape(_TAGS.sub(" ", part)))
    return "".join(texts)


def _writer(path: Path, page_size: str, title: str) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    layout = QPageLayout(
        QPageSize(PAGE_SIZES[page_size]),
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter,
    )
    layout.setMode(QPageLayout.Mode.FullPageMode)
    writer.setPageLayout(layout)
    writer.setResolution(DPI)
    writer.setTitle(title)
    writer.setCreator("FT Planner")
    return writer


def _document(
    parts: list[Part], families: list[str], page: QSizeF, writer: QPdfWriter
) -> tuple[QTextDocument, SvgObject]:
    """The laid-out document: tables fitted to their texts, and each part kept whole on a page if it fits."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    font = QFont()
    font.setFamilies(families)
    font.setPointSizeF(BODY_PT)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(STYLE)
    doc.setDocumentMargin(0)
    doc.setPageSize(page)
    handler = SvgObject(doc)
    doc.documentLayout().registerHandler(_SVG_OBJECT, handler)
    cursor = QTextCursor(doc)
    scale = DPI  # device pixels per inch
    new_page = False
    for index, part in enumerate(parts):
        if isinstance(part, PageBreak):
            new_page = True
            continue
        if index:
            block = QTextBlockFormat()
            if new_page:
                block.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            cursor.insertBlock(block)
        start = cursor.position()
        if isinstance(part, Chart):
            fmt = QTextCharFormat()
            fmt.setObjectType(_SVG_OBJECT)
            fmt.setProperty(_SVG_DATA, QByteArray(with_family(part.svg, families[0])))
            chart_width = min(page.width(), part.width_in * scale)
            fmt.setProperty(_SVG_WIDTH, chart_width)
            fmt.setProperty(_SVG_HEIGHT, chart_width * part.height_in / part.width_in)
            cursor.insertText("\ufffc", fmt)
        else:
            cursor.insertHtml(part)
            for table in tables_from(doc, start):
                fit_table(table, writer, page.width())
            cursor.movePosition(QTextCursor.MoveOperation.End)
        if index and not new_page:
            _keep_whole(doc, start, page.height())
        new_page = False
    return doc, handler


def _keep_whole(doc: QTextDocument, start: int, page_height: float) -> None:
    """Start the part beginning at ``start`` on a new page when it would straddle a page end but fits one.

    Text without a table is begun on this page and continued on the next when at least
    :data:`SPLIT_ROOM` of this page is left, so no page is left mostly empty. A table is kept whole
    (Qt would cut a row between its lines).
    """
    layout = doc.documentLayout()
    first, last = doc.findBlock(start), doc.lastBlock()
    top = layout.blockBoundingRect(first).top()
    end = layout.blockBoundingRect(last)
    bottom = end.top() if last.length() <= 1 else end.bottom()
    page = int(top // page_height)
    if page == int((bottom - 1) // page_height) or bottom - top > page_height:
        return
    room = (page + 1) * page_height - top
    if room >= SPLIT_ROOM * page_height and not tables_from(doc, start):
        return
    fmt = first.blockFormat()
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    QTextCursor(first).setBlockFormat(fmt)


@dataclass(frozen=True)
class PdfSource:
    """Everything the PDF needs, prepared off the GUI thread: parts, embedded font subsets, page, title."""

    parts: list[Part]
    fonts: list[EmbeddedFont]
    lang: str
    page_size: str
    title: str


def prepare_pdf(parts: list[Part], *, lang: str, page_size: str, title: str) -> PdfSource:
    """Check the options and subset the fonts for ``parts`` (no Qt: safe on a worker thread)."""
    if page_size not in PAGE_SIZES:
        raise UserError(f"--page-size: choose a4 or letter (got {page_size!r})")
    words = Words(lang)
    find_cjk = cjk_face
    if lang == "ja":
        cjk = cjk_face()
        if cjk is None:
            raise UserError(NO_CJK_FONT)
        find_cjk = lambda: cjk  # noqa: E731 - found once
    latin, cjk_font = report_fonts(_text_of(parts, words), find_cjk)
    fonts = [latin] + ([cjk_font] if cjk_font is not None else [])
    return PdfSource(parts, fonts, lang, page_size, title)


def render_pdf(source: PdfSource, out: Path, *, cancel: Callable[[], bool] | None = None) -> None:
    """Lay out ``source`` and write the PDF to ``out`` (atomically: a temporary file, then a rename).

    Qt's font database and painting: call on the thread owning the Qt application (created if none).
    """
    ensure_application()
    ids = _register(source.fonts)
    families = [font.family for font in source.fonts]
    latin = families[0]
    if len(families) > 1:
        QFont.insertSubstitutions(latin, families[1:])
    try:  # Qt creates the temporary file with the usual permissions; a cut-short PDF is never renamed
        with whole_or_absent(Path(out), "write the PDF", pdf_problem) as tmp:
            _paint(source.parts, tmp, families, source.page_size, source.title, Words(source.lang), cancel)
    finally:
        QFont.removeSubstitutions(latin)
        for font_id in ids:
            QFontDatabase.removeApplicationFont(font_id)


def _paint(
    parts: list[Part],
    path: Path,
    families: list[str],
    page_size: str,
    title: str,
    words: Words,
    cancel: Callable[[], bool] | None,
) -> None:
    writer = _writer(path, page_size, title)
    page = writer.pageLayout().fullRectPixels(DPI)
    margin = MARGIN_MM / 25.4 * DPI
    footer = FOOTER_MM / 25.4 * DPI
    body = QRectF(margin, margin, page.width() - 2 * margin, page.height() - 2 * margin - footer)
    doc, _handler = _document(parts, families, QSizeF(body.width(), body.height()), writer)
    pages = doc.pageCount()
    footer_font = QFont()
    footer_font.setFamilies(families)
    footer_font.setPointSizeF(7.5)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot open {path} for writing")
    try:
        for number in range(pages):
            if cancel is not None and cancel():
                raise Cancelled()
            if number:
                writer.newPage()
            painter.save()
            painter.translate(body.left(), body.top() - number * body.height())
            # half a pixel in from the page's ends: a block that starts the next page is not drawn (clipped) here
            page_rect = QRectF(0, number * body.height() + 0.5, body.width(), body.height() - 1)
            doc.drawContents(painter, page_rect)
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(QColor("#666666"))
            line = QRectF(body.left(), page.height() - margin - footer * 0.6, body.width(), footer)
            painter.drawText(line, Qt.AlignmentFlag.AlignLeft, title)
            painter.drawText(line, Qt.AlignmentFlag.AlignRight, words("page", page=number + 1, pages=pages))
    finally:
        painter.end()
