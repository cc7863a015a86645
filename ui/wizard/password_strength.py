"""A simple, honest password strength hint for the signing key's password."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QCoreApplication

#: Shorter passwords are refused: the PKCS#12 file may leave the office on a USB stick.
MIN_LENGTH = 8


class Strength(IntEnum):
    """Coarse strength classes, from length and variety of characters."""

    TOO_SHORT = 0
    WEAK = 1
    FAIR = 2
    STRONG = 3


def strength(password: str) -> Strength:
    """Rate ``password``: length matters most, then the mix of character kinds."""
    if len(password) < MIN_LENGTH:
        return Strength.TOO_SHORT
    kinds = sum(
        (
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        )
    )
    if len(password) >= 14 and kinds >= 2 or len(password) >= 10 and kinds >= 3:
        return Strength.STRONG
    if kinds >= 2 or len(password) >= 12:
        return Strength.FAIR
    return Strength.WEAK


def strength_hint(password: str) -> str:
    """The hint shown under the password field."""
    rating = strength(password)
    if rating is Strength.TOO_SHORT:
        return QCoreApplication.translate(
            "PasswordStrength", "Too short: use at least %1 characters."
        ).replace("%1", str(MIN_LENGTH))
    if rating is Strength.WEAK:
        return QCoreApplication.translate(
            "PasswordStrength", "Weak: mix upper and lower case, digits and symbols."
        )
    if rating is Strength.FAIR:
        return QCoreApplication.translate(
            "PasswordStrength", "Fair: a longer password would be stronger."
        )
    return QCoreApplication.translate("PasswordStrength", "Strong.")
