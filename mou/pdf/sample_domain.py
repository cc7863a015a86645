"""The sample agreement drawn up through the agreements core, the way two real offices would.

Two SQLite databases (Bandung and Palangkaraya) each get their local office and users; the offices
trust each other's certificates through office cards; Bandung drafts from the Kesepakatan Bersama
template with an annex from the sample catalogue and obligations; the package travels to
Palangkaraya, which approves; it travels back, Bandung approves and marks it Agreed. The agreed
revision then becomes the ``PdfDocument`` through ``mou.publication``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mou.pdf.document import Paper, PdfDocument
from mou.pdf.sample import lambang_png, sample_parties
from mou.signing.identity import OfficeIdentity

BANDUNG_NOMOR = "415.4/012-Bag.KS/XI/2026"
PALANGKARAYA_NOMOR = "180/045/KB/Huk/XI/2026"

# What these two cities agreed beyond the generic template (seed, 27 July 2016): Bandung's
# applications, study visits, help for UMKM, and Palangkaraya's forest and river-tourism knowledge.
SAMPLE_SCOPE = """Ruang lingkup Kesepakatan Bersama ini meliputi:
a. hibah perangkat lunak (aplikasi) kota cerdas milik PIHAK PERTAMA kepada PIHAK KEDUA sebagaimana tercantum dalam Lampiran;
b. kunjungan kerja dan studi banding aparatur PIHAK KEDUA ke PIHAK PERTAMA;
c. pendampingan usaha mikro, kecil dan menengah (UMKM) dalam pemasaran produk;
d. berbagi pengetahuan di bidang konservasi hutan dan pengelolaan wisata sungai; dan
e. kerja sama lain yang disepakati PARA PIHAK sesuai dengan ketentuan peraturan perundang-undangan."""
SAMPLE_SCOPE_EN = """The scope of this Memorandum of Understanding covers:
a. a grant of the FIRST PARTY's smart-city software (applications) to the SECOND PARTY as listed in the Annex;
b. working and study visits by the SECOND PARTY's officials to the FIRST PARTY;
c. assistance to micro, small and medium enterprises (UMKM) in marketing their products;
d. sharing of knowledge on forest conservation and river tourism management; and
e. other cooperation agreed by THE PARTIES in accordance with the laws and regulations."""


def _profiles():
    from mou.office import GovernmentLevel, OfficeProfile

    first, second = sample_parties()
    return (
        OfficeProfile(
            level=GovernmentLevel.KOTA,
            region="Bandung",
            unit="Bagian Kerja Sama",
            head_name=first.head_name,
            head_title=first.head_title,
            lambang_png=lambang_png("#1F5FAD", "B"),
        ),
        OfficeProfile(
            level=GovernmentLevel.KOTA,
            region="Palangkaraya",
            unit="Bagian Kerja Sama",
            head_name=second.head_name,
            head_title=second.head_title,
            lambang_png=lambang_png("#1E7B45", "P"),
        ),
    )


def _city(db, profile):
    from mou.office import Actor, Role, create_local_office

    # Indonesian role words: these names appear in the Riwayat Dokumen of the printed agreement.
    users = [
        (f"Penyusun {profile.region}", Role.DRAFTER),
        (f"Penelaah {profile.region}", Role.REVIEWER),
        (f"Penanda tangan {profile.region}", Role.SIGNATORY),
    ]
    with db.session() as session:
        office = create_local_office(session, profile, users)
        actors = {Role(u.role): Actor.of(u) for u in office.users}
    return actors


def document_via_domain(
    workdir: Path,
    paper: Paper,
    identities: tuple[OfficeIdentity, OfficeIdentity],
    *,
    on: dt.date | None = None,
) -> PdfDocument:
    """Run the two-office workflow in ``workdir`` and return the agreed revision's document."""
    from dataclasses import replace

    from sqlalchemy import select

    from mou import models
    from mou.agreement import AgreementStatus, PartyInput
    from mou.catalog import Dimension, load_sample_catalog, search_catalog, set_annex
    from mou.clause import update_clause
    from mou.db import open_database, sqlite_url
    from mou.exchange import export_package, import_package, office_card, trust_office_card
    from mou.obligation import add_obligation
    from mou.office import Role, local_office
    from mou.publication import pdf_document_for
    from mou.revision import save_revision
    from mou.template import get_template, instantiate
    from mou.workflow import approve, transition

    on = on or dt.date.today()
    bandung_profile, pky_profile = _profiles()
    first, second = sample_parties()
    db_a = open_database(sqlite_url(workdir / "bandung.sqlite3"), backup_dir=workdir / "backup-a")
    db_b = open_database(sqlite_url(workdir / "pky.sqlite3"), backup_dir=workdir / "backup-b")
    try:
        a = _city(db_a, bandung_profile)
        b = _city(db_b, pky_profile)
        with db_a.session() as s:
            card_a = office_card(s, identities[0])
        with db_b.session() as s:
            card_b = office_card(s, identities[1])
            trust_office_card(s, card_a, b[Role.SIGNATORY])
        with db_a.session() as s:
            trust_office_card(s, card_b, a[Role.SIGNATORY])

        with db_a.session() as s:
            local = local_office(s)
            pky = s.scalars(select(models.Office).where(models.Office.is_local.is_(False))).one()
            agreement = instantiate(
                s,
                a[Role.DRAFTER],
                get_template("kesepakatan_bersama_antar_daerah"),
                [
                    replace(PartyInput.of_office(local, BANDUNG_NOMOR), address=first.address),
                    replace(PartyInput.of_office(pky, PALANGKARAYA_NOMOR), address=second.address),
                ],
                place="Bandung",
                agreement_date=on,
            )
            scope = next(c for c in agreement.clauses if "RUANG LINGKUP" in c.heading)
            update_clause(
                s,
                agreement,
                a[Role.DRAFTER],
                scope.uuid,
                body=SAMPLE_SCOPE,
                body_en=SAMPLE_SCOPE_EN,
            )
            load_sample_catalog(s)
            # Palangkaraya takes public-service applications (seed, 27 July 2016), two from
            # each smart-city dimension so the annex shows the breadth of the grant.
            picked = [
                app
                for dimension in Dimension
                for app in search_catalog(s, dimension=dimension, public_service=True)[:2]
            ]
            set_annex(s, agreement, a[Role.DRAFTER], picked)
            for what, party, days in (
                ("Serah terima aplikasi terpilih beserta kode sumber", 1, 60),
                ("Penyiapan server dan jaringan untuk aplikasi terpilih", 2, 90),
                ("Kunjungan belajar aparatur ke Bandung selama 10 hari", 2, 120),
                ("Pelatihan dan pendampingan pemasaran UMKM oleh tim muda Bandung", 1, 150),
                ("Berbagi pengetahuan konservasi hutan dan pengelolaan wisata sungai", 2, 180),
            ):
                add_obligation(
                    s,
                    agreement,
                    a[Role.DRAFTER],
                    what=what,
                    party=party,
                    due_date=on + dt.timedelta(days=days),
                )
            save_revision(s, agreement, a[Role.DRAFTER], "Draf awal")
            transition(s, agreement, a[Role.DRAFTER], AgreementStatus.INTERNAL_REVIEW)
            transition(s, agreement, a[Role.REVIEWER], AgreementStatus.NEGOTIATION)
            agreement_id = agreement.id
            package = export_package(s, agreement, identities[0], a[Role.DRAFTER])
        with db_b.session() as s:
            theirs = import_package(s, package, b[Role.DRAFTER]).agreement
            approve(s, theirs, b[Role.SIGNATORY])
            back = export_package(s, theirs, identities[1], b[Role.DRAFTER])
        with db_a.session() as s:
            ours = import_package(s, back, a[Role.DRAFTER]).agreement
            approve(s, ours, a[Role.SIGNATORY])
            transition(s, ours, a[Role.SIGNATORY], AgreementStatus.AGREED)
            return pdf_document_for(s, agreement_id, paper=paper)
    finally:
        db_a.dispose()
        db_b.dispose()
