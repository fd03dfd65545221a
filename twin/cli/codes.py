"""Exit codes of ``cer-twin``, and the range check of numeric options."""

from pathlib import Path

from twin.errors import TwinError

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_VERIFY = 0, 1, 2, 3
"""0 success; 1 an internal error (a bug) or sweep variants that failed after their retries;
2 a user error (bad scenario, event or data file, bad argument); 3 the event store failed
verification."""

YEARS = (1, 30)
"""``--years``: the horizon a run or a comparison may simulate."""
MONTE_CARLO_RUNS = (2, 500)
"""``--monte-carlo N``: weather years drawn."""
WEATHER_SEEDS = (1, 500)
"""``weather --compare --seeds N``: generated years averaged."""


def require_range(option: str, value: int | None, bounds: tuple[int, int]) -> None:
    """Refuse ``value`` of ``option`` outside ``bounds`` (inclusive) before any work is done;
    None (not given) passes."""
    low, high = bounds
    if value is not None and not low <= value <= high:
        raise TwinError(f"{option}: expected {low} to {high}; found {value}")



def out_folder(given: Path | None, default: Path) -> Path:
    """The output folder of a command: ``--out`` or ``default``; refused before any work when
    it names an existing file."""
    out = given if given is not None else default
    if out.exists() and not out.is_dir():
        raise TwinError(f"--out: expected a folder for the results; found a file {out}")
    return out
