"""A few hours settled with :func:`twin.rules.settlement.apply_rules`, for hand-worked cases."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from twin.rules.configuration import F_EXEMPT_BODY, OTHER
from twin.rules.settlement import PlantTerms, apply_rules
from twin.rules.switches import Switches

START = pd.Timestamp("2026-06-10T10:00Z")  # daytime hours in June 2026


def plant(entry: dt.date = dt.date(2025, 5, 1), power_kw: float = 100.0, **terms) -> PlantTerms:
    return PlantTerms(0, power_kw, entry, True, **terms)


def settle(injected_kwh: list[list[float]], withdrawn_kwh: list[float],
           plants: list[PlantTerms], price: float = 100.0, kind: str = "cer",
           exempt_kwh: list[float] | None = None, rules: Switches = Switches(),  # noqa: B008
           **options) -> dict:
    """Hours of one configuration: injection per hour and plant, withdrawal per hour (class
    'other', or F-exempt for ``exempt_kwh``), one zonal price."""
    inj = np.asarray(injected_kwh, dtype=float)
    hourly = pd.date_range(START, periods=len(inj), freq="1h")
    by_class = np.zeros((len(inj), 1, 3))
    by_class[:, 0, OTHER] = withdrawn_kwh
    if exempt_kwh is not None:
        by_class[:, 0, OTHER] -= exempt_kwh
        by_class[:, 0, F_EXEMPT_BODY] = exempt_kwh
    return apply_rules(hourly, np.full(len(inj), price), inj, np.ones(inj.shape, bool),
                       by_class, plants, [kind], "Lombardia", rules, **options)
