"""The live ceremony uses the same trust model: office cards are pins, never issuers.

Real ceremonies on the in-memory bus of the ceremony tests, real signed PDFs.
"""

from __future__ import annotations

import base64

import pytest

from mou.ceremony.checks import verified_stages
from mou.ceremony.protocol import K_SIGNED, CeremonyError
from mou.ceremony.store import sha256_hex
from mou.pdf.document import PdfDocument
from tests.ceremony.conftest import BANDUNG, PALANGKARAYA, document, keys  # noqa: F401 (fixtures)
from tests.ceremony.test_ceremony_domain import Offices, _last, offices  # noqa: F401 (fixtures)
from tests.signing.conftest import handwriting_png
from tests.signing.trust_pki import CA_USAGE, identity, issue, sign_field


def test_a_card_claiming_to_be_a_ca_cannot_sign_for_the_other_office_in_a_ceremony(
    offices: Offices,  # noqa: F811 (fixture)
    document: PdfDocument,  # noqa: F811 (fixture)
) -> None:
    a, b, bus = offices.a, offices.b, offices.bus
    a.present_document(document)
    bus.pump()
    bus.connected.discard(PALANGKARAYA)  # B gets only what the test hands it
    offices.sign(a, handwriting_png())
    _, signed = _last(bus, K_SIGNED)
    good = base64.b64decode(signed["pdf_b64"])
    # Bandung also gave a second "card" whose certificate claims CA:TRUE with keyCertSign; it
    # issues a certificate in Palangkaraya's name and signs PIHAK KEDUA's field with it.
    card = issue("Wali Kota Bandung", BANDUNG, ca=True, usage=CA_USAGE)
    forged = issue("Wali Kota Palangkaraya", PALANGKARAYA, issuer=card)
    both = sign_field(good, identity(forged, [card.cert]), "TandaTangan2")
    cards = [offices.keys[BANDUNG].certificate, card.cert]
    # What every office runs on a signed step, with no per-office certificate list: only the
    # trust model stands in the way.
    with pytest.raises(CeremonyError) as refused:
        verified_stages(b.record, b.current_pdf, both, 2, sha256_hex(both), BANDUNG, cards, {})
    assert "TandaTangan2: UNKNOWN SIGNER" in str(refused.value)
    # The genuine step passes the same check.
    stages = verified_stages(b.record, b.current_pdf, good, 1, sha256_hex(good), BANDUNG, cards, {})
    assert stages is not None and stages[-1] == good
