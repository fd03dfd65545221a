"""HTML reports: self-contained, rendered in headless Chromium with no console errors."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import TESTS
from twin.cli import main
from twin.report import compare_report, run_report
from twin.studies.compare import compare


def chromium_driver(width_px: int = 1200, height_px: int = 2400):
    """Headless Chromium through chromedriver (Debian packages chromium, chromium-driver), at
    a window of ``width_px`` x ``height_px``; fails in CI if they are missing."""
    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and driver_path):
        reason = "chromium and chromedriver not installed (.ci/run installs them)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--hide-scrollbars"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_window_size(width_px, height_px)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def browser():
    yield from chromium_driver()


def render(browser, page: Path, shot: Path) -> list[dict]:
    from selenium.webdriver.common.by import By

    browser.get(page.resolve().as_uri())
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    charts = browser.find_elements(By.CSS_SELECTOR, "figure svg")
    browser.save_screenshot(str(shot))
    return errors, [len(c.find_elements(By.CSS_SELECTOR, "path, image")) for c in charts]


def test_run_report_renders_with_charts_that_have_data(browser, tiny_run, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(run_report(tiny_run, "Tiny CER"), encoding="utf-8")
    text = page.read_text()
    # Self-contained: no scripts, no stylesheets or images fetched from anywhere.
    assert "<script" not in text and "<link" not in text
    assert 'src="http' not in text and 'href="http' not in text
    errors, charts = render(browser, page, tmp_path / "report.png")
    assert errors == []
    assert len(charts) == 4 and all(n > 5 for n in charts)
    assert (tmp_path / "report.png").stat().st_size > 20_000


def test_compare_report_renders(browser, tiny_run, tmp_path):
    page = tmp_path / "compare.html"
    page.write_text(compare_report(compare(tiny_run, tiny_run, "a", "b"), tiny_run, tiny_run),
                    encoding="utf-8")
    errors, charts = render(browser, page, tmp_path / "compare.png")
    assert errors == [] and len(charts) == 1 and charts[0] > 5


def test_italian_labels(tiny_run):
    page = run_report(tiny_run, "Tiny CER", lang="it")
    assert "Energia condivisa" in page and "Fondo solidale" in page and "lang='it'" in page


def test_cli_report_and_json(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["run", str(TESTS / "data" / "scenarios" / "tiny.toml"), "--out", str(out),
                 "--report", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["community"] == "Tiny CER"
    assert document["summary"]["community"]["shared_mwh"] > 0
    assert Path(document["files"]["report"]).exists()


def test_compare_difference_table_adds_energy_not_percentages(tiny_run):
    page = compare_report(compare(tiny_run, tiny_run, "a", "b"), tiny_run, tiny_run)
    difference = page.split("Difference (B − A)</h2>")[1].split("</table>")[0]
    assert "Shared (MWh)" in difference and "Self-sufficiency" not in difference
