"""Seeded stochastic processes of the weather generator (also used by cer-twin's load and price
models, which take them from here: one copy)."""

from __future__ import annotations

import numpy as np
from scipy import signal


def ar1(rng: np.random.Generator, n: int, rho: float, columns: int | None = None) -> np.ndarray:
    """Stationary standard-normal AR(1) series: ``x[t] = rho x[t-1] + sqrt(1 - rho²) e[t]``.

    Shape ``(n,)``, or ``(n, columns)`` for independent columns.
    """
    shape = (n,) if columns is None else (n, columns)
    eps = rng.standard_normal(shape)
    start = rng.standard_normal(shape[1:])  # x[-1], stationary
    zi = np.asarray(rho * start)[None, ...] if columns is not None else np.array([rho * start])
    out, _ = signal.lfilter([np.sqrt(1.0 - rho * rho)], [1.0, -rho], eps, axis=0, zi=zi)
    return out
