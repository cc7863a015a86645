"""Fixtures for the PDF tests: the sample agreement rendered once per paper size."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from mou.pdf.document import PdfDocument
from mou.pdf.render import RenderResult, render_pdf
from mou.pdf.sample import sample_document

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


@dataclass
class Rendered:
    """A rendered document, its file and layout."""

    doc: PdfDocument
    path: Path
    result: RenderResult

    def text(self, first: int | None = None, last: int | None = None, layout: bool = False) -> str:
        """pdftotext of the whole file or of 1-based pages first..last."""
        args = ["pdftotext", "-enc", "UTF-8"]
        if layout:
            args.append("-layout")
        if first:
            args += ["-f", str(first), "-l", str(last or first)]
        return subprocess.run(
            [*args, str(self.path), "-"], capture_output=True, text=True, check=True
        ).stdout

    def info(self) -> str:
        """pdfinfo output."""
        return subprocess.run(
            ["pdfinfo", str(self.path)], capture_output=True, text=True, check=True
        ).stdout


@pytest.fixture(scope="session")
def rendered_f4(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """The sample agreement on F4 with a 40-application annex."""
    doc = sample_document(app_count=40)
    path = tmp_path_factory.mktemp("f4") / "kb-f4.pdf"
    return Rendered(doc, path, render_pdf(doc, path))


@pytest.fixture(scope="session")
def rendered_a4(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """The bilingual sample agreement on A4."""
    doc = sample_document(paper="a4", bilingual=True)
    path = tmp_path_factory.mktemp("a4") / "kb-a4.pdf"
    return Rendered(doc, path, render_pdf(doc, path))
