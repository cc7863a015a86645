"""Conferencing core: signaling hub, call engine and media. Free of Qt."""
