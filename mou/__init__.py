"""Agreements core: Kesepakatan Bersama drafting, storage, PDF and signing. Free of Qt."""
