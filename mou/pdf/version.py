"""Which renderer made an agreement PDF, so offices can tell when byte equality is expected.

Two offices that render the same agreed revision with the same renderer get the same bytes
(``mou.pdf.render`` fixes dates, the document /ID and ordering). The bytes also depend on
reportlab, so the label carries its version too. Bump ``RENDERER_VERSION`` whenever a change
to layout, styles, templates or fonts changes the PDF of an unchanged revision.
"""

from __future__ import annotations

import re

RENDERER_VERSION = 1
_LABEL_RE = re.compile(r"Lintas renderer (\d{1,6}) \(reportlab ([0-9A-Za-z.+-]{1,40})\)")


def renderer_label() -> str:
    """This installation's renderer, as written into the PDF's /Creator."""
    import reportlab

    return f"Lintas renderer {RENDERER_VERSION} (reportlab {reportlab.Version})"


def parse_renderer_label(creator: str) -> str | None:
    """The renderer label found in a PDF's /Creator, or ``None`` when there is none."""
    match = _LABEL_RE.search(creator[:200])
    return match.group(0) if match else None
