"""Starting the desktop app: language, database, first-run wizard, main window.

Kept lean for the cold start (≤ 1.0 s): nothing here imports aiortc, reportlab or pyHanko; the
pages that need them import them when first shown.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from ui import i18n, paths
from ui.bridge import EventBridge
from ui.settings import Settings

if TYPE_CHECKING:  # imported lazily at run time, see the module docstring
    from mou.db import Database
    from ui.context import AppContext
    from ui.main_window import MainWindow


def database_url_for(cli_url: str | None, settings: Settings, data_dir: Path) -> str:
    """``--database``, else ``LINTAS_DATABASE_URL``, else the saved setting, else the SQLite file."""
    from mou.db import sqlite_url

    return (
        cli_url
        or os.environ.get("LINTAS_DATABASE_URL")
        or settings.database_url
        or sqlite_url(paths.database_file(data_dir))
    )


def open_database_interactive(url: str, backup_dir: Path) -> Database | None:
    """Open the database; on damage ask the user (restore the newest backup, or quit).

    Returns ``None`` when the user quits; then nothing on disk has been touched.
    """
    from mou.db import DatabaseCorruptError, open_database, restore_backup

    while True:
        try:
            return open_database(url, backup_dir=backup_dir)
        except DatabaseCorruptError as error:
            # Imported only when needed: the healthy start never pays for the dialogs.
            from ui.database_recovery import CorruptDatabaseDialog

            dialog = CorruptDatabaseDialog(error)
            if dialog.exec() != CorruptDatabaseDialog.RESTORE or not error.backups:
                return None
            aside = restore_backup(error.path, error.backups[0])
            QMessageBox.information(
                None,
                QApplication.translate("App", "Backup restored"),
                QApplication.translate(
                    "App", "The backup was restored. The damaged file was kept as %1."
                ).replace("%1", aside.name),  # its name, not the path: no internals on screen
            )
        except Exception as error:  # server down, bad URL, permissions: say so, never crash
            from ui.database_recovery import DatabaseErrorDialog, database_error_text

            DatabaseErrorDialog(url, database_error_text(error), technical=str(error)).exec()
            return None


def build_context(
    database: Database, settings: Settings, data_dir: Path, bridge: EventBridge
) -> AppContext | None:
    """The AppContext for an installation that already has its local office (else ``None``)."""
    from mou import office as office_api
    from ui.context import AppContext

    with database.session() as session:
        office = office_api.local_office(session)
        users = office_api.local_users(session)
    if office is None:
        return None
    current = next((u for u in users if u.id == settings.last_user_id), users[0] if users else None)
    return AppContext(
        database=database,
        settings=settings,
        data_dir=data_dir,
        office=office,
        current_user=current,
        bridge=bridge,
    )


def main_window_after_set_up(
    database: Database, settings: Settings, data_dir: Path, bridge: EventBridge
) -> MainWindow | None:
    """The main window right after the first-run wizard (not yet shown); ``None`` without an office.

    The drafter the wizard chose acts (least privilege), and the window opens on Sessions: a new
    office trusts nobody yet, and its first step is meeting another office in a call ("Start a
    session" or a pasted invitation), where the office cards are exchanged and compared.
    """
    from ui.main_window import MainWindow

    settings.sync()  # the wizard chose who acts first (the drafter) in its own Settings
    context = build_context(database, settings, data_dir, bridge)
    if context is None:
        return None
    return MainWindow(context, first_page="sessions")


def create_application() -> QApplication:
    """The QApplication with Lintas' names (reused when one exists, as under pytest-qt)."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName(paths.ORGANIZATION)
    app.setApplicationName(paths.APPLICATION)
    app.setApplicationDisplayName("Lintas")
    return app  # type: ignore[return-value]


def start(database_url: str | None = None) -> MainWindow | None:
    """Everything up to and including showing the main window; ``None`` when the user quit."""
    create_application()
    data_dir = paths.data_dir()
    settings = Settings(data_dir)
    i18n.install_language(i18n.resolve_language(settings.language))
    url = database_url_for(database_url, settings, data_dir)
    database = open_database_interactive(url, paths.backups_dir(data_dir))
    if database is None:
        return None
    bridge = EventBridge()
    from mou import events

    # Domain events arrive on whatever thread committed; the bridge hands them to the GUI thread.
    bridge.listen_to(events.subscribe)
    context = build_context(database, settings, data_dir, bridge)
    if context is None:
        from ui.wizard.wizard import FirstRunWizard

        wizard = FirstRunWizard(database, data_dir)
        if wizard.exec() != QDialog.DialogCode.Accepted and not wizard.office_created:
            bridge.detach_all()
            database.dispose()
            return None
        window = main_window_after_set_up(database, settings, data_dir, bridge)
        if window is not None:
            window.show()
        return window
    else:
        from ui.pin_dialog import SignInDialog, needs_sign_in

        # The last user is resumed only with their PIN (right after the wizard the person who
        # just set it is still there, hence only on later starts).
        if needs_sign_in(context) and SignInDialog(context).exec() != QDialog.DialogCode.Accepted:
            bridge.detach_all()
            database.dispose()
            return None

    from ui.main_window import MainWindow

    window = MainWindow(context)
    window.show()
    return window


def run_app(database_url: str | None) -> int:
    """Run the desktop app until its window closes; the process exit code."""
    app = create_application()
    window = start(database_url)
    if window is None:
        return 1
    if os.environ.get("LINTAS_EXIT_WHEN_SHOWN"):
        # For benchmarks/bench_startup.py: leave as soon as the shown window got its first
        # event-loop turn, and say which heavy libraries the start-up pulled in.
        QTimer.singleShot(0, lambda: _report_shown_and_quit(app))
    code = app.exec()
    window.context.database.dispose()
    return code


#: Libraries that must not load at start-up (each costs 100+ ms); pages import them when needed.
HEAVY_MODULES = ("aiortc", "av", "reportlab", "pyhanko", "pypdfium2", "PySide6.QtMultimedia")


def _report_shown_and_quit(app: QApplication) -> None:
    import time

    heavy = [name for name in HEAVY_MODULES if name in sys.modules]
    print(
        f"lintas: main window shown; cpu {time.process_time():.3f} s; "
        f"heavy modules loaded: {','.join(heavy) or '-'}",
        flush=True,
    )
    app.quit()
