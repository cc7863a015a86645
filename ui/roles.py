"""Translated names of the domain's roles and government levels, for combo boxes and labels."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mou.office import GovernmentLevel, Role


def role_label(role: Role | str) -> str:
    """The role's name in the UI language."""
    labels = {
        Role.DRAFTER: QCoreApplication.translate("Roles", "Drafter"),
        Role.REVIEWER: QCoreApplication.translate("Roles", "Reviewer"),
        Role.SIGNATORY: QCoreApplication.translate("Roles", "Signatory"),
        Role.VIEWER: QCoreApplication.translate("Roles", "Viewer"),
    }
    return labels[Role(role)]


def role_description(role: Role | str) -> str:
    """One line on what the role may do (tooltips)."""
    descriptions = {
        Role.DRAFTER: QCoreApplication.translate("Roles", "Writes and edits agreement drafts"),
        Role.REVIEWER: QCoreApplication.translate(
            "Roles", "Reviews drafts and approves a revision"
        ),
        Role.SIGNATORY: QCoreApplication.translate(
            "Roles", "Signs agreements for the head of region"
        ),
        Role.VIEWER: QCoreApplication.translate("Roles", "Reads agreements and joins sessions"),
    }
    return descriptions[Role(role)]


def level_label(level: GovernmentLevel | str) -> str:
    """The government level as shown in the wizard (Indonesian terms are kept in both languages)."""
    labels = {
        GovernmentLevel.KOTA: QCoreApplication.translate("Roles", "City (Kota)"),
        GovernmentLevel.KABUPATEN: QCoreApplication.translate("Roles", "Regency (Kabupaten)"),
        GovernmentLevel.PROVINSI: QCoreApplication.translate("Roles", "Province (Provinsi)"),
    }
    return labels[GovernmentLevel(level)]
