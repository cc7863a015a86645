"""Settings page: general, office and certificate, users, connections, devices."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.settings_page.authorities_section import AuthoritiesSection
from ui.settings_page.connection_section import ConnectionSection
from ui.settings_page.devices_section import DevicesSection
from ui.settings_page.exchange_key_section import ExchangeKeySection
from ui.settings_page.general_section import GeneralSection
from ui.settings_page.office_section import OfficeSection
from ui.settings_page.signing_section import SigningSection
from ui.settings_page.users_section import UsersSection


class Page(QWidget):
    """All settings, one scrolling column of sections."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        heading = QLabel(self.tr("Settings"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        self.general = GeneralSection(context)
        self.office = OfficeSection(context)
        self.users = UsersSection(context)
        self.connections = ConnectionSection(context)
        self.signing = SigningSection(context)
        self.authorities = AuthoritiesSection(context)
        self.exchange_key = ExchangeKeySection(context)
        self.devices = DevicesSection(context)
        sections = (
            self.general,
            self.office,
            self.users,
            self.connections,
            self.signing,
            self.authorities,
            self.exchange_key,
            self.devices,
        )
        for section in sections:
            layout.addWidget(section)
        self.data_folder = QLabel(self.tr("Data folder: %1").replace("%1", str(context.data_dir)))
        self.data_folder.setWordWrap(True)
        self.data_folder.setEnabled(False)
        layout.addWidget(self.data_folder)
        layout.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll)
