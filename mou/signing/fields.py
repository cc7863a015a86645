"""Signature fields of a PDF: where each party signs, and whether it has signed."""

from __future__ import annotations

import io
from dataclasses import dataclass

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class SignatureField:
    """A signature field found in a PDF. ``page`` is 0-based."""

    name: str
    page: int
    box: Box
    signed: bool


def collect_fields(root, enumerated) -> list[SignatureField]:
    page_refs, annot_pages = _page_index(root["/Pages"])
    out = []
    for name, value, ref in enumerated:
        field_obj = ref.get_object()
        widget, widget_id = field_obj, getattr(ref, "idnum", None)
        if "/Rect" not in field_obj and "/Kids" in field_obj:
            # A field with separate widget annotations (other tools do this): use the first.
            kid = field_obj.raw_get("/Kids")[0]
            widget, widget_id = kid.get_object(), getattr(kid, "idnum", None)
        rect = widget.get("/Rect")
        box: Box = (0.0, 0.0, 0.0, 0.0)
        if rect is not None:
            x1, y1, x2, y2 = (float(v) for v in rect)
            box = (x1, y1, x2, y2)
        page = -1
        page_ref = widget.raw_get("/P") if "/P" in widget else None
        if page_ref is not None and hasattr(page_ref, "idnum"):
            page = page_refs.get(page_ref.idnum, -1)
        if page < 0 and widget_id is not None:
            page = annot_pages.get(widget_id, -1)  # no /P: find the page listing the widget
        out.append(SignatureField(name=name, page=page, box=box, signed=value is not None))
    return out


def _page_index(pages) -> tuple[dict[int, int], dict[int, int]]:
    """(page object number -> 0-based index, annotation object number -> page index)."""
    order: dict[int, int] = {}
    annots: dict[int, int] = {}

    def walk(node) -> None:
        for kid_ref in node["/Kids"]:
            kid = kid_ref.get_object()
            if kid.get("/Type") == "/Pages":
                walk(kid)
                continue
            index = len(order)
            order[kid_ref.idnum] = index
            listed = kid.get("/Annots") if "/Annots" in kid else None
            for annot in listed or []:
                if hasattr(annot, "idnum"):
                    annots.setdefault(annot.idnum, index)

    walk(pages)
    return order, annots


def signature_fields(data: bytes) -> list[SignatureField]:
    """Every signature field of ``data`` with its page, box and whether it is signed."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields

    reader = PdfFileReader(io.BytesIO(data), strict=False)
    return collect_fields(reader.root, enumerate_sig_fields(reader))
