"""The audit trail: every euro of premium traced to hour, plant, price, rate and rule version."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from twin.sim.results import audit_table


def test_audit_rows_add_up_to_the_reported_totals(default_run):
    audit = audit_table(default_run.dataset)
    summary = default_run.summary
    assert audit["premium_eur"].sum() == pytest.approx(summary.loc["community", "premium_eur"],
                                                       rel=1e-12)
    by_config = audit.groupby("configuration")["premium_eur"].sum()
    for cid, value in by_config.items():
        assert value == pytest.approx(summary.loc[cid, "premium_eur"], rel=1e-12)
    assert audit["allocated_shared_energy_kwh"].sum() / 1000 == pytest.approx(
        summary.loc["community", "shared_mwh"], rel=1e-12)
    recomputed = audit["incentivised_energy_kwh"] / 1000 * audit["tip_eur_per_mwh"]
    np.testing.assert_allclose(recomputed, audit["premium_eur"], rtol=1e-12)
    assert audit["rule_version"].nunique() >= 1
    assert set(audit.columns) >= {"time_utc", "plant", "zonal_price_eur_per_mwh",
                                  "grant_reduction_f", "excess_share"}


def test_cli_writes_the_audit_file(tmp_path):
    from tests.conftest import TESTS
    from twin.cli import main

    out = tmp_path / "out"
    assert main(["run", str(TESTS / "data" / "scenarios" / "tiny.toml"), "--out", str(out),
                 "--audit", "--quiet"]) == 0
    audit = pd.read_csv(out / "audit.csv")
    summary = pd.read_csv(out / "summary.csv", index_col=0)
    assert audit["premium_eur"].sum() == pytest.approx(summary.loc["community", "premium_eur"],
                                                       abs=0.01)
