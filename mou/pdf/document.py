"""What the agreement PDF shows, as plain frozen dataclasses (no ORM, no reportlab).

``mou/publication.py`` turns an agreement revision into a ``PdfDocument``; ``mou/pdf/render.py``
draws it. Keeping this boundary plain lets the renderer be tested without a database and lets the
domain change its tables without touching the layout. All classes are keyword-only so optional
fields can be added without breaking callers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Paper = Literal["f4", "a4"]

# The closing sentence of an electronic original: one file, signed by every party, every copy of
# it the same original. No "rangkap 2 (dua) asli": there are no paper originals to count.
ELECTRONIC_CLOSING = (
    "Demikian Kesepakatan Bersama ini dibuat dalam bentuk dokumen elektronik dan ditandatangani "
    "secara elektronik oleh PARA PIHAK. Dokumen elektronik yang sama disimpan oleh masing-masing "
    "PIHAK dan mempunyai kekuatan hukum yang sama."
)
# The same, for an office that affixes an e-Meterai before signing (``PdfDocument.e_meterai``).
ELECTRONIC_CLOSING_METERAI = (
    "Demikian Kesepakatan Bersama ini dibuat dalam bentuk dokumen elektronik, dibubuhi meterai "
    "elektronik, dan ditandatangani secara elektronik oleh PARA PIHAK. Dokumen elektronik yang "
    "sama disimpan oleh masing-masing PIHAK dan mempunyai kekuatan hukum yang sama."
)


@dataclass(frozen=True, kw_only=True)
class PageMargins:
    """Page margins in millimetres, from the template.

    The default follows the tata naskah dinas of regional governments (Permendagri 54/2009, kept
    by Permendagri 1/2023): at least 3 cm left for binding, 2 cm right and top. The bottom margin
    also holds the footer (page number, document code and QR), so it is never below 30 mm.
    """

    top: float = 20.0
    right: float = 20.0
    bottom: float = 30.0
    left: float = 30.0


@dataclass(frozen=True, kw_only=True)
class PdfParty:
    """One signing party as it appears in the header, the identitas and the signature block."""

    nomor: str  # the document number this party gives the agreement ("NOMOR : ...")
    display_name: str  # "Pemerintah Kota Bandung"
    head_title: str  # "Wali Kota Bandung"
    head_name: str  # "Muhammad Farhan"
    head_nip: str | None = None  # printed under the name only when given
    lambang_png: bytes | None = None  # the region's coat of arms, PNG bytes
    role_label: str = "PIHAK PERTAMA"  # "PIHAK PERTAMA" / "PIHAK KEDUA"
    address: str | None = None  # seat of the office, used in the identitas para pihak


@dataclass(frozen=True, kw_only=True)
class PdfClause:
    """A pasal. ``body`` is the pasal's lead text; ``ayat`` its numbered paragraphs (1), (2)..."""

    number: int
    heading: str
    heading_en: str | None = None
    body: str = ""
    body_en: str | None = None
    ayat: list[str] = field(default_factory=list)
    ayat_en: list[str] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class PdfApp:
    """An application picked for the annex (Lampiran)."""

    name: str
    dimension: str  # smart government / society / living / economy / environment / mobility
    opd: str  # the owning department (Organisasi Perangkat Daerah)
    description: str = ""


@dataclass(frozen=True, kw_only=True)
class PdfObligation:
    """A duty one party takes on, with its due date when it has one."""

    what: str
    party: str  # "PIHAK PERTAMA", "PIHAK KEDUA" or "PARA PIHAK"
    due: dt.date | None = None


@dataclass(frozen=True, kw_only=True)
class PdfHistoryEntry:
    """One line of the Riwayat Dokumen page. ``when`` must be time-zone aware."""

    when: dt.datetime
    tz_label: str  # "WIB" / "WITA" / "WIT": shown next to the time, which is printed in that zone
    event: str  # "Revisi 3 diajukan", "Revisi 3 disetujui", "Hadir dalam sesi" ...
    actor: str  # person and office
    category: str = ""  # "revision", "approval", "signature", "attendance" (groups the page)


@dataclass(frozen=True, kw_only=True)
class PdfDocument:
    """Everything the agreement PDF shows. ``revision_hash`` is the hash both parties approved."""

    agreement_id: str
    revision_hash: str
    kind: str  # "Kesepakatan Bersama"
    title: str  # "tentang Kerja Sama Pengembangan Kota Cerdas (Smart City)"
    title_en: str | None = None  # when given, the English text runs in parallel
    parties: list[PdfParty]
    place: str  # where it is signed, "Bandung"
    signed_on: dt.date
    opening: str  # pembukaan: "Pada hari ini ... yang bertanda tangan di bawah ini:"
    clauses: list[PdfClause]
    annex_apps: list[PdfApp] = field(default_factory=list)
    obligations: list[PdfObligation] = field(default_factory=list)
    history: list[PdfHistoryEntry] = field(default_factory=list)
    paper: Paper = "f4"
    opening_en: str | None = None
    closing: str = ELECTRONIC_CLOSING
    closing_en: str | None = None
    considerations: list[str] = field(default_factory=list)  # optional "dengan memperhatikan" items
    considerations_en: list[str] = field(default_factory=list)
    kind_en: str | None = None  # "Memorandum of Understanding"; derived from ``kind`` when None
    typeface: str = "bookman"  # "bookman" (Bookman Old Style metrics) or "arial" (Arial metrics)
    font_size: float = 12.0
    margins: PageMargins = field(default_factory=PageMargins)
    # Space for an e-Meterai next to the first party's signature, for offices that affix one
    # before signing; the meterai itself is affixed by its issuer's application, not by Lintas.
    e_meterai: bool = False
    revision_label: str = ""  # "Revisi 3", printed in the footer next to the hash
    keywords: list[str] = field(default_factory=list)  # PDF metadata keywords
    # A word printed diagonally and lightly across every page ("KONSEP" on a draft preview).
    # Empty for the document that is approved, signed and printed: its bytes stay unchanged.
    watermark: str = ""

    @property
    def meterai_area(self) -> bool:
        """Reserve the e-Meterai area: the template asks for it, or this agreement's own closing
        (which the drafters may edit) says a meterai elektronik is affixed."""
        return self.e_meterai or "meterai elektronik" in self.closing.lower()

    @property
    def bilingual(self) -> bool:
        """True when the English parallel text is printed next to the Indonesian."""
        return bool(self.title_en) or any(c.heading_en or c.body_en for c in self.clauses)
