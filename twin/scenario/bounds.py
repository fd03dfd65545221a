"""Hard plausibility bounds of what a user may give, each with its reason (docs/scenarios.md).

A value beyond a bound is an error naming the field, never clipped; NaN and infinity are refused
by every model of a scenario, candidates or sweep file (``allow_inf_nan=False``).
"""

from __future__ import annotations

PERIOD_YEARS = (1990, 2100)
"""Calendar years a simulated period may fall in: no CER existed before 2020 and no price or
weather model of the twin reaches beyond the century; 1990 leaves room for measured years."""
MAX_PERIOD_YEARS = 40
"""The longest period simulated at once: a plant's life, twice the 20 premium years."""
MAX_PLANT_KWP = 100_000.0
"""A plant's DC capacity: 100 MW, a hundred times the 1 MW premium cap (RO-2024 §1.2.1.2 b),
above any plant that could join a CER's configuration."""
MAX_MEMBERS_PER_GROUP = 100_000
"""Members in one group: more than the withdrawal points under one cabina primaria."""
MAX_ANNUAL_KWH = 1.0e8
"""A member's yearly withdrawal: 100 GWh, a large factory (large enterprises cannot be
members at all)."""
MAX_SIZES_PER_ROOF = 500
"""Points of one roof's sizing curve (each is a settlement of the whole community)."""
MAX_SWEEP_VARIANTS = 10_000
"""Variants of one sweep (about a day of computing on this kind of machine)."""

# Soft bounds: beyond them a run goes on, with a warning in the terminal and the report.
SOFT_PLANT_KWP = 1000.0
"""A plant above the 1 MW premium cap of RO-2024 §1.2.1.2 b: plausible, but worth a look."""
SOFT_ANNUAL_KWH = 1.0e7
"""A member withdrawing more than 10 GWh a year: a large site for a CER."""
SOFT_PRICE_EUR_PER_MWH = (-100.0, 1000.0)
"""Zonal prices outside this range happened only in crisis months (2022)."""
