"""A report of a long run reads: yearly bars, the typical year's heat map, the fund by year."""

from __future__ import annotations

import twin
from tests.conftest import TESTS
from twin.report import run_report


def test_a_three_year_report_shows_years():
    result = twin.load(TESTS / "data" / "scenarios" / "tiny.toml").run(years=3)
    page = run_report(result, "tiny, three years")
    assert "<h2>Shared energy and incentives by year</h2>" in page
    assert "<h2>Shared energy and incentives by month</h2>" not in page


def test_bars_are_months_up_to_two_years_then_years():
    import pandas as pd

    from twin.report.charts import period_labels

    two = pd.date_range("2026-01-01", "2027-12-31 23:00", freq="h", tz="Europe/Rome")
    assert period_labels(two).nunique() == 24
    three = pd.date_range("2026-01-01", "2028-12-31 23:00", freq="h", tz="Europe/Rome")
    assert sorted(period_labels(three).unique()) == ["2026", "2027", "2028"]
