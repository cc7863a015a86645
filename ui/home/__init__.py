"""Home: what needs the current user's action."""
