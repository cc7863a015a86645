"""What was added to a signed PDF after each signature: our own structural check.

pyHanko's default diff policy accepts, at level FORM_FILLING, an incremental update that adds a
NEW unsigned signature field with its own appearance: a widget that can paint over the signed
pasal text (verified with crafted files, see tests/signing/test_modification.py). Lintas accepts
only these updates after a signature:

- a later signature into a field that already existed, unsigned, in the revision the earlier
  signature covers (same place and flags; its appearance may change only when it is signed),
  one signature per update;
- a document timestamp (a new, invisible ``/DocTimeStamp`` field filled in the same update);
- DSS / validation data (no fields or annotations touched; pyHanko's policy judges the objects).

Everything else (a new field, a new or removed annotation, a moved widget, a new appearance
for an unsigned field, bytes after the last ``%%EOF``) is a :class:`ChangeProblem`.
"""

from __future__ import annotations

import enum
import hashlib
import re
from dataclasses import dataclass

MAX_REVISIONS = 64  # an agreement has a handful: render, one per party, a few LTV updates
MAX_FIELDS = 256
MAX_ANNOTATIONS = 2000
MAX_DEPTH = 12  # of the field and page trees
MAX_APPEARANCE_BYTES = 8 * 1024 * 1024


class ChangeProblem(enum.StrEnum):
    """Why an update after a signature is not acceptable (codes for the UI's table)."""

    NEW_FIELD = "change.new_field"
    REMOVED_FIELD = "change.removed_field"
    NEW_ANNOTATION = "change.new_annotation"
    REMOVED_ANNOTATION = "change.removed_annotation"
    MOVED_FIELD = "change.moved_field"
    NEW_APPEARANCE = "change.new_appearance"
    SEVERAL_SIGNATURES = "change.several_signatures"
    TRAILING_BYTES = "change.trailing_bytes"
    TOO_COMPLEX = "change.too_complex"


@dataclass(frozen=True)
class _Field:
    signed: bool
    doc_timestamp: bool
    widget: tuple  # (rect, flags) of the first widget
    appearance: str  # digest of the normal appearance ("" when none)
    widget_ids: frozenset[int]


@dataclass(frozen=True)
class _Snapshot:
    fields: dict[str, _Field]
    annotations: tuple[frozenset[int], ...]  # per page, object numbers of /Annots entries


class _TooComplex(Exception):
    pass


def _resolve(value):
    return value.get_object() if hasattr(value, "get_object") else value


def _appearance_digest(widget) -> str:
    ap = _resolve(widget.get("/AP")) if "/AP" in widget else None
    if ap is None or "/N" not in ap:
        return ""
    normal = _resolve(ap.raw_get("/N"))
    streams = [normal] if hasattr(normal, "data") else [_resolve(v) for v in normal.values()]
    digest = hashlib.sha256()
    for stream in streams[:16]:
        data = getattr(stream, "data", b"") or b""
        if len(data) > MAX_APPEARANCE_BYTES:
            raise _TooComplex
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def _widget_of(field):
    """(widget dict, object numbers of all widgets) of a terminal field."""
    if "/Kids" in field and "/Rect" not in field:
        kids = list(field.raw_get("/Kids"))[:16]
        ids = frozenset(k.idnum for k in kids if hasattr(k, "idnum"))
        return (_resolve(kids[0]) if kids else field), ids
    return field, frozenset()


def _fields(root) -> dict[str, _Field]:
    out: dict[str, _Field] = {}
    form = _resolve(root.get("/AcroForm")) if "/AcroForm" in root else None
    if form is None or "/Fields" not in form:
        return out

    def walk(refs, prefix: str, depth: int, inherited_type) -> None:
        if depth > MAX_DEPTH:
            raise _TooComplex
        for ref in _resolve(refs):
            node = _resolve(ref)
            partial = str(node.get("/T", ""))
            name = f"{prefix}.{partial}" if prefix and partial else (partial or prefix)
            field_type = node.get("/FT", inherited_type)
            kids = node.get("/Kids") if "/Kids" in node else None
            # A node whose kids carry /T is a non-terminal field; kids without /T are widgets.
            if kids is not None and any("/T" in _resolve(k) for k in list(_resolve(kids))[:16]):
                walk(kids, name, depth + 1, field_type)
                continue
            if len(out) >= MAX_FIELDS:
                raise _TooComplex
            value = _resolve(node.get("/V")) if "/V" in node else None
            widget, widget_ids = _widget_of(node)
            if hasattr(ref, "idnum") and not widget_ids:
                widget_ids = frozenset({ref.idnum})
            rect = tuple(round(float(v), 2) for v in widget.get("/Rect", []))
            signed = field_type == "/Sig" and value is not None
            doc_ts = signed and hasattr(value, "get") and value.get("/Type") == "/DocTimeStamp"
            out[name or f"#{len(out)}"] = _Field(
                signed=value is not None,
                doc_timestamp=bool(doc_ts),
                widget=(rect, int(widget.get("/F", 0))),
                appearance=_appearance_digest(widget),
                widget_ids=widget_ids,
            )

    walk(form.raw_get("/Fields"), "", 0, None)
    return out


def _annotations(root) -> tuple[frozenset[int], ...]:
    pages: list[frozenset[int]] = []
    total = 0

    def walk(node, depth: int) -> None:
        nonlocal total
        if depth > MAX_DEPTH:
            raise _TooComplex
        for kid_ref in _resolve(node.get("/Kids", [])):
            kid = _resolve(kid_ref)
            if kid.get("/Type") == "/Pages":
                walk(kid, depth + 1)
                continue
            annots = _resolve(kid.get("/Annots")) if "/Annots" in kid else []
            ids = frozenset(a.idnum if hasattr(a, "idnum") else -1 - i for i, a in
                            enumerate(annots or []))  # fmt: skip
            total += len(ids)
            if total > MAX_ANNOTATIONS:
                raise _TooComplex
            pages.append(ids)

    walk(_resolve(root.raw_get("/Pages")), 0)
    return tuple(pages)


def _snapshot(reader, revision: int) -> _Snapshot:
    root = reader.get_historical_root(revision)
    return _Snapshot(_fields(root), _annotations(root))


def _zero_area(rect: tuple) -> bool:
    return len(rect) != 4 or (rect[2] - rect[0]) * (rect[3] - rect[1]) == 0


def _judge(before: _Snapshot, after: _Snapshot) -> ChangeProblem | None:
    """The problem with one update (``before`` -> ``after``), or None when it is acceptable."""
    added = set(after.fields) - set(before.fields)
    if set(before.fields) - set(after.fields):
        return ChangeProblem.REMOVED_FIELD
    allowed_new_widgets: set[int] = set()
    for name in added:
        new = after.fields[name]
        # A document timestamp brings its own (invisible) field; nothing else may be new.
        if not (new.doc_timestamp and _zero_area(new.widget[0])):
            return ChangeProblem.NEW_FIELD
        allowed_new_widgets |= new.widget_ids
    newly_signed = 0
    for name, old in before.fields.items():
        new = after.fields[name]
        if new.widget != old.widget:
            return ChangeProblem.MOVED_FIELD
        if old.signed and not new.signed:
            return ChangeProblem.REMOVED_FIELD
        if new.signed and not old.signed:
            newly_signed += 1
        elif new.appearance != old.appearance:
            return ChangeProblem.NEW_APPEARANCE
    if newly_signed > 1:
        return ChangeProblem.SEVERAL_SIGNATURES
    if len(after.annotations) != len(before.annotations):
        return ChangeProblem.NEW_ANNOTATION  # pages added or removed (pyHanko also says OTHER)
    for old_ids, new_ids in zip(before.annotations, after.annotations, strict=True):
        if old_ids - new_ids:
            return ChangeProblem.REMOVED_ANNOTATION
        if new_ids - old_ids - allowed_new_widgets:
            return ChangeProblem.NEW_ANNOTATION
    return None


# After the last xref section: its trailer dictionary (absent for an xref stream), startxref,
# %%EOF, and whitespace. ``end_location`` is where pyHanko stopped reading the xref section.
_TAIL = re.compile(
    rb"\s*(?:endobj)?\s*(?:(?:trailer)?\s*<<(.*)>>)?\s*startxref\s+(\d+)\s+%%EOF\s*\Z",
    re.DOTALL,
)


def trailing_bytes(reader, data: bytes) -> bool:
    """True when anything but whitespace follows the last revision's ``%%EOF``."""
    last = reader.xrefs.total_revisions - 1
    info = reader.xrefs.get_xref_container_info(last)
    tail = data[info.end_location :]
    match = _TAIL.match(tail)
    if match is None or tail.count(b"%%EOF") != 1 or tail.count(b"startxref") != 1:
        return True
    if int(match.group(2)) != info.declared_startxref:
        return True
    # The trailer dictionary must not hide objects or streams.
    body = match.group(1) or b""
    return b"obj" in body or b"stream" in body


def problems_after(reader, data: bytes) -> dict[int, ChangeProblem]:
    """For each revision that is not acceptable, its problem (revision index -> problem).

    A signature made at revision ``r`` is MODIFIED when any revision after ``r`` has a problem.
    Trailing bytes are reported as revision ``total_revisions`` (after every signature).
    """
    total = reader.xrefs.total_revisions
    if total > MAX_REVISIONS:
        return {total: ChangeProblem.TOO_COMPLEX}
    out: dict[int, ChangeProblem] = {}
    try:
        previous = _snapshot(reader, 0)
        for revision in range(1, total):
            current = _snapshot(reader, revision)
            problem = _judge(previous, current)
            if problem is not None:
                out[revision] = problem
            previous = current
    except _TooComplex:
        return {1: ChangeProblem.TOO_COMPLEX}
    if trailing_bytes(reader, data):
        out[total] = ChangeProblem.TRAILING_BYTES
    return out


def first_problem_after(problems: dict[int, ChangeProblem], revision: int) -> ChangeProblem | None:
    """The first unacceptable change made after ``revision`` (None when there is none)."""
    later = sorted(r for r in problems if r > revision)
    return problems[later[0]] if later else None
