"""Battery candidates for ``expand``: each size settled on top of the base, its marginal value
(shared energy, premium, valorization, the bills it avoids) against its capex, O&M and
replacement after its life."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from twin.core.progress import Progress, silent
from twin.core.time import local_midnight_utc
from twin.errors import Text
from twin.events import StorageInstalled
from twin.scenario.candidates import BatteryCandidate, Candidates


def battery_event(candidate: BatteryCandidate, kwh: float, entry: dt.date) -> StorageInstalled:
    """The battery of ``kwh`` of a candidate, installed at ``entry`` (scenario defaults)."""
    return StorageInstalled(
        effective_utc=local_midnight_utc(entry).to_pydatetime(), storage_id=f"+{candidate.id}",
        configuration_id=candidate.configuration, capacity_kwh=kwh,
        charge_kw=kwh * candidate.kw_per_kwh, discharge_kw=kwh * candidate.kw_per_kwh,
        round_trip_efficiency=0.9, host_member=candidate.host_member)


def battery_rows(evaluator, candidates: Candidates,  # noqa: ANN001 - an expansion Evaluator
                 finance, progress: Progress | None = None) -> list[dict]:  # noqa: ANN001
    """One row per battery candidate and size: marginal yearly values and the investment's
    NPV, IRR and payback (``finance(marginal, capex, opex, replacement)``). Hosts are checked
    by :func:`twin.studies.expansion.check_candidates`."""
    say = progress or silent
    rows = []
    for c in candidates.batteries:
        for kwh in c.sizes():
            state = evaluator.battery_state(evaluator.state, c, kwh)
            marginal = (evaluator.totals(state) - evaluator.base) * evaluator.per_year
            capex = c.capex_eur(kwh)
            rows.append({"candidate": c.id, "kind": "battery", "kwp": 0.0, "kwh": kwh,
                         "capex_eur": capex, **marginal.to_dict(),
                         **finance(marginal, capex, capex * c.opex_pct_per_year / 100,
                                   (c.life_years, capex))})
            say(Text("battery {id}", id=c.id), len(rows), None)
    return rows


def best_per_battery(rows: list[dict]) -> list[dict]:
    """Each candidate at its size of largest NPV."""
    frame = pd.DataFrame(rows)
    if frame.empty:
        return []
    best = frame.loc[frame.groupby("candidate")["npv_eur"].idxmax()]
    return [{**r, "saturation_kwp": None} for r in best.to_dict("records")]
