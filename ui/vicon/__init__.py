"""Vicon user interface: call controller, Qt Multimedia devices and the call window."""
