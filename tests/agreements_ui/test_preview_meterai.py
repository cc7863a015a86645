"""The per-agreement e-Meterai choice: a Details checkbox, stored with the agreement, printed."""

from __future__ import annotations

import subprocess
from pathlib import Path

from mou import models
from mou.agreement import get_agreement
from mou.office import Role
from mou.pdf.render import render_pdf_bytes
from mou.publication import pdf_document_for
from mou.revision import content_of, save_revision, snapshot
from tests.agreements_ui.conftest import act_as, create_agreement
from ui.agreements.page import Page


def _text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(out.split())


def _area_pixels(data: bytes, tmp_path: Path, page: int) -> int:
    """Dark pixels left of the first signature box on ``page`` (where the dashed square goes)."""
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    stem = tmp_path / "page"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", str(page), "-l", str(page), str(path), str(stem)],
        check=True,
    )
    from PySide6.QtGui import QImage

    image = QImage(str(next(tmp_path.glob("page-*.png"))))
    for png in tmp_path.glob("page-*.png"):
        png.unlink()
    return sum(
        1
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).lightness() < 160
    )


def test_details_checkbox_reserves_the_area_only_when_chosen(qtbot, context, tmp_path, screenshots):
    agreement_id = create_agreement(context)
    with context.database.session() as s:
        before = snapshot(get_agreement(s, agreement_id))
    assert "e_meterai" not in before["agreement"], "no choice made: the text is as before"

    page = Page(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.open_agreement(agreement_id)
    editor = page.editor
    details = editor.details
    editor.side_tabs.setCurrentWidget(details)
    assert not details.meterai_check.isChecked(), "the template's default: no area"
    details.meterai_check.setChecked(True)
    with context.database.session() as s:
        agreement = get_agreement(s, agreement_id)
        assert agreement.e_meterai is True
        revision = save_revision(s, agreement, _actor(s), "Dengan e-Meterai")
        assert content_of(revision)["agreement"]["e_meterai"] is True
        chosen = pdf_document_for(s, agreement_id)
    with_area, _ = render_pdf_bytes(chosen)
    text = _text(with_area, tmp_path)
    assert "Tempat e-Meterai" in text and "dibubuhi meterai elektronik" in text
    qtbot.wait(50)
    editor.grab().save(str(screenshots / "details_e_meterai_en.png"))

    # The draft preview follows the choice too.
    editor.preview_toggle.setChecked(True)
    qtbot.waitUntil(lambda: editor.preview.pdf != b"", timeout=20000)
    assert "Tempat e-Meterai" in _text(editor.preview.pdf, tmp_path)

    # Unchecked again: the area and the meterai wording are gone.
    editor.preview_toggle.setChecked(False)
    editor.side_tabs.setCurrentWidget(details)
    details.meterai_check.setChecked(False)
    with context.database.session() as s:
        agreement = get_agreement(s, agreement_id)
        assert agreement.e_meterai is False
        save_revision(s, agreement, _actor(s), "Tanpa e-Meterai")
        plain, _ = render_pdf_bytes(pdf_document_for(s, agreement_id))
    text = _text(plain, tmp_path)
    assert "e-Meterai" not in text and "meterai" not in text.lower()
    # On the signature page the dashed square adds ink only when chosen.
    signature_page = _signature_page(with_area, tmp_path)
    assert _area_pixels(with_area, tmp_path, signature_page) > _area_pixels(
        plain, tmp_path, signature_page
    )


def test_viewer_cannot_change_the_choice(qtbot, context):
    agreement_id = create_agreement(context)
    act_as(context, Role.VIEWER)
    page = Page(context)
    qtbot.addWidget(page)
    page.show()
    page.open_agreement(agreement_id)
    assert not page.editor.details.meterai_check.isEnabled()


def _actor(session):
    from mou.office import Actor

    user = session.query(models.LocalUser).filter_by(role=Role.DRAFTER.value).one()
    return Actor.of(user)


def _signature_page(data: bytes, tmp_path: Path) -> int:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    pages = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    return next(
        i for i, p in enumerate(pages, start=1) if "Tempat e-Meterai" in " ".join(p.split())
    )


def test_the_choice_travels_with_the_revision_to_the_other_office(tmp_path):
    """Palangka Raya's copy reserves the area too: the choice is part of the signed text."""
    from mou.agreement import update_details
    from mou.db import open_database, sqlite_url
    from mou.exchange import export_package, import_package, office_card, trust_office_card
    from tests.mou.conftest import BANDUNG, PALANGKARAYA, draft_in_bandung, identity_for, make_city

    db_a = open_database(sqlite_url(tmp_path / "a.sqlite3"), backup_dir=tmp_path / "ba")
    db_b = open_database(sqlite_url(tmp_path / "b.sqlite3"), backup_dir=tmp_path / "bb")
    try:
        a, b = make_city(db_a, BANDUNG), make_city(db_b, PALANGKARAYA)
        id_a = identity_for(tmp_path, "Pemerintah Kota Bandung")
        id_b = identity_for(tmp_path, "Pemerintah Kota Palangka Raya")
        with db_a.session() as s:
            card_a = office_card(s, id_a)
        with db_b.session() as s:
            card_b = office_card(s, id_b)
            trust_office_card(s, card_a, b.signatory)
        with db_a.session() as s:
            trust_office_card(s, card_b, a.signatory)
        agreement_id = draft_in_bandung(a)
        with db_a.session() as s:
            agreement = get_agreement(s, agreement_id)
            update_details(s, agreement, a.drafter, e_meterai=True)
            save_revision(s, agreement, a.drafter, "Dengan e-Meterai")
            package = export_package(s, agreement, id_a, a.drafter)
        with db_b.session() as s:
            theirs = import_package(s, package, b.drafter).agreement
            assert theirs.e_meterai is True
            data, _ = render_pdf_bytes(pdf_document_for(s, theirs.id))
        assert "Tempat e-Meterai" in _text(data, tmp_path)
    finally:
        db_a.dispose()
        db_b.dispose()
