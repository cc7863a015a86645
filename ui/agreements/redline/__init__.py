"""Redline view: any two revisions compared per pasal at word level, with who proposed what."""
