"""Signature blocks: per party its role, title, a reserved box for the visible signature, name, NIP.

The box is a flowable that, when drawn, records where it landed (page and rectangle in PDF points)
and writes an empty signature field (``/FT /Sig`` widget) exactly there. Signing later fills that
named field, so every office signs at the spot the layout reserved.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from mou.pdf.dates import long_date
from mou.pdf.document import PdfDocument
from mou.pdf.styles import TABLE_FONT, Styles, markup

BOX_WIDTH = 64 * mm
BOX_HEIGHT = 32 * mm


@dataclass(frozen=True)
class SignatureSlot:
    """Where one party's visible signature goes. ``page`` is 0-based (pyHanko's convention)."""

    field_name: str
    party_index: int
    role_label: str
    signer_name: str
    signer_title: str
    page: int
    box: tuple[float, float, float, float]  # x1, y1, x2, y2 in PDF points, origin bottom-left


def field_name_for(party_index: int) -> str:
    """The signature field name of the n-th party (0-based): ``TandaTangan1``, ``TandaTangan2``."""
    return f"TandaTangan{party_index + 1}"


class SignatureBox(Flowable):
    """Reserved space for a visible signature; records its page and rectangle when drawn."""

    def __init__(self, party_index: int, sink: dict[int, tuple[int, tuple[float, ...]]]) -> None:
        super().__init__()
        self.party_index = party_index
        self.field_name = field_name_for(party_index)
        self.sink = sink
        self.width = BOX_WIDTH
        self.height = BOX_HEIGHT

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Fixed size."""
        return self.width, self.height

    def draw(self) -> None:
        """Draw light corner marks (the signature appearance covers the box) and record it."""
        canvas = self.canv
        x, y = canvas.absolutePosition(0, 0)
        # Whole points: pyHanko's stamp layout computes aspect ratios with Fraction (ints only).
        box = (round(x), round(y), round(x + self.width), round(y + self.height))
        self.sink[self.party_index] = (canvas.getPageNumber() - 1, box)
        _add_signature_field(canvas, self.field_name, box)
        canvas.saveState()
        canvas.setStrokeColorRGB(0.75, 0.75, 0.75)
        canvas.setLineWidth(0.5)
        tick = 4 * mm
        for cx, cy, dx, dy in (
            (0, 0, 1, 1),
            (self.width, 0, -1, 1),
            (0, self.height, 1, -1),
            (self.width, self.height, -1, -1),
        ):
            canvas.line(cx, cy, cx + dx * tick, cy)
            canvas.line(cx, cy, cx, cy + dy * tick)
        canvas.restoreState()


def _add_signature_field(canvas, name: str, box: tuple[int, int, int, int]) -> None:
    """An empty, printable signature widget on the current page, listed in the AcroForm.

    Written by reportlab itself (no second pass through pyHanko): the rendered file stays a
    single revision and rendering does not import pyHanko at all.
    """
    from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFString

    form = canvas.acroForm
    form.sigFlags = 1  # SignaturesExist
    widget = PDFDictionary(
        {
            "Type": PDFName("Annot"),
            "Subtype": PDFName("Widget"),
            "FT": PDFName("Sig"),
            "T": PDFString(name),
            "Rect": PDFArray(list(box)),
            "F": 4,  # Print: the signature appearance is printed
            "P": canvas._doc.thisPageRef(),
        }
    )
    canvas._addAnnotation(widget)
    form.fields.append(form.getRef(widget))


def signature_blocks(
    doc: PdfDocument,
    st: Styles,
    frame_width: float,
    sink: dict[int, tuple[int, tuple[float, ...]]],
    *,
    lead: list[Flowable] | None = None,
) -> list[Flowable]:
    """Place and date, then one column per party, kept together on one page."""
    cells = []
    for index, party in enumerate(doc.parties):
        column: list[Flowable] = [
            Paragraph(markup(party.role_label), st.sign_bold),
            Paragraph(markup(party.head_title.upper()), st.sign_bold),
            Spacer(1, 2 * mm),
            SignatureBox(index, sink),
            Spacer(1, 2 * mm),
            Paragraph(f"<u>{markup(party.head_name)}</u>", st.sign_bold),
        ]
        if party.head_nip:
            column.append(Paragraph(f"NIP. {markup(party.head_nip)}", st.sign))
        cells.append(column)
    rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
    odd = bool(rows) and len(rows[-1]) == 1
    if odd:
        rows[-1].append("")
    table = Table(rows, colWidths=[frame_width / 2] * 2) if rows else Spacer(1, 1)
    if rows:
        table.setStyle(
            TableStyle(
                [
                    TABLE_FONT,
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                    # An odd last party signs centred under the others, as on paper.
                    *([("SPAN", (0, len(rows) - 1), (1, len(rows) - 1))] if odd else []),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6 * mm),
                ]
            )
        )
    place = Paragraph(
        f"Ditandatangani di {markup(doc.place)} pada tanggal {long_date(doc.signed_on)}", st.sign
    )
    return [KeepTogether([*(lead or []), Spacer(1, 6 * mm), place, Spacer(1, 4 * mm), table])]
