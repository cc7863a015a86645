"""A redline as a PDF to file or print: insertions underlined in green, deletions struck in red.

Drawn with reportlab platypus from the ``mou.redline.Redline`` model, in Indonesian like the
agreement itself (it goes into the same file folder): a heading naming the two revisions with
their offices, rounds and Indonesian long dates, a legend, then the heading of the agreement and
every changed pasal with the rounds that proposed the change. Fonts are the shipped TrueType faces,
embedded. Times are shown in the office's zone (WIB by default).
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from mou.meeting import IndonesianTimeZone
from mou.pdf.layout import F4
from mou.pdf.styles import SANS, TABLE_FONT, register_fonts
from mou.redline import ClauseDiff, FieldDiff, Redline, Round, WordOp
from mou.terbilang import long_date

INSERT_COLOUR = "#0b6b26"
DELETE_COLOUR = "#a31515"
_STATUS = {
    "unchanged": "tetap",
    "changed": "diubah",
    "added": "ditambahkan",
    "removed": "dihapus",
    "moved": "dipindahkan",
}
_FIELDS = {
    "heading": "Judul pasal",
    "heading_en": "Judul pasal (bahasa Inggris)",
    "body": "Isi",
    "body_en": "Isi (bahasa Inggris)",
    "title": "Judul kesepakatan",
    "title_en": "Judul kesepakatan (bahasa Inggris)",
    "place": "Tempat",
    "agreement_date": "Tanggal",
    "valid_from": "Berlaku sejak",
    "valid_until": "Berlaku sampai",
    "opening": "Pembukaan",
    "closing": "Penutup",
    "nomor": "Nomor",
    "legal_basis": "Dasar hukum",
}


def field_label(name: str) -> str:
    """Indonesian label of a redline field ("ayat 2 (en)" -> "Ayat (2), bahasa Inggris")."""
    if name.startswith("ayat "):
        number, _, english = name[5:].partition(" ")
        return f"Ayat ({number})" + (", bahasa Inggris" if english else "")
    return _FIELDS.get(name, name)


def ops_markup(ops: list[WordOp]) -> str:
    """Word ops as Paragraph markup: inserted underlined green, deleted struck red."""
    parts = []
    for op in ops:
        text = escape(op.text).replace("\n", "<br/>")
        if op.kind == "insert":
            parts.append(f'<u><font color="{INSERT_COLOUR}">{text}</font></u>')
        elif op.kind == "delete":
            parts.append(f'<strike><font color="{DELETE_COLOUR}">{text}</font></strike>')
        else:
            parts.append(text)
    return "".join(parts)


def round_line(side: Round, zone: IndonesianTimeZone) -> str:
    """ "Revisi 3 oleh Pemerintah Kota Pekanbaru (Rina), 5 Desember 2026" (plain text)."""
    line = f"Revisi {side.round} oleh {side.office}"
    if side.author:
        line += f" ({side.author})"
    if side.created_at is not None:
        line += f", {long_date(side.created_at.astimezone(zone.zone).date())}"
    return line


class _Styles:
    def __init__(self, typeface: str) -> None:
        regular, bold, _italic, _bi = register_fonts(typeface)
        self.title = ParagraphStyle(
            "title", fontName=bold, fontSize=14, leading=18, alignment=TA_CENTER, spaceAfter=2
        )
        self.subtitle = ParagraphStyle(
            "subtitle", fontName=regular, fontSize=11, leading=14, alignment=TA_CENTER,
            spaceAfter=8,
        )  # fmt: skip
        self.meta = ParagraphStyle("meta", fontName=regular, fontSize=10, leading=13)
        self.h2 = ParagraphStyle(
            "h2", fontName=bold, fontSize=11.5, leading=15, spaceBefore=10, spaceAfter=2
        )
        self.who = ParagraphStyle(
            "who", fontName=regular, fontSize=9, leading=12, textColor=colors.HexColor("#0d3c61"),
            leftIndent=8, spaceAfter=2,
        )  # fmt: skip
        self.field = ParagraphStyle(
            "field", fontName=regular, fontSize=10.5, leading=14, leftIndent=8, spaceAfter=4
        )
        self.bold = bold


def _field(diff: FieldDiff, st: _Styles) -> Paragraph:
    label = escape(field_label(diff.field))
    return Paragraph(f'<font name="{st.bold}">{label}:</font> {ops_markup(diff.ops)}', st.field)


def _clause(clause: ClauseDiff, st: _Styles) -> list[Flowable]:
    if clause.status == "moved" and clause.old_number:
        number = f"Pasal {clause.old_number} → {clause.new_number}"
    else:
        number = f"Pasal {clause.new_number or clause.old_number}"
    out: list[Flowable] = [
        Paragraph(
            f"{number} — {escape(clause.heading)} [{_STATUS.get(clause.status, clause.status)}]",
            st.h2,
        )
    ]
    if clause.rounds:
        who = "; ".join(
            f"putaran {r.round} oleh {escape(r.office)}"
            + (f" ({escape(r.author)})" if r.author else "")
            for r in clause.rounds
        )
        out.append(Paragraph(f"Diusulkan pada {who}", st.who))
    out += [_field(f, st) for f in clause.fields if f.changed]
    return out


def _list(title: str, items: list[tuple[str, str]], st: _Styles) -> list[Flowable]:
    if not items:
        return []
    out: list[Flowable] = [Paragraph(escape(title), st.h2)]
    for text, kind in items:
        out.append(Paragraph("• " + ops_markup([WordOp(kind, text)]), st.field))  # type: ignore[arg-type]
    return out


def redline_pdf(
    redline: Redline,
    *,
    title: str,
    paper: str = "a4",
    typeface: str = "bookman",
    zone: IndonesianTimeZone = IndonesianTimeZone.WIB,
) -> bytes:
    """The redline as PDF bytes (``title``: the agreement's, e.g. "Kesepakatan Bersama tentang …")."""
    st = _Styles(typeface)
    story: list[Flowable] = [
        Paragraph("PERBANDINGAN NASKAH (REDLINE)", st.title),
        Paragraph(escape(title), st.subtitle),
    ]
    meta = Table(
        [
            [Paragraph("Dari", st.meta), Paragraph(escape(round_line(redline.old, zone)), st.meta)],
            [Paragraph("Ke", st.meta), Paragraph(escape(round_line(redline.new, zone)), st.meta)],
        ],
        colWidths=[18 * mm, None],
    )
    meta.setStyle(TableStyle([TABLE_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0)]))  # fmt: skip
    story += [meta, Spacer(1, 4)]
    legend = (
        f"Keterangan: {ops_markup([WordOp('insert', 'teks yang ditambahkan')])} · "
        f"{ops_markup([WordOp('delete', 'teks yang dihapus')])}"
    )
    story.append(Paragraph(legend, st.meta))
    if redline.header:
        story.append(Paragraph("Kepala kesepakatan", st.h2))
        story += [_field(f, st) for f in redline.header]
    changed = redline.changed_clauses
    if not changed and not redline.header:
        story.append(Paragraph("Kedua revisi memuat teks pasal yang sama.", st.field))
    for clause in changed:
        story += _clause(clause, st)
    story += _list(
        "Lampiran (aplikasi)",
        [(n, "insert") for n in redline.annex_added]
        + [(n, "delete") for n in redline.annex_removed],
        st,
    )
    story += _list(
        "Kewajiban",
        [(w, "insert") for w in redline.obligations_added]
        + [(w, "delete") for w in redline.obligations_removed]
        + [(w + " (diubah)", "equal") for w in redline.obligations_changed],
        st,
    )

    buffer = io.BytesIO()
    page = F4 if paper == "f4" else A4
    footer = (
        f"Redline revisi {redline.old.round} → {redline.new.round} · hash {redline.new.hash[:12]}"
    )

    def decorate(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(SANS, 8)
        canvas.setFillColorRGB(0.4, 0.4, 0.4)
        canvas.drawString(doc.leftMargin, 12 * mm, footer)
        canvas.drawRightString(page[0] - doc.rightMargin, 12 * mm, f"Halaman {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        buffer, pagesize=page, leftMargin=25 * mm, rightMargin=20 * mm, topMargin=20 * mm,
        bottomMargin=22 * mm, title=f"Redline — {title}", author=redline.new.office,
        subject=f"Revisi {redline.old.round} ke revisi {redline.new.round}", creator="Lintas",
        lang="id-ID", initialFontName=SANS, initialFontSize=9, initialLeading=11,
    )  # fmt: skip
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()
