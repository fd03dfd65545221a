"""The one catalogue: both languages complete, placeholders equal, numbers and dates by locale."""

from __future__ import annotations

import datetime as dt
import string

import pytest

from twin.core.locale import CATALOGUE, Say
from twin.core.locale.report import REPORT
from twin.core.locale.terminal import TERMINAL

SAME_IN_BOTH = {"lang", "mwh", "eur", "col.kind", "col.ratio", "col.file"}
"""Keys whose text is the same word in both languages (units, codes)."""


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_report_and_terminal_keys_are_disjoint():
    assert not set(REPORT["en"]) & set(TERMINAL["en"])


def test_every_terminal_sentence_exists_in_both_languages_with_the_same_placeholders():
    assert set(TERMINAL["en"]) == set(TERMINAL["it"])
    for key, english in TERMINAL["en"].items():
        assert _fields(english) == _fields(TERMINAL["it"][key]), key


def test_the_italian_terminal_is_translated():
    same = [k for k, v in TERMINAL["en"].items()
            if TERMINAL["it"][k] == v and k not in SAME_IN_BOTH and len(v) > 5]
    assert same == []


def test_every_member_category_has_a_name():
    from typing import get_args

    from twin.scenario.schema import MemberCategory

    for lang in ("en", "it"):
        assert {f"category.{c}" for c in get_args(MemberCategory)} <= set(CATALOGUE[lang])


@pytest.mark.parametrize(("lang", "value", "digits", "expected"), [
    ("it", 1683.0, 0, "1.683"), ("en", 1683.0, 0, "1,683"), ("it", 29.14, 1, "29,1"),
    ("it", -37556.4, 0, "-37.556"), ("en", 0.5, 1, "0.5"), ("it", 71195.0, 0, "71.195"),
])
def test_numbers_in_the_language(lang, value, digits, expected):
    assert Say(lang).n(value, digits) == expected


def test_euro_signs_and_dates():
    it, en = Say("it"), Say("en")
    assert it.eur(71195.2) == "€ 71.195"
    assert en.eur(1234.567, 2) == "€ 1,234.57"
    assert it.n(12.5, 1, signed=True) == "+12,5" and it.n(-3, signed=True) == "-3"
    assert it.n(0, 1, signed=True) == "0,0"
    assert it.g(4.5) == "4,5" and it.g(20.0) == "20" and en.g(1234.25) == "1,234.25"
    assert it.date(dt.date(2026, 6, 12)) == "12 giugno 2026"
    assert en.date(dt.date(2026, 6, 12)) == "12 June 2026"
    assert it.month("2026-06") == "giu 2026" and en.month("2026-12") == "Dec 2026"


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="lang: expected one of"):
        Say("fr")


def test_eligibility_reasons_in_the_language():
    english = "1500 kW exceeds 1 MW: valorization only (RO-2024 §1.2.1.2 b)"
    assert Say("it").eligibility(english, "over_1mw", '{"kw": 1500}') == \
        "1500 kW supera 1 MW: solo valorizzazione (RO-2024 §1.2.1.2 b)"
    assert Say("en").eligibility(english, "over_1mw", '{"kw": 1500}') == english


def test_every_progress_phase_of_the_library_has_its_name():
    import ast
    from pathlib import Path

    import twin

    phases = set()
    for path in Path(twin.__file__).parent.rglob("*.py"):
        if {"cli", "locale"} & set(path.parts):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id in ("progress", "say") and node.args \
                    and isinstance(node.args[0], ast.Constant) \
                    and isinstance(node.args[0].value, str) and "." not in node.args[0].value:
                phases.add(node.args[0].value)
    assert {"member loads", "variants", "weather years"} <= phases
    for lang in ("en", "it"):
        assert sorted(p for p in phases if f"phase.{p}" not in CATALOGUE[lang]) == []
