"""``cer-twin meters import``: bound to the meter it is for; every refusal is exit 2 with the file
and field named, and stores nothing."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

from tests.conftest import TESTS
from tests.inputs.meters import exports
from twin.cli import main
from twin.events.store import EventStore

METERED = TESTS / "data" / "scenarios" / "metered.toml"
SCHOOL_POD, ROOF_B_POD = "IT012E00000201", "IT012E00000102"


@pytest.fixture
def store(tmp_path) -> str:
    path = str(tmp_path / "twin.db")
    assert main(["events", "init", str(METERED), "--store", path]) == 0
    return path


def counts(store: str) -> tuple[int, int]:
    with EventStore(store) as s:
        return s.head(), s.db.fetchall("SELECT COUNT(*) FROM cer_blobs")[0][0]


def week(first: dt.date = dt.date(2026, 6, 1), scale: float = 10.0) -> pd.Series:
    return exports.truth(first, 7, step="1h", seed=21) * scale


@pytest.mark.parametrize(("write", "args", "expected"), [
    (lambda p: exports.daily_rows(week(), pod="IT012E00000999"), ["--member", "school"],
     r"field 'POD': expected IT012E00000201, the POD of member 'school'; found IT012E00000999"),
    (lambda p: exports.daily_rows(week(), pod=SCHOOL_POD), ["--member", "school",
                                                            "--quantity", "injection"],
     r"quantity injection does not apply to member 'school' \(no plant sits behind its POD\)"),
    (lambda p: exports.daily_rows(week(), pod=SCHOOL_POD, unit="GWh"), ["--member", "school"],
     r"field 'Unita': expected a unit among kWh, Wh, MWh .* found 'GWh'"),
    (lambda p: exports.daily_rows(week(scale=200), pod=SCHOOL_POD), ["--member", "school"],
     r"withdrawal of .* kWh in the 1h interval starting .* is above what the POD can carry "
     r"\(1\.1 x the contracted 60 kW: 66\.000 kWh\)"),
    (lambda p: exports.daily_rows(week(dt.date(2026, 4, 10)), pod=ROOF_B_POD),
     ["--plant", "roof-b"],
     r"injection of .* kWh in the interval starting 2026-04-09 22:00 UTC, before plant "
     r"'roof-b' entered operation \(2026-04-15\)"),
    (lambda p: exports.daily_rows(week() * 0, pod=SCHOOL_POD), ["--member", "school"],
     "every withdrawal value is zero"),
    (lambda p: exports.daily_rows(week(), pod=SCHOOL_POD), ["--member", "nobody"],
     r"--member nobody: no such member on the branch"),
    (lambda p: exports.edistribuzione(week().resample("15min").ffill() / 4),
     ["--member", "school"], r"the file names no POD; give --pod \(the POD of member 'school' "
                             r"is IT012E00000201\)"),
    (lambda p: exports.daily_rows(week(), pod=SCHOOL_POD), ["--plant", "shop-roof"],
     r"--plant shop-roof: the plant sits behind member 'shop''s POD; import that POD's file "
     r"with --member shop"),
], ids=["wrong-pod", "wrong-quantity", "unknown-unit", "above-contracted-power",
        "before-entry", "all-zero", "unknown-member", "no-pod", "hosted-plant"])
def test_refused_imports_name_the_problem_and_store_nothing(store, tmp_path, capsys, write,
                                                            args, expected):
    path = tmp_path / "meter.csv"
    path.write_text(write(path))
    before = counts(store)
    assert main(["meters", "import", str(path), "--store", store, *args]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert re.search(expected, err), err
    assert counts(store) == before


def test_a_file_without_pod_is_mapped_with_pod(store, tmp_path, capsys):
    path = tmp_path / "ExportData_giugno.csv"
    path.write_text(exports.edistribuzione(week().resample("15min").ffill() / 4))
    assert main(["meters", "import", str(path), "--store", store, "--member", "school",
                 "--pod", SCHOOL_POD]) == 0
    out = capsys.readouterr().out
    assert "format edistribuzione (detected)" in out and SCHOOL_POD in out
    assert main(["meters", "import", str(path), "--store", store, "--member", "school",
                 "--pod", "IT012E00000999"]) == 2


def test_zeros_before_a_plants_entry_are_stored_and_not_counted(store, tmp_path, capsys):
    series = week(dt.date(2026, 4, 10))
    series[series.index < pd.Timestamp("2026-04-14T22:00Z")] = 0.0
    path = tmp_path / "roof-b.csv"
    path.write_text(exports.daily_rows(series, pod=ROOF_B_POD))
    assert main(["meters", "import", str(path), "--store", store, "--plant", "roof-b"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "note: injection: 120 interval(s) outside plant 'roof-b''s time in the community " \
           "(0.0 kWh): stored, not counted" in out
