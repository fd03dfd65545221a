"""`cer-twin member ID`, and the members' and bills' files of a run."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.conftest import TESTS
from twin.cli import main

TINY = str(TESTS / "data" / "scenarios" / "tiny.toml")


def test_member_prints_its_bills_and_support(capsys):
    assert main(["member", "school", TINY]) == 0
    out = capsys.readouterr().out
    assert "school (public body, configuration c1)" in out
    assert "Bills by month" in out and "Jun 2026" in out
    assert "support from the solidarity fund" in out


def test_member_in_italian(tmp_path, capsys):
    assert main(["run", TINY, "--out", str(tmp_path), "--quiet"]) == 0
    bill = pd.read_csv(tmp_path / "members.csv", index_col="member").loc["school", "bill_eur"]
    assert main(["member", "school", TINY, "--lang", "it"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "school (ente pubblico, configurazione c1), socio per 5 giorni" in out
    assert "Bollette per mese" in out and "giu 2026" in out and "sostegno dal fondo" in out
    italian = f"{bill:,.2f}".translate(str.maketrans(",.", ".,"))  # 1,234.50 -> 1.234,50
    assert f"Bollette € {italian}" in out
    assert "Bills" not in out and "support from" not in out


def test_an_unknown_member_exits_2_naming_the_argument(capsys):
    assert main(["member", "schol", TINY]) == 2
    err = capsys.readouterr().err
    assert "ID: no member 'schol'" in err and "Traceback" not in err


def test_members_and_bills_files_agree(tmp_path):
    assert main(["run", TINY, "--out", str(tmp_path), "--quiet"]) == 0
    bills = pd.read_csv(tmp_path / "bills.csv")
    members = pd.read_csv(tmp_path / "members.csv", index_col="member")
    # One row per member and month it was billed in: the leaver left on 5 June, the school
    # joined on 10 June, all in the one month of the run.
    assert set(bills["member"]) == set(members.index)
    assert bills.groupby("member").size().max() == 1
    by_member = bills.groupby("member")["total_eur"].sum()
    assert by_member.sort_index().to_numpy() == pytest.approx(
        members["bill_eur"].sort_index().to_numpy(), abs=0.02)
    assert members.loc["leaver", "active_days"] == pytest.approx(4.0)
    assert members.loc["school", "active_days"] == pytest.approx(5.0)
