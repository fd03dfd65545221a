"""The Italian report writes numbers the Italian way (Babel): thousands with a dot, decimals
with a comma; read back, the key figures are the run's."""

from __future__ import annotations

import html
import re

import pytest

from twin.report import run_report
from twin.report.pages import number


def italian(text: str) -> float:
    return float(text.replace(".", "").replace(",", "."))


def test_numbers_by_language():
    assert number(1683.456, 1, "it") == "1.683,5"
    assert number(1683.456, 1, "en") == "1,683.5"
    assert number(71195.2, 0, "it") == "71.195"
    assert number(59.0, 0, "it") == "59"  # integers print as integers


def test_the_italian_key_figures_read_back(default_run):
    page = run_report(default_run, "CER.ca.MI Solidale", "it")
    cards = dict(re.findall(r"<div class='card'>([^<]*)<b>([^<]*)</b>", page))
    summary = default_run.summary.loc["community"]
    assert italian(cards["Potenza impianti (kW)"]) == pytest.approx(summary["plants_kw"], abs=0.5)
    assert italian(cards["Energia condivisa (MWh)"]) == pytest.approx(summary["shared_mwh"],
                                                                      abs=0.05)
    assert italian(cards["Fondo solidale (€)"]) == pytest.approx(summary["fund_eur"], abs=0.5)
    assert "," not in cards["Soci"] and "." not in cards["Soci"]


def test_by_configuration_is_transposed_labelled_and_counts_are_integers(default_run):
    page = run_report(default_run, "CER.ca.MI Solidale", "it")
    section = page.split("<h2>Per configurazione</h2>", 1)[1].split("<h2>", 1)[0]
    assert "<td>Soci (alla fine)</td><td>59</td>" in section
    for code in ("shared_pct_of_injected", "year1_net_eur", "plants_kw"):
        assert code not in section  # no code names as headers
    assert "<th>Comunità</th>" in section


def test_both_languages_have_every_label():
    from twin.core.locale import CATALOGUE

    # English eligibility reasons are written by the rules; Italian has a template for each.
    assert {k for k in CATALOGUE["it"] if not k.startswith("elig_")} == set(CATALOGUE["en"])
    import datetime as dt

    from twin.rules.tariff import premium_eligibility

    codes = {premium_eligibility(p, entry, dt.date(2024, 10, 14), grant, exc).code
             for p, entry, grant, exc in [
                 (100, dt.date(2020, 1, 1), 0, False), (1500, dt.date(2025, 1, 1), 0, False),
                 (100, dt.date(2025, 1, 1), 50, False), (100, dt.date(2029, 1, 1), 0, False),
                 (100, dt.date(2024, 5, 1), 0, False), (100, dt.date(2024, 5, 1), 0, True),
                 (100, dt.date(2025, 1, 1), 0, False)]}
    assert {f"elig_{c}" for c in codes} == {k for k in CATALOGUE["it"] if k.startswith("elig_")}
    untranslated = [k for k in CATALOGUE["en"] if k not in ("lang", "mwh", "eur")
                    and CATALOGUE["en"][k] == CATALOGUE["it"][k] and len(CATALOGUE["en"][k]) > 6]
    assert untranslated == []


def test_the_first_section_answers_in_three_figures(default_run):
    page = run_report(default_run, "CER.ca.MI Solidale", "it")
    first = page.split("<h2>", 2)[1]
    assert first.startswith("In sintesi</h2>")
    cards = {html.unescape(k): v for k, v in
             re.findall(r"<div class='card'>([^<]*)<b>([^<]*)</b>", first)}
    summary = default_run.summary.loc["community"]
    assert italian(cards["Fondo solidale all'anno (€)"]) == pytest.approx(summary["fund_eur"],
                                                                          abs=0.5)
    assert italian(cards["Energia condivisa all'anno (MWh)"]) == pytest.approx(
        summary["shared_mwh"], abs=0.5)
    assert "page-break-after:always" in page  # printed, the summary is page 1


def test_eligibility_reasons_in_italian(default_run):
    page = run_report(default_run, "CER.ca.MI Solidale", "it")
    plants = page.split("<h2>Impianti</h2>", 1)[1].split("<h2>", 1)[0]
    assert "ammesso" in plants and "eligible" not in plants
    assert "eligible" in run_report(default_run, "CER.ca.MI Solidale", "en")


def test_no_english_label_in_the_italian_report(default_run):
    """The rendered text (tags stripped, charts aside) holds no label of the English catalogue
    that Italian writes differently."""
    from twin.core.locale import CATALOGUE

    page = run_report(default_run, "CER.ca.MI Solidale", "it")
    text = re.sub(r"<svg.*?</svg>|<style.*?</style>", " ", page, flags=re.S)
    lines = {html.unescape(s).strip() for s in re.split(r"<[^>]+>", text)} - {""}
    english = {v for k, v in CATALOGUE["en"].items()
               if CATALOGUE["it"].get(k) != v and len(v) > 5 and "{" not in v}
    assert lines & english == set()
