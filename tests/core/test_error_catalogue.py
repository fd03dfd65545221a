"""Every translatable error message has its Italian, with no placeholder the English lacks."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import twin
from twin.core.locale.errors import ERRORS
from twin.errors import ScenarioError, Text
from twin.scenario.load import PYDANTIC_MESSAGES

ROOT = Path(twin.__file__).parent


def _templates() -> set[str]:
    """The constant first argument of every ``Text(...)`` in the code, and the names of the
    files ``read_toml_model`` validates (its third argument, shown through ``Text(what)``)."""
    found = set(PYDANTIC_MESSAGES.values())
    for path in ROOT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            args = node.args
            if node.func.id == "Text" and args and isinstance(args[0], ast.Constant):
                found.add(args[0].value)
            if node.func.id in ("read_toml_model", "validation_message") and len(args) > 3 \
                    and isinstance(args[3], ast.Constant):
                found.add(args[3].value)
            if node.func.id == "read_toml_model" and len(args) == 3 \
                    and isinstance(args[2], ast.Constant):
                found.add(args[2].value)
    return found | {"scenario", "scenario file"}  # validation_message's and read_toml's defaults


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_scan_finds_the_messages():
    found = _templates()
    assert len(found) > 40
    assert "{option}: expected {low} to {high}; found {value}" in found
    assert "sweep file" in found


def test_every_message_has_its_italian():
    missing = sorted(_templates() - set(ERRORS["it"]))
    assert missing == []


def test_no_translation_is_left_over_and_none_invents_a_placeholder():
    assert sorted(set(ERRORS["it"]) - _templates()) == []
    for english, italian in ERRORS["it"].items():
        assert _fields(italian) <= _fields(english), english


def test_an_error_renders_in_english_and_in_italian():
    error = ScenarioError([Text("{option}: expected {low} to {high}; found {value}",
                                option="--years", low=1, high=30, value=45), "  plain line"])
    assert str(error) == "--years: expected 1 to 30; found 45\n  plain line"
    assert error.render(ERRORS["it"]) == "--years: atteso da 1 a 30; trovato 45\n  plain line"


def test_the_columns_note_says_what_the_weather_library_says():
    from twin.inputs.prices import _columns
    from weather.errors import found_columns

    for columns in (["time", "price"], ["\x00garbage\x01"]):
        assert str(_columns(columns)) == found_columns(columns)


def test_numbers_in_an_italian_error_use_italian_separators():
    it = ERRORS["it"]
    big = Text("plant {plant!r}: {kwp:,.0f} kWp is above the {cap:,.0f} kW premium cap "
               "(RO-2024 §1.2.1.2 b): check its eligibility", plant="p", kwp=1500.0, cap=1000)
    assert str(big).startswith("plant 'p': 1,500 kWp is above the 1,000 kW")
    assert big.render(it).startswith("impianto 'p': 1.500 kWp supera il tetto di 1.000 kW")
    share = Text("configuration {id!r}: existing plants are {share:.0%} of its plant power, "
                 "above the 30 % allowed (RO-2024 §1.2.1.2)", id="c", share=0.354)
    assert "sono il 35 % della sua potenza" in share.render(it)
    line = Text("{name}: line {line}, field 'DATA': expected a date (yyyymmdd); found {found!r}",
                name="f.csv", line=1234, found="x")
    assert line.render(it).startswith("f.csv: riga 1234, campo 'DATA'")  # a line, not a count
