"""What the archive's dialogs need from the running app: the archive, trust, the acting user."""

from __future__ import annotations

from cryptography import x509

from mou import models
from mou.ceremony.store import CeremonyStore
from mou.office import Actor
from mou.signed_archive import SignedArchive
from ui.context import AppContext


def signed_archive(context: AppContext) -> SignedArchive:
    """``<data>/signed`` plus the ceremony store, where live ceremonies keep their PDFs."""
    return SignedArchive(
        context.data_dir / "signed", CeremonyStore(context.data_dir / "ceremonies")
    )


def own_certificate(context: AppContext) -> x509.Certificate | None:
    """The office's public certificate (the PEM copy kept next to the PKCS#12; no password)."""
    pem = context.identity_path.with_name("office.pem")
    try:
        return x509.load_pem_x509_certificate(pem.read_bytes())
    except (OSError, ValueError):
        return None  # no identity yet: verification trusts the counterparts only


def office_trust_for(context: AppContext, data: bytes):
    """(the office's configured trust, field -> expected signer from the agreement record) for
    verifying ``data``; the mapping is ``None`` when the PDF is of no agreement held here.

    The trust is what every window that verifies must use (Document, Verify, Print, the offline
    signing view): the office cards pinned by office, and the certificate authority of the
    time-stamp server set in Settings, trusted for time-stamps only. Without that CA a
    time-stamp from the office's own server would show as untrusted. The certificate
    authorities chosen in Settings are CA anchors: their signers get full path validation.
    """
    from mou.signing.authorities import AuthorityStore
    from mou.signing.trust import anchors_from_database, expected_signers_for_pdf

    own = own_certificate(context)
    with context.database.session() as s:
        anchors = anchors_from_database(s, own)
        expected = expected_signers_for_pdf(s, data, own)
    anchors = anchors.with_cas(AuthorityStore(context.data_dir).load())
    return anchors.with_tsa_cas(tsa_authorities(context)), expected


def tsa_authorities(context: AppContext) -> list[x509.Certificate]:
    """The time-stamp server's certificate authority from Settings (empty when none is set)."""
    from ui.settings_page.signing_section import tsa_ca_certificate

    ca = tsa_ca_certificate(context)
    return [ca] if ca is not None else []


def trusted_certificates(context: AppContext) -> list[x509.Certificate]:
    """Every counterpart certificate this office accepted, plus its own."""
    from mou.signing.offline import office_trust

    with context.database.session() as s:
        trusted, _ = office_trust(s, own_certificate(context))
    return trusted


def acting_user(context: AppContext) -> Actor | None:
    """The actor of the user chosen in the window header (``None`` before one is chosen)."""
    user = context.current_user
    if user is None:
        return None
    with context.database.session() as s:
        row = s.get(models.LocalUser, user.id)
        return Actor.of(row) if row is not None else None
