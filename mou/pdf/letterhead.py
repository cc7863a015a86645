"""The first-page heading: both parties' lambang, the title and both NOMOR lines."""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Image, Paragraph, Spacer, Table, TableStyle

from mou.pdf.clauses import kind_en
from mou.pdf.document import PdfDocument, PdfParty
from mou.pdf.styles import TABLE_FONT, Styles, markup

LAMBANG_HEIGHT = 24 * mm


def _lambang(party: PdfParty) -> Flowable:
    """The coat of arms scaled to a common height, or an empty cell when none was given."""
    if not party.lambang_png:
        return Spacer(LAMBANG_HEIGHT, LAMBANG_HEIGHT)
    try:
        reader = ImageReader(io.BytesIO(party.lambang_png))
        width, height = reader.getSize()
    except Exception:
        # A broken image must not stop the agreement from rendering; the name is printed anyway.
        return Spacer(LAMBANG_HEIGHT, LAMBANG_HEIGHT)
    scaled_width = LAMBANG_HEIGHT * width / max(height, 1)
    return Image(io.BytesIO(party.lambang_png), width=scaled_width, height=LAMBANG_HEIGHT)


def letterhead(doc: PdfDocument, st: Styles, frame_width: float) -> list[Flowable]:
    """Lambang row, then KESEPAKATAN BERSAMA / ANTARA / A / DAN / B, NOMOR lines, TENTANG title."""
    parties = doc.parties
    logos = [_lambang(p) for p in parties[:2]]
    while len(logos) < 2:
        logos.append(Spacer(LAMBANG_HEIGHT, LAMBANG_HEIGHT))
    side = LAMBANG_HEIGHT * 1.6
    logo_row = Table(
        [[logos[0], "", logos[1]]],
        colWidths=[side, frame_width - 2 * side, side],
        rowHeights=[LAMBANG_HEIGHT + 2 * mm],
    )
    logo_row.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("ALIGN", (0, 0), (0, 0), "LEFT"),
                ("ALIGN", (2, 0), (2, 0), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    out: list[Flowable] = [logo_row, Spacer(1, 3 * mm)]
    out.append(Paragraph(markup(doc.kind.upper()), st.title))
    if doc.title_en:
        out.append(Paragraph(markup(kind_en(doc).upper()), st.title_en))
    names = [p.display_name.upper() for p in parties]
    if names:
        out.append(Paragraph("ANTARA", st.title))
        out.append(Paragraph(markup(names[0]), st.title))
        for name in names[1:]:
            out.append(Paragraph("DAN", st.title))
            out.append(Paragraph(markup(name), st.title))
    out.append(Spacer(1, 2 * mm))
    out.extend(nomor_lines(parties, st))
    out.append(Spacer(1, 2 * mm))
    out.append(Paragraph("TENTANG", st.title))
    out.append(Paragraph(markup(_strip_tentang(doc.title).upper()), st.title))
    if doc.title_en:
        out.append(Paragraph(markup(doc.title_en), st.title_en))
    out.append(Spacer(1, 6 * mm))
    return out


def _strip_tentang(title: str) -> str:
    """The heading prints TENTANG itself; accept titles written with or without it."""
    stripped = title.strip()
    return stripped[8:].strip() if stripped.lower().startswith("tentang ") else stripped


def nomor_lines(parties: Sequence[PdfParty], st: Styles) -> list[Flowable]:
    """One "NOMOR : ..." row per party, in party order, the colons in one column.

    A table, not lines of text: with two numbers of different lengths, centred lines put the
    colons in different places. A party that has not yet given its number gets a dotted blank:
    each office's registry fills in its own number, by hand on a printed draft if need be, so the
    row must not vanish.
    """
    if not parties:
        return []
    blank = "." * 40
    numbers = [markup(party.nomor.strip()) or blank for party in parties]
    rows = [[Paragraph("NOMOR", st.nomor), Paragraph(":", st.nomor), Paragraph(n, st.nomor)]
            for n in numbers]  # fmt: skip
    label = stringWidth("NOMOR", st.nomor.fontName, st.nomor.fontSize) + 4
    colon = stringWidth(":", st.nomor.fontName, st.nomor.fontSize) + 6
    number = max(stringWidth(n, st.nomor.fontName, st.nomor.fontSize) for n in numbers) + 4
    table = Table(rows, colWidths=[label, colon, number], hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return [table]
