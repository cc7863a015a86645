"""Conferencing core: signaling hub, call engine and media. Free of Qt.

* :mod:`conferencing.engine` - :class:`~conferencing.engine.CallEngine`, one office's side of a
  call, running its own asyncio loop on its own thread; events in :mod:`conferencing.events`.
* :mod:`conferencing.media` - video/audio sources (synthetic test pattern and tone, pushed
  camera/microphone frames); :mod:`conferencing.stamp` - the machine-readable frame stamp.
* :mod:`conferencing.hub` - the signaling hub (:class:`~conferencing.hub.server.HubServer`,
  :class:`~conferencing.hub.embedded.EmbeddedHub`) and invite tokens.
* :mod:`conferencing.protocol` - the hub's wire protocol (documented in ``docs/protocol.md``).
* :mod:`conferencing.topology` - how peers connect (full mesh today; an SFU later).
"""
