"""The DM 414 window: a plant must enter operation by 31 Dec 2027, or within 30 days of the
5 GW quota being reached, whichever comes first (DM 414 art. 1 c. 2; RULES_UPDATES.md §1)."""

from __future__ import annotations

import datetime as dt

from tests.conftest import TESTS, write_scenario
from twin.rules import premium_eligibility
from twin.rules.parameters import DEFAULT_PARAMETERS, Parameter
from twin.rules.tariff import premium_window_end

FOUNDED = dt.date(2025, 1, 1)
TINY = (TESTS / "data" / "scenarios" / "tiny.toml").read_text()


def eligible(entry: dt.date, parameters=DEFAULT_PARAMETERS):  # noqa: ANN001, ANN201
    return premium_eligibility(100.0, entry, FOUNDED, parameters=parameters)


def test_a_plant_entering_operation_in_2028_gets_no_premium():
    """31 Dec 2027 is the last day ("non oltre il 31 dicembre 2027"): in, 1 Jan 2028: out."""
    assert eligible(dt.date(2027, 12, 31)).eligible
    late = eligible(dt.date(2028, 3, 1))
    assert not late.eligible
    assert "after the DM 414 window closed (2027-12-31" in late.reason
    assert "DM 414 art. 1 c. 2" in late.reason and "until 2048" not in late.reason
    assert "within the DM 414 window (by 2027-12-31)" in eligible(dt.date(2026, 5, 1)).reason


def test_the_quota_closes_the_window_30_days_after_it_is_reached():
    """Quota reached on 1 Sep 2026: window ends 1 Sep + 30 days = 1 Oct 2026."""
    quota = DEFAULT_PARAMETERS.overridden([Parameter("premium_quota_reached_on", "2026-09-01",
                                                     "date", "test")])
    assert premium_window_end(quota) == dt.date(2026, 10, 1)
    assert eligible(dt.date(2026, 10, 1), quota).eligible
    assert not eligible(dt.date(2026, 10, 2), quota).eligible
    assert premium_window_end(DEFAULT_PARAMETERS) == dt.date(2027, 12, 31)


def test_a_scenario_can_date_the_quota(tmp_path):
    import twin

    path = write_scenario(tmp_path, TINY + """
[[parameters]]
name = "premium_quota_reached_on"
value = 2025-06-01
source = "test: GSE announcement"
""")
    ds = twin.load(path).run().dataset
    reasons = dict(zip(ds["plant"].to_numpy(), ds["plant_eligibility"].to_numpy(), strict=True))
    assert "after the DM 414 window closed (2025-07-01" in reasons["late"]  # enters 2026-06-08
