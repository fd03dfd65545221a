"""Numbers of the rules as data, each with its unit, source and validity dates.

Every figure the rules use is a :class:`Parameter` record here, never a literal in a formula. A
scenario may override any of them for a validity period (``[[parameters]]``); an override is a
rule change and becomes a ``TariffParameterSet`` event. Lookups take the date the value must be
valid on; where records overlap, the one added last wins (so overrides win over defaults).

Sources (see ``CER_RULES.md`` for tags): RO-2024 = GSE "Regole operative CACER e TIAD", February
2024; DM 414 = DM MASE 7 Dec 2023 n. 414, Allegato 1 (= RO-2024 App. B); DM fees = DM MASE 15 Mar
2024 (Allegato 1a); TIAD = ARERA 727/2022/R/eel, All. A, restated in RO-2024 App. A and §2.2.2.2;
DM 127 = DM MASE 16 May 2025 n. 127.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

Value = float | tuple[float, ...] | str
"""A number, a tuple of numbers (band tables), or an ISO date (``""``: no date yet)."""

BEGINNING = dt.date(1900, 1, 1)


@dataclass(frozen=True)
class Parameter:
    """One value of a rule parameter, valid from ``valid_from`` (inclusive) to ``valid_to``
    (exclusive; ``None`` = until changed)."""

    name: str
    value: Value
    unit: str
    source: str
    valid_from: dt.date = BEGINNING
    valid_to: dt.date | None = None
    note: str = field(default="", compare=False)

    def covers(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day < self.valid_to)


DEFAULT_RECORDS: tuple[Parameter, ...] = (
    # --- DM 414 premium (TIP) ------------------------------------------------------------------
    Parameter("tip_band_max_power_kw", (200.0, 600.0, 1000.0), "kW",
              "DM 414 All. 1; RO-2024 App. B §1 [V]: P ≤ 200; 200 < P ≤ 600; 600 < P ≤ 1000",
              note="upper bounds are inclusive: 600 kW is band 2"),
    Parameter("tip_base_eur_per_mwh", (80.0, 70.0, 60.0), "EUR/MWh", "DM 414 All. 1 [V]"),
    Parameter("tip_cap_eur_per_mwh", (120.0, 110.0, 100.0), "EUR/MWh", "DM 414 All. 1 [V]"),
    Parameter("tip_reference_price_eur_per_mwh", 180.0, "EUR/MWh",
              "DM 414 All. 1 [V]: variable part max(0; 180 − Pz)"),
    Parameter("fc_north_eur_per_mwh", 10.0, "EUR/MWh", "DM 414 All. 1 [V]: PV, North regions"),
    Parameter("fc_centre_eur_per_mwh", 4.0, "EUR/MWh", "DM 414 All. 1 [V]: PV, Centre regions"),
    Parameter("max_incentivised_power_kw", 1000.0, "kW", "RO-2024 §1.2.1.2 b [V]"),
    Parameter("max_grant_intensity_pct", 40.0, "%", "RO-2024 App. B §3 [V]"),
    Parameter("max_reduction_f", 0.5, "1", "RO-2024 App. B §3 [V]: F = 0.5 at 40 %"),
    Parameter("premium_years", 20.0, "year", "RO-2024 §2.2.1 [V]"),
    Parameter("premium_window_end", "2027-12-31", "date",
              "DM 414 art. 1 c. 2 [V via RO-2024 §1]: plants entering operation after it get "
              "no premium; no extension found up to 2026 (RULES_UPDATES §1) [U]; whether it "
              "tests the entry into operation or the request date is not stated [U]: the twin "
              "tests the entry into operation"),
    Parameter("premium_quota_reached_on", "", "date",
              "DM 414 art. 1 c. 2 [V]: the window also closes 30 days after the 5 GW quota of "
              "incentivised power is reached; not reached in the sources up to 2026 [U]: set "
              "the date GSE announces"),
    Parameter("premium_quota_grace_days", 30.0, "day", "DM 414 art. 1 c. 2 [V]"),
    # --- ARERA valorization ----------------------------------------------------------------------
    Parameter("tras_e_eur_per_mwh", 8.48, "EUR/MWh",
              "RSE CACER_Simulator config (year not stated) [U/S]",
              valid_from=dt.date(2023, 1, 1), valid_to=dt.date(2024, 1, 1)),
    Parameter("tras_e_eur_per_mwh", 10.57, "EUR/MWh",
              "Regione Emilia-Romagna page; RSE config.yml [S]; 2025 on: not found, carried "
              "forward [U]", valid_from=dt.date(2024, 1, 1)),
    Parameter("btau_eur_per_mwh", 0.60, "EUR/MWh", "CER_RULES §4.2 [U/S]",
              valid_from=dt.date(2023, 1, 1), valid_to=dt.date(2024, 1, 1)),
    Parameter("btau_eur_per_mwh", 0.65, "EUR/MWh",
              "Regione Emilia-Romagna page; RSE config.yml [S]; carried forward [U]",
              valid_from=dt.date(2024, 1, 1)),
    Parameter("loss_coefficient_mv", 0.012, "1", "TIAD via RO-2024 §2.2.2.2.2 [V]: c_PR MV"),
    Parameter("loss_coefficient_lv", 0.026, "1", "TIAD via RO-2024 §2.2.2.2.2 [V]: c_PR LV"),
    # --- Advances, payments, fees --------------------------------------------------------------
    Parameter("advance_alpha", 0.60, "1", "RO-2024 §2.2.2.1.1 [V] (GSE may revise)"),
    Parameter("advance_z_eur_per_mwh", 20.0, "EUR/MWh", "RO-2024 §2.2.2.1.1 [V]"),
    Parameter("equivalent_hours_pv_north", 900.0, "h", "RO-2024 §2.2.2.1.1 [V]"),
    Parameter("equivalent_hours_pv_centre", 1050.0, "h", "RO-2024 §2.2.2.1.1 [V]"),
    Parameter("equivalent_hours_pv_south", 1100.0, "h", "RO-2024 §2.2.2.1.1 [V]"),
    Parameter("payment_threshold_eur", 50.0, "EUR",
              "CER_RULES §2.6; not confirmed for CACER by any source of RULES_UPDATES §4 [U]: "
              "paid once ≥ €50"),
    Parameter("advance_payment_lag_months", 1.0, "month",
              "assumed [U] (RULES_UPDATES §4: no CACER payment calendar found): the advance "
              "of month m is paid at the end of month m + lag"),
    Parameter("settlement_payment_month", 6.0, "month",
              "assumed [U] (RULES_UPDATES §4; CER_RULES §2.6: settlement published by 15 May "
              "of a+1): the settlement of year a is paid at the end of this month of a+1"),
    Parameter("gse_fee_free_up_to_kw", 3.0, "kW", "DM fees All. 1a [V]"),
    Parameter("gse_fee_flat_up_to_kw", 20.0, "kW", "DM fees All. 1a [V]"),
    Parameter("gse_fee_flat_eur", 15.0, "EUR/year", "DM fees All. 1a [V]"),
    Parameter("gse_fee_eur_per_kw_above", 1.0, "EUR/kW/year", "DM fees All. 1a [V]"),
    # --- Membership changes ------------------------------------------------------------------
    Parameter("membership_notice_days", 120.0, "day",
              "GSE FAQ 'come comunicare le modifiche alle configurazioni' [S]: changes notified "
              "within 120 days count from the day they happened, later ones from the day of "
              "notification (RULES_UPDATES §3)"),
    # --- 55 % / 45 % rule ---------------------------------------------------------------------
    Parameter("excess_threshold", 0.55, "1", "DM 414 art. 3 c. 2 g; RO-2024 §2.2.2.1.3 [V]"),
    Parameter("excess_threshold_with_grant", 0.45, "1", "RO-2024 §2.2.2.1.3 [V]"),
)

NORTH_REGIONS = frozenset({
    "Emilia-Romagna", "Friuli-Venezia Giulia", "Liguria", "Lombardia", "Piemonte",
    "Trentino-Alto Adige", "Valle d'Aosta", "Veneto",
})
CENTRE_REGIONS = frozenset({"Lazio", "Marche", "Toscana", "Umbria", "Abruzzo"})
"""Regions of the FC zonale (DM 414 All. 1) [V]."""

EXISTING_PLANT_CUTOFF = dt.date(2021, 12, 16)
"""Plants in operation before this date (D.Lgs. 199/2021 in force) are 'existing': they count for
shared energy and valorization but get no premium (RO-2024 §1.2.1.2) [V]."""

NATURAL_PERSONS_F_EXEMPT_FROM = dt.date(2025, 6, 26)
"""From this date natural persons' withdrawals are exempt from the capital-grant reduction F
(DM 127/2025 in force 26 Jun 2025; RO of July 2025) [S]."""

F_EXEMPT_CATEGORIES = frozenset({"public_body", "religious_body", "third_sector",
                                 "environmental_body"})
"""Holders whose withdrawals are exempt from F: local and territorial authorities, religious,
third-sector and environmental-protection bodies (RO-2024 §2.2.2.1.2) [V]."""

NATURAL_PERSON_CATEGORIES = frozenset({"household", "energy_poor_household"})


class Parameters:
    """A set of parameter records with date-valid lookups."""

    def __init__(self, records: Iterable[Parameter] = DEFAULT_RECORDS) -> None:
        self.records: tuple[Parameter, ...] = tuple(records)
        self._by_name: dict[str, list[Parameter]] = {}
        for record in self.records:
            self._by_name.setdefault(record.name, []).append(record)
        self._names = set(self._by_name)

    def __contains__(self, name: str) -> bool:
        return name in self._names

    def get(self, name: str, on: dt.date | None = None) -> Value:
        """The value valid on ``on`` (``None``: the latest record, open-ended if any)."""
        if name not in self._names:
            raise KeyError(f"unknown rule parameter {name!r}")
        candidates = self._by_name[name]
        if on is None:
            open_ended = [r for r in candidates if r.valid_to is None]
            return (open_ended or candidates)[-1].value
        for record in reversed(candidates):
            if record.covers(on):
                return record.value
        earliest = min(candidates, key=lambda r: r.valid_from)
        return earliest.value  # before any validity: the earliest known value [U]

    def scalar(self, name: str, on: dt.date | None = None) -> float:
        value = self.get(name, on)
        if isinstance(value, tuple | str):
            raise TypeError(f"rule parameter {name!r} is not a number")
        return float(value)

    def date(self, name: str, on: dt.date | None = None) -> dt.date | None:
        """A date-valued parameter (``None`` when it has no date yet)."""
        value = self.get(name, on)
        if not isinstance(value, str):
            raise TypeError(f"rule parameter {name!r} is not a date")
        return dt.date.fromisoformat(value) if value else None

    def overridden(self, records: Sequence[Parameter]) -> Parameters:
        """A new set where ``records`` win over the existing ones where they are valid."""
        for r in records:
            if r.name not in self._names:
                raise KeyError(f"unknown rule parameter {r.name!r}")
        return Parameters((*self.records, *records))

    def change_dates(self, start: dt.date, end: dt.date) -> list[dt.date]:
        """Dates in [start, end) where some parameter's value may change, plus ``start``."""
        dates = {start}
        for r in self.records:
            for d in (r.valid_from, r.valid_to):
                if d is not None and start < d < end:
                    dates.add(d)
        return sorted(dates)

    def snapshot(self, on: dt.date) -> dict[str, Value]:
        """Every parameter's value on one date."""
        return {name: self.get(name, on) for name in sorted(self._names)}

    @classmethod
    def from_snapshot(cls, snapshot: dict[str, Any]) -> Parameters:
        """The parameters of a :meth:`snapshot` read back (lists from JSON become tuples)."""
        return cls([Parameter(k, tuple(v) if isinstance(v, list) else v, "", "")
                    for k, v in snapshot.items()])

    def version(self, on: dt.date) -> str:
        """Short hash of the values in force on ``on``: the 'rule version' of the audit trail."""
        text = json.dumps(self.snapshot(on), sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:10]


DEFAULT_PARAMETERS = Parameters()


def tras_e_eur_per_mwh(year: int, parameters: Parameters = DEFAULT_PARAMETERS) -> float:
    """TRAS_E in force on 1 July of a year. [€/MWh]"""
    return parameters.scalar("tras_e_eur_per_mwh", dt.date(year, 7, 1))
