"""Agreements: drafting and reviewing Kesepakatan Bersama."""
