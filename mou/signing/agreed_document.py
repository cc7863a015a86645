"""What you sign is what was agreed: re-render the agreed revision here and compare.

A received agreement PDF is never believed because its metadata names the agreed revision hash:
whoever rendered it could have printed any text above that hash. Before an office signs (offline
``receive``/``sign``, the ceremony's *present*), it renders the agreed revision from its OWN
database (:func:`agreed_pdf_document`) and compares it with the received file's unsigned base
revision (:func:`base_revision`):

* same renderer (``mou.pdf.version``): the bytes must be equal;
* another renderer version: every page must give the same text and the same pixels.

A signature is an incremental update, and the signer could slip more into it than a signature
(a new content stream over Pasal 1, an annotation). So a signed file is also compared as a viewer
shows it: every page's text and pixels, with only the reserved signature boxes left out, must be
those of the agreed document (:func:`check_signed_view`).

Any difference raises :class:`DocumentMismatch` naming the first differing pasal (or page), so the
UI can say where the document was changed. The agreed base document carries only facts both
offices share: the agreed revision's text, its hash chain and the approvals of that hash, printed
in one fixed zone (WIB). Local facts (state changes, session attendance, this office's zone) stay
out of it; they live in the audit trail and the ceremony record.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mou import models
from mou.meeting import IndonesianTimeZone
from mou.pdf.document import Paper, PdfDocument, PdfHistoryEntry

# Base document times are printed in one zone for every office (see the module docstring).
BASE_ZONE = IndonesianTimeZone.WIB
MAX_PAGES = 200  # an agreement has tens of pages; more is refused before rendering any
# The largest page a compared PDF may have (F4 with room to spare), in points: a crafted page of
# square metres would otherwise cost gigabytes of pixels.
MAX_PAGE_POINTS = (700.0, 1000.0)
RASTER_SCALE = 1.0  # 72 dpi: a changed word or image moves many pixels at this size already
_PASAL_RE = re.compile(r"(?m)^\s*Pasal\s+(\d{1,4})\s*$")
_MASK_MARGIN = 2  # pixels around a signature box left out of the comparison (anti-aliasing)
# A reserved signature box: 0-based page, then x1, y1, x2, y2 in PDF points (origin bottom left).
Mask = tuple[int, tuple[float, float, float, float]]

# Codes of DocumentMismatch (the UI words them; params: page, pasal).
D_TEXT = "text"  # the text differs (``pasal`` names where, when it is inside a pasal)
D_PAGES = "pages"  # the page count differs
D_PICTURE = "picture"  # same text, but a page looks different (an image, a stamp, a layout)
D_BYTES = "bytes"  # same renderer, same text and pictures, yet other bytes (hidden content)
D_UNREADABLE = "unreadable"  # the base revision cannot be found or opened


class DocumentMismatch(Exception):
    """The received document is not the agreed revision as this office renders it."""

    def __init__(self, code: str, message: str, **params: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.params = params


@dataclass(frozen=True)
class Comparison:
    """How a received document matched: ``exact`` bytes, or page by page across renderers."""

    exact: bool
    received_renderer: str | None
    local_renderer: str


# ------------------------------------------------------------------------ the agreed document


def agreed_history(session: Session, agreement: models.Agreement) -> list[PdfHistoryEntry]:
    """Riwayat Dokumen lines both offices hold alike: the agreed revision's chain and approvals."""
    agreed = agreement.agreed_revision
    if agreed is None:
        return []
    by_hash = {
        r.hash: r
        for r in session.scalars(
            select(models.Revision).where(models.Revision.agreement_id == agreement.id)
        )
    }
    chain: list[models.Revision] = []
    todo, seen = [agreed.hash], set()
    while todo:  # the ancestors through parent and merge parent, each once
        digest = todo.pop()
        if digest in seen or digest not in by_hash:
            continue
        seen.add(digest)
        revision = by_hash[digest]
        chain.append(revision)
        todo += [h for h in (revision.parent_hash, revision.merge_parent_hash) if h]
    zone = BASE_ZONE.zone
    entries = [
        PdfHistoryEntry(
            when=r.created_at.astimezone(zone),
            tz_label=BASE_ZONE.value,
            event=f"Revisi {r.round} disusun oleh {r.author_office_name} ({r.hash[:12]})",
            actor=f"{r.author_name}, {r.author_office_name}",
            category="revision",
        )
        for r in chain
    ]
    approvals = session.scalars(
        select(models.Approval).where(
            models.Approval.agreement_id == agreement.id,
            models.Approval.revision_hash == agreed.hash,
        )
    )
    entries += [
        PdfHistoryEntry(
            when=a.approved_at.astimezone(zone),
            tz_label=BASE_ZONE.value,
            event=f"Revisi {agreed.round} disetujui ({agreed.hash[:12]})",
            actor=f"{a.approver_name}, {a.office_name}",
            category="approval",
        )
        for a in approvals
    ]
    # Ties broken by text, never by database row order (which differs between offices).
    return sorted(entries, key=lambda e: (e.when, e.category, e.event, e.actor))


def agreed_pdf_document(
    session: Session, agreement: models.Agreement, *, paper: Paper = "f4"
) -> PdfDocument:
    """The agreed revision as the base document every office renders alike."""
    from mou.publication import pdf_document_for

    if agreement.agreed_revision is None:
        raise ValueError("the agreement has no agreed revision")
    document = pdf_document_for(
        session, agreement.id, agreement.agreed_revision_id, paper=paper, time_zone=BASE_ZONE
    )
    return replace(document, history=agreed_history(session, agreement))


def record_renderer(agreement: models.Agreement) -> None:
    """Remember which renderer made this office's PDF of the agreement (for later comparisons)."""
    from mou.pdf.version import renderer_label

    agreement.renderer_version = renderer_label()


# ------------------------------------------------------------------------ reading a received PDF


def base_revision(pdf: bytes) -> bytes:
    """The bytes of the file's first revision (before any incremental update, e.g. a signature).

    Found from the structure pyHanko parsed (the end of revision 0's cross-reference data), then
    the ``%%EOF`` that closes it; a crafted cut cannot help, since the result is compared with
    this office's own rendering.
    """
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        if reader.xrefs.total_revisions <= 1:
            return pdf
        end = reader.xrefs.get_xref_container_info(0).end_location
    except Exception as exc:  # pyHanko raises many types for a broken file
        raise DocumentMismatch(D_UNREADABLE, f"The PDF cannot be read: {exc}") from exc
    eof = pdf.find(b"%%EOF", end)
    if eof < 0:
        raise DocumentMismatch(D_UNREADABLE, "The PDF's first revision has no end marker.")
    cut = eof + 5
    for eol in (b"\r\n", b"\n", b"\r"):
        if pdf.startswith(eol, cut):
            cut += len(eol)
            break
    return pdf[:cut]


def paper_of(pdf: bytes) -> Paper:
    """F4 or A4, from the first page's size (the receiving office renders on the same paper)."""
    import pypdfium2

    from mou.pdf.layout import PAPER_SIZES  # reportlab: imported only when a PDF is checked

    document = None
    try:
        document = pypdfium2.PdfDocument(pdf)
        width, height = document[0].get_size()
    except Exception as exc:  # PdfiumError, IndexError
        raise DocumentMismatch(D_UNREADABLE, f"The PDF cannot be opened: {exc}") from exc
    finally:
        if document is not None:
            document.close()  # PDFium memory is freed now, not whenever the GC runs
    for name, (w, h) in PAPER_SIZES.items():
        if abs(width - w) < 2 and abs(height - h) < 2:
            return name  # type: ignore[return-value]
    raise DocumentMismatch(D_PAGES, "The PDF's paper is neither F4 nor A4.", page=1)


def renderer_of(pdf: bytes) -> str | None:
    """The renderer label in a PDF's /Creator (``None`` when it names none)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    from mou.pdf.version import parse_renderer_label

    try:
        info = PdfFileReader(io.BytesIO(pdf), strict=False).trailer["/Info"]
        creator = str(info.get("/Creator", "")) if info is not None else ""
    except Exception:  # no /Info, a broken trailer: the page comparison decides
        return None
    return parse_renderer_label(creator)


# ------------------------------------------------------------------------ comparing


def _pages(pdf: bytes, masks: Sequence[Mask] = ()) -> list[tuple[str, bytes]]:
    """Text and pixels of every page, form fields and annotations drawn as a viewer shows them.

    The boxes in ``masks`` are painted white first (where signatures appear).
    """
    import pypdfium2

    document = None
    try:
        document = pypdfium2.PdfDocument(pdf)
        document.init_forms()  # before loading pages, or PDFium skips the widgets
        if len(document) > MAX_PAGES:
            raise DocumentMismatch(D_PAGES, "The PDF has too many pages.", page=MAX_PAGES)
        out = []
        for index in range(len(document)):
            page = document[index]
            width, height = page.get_size()
            if width > MAX_PAGE_POINTS[0] or height > MAX_PAGE_POINTS[1]:
                raise DocumentMismatch(
                    D_PAGES, f"Page {index + 1} is larger than F4.", page=index + 1
                )
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            bitmap = page.render(scale=RASTER_SCALE, may_draw_forms=True)
            for _page, (x1, y1, x2, y2) in (m for m in masks if m[0] == index):
                left = max(int(x1 * RASTER_SCALE) - _MASK_MARGIN, 0)
                top = max(int((height - y2) * RASTER_SCALE) - _MASK_MARGIN, 0)
                right = min(int(x2 * RASTER_SCALE) + _MASK_MARGIN + 1, bitmap.width)
                bottom = min(int((height - y1) * RASTER_SCALE) + _MASK_MARGIN + 1, bitmap.height)
                if right > left and bottom > top:
                    bitmap.fill_rect((255, 255, 255, 255), left, top, right - left, bottom - top)
            out.append((text, bytes(bitmap.buffer)))
            bitmap.close()
            page.close()
        return out
    except DocumentMismatch:
        raise
    except Exception as exc:  # PdfiumError and friends
        raise DocumentMismatch(D_UNREADABLE, f"The PDF cannot be opened: {exc}") from exc
    finally:
        if document is not None:
            document.close()  # also closes any page left open by an early refusal


def pasal_at(text: str, index: int) -> int | None:
    """The number of the pasal whose text contains position ``index`` (``None``: before any)."""
    number = None
    for match in _PASAL_RE.finditer(text):
        if match.start() > index:
            break
        number = int(match.group(1))
    return number


def page_difference(
    received: bytes, expected: bytes, masks: Sequence[Mask] = ()
) -> DocumentMismatch | None:
    """The first difference page by page (text first, then pixels); ``None`` when alike.

    Pixels inside ``masks`` (the signature boxes) are not compared.
    """
    theirs, ours = _pages(received, masks), _pages(expected, masks)
    their_text = "\f".join(t for t, _ in theirs)
    our_text = "\f".join(t for t, _ in ours)
    if their_text != our_text:
        index = next(
            (i for i, (a, b) in enumerate(zip(their_text, our_text, strict=False)) if a != b),
            min(len(their_text), len(our_text)),
        )
        page = our_text.count("\f", 0, index) + 1
        pasal = pasal_at(our_text, index)
        where = f"Pasal {pasal}" if pasal is not None else f"page {page}"
        return DocumentMismatch(
            D_TEXT,
            f"The text differs from the agreed revision in {where}.",
            page=page,
            pasal=pasal,
        )
    if len(theirs) != len(ours):
        return DocumentMismatch(
            D_PAGES,
            f"The PDF has {len(theirs)} pages; the agreed revision has {len(ours)}.",
            page=min(len(theirs), len(ours)) + 1,
        )
    for page, ((_, a), (_, b)) in enumerate(zip(theirs, ours, strict=True), start=1):
        if a != b:
            return DocumentMismatch(
                D_PICTURE, f"Page {page} looks different from the agreed revision.", page=page
            )
    return None


def compare_with_agreed(received_base: bytes, expected: bytes) -> Comparison:
    """Accept ``received_base`` only if it is the agreed document ``expected`` (see module doc)."""
    from mou.pdf.version import renderer_label

    local = renderer_label()
    theirs = renderer_of(received_base)
    if received_base == expected:
        return Comparison(exact=True, received_renderer=theirs, local_renderer=local)
    difference = page_difference(received_base, expected)
    if difference is not None:
        raise difference
    if theirs == local:
        # Same renderer, so the bytes had to match: whatever differs is hidden from view.
        raise DocumentMismatch(
            D_BYTES, "The PDF contains more than the agreed revision shows.", page=None
        )
    return Comparison(exact=False, received_renderer=theirs, local_renderer=local)


def check_signed_view(pdf: bytes, expected: bytes, masks: Sequence[Mask]) -> None:
    """Refuse a signed ``pdf`` that shows anything but ``expected`` outside the signature boxes.

    The updates after the base revision are covered by the signatures, but whoever signed could
    have put more than a signature into them; this compares what a reader sees.
    """
    difference = page_difference(pdf, expected, masks)
    if difference is not None:
        raise difference


def check_agreed_pdf(pdf: bytes, document: PdfDocument) -> Comparison:
    """Render ``document`` (this office's agreed base document) and compare ``pdf`` with it.

    The paper is taken from the received file; everything else from ``document``. The base
    revision must be the agreed document (:func:`compare_with_agreed`); a signed file must also
    look like it outside the signature boxes (:func:`check_signed_view`).
    """
    from mou.pdf.render import render_pdf_bytes

    base = base_revision(pdf)
    expected, layout = render_pdf_bytes(replace(document, paper=paper_of(base)))
    comparison = compare_with_agreed(base, expected)
    if len(pdf) > len(base):
        check_signed_view(pdf, expected, [(s.page, s.box) for s in layout.signature_slots])
    return comparison
