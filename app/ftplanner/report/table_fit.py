"""Report tables sized from the font metrics, so no cell's text touches its neighbour's, in any language.

Qt's HTML tables share the width by percentages and break a line wherever it must, in Japanese between any
two characters ("提供終" / "了"). Here every cell gets a fixed padding; each column's width is measured from
its cells (the widest line, and the widest piece that must not be broken); columns are given their natural
width when it fits, else the widest are narrowed first, never below their widest unbreakable piece; and a
line that still does not fit is broken by us, at a space, before an opening bracket or after a slash or a
hyphen of a long word, never inside a word. :func:`table_geometry` reports what was laid out, for tests.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from PySide6.QtGui import (
    QFontMetricsF,
    QPaintDevice,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextLength,
    QTextTable,
)

PAD_X_PT = 4.0  # left and right padding of every cell: at least 8 pt between two cells' texts
UNITS_PER_PT = 96 / 72  # Qt's table paddings and widths are in 96-dpi pixels, scaled to the device
LINE_BREAK = "\u2028"
SLACK = 1.02  # measured pieces are shaped alone; leave a little room for kerning in context
ROUNDING_PX = 3.0
LONG_WORD = 12  # characters: a longer word may break after - / _ . or before a bracket
_LONG_WORD_BREAK = re.compile(r"(?<=[-/_.／])(?=[^\s])|(?<=[^\s])(?=[(（])")
_LINE_BREAKS = "\u2028\n"


@dataclass(frozen=True)
class Piece:
    """A stretch of a cell's line that stays on one line; ``space`` when a space precedes it."""

    start: int  # document position of its first character
    width: float
    space: bool
    space_width: float


@dataclass
class _Line:
    pieces: list[Piece]

    @property
    def width(self) -> float:
        total = 0.0
        for index, piece in enumerate(self.pieces):
            total += piece.width + (piece.space_width if piece.space and index else 0.0)
        return total

    @property
    def widest(self) -> float:
        return max((p.width for p in self.pieces), default=0.0)


def tables_from(doc: QTextDocument, start: int = 0) -> list[QTextTable]:
    """The document's tables that begin at or after ``start`` (nested frames included)."""
    found: list[QTextTable] = []
    frames = list(doc.rootFrame().childFrames())
    while frames:
        frame = frames.pop(0)
        if isinstance(frame, QTextTable) and frame.firstPosition() >= start:
            found.append(frame)
        frames.extend(frame.childFrames())
    return found


def _cell_blocks(table: QTextTable, row: int, column: int) -> list[QTextBlock]:
    cell = table.cellAt(row, column)
    block, last = cell.firstCursorPosition().block(), cell.lastCursorPosition().block()
    blocks = [block]
    while block != last and block.isValid():
        block = block.next()
        blocks.append(block)
    return blocks


def _chars(block: QTextBlock, device: QPaintDevice) -> list[tuple[int, str, QFontMetricsF]]:
    """Each character of the block with its document position and its font's metrics."""
    out: list[tuple[int, str, QFontMetricsF]] = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        metrics = QFontMetricsF(fragment.charFormat().font(), device)
        out += [(fragment.position() + i, ch, metrics) for i, ch in enumerate(fragment.text())]
        it += 1
    return out


def _measure(chars: list[tuple[int, str, QFontMetricsF]]) -> float:
    total, run, metrics = 0.0, "", None
    for _, ch, m in chars:
        if metrics is not None and m is not metrics:
            total += metrics.horizontalAdvance(run)
            run = ""
        run, metrics = run + ch, m
    if metrics is not None and run:
        total += metrics.horizontalAdvance(run)
    return total * SLACK


def _lines(block: QTextBlock, device: QPaintDevice) -> list[_Line]:
    """The block's lines (split at its line breaks), each cut into pieces that must stay whole."""
    lines: list[_Line] = []
    current: list[tuple[int, str, QFontMetricsF]] = []
    for item in [*_chars(block, device), (-1, LINE_BREAK, None)]:
        if item[1] in _LINE_BREAKS:
            lines.append(_Line(_pieces(current)))
            current = []
        else:
            current.append(item)  # type: ignore[arg-type]
    return lines


def _pieces(chars: list[tuple[int, str, QFontMetricsF]]) -> list[Piece]:
    text = "".join(ch for _, ch, _ in chars)
    pieces: list[Piece] = []
    for word in re.finditer(r"\S+", text):
        cuts = [0]
        if len(word.group()) > LONG_WORD:
            cuts += [m.start() for m in _LONG_WORD_BREAK.finditer(word.group())]
        cuts.append(len(word.group()))
        for index, (a, b) in enumerate(itertools.pairwise(cuts)):
            if a == b:
                continue
            part = chars[word.start() + a : word.start() + b]
            space = index == 0 and word.start() > 0
            space_width = _measure([(0, " ", part[0][2])]) if space else 0.0
            pieces.append(Piece(part[0][0], _measure(part), space, space_width))
    return pieces


def _column_widths(natural: list[float], minimum: list[float], room: float) -> list[float]:
    """Content widths: natural when they fit, else the widest narrowed first, never below ``minimum``."""
    if sum(natural) <= room:
        spare = room - sum(natural)
        total = sum(natural) or 1.0
        return [n + spare * n / total for n in natural]
    if sum(minimum) >= room:
        total = sum(minimum) or 1.0
        return [m * room / total for m in minimum]
    low, high = 0.0, max(natural)
    for _ in range(60):  # the cap at which the narrowed columns just fill the room
        cap = (low + high) / 2
        if sum(min(n, max(m, cap)) for n, m in zip(natural, minimum, strict=True)) > room:
            high = cap
        else:
            low = cap
    return [min(n, max(m, low)) for n, m in zip(natural, minimum, strict=True)]


def _px(points: float, device: QPaintDevice) -> float:
    return points * device.logicalDpiX() / 72


def fit_table(table: QTextTable, device: QPaintDevice, width: float) -> None:
    """Pad every cell left and right, size the columns from their texts, break the lines that do not fit."""
    doc = table.document()
    rows, columns = table.rows(), table.columns()
    if columns < 3:  # a two-column list of names and values keeps the style sheet's layout
        _break_lines(table, doc)
        return
    batch = QTextCursor(doc)
    batch.beginEditBlock()  # one layout for all the cells, not one per cell
    for row in range(rows):
        for column in range(columns):
            cell = table.cellAt(row, column)
            fmt = cell.format().toTableCellFormat()
            fmt.setLeftPadding(PAD_X_PT * UNITS_PER_PT)
            fmt.setRightPadding(PAD_X_PT * UNITS_PER_PT)
            cell.setFormat(fmt)
    batch.endEditBlock()
    _size_columns(table, device, width)
    frame = table.format()
    frame.setHeaderRowCount(1)  # repeated at the top of the next page when a table is longer than a page
    table.setFormat(frame)
    _break_lines(table, doc)


def _size_columns(table: QTextTable, device: QPaintDevice, width: float) -> None:
    """Column widths from the cells' texts; the header row (row 0) may wrap at any of its spaces."""
    rows, columns = table.rows(), table.columns()
    natural, minimum = [0.0] * columns, [0.0] * columns
    for row in range(rows):
        for column in range(columns):
            for block in _cell_blocks(table, row, column):
                for line in _lines(block, device):
                    natural[column] = max(natural[column], line.widest if row == 0 else line.width)
                    minimum[column] = max(minimum[column], line.widest)
    layout = table.document().documentLayout()
    given = [layout.blockBoundingRect(_cell_blocks(table, 0, c)[0]).width() for c in range(columns)]
    # padding, borders and spacing of one column as laid out, and a little for rounding between columns
    overhead = (width - sum(given)) / columns + ROUNDING_PX
    content = _column_widths(natural, minimum, max(width - overhead * columns, 1.0))
    frame = table.format()
    frame.setColumnWidthConstraints(
        [QTextLength(QTextLength.Type.PercentageLength, 100 * (c + overhead) / width) for c in content]
    )
    table.setFormat(frame)


def _break_lines(table: QTextTable, doc: QTextDocument) -> None:
    """Break, at a piece boundary, every line wider than its cell (from the end, so positions hold)."""
    layout = doc.documentLayout()
    device = layout.paintDevice()
    breaks: list[tuple[int, bool]] = []  # (position, replaces a space)
    for row in range(table.rows()):
        for column in range(table.columns()):
            for block in _cell_blocks(table, row, column):
                room = layout.blockBoundingRect(block).width()
                for line in _lines(block, device):
                    if line.width <= room * SLACK:  # measured with slack; Qt fits what truly fits
                        continue
                    used = 0.0
                    for index, piece in enumerate(line.pieces):
                        gap = piece.space_width if piece.space and index else 0.0
                        if index and used + gap + piece.width > room:
                            breaks.append((piece.start - 1, True) if piece.space else (piece.start, False))
                            used = piece.width
                        else:
                            used += gap + piece.width
    cursor = QTextCursor(doc)
    for position, replace in sorted(breaks, reverse=True):
        cursor.setPosition(position)
        if replace:
            cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(LINE_BREAK, cursor.charFormat())


# ----------------------------------------------------------------------------------------------- checking


@dataclass(frozen=True)
class CellText:
    """Where one laid-out line of a cell's text is, and the box the cell gives it (document units)."""

    row: int
    column: int
    text: str
    left: float
    right: float
    box_left: float
    box_right: float
    whole_words: bool  # the line ends at the end of its cell's text, a space or a break we allow


def _clean_end(text: str, end: int) -> bool:
    return end >= len(text) or text[end - 1] in " \u2028-/_.／" or text[end] in " \u2028(（"


def table_geometry(doc: QTextDocument) -> list[list[CellText]]:
    """For each table, every line of text of every cell, with the x extent Qt laid it out at."""
    layout = doc.documentLayout()
    found = []
    for table in tables_from(doc):
        lines: list[CellText] = []
        for row in range(table.rows()):
            for column in range(table.columns()):
                for block in _cell_blocks(table, row, column):
                    rect = layout.blockBoundingRect(block)
                    text_layout = block.layout()
                    for index in range(text_layout.lineCount()):
                        line = text_layout.lineAt(index)
                        if line.textLength() == 0:
                            continue
                        natural = line.naturalTextRect()
                        end = line.textStart() + line.textLength()
                        text = block.text()[line.textStart() : end]
                        if not text.strip(" \u2028"):
                            continue
                        lines.append(
                            CellText(
                                row,
                                column,
                                text.strip(" \u2028"),
                                rect.left() + natural.left(),
                                rect.left() + natural.right(),
                                rect.left(),
                                rect.right(),
                                _clean_end(block.text(), end),
                            )
                        )
        found.append(lines)
    return found
