"""Exit codes of ``cer-twin``, and the range check of numeric options."""

from pathlib import Path

from twin.errors import Text, TwinError

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
        raise TwinError(Text("{option}: expected {low} to {high}; found {value}", option=option,
                             low=low, high=high, value=value))



MARKER = ".cer-twin-results"
"""The file in an output folder that says whose results it holds."""


def out_folder(given: Path | None, default: Path, identity: str = "",
               force: bool = False) -> Path:
    """The output folder of a command: ``--out`` or ``default``, refused before any work when it
    names a file, or a folder holding other results (another scenario's, or files cer-twin did
    not write) unless ``force``; the folder is marked with ``identity`` (the command and what it
    ran, by :func:`mark_results` once written) so the same command may write there again."""
    out = given if given is not None else default
    if out.exists() and not out.is_dir():
        raise TwinError(Text("--out: expected a folder for the results; found a file {out}",
                             out=out))
    marker = out / MARKER
    if out.is_dir() and any(out.iterdir()) and not force:
        found = marker.read_text(encoding="utf-8").strip() if marker.is_file() else ""
        if found != identity:
            what = (Text("results of {found}", found=found) if found
                    else Text("files cer-twin did not write"))
            raise TwinError(Text("--out: {out} holds {what}; expected an empty folder or one "
                                 "with results of {identity} (give --force to write there "
                                 "anyway)", out=out, what=what, identity=identity))
    return out


def mark_results(out: Path, identity: str) -> None:
    """Say whose results a folder holds (:func:`out_folder` reads it)."""
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text(identity + "\n", encoding="utf-8")
