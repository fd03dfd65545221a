"""What each member's bill is made of: its withdrawal and self-consumption by local month and
ARERA band, the steps it was active, and its peak.

Bills (:mod:`twin.finance.bills`) need a member's energy per month and band, not its hourly
series: the series are summed here as each block of members is generated (one matrix product per
month), so no member's hourly load outlives its block.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from twin.core.calendar import MonthGrid


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
        steps = grid.steps()
        return MemberMonths(
            self.months, np.concatenate([self.withdrawn_kwh, grid.by_band(withdrawn_kwh)]),
            np.concatenate([self.self_consumed_kwh, np.zeros((n, len(self.months), 3))]),
            np.concatenate([self.active_steps, np.tile(steps, (n, 1))]),
            np.r_[self.peak_kw, withdrawn_kwh.max(axis=0, initial=0.0) / step_h])
