"""Readings the law leaves open, as named switches with their defaults.

The scenario's ``[rules]`` section (:class:`twin.scenario.Rules`) sets them; its defaults are
these. Each switch names the doubt and where it comes from (docs/rules.md lists them all).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Switches:
    """The switches in force for a settlement."""

    existing_plant_allocation: Literal["seniority", "new_plants_only"] = "seniority"
    """How shared energy is split when a configuration holds pre-2021-12-16 plants: by seniority
    among all plants, or the premium on new plants' shared energy alone (CER_RULES.md §1.5,
    [U])."""
    excess_formula: Literal["literal_2025", "proportional"] = "literal_2025"
    """Reading of the 55 %/45 % excess-premium rule (CER_RULES.md §3)."""
    f_exempt_allocation: Literal["pro_rata", "none"] = "pro_rata"
    """How the energy 'afferente' to F-exempt withdrawal points is found: hourly pro rata of their
    withdrawal, or none (F on all energy) [U, CER_RULES.md §2.4]."""
    natural_persons_f_exempt: bool = True
    """Natural persons exempt from F from 2025-06-26 (DM 127/2025, RO July 2025) [S]."""


DEFAULT_SWITCHES = Switches()
