"""Embedded fonts and the paragraph styles of the agreement PDF."""

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

SERIF = "LintasSerif"
SERIF_BOLD = "LintasSerif-Bold"
SERIF_ITALIC = "LintasSerif-Italic"
SERIF_BOLD_ITALIC = "LintasSerif-BoldItalic"
SANS = "LintasSans"
SANS_BOLD = "LintasSans-Bold"
MONO = "LintasMono"

_FILES = {
    SERIF: "DejaVuSerif.ttf",
    SERIF_BOLD: "DejaVuSerif-Bold.ttf",
    SERIF_ITALIC: "DejaVuSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "DejaVuSerif-BoldItalic.ttf",
    SANS: "DejaVuSansCondensed.ttf",
    SANS_BOLD: "DejaVuSansCondensed-Bold.ttf",
    MONO: "DejaVuSansMono.ttf",
}


# Every table starts with this: reportlab's cell default is unembedded Helvetica, which it selects
# for each cell even when the cell only holds Paragraphs or images.
TABLE_FONT = ("FONT", (0, 0), (-1, -1), SANS, 8.5)


@functools.cache
def register_fonts() -> None:
    """Register the shipped TTFs once per process (reportlab embeds subsets of them)."""
    for name, filename in _FILES.items():
        path = FONT_DIR / filename
        if not path.exists():
            raise FileNotFoundError(
                f"Font {filename} is missing from {FONT_DIR}; reinstall Lintas."
            )
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF_ITALIC, boldItalic=SERIF_BOLD_ITALIC
    )
    pdfmetrics.registerFontFamily(
        SANS, normal=SANS, bold=SANS_BOLD, italic=SANS, boldItalic=SANS_BOLD
    )


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


@functools.cache
def styles(base_size: float = 11.0) -> Styles:
    """Build the stylesheet (cached: ParagraphStyle construction shows up in the benchmark)."""
    register_fonts()
    leading = base_size * 1.4
    body = ParagraphStyle(
        "body",
        fontName=SERIF,
        fontSize=base_size,
        leading=leading,
        alignment=TA_JUSTIFY,
        spaceAfter=4,
        # Break "perundang-undangan" at its hyphen rather than stretching a justified line.
        embeddedHyphenation=1,
    )
    body_en = ParagraphStyle("body_en", parent=body, fontName=SERIF_ITALIC, textColor="#333333")
    title = ParagraphStyle(
        "title",
        parent=body,
        fontName=SERIF_BOLD,
        fontSize=base_size + 1,
        leading=(base_size + 1) * 1.35,
        alignment=TA_CENTER,
        spaceAfter=0,
    )
    title_en = ParagraphStyle(
        "title_en",
        parent=title,
        fontName=SERIF_BOLD_ITALIC,
        fontSize=base_size,
        textColor="#333333",
    )
    nomor = ParagraphStyle("nomor", parent=title, fontName=SERIF, fontSize=base_size)
    pasal = ParagraphStyle(
        "pasal", parent=title, fontSize=base_size, spaceBefore=10, spaceAfter=4, keepWithNext=1
    )
    pasal_en = ParagraphStyle(
        "pasal_en", parent=pasal, fontName=SERIF_BOLD_ITALIC, textColor="#333333"
    )
    # Hanging indent: the "(1)" sits in the bullet position, wrapped lines align with the text.
    ayat = ParagraphStyle(
        "ayat",
        parent=body,
        leftIndent=26,
        bulletIndent=0,
        bulletFontName=SERIF,
        bulletFontSize=base_size,
    )
    ayat_en = ParagraphStyle(
        "ayat_en",
        parent=ayat,
        fontName=SERIF_ITALIC,
        bulletFontName=SERIF_ITALIC,
        textColor="#333333",
    )
    item = ParagraphStyle("item", parent=ayat, leftIndent=48, bulletIndent=26, spaceAfter=2)
    heading = ParagraphStyle(
        "heading", parent=title, fontSize=base_size + 1, spaceAfter=8, keepWithNext=1
    )
    subheading = ParagraphStyle(
        "subheading",
        parent=body,
        fontName=SERIF_BOLD,
        alignment=TA_LEFT,
        spaceBefore=8,
        spaceAfter=4,
        keepWithNext=1,
    )
    cell = ParagraphStyle("cell", fontName=SANS, fontSize=8.5, leading=10.2, alignment=TA_LEFT)
    cell_bold = ParagraphStyle("cell_bold", parent=cell, fontName=SANS_BOLD)
    small = ParagraphStyle("small", parent=cell, fontSize=7.5, leading=9)
    mono = ParagraphStyle("mono", parent=cell, fontName=MONO, fontSize=7.5, leading=9)
    sign = ParagraphStyle("sign", parent=body, alignment=TA_CENTER, spaceAfter=0)
    sign_bold = ParagraphStyle("sign_bold", parent=sign, fontName=SERIF_BOLD)
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
    )
