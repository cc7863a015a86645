"""App catalog: CSV/JSON import and export, row-level errors, the sample catalog, search, annex."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from mou import models
from mou.catalog import (
    SAMPLE_CATALOG,
    CatalogImportError,
    Dimension,
    annex_records,
    export_catalog,
    import_catalog,
    load_sample_catalog,
    parse_catalog,
    parse_csv,
    parse_json,
    search_catalog,
)
from mou.revision import snapshot
from tests.mou.conftest import draft_in_bandung

BAD_CSV = """name,description,dimension,opd,public_service,tech_stack,licence
Panic Button,Tombol darurat,living,Dinas Kominfo,yes,Android,MIT
,Tanpa nama,government,Dinas X,no,,
Hayu Ulin,Wisata,tourism,Disbudpar,yes,,
Silat,Lapor,government,,maybe,,
Panic Button,Duplikat,living,Dinas Kominfo,yes,,
e-Reklame,Pajak reklame,Smart Economy,Bapenda,ya,PHP,GPL-3.0
"""


def test_bad_csv_rows_are_reported_and_nothing_imported(database) -> None:
    parsed = parse_csv(BAD_CSV.encode())
    assert [str(e) for e in parsed.errors] == [
        "Row 3, name: is empty",
        "Row 4, dimension: 'tourism' is not one of government, society, living, economy, "
        "environment, mobility",
        "Row 5, opd: is empty (the owning department is required)",
        "Row 5, public_service: 'maybe' is not yes or no",
        "Row 6, name: 'Panic Button' appears more than once in the file",
    ]
    assert [r.name for r in parsed.records] == ["Panic Button", "e-Reklame"]
    assert parsed.records[1].dimension is Dimension.ECONOMY and parsed.records[1].public_service
    with (
        database.session() as s,
        pytest.raises(CatalogImportError, match="Nothing was imported: 5"),
    ):
        import_catalog(s, parsed, owner_region="Bandung")
    with database.session() as s:
        assert s.scalar(select(func.count(models.CatalogApp.id))) == 0
        # Only when the user explicitly accepts the valid rows are they imported.
        assert import_catalog(s, parsed, owner_region="Bandung", accept_valid_rows=True) == 2
    with database.session() as s:
        assert s.scalar(select(func.count(models.CatalogApp.id))) == 2


def test_file_level_errors(tmp_path: Path) -> None:
    assert (
        str(parse_csv(b"title,kind\nx,y\n").errors[0])
        == "Row 1, name: column is missing from the header row"
    )
    assert "not UTF-8" in str(parse_csv(b"name,dimension,opd\n\xff\xfe\x00bad\n").errors[0])
    assert "not valid JSON" in str(parse_json(b"{apps: [").errors[0])
    assert (
        str(parse_json(b'{"apps": 3}').errors[0])
        == "File, apps: the file holds no list of applications"
    )
    assert str(parse_json(b'[1, {"name": "A", "dimension": "living", "opd": "D"}]').errors[0]) == (
        "Row 1, row: is not an object with fields"
    )
    other = tmp_path / "catalog.xlsx"
    other.write_bytes(b"PK")
    assert "must be a .csv or .json" in str(parse_catalog(other).errors[0])


def test_sample_catalog_round_trips_csv_and_json(database, tmp_path: Path) -> None:
    doc = json.loads(SAMPLE_CATALOG.read_text(encoding="utf-8"))
    assert doc["sample"] is True and "SAMPLE DATA" in doc["note"]
    assert 300 <= len(doc["apps"]) <= 400
    with database.session() as s:
        count = load_sample_catalog(s)
        assert count == len(doc["apps"])
        apps = search_catalog(s, owner_region="Bandung")
        assert len(apps) == count and all(a.sample for a in apps)
        assert {a.dimension for a in apps} == {d.value for d in Dimension}
        export_catalog(apps, tmp_path / "out.csv")
        export_catalog(apps, tmp_path / "out.json", owner_region="Bandung")
    for name in ("out.csv", "out.json"):
        parsed = parse_catalog(tmp_path / name)
        assert parsed.ok and len(parsed.records) == count
    csv_parsed = parse_catalog(tmp_path / "out.csv")
    json_parsed = parse_catalog(tmp_path / "out.json")
    assert csv_parsed.records == json_parsed.records


def test_search_and_filter(database) -> None:
    with database.session() as s:
        load_sample_catalog(s)
        hits = search_catalog(s, text="puskesmas")
        assert hits and all("Puskesmas" in a.name for a in hits)
        living_public = search_catalog(s, dimension=Dimension.LIVING, public_service=True)
        assert living_public and all(
            a.dimension == "living" and a.public_service for a in living_public
        )
        both = search_catalog(s, text="sampah bank", dimension=Dimension.ENVIRONMENT)
        assert both and all("Bank Sampah" in a.name for a in both)
        assert search_catalog(s, text="tidak-ada-aplikasi-ini") == []


def test_annex_view_lists_what_the_revision_stores(cities) -> None:
    # One description of a Lampiran row serves the editor's list and the revision content.
    a = cities[0]
    agreement_id = draft_in_bandung(a)
    with a.db.session() as s:
        agreement = s.get(models.Agreement, agreement_id)
        records = annex_records(agreement)
        assert len(records) == 4 and all(r["app_uuid"] for r in records)
        assert records == snapshot(agreement)["annex"]
