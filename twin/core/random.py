"""Seeded randomness: one generator per named entity, and the AR(1) process of the weather
library (re-exported: the load and price models use the same one)."""

from __future__ import annotations

import zlib

import numpy as np
import pandas as pd

from twin.core.time import year_spans
from weather.stochastic import ar1

__all__ = ["ar1", "member_rng", "seeded_years", "year_seed"]


def member_rng(seed: int, key: str) -> np.random.Generator:
    """A generator for one named entity, stable when other entities are added or removed."""
    return np.random.default_rng(np.random.SeedSequence([seed, zlib.crc32(key.encode())]))


def year_seed(seed: int, year: int) -> int:
    """The seed of a run's ``year``-th year (0 the first): ``seed`` itself for the first, so the
    first year of a long run is the one-year run; a seed derived from both for the others."""
    if year == 0:
        return seed
    return int(np.random.SeedSequence([seed, year, 0x9EA5]).generate_state(1, np.uint32)[0])


def seeded_years(index: pd.DatetimeIndex, seed: int) -> list[tuple[int, int, int]]:
    """The run's years (:func:`~twin.core.time.year_spans`), each ``(start, end, seed)`` with
    its :func:`year_seed`: what a model drawn year by year iterates over."""
    return [(a, b, year_seed(seed, k)) for k, (a, b) in enumerate(year_spans(index))]
