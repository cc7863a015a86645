"""The strip in the call window where two offices that never met compare a code and trust.

Driven by :class:`ui.vicon.trust_exchange.TrustExchange`: the code to compare, the head's
password when the acting user may not trust an office, "Trust this office", and once the office
is trusted and verified, "Start an agreement with …" for the drafter.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget


class TrustBar(QWidget):
    """The strip in the call window: the code to compare and "Trust this office"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trustBar")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.error = QLabel(self)
        self.error.setObjectName("trustError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        # The head's password, shown only when the acting user may not trust an office.
        self.secret = QLineEdit(self)
        self.secret.setObjectName("trustSecret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setMinimumWidth(240)
        self.secret.hide()
        self.trust_button = QPushButton(self.tr("Trust this office"), self)
        self.trust_button.setObjectName("primaryAction")
        # Once the office is trusted and verified: the drafter's next step, from the call.
        self.agreement_button = QPushButton(self)
        self.agreement_button.setObjectName("primaryAction")
        self.agreement_button.hide()
        text = QVBoxLayout()
        text.addWidget(self.label)
        text.addWidget(self.error)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addLayout(text, 1)
        row.addWidget(self.secret)
        row.addWidget(self.trust_button)
        row.addWidget(self.agreement_button)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("QWidget#trustBar { background: #e3f2fd; border-radius: 4px; }")
        self.hide()
