"""Shared fixtures: small named scenarios, the real reference data folder, one default run."""

from __future__ import annotations

from pathlib import Path

import pytest

import twin
from twin.scenario import LoadedScenario, load_scenario

TESTS = Path(__file__).parent
SHARED_DATA = TESTS.parent.parent / "shared" / "data"
MILANO_EPW = SHARED_DATA / "weather" / "ITA_LM_Milano-Linate.AP.160800_TMYx.2004-2018.epw"
NORD_2024_CSV = SHARED_DATA / "prices" / "it_day_ahead_zonal_prices_2024_hourly.csv"


def _require(path: Path) -> Path:
    """A reference file of ../shared/data; its absence fails the test (never a skip: CI has
    the folder, and a validation that did not run must not pass)."""
    if not path.exists():
        pytest.fail(f"reference data not found at {path} (../shared/data beside the repository)")
    return path


@pytest.fixture
def milano_epw() -> Path:
    """The real Milano-Linate TMYx weather file (read from ../shared/data)."""
    return _require(MILANO_EPW)


@pytest.fixture
def nord_2024_csv() -> Path:
    """The real 2024 hourly zonal prices (read from ../shared/data)."""
    return _require(NORD_2024_CSV)


@pytest.fixture
def tiny_path() -> Path:
    return TESTS / "data" / "scenarios" / "tiny.toml"


@pytest.fixture
def tiny(tiny_path: Path) -> LoadedScenario:
    """One configuration, two plants (one entering operation mid-run), three member groups."""
    return load_scenario(tiny_path)


@pytest.fixture(scope="session")
def tiny_run() -> twin.RunResult:
    return twin.load(TESTS / "data" / "scenarios" / "tiny.toml").run()


@pytest.fixture(scope="session")
def default_run() -> twin.RunResult:
    """The built-in CER.ca.MI Solidale scenario, run once for the whole session."""
    return twin.load().run()


def write_scenario(tmp_path: Path, text: str, name: str = "scenario.toml") -> Path:
    """Write a scenario file for a test and return its path."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path
