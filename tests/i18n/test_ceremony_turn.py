"""Signing out of turn names whose turn it is, in Indonesian (not the core's English sentence)."""

from __future__ import annotations

import pytest

from mou.ceremony.protocol import CeremonyError
from tests.ceremony.conftest import PALANGKARAYA, document, keys, signature_png  # noqa: F401
from tests.ceremony.test_ceremony_domain import Offices
from ui.ceremony.texts import problem_text


def test_out_of_turn_signing_names_the_next_office_in_indonesian(
    keys,  # noqa: F811
    document,  # noqa: F811
    signature_png,  # noqa: F811
    tmp_path,
    indonesian,
) -> None:
    offices = Offices(keys, tmp_path)
    offices.a.present_document(document)
    offices.bus.pump()
    with pytest.raises(CeremonyError) as refused:  # Palangkaraya jumps the queue
        offices.sign(offices.b, signature_png)

    shown = problem_text(refused.value.code, refused.value.message, refused.value.params)

    assert shown.startswith("Belum giliran kantor ini untuk menandatangani."), shown
    assert f"Sekarang giliran {offices.a.local_office} untuk menandatangani." in shown
    assert "turn" not in shown and PALANGKARAYA not in shown


def test_an_unreadable_signature_image_is_explained_in_indonesian(
    keys,  # noqa: F811
    document,  # noqa: F811
    tmp_path,
    indonesian,
) -> None:
    offices = Offices(keys, tmp_path)
    offices.a.present_document(document)
    offices.bus.pump()
    with pytest.raises(CeremonyError) as refused:  # Bandung's turn, but the image is not a PNG
        offices.sign(offices.a, b"this is not a PNG")

    shown = problem_text(refused.value.code, refused.value.message, refused.value.params)

    assert shown == (
        "Penandatanganan gagal. Tidak ada yang ditandatangani.\n"
        "Gambar tanda tangan bukan PNG yang dapat dibaca."
    ), shown
