"""Test suite. A package so pytest puts the repo root (not tests/) on sys.path: otherwise
tests/conferencing would shadow the real ``conferencing`` package."""
