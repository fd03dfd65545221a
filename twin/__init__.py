"""cer-twin: an event-sourced simulation and digital twin of an Italian renewable energy community.

>>> import twin
>>> res = twin.load().run()   # doctest: +SKIP
"""

from twin._version import __version__
from twin.simulation import RunResult, Simulation, load, load_store

__all__ = ["RunResult", "Simulation", "__version__", "load", "load_store"]
