"""Embedded fonts and the paragraph styles of the agreement PDF.

The typeface comes from the template: regional governments type their documents in Bookman Old
Style or Arial at 12 pt. Neither may be shipped, so Lintas embeds free faces with the same
metrics: TeX Gyre Bonum for Bookman Old Style (converted to TrueType outlines as "Lintas Bonum",
because reportlab embeds only TrueType; see ``resources/fonts/README.md``) and Liberation Sans
for Arial. Tables and the footer use Liberation Sans in both, hashes DejaVu Sans Mono.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"

SANS = "LintasSans"
SANS_BOLD = "LintasSans-Bold"
MONO = "LintasMono"

# typeface key -> (regular, bold, italic, bold italic) files in resources/fonts
TYPEFACES: dict[str, tuple[str, str, str, str]] = {
    "bookman": (
        "LintasBonum-Regular.ttf",
        "LintasBonum-Bold.ttf",
        "LintasBonum-Italic.ttf",
        "LintasBonum-BoldItalic.ttf",
    ),
    "arial": (
        "LiberationSans-Regular.ttf",
        "LiberationSans-Bold.ttf",
        "LiberationSans-Italic.ttf",
        "LiberationSans-BoldItalic.ttf",
    ),
}
DEFAULT_TYPEFACE = "bookman"
DEFAULT_SIZE = 12.0
# The face of the visible signature stamps (pyHanko embeds it): every Indonesian name's accents.
# A font with 1000 units per em: pyHanko 0.38 writes the /W glyph widths in font units unscaled,
# so a 2048-unit face (Liberation Sans, DejaVu) prints its stamp text letter-spaced and clipped.
STAMP_FONT = FONT_DIR / "LintasBonum-Regular.ttf"

_UTILITY = {
    SANS: "LiberationSans-Regular.ttf",
    SANS_BOLD: "LiberationSans-Bold.ttf",
    MONO: "DejaVuSansMono.ttf",
}

# Every table starts with this: reportlab's cell default is unembedded Helvetica, which it selects
# for each cell even when the cell only holds Paragraphs or images.
TABLE_FONT = ("FONT", (0, 0), (-1, -1), SANS, 9)


def face_names(typeface: str) -> tuple[str, str, str, str]:
    """reportlab names of a typeface's regular, bold, italic and bold italic fonts."""
    base = f"Lintas-{typeface}"
    return base, f"{base}-Bold", f"{base}-Italic", f"{base}-BoldItalic"


def _register(name: str, filename: str) -> None:
    path = FONT_DIR / filename
    if not path.exists():
        raise FileNotFoundError(f"Font {filename} is missing from {FONT_DIR}; reinstall Lintas.")
    pdfmetrics.registerFont(TTFont(name, str(path)))


@functools.cache
def register_fonts(typeface: str = DEFAULT_TYPEFACE) -> tuple[str, str, str, str]:
    """Register the shipped TTFs of ``typeface`` once per process (reportlab embeds subsets)."""
    if typeface not in TYPEFACES:
        raise ValueError(f"Unknown typeface {typeface!r}; use one of {sorted(TYPEFACES)}")
    for name, filename in _UTILITY.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            _register(name, filename)
    names = face_names(typeface)
    for name, filename in zip(names, TYPEFACES[typeface], strict=True):
        _register(name, filename)
    regular, bold, italic, bold_italic = names
    pdfmetrics.registerFontFamily(
        regular, normal=regular, bold=bold, italic=italic, boldItalic=bold_italic
    )
    pdfmetrics.registerFontFamily(
        SANS, normal=SANS, bold=SANS_BOLD, italic=SANS, boldItalic=SANS_BOLD
    )
    return names


class Hyphenator:
    """pyphen's break points for ``lang``, except next to a hyphen the word already has.

    pyphen offers "perundang-" + "-undangan" for "perundang-undangan"; printed, that is a
    doubled hyphen. reportlab calls this with a word and takes the first (head, tail) that fits.
    """

    def __init__(self, lang: str) -> None:
        import pyphen

        self.lang = lang
        self._dic = pyphen.Pyphen(lang=lang)

    def __call__(self, word: str) -> list[tuple[str, str]]:
        """Every allowed (head, tail) split of ``word``, longest head first."""
        return [
            (head, tail)
            for head, tail in self._dic.iterate(word)
            if not head.endswith("-") and not tail.startswith("-")
        ]

    def __repr__(self) -> str:
        return f"Hyphenator({self.lang!r})"


def markup(text: str) -> str:
    """Escape user text for a reportlab Paragraph and keep its line breaks."""
    return escape(text).replace("\n", "<br/>")


@dataclass(frozen=True)
class Styles:
    """The named paragraph styles one rendering uses."""

    body: ParagraphStyle
    body_en: ParagraphStyle
    title: ParagraphStyle
    title_en: ParagraphStyle
    nomor: ParagraphStyle
    pasal: ParagraphStyle
    pasal_en: ParagraphStyle
    ayat: ParagraphStyle
    ayat_en: ParagraphStyle
    item: ParagraphStyle
    item_en: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    small: ParagraphStyle
    mono: ParagraphStyle
    sign: ParagraphStyle
    sign_bold: ParagraphStyle
    note: ParagraphStyle
    section: ParagraphStyle
    lampiran: ParagraphStyle


@functools.cache
def styles(typeface: str = DEFAULT_TYPEFACE, base_size: float = DEFAULT_SIZE) -> Styles:
    """Build the stylesheet (cached: ParagraphStyle construction shows up in the benchmark)."""
    regular, bold, italic, bold_italic = register_fonts(typeface)
    english = Hyphenator("en_US")
    leading = base_size * 1.35
    body = ParagraphStyle(
        "body",
        fontName=regular,
        fontSize=base_size,
        leading=leading,
        alignment=TA_JUSTIFY,
        spaceAfter=4,
        # Real hyphenation (pyphen's Indonesian patterns) keeps justified lines, above all in
        # the narrow two-language columns, from opening wide gaps. A word is never broken at
        # its own hyphen: pdftotext and screen readers drop a line-end hyphen, so
        # "perundang-undangan" would come out as "perundangundangan".
        embeddedHyphenation=0,
        hyphenationLang=Hyphenator("id_ID"),
        hyphenationMinWordLength=6,
        uriWasteReduce=0.3,
    )
    body_en = ParagraphStyle(
        "body_en", parent=body, fontName=italic, textColor="#333333", hyphenationLang=english
    )
    title = ParagraphStyle(
        "title",
        parent=body,
        fontName=bold,
        fontSize=base_size,
        leading=base_size * 1.3,
        alignment=TA_CENTER,
        spaceAfter=0,
        hyphenationLang="",
    )
    title_en = ParagraphStyle(
        "title_en", parent=title, fontName=bold_italic, fontSize=base_size - 1, textColor="#333333"
    )
    nomor = ParagraphStyle("nomor", parent=title, fontName=regular, alignment=TA_LEFT)
    pasal = ParagraphStyle("pasal", parent=title, spaceBefore=10, spaceAfter=4, keepWithNext=1)
    pasal_en = ParagraphStyle("pasal_en", parent=pasal, fontName=bold_italic, textColor="#333333")
    # Hanging indent: the "(1)" sits in the bullet position, wrapped lines align with the text.
    ayat = ParagraphStyle(
        "ayat",
        parent=body,
        leftIndent=base_size * 2.3,
        bulletIndent=0,
        bulletFontName=regular,
        bulletFontSize=base_size,
    )
    ayat_en = ParagraphStyle(
        "ayat_en",
        parent=ayat,
        fontName=italic,
        bulletFontName=italic,
        textColor="#333333",
        hyphenationLang=english,
    )
    item = ParagraphStyle(
        "item", parent=ayat, leftIndent=base_size * 4.3, bulletIndent=base_size * 2.3, spaceAfter=2
    )
    item_en = ParagraphStyle(
        "item_en", parent=item, fontName=italic, bulletFontName=italic, textColor="#333333",
        hyphenationLang=english,
    )  # fmt: skip
    heading = ParagraphStyle("heading", parent=title, spaceAfter=8, keepWithNext=1)
    subheading = ParagraphStyle(
        "subheading",
        parent=body,
        fontName=bold,
        alignment=TA_LEFT,
        spaceBefore=8,
        spaceAfter=4,
        keepWithNext=1,
        hyphenationLang="",
    )
    cell = ParagraphStyle("cell", fontName=SANS, fontSize=9, leading=11, alignment=TA_LEFT)
    cell_bold = ParagraphStyle("cell_bold", parent=cell, fontName=SANS_BOLD)
    small = ParagraphStyle("small", parent=cell, fontSize=8, leading=9.5)
    mono = ParagraphStyle("mono", parent=cell, fontName=MONO, fontSize=8, leading=9.5)
    sign = ParagraphStyle("sign", parent=body, alignment=TA_CENTER, spaceAfter=0)
    sign_bold = ParagraphStyle("sign_bold", parent=sign, fontName=bold)
    return Styles(
        body=body,
        body_en=body_en,
        title=title,
        title_en=title_en,
        nomor=nomor,
        pasal=pasal,
        pasal_en=pasal_en,
        ayat=ayat,
        ayat_en=ayat_en,
        item=item,
        item_en=item_en,
        heading=heading,
        subheading=subheading,
        cell=cell,
        cell_bold=cell_bold,
        small=small,
        mono=mono,
        sign=sign,
        sign_bold=sign_bold,
        note=ParagraphStyle("note", parent=body, alignment=TA_LEFT),
        # Section titles above long tables: not kept with the table (that would push a 400-row
        # table to the next page and leave a blank one); a CondPageBreak guards them instead.
        section=ParagraphStyle("section", parent=subheading, keepWithNext=0),
        # The Lampiran's top-right block (LAMPIRAN / KESEPAKATAN BERSAMA ... / NOMOR / TANGGAL).
        lampiran=ParagraphStyle(
            "lampiran", parent=body, fontSize=base_size - 1, leading=(base_size - 1) * 1.25,
            alignment=TA_LEFT, spaceAfter=0, hyphenationLang="",
        ),
    )  # fmt: skip
