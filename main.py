"""Lintas entry point.

Without a subcommand the desktop app starts. Subcommands do headless work
(hub, invite tokens, headless calls, sample agreements, PDF verification) and
are registered by the cores, so this file stays a thin dispatcher. Every
``register`` function only declares arguments; heavy imports (Qt, aiortc,
reportlab, pyHanko) happen inside the handlers, which keeps ``--help`` and the
GUI's cold start fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def build_parser() -> argparse.ArgumentParser:
    """Build the command-line parser with every subcommand the cores register."""
    parser = argparse.ArgumentParser(
        prog="lintas",
        description="Lintas: city-to-city vicon and Kesepakatan Bersama drafting, "
        "signing and printing.",
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help="SQLAlchemy database URL (default: SQLite file in the app data folder; "
        "also read from LINTAS_DATABASE_URL)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = sub.add_parser("gui", help="open the desktop app (the default)")
    gui.set_defaults(func=_run_gui)

    from conferencing import cli as conferencing_cli
    from mou import cli as mou_cli

    conferencing_cli.register(sub)
    mou_cli.register(sub)
    return parser


def _run_gui(args: argparse.Namespace) -> int:
    from ui.app import run_app

    return run_app(database_url=args.database)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run the chosen subcommand (the GUI when none is given)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", _run_gui)
    return int(func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
