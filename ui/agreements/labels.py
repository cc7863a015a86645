"""Translated names of the agreements domain's enumerations (states, kinds, recurrences, roles).

The domain keeps short English identifiers; the UI shows them in the user's language. The
functions translate at call time, so switching the language takes effect on the next refresh.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mou.agreement import AgreementKind, AgreementStatus


def status_label(status: AgreementStatus | str) -> str:
    """A workflow state as the list and the editor show it."""
    labels = {
        AgreementStatus.DRAFT: QCoreApplication.translate("AgreementLabels", "Draft"),
        AgreementStatus.INTERNAL_REVIEW: QCoreApplication.translate(
            "AgreementLabels", "Internal review"
        ),
        AgreementStatus.NEGOTIATION: QCoreApplication.translate("AgreementLabels", "Negotiation"),
        AgreementStatus.AGREED: QCoreApplication.translate("AgreementLabels", "Agreed"),
        AgreementStatus.SIGNING: QCoreApplication.translate("AgreementLabels", "Signing"),
        AgreementStatus.SIGNED: QCoreApplication.translate("AgreementLabels", "Signed"),
        AgreementStatus.EXPIRED: QCoreApplication.translate("AgreementLabels", "Expired"),
        AgreementStatus.TERMINATED: QCoreApplication.translate("AgreementLabels", "Terminated"),
    }
    return labels[AgreementStatus(status)]


def kind_label(kind: AgreementKind | str) -> str:
    """The kind of agreement; the Indonesian legal names stay in both languages."""
    labels = {
        AgreementKind.KESEPAKATAN_BERSAMA: QCoreApplication.translate(
            "AgreementLabels", "Kesepakatan Bersama (MoU)"
        ),
        AgreementKind.PERJANJIAN_KERJA_SAMA: QCoreApplication.translate(
            "AgreementLabels", "Perjanjian Kerja Sama (PKS)"
        ),
    }
    return labels[AgreementKind(kind)]


def transition_label(target: AgreementStatus | str, source: AgreementStatus | str) -> str:
    """The button text for a workflow step (mirrors ``mou.workflow.TRANSITIONS`` labels)."""
    target, source = AgreementStatus(target), AgreementStatus(source)
    S = AgreementStatus
    if target is S.TERMINATED:
        return QCoreApplication.translate("AgreementLabels", "Terminate…")
    labels = {
        (S.DRAFT, S.INTERNAL_REVIEW): QCoreApplication.translate(
            "AgreementLabels", "Submit for internal review"
        ),
        (S.INTERNAL_REVIEW, S.DRAFT): QCoreApplication.translate(
            "AgreementLabels", "Return to the drafter"
        ),
        (S.INTERNAL_REVIEW, S.NEGOTIATION): QCoreApplication.translate(
            "AgreementLabels", "Start negotiation"
        ),
        (S.NEGOTIATION, S.INTERNAL_REVIEW): QCoreApplication.translate(
            "AgreementLabels", "Take back for review"
        ),
        (S.NEGOTIATION, S.AGREED): QCoreApplication.translate("AgreementLabels", "Mark as agreed"),
        (S.AGREED, S.NEGOTIATION): QCoreApplication.translate(
            "AgreementLabels", "Reopen negotiation"
        ),
        (S.AGREED, S.SIGNING): QCoreApplication.translate("AgreementLabels", "Prepare for signing"),
        (S.SIGNING, S.SIGNED): QCoreApplication.translate("AgreementLabels", "Record as signed…"),
        (S.SIGNED, S.EXPIRED): QCoreApplication.translate("AgreementLabels", "Mark as expired"),
    }
    return labels.get((source, target), status_label(target))


def recurrence_label(recurrence: str) -> str:
    """How often an obligation recurs."""
    labels = {
        "none": QCoreApplication.translate("AgreementLabels", "Once"),
        "monthly": QCoreApplication.translate("AgreementLabels", "Monthly"),
        "quarterly": QCoreApplication.translate("AgreementLabels", "Quarterly"),
        "yearly": QCoreApplication.translate("AgreementLabels", "Yearly"),
    }
    return labels.get(recurrence, recurrence)


DIMENSIONS = ("government", "society", "living", "economy", "environment", "mobility")


def dimension_label(dimension: str) -> str:
    """One of the six smart-city dimensions named in the seeds."""
    labels = {
        "government": QCoreApplication.translate("AgreementLabels", "Smart government"),
        "society": QCoreApplication.translate("AgreementLabels", "Smart society"),
        "living": QCoreApplication.translate("AgreementLabels", "Smart living"),
        "economy": QCoreApplication.translate("AgreementLabels", "Smart economy"),
        "environment": QCoreApplication.translate("AgreementLabels", "Smart environment"),
        "mobility": QCoreApplication.translate("AgreementLabels", "Smart mobility"),
    }
    return labels.get(dimension, dimension)
