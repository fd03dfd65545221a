"""The Italian reports as a council member sees them: rendered by headless Chromium at 1280 px
(one year, twenty years, a comparison), nothing wider than the page, no English label, the key
figures read back in Italian format, every chart drawn; the PDF's first page is the summary.
Screenshots go to ``$CER_TWIN_ARTIFACTS`` (set by .ci/run: kept in the CI run's folder)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import twin
from tests.conftest import TESTS
from tests.report.test_report import chromium_driver
from twin.core.locale import CATALOGUE
from twin.report import compare_report, run_report
from twin.studies.compare import compare

WIDTH_PX = 1280
WIDEST = """return [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
  .map(e => e.tagName + '.' + e.className + ': ' + e.textContent.slice(0, 40));"""


@pytest.fixture(scope="module")
def browser():
    yield from chromium_driver(WIDTH_PX)


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("CER_TWIN_ARTIFACTS") or tmp_path_factory.mktemp("shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def twenty_years():
    return twin.load(TESTS / "data" / "scenarios" / "tiny.toml").run(years=20)


def english_labels() -> set[str]:
    """The catalogue's English phrases that an Italian page must not show: those that differ
    from their Italian translation, with two words or more (units and codes excepted)."""
    en, it = CATALOGUE["en"], CATALOGUE["it"]
    out = set()
    for key, text in en.items():
        plain = re.split(r"\{[^}]*\}", text)
        for part in plain:
            part = part.strip(" :;,.()")
            if part != it.get(key) and len(re.findall(r"[A-Za-z]{3,}", part)) >= 2:
                out.add(part)
    return out


def shown(browser, page: Path, shot: Path) -> str:
    """Render ``page``, screenshot the whole page, check its width and charts; its text."""
    from selenium.webdriver.common.by import By

    browser.get(page.resolve().as_uri())
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    assert browser.execute_script("return window.innerWidth") == WIDTH_PX
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(WIDTH_PX, min(height + 140, 16_000))
    browser.save_screenshot(str(shot))
    browser.set_window_size(WIDTH_PX, 2400)
    assert browser.execute_script(WIDEST) == [], f"{page.name}: wider than {WIDTH_PX} px"
    charts = browser.find_elements(By.CSS_SELECTOR, "figure svg")
    assert charts and all(len(c.find_elements(By.CSS_SELECTOR, "path, image, rect")) > 5
                          for c in charts), f"{page.name}: a chart is empty"
    return browser.find_element(By.TAG_NAME, "body").text


def no_english(text: str, page: str) -> None:
    found = sorted(label for label in english_labels() if label in text)
    assert found == [], f"{page}: English labels in the Italian page: {found}"
    assert not re.search(r"\bcommunity\b", text), f"{page}: 'community' left in English"
    decimals = re.finditer(r"(?<![\d.])\d+\.\d+(?![\d.])", text)  # not versions (0.2.0)
    english = [text[max(0, m.start() - 30):m.end()] for m in decimals
               if len(m[0].split(".")[1]) != 3]  # 1.5 is English; Italian thousands are 1.500
    assert english == [], f"{page}: English decimals"


def italian_number(text: str) -> float:
    return float(text.replace(".", "").replace(",", "."))


def test_the_italian_one_year_report(browser, artifacts, default_run, tmp_path):
    page = tmp_path / "report-it.html"
    page.write_text(run_report(default_run, "CER.ca.MI Solidale", "it"), encoding="utf-8")
    text = shown(browser, page, artifacts / "report-it-1-year.png")
    no_english(text, page.name)
    shared = default_run.summary.loc["community", "shared_mwh"]
    figures = re.findall(r"Energia condivisa \(MWh\)\s*([\d.]+,\d)", text)
    assert figures and italian_number(figures[0]) == pytest.approx(shared, abs=0.05)


def test_the_italian_twenty_year_report(browser, artifacts, twenty_years, tmp_path):
    page = tmp_path / "report-it-20.html"
    page.write_text(run_report(twenty_years, "Tiny CER", "it"), encoding="utf-8")
    text = shown(browser, page, artifacts / "report-it-20-years.png")
    no_english(text, page.name)
    assert "2045" in text  # the last of the twenty years is labelled
    yearly = text.split("Anno per anno", 1)[1].split("\n", 2)[1]
    assert yearly.startswith("Anno Condivisa (MWh)"), yearly  # headers in words, not code


def test_the_italian_comparison(browser, artifacts, tiny_run, tmp_path):
    page = tmp_path / "compare-it.html"
    page.write_text(compare_report(compare(tiny_run, tiny_run, "a", "b"), tiny_run, tiny_run,
                                   "it"), encoding="utf-8")
    no_english(shown(browser, page, artifacts / "compare-it.png"), page.name)
