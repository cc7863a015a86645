"""Live co-review over the vicon data channel (``mou.live_review`` wired to the call controller)."""
