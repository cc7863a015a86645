"""Identity, signing, verification and trust of the agreement PDF.

- :mod:`mou.signing.identity`: the office's X.509 identity (PKCS#12), fingerprints.
- :mod:`mou.signing.fields`: the signature fields of a PDF.
- :mod:`mou.signing.sign`: PAdES signing into a reserved field.
- :mod:`mou.signing.verify`: verification, one verdict per signature.
- :mod:`mou.signing.trust`: the trust model (pinned office certificates, CA anchors, binding).
- :mod:`mou.signing.changes`: which updates may follow a signature.
- :mod:`mou.signing.offline`: signing in turn by file exchange, without a call.

The names most callers need are re-exported here.
"""

from mou.signing.fields import SignatureField, signature_fields
from mou.signing.sign import SigningCode, SigningError, sign_pdf
from mou.signing.trust import ExpectedSigner, PinnedOffice, RevocationPolicy, TrustAnchors
from mou.signing.verify import (
    SignatureCheck,
    Verdict,
    VerificationReport,
    VerifyCode,
    verify_pdf,
)

__all__ = [
    "ExpectedSigner",
    "PinnedOffice",
    "RevocationPolicy",
    "SignatureCheck",
    "SignatureField",
    "SigningCode",
    "SigningError",
    "TrustAnchors",
    "Verdict",
    "VerificationReport",
    "VerifyCode",
    "sign_pdf",
    "signature_fields",
    "verify_pdf",
]
