"""PySide6 desktop user interface. Depends on ``mou`` and ``conferencing``, never the reverse.

How the shell fits together (for the engineers who add pages):

* ``ui.app.run_app`` / ``start``: QApplication, data folder (``ui.paths``), language
  (``ui.i18n``), database (``mou.db.open_database``, damaged-file dialog), first-run wizard
  (``ui.wizard``), then ``ui.main_window.MainWindow``.
* A sidebar page is ``ui/<package>/page.py`` with ``class Page(QWidget)`` built as
  ``Page(context: AppContext, parent=None)``; ``ui.navigation.PAGES`` lists them. Pages are
  imported on first visit, so import aiortc/reportlab/pyHanko at module level there if you must,
  never in ``ui.app``. Optional page members the window uses: ``navigate_requested = Signal(str)``,
  ``open_requested = Signal(str, int)``, ``open_item(id)``, ``shutdown()``.
* ``ui.context.AppContext``: ``database``, ``settings`` (``ui.settings.Settings``, typed
  QSettings), ``data_dir``, ``office`` and ``current_user`` (detached ORM rows), ``bridge``;
  ``identity_path``, ``backups_dir``, ``set_current_user()``, ``set_office()``.
* ``ui.bridge.EventBridge``: ``post(event)`` from any thread; ``subscribe(EventType, callback)``
  and ``event_received`` deliver on the GUI thread; ``watch_future(future, on_done, on_error)``;
  ``listen_to(subscribe_fn)``. Domain events (``mou.events``) are already wired in; the shell
  posts ``CurrentUserChanged``, ``OfficeChanged`` and ``UsersChanged`` (``ui.context``).
* Strings: ``self.tr("...")`` or ``QCoreApplication.translate("Context", "...")`` with literal
  text; each area has ``resources/translations/<area>_id.ts`` (any ``*_id.ts`` is picked up).
"""
