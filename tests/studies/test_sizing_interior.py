"""The best size of a roof behind a member's meter can be interior: the first kilowatts avoid
the member's bill, the later ones only sell what nobody uses."""

from __future__ import annotations

import pytest

import twin
from tests.conftest import write_scenario
from tests.finance.test_self_consumption import SCHOOL
from twin.scenario.candidates import Candidates
from twin.studies.expansion import evaluate

ROOF = {"id": "school-roof", "configuration": "c", "latitude": 45.48, "longitude": 9.23,
        "tilt_deg": 15.0, "azimuth_deg": 180.0, "min_kwp": 10.0, "max_kwp": 200.0,
        "step_kwp": 10.0, "host_member": "school", "capex_eur_per_kwp": 1600.0}


@pytest.mark.slow
def test_behind_the_meter_roof_has_an_interior_best_npv_size(tmp_path):
    """A school (90 MWh a year) and ten homes, with a 5 kWp plant of their own already; the
    candidate sits behind the school's POD at 1,600 €/kWp (the top of MILAN_FIGURES §5's C&I
    range). Beyond what the school uses and the homes share, a kWp earns only the RID, which
    does not pay back 1,600 €: the NPV peaks inside the range."""
    base = SCHOOL.format(host="").replace("capacity_kwp = 40.0", "capacity_kwp = 5.0") \
        .replace("inverter_kw = 40.0", "inverter_kw = 5.0")
    spec = twin.load(write_scenario(tmp_path, base)).spec
    ranking, curves = evaluate(spec, Candidates.model_validate({"roofs": [ROOF]}))
    best = curves.loc[curves["npv_eur"].idxmax()]
    assert ROOF["min_kwp"] < best["kwp"] < ROOF["max_kwp"]
    assert ranking.loc[1, "best_kwp_npv"] == best["kwp"]
    assert curves["npv_eur"].iloc[-1] < best["npv_eur"]
    # The avoided bill grows ever more slowly with size: the school's load is what it is.
    avoided = curves["avoided_bill_eur"].diff().dropna()
    assert (avoided.diff().dropna() <= 1e-6).mean() > 0.8
