"""How media flows between the offices of a call.

:class:`~conferencing.topology.base.Topology` is the interface the engine drives;
:class:`~conferencing.topology.mesh.MeshTopology` connects every pair of offices directly
(2 to 4 offices). An SFU backend (Janus VideoRoom) implements the same interface with one peer
connection to the SFU instead of one per office.
"""

from conferencing.topology.base import Topology, TopologyHost
from conferencing.topology.mesh import MeshTopology

__all__ = ["MeshTopology", "Topology", "TopologyHost"]
