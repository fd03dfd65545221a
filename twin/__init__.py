"""cer-twin: an event-sourced simulation and digital twin of an Italian renewable energy community.

>>> import twin
>>> res = twin.load().run()   # doctest: +SKIP

The entry points (``load``, ``load_store``, ``Simulation``, ``RunResult``) are imported on first
use, so that ``import weather`` and ``import twin.rules`` stay light and free of import cycles.
"""

from typing import TYPE_CHECKING, Any

from twin._version import __version__

if TYPE_CHECKING:
    from twin.sim.run import RunResult, Simulation, load, load_store

__all__ = ["RunResult", "Simulation", "__version__", "load", "load_store"]


def __getattr__(name: str) -> Any:
    if name in {"RunResult", "Simulation", "load", "load_store"}:
        from twin.sim import run as simulation

        return getattr(simulation, name)
    raise AttributeError(f"module 'twin' has no attribute {name!r}")
