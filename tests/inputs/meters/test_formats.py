"""Every export layout reads to the same kWh, DST days included; units, POD and numbers are
checked, never guessed."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.inputs.meters import exports
from twin.cli.parser import METER_FORMATS
from twin.errors import TwinError
from twin.inputs.meters import FORMATS, parse_meter_file

SPRING, AUTUMN = dt.date(2026, 3, 29), dt.date(2026, 10, 25)


@pytest.fixture(scope="module")
def spring_and_autumn() -> pd.Series:
    """Two days around each DST change, quarter-hourly (92 and 100 quarters on the Sundays)."""
    return pd.concat([exports.truth(SPRING - dt.timedelta(days=1), 2, seed=1),
                      exports.truth(AUTUMN - dt.timedelta(days=1), 2, seed=2)])


def read(text: str, name: str = "x.csv", **options) -> dict[str, pd.Series]:
    meter_file = parse_meter_file(text.encode(), name, **options)
    return {q: s.energy_kwh for q, s in meter_file.series.items()}


def test_the_truth_has_the_dst_days_as_lived(spring_and_autumn):
    local = spring_and_autumn.index.tz_convert("Europe/Rome")
    counts = pd.Series(1, index=local.date).groupby(level=0).sum()
    assert counts[SPRING] == 92 and counts[AUTUMN] == 100


@pytest.mark.parametrize("writer", [
    exports.daily_rows,
    exports.edistribuzione,
    lambda s: exports.unareti(s, variant=2026),
    lambda s: exports.unareti(s, variant=2023),
    exports.plain,
], ids=["daily_rows", "edistribuzione", "unareti-2026", "unareti-2023", "plain"])
def test_every_layout_reads_to_the_same_kwh(spring_and_autumn, writer):
    series = read(writer(spring_and_autumn))
    kwh = series.get("withdrawal", series.get("energy"))
    pd.testing.assert_series_equal(kwh, spring_and_autumn, check_names=False, check_freq=False,
                                   check_index_type=False, atol=1e-9)


def test_auto_detection_names_each_format(spring_and_autumn):
    cases = {"daily_rows": exports.daily_rows, "edistribuzione": exports.edistribuzione,
             "unareti": exports.unareti, "plain": exports.plain}
    for expected, writer in cases.items():
        assert parse_meter_file(writer(spring_and_autumn).encode(), "f.csv").format == expected
    rows = "POD;Data;Ora;kWh\n" + "".join(f"{exports.POD};02/06/2026;{k};0,5\n"
                                          for k in range(1, 25))
    assert parse_meter_file(rows.encode(), "r.csv").format == "interval_rows"
    assert set(FORMATS) == set(METER_FORMATS)  # the light parser's copy of the list


def test_unareti_reads_both_quantities_and_the_estimated_flag():
    withdrawal = exports.truth(dt.date(2026, 6, 1), 1, seed=3)
    injection = exports.truth(dt.date(2026, 6, 1), 1, seed=4)
    estimated = set(withdrawal.index[40:44])
    text = exports.unareti(withdrawal, injection, estimated=estimated)
    meter_file = parse_meter_file(text.encode(), "C_x.csv")
    assert meter_file.pod == exports.POD and set(meter_file.series) == {"withdrawal",
                                                                       "injection"}
    pd.testing.assert_series_equal(meter_file.series["injection"].energy_kwh, injection,
                                   check_names=False, check_freq=False, check_index_type=False,
                                   atol=1e-9)
    flags = meter_file.series["withdrawal"].estimated
    assert set(flags[flags].index) == estimated
    assert any("4 interval(s) marked estimated" in n for n in meter_file.notes)


def test_a_non_zero_dst_placeholder_is_an_error():
    day = exports.truth(SPRING, 1, seed=5)
    text = exports.unareti(day)
    bad = text.replace(f"{SPRING:%Y%m%d};020000;2;0", f"{SPRING:%Y%m%d};020000;2;7", 1)
    with pytest.raises(TwinError, match=r"line 10: 2026-03-29 02:00 with flag 2 is not a time "
                                        r"of Europe/Rome, so it must be zero"):
        read(bad)


@pytest.mark.parametrize(("unit", "factor"), [("MWh", 1e-3), ("Wh", 1e3), ("kWh", 1.0),
                                              ("kW", 4.0)])
def test_units_from_the_header(unit, factor):
    """A quarter hour of 0.5 kWh is 0.0005 MWh, 500 Wh, or a mean power of 2 kW."""
    day = exports.truth(dt.date(2026, 6, 1), 1, seed=6)
    text = exports.plain(day, column=f"energy_{unit.lower()}", factor=factor)
    pd.testing.assert_series_equal(read(text)["energy"], day, check_names=False,
                                   check_freq=False, check_index_type=False, atol=1e-9)


def test_unit_column_per_row_and_unknown_units():
    day = exports.truth(dt.date(2026, 6, 1), 1, step="1h", seed=7)
    text = exports.daily_rows(day, unit="MWh")
    assert read(text)["energy"].sum() == pytest.approx(day.sum() * 1000)
    with pytest.raises(TwinError, match=r"field 'Unita': expected a unit among kWh, Wh, MWh "
                                        r"\(energy per interval\) or kW \(mean power\); "
                                        r"found 'kVArh'"):
        read(exports.daily_rows(day, unit="kVArh"))
    with pytest.raises(TwinError, match="--unit kWh contradicts the file, which says mwh"):
        read(text, unit="kWh")
    with pytest.raises(TwinError, match="found 'GJ'"):
        read(exports.edistribuzione(exports.truth(dt.date(2026, 6, 1), 1)), unit="GJ")


@pytest.mark.parametrize(("cell", "expected"), [
    ("1_000", "found '1_000'"), ("0,5.5", "found '0,5.5'"), ("-0,2", "found '-0,2'"),
    ("nan", "found 'nan'"), ("1.234,5", "found '1.234,5'"),
])
def test_numbers_are_strict(cell, expected):
    rows = "POD;Data;Ora;kWh\n" + "".join(
        f"{exports.POD};02/06/2026;{k};{cell if k == 3 else '0,5'}\n" for k in range(1, 25))
    with pytest.raises(TwinError, match=rf"r\.csv: field 'kWh'.*{expected}|line 4, field "
                                        rf"'kWh': expected a number"):
        read(rows, "r.csv")


def test_the_second_autumn_hour_missing_is_a_reported_gap():
    day = exports.truth(AUTUMN, 1, seed=8)
    text = exports.edistribuzione(day)
    lines = text.splitlines()
    cells = lines[1].split(";")
    lines[1] = ";".join(cells[:13] + cells[17:])  # 96 values: the repeated 02:00 hour once
    meter_file = parse_meter_file(("\n".join(lines) + "\n").encode(), "oct.csv")
    assert len(meter_file.series["energy"].energy_kwh) == 96
    assert any("second 02:00 hour is missing" in n for n in meter_file.notes)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("POD;Data;Ora;FL_ORA_LEGALE,01:5-\"\n/ ,.E2+kWh")),
               max_size=300))
def test_any_text_parses_or_raises_a_twin_error(text):
    try:
        parse_meter_file(text.encode(), "fuzz.csv")
    except TwinError:
        pass


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 95), st.sampled_from(["", "x", "-1", "1e9", "0,1,2", '"']))
def test_mutated_unareti_rows_parse_or_raise_a_twin_error(position, cell):
    text = exports.unareti(exports.truth(dt.date(2026, 6, 1), 1, seed=9))
    lines = text.splitlines()
    fields = lines[1 + position].split(";")
    fields[4] = cell
    lines[1 + position] = ";".join(fields)
    try:
        parse_meter_file(("\n".join(lines) + "\n").encode(), "m.csv")
    except TwinError:
        pass
