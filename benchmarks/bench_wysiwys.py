"""What you sign is what was agreed: the cost of re-rendering and comparing before signing.

Every arrival of an agreement PDF (offline receive and sign, each ceremony step) re-renders the
agreed revision and compares: byte for byte for the unsigned base, and PDFium text and pixels
(72 dpi) for what a signed file shows. Measured on the large sample agreement (30 pasal, a
400-application annex) and on the short one; the page-by-page path (another renderer version)
is measured too. Budget: the check of a signed large agreement within 1 s, so a signatory waits
no longer than for the signature itself plus verification.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.result import Measurement

AREA = "wysiwys"
RUNS = 3


def _median(func) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run() -> list[Measurement]:
    """Measure the agreed-document check for a short and a large agreement."""
    from mou.pdf import version
    from mou.pdf.render import render_pdf_bytes
    from mou.pdf.sample import sample_document
    from mou.pdf.sample_signing import handwritten_png
    from mou.signing import sign_pdf
    from mou.signing.agreed_document import check_agreed_pdf
    from mou.signing.identity import create_identity

    with tempfile.TemporaryDirectory() as tmp:
        identity = create_identity(
            Path(tmp) / "a.p12",
            "pw",
            common_name="Wali Kota Bandung",
            organization="Pemerintah Kota Bandung",
        )
    rows: list[Measurement] = []
    for label, doc in (
        ("short (3 apps)", sample_document(app_count=3)),
        ("large (30 pasal, 400 apps)", sample_document(clause_count=30, app_count=400)),
    ):
        data, layout = render_pdf_bytes(doc)
        slot = layout.signature_slots[0]
        signed = sign_pdf(
            data,
            identity,
            field_name=slot.field_name,
            signer_name=slot.signer_name,
            signer_title=slot.signer_title,
            signature_png=handwritten_png(1),
        )
        version.RENDERER_VERSION += 1  # the counterpart runs another renderer version
        try:
            other, _ = render_pdf_bytes(doc)
        finally:
            version.RENDERER_VERSION -= 1
        large = label.startswith("large")
        rows += [
            Measurement(
                AREA,
                f"unsigned base, byte compare: {label}",
                _median(lambda data=data, doc=doc: check_agreed_pdf(data, doc)),
                "s",
                note=f"{len(data) // 1024} KiB, {layout.page_count} pages",
            ),
            Measurement(
                AREA,
                f"signed file, base + view compare: {label}",
                _median(lambda signed=signed, doc=doc: check_agreed_pdf(signed, doc)),
                "s",
                target=1.0 if large else None,
            ),
            Measurement(
                AREA,
                f"another renderer, page by page: {label}",
                _median(lambda other=other, doc=doc: check_agreed_pdf(other, doc)),
                "s",
            ),
        ]
    return rows


if __name__ == "__main__":
    for row in run():
        print(f"{row.name:55s} {row.value:7.3f} {row.unit} {row.verdict}")
