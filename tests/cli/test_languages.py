"""``--lang`` on every command, ``CER_TWIN_LANG`` as its default, and Italian in the terminal."""

from __future__ import annotations

import pytest

from tests.conftest import TESTS
from twin.cli import main
from twin.cli.parser import _commands, build_parser
from twin.core.locale import CATALOGUE

TINY = str(TESTS / "data" / "scenarios" / "tiny.toml")


def test_every_command_takes_lang():
    commands = list(_commands(build_parser()))
    assert len(commands) >= 17  # run, explain, member, events x5, branch x2, meters x2, ...
    for command in commands:
        lang = [a for a in command._actions if a.dest == "lang"]  # noqa: SLF001
        assert lang and lang[0].choices == ("en", "it"), command.prog


def test_a_bad_cer_twin_lang_exits_2_naming_it(monkeypatch, capsys):
    monkeypatch.setenv("CER_TWIN_LANG", "klingon")
    assert main(["run", TINY, "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "CER_TWIN_LANG: expected one of en, it; found 'klingon'" in err


def _english_sentences() -> list[str]:
    """The English terminal sentences' fixed parts, as a reader would grep them."""
    import string

    parts = []
    for key, text in CATALOGUE["en"].items():
        if key.startswith(("cli.", "run.", "events.", "state.", "branch.")):
            parts += [literal.strip() for literal, *_ in string.Formatter().parse(text)
                      if len(literal.strip()) > 12 and literal not in CATALOGUE["it"][key]]
    return parts


def test_run_and_the_event_log_speak_italian(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("CER_TWIN_LANG", "it")
    store = str(tmp_path / "events.db")
    assert main(["run", TINY, "--out", str(tmp_path / "out")]) == 0
    assert main(["events", "init", TINY, "--store", store]) == 0
    assert main(["events", "log", "--store", store]) == 0
    assert main(["events", "verify", "--store", store]) == 0
    assert main(["state", "--store", store, "--as-of", "2026-06-30"]) == 0
    captured = capsys.readouterr()
    text = " ".join((captured.out + captured.err).split())
    for italian in ("Caricamento di", "Incassi GSE", "Fondo solidale: entrate", "Scritti",
                    "dal 1 giugno 2026", "Ramo main di", "eventi.", "sono intatti",
                    "famiglia", "in esercizio dal"):
        assert italian in text, italian
    leftovers = [s for s in _english_sentences() if s in text]
    assert leftovers == []


def test_errors_are_framed_in_the_language(capsys):
    assert main(["member", "nobody", TINY, "--lang", "it"]) == 2
    assert capsys.readouterr().err.startswith("errore:")


@pytest.mark.parametrize(("lang", "label"), [("en", "Injected MWh"), ("it", "Immessa MWh")])
def test_numbers_follow_the_language_in_the_summary(tmp_path, capsys, lang, label):
    import pandas as pd

    assert main(["run", TINY, "--out", str(tmp_path), "--lang", lang]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines()
               if line.strip().startswith(label))
    injected = pd.read_csv(tmp_path / "summary.csv", index_col=0).loc["community",
                                                                       "injected_mwh"]
    english = f"{injected:,.1f}"  # e.g. 14.1: a decimal point the Italian writes as a comma
    assert "." in english
    assert row.split()[-1] == (english if lang == "en"
                               else english.translate(str.maketrans(",.", ".,")))


def test_a_scenario_error_in_italian_and_unchanged_in_english(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    text = (TESTS / "data" / "scenarios" / "tiny.toml").read_text(encoding="utf-8")
    bad.write_text(text.replace("capacity_kwp = 60.0", "capacity_kwp = -5", 1)
                   + "\n[weather]\nsorce = 'x'\n", encoding="utf-8")
    assert main(["run", str(bad), "--quiet", "--lang", "it"]) == 2
    italian = capsys.readouterr().err
    assert f"errore: {bad}: scenario non valido (2 problema/i)" in italian
    assert "capacity_kwp: atteso: un valore maggiore di 0; trovato: -5" in italian
    assert "weather.sorce: campo sconosciuto (trovato 'x')" in italian
    assert main(["run", str(bad), "--quiet"]) == 2
    english = capsys.readouterr().err
    assert f"error: {bad}: invalid scenario (2 problem(s))" in english
    assert "capacity_kwp: expected: input should be greater than 0; found: -5" in english
