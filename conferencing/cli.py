"""Subcommands of the conferencing core: ``hub``, ``invite`` and ``call``."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Declare the conferencing subcommands (handlers import their modules lazily)."""
