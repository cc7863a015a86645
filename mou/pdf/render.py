"""Render a ``PdfDocument`` to PDF: reportlab platypus for the pages, then empty signature fields.

The signature fields are added right after rendering (as a small incremental update made with
pyHanko) at the reserved boxes of the signature blocks. Signing later fills a named field, so
every office signs at the exact spot the layout reserved, without re-deriving coordinates.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable

from mou.pdf.annex import annex
from mou.pdf.clauses import Bookmark, clauses, closing, opening
from mou.pdf.document import PdfDocument
from mou.pdf.history import history_page
from mou.pdf.layout import AgreementDocTemplate, PageTotalCanvas, page_geometry, qr_payload
from mou.pdf.letterhead import letterhead
from mou.pdf.signature_block import SignatureSlot, field_name_for, signature_blocks
from mou.pdf.styles import styles


@dataclass(frozen=True)
class RenderResult:
    """What the renderer produced: page count and where each party signs."""

    page_count: int
    signature_slots: list[SignatureSlot]
    paper: str


class RenderError(Exception):
    """The document cannot be rendered (e.g. no parties, duplicate pasal numbers)."""


def _validate(doc: PdfDocument) -> None:
    if not doc.parties:
        raise RenderError("An agreement needs at least one party to render.")
    numbers = [c.number for c in doc.clauses]
    if len(set(numbers)) != len(numbers):
        raise RenderError(f"Pasal numbers repeat: {sorted(numbers)}")
    for entry in doc.history:
        if entry.when.tzinfo is None:
            raise RenderError(f"History entry {entry.event!r} has a time without a time zone.")


def render_pdf_bytes(doc: PdfDocument) -> tuple[bytes, RenderResult]:
    """Render to bytes, returning the layout facts as well."""
    _validate(doc)
    geometry = page_geometry(doc.paper)
    st = styles()
    width = geometry.frame_width
    boxes: dict[int, tuple[int, tuple[float, ...]]] = {}
    story: list[Flowable] = [Bookmark("awal", f"{doc.kind} — {doc.title.strip()}")]
    story += letterhead(doc, st, width)
    story += opening(doc, st)
    story += clauses(doc, st, width)
    story.append(Bookmark("penandatanganan", "Penandatanganan"))
    # The closing sentence stays on the page of the signatures: signatures alone on a page
    # invite the question what they were put under.
    story += signature_blocks(doc, st, width, boxes, lead=closing(doc, st))
    story += annex(doc, st, width)
    story += history_page(doc, st, width)

    buffer = io.BytesIO()
    short_hash = doc.revision_hash[:16]
    revision = f" · {doc.revision_label}" if doc.revision_label else ""
    names = " – ".join(p.display_name for p in doc.parties)
    template = AgreementDocTemplate(
        buffer,
        geometry=geometry,
        qr_text=qr_payload(doc.agreement_id, doc.revision_hash),
        footer_text=f"{doc.kind} {names}{revision} · hash {short_hash}…",
        title=f"{doc.kind} {doc.title.strip()}",
        author=names,
        subject=f"{doc.kind} antara {names}; ID {doc.agreement_id}; hash revisi {doc.revision_hash}",
        keywords=[doc.kind, "Lintas", doc.agreement_id, doc.revision_hash, *doc.keywords],
        creator="Lintas",
        lang="id-ID",
        pageCompression=1,
    )
    template.build(story, canvasmaker=PageTotalCanvas)
    page_count = template.page
    slots = []
    for index, party in enumerate(doc.parties):
        if index not in boxes:
            raise RenderError(f"The signature block of {party.display_name} was not laid out.")
        page, box = boxes[index]
        slots.append(
            SignatureSlot(
                field_name=field_name_for(index),
                party_index=index,
                role_label=party.role_label,
                signer_name=party.head_name,
                signer_title=party.head_title,
                page=page,
                box=(box[0], box[1], box[2], box[3]),
            )
        )
    data = _add_signature_fields(buffer.getvalue(), slots)
    return data, RenderResult(page_count=page_count, signature_slots=slots, paper=doc.paper)


def _add_signature_fields(data: bytes, slots: list[SignatureSlot]) -> bytes:
    """Append one empty, visible signature field per party at its reserved box."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.fields import SigFieldSpec, append_signature_field

    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    for slot in slots:
        append_signature_field(
            writer, SigFieldSpec(sig_field_name=slot.field_name, on_page=slot.page, box=slot.box)
        )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def render_pdf(doc: PdfDocument, out: Path | BinaryIO) -> RenderResult:
    """Render ``doc`` into a file path or binary stream (contract API; also returns the layout)."""
    data, result = render_pdf_bytes(doc)
    if isinstance(out, str | Path):
        Path(out).write_bytes(data)
    else:
        out.write(data)
    return result
