"""Trust and binding of signatures: real certificates, real signed PDFs, real path validation.

The attacks these tests replay were found against the old verifier, which treated every trusted
certificate as a CA and accepted any trusted signer in any field.
"""

from __future__ import annotations

import datetime as dt

import pytest

from mou.signing import Verdict, verify_pdf
from mou.signing.trust import (
    AnchorKind,
    ExpectedSigner,
    RevocationCheck,
    TrustAnchors,
    TrustProblem,
)
from tests.signing.conftest import SignedAgreement
from tests.signing.trust_pki import (
    CA_NO_CERT_SIGN,
    CA_USAGE,
    ENCIPHER_ONLY,
    NOW,
    crl,
    identity,
    issue,
    sign_field,
)

PALANGKARAYA = ("Wali Kota Palangkaraya", "Pemerintah Kota Palangkaraya")
BANDUNG = ("Wali Kota Bandung", "Pemerintah Kota Bandung")


def _as_issued(office_identity):
    from tests.signing.trust_pki import Issued

    return Issued(office_identity.private_key, office_identity.certificate)


def test_a_pinned_office_cannot_issue_a_certificate_in_the_other_offices_name(
    signed_agreement: SignedAgreement, bandung_identity, palangkaraya_identity
) -> None:
    # Bandung's own self-signed leaf (CA:FALSE) signs a certificate named after Palangkaraya...
    forged = issue(*PALANGKARAYA, issuer=_as_issued(bandung_identity))
    assert forged.cert.issuer == bandung_identity.certificate.subject
    data = sign_field(signed_agreement.after_first, identity(forged), "TandaTangan2")
    pins = [bandung_identity.certificate, palangkaraya_identity.certificate]
    report = verify_pdf(data, pins)
    first, second = report.signatures
    assert first.verdict is Verdict.VALID and first.anchor == AnchorKind.PINNED
    # ...and signs PIHAK KEDUA's field with it: trusted by nobody, so the file fails.
    assert second.signer == "Wali Kota Palangkaraya" and second.intact and second.valid
    assert second.verdict is Verdict.UNTRUSTED and not second.trusted
    assert second.problem == TrustProblem.NO_ANCHOR
    assert not report.ok


def test_a_pin_is_never_an_issuer_even_when_it_claims_to_be_a_ca(
    signed_agreement: SignedAgreement, palangkaraya_identity
) -> None:
    # A card certificate that says CA:TRUE with keyCertSign, pinned as an office: still no issuer.
    card = issue(*BANDUNG, ca=True, usage=CA_USAGE)
    forged = issue(*PALANGKARAYA, issuer=card)
    data = sign_field(signed_agreement.after_first, identity(forged), "TandaTangan2")
    anchors = TrustAnchors.pinned([card.cert, palangkaraya_identity.certificate])
    report = verify_pdf(data, anchors)
    assert report.signatures[1].verdict is Verdict.UNTRUSTED
    # The same certificate given as a CA anchor would vouch for the name (that is what CAs do).
    as_ca = verify_pdf(data, TrustAnchors(cas=(card.cert,)))
    assert as_ca.signatures[1].trusted and as_ca.signatures[1].anchor == AnchorKind.CA


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        (
            {"not_before": NOW - dt.timedelta(days=400), "not_after": NOW - dt.timedelta(days=1)},
            TrustProblem.EXPIRED,
        ),
        (
            {"not_before": NOW + dt.timedelta(days=2), "not_after": NOW + dt.timedelta(days=400)},
            TrustProblem.NOT_YET_VALID,
        ),
        ({"usage": ENCIPHER_ONLY}, TrustProblem.NOT_FOR_SIGNING),
    ],
    ids=["expired", "not-yet-valid", "keyEncipherment-only"],
)
def test_pinned_certificates_outside_validity_or_not_for_signing_are_untrusted(
    signed_agreement: SignedAgreement, kwargs, problem
) -> None:
    office = issue(*BANDUNG, **kwargs)
    data = sign_field(signed_agreement.unsigned, identity(office), "TandaTangan1")
    (check,) = verify_pdf(data, TrustAnchors.pinned([office.cert])).signatures
    assert check.intact and check.valid
    assert check.verdict is Verdict.UNTRUSTED and check.problem == problem


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        (
            {"not_before": NOW - dt.timedelta(days=400), "not_after": NOW - dt.timedelta(days=1)},
            TrustProblem.EXPIRED,
        ),
        ({"usage": ENCIPHER_ONLY}, TrustProblem.NOT_FOR_SIGNING),
    ],
    ids=["expired", "keyEncipherment-only"],
)
def test_ca_issued_certificates_outside_validity_or_not_for_signing_are_untrusted(
    signed_agreement: SignedAgreement, kwargs, problem
) -> None:
    ca = issue("Root CA Uji", "Balai Sertifikasi Elektronik (uji)", ca=True, usage=CA_USAGE)
    leaf = issue(*BANDUNG, issuer=ca, **kwargs)
    data = sign_field(signed_agreement.unsigned, identity(leaf, [ca.cert]), "TandaTangan1")
    (check,) = verify_pdf(data, TrustAnchors(cas=(ca.cert,))).signatures
    assert check.intact and check.valid
    assert check.verdict is Verdict.UNTRUSTED
    assert check.problem in (problem, TrustProblem.BAD_CHAIN)


def test_a_ca_anchored_chain_validates_and_says_revocation_was_not_checked_offline(
    signed_agreement: SignedAgreement,
) -> None:
    ca = issue("Root CA Uji", "Balai Sertifikasi Elektronik (uji)", ca=True, usage=CA_USAGE)
    leaf = issue(*BANDUNG, issuer=ca)
    data = sign_field(signed_agreement.unsigned, identity(leaf, [ca.cert]), "TandaTangan1")
    report = verify_pdf(data, TrustAnchors(cas=(ca.cert,)))
    (check,) = report.signatures
    assert check.verdict is Verdict.VALID, check.verdict_text
    assert check.anchor == AnchorKind.CA and check.bound_office == "Pemerintah Kota Bandung"
    assert check.revocation == RevocationCheck.NOT_CHECKED_OFFLINE
    assert report.revocation_policy == "offline"
    # A plain list means pinned office leaves only: the real CA certificate in it is no issuer
    # anchor, so its leaf is not VALID that way (only through the explicit CA-anchor API).
    (pinned_only,) = verify_pdf(data, [ca.cert]).signatures
    assert pinned_only.verdict is Verdict.UNTRUSTED and pinned_only.anchor == AnchorKind.NONE
    assert verify_pdf(data, TrustAnchors.authorities([ca.cert])).ok
    assert verify_pdf(data, TrustAnchors.pinned([]).with_cas([ca.cert])).ok


def test_a_ca_without_keycertsign_cannot_issue(signed_agreement: SignedAgreement) -> None:
    # As the anchor itself (path validation ignores an anchor's extensions, trust.py does not)...
    ca = issue("CA Tanpa Izin", "Bukan CA", ca=True, usage=CA_NO_CERT_SIGN)
    leaf = issue(*BANDUNG, issuer=ca)
    data = sign_field(signed_agreement.unsigned, identity(leaf, [ca.cert]), "TandaTangan1")
    (check,) = verify_pdf(data, TrustAnchors(cas=(ca.cert,))).signatures
    assert check.intact and check.valid
    assert check.verdict is Verdict.UNTRUSTED and not check.trusted
    # ...and as an intermediate under a proper root.
    root = issue("Root CA Uji", "Balai Sertifikasi Elektronik (uji)", ca=True, usage=CA_USAGE)
    middle = issue("CA Tanpa Izin", "Bukan CA", issuer=root, ca=True, usage=CA_NO_CERT_SIGN)
    leaf = issue(*BANDUNG, issuer=middle)
    chain = [middle.cert, root.cert]
    data = sign_field(signed_agreement.unsigned, identity(leaf, chain), "TandaTangan1")
    (check,) = verify_pdf(data, TrustAnchors(cas=(root.cert,))).signatures
    assert check.intact and check.valid
    assert check.verdict is Verdict.UNTRUSTED and check.problem == TrustProblem.BAD_CHAIN
    # The same chain with a proper intermediate validates.
    middle = issue("CA Antara Uji", "Balai Sertifikasi Elektronik (uji)", issuer=root, ca=True,
                   usage=CA_USAGE)  # fmt: skip
    leaf = issue(*BANDUNG, issuer=middle)
    data = sign_field(
        signed_agreement.unsigned, identity(leaf, [middle.cert, root.cert]), "TandaTangan1"
    )
    assert verify_pdf(data, TrustAnchors(cas=(root.cert,))).ok


def test_a_crl_revokes_a_ca_issued_certificate_and_a_good_one_says_checked_by_crl(
    signed_agreement: SignedAgreement,
) -> None:
    ca = issue("Root CA Uji", "Balai Sertifikasi Elektronik (uji)", ca=True, usage=CA_USAGE)
    url = "http://crl.invalid/uji.crl"  # never fetched: the policy is offline
    good = issue(*BANDUNG, issuer=ca, crl_url=url)
    bad = issue(*PALANGKARAYA, issuer=ca, crl_url=url)
    revocations = crl(ca, [bad.cert])
    anchors = TrustAnchors(cas=(ca.cert,), crls=(revocations,))
    one = sign_field(signed_agreement.unsigned, identity(good, [ca.cert]), "TandaTangan1")
    both = sign_field(one, identity(bad, [ca.cert]), "TandaTangan2")
    first, second = verify_pdf(both, anchors).signatures
    assert first.verdict is Verdict.VALID and first.revocation == RevocationCheck.CRL
    assert second.verdict is Verdict.UNTRUSTED and second.problem == TrustProblem.REVOKED


def test_a_trusted_office_signing_the_other_partys_field_is_a_wrong_signer(
    signed_agreement: SignedAgreement, bandung_identity, palangkaraya_identity
) -> None:
    # Both offices are trusted, but each signs the other's field.
    swapped = sign_field(signed_agreement.unsigned, palangkaraya_identity, "TandaTangan1")
    swapped = sign_field(swapped, bandung_identity, "TandaTangan2")
    pins = [bandung_identity.certificate, palangkaraya_identity.certificate]
    # Standalone file: the parties are read from what the first signature covers.
    report = verify_pdf(swapped, pins)
    assert report.party_mapping == "document"
    assert [s.verdict for s in report.signatures] == [Verdict.WRONG_SIGNER] * 2
    assert report.signatures[0].expected_office == "Pemerintah Kota Bandung"
    assert report.signatures[0].problem == TrustProblem.WRONG_OFFICE
    # With the agreement record's mapping (exact certificates) the answer is the same.
    expected = {
        "TandaTangan1": ExpectedSigner(
            "Pemerintah Kota Bandung", frozenset({bandung_identity.fingerprint_sha256})
        ),
        "TandaTangan2": ExpectedSigner(
            "Pemerintah Kota Palangkaraya", frozenset({palangkaraya_identity.fingerprint_sha256})
        ),
    }
    report = verify_pdf(swapped, pins, expected=expected)
    assert report.party_mapping == "record"
    assert [s.verdict for s in report.signatures] == [Verdict.WRONG_SIGNER] * 2
    # The right order verifies under the same mapping.
    assert verify_pdf(signed_agreement.after_both, pins, expected=expected).ok


def test_one_key_cannot_sign_two_parties_fields(
    signed_agreement: SignedAgreement, bandung_identity, palangkaraya_identity
) -> None:
    twice = sign_field(signed_agreement.after_first, bandung_identity, "TandaTangan2")
    pins = [bandung_identity.certificate, palangkaraya_identity.certificate]
    report = verify_pdf(twice, pins)
    assert [s.verdict for s in report.signatures] == [Verdict.VALID, Verdict.WRONG_SIGNER]
    assert report.signatures[1].problem == TrustProblem.SAME_KEY
    # Two certificates over ONE key, both pinned (one even named after Palangkaraya): still one
    # key in two fields.
    bandung = _as_issued(bandung_identity)
    second_cert = issue(*PALANGKARAYA, key=bandung.key)
    twice = sign_field(signed_agreement.after_first, identity(second_cert), "TandaTangan2")
    report = verify_pdf(twice, [*pins, second_cert.cert])
    assert report.signatures[1].verdict is Verdict.WRONG_SIGNER
    assert report.signatures[1].problem == TrustProblem.SAME_KEY


def test_signing_a_field_nobody_is_expected_to_sign_is_a_wrong_signer(
    signed_agreement: SignedAgreement, bandung_identity
) -> None:
    expected = {"TandaTangan2": ExpectedSigner("Pemerintah Kota Palangkaraya")}
    report = verify_pdf(
        signed_agreement.after_first, [bandung_identity.certificate], expected=expected
    )
    (check,) = report.signatures
    assert check.verdict is Verdict.WRONG_SIGNER
    assert check.problem == TrustProblem.UNEXPECTED_FIELD


def test_a_validation_time_judges_the_certificate_then(
    signed_agreement: SignedAgreement,
) -> None:
    # What the LTV code does with a timestamp: a certificate expired now, valid back then.
    office = issue(*BANDUNG, not_before=NOW - dt.timedelta(days=400),
                   not_after=NOW - dt.timedelta(days=1))  # fmt: skip
    data = sign_field(signed_agreement.unsigned, identity(office), "TandaTangan1")
    anchors = TrustAnchors.pinned([office.cert])
    assert verify_pdf(data, anchors).signatures[0].problem == TrustProblem.EXPIRED
    then = NOW - dt.timedelta(days=10)
    check = verify_pdf(data, anchors, validation_time=then).signatures[0]
    assert check.verdict is Verdict.VALID and check.validated_at == then
    context = anchors.validation_context(then)
    assert context.moment == then and not context.fetching_allowed
