"""Reuse across the variants of a study: what a variant's changes do not touch is computed once.

Inside ``with reusing(Reuse()):`` a run takes from the cache, and adds to it:

* **inputs** (weather, prices) per set of input settings: one weather year per seed, its solar
  position once;
* **PV** per plant and weather, scaled by size: a plant's output is computed once for its
  orientation, site, mounting, losses and dates at 1 kWp, with the inverter in the same ratio
  to the DC size, and multiplied by the plant's kWp. The chain is homogeneous of degree one in
  (DC size, AC rating) (PVWatts DC and inverter, losses and clipping all scale), so scaling is
  exact to rounding; a plant whose inverter is in another ratio to its DC size is another key,
  so it is computed (clipping differs);
* **loads** per member, weather and seed: a member's series depends only on itself, the grid,
  the seed and the temperature (its random streams are its own), so a batch of 200 households
  holds the 100 of the smaller variant, computed once.

The rules and everything after them run for every variant. A reused run equals a run from
scratch to rounding (tests/studies/test_grid.py, 1e-9 relative). Outside ``reusing`` nothing is
cached (docs/decisions.md, "Reuse by memoising the pure parts").
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from typing import Any

import numpy as np
import pandas as pd

_ACTIVE: ContextVar[Reuse | None] = ContextVar("twin_reuse", default=None)


@dataclasses.dataclass
class Reuse:
    """What the variants of one study share. Not thread-safe: one per worker process; a grid
    takes a new one per weather seed (twin.studies.grid.run_group), which bounds its memory."""

    inputs: dict[Any, Any] = dataclasses.field(default_factory=dict)
    pv_per_kwp: dict[Any, np.ndarray] = dataclasses.field(default_factory=dict)
    loads: dict[Any, np.ndarray] = dataclasses.field(default_factory=dict)
    stacks: dict[tuple, np.ndarray] = dataclasses.field(default_factory=dict)
    hits: int = 0
    misses: int = 0


def active() -> Reuse | None:
    """The cache of the study running in this context, or None."""
    return _ACTIVE.get()


@contextlib.contextmanager
def reusing(cache: Reuse) -> Iterator[Reuse]:
    """Runs inside the block take from ``cache`` and add to it."""
    token = _ACTIVE.set(cache)
    try:
        yield cache
    finally:
        _ACTIVE.reset(token)


def _grid_key(index: pd.DatetimeIndex) -> tuple:
    return (index[0].value, len(index), index.freqstr)


def _series_key(values: np.ndarray | None) -> int | None:
    return None if values is None else hash(np.ascontiguousarray(values).tobytes())


def cached_inputs(key: Any, compute: Callable[[], Any]) -> Any:
    """The run's inputs for ``key`` (its input settings), computed once per study."""
    cache = active()
    if cache is None:
        return compute()
    if key not in cache.inputs:
        cache.inputs[key] = compute()
    return cache.inputs[key]


def pv_power_kw(plants: Sequence[Any], weather: pd.DataFrame, transposition_model: str,
                compute: Callable[..., np.ndarray]) -> np.ndarray:
    """``compute(plants, weather, transposition_model)`` (twin.assets.pv.plant_ac_power_kw),
    each plant's column taken from its 1-kWp output when the study has it."""
    cache = active()
    if cache is None or not plants:
        return compute(plants, weather, transposition_model)
    weather_key = (_grid_key(pd.DatetimeIndex(weather.index)),
                   _series_key(weather[["ghi", "dni", "dhi", "temp_air",
                                        "wind_speed"]].to_numpy()), transposition_model)
    keys, missing = [], {}
    for p in plants:
        unit = dataclasses.replace(p, plant_id="unit", capacity_kwp=1.0,
                                   inverter_kw=p.inverter_kw / p.capacity_kwp)
        key = (weather_key, unit)
        keys.append(key)
        if key not in cache.pv_per_kwp:
            missing[key] = unit
    if missing:
        fresh = compute(list(missing.values()), weather, transposition_model)
        for k, key in enumerate(missing):
            cache.pv_per_kwp[key] = fresh[:, k]
    cache.hits += len(plants) - len(missing)
    cache.misses += len(missing)
    return np.column_stack([cache.pv_per_kwp[key] * p.capacity_kwp
                            for key, p in zip(keys, plants, strict=True)])


def load_columns(consumers: Sequence[Any], index: pd.DatetimeIndex, seed: int,
                 temp_air_c: np.ndarray | None, compute: Callable[..., np.ndarray]
                 ) -> np.ndarray:
    """``compute(consumers, index, seed, temp_air_c)`` (twin.assets.loads.load_power_kw), each
    member's column taken from the study's cache when it has it."""
    cache = active()
    if cache is None:
        return compute(consumers, index, seed, temp_air_c)
    scope = (_grid_key(index), seed, _series_key(temp_air_c))
    keys = [(scope, c) for c in consumers]
    missing = list(dict.fromkeys(key for key in keys if key not in cache.loads))
    if missing:
        fresh = compute([c for _, c in missing], index, seed, temp_air_c)
        for k, key in enumerate(missing):
            cache.loads[key] = fresh[:, k]
    cache.hits += len(keys) - len(missing)
    cache.misses += len(missing)
    stacked = cache.stacks.get(tuple(keys))
    if stacked is None:  # the same member set again (another roof size): the same matrix
        stacked = np.column_stack([cache.loads[key] for key in keys]) if keys else \
            np.zeros((len(index), 0))
        stacked.flags.writeable = False  # shared between variants: read only
        cache.stacks[tuple(keys)] = stacked
    return stacked
