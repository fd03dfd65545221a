"""`cer-twin compare`: B minus A per configuration and year, and the hours that differ most."""

from __future__ import annotations

import pytest

import twin
from tests.conftest import TESTS, write_scenario
from twin.cli import main
from twin.studies.compare import compare

TINY = (TESTS / "data" / "scenarios" / "tiny.toml").read_text()


def test_a_run_compared_with_itself_differs_nowhere(tiny_run):
    result = compare(tiny_run, tiny_run, "a", "a")
    assert (result.by_year.filter(like="_diff") == 0).all().all()
    assert (result.hours["diff_kwh"] == 0).all()


@pytest.mark.slow
def test_whatif_plant_changes_only_its_configuration(default_run):
    whatif = twin.load("whatif-chiaravalle-school-200kw.toml").run()
    result = compare(default_run, whatif, "base", "school")
    totals = result.by_year.groupby(level="configuration").sum()
    assert totals.loc["chiaravalle", "shared_mwh_diff"] > 0
    assert totals.loc["chiaravalle", "premium_eur_diff"] > 0
    others = totals.drop(index="chiaravalle")
    assert (others[["shared_mwh_diff", "premium_eur_diff"]].abs() < 1e-6).all().all()
    assert (result.hours["diff_kwh"] > 0).all()  # the extra plant only adds shared energy


def test_compare_two_branches_of_a_store(tmp_path, capsys):
    store = str(tmp_path / "twin.db")
    assert main(["events", "init", str(TESTS / "data" / "scenarios" / "tiny.toml"),
                 "--store", store]) == 0
    assert main(["branch", "create", "more-homes", "--store", store]) == 0
    extra = tmp_path / "more.toml"
    extra.write_text("".join(
        f'[[events]]\ntype = "MemberJoined"\neffective = 2026-06-03\nmember_id = "new-{i}"\n'
        f'configuration_id = "c1"\ncategory = "household"\narchetype = "household"\n'
        f"annual_kwh = 2500.0\n\n" for i in range(10)))
    assert main(["events", "append", str(extra), "--store", store, "--branch",
                 "more-homes"]) == 0
    capsys.readouterr()
    out = tmp_path / "cmp"
    assert main(["compare", "main", "more-homes", "--store", store, "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "more-homes minus main" in printed and "Community" in printed
    assert (out / "compare.csv").exists() and (out / "compare_hours.csv").exists()


def test_compare_scenario_files(tmp_path, capsys):
    a = write_scenario(tmp_path, TINY, "a.toml")
    b = write_scenario(tmp_path, TINY.replace("annual_kwh = 2000.0", "annual_kwh = 3000.0"),
                       "b.toml")
    assert main(["compare", str(a), str(b), "--out", str(tmp_path / "o")]) == 0
    assert "b minus a" in capsys.readouterr().out


def test_compare_refuses_inputs_that_differ_unless_allowed(tmp_path, capsys):
    """A weather seed is not a what-if: a comparison that changes it says so and stops, or with
    --allow-different-inputs labels its output."""
    from tests.conftest import TESTS, write_scenario
    from twin.cli import main

    tiny = TESTS / "data" / "scenarios" / "tiny.toml"
    other = write_scenario(tmp_path, f'extends = "{tiny}"\n[weather]\nseed = 99\n', "w.toml")
    assert main(["compare", str(tiny), str(other), "--out", str(tmp_path / "c")]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "differ in more than the what-if" in err and "weather.seed: None vs 99" in err
    assert main(["compare", str(tiny), str(other), "--allow-different-inputs",
                 "--out", str(tmp_path / "c")]) == 0
    assert "(inputs differ: weather.seed: None vs 99)" in " ".join(
        capsys.readouterr().out.split())


def test_paired_seeds_leave_an_unchanged_configuration_unchanged(tmp_path):
    """The what-if adds 30 households to c1 of a two-configuration community: over paired
    weather years configuration c2, untouched, differs by exactly 0 in every year."""
    import twin
    from tests.conftest import TESTS, write_scenario
    from twin.studies.compare import paired_monte_carlo

    text = (TESTS / "data" / "scenarios" / "tiny.toml").read_text().replace(
        '[[plants]]', '[[configurations]]\nid = "c2"\nname = "Two"\ncabina_primaria = "CP-2"\n\n'
        '[[plants]]', 1) + '''
[[plants]]
id = "c2-roof"
configuration = "c2"
capacity_kwp = 30.0
inverter_kw = 30.0
tilt_deg = 20.0
azimuth_deg = 180.0
latitude = 45.48
longitude = 9.20
entry_into_operation = 2025-03-01
lifecycle = "existing"

[[members]]
id = "c2-homes"
configuration = "c2"
category = "household"
archetype = "household"
annual_kwh = 2000.0
count = 10
joined_on = 2025-02-01
'''
    base = write_scenario(tmp_path, text, "base.toml")
    more = write_scenario(tmp_path, f'extends = "{base}"\n[[members]]\nid = "more"\n'
                          'configuration = "c1"\ncategory = "household"\narchetype = "household"\n'
                          'annual_kwh = 2500.0\ncount = 30\njoined_on = 2025-02-01\n', "more.toml")
    diffs = paired_monte_carlo(twin.load(base), twin.load(more), runs=3)
    c2 = diffs.xs("c2", level="configuration")
    assert (c2[["shared_mwh", "premium_eur", "fund_eur"]] == 0).all().all()
    c1 = diffs.xs("c1", level="configuration")
    assert (c1["shared_mwh"] > 0).all()
