"""Shared energy (energia condivisa) and its split among plants.

TIAD art. 1 as restated in RO-2024 Appendice A, and RO-2024 §2.2.2.1.2 [V]: for each **hour**,
the shared energy of a configuration is the minimum of the energy injected by its plants and the
energy withdrawn by its points, both summed over the configuration. It is netted hourly, never
over longer periods. The incentivised part (EACI) is split among plants in order of entry into
operation, earliest first (RO-2024 App. A).
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from numpy.typing import ArrayLike


def shared_energy_kwh(injected_kwh: ArrayLike, withdrawn_kwh: ArrayLike) -> np.ndarray:
    """Hourly shared energy: ``min(injected, withdrawn)`` element by element. [kWh]

    Parameters
    ----------
    injected_kwh : array_like
        Energy injected by the configuration's plants in each hour. [kWh]
    withdrawn_kwh : array_like
        Energy withdrawn by the configuration's points in each hour. [kWh]

    Notes
    -----
    TIAD (ARERA 727/2022/R/eel, All. A, art. 1) via RO-2024 App. A and §2.2.2.1.2:
    ``E_ACI,h = min(E_immessa,h ; E_prelevata,h)``. Summing the hourly minima is what GSE pays
    on; the minimum of monthly totals would overstate it (CER_RULES.md §1.2).
    """
    inj = np.asarray(injected_kwh, dtype=float)
    wd = np.asarray(withdrawn_kwh, dtype=float)
    if (inj < 0).any() or (wd < 0).any():
        raise ValueError("injected and withdrawn energy must be non-negative")
    return np.minimum(inj, wd)


def allocate_by_seniority(shared_kwh: ArrayLike, injected_kwh: ArrayLike,
                          seniority: ArrayLike,
                          ties: Literal["pro_rata_injection", "file_order"] = "pro_rata_injection",
                          ) -> np.ndarray:
    """Split each hour's shared energy among plants, earliest entry into operation first.

    Parameters
    ----------
    shared_kwh : array_like, shape (time,)
        Shared energy of the configuration. [kWh]
    injected_kwh : array_like, shape (time, plant)
        Energy injected by each plant. [kWh]
    seniority : array_like, shape (plant,)
        Sort key of each plant (e.g. entry-into-operation date as a number); lower goes first.
    ties : how plants with the same key share: ``pro_rata_injection`` (default: in proportion
        to each one's injection in the hour, whatever order a file lists them in) or
        ``file_order`` (the given order). No GSE or ARERA rule for ties was found
        (RULES_UPDATES.md §5) [U].

    Returns
    -------
    ndarray, shape (time, plant)
        Shared energy allocated to each plant; each plant gets at most its injection and the
        allocations of an hour add up to ``min(shared, total injection)``. [kWh]

    Notes
    -----
    RO-2024 Appendice A: EACI is "ripartita per impianto/UP in ordine di data di entrata in
    esercizio, a partire da quello entrato in esercizio per primo" [V]; GSE FAQ "calcolo energia
    condivisa": "distribuzione prioritaria in base alla data di entrata in esercizio ... fino al
    valore massimo di energia immessa da ciascun impianto" [S].
    """
    shared = np.asarray(shared_kwh, dtype=float)
    inj = np.asarray(injected_kwh, dtype=float)
    keys = np.asarray(seniority)
    if ties == "file_order" or len(np.unique(keys)) == len(keys):
        return _waterfall(shared, inj, np.argsort(keys, kind="stable"))
    levels, group = np.unique(keys, return_inverse=True)  # tied plants: one step of the fall
    grouped = np.zeros((len(shared), len(levels)))
    np.add.at(grouped.T, group, inj.T)
    allocated_to_group = _waterfall(shared, grouped, np.arange(len(levels)))
    share = np.divide(inj, grouped[:, group], out=np.zeros_like(inj),
                      where=grouped[:, group] > 0)
    return allocated_to_group[:, group] * share


def _waterfall(shared: np.ndarray, inj: np.ndarray, order: np.ndarray) -> np.ndarray:
    """Fill ``shared`` plant by plant in ``order``, each up to its injection."""
    ranked = inj[:, order]
    cumulative = np.cumsum(ranked, axis=1)
    before = cumulative - ranked  # what the more senior plants inject
    np.minimum(cumulative, shared[:, None], out=cumulative)
    cumulative -= before
    np.clip(cumulative, 0.0, None, out=cumulative)
    if (order == np.arange(len(order))).all():
        return cumulative
    allocated = np.empty_like(cumulative)
    allocated[:, order] = cumulative
    return allocated


def withdrawal_for_sharing_kwh(
    withdrawn_kwh: ArrayLike,
    *,
    tariff_exempt_kwh: ArrayLike = 0.0,
    storage_grid_charge_kwh: ArrayLike = 0.0,
    storage_round_trip_efficiency: float = 1.0,
) -> np.ndarray:
    """Withdrawal that counts for sharing, with the two TIAD adjustments. [kWh]

    TIAD art. 1 via RO-2024 App. A [V]:

    * withdrawals on which transmission and distribution tariffs are not applied (delibere
      109/2021 and 574/2014) are netted out: ``− tariff_exempt_kwh``;
    * energy taken from the grid by storage for later re-injection counts times the storage's
      average round-trip efficiency: ``+ |storage_grid_charge_kwh| × η``. ``withdrawn_kwh`` must
      then exclude the storage's own withdrawals.
    """
    if not 0.0 < storage_round_trip_efficiency <= 1.0:
        raise ValueError("storage round-trip efficiency must be in (0, 1], found "
                         f"{storage_round_trip_efficiency}")
    wd = np.asarray(withdrawn_kwh, dtype=float)
    exempt = np.asarray(tariff_exempt_kwh, dtype=float)
    if (exempt > wd + 1e-9).any() or (exempt < 0).any():
        raise ValueError("tariff-exempt withdrawal must be between 0 and the withdrawal")
    storage = np.abs(np.asarray(storage_grid_charge_kwh, dtype=float))
    return wd - exempt + storage * storage_round_trip_efficiency
