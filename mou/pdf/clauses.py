"""Pembukaan, identitas para pihak and the pasal: numbering, ayat with hanging indents, bookmarks.

When the document carries English text, each pasal becomes a two-column table (Indonesian left,
English right) so the parallel texts stay side by side across page breaks.
"""

from __future__ import annotations

import re

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from mou.pdf.dates import pembukaan_date
from mou.pdf.document import PdfClause, PdfDocument
from mou.pdf.styles import TABLE_FONT, Styles, markup

# "a. text" / "b) text" inside an ayat become lettered sub-items with their own hanging indent.
_ITEM = re.compile(r"^\s*([a-z]|\d{1,2})[.)]\s+(.*)$")


class Bookmark(Flowable):
    """A zero-size flowable that adds a PDF outline entry at the point where it is drawn."""

    def __init__(
        self, key: str, title: str, level: int = 0, *, keep_with_next: bool = True
    ) -> None:
        super().__init__()
        self.key = key
        self.title = title
        self.level = level
        self.width = self.height = 0
        # Travel with the heading that follows, so the outline never points at the page before.
        # Not before a splittable table: keeping it "with" a whole table would move the table.
        self.keepWithNext = 1 if keep_with_next else 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Takes no space."""
        return 0, 0

    def draw(self) -> None:
        """Register the destination and the outline entry on the current page."""
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)


def _text_blocks(text: str, style, item_style) -> list[Flowable]:
    """Paragraphs of ``text``; lines that start with "a." or "1)" become hanging sub-items."""
    out: list[Flowable] = []
    plain: list[str] = []

    def flush() -> None:
        if plain:
            out.append(Paragraph(markup("\n".join(plain)), style))
            plain.clear()

    for line in text.splitlines() or [""]:
        match = _ITEM.match(line)
        if match:
            flush()
            out.append(
                Paragraph(markup(match.group(2)), item_style, bulletText=f"{match.group(1)}.")
            )
        elif line.strip():
            plain.append(line.strip())
        else:
            flush()
    flush()
    return out


def _ayat_blocks(ayat: list[str], style, item_style) -> list[Flowable]:
    out: list[Flowable] = []
    for index, text in enumerate(ayat, start=1):
        lines = text.strip().splitlines() or [""]
        first, rest = lines[0], "\n".join(lines[1:])
        out.append(Paragraph(markup(first), style, bulletText=f"({index})"))
        if rest.strip():
            out.extend(_text_blocks(rest, style, item_style))
    return out


def opening(doc: PdfDocument, st: Styles) -> list[Flowable]:
    """Pembukaan, identitas para pihak, the considerations and the agreeing sentence."""
    out: list[Flowable] = []
    opening_text = doc.opening.strip() or (
        f"Pada {pembukaan_date(doc.signed_on)}, "
        f"bertempat di {doc.place}, yang bertanda tangan di bawah ini:"
    )
    out.extend(_text_blocks(opening_text, st.body, st.item))
    if doc.opening_en:
        out.extend(_text_blocks(doc.opening_en, st.body_en, st.item))
    for index, party in enumerate(doc.parties, start=1):
        seat = f", berkedudukan di {markup(party.address)}" if party.address else ""
        out.append(
            Paragraph(
                f"<b>{markup(party.head_name)}</b> : {markup(party.head_title)}, dalam hal ini "
                f"bertindak untuk dan atas nama {markup(party.display_name)}{seat}, "
                f"selanjutnya disebut <b>{markup(party.role_label)}</b>.",
                st.ayat,
                bulletText=f"{index}.",
            )
        )
    if len(doc.parties) > 1:
        roles = " dan ".join(f"<b>{markup(p.role_label)}</b>" for p in doc.parties)
        out.append(
            Paragraph(
                f"{roles} yang selanjutnya secara bersama-sama disebut <b>PARA PIHAK</b>.", st.body
            )
        )
    if doc.considerations:
        out.append(Paragraph("<b>PARA PIHAK</b> terlebih dahulu memperhatikan:", st.body))
        for index, item in enumerate(doc.considerations, start=1):
            out.append(Paragraph(markup(item), st.ayat, bulletText=f"{index}."))
    out.append(
        Paragraph(
            f"<b>PARA PIHAK</b> sepakat untuk mengadakan {markup(doc.kind)} "
            f"{markup(doc.title.strip())}, dengan ketentuan sebagai berikut:",
            st.body,
        )
    )
    return out


def _clause_id(clause: PdfClause, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [
        Paragraph(f"Pasal {clause.number}", st.pasal),
        Paragraph(markup(clause.heading.upper()), st.pasal),
    ]
    if clause.body.strip():
        out.extend(_text_blocks(clause.body, st.body, st.item))
    out.extend(_ayat_blocks(clause.ayat, st.ayat, st.item))
    return out


def _clause_parallel(clause: PdfClause, st: Styles, frame_width: float) -> list[Flowable]:
    """Indonesian and English side by side, one table row per heading / body / ayat."""
    # Inside table cells the first paragraph's spaceBefore is dropped but the second's is not;
    # headings get cell styles without it and the row gets top padding instead.
    head = ParagraphStyle("pasal_cell", parent=st.pasal, spaceBefore=0, spaceAfter=2)
    head_en = ParagraphStyle("pasal_cell_en", parent=st.pasal_en, spaceBefore=0, spaceAfter=2)
    rows: list[list[object]] = [
        [
            [
                Paragraph(f"Pasal {clause.number}", head),
                Paragraph(markup(clause.heading.upper()), head),
            ],
            [
                Paragraph(f"Article {clause.number}", head_en),
                Paragraph(markup((clause.heading_en or "").upper()), head_en),
            ],
        ]
    ]
    if clause.body.strip() or (clause.body_en or "").strip():
        rows.append(
            [
                _text_blocks(clause.body, st.body, st.item),
                _text_blocks(clause.body_en or "", st.body_en, st.item),
            ]
        )
    for index in range(max(len(clause.ayat), len(clause.ayat_en))):
        left = clause.ayat[index] if index < len(clause.ayat) else ""
        right = clause.ayat_en[index] if index < len(clause.ayat_en) else ""
        rows.append(
            [
                Paragraph(markup(left), st.ayat, bulletText=f"({index + 1})"),
                Paragraph(markup(right), st.ayat_en, bulletText=f"({index + 1})"),
            ]
        )
    gap = 5 * mm
    table = Table(rows, colWidths=[(frame_width - gap) / 2 + gap / 2] * 2, splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), gap / 2),
                ("LEFTPADDING", (1, 0), (1, -1), gap / 2),
                ("RIGHTPADDING", (1, 0), (1, -1), 0),
                ("LINEAFTER", (0, 0), (0, -1), 0.3, "#999999"),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, 0), 10),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return [table]


def clauses(doc: PdfDocument, st: Styles, frame_width: float) -> list[Flowable]:
    """Every pasal in order, each with an outline entry "Pasal n — Heading"."""
    out: list[Flowable] = []
    for clause in doc.clauses:
        out.append(
            Bookmark(
                f"pasal-{clause.number}",
                f"Pasal {clause.number} — {clause.heading}",
                keep_with_next=not doc.bilingual,
            )
        )
        if doc.bilingual:
            out.extend(_clause_parallel(clause, st, frame_width))
        else:
            out.extend(_clause_id(clause, st))
    return out


def closing(doc: PdfDocument, st: Styles) -> list[Flowable]:
    """The closing sentence that precedes the signature blocks."""
    out: list[Flowable] = [Spacer(1, 4 * mm), Paragraph(markup(doc.closing), st.body)]
    if doc.closing_en:
        out.append(Paragraph(markup(doc.closing_en), st.body_en))
    return out
