"""App catalog: the smart-city applications an office can share."""
