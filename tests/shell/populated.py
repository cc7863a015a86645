"""A populated Lintas for the conventions tests: Bandung's office with an agreement (two saved
rounds, a comment), a scheduled session, all in a real SQLite file; and a way to read every text
the shown screens render (labels, buttons, tabs, list/table/tree cells, text boxes, tooltips).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from mou import models
from mou.comment import add_comment
from mou.meeting import IndonesianTimeZone, Participant, create_meeting
from mou.office import Actor, Role
from mou.revision import save_revision
from tests.agreements_ui.conftest import create_agreement, make_context
from ui.context import AppContext


@dataclass
class Populated:
    """The context and what was put into it."""

    context: AppContext
    agreement_id: int
    revision_hashes: list[str]
    meeting_start: dt.datetime


def populate(folder: Path) -> Populated:
    """Bandung with one agreement in two rounds, a comment on Pasal 1 and a session tomorrow."""
    context = make_context(folder)
    agreement_id = create_agreement(context)
    hashes = []
    with context.database.session() as session:
        drafter = session.query(models.LocalUser).filter_by(role=Role.DRAFTER.value).one()
        actor = Actor.of(drafter)
        agreement = session.get(models.Agreement, agreement_id)
        hashes.append(save_revision(session, agreement, actor, "first round").hash)
        clause = agreement.clauses[0]
        clause.heading = clause.heading + " (diubah)"
        session.flush()
        hashes.append(save_revision(session, agreement, actor, "second round").hash)
        add_comment(session, agreement, actor, "Mohon cek jangka waktu.", clause_uuid=clause.uuid)
        start = (dt.datetime.now(dt.UTC) + dt.timedelta(days=1)).replace(
            hour=2, minute=15, second=0, microsecond=0
        )
        create_meeting(
            session,
            actor,
            title="Vicon Bandung–Palangka Raya",
            starts_at=start,
            time_zone=IndonesianTimeZone.WIB,
            participants=[Participant("Fairid Naparin", "Pemerintah Kota Palangka Raya")],
            agreement=agreement,
        )
    return Populated(context, agreement_id, hashes, start)


def _model_texts(
    model: QAbstractItemModel, parent: QModelIndex, roles: tuple[Qt.ItemDataRole, ...]
) -> Iterator[str]:
    try:
        columns = model.columnCount(parent)
    except TypeError:  # a list model keeps columnCount private: one column
        columns = 1
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in roles:
                value = index.data(role)
                if isinstance(value, str) and value:
                    yield value
        first = model.index(row, 0, parent)
        if first.isValid() and model.rowCount(first) > 0:
            yield from _model_texts(model, first, roles)


def rendered_texts(root: QWidget, *, tooltips: bool = True) -> list[str]:
    """Every text the visible widgets under ``root`` show (and their tooltips, unless not)."""
    texts: list[str] = []
    roles = (Qt.ItemDataRole.DisplayRole,)
    if tooltips:
        roles += (Qt.ItemDataRole.ToolTipRole,)
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if tooltips and widget.toolTip():
            texts.append(widget.toolTip())
        if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
            texts.append(widget.text())
        elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QTabBar):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts.extend(_model_texts(widget.model(), QModelIndex(), roles))
    return [t for t in texts if t]


def visit_everything(window: QWidget, agreement_id: int) -> Iterator[str]:
    """Show each page of the main window, and the agreement with each of its side tabs; yield a
    name for each screen once it is shown (the caller reads or shoots it)."""
    from ui.navigation import page_keys

    for key in page_keys():
        window.navigate(key)  # type: ignore[attr-defined]
        QApplication.processEvents()
        yield key
    window.open_item("agreements", agreement_id)  # type: ignore[attr-defined]
    QApplication.processEvents()
    editor = window.page("agreements").editor  # type: ignore[attr-defined]
    tabs: QTabWidget = editor.side_tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        QApplication.processEvents()
        yield f"editor_tab{index}"
