"""``expand`` and ``run`` agree on the same roof at the same size, on its own POD or behind a
member's meter: the array shortcut of expansion against the whole engine."""

from __future__ import annotations

import pytest

import twin
from tests.conftest import TESTS, write_scenario
from twin.errors import ScenarioError
from twin.scenario.candidates import Candidates
from twin.studies.expansion import evaluate

TINY = TESTS / "data" / "scenarios" / "tiny.toml"
PER_YEAR = 8760 / (14 * 24)  # tiny runs two weeks of June, hourly; expand reports per year
ROOF = {"configuration": "c1", "latitude": 45.47, "longitude": 9.19, "tilt_deg": 15.0,
        "azimuth_deg": 200.0}


def plant_block(host: str | None) -> str:
    behind = f'host_member = "{host}"\n' if host else ""
    return ('\n[[plants]]\nid = "roof"\nconfiguration = "c1"\ncapacity_kwp = 40.0\n'
            'inverter_kw = 40.0\ntilt_deg = 15.0\nazimuth_deg = 200.0\nlatitude = 45.47\n'
            f'longitude = 9.19\nentry_into_operation = 2026-06-01\nlifecycle = "new"\n{behind}')


def run_difference(tmp_path, host: str | None) -> dict[str, float]:
    """Community totals with the roof minus without, per year, from two whole runs (and the
    bill the roof avoids its host)."""
    base_run = twin.load(TINY).run()
    text = TINY.read_text() + plant_block(host)
    more_run = twin.load(write_scenario(tmp_path, text)).run()
    base, more = base_run.summary.loc["community"], more_run.summary.loc["community"]
    out = {k: (more[k] - base[k]) * PER_YEAR
           for k in ("shared_mwh", "premium_eur", "fund_eur", "injected_mwh")}
    out["avoided_bill_eur"] = float(more_run.dataset["avoided_bill_eur"].sum()
                                    - base_run.dataset["avoided_bill_eur"].sum()) * PER_YEAR
    return out


@pytest.mark.parametrize("host", [None, "school", "leaver"])
def test_expand_and_run_agree_on_a_roof(tmp_path, host):
    spec = twin.load(TINY).spec
    roof = {"id": "roof", **ROOF, "min_kwp": 20.0, "max_kwp": 60.0, "step_kwp": 20.0,
            **({"host_member": host} if host else {})}
    _, curves = evaluate(spec, Candidates.model_validate({"roofs": [roof]}))
    at_40 = curves.set_index("kwp").loc[40.0]
    expected = run_difference(tmp_path, host)
    assert (expected["avoided_bill_eur"] > 0) == (host is not None)
    for key, value in expected.items():
        assert at_40[key] == pytest.approx(value, rel=1e-9, abs=1e-6), key


def test_a_roof_behind_a_meter_injects_less_than_it_produces(tmp_path):
    spec = twin.load(TINY).spec
    roofs = [{"id": name, **ROOF, "min_kwp": 40.0, "max_kwp": 40.0, "step_kwp": 10.0,
              **extra} for name, extra in (("own", {}), ("behind", {"host_member": "school"}))]
    _, curves = evaluate(spec, Candidates.model_validate({"roofs": roofs}))
    by = curves.set_index("candidate")
    # the school uses part of the output itself, from 10 June when it joins and before
    assert by.loc["behind", "injected_mwh"] < by.loc["own", "injected_mwh"]


@pytest.mark.parametrize("host", ["nobody", "homes"])
def test_a_host_that_is_not_a_single_member_is_refused(host):
    spec = twin.load(TINY).spec
    roof = {"id": "roof", **ROOF, "min_kwp": 20.0, "max_kwp": 20.0, "step_kwp": 10.0,
            "host_member": host}
    with pytest.raises(ScenarioError, match=f"host_member.*found '{host}'"):
        evaluate(spec, Candidates.model_validate({"roofs": [roof]}))
