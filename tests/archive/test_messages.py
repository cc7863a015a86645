"""Every refusal code of ``mou.signing.offline`` has its own sentence in the UI language."""

from __future__ import annotations

import pytest

from mou.signing import offline as offline_signing
from mou.signing.offline import OfflineSigningError
from ui.archive.messages import error_text

CODES = sorted(
    v for k, v in vars(offline_signing).items() if k.startswith("E_") and isinstance(v, str)
)


@pytest.mark.parametrize("language", ["en", "id"])
def test_every_offline_signing_code_has_a_ui_sentence(
    qapp, request: pytest.FixtureRequest, language: str
) -> None:
    if language == "id":
        request.getfixturevalue("indonesian")
    assert len(CODES) >= 15
    seen = set()
    for code in CODES:
        text = error_text(OfflineSigningError(code, "ENGLISH FALLBACK", party="X", state="agreed"))
        assert text and text != "ENGLISH FALLBACK", code
        seen.add(text)
    assert len(seen) == len(CODES)  # one sentence per reason, none shared by accident
    wrong = error_text(OfflineSigningError(offline_signing.E_WRONG_PASSWORD, ""))
    if language == "id":
        assert wrong.startswith("Kata sandi tidak dapat membuka")
    else:
        assert wrong.startswith("The password does not open")
