"""First-run wizard: the office, its users and its signing identity."""
