"""Row-level catalog import errors in the UI language.

``mou.catalog`` words its ``RowError`` reasons in English; the report dialog shows them translated
by matching the known wordings (anything unknown is shown as the domain wrote it).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication


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


def _patterns() -> list[tuple[str, str]]:
    return [
        (r"is empty", QCoreApplication.translate("CatalogRowErrors", "is empty")),
        (r"is longer than 200 characters", QCoreApplication.translate("CatalogRowErrors", "is longer than 200 characters")),
        (r"(.+) appears more than once in the file",
         QCoreApplication.translate("CatalogRowErrors", "%1 appears more than once in the file")),
        (r"(.+) is not one of (.+)", QCoreApplication.translate("CatalogRowErrors", "%1 is not one of %2")),
        (r"is empty \(the owning department is required\)",
         QCoreApplication.translate("CatalogRowErrors", "is empty (the owning department is required)")),
        (r"(.+) is not yes or no", QCoreApplication.translate("CatalogRowErrors", "%1 is not yes or no")),
        (r"is not an object with fields", QCoreApplication.translate("CatalogRowErrors", "is not an object with fields")),
        (r"the file is not UTF-8 text \((.+)\)",
         QCoreApplication.translate("CatalogRowErrors", "the file is not UTF-8 text (%1)")),
        (r"column is missing from the header row",
         QCoreApplication.translate("CatalogRowErrors", "column is missing from the header row")),
        (r"has more cells than the header", QCoreApplication.translate("CatalogRowErrors", "has more cells than the header")),
        (r"is not valid CSV \((.+)\)", QCoreApplication.translate("CatalogRowErrors", "is not valid CSV (%1)")),
        (r"the file is not valid JSON \((.+)\)",
         QCoreApplication.translate("CatalogRowErrors", "the file is not valid JSON (%1)")),
        (r"the file holds no list of applications",
         QCoreApplication.translate("CatalogRowErrors", "the file holds no list of applications")),
        (r"cannot be read \((.+)\)", QCoreApplication.translate("CatalogRowErrors", "cannot be read (%1)")),
        (r"must be a \.csv or \.json file", QCoreApplication.translate("CatalogRowErrors", "must be a .csv or .json file")),
    ]  # fmt: skip


def reason_text(reason: str) -> str:
    """The domain's reason in the UI language (unchanged when the wording is unknown)."""
    for pattern, template in _patterns():
        match = re.fullmatch(pattern, reason)
        if match:
            text = template
            for index, value in enumerate(match.groups(), start=1):
                text = text.replace(f"%{index}", value)
            return text
    return reason
