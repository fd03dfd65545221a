"""The summary table in an 80-column terminal shows every configuration and the community."""

from __future__ import annotations

import pandas as pd
from rich.console import Console

from twin.cli.run import ROWS, summary_tables
from twin.core.locale import CATALOGUE
from twin.sim.results import SUMMARY_COLUMNS


def test_seven_configurations_fit_80_columns_without_losing_one():
    ids = [f"cfg-{k}" for k in range(7)] + ["community"]
    summary = pd.DataFrame({c: [123456.7] * len(ids) for c in SUMMARY_COLUMNS},
                           index=pd.Index(ids, name="configuration"))
    names = {i: f"Neighbourhood {k}" for k, i in enumerate(ids[:-1])}
    console = Console(width=80, record=True, color_system=None)
    for table in summary_tables("CER", summary, names, True, console.width):
        console.print(table)
    text = console.export_text()
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "Community" in text and "…" not in text  # nothing cut
    shared = [line for line in text.splitlines() if line.strip().startswith("Shared MWh")]
    assert len(shared) >= 2  # split over tables, each with its labels
    assert sum(line.count("123,456.7") for line in shared) == len(ids)  # every column shown
    assert all(text.count(CATALOGUE["en"][label]) == len(shared)
               for label, _, _ in ROWS if label != "FUND")


def test_the_terminal_table_in_italian(tmp_path, capsys):
    from tests.conftest import TESTS
    from twin.cli import main

    assert main(["run", str(TESTS / "data" / "scenarios" / "tiny.toml"), "--lang", "it",
                 "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Soci (alla fine)" in out and "Condivisa MWh" in out and "Comunità" in out
    assert "Shared MWh" not in out


def test_cer_twin_lang_sets_the_default_language(monkeypatch):
    from twin.cli.parser import build_parser

    monkeypatch.setenv("CER_TWIN_LANG", "it")
    assert build_parser().parse_args(["run"]).lang == "it"
    assert build_parser().parse_args(["run", "--lang", "en"]).lang == "en"
    monkeypatch.delenv("CER_TWIN_LANG")
    assert build_parser().parse_args(["run"]).lang == "en"
    assert build_parser().parse_args(["run", "--lang", "it"]).lang == "it"
