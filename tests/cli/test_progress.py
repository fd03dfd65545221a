"""Long work reports progress: phases, and counted steps that end at their total."""

from __future__ import annotations

import io

from rich.console import Console

import twin
from tests.conftest import TESTS
from twin.cli.progress import progress_bar
from twin.core.progress import silent
from twin.scenario.candidates import Candidates, Roof
from twin.studies.expansion import evaluate
from twin.studies.montecarlo import weather_monte_carlo

TINY = TESTS / "data" / "scenarios" / "tiny.toml"


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, int | None, int | None]] = []

    def __call__(self, message: str, done: int | None = None, total: int | None = None) -> None:
        self.calls.append((message, done, total))

    def counted(self) -> list[tuple[int, int]]:
        return [(d, t) for _m, d, t in self.calls if t is not None]


def test_monte_carlo_counts_weather_years():
    record = Recorder()
    weather_monte_carlo(twin.load(TINY), runs=2, progress=record)
    assert record.counted() == [(1, 2), (2, 2)]


def test_expansion_counts_every_size_of_every_roof(tiny):
    roof = Roof(id="r", configuration=tiny.scenario.configurations[0].id, latitude=45.48,
                longitude=9.2, tilt_deg=20, azimuth_deg=180, min_kwp=10, max_kwp=30,
                step_kwp=10)
    record = Recorder()
    evaluate(twin.load(TINY).spec, Candidates(roofs=[roof]), record)
    assert record.counted() == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_a_run_reports_its_phases():
    record = Recorder()
    twin.load(TINY).run(progress=record)
    assert record.calls[-1][0] == "applied the rules"


def test_the_bar_draws_on_a_terminal_and_not_when_disabled():
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=100)
    with progress_bar(console, "Sweep") as say:
        say("variants", 1, 4)
        say("variants", 4, 4)
    assert "Sweep: variants" in buffer.getvalue()
    with progress_bar(console, "Sweep", enabled=False) as say:
        assert say is silent


def test_run_says_what_it_loads_before_loading_it(monkeypatch, capsys):
    """The first line is printed before the scenario (and the scientific stack) is loaded, so
    a user sees an answer at once; nothing with --quiet."""
    import twin.cli.run as cli_run
    from twin.cli import main

    seen = []

    def loading(args):  # noqa: ANN001, ANN202 - stands in for the slow part
        seen.append(capsys.readouterr().err)
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_run, "simulation_of", loading)
    for quiet in ([], ["--quiet"]):
        capsys.readouterr()
        try:
            main(["run", str(TINY), *quiet])  # the CLI reports the interruption and returns
        except KeyboardInterrupt:
            pass
    assert f"Loading {TINY}" in " ".join(seen[0].split()) and seen[1] == ""
