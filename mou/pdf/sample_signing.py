"""The whole path for a newcomer: two sample offices, their identities, an agreement, two signatures.

The offices' certificates come from an in-process sample CA (:mod:`mou.signing.sample_pki`), which
also runs a time-stamp authority and signs a CRL and OCSP answers, so the output is PAdES B-LTA out
of the box (time-stamped signatures, validation data in the DSS, a sealing document time-stamp)
without any network. ``export_certs`` writes the CA certificate too: it is the one anchor that
verifies both signatures and the time-stamps.

``make_sample_agreement`` builds the document through the agreements core when it offers
``mou.publication.pdf_document_for``; until then (or if that path fails) it uses the built-in
sample ``PdfDocument`` and says so in ``SampleResult.source``.
"""

from __future__ import annotations

import io
import math
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mou.pdf.document import Paper, PdfDocument


class SampleError(Exception):
    """The sample agreement could not be produced (message says which step failed)."""


@dataclass(frozen=True)
class SampleResult:
    """What ``make_sample_agreement`` wrote and how it verified."""

    path: Path
    page_count: int
    source: str
    report: object  # mou.signing.VerificationReport
    certificate_paths: list[Path]


def handwritten_png(seed: int, *, color: tuple[int, int, int] = (16, 32, 128)) -> bytes:
    """A smooth pen scribble standing in for a mayor's handwritten signature (transparent PNG)."""
    from PIL import Image, ImageDraw

    width, height = 600, 220
    image = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    phase = seed * 0.7
    points = []
    for step in range(400):
        t = step / 399
        x = 30 + t * (width - 60) + 28 * math.sin(t * 23 + phase)
        y = (
            height / 2
            + 55 * math.sin(t * 11 + phase) * math.cos(t * 3.1 + seed)
            + 18 * math.sin(t * 37)
        )
        points.append((x, y))
    draw.line(points, fill=(*color, 255), width=7, joint="curve")
    draw.line([(60, height - 40), (width - 80, height - 52)], fill=(*color, 255), width=4)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _document(paper: Paper, workdir: Path, identities) -> tuple[PdfDocument, str]:
    """The agreement to sign: through the agreements core when available, else the built-in one."""
    from mou.pdf.sample import sample_document

    try:
        from mou import publication  # noqa: F401  (the domain core's converter)
    except ImportError:
        return sample_document(paper=paper), (
            "built-in sample Kesepakatan Bersama (mou.publication is not available)"
        )
    try:
        from mou.pdf.sample_domain import document_via_domain

        doc = document_via_domain(workdir, paper, identities)
        return doc, (
            "agreements core: template, catalogue annex, exchange between two office databases, "
            "both approvals, Agreed, mou.publication"
        )
    except Exception as exc:  # keep the newcomer's first look working; report why
        return sample_document(paper=paper), (
            f"built-in sample Kesepakatan Bersama (the agreements core path failed: {exc})"
        )


def make_sample_agreement(
    out: Path, *, paper: Paper = "f4", export_certs: Path | None = None
) -> SampleResult:
    """Create CA-issued identities, render, sign by PIHAK PERTAMA then PIHAK KEDUA (B-LTA), verify.

    Writes ``out``; with ``export_certs`` also ``pihak1.pem``, ``pihak2.pem`` and ``sample-ca.pem``.
    """
    from cryptography.hazmat.primitives import serialization

    from mou.pdf.render import RenderError, render_pdf_bytes
    from mou.signing import SigningError, verify_pdf
    from mou.signing.identity import IdentityError, export_certificate
    from mou.signing.sample_pki import SamplePki
    from mou.signing.sign import sign_document
    from mou.signing.trust import TrustAnchors

    with tempfile.TemporaryDirectory(prefix="lintas-sample-") as tmp:
        workdir = Path(tmp)
        # Identities first: the offices exchange certificates while drafting, as real ones do.
        parties = (
            ("Wali Kota Bandung", "Pemerintah Kota Bandung"),
            ("Wali Kota Palangkaraya", "Pemerintah Kota Palangkaraya"),
        )
        pki = SamplePki()
        identities = []
        cert_paths: list[Path] = []
        for title, office in parties:
            try:
                identities.append(
                    pki.issue_identity(
                        common_name=title, organization=office, unit="Bagian Kerja Sama"
                    )
                )
            except IdentityError as exc:
                raise SampleError(f"Creating the identity of {office} failed: {exc}") from exc
        revocation = ([pki.crl()], pki.ocsp_responses())
        timestamper = pki.timestamper()
        doc, source = _document(paper, workdir, tuple(identities))
        try:
            data, layout = render_pdf_bytes(doc)
        except RenderError as exc:
            raise SampleError(f"Rendering failed: {exc}") from exc
        for slot, identity in zip(layout.signature_slots, identities, strict=False):
            try:
                data = sign_document(
                    data,
                    identity,
                    field_name=slot.field_name,
                    signer_name=slot.signer_name,
                    signer_title=slot.signer_title,
                    signature_png=handwritten_png(slot.party_index + 1),
                    location=doc.place,
                    timestamper=timestamper,
                    path_hints=[pki.ca_cert],
                    revocation_data=revocation,
                ).data
            except SigningError as exc:
                raise SampleError(f"Signing by {slot.signer_title} failed: {exc}") from exc
        report = verify_pdf(data, TrustAnchors.authorities([pki.ca_cert]))
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
        if export_certs is not None:
            for index, identity in enumerate(identities):
                path = Path(export_certs) / f"pihak{index + 1}.pem"
                export_certificate(identity, path)
                cert_paths.append(path)
            ca_path = Path(export_certs) / "sample-ca.pem"
            ca_path.write_bytes(pki.ca_cert.public_bytes(serialization.Encoding.PEM))
            cert_paths.append(ca_path)
    return SampleResult(out, layout.page_count, source, report, cert_paths)
