"""Lampiran: the table of picked applications and the table of obligations."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from mou.pdf.clauses import Bookmark
from mou.pdf.dates import long_date
from mou.pdf.document import PdfDocument
from mou.pdf.signature_block import annex_signatures
from mou.pdf.styles import TABLE_FONT, Styles, markup

_HEADER_BG = "#DDE3EA"
_ZEBRA = "#F4F6F8"


def _table_style(rows: int) -> TableStyle:
    commands: list[tuple] = [
        TABLE_FONT,
        ("GRID", (0, 0), (-1, -1), 0.4, "#7A7A7A"),
        ("BACKGROUND", (0, 0), (-1, 0), _HEADER_BG),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (0, 0), (0, -1), "RIGHT"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    # One ROWBACKGROUNDS command instead of a command per row: far cheaper for 400 rows.
    if rows > 1:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), ["#FFFFFF", _ZEBRA]))
    return TableStyle(commands)


class _Fitter:
    """Plain strings for cells that fit on one line, Paragraphs only where text must wrap.

    A Paragraph costs a line-breaking pass per cell; with 400 applications that is most of
    the render time, and most names and dimensions fit anyway.
    """

    def __init__(self, style, widths: list[float]) -> None:
        self.style = style
        self.widths = widths
        self.measure = lambda text: stringWidth(text, style.fontName, style.fontSize)

    def __call__(self, column: int, text: str) -> object:
        if "\n" not in text and self.measure(text) <= self.widths[column]:
            return text
        # Plain lines broken here (the table draws a multi-line string itself): a Paragraph's
        # markup parse and line breaking per cell was a third of rendering 400 applications.
        # A word longer than the column still gets a Paragraph, which can split it.
        lines = simpleSplit(text, self.style.fontName, self.style.fontSize, self.widths[column])
        if all(self.measure(line) <= self.widths[column] for line in lines):
            return "\n".join(lines)
        return Paragraph(markup(text), self.style)


def lampiran_block(doc: PdfDocument, st: Styles, frame_width: float) -> Table:
    """The block at the top right of the Lampiran's first page, as in regional practice.

    LAMPIRAN / the document it belongs to / each party's NOMOR / TANGGAL / TENTANG, the colons in
    one column. It names the document so a page that is separated from it can be matched again.
    """
    names = " DAN ".join(p.display_name.upper() for p in doc.parties)
    style = st.lampiran
    title = doc.title.strip()
    title = title[8:].strip() if title.lower().startswith("tentang ") else title
    rows: list[list[object]] = [
        [Paragraph("LAMPIRAN", style), "", ""],
        [Paragraph(f"{markup(doc.kind.upper())} ANTARA {markup(names)}", style), "", ""],
    ]
    for party in doc.parties:
        number = markup(party.nomor.strip()) or "." * 30
        rows.append([Paragraph("NOMOR", style), Paragraph(":", style), Paragraph(number, style)])
    rows.append(
        [
            Paragraph("TANGGAL", style),
            Paragraph(":", style),
            Paragraph(long_date(doc.signed_on), style),
        ]
    )
    rows.append(
        [
            Paragraph("TENTANG", style),
            Paragraph(":", style),
            Paragraph(markup(title.upper()), style),
        ]
    )
    label = stringWidth("TANGGAL", style.fontName, style.fontSize) + 4
    colon = stringWidth(":", style.fontName, style.fontSize) + 6
    width = frame_width * 0.55
    table = Table(rows, colWidths=[label, colon, width - label - colon], hAlign="RIGHT")
    table.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("SPAN", (0, 0), (-1, 0)),
                ("SPAN", (0, 1), (-1, 1)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


def _no_lonely_rows(rows: int) -> TableStyle:
    """Never a header with one row under it, nor the last row alone under a repeated header."""
    commands: list[tuple] = []
    if rows > 3:
        commands.append(("NOSPLIT", (0, 0), (-1, 2)))
        commands.append(("NOSPLIT", (0, rows - 2), (-1, rows - 1)))
    return TableStyle(commands)


def annex(doc: PdfDocument, st: Styles, frame_width: float) -> list[Flowable]:
    """A new page "LAMPIRAN" with A. Daftar Aplikasi and B. Kewajiban Para Pihak, then the
    parties' signature blocks, as the Lampiran of a signed agreement ends."""
    if not doc.annex_apps and not doc.obligations:
        return []
    out: list[Flowable] = [
        PageBreak(),
        Bookmark("lampiran", "Lampiran"),
        lampiran_block(doc, st, frame_width),
        Spacer(1, 6 * mm),
    ]
    letter = iter("ABCDEFGH")
    if doc.annex_apps:
        out.append(
            Paragraph(
                f"{next(letter)}. Daftar Aplikasi ({len(doc.annex_apps)} aplikasi)", st.section
            )
        )
        cell, bold = st.cell, st.cell_bold
        rows: list[list[object]] = [
            [
                Paragraph("No", bold),
                Paragraph("Nama Aplikasi", bold),
                Paragraph("Dimensi", bold),
                Paragraph("Perangkat Daerah", bold),
                Paragraph("Keterangan", bold),
            ]
        ]
        widths = [0.06, 0.24, 0.19, 0.17, 0.34]
        fit = _Fitter(cell, [w * frame_width - 6 for w in widths])
        for number, app in enumerate(doc.annex_apps, start=1):
            rows.append(
                [
                    str(number),
                    fit(1, app.name),
                    fit(2, app.dimension),
                    fit(3, app.opd),
                    fit(4, app.description),
                ]
            )
        table = Table(rows, colWidths=[w * frame_width for w in widths], repeatRows=1)
        table.setStyle(_table_style(len(rows)))
        table.setStyle(
            TableStyle([("FONT", (0, 1), (-1, -1), cell.fontName, cell.fontSize, cell.leading)])
        )
        table.setStyle(_no_lonely_rows(len(rows)))
        out.append(table)
    if doc.obligations:
        out.append(CondPageBreak(30 * mm))
        out.append(Paragraph(f"{next(letter)}. Kewajiban Para Pihak", st.section))
        cell, bold = st.cell, st.cell_bold
        rows = [
            [
                Paragraph("No", bold),
                Paragraph("Kewajiban", bold),
                Paragraph("Pihak", bold),
                Paragraph("Tenggat", bold),
            ]
        ]
        for number, item in enumerate(doc.obligations, start=1):
            rows.append(
                [
                    str(number),
                    Paragraph(markup(item.what), cell),
                    Paragraph(markup(item.party), cell),
                    Paragraph(long_date(item.due) if item.due else "-", cell),
                ]
            )
        widths = [0.06, 0.52, 0.2, 0.22]  # the due date fits one line in 9 pt
        table = Table(rows, colWidths=[w * frame_width for w in widths], repeatRows=1)
        table.setStyle(_table_style(len(rows)))
        table.setStyle(TableStyle([("FONT", (0, 1), (0, -1), cell.fontName, cell.fontSize)]))
        table.setStyle(_no_lonely_rows(len(rows)))
        out.append(table)
    out += annex_signatures(doc, st, frame_width)
    return out
