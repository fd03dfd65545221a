"""Sizing a roof: where its sharing saturates and which size is best for each objective."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.conftest import TESTS, write_scenario
from twin.scenario import load_scenario
from twin.scenario.candidates import Candidates
from twin.sim.spec import RunSpec
from twin.studies.expansion import evaluate, saturation_kwp

TINY = TESTS / "data" / "scenarios" / "tiny.toml"


def roof(rid: str, **extra) -> dict:
    return {"id": rid, "configuration": "c1", "latitude": 45.48, "longitude": 9.2,
            "tilt_deg": 25.0, "azimuth_deg": 180.0, "min_kwp": 10.0, "max_kwp": 300.0,
            "step_kwp": 10.0, **extra}


def hand_curve(shared: list[float], injected: list[float]) -> pd.DataFrame:
    return pd.DataFrame({"kwp": [10.0 * (i + 1) for i in range(len(shared))],
                         "shared_mwh": shared, "injected_mwh": injected})


@pytest.fixture(scope="module")
def open_demand(tmp_path_factory) -> RunSpec:
    """The tiny community over May-June without its big plant, with 200 homes: demand that the
    first tens of kWp cover."""
    text = TINY.read_text()
    big = text.index("[[plants]]\nid = \"late\"")
    text = text[:big] + text[text.index("[[members]]"):]
    text = (text.replace("start = 2026-06-01\nend = 2026-06-15", "start = 2026-05-01\n"
                         "end = 2026-07-01").replace("count = 20", "count = 200"))
    return RunSpec.from_scenario(load_scenario(write_scenario(tmp_path_factory.mktemp("s"),
                                                              text)))


def test_saturation_is_where_an_added_kwp_shares_less_than_half_the_first():
    # first 10 kWp share 10 MWh (1 per kWp); then 0.9, 0.5, 0.2 MWh per added kWp
    curve = hand_curve([10.0, 19.0, 24.0, 26.0], [11.0, 22.0, 33.0, 44.0])
    assert saturation_kwp(curve) == 30.0  # 0.5 is not below half of 1.0; 0.2 is
    assert saturation_kwp(curve, fraction=0.6) == 20.0
    assert saturation_kwp(curve, fraction=0.1) is None


def test_a_roof_whose_first_kwp_is_mostly_unshared_saturates_at_its_smallest_size():
    # a configuration already covered: the first 10 kWp share 3 of their 11 MWh
    curve = hand_curve([3.0, 5.8, 8.4], [11.0, 22.0, 33.0])
    assert saturation_kwp(curve) == 10.0


def test_a_roof_in_a_demand_limited_configuration_saturates():
    spec = RunSpec.from_scenario(load_scenario(TINY))  # 295 kW of PV for 22 members
    ranking, curves = evaluate(spec, Candidates.model_validate({"roofs": [roof("r")]}))
    assert curves["shared_pct_of_added_injection"].iloc[0] < 50.0
    assert ranking.iloc[0]["saturation_kwp"] == 10.0


def test_the_best_npv_size_is_interior_when_capex_is_high(open_demand):
    # 2,500 €/kWp (a roof needing structural work): past saturation an added kWp earns mostly
    # grid sales, which do not repay it
    candidates = Candidates.model_validate({"roofs": [roof("dear", capex_eur_per_kwp=2500.0)]})
    ranking, curves = evaluate(open_demand, candidates)
    row = ranking.iloc[0]
    assert 10.0 < row["best_kwp_npv"] < 300.0
    assert row["kwp"] == row["best_kwp_npv"]
    assert row["best_kwp_shared_energy"] == 300.0  # more PV never shares less
    assert row["best_kwp_fund_per_euro"] < row["best_kwp_npv"]  # the first kWp are the cheapest
    saturation = row["saturation_kwp"]
    assert 10.0 < saturation < 300.0
    below = curves[curves["kwp"] <= saturation]
    assert (below["shared_pct_of_added_injection"] > 50.0).all()


def test_the_premium_falls_across_the_tariff_step_at_200_kw(open_demand):
    # DM 414 Annex 1: the premium's fixed part falls from 80 to 70 €/MWh above 200 kW, on all of
    # the plant's shared energy, so 210 kWp earns less premium than 200 kWp
    candidates = Candidates.model_validate({"roofs": [roof("r", max_kwp=250.0)]})
    _, curves = evaluate(open_demand, candidates)
    by_kwp = curves.set_index("kwp")
    assert by_kwp.loc[210.0, "premium_eur"] < by_kwp.loc[200.0, "premium_eur"]


@pytest.mark.slow
def test_the_coursework_notebook_and_expand_say_the_same(tmp_path, capsys):
    import nbformat
    from nbclient import NotebookClient

    from twin.cli import main

    examples = TESTS.parent / "examples"
    notebook = nbformat.read(examples / "02-add-a-plant-sizing-curve.ipynb", as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(examples)}}).execute()
    printed = [line for cell in notebook.cells if cell.cell_type == "code"
               for out in cell.outputs if out.output_type == "stream"
               for line in out.text.splitlines() if line.startswith("chiaravalle-school-gym:")]
    assert len(printed) == 1
    # the same roof from the same built-in candidates file, alone, through the CLI
    builtin = (TESTS.parent / "scenarios" / "cercami-candidates.toml").read_text()
    start = builtin.index('[[roofs]]\nid = "chiaravalle-school-gym"')
    block = builtin[start:builtin.index("[[roofs]]", start + 1)]
    candidates = tmp_path / "one-roof.toml"
    candidates.write_text(block)
    assert main(["expand", str(TESTS.parent / "scenarios" / "cercami-solidale.toml"),
                 "--candidates", str(candidates), "--out", str(tmp_path / "out")]) == 0
    assert printed[0] in capsys.readouterr().out.splitlines()
