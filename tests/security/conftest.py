"""Security tests reuse the two-city fixture of the domain tests (real SQLite files, real keys)."""

from __future__ import annotations

from tests.agreements_ui.conftest import (
    indonesian,  # noqa: F401,E402  (a fixture)
    screenshots,  # noqa: F401,E402  (a fixture)
)
from tests.mou.conftest import cities  # noqa: F401  (a fixture)
from tests.shell.conftest import (  # noqa: F401,E402  (fixtures)
    context,
    empty_database,
    modal_driver,
    office_database,
)
