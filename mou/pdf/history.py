"""Riwayat Dokumen, after the agreement: revisions, approvals, session attendance and signatures.

It is an attachment, not part of the agreement's text: it starts on the ``riwayat`` page template,
whose footer numbers its sheets on their own, so "Halaman x dari y" counts the agreement only.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from mou.pdf.clauses import Bookmark
from mou.pdf.dates import zoned_time
from mou.pdf.document import PdfDocument, PdfHistoryEntry
from mou.pdf.layout import HISTORY_TEMPLATE
from mou.pdf.signature_block import field_name_for
from mou.pdf.styles import TABLE_FONT, Styles, markup

_SECTIONS = (
    ("revision", "Revisi"),
    ("approval", "Persetujuan"),
    ("attendance", "Kehadiran Sesi"),
    ("signature", "Penandatanganan"),
    ("", "Peristiwa Lain"),
)


def _section_table(entries: list[PdfHistoryEntry], st: Styles, frame_width: float) -> Table:
    rows: list[list[object]] = [
        [
            Paragraph("Waktu", st.cell_bold),
            Paragraph("Peristiwa", st.cell_bold),
            Paragraph("Oleh", st.cell_bold),
        ]
    ]
    for entry in sorted(entries, key=lambda e: e.when):
        rows.append(
            [
                Paragraph(zoned_time(entry.when, entry.tz_label), st.cell),
                Paragraph(markup(entry.event), st.cell),
                Paragraph(markup(entry.actor), st.cell),
            ]
        )
    table = Table(
        rows, colWidths=[0.27 * frame_width, 0.41 * frame_width, 0.32 * frame_width], repeatRows=1
    )
    table.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("GRID", (0, 0), (-1, -1), 0.4, "#7A7A7A"),
                ("BACKGROUND", (0, 0), (-1, 0), "#DDE3EA"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return table


def history_page(doc: PdfDocument, st: Styles, frame_width: float) -> list[Flowable]:
    """The audit page. Signing happens after rendering, so signature times are referred to the
    signatures themselves (and the visible stamps) rather than printed here."""
    out: list[Flowable] = [
        NextPageTemplate(HISTORY_TEMPLATE),
        PageBreak(),
        Bookmark("riwayat", "Riwayat Dokumen"),
        Paragraph("RIWAYAT DOKUMEN", st.heading),
        Paragraph(
            f"Catatan ini melengkapi {markup(doc.kind)} di atas dan bukan bagian dari naskahnya; "
            "lembar-lembarnya tidak termasuk dalam penomoran halaman naskah.",
            st.note,
        ),
    ]
    facts = [
        ("Dokumen", f"{doc.kind} {doc.title.strip()}"),
        ("Kode dokumen", doc.agreement_id),
        ("Revisi", doc.revision_label or "-"),
        ("Hash revisi (SHA-256)", doc.revision_hash),
        ("Para pihak", "; ".join(f"{p.role_label}: {p.display_name}" for p in doc.parties)),
    ]
    fact_rows = [
        [
            Paragraph(markup(k), st.cell_bold),
            Paragraph(markup(v), st.mono if "Hash" in k else st.cell),
        ]
        for k, v in facts
    ]
    facts_table = Table(fact_rows, colWidths=[0.26 * frame_width, 0.74 * frame_width])
    facts_table.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, -1), (-1, -1), 0.4, "#7A7A7A"),
            ]
        )
    )
    out += [facts_table, Spacer(1, 4 * mm)]
    known = {key for key, _ in _SECTIONS}
    for key, label in _SECTIONS:
        entries = [e for e in doc.history if (e.category if e.category in known else "") == key]
        if not entries:
            continue
        out.append(CondPageBreak(25 * mm))
        out.append(Paragraph(label, st.section))
        out.append(_section_table(entries, st, frame_width))
    if not doc.history:
        out.append(Paragraph("Belum ada riwayat yang tercatat.", st.body))
    out.append(Paragraph("Tanda Tangan Elektronik", st.section))
    lines = [
        f"{markup(p.role_label)}: {markup(p.head_name)}, {markup(p.head_title)} — kolom "
        f"tanda tangan <font name='{st.mono.fontName}'>{field_name_for(i)}</font>"
        for i, p in enumerate(doc.parties)
    ]
    for index, line in enumerate(lines, start=1):
        out.append(Paragraph(line, st.ayat, bulletText=f"{index}."))
    out.append(
        Paragraph(
            "Dokumen ini ditandatangani secara elektronik (PAdES). Waktu setiap penandatanganan "
            "tercatat di dalam tanda tangan elektronik dan tampil pada kotak tanda tangan. "
            "Keaslian dapat diperiksa dengan aplikasi Lintas atau aplikasi pembaca PDF; kode QR "
            "pada setiap halaman memuat kode dokumen dan hash revisi untuk dicocokkan dengan "
            "catatan aplikasi.",
            st.note,
        )
    )
    return out
