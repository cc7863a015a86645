"""Where comments are still open: counts per pasal, the "still open in Pasal 3" text and a badge.

An open comment blocks release for negotiation and "Mark as agreed"; the drafter has to find it.
Replies carry their thread's pasal, so counting unresolved comments by pasal matches the domain's
own count (``mou.comment.open_comments``).
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QHelpEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)
from sqlalchemy.orm import Session

from mou.comment import open_comments

# A pasal number for comments on the agreement as a whole (they have no pasal).
WHOLE = None
# The number of open comments on a pasal (0 when none), set on each row of the pasal list.
OPEN_COMMENTS_ROLE = Qt.ItemDataRole.UserRole + 7
BADGE_COLOUR = QColor("#c25e00")


def open_counts(session: Session, agreement_id: int) -> dict[str | None, int]:
    """Unresolved comments per pasal uuid (``None``: on the agreement as a whole)."""
    return dict(Counter(c.clause_uuid for c in open_comments(session, agreement_id)))


def describe(counts: dict[str | None, int], numbers: dict[str, int]) -> str:
    """ "1 comment still open in Pasal 3", "3 comments still open in Pasal 2, Pasal 5" ("": none)."""
    total = sum(counts.values())
    if not total:
        return ""
    places = [
        QCoreApplication.translate("OpenComments", "Pasal %1").replace("%1", str(numbers[uuid]))
        for uuid in sorted((u for u in counts if u in numbers), key=lambda u: numbers[u])
    ]
    if WHOLE in counts or any(u not in numbers for u in counts if u is not None):
        places.append(QCoreApplication.translate("OpenComments", "the agreement as a whole"))
    where = ", ".join(places)
    if total == 1:
        return QCoreApplication.translate("OpenComments", "1 comment still open in %1").replace(
            "%1", where
        )
    return (
        QCoreApplication.translate("OpenComments", "%1 comments still open in %2")
        .replace("%1", str(total))
        .replace("%2", where)
    )


def first_pasal(counts: dict[str | None, int], numbers: dict[str, int]) -> str | None:
    """The lowest-numbered pasal with an open comment."""
    found = [u for u in counts if u in numbers]
    return min(found, key=lambda u: numbers[u]) if found else None


def badge_pixmap(count: int, height: int = 18) -> QPixmap:
    """A round orange badge with ``count`` in it (the pasal list's open-comment marker)."""
    text = str(count) if count < 100 else "99+"
    width = max(height, 8 + 7 * len(text))
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(BADGE_COLOUR)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRectF(0, 0, width, height), height / 2, height / 2)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(height * 0.7))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, width, height), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return pixmap


def count_tip(count: int) -> str:
    """ "1 open comment on this pasal" ("" for none)."""
    if count == 1:
        return QCoreApplication.translate("OpenComments", "1 open comment on this pasal")
    return (
        QCoreApplication.translate("OpenComments", "%1 open comments on this pasal").replace(
            "%1", str(count)
        )
        if count
        else ""
    )


class OpenCommentsDelegate(QStyledItemDelegate):
    """Paints the open-comment badge at the right end of a pasal row.

    Drawn by the delegate, not as the item's icon, so the icon stays free for other markers
    (the consistency warnings); the badge's sentence is added to whatever tooltip the row has.
    """

    def badge_rect(self, rect: QRect, count: int) -> QRect:
        """Where the badge of ``count`` sits in a row's ``rect``."""
        size = badge_pixmap(count).size()
        top = rect.top() + (rect.height() - size.height()) // 2
        return QRect(rect.right() - size.width() - 4, top, size.width(), size.height())

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        count = int(index.data(OPEN_COMMENTS_ROLE) or 0)
        if not count:
            super().paint(painter, option, index)
            return
        badge = self.badge_rect(option.rect, count)
        text_option = QStyleOptionViewItem(option)
        text_option.rect = option.rect.adjusted(0, 0, -(badge.width() + 8), 0)
        super().paint(painter, text_option, index)
        painter.drawPixmap(badge.topLeft(), badge_pixmap(count))

    def sizeHint(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        count = int(index.data(OPEN_COMMENTS_ROLE) or 0)
        if not count:
            return super().sizeHint(option, index)
        narrower = QStyleOptionViewItem(option)
        narrower.rect = option.rect.adjusted(0, 0, -(badge_pixmap(count).width() + 8), 0)
        return super().sizeHint(narrower, index)

    def helpEvent(  # noqa: N802 - Qt override
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        count = int(index.data(OPEN_COMMENTS_ROLE) or 0) if index.isValid() else 0
        if event.type() == QEvent.Type.ToolTip and count:
            own = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
            QToolTip.showText(event.globalPos(), "\n".join(t for t in (own, count_tip(count)) if t))
            return True
        return super().helpEvent(event, view, option, index)
