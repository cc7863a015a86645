"""Long-term validity of the agreement's signatures: PAdES B-T, B-LT and B-LTA (pyHanko).

An agreement runs five years; a BSrE certificate lives one or two. So that a signature stays
provable after its certificate expires, each signature gets an RFC 3161 time-stamp (B-T), the
certificates and revocation data (OCSP responses, CRLs) that prove it was good at that time go into
the document security store, the DSS (B-LT), and a document time-stamp seals the file, DSS included
(B-LTA). Everything is pyHanko's own machinery: ``PdfSigner`` with ``embed_validation_info`` and
``use_pades_lta``, ``add_validation_info``, ``PdfTimeStamper`` and ``ValidationContext`` fetchers.

Verification judges each signature at the time its time-stamp proves (see
:func:`validate_signature`), using only what the file carries: no network, same answer offline.
The TSA, the OCSP responder and the CRL server are trusted with nothing: their answers are signed
and checked against the verifier's own anchors like any signature.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import enum
import functools
import io
from collections.abc import Callable
from dataclasses import dataclass, field

from mou.messages import DomainMessage

# Bounds on the validation material a (possibly hostile) file may carry: a counterpart could
# otherwise stuff the DSS with thousands of CRLs to make every verification crawl.
MAX_DSS_ITEMS = 64
MAX_DSS_ITEM_BYTES = 1024 * 1024
MAX_DOCUMENT_TIMESTAMPS = 32


class LtvLevel(enum.StrEnum):
    """The PAdES baseline level one signature reaches (ETSI EN 319 142-1)."""

    B_B = "B-B"  # signature only; its time is what the signer claims
    B_T = "B-T"  # a trusted time-stamp proves when it existed
    B_LT = "B-LT"  # ... and the file carries the certificates and revocation data to check it
    B_LTA = "B-LTA"  # ... and a document time-stamp seals that data


class LtvCode(enum.StrEnum):
    """Coded notes and errors of signing and Extend (see :mod:`mou.messages`)."""

    NO_TSA = "ltv.no_tsa"  # no time-stamp server configured: signed at B-B
    TSA_UNREACHABLE = "ltv.tsa_unreachable"  # configured server did not answer: signed at B-B
    NO_VALIDATION_DATA = "ltv.no_validation_data"  # time-stamped, revocation data not reachable
    EXTEND_NO_SIGNATURE = "ltv.extend_no_signature"
    EXTEND_UNREADABLE = "ltv.extend_unreadable"
    EXTEND_TSA_UNREACHABLE = "ltv.extend_tsa_unreachable"
    EXTEND_FAILED = "ltv.extend_failed"


class LtvError(Exception):
    """Extend could not complete; ``message`` carries an ``LtvCode`` and a plain sentence.

    ``detail`` (the library's own words) goes to ``str()`` for logs, never into ``message``.
    """

    def __init__(self, text: str, *, code: str, detail: str = "", **params: str | int) -> None:
        self.message = DomainMessage(code, params, text)
        self.detail = detail
        super().__init__(f"{text} ({detail})" if detail else text)


def note(code: LtvCode, text: str, **params: str | int) -> DomainMessage:
    """A coded warning the UI shows next to a successful signing (e.g. "signed at B-B")."""
    return DomainMessage(code, params, text)


# --------------------------------------------------------------------------------------------
# Signing side: the validation context that collects the data


def _asn1(cert):
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization

    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def collection_context(
    anchors: list,
    others: list = (),  # noqa: B006 (tuple default)
    *,
    crls: list[bytes] | None = None,
    ocsps: list[bytes] | None = None,
):
    """A ``ValidationContext`` that gathers certificates, OCSP responses and CRLs for the DSS.

    ``anchors`` (asn1crypto) only let pyHanko build the paths whose revocation data it collects;
    they decide nothing about trust (the verifier uses its own). Revocation data is fetched over
    the network (pyHanko's aiohttp fetchers, owned by the context and closed with it), unless
    ``crls``/``ocsps`` (DER) are given, as the in-process sample CA does. ``hard-fail``: a responder
    that is down, or a revoked certificate, stops the collection instead of silently writing a DSS
    that proves nothing.
    """
    from pyhanko_certvalidator import ValidationContext

    given = crls is not None or ocsps is not None
    return ValidationContext(
        trust_roots=list(anchors),
        other_certs=list(others),
        allow_fetching=not given,
        fetcher_backend=None if given else fetcher_backend(),
        crls=list(crls or []),
        ocsps=list(ocsps or []),
        revocation_mode="hard-fail",
    )


@functools.cache
def _tls_context():
    """One TLS context (certifi's CA bundle) for every fetch of the process.

    pyHanko's default fetchers build a new one per validation context, and loading the bundle
    costs about 17 ms: five times per pair of signatures. The bundle does not change while the
    app runs, and a context holds no connection state.
    """
    import ssl

    import certifi

    return ssl.create_default_context(cafile=certifi.where())


def fetcher_backend():
    """pyHanko's aiohttp fetchers (time-out ``NETWORK_TIMEOUT_S``) on the shared TLS context.

    Owned by the validation context it is given to, which closes the session with itself.
    """
    import aiohttp
    from pyhanko_certvalidator.fetchers.aiohttp_fetchers import AIOHttpFetcherBackend
    from pyhanko_certvalidator.fetchers.aiohttp_fetchers.util import LazySession
    from pyhanko_certvalidator.fetchers.api import OwnedFetcherBackend

    from mou.signing.timestamps import NETWORK_TIMEOUT_S

    class SharedTlsSession(LazySession):
        def get_session(self):
            if self._session is None:
                connector = aiohttp.TCPConnector(ssl=_tls_context())
                self._session = aiohttp.ClientSession(connector=connector)
            return self._session

    backend = AIOHttpFetcherBackend(SharedTlsSession(), per_request_timeout=NETWORK_TIMEOUT_S)
    return OwnedFetcherBackend(backend)


def signer_anchors(certificate, chain) -> list:
    """Path anchors for collecting the signer's data: self-signed certificates of its chain."""
    certs = [_asn1(certificate), *(_asn1(c) for c in chain)]
    return [c for c in certs if c.self_signed in ("maybe", "yes")]


def is_revocation_failure(exc: BaseException) -> bool:
    """True when pyHanko refused because a certificate is revoked (not because of the network)."""
    from pyhanko_certvalidator.errors import RevokedError

    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, RevokedError) or "revoked" in type(current).__name__.lower():
            return True
        current = current.__cause__ or current.__context__
    return False


# --------------------------------------------------------------------------------------------
# Extend: add validation data and a document time-stamp to a signed file (B-B/B-T -> B-LTA)


@dataclass(frozen=True)
class ExtendResult:
    """The extended file and how many signatures got data (``revoked``: proven revoked)."""

    data: bytes
    signatures: int
    revoked: list[str] = field(default_factory=list)


def extend_pdf(data: bytes, timestamper, *, hints: list | None = None) -> ExtendResult:
    """Turn a signed agreement into B-LTA: fetch validation data into the DSS, then seal it.

    For every signature: its certificates and current OCSP/CRL answers (and those of its
    time-stamp) go into the DSS; then a document time-stamp from ``timestamper`` covers the whole
    file. A file that already ends in a document time-stamp gets its chain renewed (pyHanko's
    ``update_archival_timestamp_chain``), which is how an archive stays valid past the TSA's own
    certificate. ``hints`` are extra certificates (``cryptography``) that help build paths, e.g.
    the trusted CA. A revoked certificate does not stop Extend: the revocation proof is embedded,
    so every later verification reports it. Raises :class:`LtvError`.
    """
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.timestamps import TimestampRequestError

    from mou.signing.timestamps import token_certificates

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_regular_signatures)
    except Exception as exc:  # pyHanko raises PdfReadError, ValueError, KeyError ...
        raise LtvError(
            "The PDF cannot be read.", code=LtvCode.EXTEND_UNREADABLE, detail=str(exc)
        ) from exc
    if not embedded:
        raise LtvError("The PDF carries no signature to extend.", code=LtvCode.EXTEND_NO_SIGNATURE)
    try:
        tsa_certs = token_certificates(timestamper)
    except Exception as exc:
        raise LtvError(
            "The time-stamp server did not answer.",
            code=LtvCode.EXTEND_TSA_UNREACHABLE,
            detail=str(exc),
        ) from exc
    try:
        current, revoked = add_validation_data(
            data, timestamper, tsa_certs=tsa_certs, hints=[_asn1(c) for c in hints or []]
        )
    except TimestampRequestError as exc:
        raise LtvError(
            "The time-stamp server did not answer.",
            code=LtvCode.EXTEND_TSA_UNREACHABLE,
            detail=str(exc),
        ) from exc
    except Exception as exc:  # network, path building, PDF writing: one coded failure
        raise LtvError(
            "The certificate status could not be fetched; nothing was changed.",
            code=LtvCode.EXTEND_FAILED,
            detail=str(exc),
        ) from exc
    return ExtendResult(current, len(embedded), revoked)


def add_validation_data(
    data: bytes,
    timestamper,
    *,
    tsa_certs: list,
    hints: list = (),  # noqa: B006 (tuple default)
    only_last: bool = False,
    seal: bool = True,
    crls: list[bytes] | None = None,
    ocsps: list[bytes] | None = None,
) -> tuple[bytes, list[str]]:
    """DSS updates for the signatures of ``data`` (or ``only_last``), then, with ``seal``, a
    document time-stamp. Returns the new PDF and the fields whose certificate is proven revoked.

    pyHanko's ``collect_validation_info`` gathers each signature's paths and revocation data;
    a self-signed office certificate (a pinned one) has no issuer to ask, so only its time-stamp
    token's chain is collected and the certificate itself is stored. Raises pyHanko's errors.
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import signers
    from pyhanko.sign.validation import DocumentSecurityStore

    from mou.signing.timestamps import self_signed

    reader = PdfFileReader(io.BytesIO(data), strict=False)
    count = len(list(reader.embedded_regular_signatures))
    signer_certs = [
        c.chosen
        for sig in reader.embedded_regular_signatures
        for c in sig.signed_data["certificates"] or []
        if c.name == "certificate"
    ]
    anchors = self_signed([*tsa_certs, *hints, *signer_certs])
    others = [*tsa_certs, *hints]
    revoked: list[str] = []
    current = data
    for index in [count - 1] if only_last else range(count):
        # Each DSS update is its own revision; re-read so the next one appends to it.
        reader = PdfFileReader(io.BytesIO(current), strict=False)
        sig = list(reader.embedded_regular_signatures)[index]
        context = collection_context(anchors, others, crls=crls, ocsps=ocsps)
        try:
            paths = asyncio.run(_collect(sig, context))
        except Exception as exc:
            if not is_revocation_failure(exc):
                raise
            revoked.append(sig.field_name)
            paths = None
        out = io.BytesIO(current)
        DocumentSecurityStore.add_dss(
            out,
            sig.pkcs7_content.hex().encode("ascii"),
            certs=[c.chosen for c in sig.signed_data["certificates"] or []],
            ocsps=context.ocsps,
            crls=context.crls,
            paths=paths,
            strict=False,
        )
        current = out.getvalue()
    if not seal:
        return current, revoked
    reader = PdfFileReader(io.BytesIO(current), strict=False)
    context = collection_context(anchors, others, crls=crls, ocsps=ocsps)
    stamper = signers.PdfTimeStamper(timestamper)
    out = io.BytesIO()
    if list(reader.embedded_timestamp_signatures):
        stamper.update_archival_timestamp_chain(reader, context, in_place=False, output=out)
    else:
        writer = IncrementalPdfFileWriter(io.BytesIO(current), strict=False)
        stamper.timestamp_pdf(writer, "sha256", validation_context=context, output=out)
    return out.getvalue(), revoked


async def _collect(sig, context) -> list:
    """Validation paths of ``sig`` (and its time-stamp tokens), filling ``context``'s revinfo."""
    from pyhanko.sign._session_scope import run_and_release
    from pyhanko.sign.general import extract_certificate_info
    from pyhanko.sign.validation.dss import collect_validation_info
    from pyhanko.sign.validation.generic_cms import extract_tst_data_iter
    from pyhanko_certvalidator import CertificateValidator

    async def tokens_only() -> list:
        paths = []
        for token in extract_tst_data_iter(sig.signer_info, signed=False):
            info = extract_certificate_info(token)
            validator = CertificateValidator(
                info.signer_cert, intermediate_certs=info.other_certs, validation_context=context
            )
            paths.append(await validator.async_validate_usage(key_usage=set()))
        return paths

    if sig.signer_cert.self_signed in ("maybe", "yes"):
        return await run_and_release(tokens_only(), context)
    return await run_and_release(collect_validation_info(sig, context), context)


# --------------------------------------------------------------------------------------------
# Verification side: judge each signature at its proven time


@dataclass(frozen=True)
class DssMaterial:
    """What the file's DSS carries (asn1crypto objects), bounded by ``MAX_DSS_*``."""

    certs: list = field(default_factory=list)
    ocsps: list = field(default_factory=list)
    crls: list = field(default_factory=list)
    present: bool = False
    over_limit: bool = False

    @property
    def has_revocation_data(self) -> bool:
        """True when the DSS holds at least one OCSP response or CRL."""
        return bool(self.ocsps or self.crls)


def read_dss(reader) -> DssMaterial:
    """The DSS of ``reader``'s newest revision; an oversized DSS is ignored (``over_limit``)."""
    from asn1crypto import crl as asn1_crl
    from asn1crypto import ocsp as asn1_ocsp
    from asn1crypto import x509 as asn1_x509
    from pyhanko.sign.validation import DocumentSecurityStore

    try:
        dss = DocumentSecurityStore.read_dss(reader)
    except Exception:  # no DSS (NoDSSFoundError) or an unreadable one: nothing to use
        return DssMaterial()
    refs = (list(dss.certs.values()), list(dss.ocsps), list(dss.crls))
    if any(len(r) > MAX_DSS_ITEMS for r in refs):
        return DssMaterial(present=True, over_limit=True)

    def load(items, kind):
        out = []
        for ref in items:
            try:
                raw = ref.get_object().data
            except Exception:
                continue
            if len(raw) > MAX_DSS_ITEM_BYTES:
                continue
            try:
                obj = kind.load(raw)
                _ = obj.native  # parse now: a malformed item is dropped, not a crash later
            except Exception:
                continue
            out.append(obj)
        return out

    return DssMaterial(
        certs=load(refs[0], asn1_x509.Certificate),
        ocsps=load(refs[1], asn1_ocsp.OCSPResponse),
        crls=load(refs[2], asn1_crl.CertificateList),
        present=True,
    )


@dataclass(frozen=True)
class DocumentTimestamp:
    """One checked document time-stamp: when, which revision it seals, whether it is good."""

    time: dt.datetime | None
    revision: int
    valid: bool


def check_document_timestamps(
    reader, context_for: Callable[..., object], at: dt.datetime
) -> list[DocumentTimestamp]:
    """Validate the document time-stamps, newest first, each at the time of the next one.

    An older time-stamp is judged at the time of the (valid) one that seals it, so a TSA
    certificate that expired since is still accepted for the period it vouched for; the DSS's
    revocation data is used as for signatures. The newest is judged twice: at ``at`` for its
    certificate's validity period and trust path (its current revocation status cannot be known
    offline, and the DSS data is stale by then), and at its own time against the DSS, so a
    revocation recorded there still counts. ``context_for(moment, with_revinfo)`` builds a
    ``ValidationContext`` with the verifier's TSA anchors (soft-fail).
    """
    from pyhanko.sign.validation import validate_pdf_timestamp

    stamps = list(reader.embedded_timestamp_signatures)[-MAX_DOCUMENT_TIMESTAMPS:]

    def good(stamp, moment: dt.datetime, with_revinfo: bool) -> dt.datetime | None:
        try:
            context = context_for(moment, with_revinfo)
            status = validate_pdf_timestamp(stamp, context, skip_diff=True)
        except Exception:  # an unreadable token is simply not a proof
            return None
        ok = bool(status.intact and status.valid and status.trusted)
        return status.timestamp if ok else None

    results: list[DocumentTimestamp] = []
    sealed_at: dt.datetime | None = None
    for stamp in reversed(stamps):
        if sealed_at is None:
            when = good(stamp, at, False)
            if when is not None:
                when = good(stamp, when, True)
        else:
            when = good(stamp, sealed_at, True)
        results.append(DocumentTimestamp(when, stamp.signed_revision, when is not None))
        if when is not None:
            sealed_at = when
    results.reverse()
    return results


def claimed_timestamp(embedded) -> dt.datetime | None:
    """The time in the signature's own time-stamp token, before any check (None without one)."""
    from pyhanko.sign.validation.generic_cms import extract_tst_data_iter

    try:
        for token in extract_tst_data_iter(embedded.signer_info, signed=False):
            return token["encap_content_info"]["content"].parsed["gen_time"].native
    except Exception:  # a malformed token proves nothing; the signature is judged without it
        return None
    return None


@dataclass(frozen=True)
class LtvEvidence:
    """What one file proves about time: its DSS and its checked document time-stamps.

    Built once per verification by :func:`gather`; ``verify`` asks it, per signature, for the
    validation contexts at the right moments, the level reached and whether the certificate has
    expired since. ``at`` is the present moment of the verification (a later one simulates
    checking the archive years from now).
    """

    dss: DssMaterial
    stamps: list[DocumentTimestamp]
    at: dt.datetime
    tsa_anchors: tuple = ()  # CA certificates trusted for time-stamps only (cryptography)
    # Time-stamp contexts by (anchors, moment): the signatures sealed by the same document
    # time-stamp share one, so the TSA's path and its revocation data are checked once.
    _ts_contexts: dict = field(default_factory=dict, compare=False, repr=False)

    def seal_time(self, embedded) -> dt.datetime | None:
        """Time of the earliest valid document time-stamp that covers ``embedded`` (or None)."""
        times = [
            s.time
            for s in self.stamps
            if s.valid and s.time is not None and s.revision > embedded.signed_revision
        ]
        return min(times, default=None)

    def _context(self, anchors, moment: dt.datetime, *, revocation: str | None, revinfo=True):
        """The verifier's context (``TrustAnchors.validation_context``: CA anchors only) plus the
        DSS's certificates and, with ``revinfo``, its OCSP responses and CRLs."""
        return anchors.validation_context(
            moment,
            other_certs=self.dss.certs,
            crls=self.dss.crls if revinfo else (),
            ocsps=self.dss.ocsps if revinfo else (),
            revocation_mode=revocation,
            # OCSP answers are fetched a moment after the time-stamp they vouch for.
            retroactive_revinfo=True,
        )

    def signer_context(self, anchors, moment: dt.datetime | None = None):
        """Context for the signer's certificate at ``moment`` (default: ``at``) with the DSS data.

        hard-fail when the file carries revocation data: a certificate that names an OCSP
        responder or a CRL must then be proven good by it.
        """
        mode = "hard-fail" if self.dss.has_revocation_data else None
        return self._context(anchors, moment or self.at, revocation=mode)

    def timestamp_context(self, anchors, embedded):
        """Context for the signature's time-stamp token: at its sealing time, else at ``at``.

        The office's TSA certificate authority is an anchor here only: it vouches for times,
        never for signers.
        """
        moment = self.seal_time(embedded) or self.at
        key = (id(anchors), moment)
        cached = self._ts_contexts.get(key)
        if cached is None or cached[0] is not anchors:
            context = self._context(
                _with_tsa(anchors, self.tsa_anchors), moment, revocation="soft-fail"
            )
            cached = self._ts_contexts[key] = (anchors, context)
        return cached[1]

    def level(self, embedded, *, timed: bool) -> LtvLevel:
        """B-B .. B-LTA for ``embedded``; ``timed``: a valid time-stamp proves its time."""
        return _level(embedded, self.dss, timed, self.seal_time(embedded) is not None)

    def expired_since(self, certificate, proven: dt.datetime | None) -> bool:
        """True when ``certificate`` (cryptography) expired after ``proven`` and before ``at``."""
        if proven is None:
            return False
        end = certificate.not_valid_after_utc
        return proven <= end < self.at


def gather(reader, anchors, at: dt.datetime | None = None, tsa_anchors=()) -> LtvEvidence:
    """Read the DSS and check the document time-stamps of ``reader``.

    Time-stamps are checked against ``anchors``' CAs plus ``tsa_anchors`` (the TSA's CA the office
    configured, trusted for time-stamps only).
    """
    at = at or dt.datetime.now(dt.UTC)
    dss = read_dss(reader)
    tsa_anchors = tuple(tsa_anchors)
    probe = LtvEvidence(dss, [], at, tsa_anchors)
    stamp_anchors = _with_tsa(anchors, tsa_anchors)

    def context_for(moment: dt.datetime, with_revinfo: bool):
        return probe._context(stamp_anchors, moment, revocation="soft-fail", revinfo=with_revinfo)

    stamps = check_document_timestamps(reader, context_for, at)
    return LtvEvidence(dss, stamps, at, tsa_anchors)


def _with_tsa(anchors, tsa_anchors: tuple):
    """``anchors`` plus the TSA's CAs (a copy; the signers' anchors are never widened)."""
    return anchors.with_cas(tsa_anchors) if tsa_anchors else anchors


def _level(embedded, dss: DssMaterial, timed: bool, sealed: bool) -> LtvLevel:
    """B-B .. B-LTA for one signature from what the file proves about it."""
    if not timed:
        return LtvLevel.B_B
    if not dss.present or dss.over_limit:
        return LtvLevel.B_T
    signer = embedded.signer_cert
    if signer.dump() not in {c.dump() for c in dss.certs} and not dss.has_revocation_data:
        return LtvLevel.B_T
    if _needs_revocation(signer) and not dss.has_revocation_data:
        return LtvLevel.B_T
    return LtvLevel.B_LTA if sealed else LtvLevel.B_LT


def _needs_revocation(cert) -> bool:
    """True when a certificate names an OCSP responder or a CRL (a CA-issued one, like BSrE)."""
    if cert.self_signed in ("maybe", "yes"):
        return False
    return bool(cert.ocsp_urls or cert.crl_distribution_points)


def document_level(levels: list[LtvLevel]) -> LtvLevel | None:
    """The level the whole file reaches: that of its weakest signature (None when unsigned)."""
    order = list(LtvLevel)
    return min(levels, key=order.index) if levels else None
