"""A long run models each of its years as a run of that year, and each member only in the
years it needs (decision 71)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pytest

import twin
import twin.sim.flows as engine
from tests.conftest import TESTS
from twin.core.time import local_midnight_utc
from twin.events import MemberProfileChanged
from twin.sim.flows import book_flows, member_withdrawal
from twin.sim.loads import years_modelled
from twin.sim.timeline import run_timeline

THREE_YEARS = TESTS / "data" / "scenarios" / "three_years.toml"
HOURS = {2026: 8760, 2027: 8760, 2028: 8784}


@pytest.fixture(scope="module")
def three_years() -> twin.RunResult:
    return twin.load(THREE_YEARS).run()


def _year_kwh(run: twin.RunResult, member: str, year: int) -> float:
    ds = run.dataset
    months = ds["month"].to_numpy().astype("datetime64[Y]").astype(int) + 1970
    withdrawn = ds["member_withdrawn_by_band_kwh"].sel(member=member).sum("band").to_numpy()
    self_used = ds["member_self_consumed_by_band_kwh"].sel(member=member).sum("band").to_numpy()
    return float((withdrawn + self_used)[months == year].sum())


def test_each_whole_year_of_a_member_has_its_annual_energy(three_years):
    """40,000 kWh a year of 8,760 hours is 40,000/8,760 kW on average: each whole year the
    shop belongs (it hosts nothing, it is never capped) draws that mean, 2028 over 8,784 h."""
    for year, hours in HOURS.items():
        assert _year_kwh(three_years, "shop", year) == pytest.approx(40_000 * hours / 8760,
                                                                     rel=1e-9)


def test_the_first_year_of_a_long_run_is_the_one_year_run(three_years):
    one = twin.load(THREE_YEARS).run(years=1).dataset
    long = three_years.dataset.isel(time=slice(0, HOURS[2026]))
    for name in ("configuration_withdrawn_energy_kwh", "shared_energy_kwh",
                 "injected_energy_kwh", "valorization_eur", "premium_eur"):
        np.testing.assert_allclose(long[name].to_numpy(), one[name].to_numpy(), rtol=1e-12,
                                   atol=1e-12, err_msg=name)


def test_members_count_only_while_they_belong(three_years):
    assert _year_kwh(three_years, "newcomer", 2026) == 0.0
    assert _year_kwh(three_years, "newcomer", 2027) == 0.0
    assert _year_kwh(three_years, "newcomer", 2028) > 20_000  # March to December of a school
    assert _year_kwh(three_years, "leaver", 2026) > 8_000  # January to April of an office
    assert _year_kwh(three_years, "leaver", 2027) == 0.0


def test_a_host_uses_its_roof_before_it_joins(three_years):
    """The roof's host is a shop before it is a member: its load still nets the roof's output
    behind its POD (a shop open by day uses much of a 10 kWp roof's), so what the roof
    produces in 2026 is not all injected (it would be if the host's load were left out before
    it joins)."""
    ds = three_years.dataset.sel(plant="roof").isel(time=slice(0, HOURS[2026]))
    used_on_site = float(ds["self_consumed_energy_kwh"].sum())
    produced = used_on_site + float(ds["injected_energy_kwh"].sum())
    assert produced > 9_000  # 10 kWp in Milan
    assert used_on_site > 0.2 * produced


def test_years_modelled_by_hand():
    """Segments [0, 5), [5, 12), [12, 20); years [0, 10), [10, 20). Member a is present in the
    first segment only (first year), b in the last (second year), c nowhere but hosts a plant."""
    bounds = np.array([[0, 5], [5, 12], [12, 20]])
    present = np.array([[True, False, False], [False, False, False], [False, True, False]])
    modelled = years_modelled(present, bounds, [(0, 10), (10, 20)],
                              np.array([False, False, True]))
    assert modelled.tolist() == [[True, False, True], [False, True, True]]


@pytest.fixture(scope="module")
def three_years_case():
    spec = twin.load(THREE_YEARS).spec
    inputs = spec.load_inputs()
    return spec, inputs


def test_a_profile_change_in_a_later_year_shows_from_its_time(three_years_case):
    """The shop's energy rises in July 2027: before, its load is the unchanged one; from then
    on (the rest of 2027 and all of 2028), the load of a shop that always had the new one."""
    spec, inputs = three_years_case
    at = local_midnight_utc(dt.date(2027, 7, 1))
    change = MemberProfileChanged(effective_utc=at.to_pydatetime(), member_id="shop",
                                  annual_kwh=60_000.0, reason="air conditioning")
    shop = next(e for e in spec.events if getattr(e, "member_id", None) == "shop")
    changed = member_withdrawal([shop], run_timeline([*spec.events, change], inputs.index),
                                inputs, 7)[:, 0]
    unchanged = member_withdrawal([shop], run_timeline(spec.events, inputs.index), inputs,
                                  7)[:, 0]
    always = dataclasses.replace(shop, annual_kwh=60_000.0)
    events = [always if e is shop else e for e in spec.events]
    new = member_withdrawal([always], run_timeline(events, inputs.index), inputs, 7)[:, 0]
    since = inputs.index >= at
    np.testing.assert_array_equal(changed[~since], unchanged[~since])
    np.testing.assert_array_equal(changed[since], new[since])
    assert changed[since].sum() == pytest.approx(1.5 * unchanged[since].sum(), rel=0.02)


def test_blocks_of_one_member_book_what_one_block_books(three_years_case, monkeypatch):
    """One member a block: the loads' buffer is reused by every block, and each year's zeros
    and loads are written afresh."""
    spec, inputs = three_years_case
    timeline = run_timeline(spec.events, inputs.index)
    configurations = spec.configuration_ids
    _, whole = book_flows(spec.events, inputs, 7, timeline, configurations)
    monkeypatch.setattr(engine, "MEMBER_BLOCK", 1)
    _, single = book_flows(spec.events, inputs, 7, timeline, configurations)
    np.testing.assert_allclose(single.configuration_withdrawal_by_class_kwh,
                               whole.configuration_withdrawal_by_class_kwh, rtol=1e-12)
    for name in ("withdrawn_kwh", "self_consumed_kwh", "active_steps", "peak_kw"):
        np.testing.assert_allclose(getattr(single.member_months, name),
                                   getattr(whole.member_months, name), rtol=1e-12,
                                   err_msg=name)  # sums in another order: rounding apart
