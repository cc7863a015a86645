"""The live signing ceremony, held during a vicon.

- :mod:`mou.ceremony.live`: :class:`~mou.ceremony.live.Ceremony`, the signing turn and messages.
- :mod:`mou.ceremony.state`: the ceremony record, presenting and verified steps.
- :mod:`mou.ceremony.protocol`: validated ceremony messages.
- :mod:`mou.ceremony.checks`: what an arriving PDF must satisfy.
- :mod:`mou.ceremony.attendance`, :mod:`mou.ceremony.events`, :mod:`mou.ceremony.store`.

Import from the submodules: this package stays empty so that loading one part does not load all.
"""
