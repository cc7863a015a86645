"""A realistic sample Kesepakatan Bersama (Bandung and Palangkaraya) as a ``PdfDocument``.

Used by ``main.py sample-agreement`` when the agreements core cannot build one from its template,
and by the PDF tests and benchmarks. Names of people are fictitious; the lambang are drawn shields,
not the real coats of arms.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io

from mou.pdf.dates import ZONES
from mou.pdf.document import (
    Paper,
    PdfApp,
    PdfClause,
    PdfDocument,
    PdfHistoryEntry,
    PdfObligation,
    PdfParty,
)

DIMENSIONS = (
    "Smart Government",
    "Smart Society",
    "Smart Living",
    "Smart Economy",
    "Smart Environment",
    "Smart Mobility",
)

_APPS = (
    ("Gampil", "Smart Government", "DPMPTSP", "Perizinan daring dari gawai warga."),
    (
        "Hay Bandung",
        "Smart Society",
        "Diskominfo",
        "Aduan warga dan tindak lanjut perangkat daerah.",
    ),
    (
        "Panic Button",
        "Smart Living",
        "Satpol PP",
        "Tombol darurat yang meneruskan lokasi ke petugas.",
    ),
    ("e-Budgeting", "Smart Government", "BKAD", "Penyusunan anggaran berbasis web."),
    (
        "e-Musrenbang",
        "Smart Government",
        "Bappelitbang",
        "Usulan musyawarah perencanaan pembangunan.",
    ),
    ("SIAP Parkir", "Smart Mobility", "Dishub", "Parkir elektronik dan pemantauan juru parkir."),
    (
        "Cek Banjir",
        "Smart Environment",
        "DSDABM",
        "Peringatan dini genangan dari sensor tinggi muka air.",
    ),
    ("Pasar Juara", "Smart Economy", "Disdagin", "Informasi harga dan kios pasar tradisional."),
    ("e-Puskesmas", "Smart Living", "Dinkes", "Rekam medis dan antrean puskesmas."),
    ("PPDB Daring", "Smart Society", "Disdik", "Penerimaan peserta didik baru secara daring."),
    (
        "Bandung Command Center",
        "Smart Government",
        "Diskominfo",
        "Dasbor kota dan kamera lalu lintas.",
    ),
    ("Boseh", "Smart Mobility", "Dishub", "Sepeda sewa dengan kartu dan aplikasi."),
)

_CLAUSES = (
    (
        "Maksud dan Tujuan",
        "Purpose and Objectives",
        "",
        [
            "Maksud Kesepakatan Bersama ini adalah sebagai landasan bagi PARA PIHAK dalam "
            "melaksanakan kerja sama pengembangan kota cerdas.",
            "Tujuan Kesepakatan Bersama ini adalah meningkatkan kualitas pelayanan publik melalui "
            "pemanfaatan bersama aplikasi kota cerdas milik PIHAK PERTAMA.",
        ],
        [
            "This agreement is the basis on which THE PARTIES cooperate in developing smart cities.",
            "Its objective is better public services through shared use of the FIRST PARTY's "
            "smart-city applications.",
        ],
    ),
    (
        "Ruang Lingkup",
        "Scope",
        "Ruang lingkup Kesepakatan Bersama ini meliputi:\n"
        "a. hibah aplikasi kota cerdas beserta kode sumbernya;\n"
        "b. pendampingan teknis dan peningkatan kapasitas sumber daya manusia;\n"
        "c. pertukaran data dan informasi sesuai ketentuan peraturan perundang-undangan; dan\n"
        "d. kerja sama lain yang disepakati PARA PIHAK.",
        [],
        [],
    ),
    (
        "Pelaksanaan",
        "Implementation",
        "",
        [
            "Pelaksanaan Kesepakatan Bersama ini dituangkan lebih lanjut dalam Perjanjian Kerja Sama "
            "yang ditandatangani oleh kepala perangkat daerah yang ditunjuk oleh PARA PIHAK.",
            "Perjanjian Kerja Sama sebagaimana dimaksud pada ayat (1) paling sedikit memuat subjek, "
            "objek, ruang lingkup, hak dan kewajiban, jangka waktu, serta pembiayaan.",
        ],
        [],
    ),
    (
        "Hak dan Kewajiban",
        "Rights and Obligations",
        "",
        [
            "PIHAK PERTAMA berhak mendapatkan laporan pemanfaatan aplikasi dan berkewajiban "
            "menyerahkan aplikasi yang dipilih beserta dokumentasinya.",
            "PIHAK KEDUA berhak memanfaatkan aplikasi yang diserahkan dan berkewajiban menyediakan "
            "infrastruktur serta sumber daya manusia pengelolanya.",
        ],
        [],
    ),
    (
        "Pembiayaan",
        "Funding",
        "Biaya yang timbul dari pelaksanaan Kesepakatan Bersama ini dibebankan pada Anggaran "
        "Pendapatan dan Belanja Daerah masing-masing PIHAK dan sumber lain yang sah dan tidak "
        "mengikat sesuai ketentuan peraturan perundang-undangan.",
        [],
        [],
    ),
    (
        "Jangka Waktu",
        "Term",
        "",
        [
            "Kesepakatan Bersama ini berlaku untuk jangka waktu 5 (lima) tahun terhitung sejak "
            "tanggal ditandatangani.",
            "Kesepakatan Bersama ini dapat diperpanjang atas persetujuan PARA PIHAK yang "
            "disampaikan paling lambat 6 (enam) bulan sebelum berakhirnya jangka waktu.",
        ],
        [],
    ),
    (
        "Pemantauan dan Evaluasi",
        "Monitoring and Evaluation",
        "PARA PIHAK melakukan pemantauan dan evaluasi atas pelaksanaan Kesepakatan Bersama ini "
        "paling sedikit 1 (satu) kali dalam 1 (satu) tahun.",
        [],
        [],
    ),
    (
        "Penyelesaian Perselisihan",
        "Dispute Settlement",
        "Perselisihan yang timbul dalam pelaksanaan Kesepakatan Bersama ini diselesaikan secara "
        "musyawarah untuk mufakat.",
        [],
        [],
    ),
    (
        "Keadaan Kahar",
        "Force Majeure",
        "",
        [
            "Keadaan kahar adalah keadaan di luar kemampuan PARA PIHAK yang mengakibatkan "
            "Kesepakatan Bersama ini tidak dapat dilaksanakan.",
            "PIHAK yang mengalami keadaan kahar memberitahukan secara tertulis kepada PIHAK lainnya "
            "paling lambat 14 (empat belas) hari kalender sejak terjadinya keadaan kahar.",
        ],
        [],
    ),
    (
        "Penutup",
        "Closing",
        "Hal-hal yang belum diatur dalam Kesepakatan Bersama ini diatur kemudian oleh PARA PIHAK "
        "dalam addendum yang merupakan bagian tidak terpisahkan dari Kesepakatan Bersama ini.",
        [],
        [],
    ),
)


# The English parallel text of the pasal above, by heading: body, then ayat.
_ENGLISH: dict[str, tuple[str, list[str]]] = {
    "Ruang Lingkup": (
        "The scope of this Memorandum of Understanding covers:\n"
        "a. a grant of smart-city applications with their source code;\n"
        "b. technical assistance and capacity building of human resources;\n"
        "c. exchange of data and information in accordance with the laws and regulations; and\n"
        "d. other cooperation agreed by THE PARTIES.",
        [],
    ),
    "Pelaksanaan": (
        "",
        [
            "This Memorandum of Understanding is implemented through Cooperation Agreements "
            "signed by the heads of the regional offices appointed by THE PARTIES.",
            "A Cooperation Agreement under paragraph (1) sets out at least its subjects, object, "
            "scope, rights and obligations, term and funding.",
        ],
    ),
    "Hak dan Kewajiban": (
        "",
        [
            "The FIRST PARTY is entitled to reports on the use of the applications and shall hand "
            "over the chosen applications with their documentation.",
            "The SECOND PARTY is entitled to use the applications handed over and shall provide "
            "the infrastructure and the staff to run them.",
        ],
    ),
    "Pembiayaan": (
        "Costs arising from this Memorandum of Understanding are borne by each PARTY's regional "
        "budget (APBD) and other lawful, non-binding sources in accordance with the laws and "
        "regulations.",
        [],
    ),
    "Jangka Waktu": (
        "",
        [
            "This Memorandum of Understanding is valid for 5 (five) years from the date of "
            "signing.",
            "It may be extended with the consent of THE PARTIES given no later than 6 (six) "
            "months before the term ends.",
        ],
    ),
    "Pemantauan dan Evaluasi": (
        "THE PARTIES monitor and evaluate the implementation of this Memorandum of "
        "Understanding at least once a year.",
        [],
    ),
    "Penyelesaian Perselisihan": (
        "Disputes arising from this Memorandum of Understanding are settled amicably by "
        "deliberation.",
        [],
    ),
    "Keadaan Kahar": (
        "",
        [
            "Force majeure is a circumstance beyond the control of THE PARTIES that prevents this "
            "Memorandum of Understanding from being carried out.",
            "The PARTY affected by force majeure notifies the other PARTY in writing within 14 "
            "(fourteen) calendar days of its occurrence.",
        ],
    ),
    "Penutup": (
        "Matters not yet regulated in this Memorandum of Understanding are agreed by THE PARTIES "
        "in an addendum forming an integral part of it.",
        [],
    ),
}
_CONSIDERATIONS_EN = [
    "Law Number 23 of 2014 on Regional Government;",
    "Government Regulation Number 28 of 2018 on Regional Cooperation;",
    "Regulation of the Minister of Home Affairs Number 22 of 2020 on Procedures for Cooperation "
    "between Regions and with Third Parties.",
]


@functools.cache
def lambang_png(fill: str, letter: str) -> bytes:
    """A drawn shield with a letter, standing in for a region's coat of arms."""
    from PIL import Image, ImageDraw, ImageFont

    size = 240
    image = Image.new("RGBA", (size, int(size * 1.15)), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    h = image.height
    shield = [(12, 12), (size - 12, 12), (size - 12, h * 0.55), (size / 2, h - 10), (12, h * 0.55)]
    draw.polygon(shield, fill=fill, outline="#B8860B", width=10)
    draw.polygon(
        [(40, 40), (size - 40, 40), (size - 40, h * 0.52), (size / 2, h - 50), (40, h * 0.52)],
        outline="#F5D76E",
        width=5,
    )
    try:
        from mou.pdf.styles import FONT_DIR

        font = ImageFont.truetype(str(FONT_DIR / "DejaVuSerif-Bold.ttf"), 110)
    except OSError:
        font = ImageFont.load_default()
    draw.text((size / 2, h * 0.42), letter, fill="#FFFFFF", font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def sample_parties() -> list[PdfParty]:
    """Bandung (PIHAK PERTAMA) and Palangkaraya (PIHAK KEDUA)."""
    return [
        PdfParty(
            nomor="415.4/012-Bag.KS/XI/2026",
            display_name="Pemerintah Kota Bandung",
            head_title="Wali Kota Bandung",
            head_name="Dr. H. Arya Wiratama, S.T., M.T.",
            lambang_png=lambang_png("#1F5FAD", "B"),
            role_label="PIHAK PERTAMA",
            address="Jalan Wastukencana Nomor 2, Bandung",
        ),
        PdfParty(
            nomor="180/045/KB/Huk/XI/2026",
            display_name="Pemerintah Kota Palangkaraya",
            head_title="Wali Kota Palangkaraya",
            head_name="Yohanes Tingang, S.E., M.Si.",
            lambang_png=lambang_png("#1E7B45", "P"),
            role_label="PIHAK KEDUA",
            address="Jalan Tjilik Riwut Km. 5,5, Palangkaraya",
        ),
    ]


def sample_apps(count: int) -> list[PdfApp]:
    """``count`` applications: the named ones first, then numbered modules across dimensions."""
    apps = [PdfApp(name=n, dimension=d, opd=o, description=t) for n, d, o, t in _APPS[:count]]
    for index in range(len(apps), count):
        dimension = DIMENSIONS[index % len(DIMENSIONS)]
        apps.append(
            PdfApp(
                name=f"Modul Layanan {index + 1:03d}",
                dimension=dimension,
                opd=("Diskominfo", "Dishub", "Dinkes", "Disdik", "DPMPTSP", "BKAD")[index % 6],
                description=f"Aplikasi pendukung {dimension.lower()} nomor {index + 1}.",
            )
        )
    return apps


def sample_clauses(count: int | None = None, *, bilingual: bool = False) -> list[PdfClause]:
    """The ten standard pasal, or ``count`` pasal (repeating the pattern) for benchmarks."""
    count = len(_CLAUSES) if count is None else count
    out = []
    for index in range(count):
        heading, heading_en, body, ayat, ayat_en = _CLAUSES[index % len(_CLAUSES)]
        body_en, more_ayat_en = _ENGLISH.get(heading, ("", []))
        ayat_en = ayat_en or more_ayat_en
        out.append(
            PdfClause(
                number=index + 1,
                heading=heading,
                heading_en=heading_en if bilingual else None,
                body=body,
                body_en=(body_en or None) if bilingual else None,
                ayat=list(ayat),
                ayat_en=list(ayat_en) if bilingual else [],
            )
        )
    return out


def sample_history(signed_on: dt.date) -> list[PdfHistoryEntry]:
    """Drafting, approval and a session between a WIB and a WIB office (Palangkaraya is WIB)."""
    wib = ZONES["WIB"]
    start = dt.datetime.combine(signed_on, dt.time(9, 0), tzinfo=wib)
    return [
        PdfHistoryEntry(
            when=start - dt.timedelta(days=9),
            tz_label="WIB",
            category="revision",
            event="Revisi 1 disusun dari templat Kesepakatan Bersama",
            actor="Bagian Kerja Sama, Pemerintah Kota Bandung",
        ),
        PdfHistoryEntry(
            when=start - dt.timedelta(days=4),
            tz_label="WIB",
            category="revision",
            event="Revisi 2: lampiran aplikasi dipilih",
            actor="Bagian Hukum, Pemerintah Kota Palangkaraya",
        ),
        PdfHistoryEntry(
            when=start - dt.timedelta(days=2),
            tz_label="WIB",
            category="approval",
            event="Revisi 2 disetujui",
            actor="Pemerintah Kota Bandung",
        ),
        PdfHistoryEntry(
            when=start - dt.timedelta(days=2, hours=-3),
            tz_label="WIB",
            category="approval",
            event="Revisi 2 disetujui",
            actor="Pemerintah Kota Palangkaraya",
        ),
        PdfHistoryEntry(
            when=start,
            tz_label="WIB",
            category="attendance",
            event="Hadir dalam sesi penandatanganan (vicon)",
            actor="Wali Kota Bandung",
        ),
        PdfHistoryEntry(
            when=start + dt.timedelta(minutes=2),
            tz_label="WIB",
            category="attendance",
            event="Hadir dalam sesi penandatanganan (vicon)",
            actor="Wali Kota Palangkaraya",
        ),
    ]


def sample_document(
    *,
    paper: Paper = "f4",
    clause_count: int | None = None,
    app_count: int = 12,
    bilingual: bool = False,
    signed_on: dt.date | None = None,
) -> PdfDocument:
    """The sample Kesepakatan Bersama between Bandung and Palangkaraya."""
    signed_on = signed_on or dt.date(2026, 11, 22)
    clauses = sample_clauses(clause_count, bilingual=bilingual)
    apps = sample_apps(app_count)
    digest = hashlib.sha256(
        "|".join(
            [c.heading + c.body + "".join(c.ayat) for c in clauses] + [a.name for a in apps]
        ).encode()
    ).hexdigest()
    return PdfDocument(
        agreement_id="KB-2026-0001",
        revision_hash=digest,
        revision_label="Revisi 2",
        kind="Kesepakatan Bersama",
        title="tentang Kerja Sama Pengembangan Kota Cerdas (Smart City)",
        title_en="on Cooperation in Smart City Development" if bilingual else None,
        parties=sample_parties(),
        place="Bandung",
        signed_on=signed_on,
        opening="",
        clauses=clauses,
        annex_apps=apps,
        obligations=[
            PdfObligation(
                what="Menyerahkan kode sumber dan dokumentasi aplikasi terpilih",
                party="PIHAK PERTAMA",
                due=signed_on + dt.timedelta(days=60),
            ),
            PdfObligation(
                what="Menyiapkan server dan jaringan untuk aplikasi terpilih",
                party="PIHAK KEDUA",
                due=signed_on + dt.timedelta(days=90),
            ),
            PdfObligation(
                what="Pelatihan operator aplikasi (10 hari kerja di Bandung)",
                party="PARA PIHAK",
                due=signed_on + dt.timedelta(days=120),
            ),
            PdfObligation(
                what="Laporan pemantauan dan evaluasi tahunan",
                party="PARA PIHAK",
                due=signed_on + dt.timedelta(days=365),
            ),
        ],
        history=sample_history(signed_on),
        paper=paper,
        considerations=[
            "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;",
            "Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah;",
            "Peraturan Menteri Dalam Negeri Nomor 22 Tahun 2020 tentang Tata Cara Kerja Sama Daerah "
            "dengan Daerah Lain dan Kerja Sama Daerah dengan Pihak Ketiga.",
        ],
        considerations_en=_CONSIDERATIONS_EN if bilingual else [],
        closing_en=(
            "This Memorandum of Understanding is made as an electronic document and signed "
            "electronically by THE PARTIES. Each PARTY keeps the same electronic document, which "
            "has the same legal force for each of them."
        )
        if bilingual
        else None,
        keywords=["smart city", "Bandung", "Palangkaraya"],
    )
