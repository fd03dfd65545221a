"""Questions asked of the twin: comparisons, expansion (candidates and sizing curves), Monte Carlo
over weather years, and sweeps of many variants on dask.distributed.

``twin.studies.percentiles(ds, dim="weather_seed")`` gives P90/P50/P10 of a grid study
(:func:`twin.studies.grid.percentiles`); it is imported on first use, so importing this package
costs nothing.
"""

from __future__ import annotations

from typing import Any

__all__ = ["percentiles"]


def __getattr__(name: str) -> Any:
    if name == "percentiles":
        from twin.studies.grid import percentiles

        return percentiles
    raise AttributeError(f"module 'twin.studies' has no attribute {name!r}")
