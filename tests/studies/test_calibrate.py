"""``cer-twin calibrate``: measured against modelled, and the corrections it proposes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import twin
from tests.conftest import TESTS
from tests.inputs.meters import exports
from twin.cli import main
from twin.events import MemberJoined, PlantCommissioned
from twin.events.store import EventStore
from twin.sim.flows import behind_the_meter, member_withdrawal, plant_production
from twin.sim.timeline import run_timeline
from twin.studies.calibrate import calibrate

METERED = TESTS / "data" / "scenarios" / "metered.toml"


def modelled(spec, plant_ids=(), member_ids=()) -> dict[str, pd.Series]:
    """The model's own hourly values: production of plants, net withdrawal of members (what
    their POD's meter would show: a school with a roof behind its POD draws less)."""
    inputs = spec.load_inputs()
    plants = [e for e in spec.events if isinstance(e, PlantCommissioned)]
    production = plant_production(spec.events, plants, inputs)
    out = {p.plant_id: pd.Series(production[:, j], index=inputs.index)
           for j, p in enumerate(plants) if p.plant_id in plant_ids}
    timeline = run_timeline(spec.events, inputs.index)
    members = {e.member_id: e for e in spec.events if isinstance(e, MemberJoined)}
    for mid in member_ids:
        w = member_withdrawal([members[mid]], timeline, inputs, spec.settings.simulation.seed)
        hosted = {mid: [j for j, p in enumerate(plants) if p.host_member == mid]}
        behind_the_meter([members[mid]], w, production, production.copy(), hosted, {})
        out[mid] = pd.Series(w[:, 0], index=inputs.index)
    return out


def pod_of(spec, key: str) -> str:
    return next(e.pod for e in spec.events if getattr(e, "plant_id", None) == key
                or getattr(e, "member_id", None) == key)


@pytest.mark.slow
def test_a_roof_yielding_10_percent_less_is_found_and_derated(tmp_path, capsys):
    spec = twin.load(METERED).spec
    roof = modelled(spec, plant_ids=["roof-a"])["roof-a"]
    store = str(tmp_path / "twin.db")
    assert main(["events", "init", str(METERED), "--store", store]) == 0
    path = tmp_path / "roof-a-2026.csv"
    path.write_text(exports.daily_rows((roof * 0.9).round(3), pod=pod_of(spec, "roof-a")))
    assert main(["meters", "import", str(path), "--store", store, "--plant", "roof-a"]) == 0
    result = calibrate(twin.load_store(store).spec)
    row = result.meters.loc[("plant roof-a", "injection")]
    assert row.ratio == pytest.approx(0.90, rel=0.01)
    assert row.specific_yield_measured_kwh_per_kwp == pytest.approx(0.9 * roof.sum() / 80.0,
                                                                    rel=1e-3)
    (derate,) = result.suggestions
    assert type(derate).__name__ == "PlantDerated" and derate.factor == pytest.approx(0.9, 1e-2)
    capsys.readouterr()
    out = tmp_path / "cal"
    assert main(["calibrate", "--store", store, "--apply", "--report", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "derate plant roof-a by 0.90" in printed and "Appended events" in printed
    assert (out / "calibration.html").read_text().count("<svg") == 1
    again = calibrate(twin.load_store(store).spec).meters.loc[("plant roof-a", "injection")]
    assert again.ratio == pytest.approx(1.0, abs=2e-3)  # derated: the model now agrees
    with EventStore(store) as s:
        assert type(s.events()[-1]).__name__ == "PlantDerated"


@pytest.mark.slow
def test_the_default_with_meters_made_from_its_own_model_reports_ratios_of_one(tmp_path,
                                                                                capsys):
    spec = twin.load().spec
    plants, members = ["polimi-cs-01", "abitare-niguarda-1"], ["bovisa-school"]
    series = modelled(spec, plants, members)
    store = str(tmp_path / "default.db")
    assert main(["events", "init", "--store", store]) == 0
    for key, values in series.items():
        path = tmp_path / f"{key}.csv"
        path.write_text(exports.daily_rows(values.round(3), pod=pod_of(spec, key)))
        flag = "--plant" if key in plants else "--member"
        assert main(["meters", "import", str(path), "--store", store, flag, key]) == 0
    capsys.readouterr()
    assert main(["calibrate", "--store", store, "--out", str(tmp_path / "c")]) == 0
    table = pd.read_csv(tmp_path / "c" / "calibration.csv")
    assert len(table) == 3
    np.testing.assert_allclose(table["ratio"], 1.0, atol=5e-4)  # prints as 1.000
    assert (table["r"] > 0.9999).all()
    assert "1.000" in capsys.readouterr().out


def test_calibrate_without_meters_says_so(capsys):
    assert main(["calibrate", str(METERED)]) == 2
    assert "no meter has measured data" in " ".join(capsys.readouterr().err.split())
    assert main(["calibrate", str(METERED), "--apply"]) == 2
