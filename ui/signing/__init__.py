"""Signing UI: signature pad, verification dialog and printing of signed agreements."""
