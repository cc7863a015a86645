"""Vicon user interface: call controller, Qt Multimedia devices and the call window.

* :mod:`ui.vicon.controller` — ``CallController``: owns a ``CallEngine`` (its own asyncio
  thread), submits coroutines, re-emits engine events as GUI-thread ``sig_*`` signals and paints
  only the newest remote frame per peer. Other areas send typed app messages through it.
* :mod:`ui.vicon.devices` — camera/microphone via Qt Multimedia feeding ``Push*Source``;
  synthetic test pattern and tone when there are no devices. :mod:`ui.vicon.audio` plays remote
  audio.
* :mod:`ui.vicon.call_window` — the call window (tiles, participants, chat, controls, state).
* :mod:`ui.vicon.call_events` — ``CallOpened``/``CallClosed`` posted on ``context.bridge`` by the
  Sessions page, so other pages find the live controller.
"""
