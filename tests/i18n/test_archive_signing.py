"""Offline signing that fails in the signing core is explained in Indonesian, reason included."""

from __future__ import annotations

import pytest

from mou.signing.offline import E_SIGNING, OfflineSigningError, prepare
from tests.archive.conftest import agreed  # noqa: F401  (fixture)
from tests.archive.test_offline_signing import sign_as
from tests.mou.conftest import cities  # noqa: F401  (fixture)
from ui.archive.messages import error_text


def test_unreadable_signature_image_is_explained_in_indonesian(agreed, indonesian) -> None:  # noqa: F811
    a, _b, _uuid = agreed
    with a.city.db.session() as s:
        prepare(s, a.agreement_id, a.city.signatory, a.archive)
    with pytest.raises(OfflineSigningError) as refused:
        sign_as(a, b"this is not a PNG")
    assert refused.value.code == E_SIGNING

    assert error_text(refused.value) == (
        "Penandatanganan gagal (Gambar tanda tangan bukan PNG yang dapat dibaca). "
        "Tidak ada yang ditandatangani."
    )
