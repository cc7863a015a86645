"""Translated names of the agreements domain's enumerations (states, kinds, recurrences, roles).

The domain keeps short English identifiers; the UI shows them in the user's language. The
functions translate at call time, so switching the language takes effect on the next refresh.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mou.agreement import AgreementKind, AgreementStatus


def _t(text: str) -> str:
    return QCoreApplication.translate("AgreementLabels", text)


def status_label(status: AgreementStatus | str) -> str:
    """A workflow state as the list and the editor show it."""
    labels = {
        AgreementStatus.DRAFT: _t("Draft"),
        AgreementStatus.INTERNAL_REVIEW: _t("Internal review"),
        AgreementStatus.NEGOTIATION: _t("Negotiation"),
        AgreementStatus.AGREED: _t("Agreed"),
        AgreementStatus.SIGNING: _t("Signing"),
        AgreementStatus.SIGNED: _t("Signed"),
        AgreementStatus.EXPIRED: _t("Expired"),
        AgreementStatus.TERMINATED: _t("Terminated"),
    }
    return labels[AgreementStatus(status)]


def kind_label(kind: AgreementKind | str) -> str:
    """The kind of agreement; the Indonesian legal names stay in both languages."""
    labels = {
        AgreementKind.KESEPAKATAN_BERSAMA: _t("Kesepakatan Bersama (MoU)"),
        AgreementKind.PERJANJIAN_KERJA_SAMA: _t("Perjanjian Kerja Sama (PKS)"),
    }
    return labels[AgreementKind(kind)]


def transition_label(target: AgreementStatus | str, source: AgreementStatus | str) -> str:
    """The button text for a workflow step (mirrors ``mou.workflow.TRANSITIONS`` labels)."""
    target, source = AgreementStatus(target), AgreementStatus(source)
    S = AgreementStatus
    if target is S.TERMINATED:
        return _t("Terminate…")
    labels = {
        (S.DRAFT, S.INTERNAL_REVIEW): _t("Submit for internal review"),
        (S.INTERNAL_REVIEW, S.DRAFT): _t("Return to the drafter"),
        (S.INTERNAL_REVIEW, S.NEGOTIATION): _t("Start negotiation"),
        (S.NEGOTIATION, S.INTERNAL_REVIEW): _t("Take back for review"),
        (S.NEGOTIATION, S.AGREED): _t("Mark as agreed"),
        (S.AGREED, S.NEGOTIATION): _t("Reopen negotiation"),
        (S.AGREED, S.SIGNING): _t("Prepare for signing"),
        (S.SIGNING, S.SIGNED): _t("Record as signed…"),
        (S.SIGNED, S.EXPIRED): _t("Mark as expired"),
    }
    return labels.get((source, target), status_label(target))


def recurrence_label(recurrence: str) -> str:
    """How often an obligation recurs."""
    labels = {
        "none": _t("Once"),
        "monthly": _t("Monthly"),
        "quarterly": _t("Quarterly"),
        "yearly": _t("Yearly"),
    }
    return labels.get(recurrence, recurrence)


DIMENSIONS = ("government", "society", "living", "economy", "environment", "mobility")


def dimension_label(dimension: str) -> str:
    """One of the six smart-city dimensions named in the seeds."""
    labels = {
        "government": _t("Smart government"),
        "society": _t("Smart society"),
        "living": _t("Smart living"),
        "economy": _t("Smart economy"),
        "environment": _t("Smart environment"),
        "mobility": _t("Smart mobility"),
    }
    return labels.get(dimension, dimension)
