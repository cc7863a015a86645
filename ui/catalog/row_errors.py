"""Row-level catalog import errors in the UI language.

The one place mapping ``mou.catalog.RowCode`` to translatable texts (see :mod:`ui.messages`).
``mou.catalog`` words its ``RowError`` reasons in English and codes them; a reason without a
known code is shown as the domain wrote it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from mou.catalog import CatalogImportError, RowError
from ui.messages import MessageTable, message_text


def field_label(field: str) -> str:
    """A column name of the catalog file in the UI language."""
    labels = {
        "name": QCoreApplication.translate("CatalogRowErrors", "name"),
        "description": QCoreApplication.translate("CatalogRowErrors", "description"),
        "dimension": QCoreApplication.translate("CatalogRowErrors", "dimension"),
        "opd": QCoreApplication.translate("CatalogRowErrors", "OPD"),
        "public_service": QCoreApplication.translate("CatalogRowErrors", "public service"),
        "tech_stack": QCoreApplication.translate("CatalogRowErrors", "technology"),
        "licence": QCoreApplication.translate("CatalogRowErrors", "licence"),
        "row": QCoreApplication.translate("CatalogRowErrors", "row"),
        "file": QCoreApplication.translate("CatalogRowErrors", "file"),
        "encoding": QCoreApplication.translate("CatalogRowErrors", "encoding"),
        "json": "JSON",
        "apps": QCoreApplication.translate("CatalogRowErrors", "applications"),
    }
    return labels.get(field, field)


ROWS = MessageTable(
    "CatalogRowErrors",
    {
        "catalog.empty": QT_TRANSLATE_NOOP("CatalogRowErrors", "is empty"),
        "catalog.too_long": QT_TRANSLATE_NOOP("CatalogRowErrors", "is longer than 200 characters"),
        "catalog.duplicate_name": QT_TRANSLATE_NOOP(
            "CatalogRowErrors", "{value} appears more than once in the file"
        ),
        "catalog.unknown_dimension": QT_TRANSLATE_NOOP(
            "CatalogRowErrors", "{value} is not one of {allowed}"
        ),
        "catalog.opd_empty": QT_TRANSLATE_NOOP(
            "CatalogRowErrors", "is empty (the owning department is required)"
        ),
        "catalog.not_yes_no": QT_TRANSLATE_NOOP("CatalogRowErrors", "{value} is not yes or no"),
        "catalog.not_an_object": QT_TRANSLATE_NOOP(
            "CatalogRowErrors", "is not an object with fields"
        ),
        "catalog.not_utf8": QT_TRANSLATE_NOOP(
            "CatalogRowErrors", "the file is not UTF-8 text ({detail})"
        ),
        "catalog.column_missing": QT_TRANSLATE_NOOP(
            "CatalogRowErrors", "column is missing from the header row"
        ),
        "catalog.too_many_cells": QT_TRANSLATE_NOOP(
            "CatalogRowErrors", "has more cells than the header"
        ),
        "catalog.bad_csv": QT_TRANSLATE_NOOP("CatalogRowErrors", "is not valid CSV ({detail})"),
        "catalog.bad_json": QT_TRANSLATE_NOOP(
            "CatalogRowErrors", "the file is not valid JSON ({detail})"
        ),
        "catalog.no_app_list": QT_TRANSLATE_NOOP(
            "CatalogRowErrors", "the file holds no list of applications"
        ),
        "catalog.unreadable": QT_TRANSLATE_NOOP("CatalogRowErrors", "cannot be read ({detail})"),
        "catalog.wrong_suffix": QT_TRANSLATE_NOOP(
            "CatalogRowErrors", "must be a .csv or .json file"
        ),
    },
)


def reason_text(error: RowError) -> str:
    """The row error's reason in the UI language (as the domain wrote it when uncoded)."""
    return message_text(error.message, ROWS)


def row_error_text(error: RowError) -> str:
    """One row error as "Row 3, name: is empty", in the UI language."""
    where = (
        QCoreApplication.translate("CatalogRowErrors", "File")
        if error.row == 0
        else QCoreApplication.translate("CatalogRowErrors", "Row {row}").format(row=error.row)
    )
    return f"{where}, {field_label(error.field)}: {reason_text(error)}"


def import_error_text(error: CatalogImportError) -> str:
    """Why nothing was imported, listing the first five row errors, in the UI language."""
    shown = "; ".join(row_error_text(e) for e in error.errors[:5])
    text = QCoreApplication.translate(
        "CatalogRowErrors", "Nothing was imported: {count} problem(s): {shown}"
    ).format(count=len(error.errors), shown=shown)
    if len(error.errors) > 5:
        text += QCoreApplication.translate("CatalogRowErrors", " (and {more} more)").format(
            more=len(error.errors) - 5
        )
    return text
