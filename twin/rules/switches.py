"""Readings the law leaves open, as named switches with their defaults.

The scenario's ``[rules]`` section (:class:`twin.scenario.Rules`) sets them; its defaults are
these. Each switch names the doubt and where it comes from (docs/rules.md lists them all).
"""

from __future__ import annotations

import dataclasses
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
    tie_allocation: Literal["pro_rata_injection", "file_order"] = "pro_rata_injection"
    """Plants entering operation on the same day: shared energy split in proportion to their
    injection in the hour, or in the order the scenario lists them. No GSE or ARERA rule found
    (RULES_UPDATES.md §5) [U]; the default does not depend on how a file is written."""
    f_exempt_priority: Literal["grant_funded_first", "pro_rata"] = "grant_funded_first"
    """Which plants the F-exempt energy is attributed to: grant-funded plants first (the July
    2025 RO, as quoted: "allocata prioritariamente agli impianti che beneficiano del contributo
    in conto capitale", CER_RULES §2.4 [S]) or every plant alike (pro rata)."""
    excess_denominator: Literal["whole_injection", "incentivised_share"] = "whole_injection"
    """The 55 % ratio's denominator: all the injection of incentivised plants (the RO's words,
    "energia immessa in rete da impianti incentivati", §2.2.2.1.3 [V]), or only the share that
    earns the premium ((P − P0)/P of a plant meeting a building obligation) [U]."""
    gse_fee_part_year: Literal["prorated", "whole_year"] = "prorated"
    """The GSE fee of a plant earning for part of a year: prorated by the time it earns, or the
    whole yearly fee (DM MASE 15 Mar 2024 All. 1a states a yearly fee; part years are not
    addressed [U])."""
    premium_years: Literal["net_of_force_majeure", "calendar"] = "net_of_force_majeure"
    """The 20 years of premium: counted net of stops for force majeure (RO-2024 §2.2.1 [V];
    outages whose reason is "force_majeure"), or calendar years from entry into operation."""
    storage_grid_charge: Literal["not_counted", "times_efficiency"] = "not_counted"
    """What a community battery takes from the grid counts for sharing as: nothing (the energy
    is counted once, when the battery injects it), or × its round-trip efficiency (CER_RULES.md
    §1.2's literal reading of the TIAD: "withdrawn energy includes |energy taken from the grid
    by storage| × η", which counts shifted energy at both ends) [U]."""


DEFAULT_SWITCHES = Switches()

SWITCH_DESCRIPTIONS: dict[str, str] = {
    "existing_plant_allocation": "How shared energy is split when a configuration holds "
    "pre-2021-12-16 plants (CER_RULES.md §1.5, [U]).",
    "excess_formula": "Reading of the 55%/45% excess-premium rule (CER_RULES §3).",
    "f_exempt_allocation": "How the energy 'afferente' to F-exempt withdrawal points is found: "
    "hourly pro rata of their withdrawal (default), or none (F on all energy) [U, CER_RULES "
    "§2.4].",
    "natural_persons_f_exempt": "Natural persons exempt from F from 2025-06-26 (DM 127/2025, RO "
    "July 2025) [S].",
    "tie_allocation": "Plants entering operation the same day share shared energy in proportion "
    "to their injection (default) or in file order [U, RULES_UPDATES §5].",
    "f_exempt_priority": "F-exempt energy attributed to grant-funded plants first (RO July 2025) "
    "or to every plant alike [S, CER_RULES §2.4].",
    "excess_denominator": "55 % ratio over all injection of incentivised plants, or only the "
    "(P-P0)/P share [U].",
    "gse_fee_part_year": "GSE fee of a plant earning for part of a year: prorated or whole [U].",
    "premium_years": "The 20 premium years net of force-majeure stops (RO-2024 §2.2.1) or "
    "calendar years.",
    "storage_grid_charge": "A community battery's grid charge counts for sharing as nothing "
    "(default) or x its round-trip efficiency (CER_RULES §1.2 literal) [U].",
}
"""One line per switch for the scenario reference (the attribute docstrings above say more)."""

SWITCH_NAMES = tuple(f.name for f in dataclasses.fields(Switches))
"""Every switch, in order: results carry each as a Dataset attribute of the same name."""
