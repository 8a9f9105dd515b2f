"""The fonts a report embeds: subsets of DejaVu Sans (shipped with matplotlib) and a system CJK font.

Each report gets its own subsets (fontTools), holding only the characters it prints, under private family
names. Three things follow: the PDF is small; Japanese text maps back to the right characters when copied
or searched (a full CJK font maps some glyphs to Kangxi radicals too, so 月 would come back as ⽉); and no
ligatures are formed (``fi`` stays two letters). A CJK font with CFF outlines (Noto Sans CJK, OTF/TTC) is
fine: the PDF writer embeds TrueType outlines built from it.

No CJK font installed: English reports still work (Japanese names in the data may then show as boxes);
Japanese reports stop with a message saying which fonts to install.
"""

from __future__ import annotations

import functools
import importlib.util
import io
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont, TTLibError

# Japanese-first CJK families, in order of preference (the first one installed is used).
CJK_FAMILIES = (
    "Noto Sans CJK JP",
    "Noto Sans JP",
    "Source Han Sans JP",
    "IPAexGothic",
    "IPAGothic",
    "Hiragino Sans",
    "Hiragino Kaku Gothic ProN",
    "Yu Gothic",
    "Meiryo",
    "MS Gothic",
)
_FILE_HINTS = (
    "cjk",
    "notosansjp",
    "sourcehansans",
    "ipaexg",
    "ipag",
    "hiragino",
    "yugoth",
    "meiryo",
    "msgothic",
)
_LAYOUT_FEATURES = ["kern"]  # no ligatures, so extracted text reads as typed
_counter = itertools.count(1)

NO_CJK_FONT = (
    "no Japanese font found for the report; install Noto Sans CJK JP (Debian/Ubuntu: fonts-noto-cjk) or"
    " IPAexGothic, or use --lang en"
)


@dataclass(frozen=True)
class FontFace:
    """A font file (and the face's index inside a .ttc collection)."""

    path: str
    index: int = 0


@dataclass(frozen=True)
class EmbeddedFont:
    """A subset font ready to register: ``family`` is its private name."""

    family: str
    data: bytes


def latin_face() -> FontFace:
    """DejaVu Sans, which ships inside matplotlib (so it is always there; found without importing it)."""
    spec = importlib.util.find_spec("matplotlib")
    assert spec is not None and spec.submodule_search_locations, "matplotlib is a dependency"
    package = Path(next(iter(spec.submodule_search_locations)))
    return FontFace(str(package / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"))


@functools.cache
def latin_characters() -> frozenset[int]:
    """The code points DejaVu Sans draws (a report made only of these embeds no CJK font)."""
    face = latin_face()
    with TTFont(face.path, lazy=True) as font:
        return frozenset(font["cmap"].getBestCmap())


def _family_names(font: TTFont) -> set[str]:
    name = font["name"]
    return {str(rec.toUnicode()) for rec in name.names if rec.nameID in (1, 16)}


def _face_in(path: str, family: str) -> FontFace | None:
    """The face of ``family`` in ``path`` (a .ttc holds several), or None."""
    try:
        if path.lower().endswith((".ttc", ".otc")):
            collection = TTCollection(path, lazy=True)
            for index, font in enumerate(collection.fonts):
                if family in _family_names(font):
                    return FontFace(path, index)
            return None
        with TTFont(path, lazy=True) as font:
            return FontFace(path) if family in _family_names(font) else None
    except (OSError, TTLibError, KeyError, AssertionError):
        return None


def _candidates() -> dict[str, list[str]]:
    """Font files matplotlib knows for each CJK family; scans the system fonts when it knows none."""
    from matplotlib import font_manager  # its cached font list: loaded only when a CJK font is needed

    known: dict[str, list[str]] = {}
    for entry in font_manager.fontManager.ttflist:
        if entry.name in CJK_FAMILIES and entry.weight in (400, "normal", "regular"):
            known.setdefault(entry.name, []).append(entry.fname)
    if not known:
        for path in font_manager.findSystemFonts():
            if any(hint in Path(path).name.lower().replace("-", "").replace("_", "") for hint in _FILE_HINTS):
                for family in CJK_FAMILIES:
                    if _face_in(path, family) is not None:
                        known.setdefault(family, []).append(path)
    return known


def cjk_face() -> tuple[str, FontFace] | None:
    """(family, face) of the preferred installed CJK font, or None."""
    known = _candidates()
    for family in CJK_FAMILIES:
        for path in known.get(family, []):
            face = _face_in(path, family)
            if face is not None:
                return family, face
    return None


def subset_font(face: FontFace, text: str, family: str) -> bytes:
    """``face`` cut down to the characters of ``text``, renamed to ``family`` (regular style)."""
    options = subset.Options()
    options.font_number = face.index
    options.layout_features = list(_LAYOUT_FEATURES)
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    options.notdef_outline = True
    options.drop_tables += ["FFTM"]
    font = subset.load_font(face.path, options)
    try:
        subsetter = subset.Subsetter(options=options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        name = font["name"]
        postscript = "".join(ch for ch in family if ch.isalnum()) + "-Regular"
        for name_id, value in ((1, family), (2, "Regular"), (3, postscript), (4, family), (6, postscript)):
            name.setName(value, name_id, 3, 1, 0x409)
            name.setName(value, name_id, 1, 0, 0)
        out = io.BytesIO()
        font.save(out)
        return out.getvalue()
    finally:
        font.close()


def report_fonts(
    text: str, find_cjk: Callable[[], tuple[str, FontFace] | None] = cjk_face
) -> tuple[EmbeddedFont, EmbeddedFont | None]:
    """(Latin, CJK) subsets for ``text`` under family names unique to this report.

    ``find_cjk`` is asked for the CJK font only when ``text`` has characters DejaVu Sans lacks.
    """
    tag = next(_counter)
    chars = "".join(sorted(set(text) | set(" 0123456789,.-–—%")))
    family = f"FTPlanner Report Sans {tag}"
    latin = EmbeddedFont(family, subset_font(latin_face(), chars, family))
    drawn = (ch for ch in chars if ch.isprintable())  # line breaks and tabs need no glyph
    if all(ord(ch) in latin_characters() for ch in drawn):
        return latin, None  # nothing for the CJK font to draw: its (slow, large) subset is left out
    cjk = find_cjk()
    if cjk is None:
        return latin, None  # boxes for what DejaVu Sans lacks; an English report is still written
    family = f"FTPlanner Report CJK {tag}"
    return latin, EmbeddedFont(family, subset_font(cjk[1], chars, family))
