"""The meter's limit: a home's power capped at 110 % of its contracted power, the energy clipped
off given back (what a meter lets through indefinitely; ARERA's contracted power)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from twin.assets.loads import Consumer

__all__ = ["capped"]


def capped(power: np.ndarray, consumers: Sequence[Consumer], mean_kw: np.ndarray) -> np.ndarray:
    """Power capped at 110 % of each contracted power, the energy clipped off given back: up to
    three rounds of clipping at the cap and scaling each column back to its mean, then a last
    clip, in place.

    Done on the few values a round can reach: a column's scale only grows from 1 as rounds clip
    its energy, so while it stays under ``margin`` no value under ``cap / margin`` ever meets
    the cap; the rounds run on those values alone (0.08 % of a household block's at the first
    margin), the column totals corrected by what they clip, and the scale is applied once at
    the end. A scale reaching the margin (a member whose energy hardly fits its meter) widens
    it and the rounds run again on more values."""
    cap = np.array([1.1 * c.contracted_power_kw if c.contracted_power_kw else np.inf
                    for c in consumers])
    if not np.isfinite(cap).any():
        return power
    target, total = mean_kw * len(power), power.sum(axis=0)  # each column's energy, in kW·steps
    margin = 1.25
    while True:
        row, col = np.nonzero(power > cap / margin)
        values, scale = _clip_rounds(power[row, col], col, cap, target, total.copy())
        if scale.max() < margin:
            break
        margin = 2.0 * scale.max()
    power[row, col] = values
    power *= scale
    power[row, col] = np.minimum(power[row, col], cap[col])
    return power


def _clip_rounds(values: np.ndarray, col: np.ndarray, cap: np.ndarray, target: np.ndarray,
                 total: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Three rounds at most of :func:`capped` on ``values`` (of columns ``col``): the values
    clipped (before scaling) and each column's scale."""
    scale = np.ones_like(total)
    for _ in range(3):
        limit = (cap / scale)[col]
        over = values > limit
        if not over.any():
            break
        total -= np.bincount(col[over], weights=values[over] - limit[over],
                             minlength=len(total))
        values = np.where(over, limit, values)
        scale = np.divide(target, total, out=np.ones_like(total), where=total > 0)
    return values, scale
