"""Identity, signing, verification and trust of the agreement PDF.

- :mod:`mou.signing.identity`: the office's X.509 identity (PKCS#12), fingerprints.
- :mod:`mou.signing.fields`: the signature fields of a PDF.
- :mod:`mou.signing.sign`: PAdES signing into a reserved field.
- :mod:`mou.signing.verify`: verification, one verdict per signature.
- :mod:`mou.signing.offline`: signing in turn by file exchange, without a call.

The names most callers need are re-exported here.
"""

from mou.signing.fields import SignatureField, signature_fields
from mou.signing.sign import SigningCode, SigningError, sign_pdf
from mou.signing.verify import (
    SignatureCheck,
    Verdict,
    VerificationReport,
    VerifyCode,
    verify_pdf,
)

__all__ = [
    "SignatureCheck",
    "SignatureField",
    "SigningCode",
    "SigningError",
    "Verdict",
    "VerificationReport",
    "VerifyCode",
    "sign_pdf",
    "signature_fields",
    "verify_pdf",
]
