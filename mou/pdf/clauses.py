"""Pembukaan, identitas para pihak and the pasal: numbering, ayat with hanging indents, bookmarks.

When the document carries English text, each pasal becomes a two-column table (Indonesian left,
English right) so the parallel texts stay side by side across page breaks.
"""

from __future__ import annotations

import datetime as dt
import re

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from mou.pdf.dates import pembukaan_date
from mou.pdf.document import (
    ELECTRONIC_CLOSING,
    ELECTRONIC_CLOSING_METERAI,
    PdfClause,
    PdfDocument,
    PdfParty,
)
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


_KIND_EN = {
    "Kesepakatan Bersama": "Memorandum of Understanding",
    "Perjanjian Kerja Sama": "Cooperation Agreement",
}
_ROLE_EN = {
    "PIHAK PERTAMA": "FIRST PARTY",
    "PIHAK KEDUA": "SECOND PARTY",
    "PIHAK KETIGA": "THIRD PARTY",
}
_DAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
# Room a pasal heading needs below it before a page ends: the heading itself and about three
# lines of its text (keep-with-next for the two-column layout, whose rows split across pages).
_HEADING_ROOM_LINES = 6.5


def kind_en(doc: PdfDocument) -> str:
    """The English name of the document's kind ("Memorandum of Understanding")."""
    return doc.kind_en or _KIND_EN.get(doc.kind, doc.kind)


def role_en(label: str) -> str:
    """ "FIRST PARTY" for "PIHAK PERTAMA"."""
    return _ROLE_EN.get(label.strip().upper(), label)


def _english_date(day: dt.date) -> str:
    # Not strftime: month and day names would follow the process locale.
    return f"{_DAYS_EN[day.weekday()]}, {day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def _seat(party: PdfParty) -> str:
    """Where the party sits: its address, else the region named in its display name."""
    if party.address:
        return party.address.strip()
    name = party.display_name.strip()
    return name[len("Pemerintah ") :] if name.startswith("Pemerintah ") else name


def _parallel(rows: list[tuple[list[Flowable], list[Flowable]]], frame_width: float) -> Table:
    """Indonesian left, English right, one table row per pair, split between rows or inside."""
    gap = 5 * mm
    table = Table(
        [[left, right] for left, right in rows],
        colWidths=[(frame_width - gap) / 2 + gap / 2] * 2,
        splitInRow=1,
    )
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
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def _identitas(party: PdfParty, index: int, st: Styles) -> Paragraph:
    return Paragraph(
        f"<b>{markup(party.head_name)}</b>, {markup(party.head_title)}, berkedudukan di "
        f"{markup(_seat(party))}, dalam hal ini bertindak untuk dan atas nama "
        f"{markup(party.display_name)}, selanjutnya disebut <b>{markup(party.role_label)}</b>.",
        st.ayat,
        bulletText=f"{index}.",
    )


def _identitas_en(party: PdfParty, index: int, st: Styles) -> Paragraph:
    return Paragraph(
        f"<b>{markup(party.head_name)}</b>, {markup(party.head_title)}, domiciled at "
        f"{markup(_seat(party))}, acting for and on behalf of {markup(party.display_name)}, "
        f"hereinafter referred to as the <b>{markup(role_en(party.role_label))}</b>.",
        st.ayat_en,
        bulletText=f"{index}.",
    )


def _numbered(items: list[str], style: ParagraphStyle) -> list[Flowable]:
    return [
        Paragraph(markup(item), style, bulletText=f"{n}.") for n, item in enumerate(items, start=1)
    ]


def opening(doc: PdfDocument, st: Styles, frame_width: float | None = None) -> list[Flowable]:
    """Pembukaan, identitas para pihak, the considerations and the agreeing sentence.

    With English text (and ``frame_width`` given), each part stands next to its translation, as
    the pasal do.
    """
    opening_text = doc.opening.strip() or (
        f"Pada {pembukaan_date(doc.signed_on)}, "
        f"bertempat di {doc.place}, yang bertanda tangan di bawah ini:"
    )
    parts: list[tuple[list[Flowable], list[Flowable]]] = [
        (
            _text_blocks(opening_text, st.body, st.item),
            _text_blocks(
                (doc.opening_en or "").strip()
                or f"On {_english_date(doc.signed_on)}, at {doc.place}, the undersigned:",
                st.body_en,
                st.item_en,
            ),
        )
    ]
    for index, party in enumerate(doc.parties, start=1):
        parts.append(([_identitas(party, index, st)], [_identitas_en(party, index, st)]))
    if len(doc.parties) > 1:
        roles = " dan ".join(f"<b>{markup(p.role_label)}</b>" for p in doc.parties)
        roles_en = " and the ".join(f"<b>{markup(role_en(p.role_label))}</b>" for p in doc.parties)
        together = f"{roles} yang selanjutnya secara bersama-sama disebut <b>PARA PIHAK</b>."
        together_en = f"The {roles_en} are hereinafter jointly referred to as <b>THE PARTIES</b>."
        parts.append(([Paragraph(together, st.body)], [Paragraph(together_en, st.body_en)]))
    if doc.considerations:
        parts.append(
            (
                [
                    Paragraph("<b>PARA PIHAK</b> terlebih dahulu memperhatikan:", st.body),
                    *_numbered(doc.considerations, st.ayat),
                ],
                [
                    Paragraph("<b>THE PARTIES</b> have first taken into account:", st.body_en),
                    *_numbered(doc.considerations_en, st.ayat_en),
                ],
            )
        )
    title_en = (doc.title_en or "").strip()
    agreeing = (
        f"<b>PARA PIHAK</b> sepakat untuk mengadakan {markup(doc.kind)} "
        f"{markup(doc.title.strip())}, dengan ketentuan sebagai berikut:"
    )
    agreeing_en = (
        f"<b>THE PARTIES</b> agree to enter into a {markup(kind_en(doc))}"
        f"{' ' + markup(title_en) if title_en else ''}, under the following terms:"
    )
    parts.append(([Paragraph(agreeing, st.body)], [Paragraph(agreeing_en, st.body_en)]))
    if doc.bilingual and frame_width is not None:
        return [_parallel(parts, frame_width)]
    return [flowable for left, _ in parts for flowable in left]


def _clause_id(clause: PdfClause, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [
        Paragraph(f"Pasal {clause.number}", st.pasal),
        Paragraph(markup(clause.heading.upper()), st.pasal),
    ]
    if clause.body.strip():
        # A list in the body hangs from the text's edge, like the ayat numbers; only a list
        # inside an ayat is indented further.
        out.extend(_text_blocks(clause.body, st.body, st.ayat))
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
                _text_blocks(clause.body, st.body, st.ayat),
                _text_blocks(clause.body_en or "", st.body_en, st.ayat_en),
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
        if doc.bilingual:
            # Keep-with-next for a table: a heading row never ends a page. The heading and the
            # first lines of its text must fit, else the pasal starts on the next page; the
            # break comes before the bookmark, so the outline points at the page of the pasal.
            out.append(CondPageBreak(st.body.leading * _HEADING_ROOM_LINES + 10))
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
    text = doc.closing
    if doc.e_meterai and text == ELECTRONIC_CLOSING:
        text = ELECTRONIC_CLOSING_METERAI
    out: list[Flowable] = [Spacer(1, 4 * mm), Paragraph(markup(text), st.body)]
    if doc.closing_en:
        out.append(Paragraph(markup(doc.closing_en), st.body_en))
    return out
