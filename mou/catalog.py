"""The granting city's application catalog (hibah) and the receiving city's pick (Lampiran).

Import and export as CSV or JSON. Parsing never writes anything: ``parse_catalog`` returns the valid
rows and a row-level error for each bad one (row number, field, reason). ``import_catalog`` refuses
a file with errors unless the caller explicitly accepts importing only the valid rows, so a bad
file never half-imports by accident.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from mou import audit, events, models
from mou.agreement import require_editable, touch
from mou.messages import DomainMessage
from mou.office import Actor
from mou.revision import annex_item_snapshot

SAMPLE_CATALOG = (
    Path(__file__).resolve().parent.parent / "resources" / "catalog" / "sample_bandung.json"
)
FIELDS = ("name", "description", "dimension", "opd", "public_service", "tech_stack", "licence")
REQUIRED = ("name", "dimension", "opd")
_TRUE = {"1", "true", "yes", "ya", "y", "x"}
_FALSE = {"0", "false", "no", "tidak", "n", ""}


class Dimension(StrEnum):
    """The six smart-city dimensions named in the seeds."""

    GOVERNMENT = "government"
    SOCIETY = "society"
    LIVING = "living"
    ECONOMY = "economy"
    ENVIRONMENT = "environment"
    MOBILITY = "mobility"

    @property
    def label(self) -> str:
        """ "Smart government" etc."""
        return f"Smart {self.value}"


@dataclass(frozen=True)
class AppRecord:
    """One catalog application as read from a file (before it is stored)."""

    name: str
    dimension: Dimension
    opd: str
    description: str = ""
    public_service: bool = False
    tech_stack: str = ""
    licence: str = ""


class RowCode(StrEnum):
    """Codes of the catalog import's row errors (see :mod:`mou.messages`)."""

    EMPTY = "catalog.empty"
    TOO_LONG = "catalog.too_long"
    DUPLICATE_NAME = "catalog.duplicate_name"
    UNKNOWN_DIMENSION = "catalog.unknown_dimension"
    OPD_EMPTY = "catalog.opd_empty"
    NOT_YES_NO = "catalog.not_yes_no"
    NOT_AN_OBJECT = "catalog.not_an_object"
    NOT_UTF8 = "catalog.not_utf8"
    COLUMN_MISSING = "catalog.column_missing"
    TOO_MANY_CELLS = "catalog.too_many_cells"
    BAD_CSV = "catalog.bad_csv"
    BAD_JSON = "catalog.bad_json"
    NO_APP_LIST = "catalog.no_app_list"
    UNREADABLE = "catalog.unreadable"
    WRONG_SUFFIX = "catalog.wrong_suffix"


@dataclass(frozen=True)
class RowError:
    """Why one row of an import file was rejected. Row 0 means the file as a whole.

    ``reason`` is English; ``code`` (a ``RowCode``) and ``params`` let the UI translate it.
    """

    row: int
    field: str
    reason: str
    code: str = ""
    params: dict[str, str | int] = field(default_factory=dict, compare=False, hash=False)

    @property
    def message(self) -> DomainMessage:
        """The reason as a coded message."""
        return DomainMessage(self.code, self.params, self.reason)

    def __str__(self) -> str:
        where = "File" if self.row == 0 else f"Row {self.row}"
        return f"{where}, {self.field}: {self.reason}"


@dataclass
class CatalogParse:
    """The outcome of reading a catalog file: valid records plus row-level errors."""

    records: list[AppRecord] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    sample: bool = False
    owner_region: str = ""

    @property
    def ok(self) -> bool:
        """True when every row is valid."""
        return not self.errors


class CatalogImportError(Exception):
    """A catalog file has bad rows and the caller did not accept importing only the valid ones."""

    def __init__(self, errors: list[RowError]) -> None:
        self.errors = errors
        shown = "; ".join(str(e) for e in errors[:5])
        more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
        super().__init__(f"Nothing was imported: {len(errors)} problem(s): {shown}{more}")


def _record(row: dict[str, Any], number: int, seen: set[str]) -> AppRecord | list[RowError]:
    errors: list[RowError] = []
    name = str(row.get("name") or "").strip()
    if not name:
        errors.append(RowError(number, "name", "is empty", RowCode.EMPTY))
    elif len(name) > 200:
        errors.append(RowError(number, "name", "is longer than 200 characters", RowCode.TOO_LONG))
    elif name.casefold() in seen:
        errors.append(
            RowError(
                number,
                "name",
                f"{name!r} appears more than once in the file",
                RowCode.DUPLICATE_NAME,
                {"value": repr(name)},
            )
        )
    raw_dim = str(row.get("dimension") or "").strip().lower().removeprefix("smart ").strip()
    dimension = None
    try:
        dimension = Dimension(raw_dim)
    except ValueError:
        allowed = ", ".join(d.value for d in Dimension)
        errors.append(
            RowError(
                number,
                "dimension",
                f"{row.get('dimension')!r} is not one of {allowed}",
                RowCode.UNKNOWN_DIMENSION,
                {"value": repr(row.get("dimension")), "allowed": allowed},
            )
        )
    opd = str(row.get("opd") or "").strip()
    if not opd:
        errors.append(
            RowError(
                number, "opd", "is empty (the owning department is required)", RowCode.OPD_EMPTY
            )
        )
    raw_public = row.get("public_service", "")
    public = False
    if isinstance(raw_public, bool):
        public = raw_public
    elif str(raw_public).strip().lower() in _TRUE:
        public = True
    elif str(raw_public).strip().lower() not in _FALSE:
        errors.append(
            RowError(
                number,
                "public_service",
                f"{raw_public!r} is not yes or no",
                RowCode.NOT_YES_NO,
                {"value": repr(raw_public)},
            )
        )
    if errors:
        return errors
    seen.add(name.casefold())
    assert dimension is not None
    return AppRecord(
        name=name,
        dimension=dimension,
        opd=opd,
        description=str(row.get("description") or "").strip(),
        public_service=public,
        tech_stack=str(row.get("tech_stack") or "").strip(),
        licence=str(row.get("licence") or "").strip(),
    )


def _collect(rows: list[tuple[int, Any]], result: CatalogParse) -> CatalogParse:
    seen: set[str] = set()
    for number, row in rows:
        if not isinstance(row, dict):
            result.errors.append(
                RowError(number, "row", "is not an object with fields", RowCode.NOT_AN_OBJECT)
            )
            continue
        outcome = _record(row, number, seen)
        if isinstance(outcome, AppRecord):
            result.records.append(outcome)
        else:
            result.errors.extend(outcome)
    return result


def parse_csv(data: bytes | str) -> CatalogParse:
    """Read a CSV catalog (header row with the ``FIELDS`` columns; UTF-8, BOM allowed)."""
    result = CatalogParse()
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    except UnicodeDecodeError as exc:
        result.errors.append(
            RowError(
                0,
                "encoding",
                f"the file is not UTF-8 text ({exc.reason})",
                RowCode.NOT_UTF8,
                {"detail": exc.reason},
            )
        )
        return result
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in reader.fieldnames or []]
    missing = [f for f in REQUIRED if f not in header]
    if missing:
        for name in missing:
            result.errors.append(
                RowError(1, name, "column is missing from the header row", RowCode.COLUMN_MISSING)
            )
        return result
    reader.fieldnames = header
    rows = []
    try:
        for index, row in enumerate(reader, start=2):  # row 1 is the header
            if None in row:
                result.errors.append(
                    RowError(index, "row", "has more cells than the header", RowCode.TOO_MANY_CELLS)
                )
                continue
            rows.append((index, row))
    except csv.Error as exc:
        result.errors.append(
            RowError(
                reader.line_num,
                "row",
                f"is not valid CSV ({exc})",
                RowCode.BAD_CSV,
                {"detail": str(exc)},
            )
        )
    return _collect(rows, result)


def parse_json(data: bytes | str) -> CatalogParse:
    """Read a JSON catalog: ``{"sample":..., "owner_region":..., "apps": [...]}`` or a list."""
    result = CatalogParse()
    try:
        doc = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        result.errors.append(
            RowError(
                0,
                "json",
                f"the file is not valid JSON ({exc})",
                RowCode.BAD_JSON,
                {"detail": str(exc)},
            )
        )
        return result
    if isinstance(doc, dict):
        apps = doc.get("apps")
        result.sample = bool(doc.get("sample", False))
        result.owner_region = str(doc.get("owner_region", ""))
    else:
        apps = doc
    if not isinstance(apps, list):
        result.errors.append(
            RowError(0, "apps", "the file holds no list of applications", RowCode.NO_APP_LIST)
        )
        return result
    return _collect(list(enumerate(apps, start=1)), result)


def parse_catalog(path: Path) -> CatalogParse:
    """Read a ``.csv`` or ``.json`` catalog file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return CatalogParse(
            errors=[
                RowError(
                    0,
                    "file",
                    f"cannot be read ({exc.strerror})",
                    RowCode.UNREADABLE,
                    {"detail": str(exc.strerror)},
                )
            ]
        )
    if path.suffix.lower() == ".csv":
        return parse_csv(data)
    if path.suffix.lower() == ".json":
        return parse_json(data)
    return CatalogParse(
        errors=[RowError(0, "file", "must be a .csv or .json file", RowCode.WRONG_SUFFIX)]
    )


def import_catalog(
    session: Session,
    parsed: CatalogParse,
    *,
    owner_region: str,
    accept_valid_rows: bool = False,
) -> int:
    """Store the parsed apps for ``owner_region`` (updating apps with the same name).

    Raises ``CatalogImportError`` when the file had bad rows, unless ``accept_valid_rows``.
    Returns how many apps were stored.
    """
    if parsed.errors and not accept_valid_rows:
        raise CatalogImportError(parsed.errors)
    existing = {
        a.name.casefold(): a
        for a in session.scalars(
            select(models.CatalogApp).where(models.CatalogApp.owner_region == owner_region)
        )
    }
    for record in parsed.records:
        app = existing.get(record.name.casefold())
        if app is None:
            app = models.CatalogApp(owner_region=owner_region, name=record.name)
            session.add(app)
        app.description = record.description
        app.dimension = record.dimension.value
        app.opd = record.opd
        app.public_service = record.public_service
        app.tech_stack = record.tech_stack
        app.licence = record.licence
        app.sample = parsed.sample
    session.flush()
    events.emit(session, events.CatalogChanged(len(parsed.records)))
    return len(parsed.records)


def load_sample_catalog(session: Session) -> int:
    """Import the shipped SAMPLE catalog of Bandung (clearly flagged ``sample``)."""
    parsed = parse_json(SAMPLE_CATALOG.read_bytes())
    return import_catalog(session, parsed, owner_region=parsed.owner_region or "Bandung")


def _row(app: models.CatalogApp) -> dict[str, Any]:
    return {
        "name": app.name,
        "description": app.description,
        "dimension": app.dimension,
        "opd": app.opd,
        "public_service": app.public_service,
        "tech_stack": app.tech_stack,
        "licence": app.licence,
    }


def export_csv(apps: list[models.CatalogApp]) -> str:
    """The apps as CSV text (header row, ``public_service`` as yes/no)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(FIELDS), lineterminator="\n")
    writer.writeheader()
    for app in apps:
        row = _row(app)
        row["public_service"] = "yes" if app.public_service else "no"
        writer.writerow(row)
    return out.getvalue()


def export_json(apps: list[models.CatalogApp], *, owner_region: str = "") -> str:
    """The apps as JSON in the same shape ``parse_json`` reads."""
    doc = {
        "owner_region": owner_region,
        "sample": any(a.sample for a in apps),
        "apps": [_row(a) for a in apps],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


def export_catalog(apps: list[models.CatalogApp], path: Path, *, owner_region: str = "") -> None:
    """Write ``apps`` to ``path`` as CSV or JSON, by the file's extension."""
    path = Path(path)
    if path.suffix.lower() == ".csv":
        path.write_text(export_csv(apps), encoding="utf-8")
    elif path.suffix.lower() == ".json":
        path.write_text(export_json(apps, owner_region=owner_region), encoding="utf-8")
    else:
        raise ValueError("Export to a .csv or .json file")


def search_catalog(
    session: Session,
    *,
    text: str = "",
    dimension: Dimension | None = None,
    public_service: bool | None = None,
    opd: str | None = None,
    owner_region: str | None = None,
    limit: int | None = None,
) -> list[models.CatalogApp]:
    """Filter the catalog; ``text`` matches name, description, OPD or tech stack (any case)."""
    query = select(models.CatalogApp)
    for word in text.split():
        pattern = f"%{word.lower()}%"
        query = query.where(
            or_(
                models.CatalogApp.name.ilike(pattern),
                models.CatalogApp.description.ilike(pattern),
                models.CatalogApp.opd.ilike(pattern),
                models.CatalogApp.tech_stack.ilike(pattern),
            )
        )
    if dimension is not None:
        query = query.where(models.CatalogApp.dimension == Dimension(dimension).value)
    if public_service is not None:
        query = query.where(models.CatalogApp.public_service.is_(public_service))
    if opd:
        query = query.where(models.CatalogApp.opd == opd)
    if owner_region:
        query = query.where(models.CatalogApp.owner_region == owner_region)
    query = query.order_by(models.CatalogApp.dimension, models.CatalogApp.name)
    if limit:
        query = query.limit(limit)
    return list(session.scalars(query))


def opds(session: Session) -> list[str]:
    """Distinct owning departments, for the filter box."""
    return sorted(set(session.scalars(select(models.CatalogApp.opd).distinct())))


def set_annex(
    session: Session,
    agreement: models.Agreement,
    actor: Actor,
    apps: list[models.CatalogApp],
) -> list[models.AnnexItem]:
    """Make ``apps`` (in this order) the agreement's Lampiran. Saved with the next revision."""
    require_editable(agreement, actor)
    agreement.annex_items.clear()
    session.flush()
    for position, app in enumerate(apps):
        agreement.annex_items.append(
            models.AnnexItem(
                position=position,
                app_uuid=app.uuid,
                name=app.name,
                dimension=app.dimension,
                opd=app.opd,
                description=app.description,
                tech_stack=app.tech_stack,
                licence=app.licence,
            )
        )
    touch(session, agreement, "annex")
    audit.record(session, agreement, "annex_changed", actor, apps=len(apps))
    return list(agreement.annex_items)


def remove_annex_items(
    session: Session, agreement: models.Agreement, actor: Actor, app_uuids: list[str]
) -> list[models.AnnexItem]:
    """Take the apps ``app_uuids`` out of the Lampiran, keeping the others in order.

    Works on the copied items, so an office can remove an app that is not in its own catalogue
    (the usual case for the receiving office). Saved with the next revision.
    """
    require_editable(agreement, actor)
    drop = set(app_uuids)
    kept = [i for i in sorted(agreement.annex_items, key=lambda i: i.position)
            if i.app_uuid not in drop]  # fmt: skip
    removed = len(agreement.annex_items) - len(kept)
    if not removed:
        return kept
    for item in list(agreement.annex_items):
        if item.app_uuid in drop:
            agreement.annex_items.remove(item)
    for position, item in enumerate(kept):
        item.position = position
    session.flush()
    touch(session, agreement, "annex")
    audit.record(session, agreement, "annex_changed", actor, apps=len(kept), removed=removed)
    return kept


def annex_records(agreement: models.Agreement) -> list[dict[str, str]]:
    """The Lampiran as plain dicts, in order (for views and exports)."""
    return [annex_item_snapshot(i) for i in sorted(agreement.annex_items, key=lambda i: i.position)]
