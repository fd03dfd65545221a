"""Seeded randomness: one generator per named entity, and the AR(1) process of the weather
library (re-exported: the load and price models use the same one)."""

from __future__ import annotations

import zlib

import numpy as np

from weather.stochastic import ar1

__all__ = ["ar1", "member_rng"]


def member_rng(seed: int, key: str) -> np.random.Generator:
    """A generator for one named entity, stable when other entities are added or removed."""
    return np.random.default_rng(np.random.SeedSequence([seed, zlib.crc32(key.encode())]))
