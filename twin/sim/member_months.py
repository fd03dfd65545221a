"""What each member's bill is made of: its withdrawal and self-consumption by local month and
ARERA band, the steps it was active, and its peak.

Bills (:mod:`twin.finance.bills`) need a member's energy per month and band, not its hourly
series: the series are summed here as each block of members is generated (one matrix product per
month), so no member's hourly load outlives its block.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from twin.core.calendar import tariff_bands
from twin.core.time import to_local


@dataclass(frozen=True)
class MonthGrid:
    """The run's steps grouped by local calendar month, with each step's band one-hot."""

    months: tuple[str, ...]
    """Local months ``YYYY-MM``."""
    bounds: np.ndarray
    """``(month, 2)``: first step and the step after the last of each month."""
    bands: np.ndarray
    """``(time, 3)`` one-hot of F1, F2, F3 (float, for matrix products)."""

    @classmethod
    def of(cls, index: pd.DatetimeIndex) -> MonthGrid:
        local = to_local(index)
        labels = local.strftime("%Y-%m").to_numpy()
        starts = np.r_[0, np.flatnonzero(labels[1:] != labels[:-1]) + 1]
        bounds = np.c_[starts, np.r_[starts[1:], len(labels)]]
        onehot = np.eye(3)[tariff_bands(local)]
        return cls(tuple(labels[starts]), bounds, onehot)

    def by_band(self, energy: np.ndarray) -> np.ndarray:
        """``(time, n)`` energy summed by month and band: ``(n, month, 3)``."""
        out = np.empty((energy.shape[1], len(self.months), 3))
        for k, (a, b) in enumerate(self.bounds):
            out[:, k, :] = energy[a:b].T @ self.bands[a:b]
        return out

    def steps_active(self, segments: list[tuple[int, int, np.ndarray]], n: int) -> np.ndarray:
        """Steps of each month in which each of ``n`` members was active, ``(n, month)``;
        ``segments`` are ``(start, end, active)`` with ``active`` a bool array of length n."""
        out = np.zeros((n, len(self.months)))
        for start, end, active in segments:
            overlap = np.clip(np.minimum(end, self.bounds[:, 1])
                              - np.maximum(start, self.bounds[:, 0]), 0, None)
            out += np.outer(active, overlap)
        return out


@dataclass(frozen=True)
class MemberMonths:
    """Per member, local month and band, while active in the community. [kWh]"""

    months: tuple[str, ...]
    withdrawn_kwh: np.ndarray
    """``(member, month, band)`` grid withdrawal."""
    self_consumed_kwh: np.ndarray
    """``(member, month, band)`` output of plants behind the member's POD used on site."""
    active_steps: np.ndarray
    """``(member, month)`` steps in which the member was active."""
    peak_kw: np.ndarray
    """``(member,)`` highest mean power of its load (before self-consumption) in a step."""

    @classmethod
    def empty(cls, grid: MonthGrid, n: int) -> MemberMonths:
        m = len(grid.months)
        return cls(grid.months, np.zeros((n, m, 3)), np.zeros((n, m, 3)), np.zeros((n, m)),
                   np.zeros(n))

    def plus(self, grid: MonthGrid, withdrawn_kwh: np.ndarray, step_h: float) -> MemberMonths:
        """With members appended that are active over the whole run, host nothing, and
        withdraw ``withdrawn_kwh`` ``(time, n)``."""
        n = withdrawn_kwh.shape[1]
        steps = np.diff(grid.bounds, axis=1)[:, 0].astype(float)
        return MemberMonths(
            self.months, np.concatenate([self.withdrawn_kwh, grid.by_band(withdrawn_kwh)]),
            np.concatenate([self.self_consumed_kwh, np.zeros((n, len(self.months), 3))]),
            np.concatenate([self.active_steps, np.tile(steps, (n, 1))]),
            np.r_[self.peak_kw, withdrawn_kwh.max(axis=0, initial=0.0) / step_h])
