"""Fixtures of the first-contact tests: Bandung's installation from the shell tests."""

from __future__ import annotations

from tests.shell.conftest import (  # noqa: F401 (fixtures re-used here)
    compiled_translations,
    context,
    empty_database,
    modal_driver,
    office_database,
    screenshots,
)
