"""Render a ``PdfDocument`` to PDF with reportlab platypus, empty signature fields included.

Each signature block writes an empty signature field at its reserved box while it is drawn.
Signing later fills a named field, so every office signs at the exact spot the layout reserved,
without re-deriving coordinates (``mou.signing.signature_fields`` reads them back).
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable

from mou.pdf.annex import annex
from mou.pdf.clauses import Bookmark, clauses, closing, opening
from mou.pdf.document import PdfDocument
from mou.pdf.history import history_page
from mou.pdf.layout import (
    AgreementDocTemplate,
    PageTotalCanvas,
    footer_line,
    page_geometry,
    qr_payload,
)
from mou.pdf.letterhead import letterhead
from mou.pdf.signature_block import SignatureSlot, field_name_for, signature_blocks
from mou.pdf.styles import styles
from mou.pdf.version import renderer_label


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


def document_id(doc: PdfDocument) -> str:
    """The PDF /ID (32 hex digits) of ``doc``: from the agreed revision hash and the paper."""
    seed = f"lintas-document-id;{doc.agreement_id};{doc.revision_hash};{doc.paper}"
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:32]


def _deterministic_canvas(doc: PdfDocument) -> type[PageTotalCanvas]:
    """A canvas class whose dates and /ID come from ``doc``, never from the clock or the zone.

    Both offices must get the same bytes from the same agreed revision (the receiving office
    re-renders and compares), so the creation date is the agreement date at midnight UTC and the
    /ID derives from the revision hash; reportlab would otherwise take the local time and zone.
    """
    from reportlab.lib.utils import TimeStamp

    midnight = dt.datetime.combine(doc.signed_on, dt.time(), tzinfo=dt.UTC)
    seconds = calendar.timegm(midnight.timetuple())
    ident = document_id(doc).encode("ascii")
    id_bytes = b"\n[<" + ident + b"><" + ident + b">]\n% Lintas agreement document\n"

    class DeterministicCanvas(PageTotalCanvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            kwargs["invariant"] = 1
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            stamp = TimeStamp(1)
            stamp.t = seconds
            stamp.lt = midnight.timetuple()
            stamp.YMDhms = tuple(stamp.lt)[:6]
            stamp.dhh = stamp.dmm = 0
            stamp.tzname = "UTC"
            self._doc._timeStamp = stamp
            self._doc._ID = id_bytes

    return DeterministicCanvas


def render_pdf_bytes(doc: PdfDocument) -> tuple[bytes, RenderResult]:
    """Render to bytes, returning the layout facts as well.

    Deterministic: the same document (same agreed revision, paper, lambang images) rendered by
    the same renderer (``mou.pdf.version``) gives the same bytes on any machine, in any time zone.
    """
    _validate(doc)
    geometry = page_geometry(doc.paper, doc.margins)
    st = styles(doc.typeface, doc.font_size)
    width = geometry.frame_width
    boxes: dict[int, tuple[int, tuple[float, ...]]] = {}
    story: list[Flowable] = [Bookmark("awal", f"{doc.kind} — {doc.title.strip()}")]
    story += letterhead(doc, st, width)
    story += opening(doc, st, width)
    story += clauses(doc, st, width)
    story.append(Bookmark("penandatanganan", "Penandatanganan"))
    # The closing sentence stays on the page of the signatures: signatures alone on a page
    # invite the question what they were put under.
    story += signature_blocks(doc, st, width, boxes, lead=closing(doc, st))
    story += annex(doc, st, width)
    story += history_page(doc, st, width)

    buffer = io.BytesIO()
    names = " – ".join(p.display_name for p in doc.parties)
    template = AgreementDocTemplate(
        buffer,
        geometry=geometry,
        qr_text=qr_payload(doc.agreement_id, doc.revision_hash),
        footer_text=footer_line(doc),
        watermark=doc.watermark,
        title=f"{doc.kind} {doc.title.strip()}",
        author=names,
        subject=f"{doc.kind} antara {names}; ID {doc.agreement_id}; hash revisi {doc.revision_hash}",
        keywords=[doc.kind, "Lintas", doc.agreement_id, doc.revision_hash, *doc.keywords],
        creator=renderer_label(),
        lang="id-ID",
        pageCompression=1,
    )
    template.build(story, canvasmaker=_deterministic_canvas(doc))
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
    return buffer.getvalue(), RenderResult(
        page_count=page_count, signature_slots=slots, paper=doc.paper
    )


def render_pdf(doc: PdfDocument, out: Path | BinaryIO) -> RenderResult:
    """Render ``doc`` into a file path or binary stream (contract API; also returns the layout)."""
    data, result = render_pdf_bytes(doc)
    if isinstance(out, str | Path):
        Path(out).write_bytes(data)
    else:
        out.write(data)
    return result
