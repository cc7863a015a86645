"""The live ceremony's step check uses the CA anchors chosen in Settings.

Real ceremonies on the in-memory bus of the ceremony tests, real signed PDFs: Palangkaraya signs
its field with a certificate from the city's CA. Without the CA the step is refused; with the CA
the office's Settings hold (read by the ceremony launcher) it is accepted.
"""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from mou.ceremony.checks import verified_stages
from mou.ceremony.protocol import K_SIGNED, CeremonyError
from mou.ceremony.store import sha256_hex
from mou.pdf.document import PdfDocument
from tests.agreements_ui.conftest import make_context
from tests.ceremony.conftest import BANDUNG, PALANGKARAYA, document, keys  # noqa: F401 (fixtures)
from tests.ceremony.test_ceremony_domain import Offices, _last, offices  # noqa: F401 (fixtures)
from tests.signing.conftest import handwriting_png
from tests.signing.trust_pki import CA_USAGE, identity, issue, sign_field
from ui.ceremony.launcher import configured_authorities
from ui.settings_page.authorities_section import AuthoritiesSection


def test_a_signer_of_a_ca_chosen_in_settings_passes_the_ceremony_step_check(
    qtbot,
    qapp,
    tmp_path: Path,
    offices: Offices,  # noqa: F811 (fixture)
    document: PdfDocument,  # noqa: F811 (fixture)
) -> None:
    a, b, bus = offices.a, offices.b, offices.bus
    a.present_document(document)
    bus.pump()
    bus.connected.discard(PALANGKARAYA)  # B gets only what the test hands it
    offices.sign(a, handwriting_png())
    _, signed = _last(bus, K_SIGNED)
    first = base64.b64decode(signed["pdf_b64"])
    ca = issue("CA Kota Palangkaraya", "Dinas Kominfo Kota Palangkaraya", ca=True, usage=CA_USAGE)
    leaf = issue("Wali Kota Palangkaraya", PALANGKARAYA, issuer=ca)
    both = sign_field(first, identity(leaf, [ca.cert]), "TandaTangan2")
    cards = [offices.keys[BANDUNG].certificate]

    context = make_context(tmp_path / "bandung")
    try:
        assert configured_authorities(context) == []
        with pytest.raises(CeremonyError) as refused:
            verified_stages(
                a.record, a.current_pdf, both, 2, sha256_hex(both), PALANGKARAYA, cards, {},
                configured_authorities(context),
            )  # fmt: skip
        assert "TandaTangan2: UNKNOWN SIGNER" in str(refused.value)

        section = AuthoritiesSection(context)
        qtbot.addWidget(section)
        pem = tmp_path / "city-ca.pem"
        pem.write_bytes(ca.cert.public_bytes(serialization.Encoding.PEM))
        assert section.add_file(pem)
        authorities = configured_authorities(context)
        assert authorities == [ca.cert]
        stages = verified_stages(
            a.record, a.current_pdf, both, 2, sha256_hex(both), PALANGKARAYA, cards, {},
            authorities,
        )  # fmt: skip
        assert stages is not None and stages[-1] == both
        # The ceremony object carries them to the same check on every arriving step; there the
        # office card pinned for Palangkaraya still binds its field: a CA-issued certificate
        # that is not that card does not sign in its place.
        a.authorities = authorities
        assert a.office_fingerprints[PALANGKARAYA]
        with pytest.raises(CeremonyError) as bound:
            a._accept(both, 2, sha256_hex(both), PALANGKARAYA)
        assert "WRONG SIGNER" in str(bound.value)
        a.office_fingerprints = {}  # no card held for the parties: the CA anchor decides
        assert a._accept(both, 2, sha256_hex(both), PALANGKARAYA)
        b.office_fingerprints = {}
        with pytest.raises(CeremonyError) as untrusted:  # an office without the CA in Settings
            b._accept(both, 2, sha256_hex(both), PALANGKARAYA)
        assert "TandaTangan2: UNKNOWN SIGNER" in str(untrusted.value)
    finally:
        context.database.dispose()


def test_the_ceremony_launcher_gives_each_ceremony_the_settings_authorities(
    qtbot, qapp, tmp_path: Path
) -> None:
    from ui.ceremony.launcher import build_session
    from ui.vicon.controller import CallController

    ca = issue("CA Kota Bandung", "Dinas Kominfo Kota Bandung", ca=True, usage=CA_USAGE)
    context = make_context(tmp_path / "bandung")
    controller = CallController(context.office.display_name)  # never joins: no network
    try:
        assert build_session(context, controller, "kb-room").ceremony.authorities == []
        pem = tmp_path / "city-ca.pem"
        pem.write_bytes(ca.cert.public_bytes(serialization.Encoding.PEM))
        section = AuthoritiesSection(context)
        qtbot.addWidget(section)
        assert section.add_file(pem)
        session = build_session(context, controller, "kb-room")
        assert session.ceremony.authorities == [ca.cert]
    finally:
        controller.shutdown()  # stop its engine's loop thread
        context.database.dispose()
