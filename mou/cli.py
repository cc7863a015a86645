"""Subcommands of the agreements core: ``sample-agreement`` and ``verify``."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Declare the agreements subcommands (handlers import their modules lazily)."""
