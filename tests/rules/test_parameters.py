"""Rule parameters are dated data; overrides win where valid; versions identify rule sets."""

from __future__ import annotations

import datetime as dt

import pytest

from twin.rules import DEFAULT_PARAMETERS, Parameter, band_of, tip_eur_per_mwh, tras_e_eur_per_mwh


def test_every_parameter_has_a_unit_and_a_source():
    for record in DEFAULT_PARAMETERS.records:
        assert record.unit and record.source, record.name


def test_values_are_looked_up_by_date():
    assert DEFAULT_PARAMETERS.scalar("tras_e_eur_per_mwh", dt.date(2023, 6, 1)) == 8.48
    assert DEFAULT_PARAMETERS.scalar("tras_e_eur_per_mwh", dt.date(2024, 1, 1)) == 10.57
    assert tras_e_eur_per_mwh(2026) == 10.57


def test_override_wins_only_where_valid_and_changes_the_version():
    cap_2027 = Parameter("tip_cap_eur_per_mwh", (125.0, 110.0, 100.0), "EUR/MWh", "test",
                         valid_from=dt.date(2027, 1, 1))
    params = DEFAULT_PARAMETERS.overridden([cap_2027])
    assert band_of(150, params, dt.date(2026, 12, 31)).cap_eur_per_mwh == 120
    assert band_of(150, params, dt.date(2027, 1, 1)).cap_eur_per_mwh == 125
    assert tip_eur_per_mwh(150, 50, "Lombardia", parameters=params, on=dt.date(2027, 3, 1)) == 135
    assert params.version(dt.date(2026, 6, 1)) == DEFAULT_PARAMETERS.version(dt.date(2026, 6, 1))
    assert params.version(dt.date(2027, 6, 1)) != DEFAULT_PARAMETERS.version(dt.date(2027, 6, 1))
    assert dt.date(2027, 1, 1) in params.change_dates(dt.date(2026, 1, 1), dt.date(2028, 1, 1))


def test_unknown_parameters_are_refused():
    with pytest.raises(KeyError, match="unknown rule parameter"):
        DEFAULT_PARAMETERS.overridden([Parameter("no_such", 1.0, "1", "x")])
    with pytest.raises(KeyError):
        DEFAULT_PARAMETERS.get("no_such")
