"""The argument parser of ``cer-twin``: one function per command.

It imports nothing but argparse, the version and the catalogue (plain tables), so ``cer-twin
--help`` and argument errors answer at once (no pandas, pvlib, xarray, dask or matplotlib), in
the language asked for.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from twin._version import __version__
from twin.core.locale import LANGUAGES, default_lang
from twin.core.locale.help import ARGPARSE_IT, HELP_IT

STORE_HELP = "event store: a SQLite file or a postgresql:// URL"
BRANCH_HELP = "branch of the store (default: main)"
SCENARIO_HELP = "scenario file or built-in name (default: cercami-solidale.toml)"
HELP = {"it": HELP_IT}
"""The help's translations, per language (English is the parser's own text)."""
ARGPARSE = {"it": ARGPARSE_IT}

LANG_HELP = ("language of the terminal, of the reports and of the messages (default: "
             "CER_TWIN_LANG, else en)")
WEATHER_FORMATS = ("epw", "pvgis_tmy", "pvgis_hourly", "csv", "netcdf")
METER_FORMATS = ("daily_rows", "interval_rows", "edistribuzione", "unareti", "plain")
"""As :data:`twin.inputs.meters.FORMATS` (a test keeps them equal; the parser imports neither)."""

Commands = argparse._SubParsersAction  # noqa: SLF001 - argparse has no public name for it


def _add_source(parser: argparse.ArgumentParser) -> None:
    """SCENARIO, or --store S [--branch B]: where a run's events come from."""
    parser.add_argument("scenario", nargs="?", default=None,
                        help="scenario TOML file, or the name of a built-in one "
                        "(default: cercami-solidale.toml); not with --store")
    parser.add_argument("--store", help=STORE_HELP)
    parser.add_argument("--branch", default="main", help=BRANCH_HELP)


def _add_run(sub: Commands) -> None:
    run = sub.add_parser("run", help="simulate a scenario or a store branch and print shared "
                         "energy and incentives",
                         description="Simulate the period, print a table per configuration and "
                         "for the community, and write results.nc, summary.csv, cashflow.csv.")
    _add_source(run)
    run.add_argument("--out", type=Path, default=None,
                     help="output folder (default: ./results/<scenario name or branch>)")
    run.add_argument("--force", action="store_true",
                     help="write into --out even if it holds other results")
    run.add_argument("--years", type=int, default=None,
                     help="simulate this many calendar years from the scenario's start "
                     "(a new weather year each year; the [future] section drawn as events)")
    run.add_argument("--monte-carlo", type=int, default=None, metavar="N",
                     help="also run N weather years (seeds from the scenario's) and report "
                     "P90/P50/P10 (P90: exceeded in 90 %% of years) of shared energy, premium, "
                     "fund and NPV per configuration (montecarlo.csv, montecarlo_p_values.csv) "
                     "and NPV per plant (montecarlo_plant_npv.csv)")
    run.add_argument("--quiet", action="store_true", help="print nothing but errors")
    run.add_argument("--json", action="store_true",
                     help="print the summary as JSON (machine-readable) instead of tables")
    run.add_argument("--report", action="store_true",
                     help="also write report.html: one self-contained page with the charts")
    run.add_argument("--pdf", action="store_true",
                     help="also print the report to report.pdf, its summary on page 1 "
                     "(headless Chromium; implies --report)")
    run.add_argument("--compress", action="store_true",
                     help="compress results.nc (zlib): about 2.5 times smaller, slower to "
                     "write")
    run.add_argument("--audit", action="store_true",
                     help="also write audit.csv: every hour × plant with shared energy, its "
                     "price, premium rate, F, rule version and euro")


def _add_explain(sub: Commands) -> None:
    explain = sub.add_parser("explain", help="explain one hour of one configuration",
                             description="Run and print the derivation of one hour of one "
                             "configuration: flows, shared energy, the split among plants, "
                             "premium, valorization and RID, with their legal sources.")
    _add_source(explain)
    explain.add_argument("--hour", required=True,
                         help="start of the hour, ISO 8601; local Europe/Rome time unless it "
                         "has an offset (e.g. 2026-06-15T13:00 or 2026-06-15T11:00Z)")
    explain.add_argument("--configuration", required=True, help="configuration id")


def _add_member(sub: Commands) -> None:
    member = sub.add_parser(
        "member", help="one member's year: energy, shared energy, bills, support",
        description="Run and print one member's period: consumption, withdrawal and "
        "self-consumption, its part of the configuration's shared energy (pro rata of "
        "withdrawal by month and band), its bills month by month with and without its own "
        "plant, the bonus sociale and the solidarity fund's support.")
    member.add_argument("member_id", metavar="ID", help="member id (as in members.csv)")
    _add_source(member)
    member.add_argument("--years", type=int, default=None,
                        help="simulate this many calendar years from the scenario's start")


def _add_events(sub: Commands) -> None:
    events = sub.add_parser("events", help="the event log: init, log, append, verify")
    ev = events.add_subparsers(dest="events_command", metavar="ACTION", required=True)
    init = ev.add_parser("init", help="seed the main branch of a store from a scenario file")
    init.add_argument("scenario", nargs="?", default=None, help=SCENARIO_HELP)
    init.add_argument("--store", required=True, help="SQLite file or postgresql:// URL")
    log = ev.add_parser("log", help="list the events of a branch")
    log.add_argument("--store", required=True, help=STORE_HELP)
    log.add_argument("--branch", default="main", help=BRANCH_HELP)
    log.add_argument("--as-of", help="only events effective at or before this time "
                     "(local date or time, or with an offset)")
    append = ev.add_parser("append", help="append events from an event file, or the events a "
                           "what-if scenario file adds to its base")
    append.add_argument("file", type=Path, help="event file ([[events]] in TOML, a JSON list), "
                        "or a what-if scenario file (one with `extends`)")
    append.add_argument("--dry-run", action="store_true",
                        help="show the events and append nothing")
    append.add_argument("--store", required=True, help=STORE_HELP)
    append.add_argument("--branch", default="main", help=BRANCH_HELP)
    append.add_argument("--expected-head", type=int, default=None,
                        help="refuse unless the branch's last event is this one (concurrency)")
    revert = ev.add_parser("revert", help="append the event that cancels event SEQ (where the "
                           "domain has one)")
    revert.add_argument("seq", type=int, metavar="SEQ", help="sequence number of the event")
    revert.add_argument("--store", required=True, help=STORE_HELP)
    revert.add_argument("--branch", default="main", help=BRANCH_HELP)
    verify = ev.add_parser("verify", help="check the hash chains and head records of every "
                           "branch")
    verify.add_argument("--store", required=True, help=STORE_HELP)
    verify.add_argument("--expect-head", default=None, metavar="SEQ:HASH",
                        help="the head printed after an append, kept elsewhere: the branch's "
                        "log must still reach it (nothing cut off and re-recorded)")
    verify.add_argument("--branch", default="main", help="branch of --expect-head "
                        "(default: main)")


def _add_branch(sub: Commands) -> None:
    branch = sub.add_parser("branch", help="branches of the event log: create, list")
    br = branch.add_subparsers(dest="branch_command", metavar="ACTION", required=True)
    create = br.add_parser("create", help="fork a branch")
    create.add_argument("name", help="name of the new branch")
    create.add_argument("--store", required=True, help=STORE_HELP)
    create.add_argument("--from", dest="from_branch", default="main",
                        help="branch to fork (at its head)")
    create.add_argument("--at", "--at-seq", dest="at_seq", type=int, default=None,
                        help="fork after this event (default: the branch's last): the way back "
                        "from a bad event is a branch forked before it")
    listing = br.add_parser("list", help="list the branches")
    listing.add_argument("--store", required=True, help=STORE_HELP)


def _add_weather(sub: Commands) -> None:
    parser = sub.add_parser(
        "weather", help="write a generated Milan weather year, or compare the generator with "
        "a weather file",
        description="With --out: write one generated year (seeded) as CSV (time in UTC, "
        "interval start; ghi, dni, dhi W/m², temp_air °C, wind_speed m/s). With --compare: "
        "print the generator's monthly figures (mean of --seeds years) next to a weather file's.")
    parser.add_argument("--seed", type=int, default=0, help="weather seed (default 0)")
    parser.add_argument("--year", type=int, default=2026, help="calendar year (default 2026)")
    parser.add_argument("--step", choices=["1h", "15min"], default="1h",
                        help="time step of the generated series")
    parser.add_argument("--calibrate-to", type=Path, default=None,
                        help="take the monthly targets from this EPW file instead of UNI 10349")
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--out", type=Path, help="CSV file to write")
    action.add_argument("--compare", type=Path, help="weather file to compare with")
    parser.add_argument("--format", choices=WEATHER_FORMATS, default="epw",
                        help="format of the --compare file (default: epw)")
    parser.add_argument("--seeds", type=int, default=20,
                        help="generated years averaged in --compare (default 20)")


def _add_expand(sub: Commands) -> None:
    expand = sub.add_parser("expand", help="rank candidate roofs and member batches, with "
                            "sizing curves",
                            description="Simulate the scenario once, add each candidate (each "
                            "roof at each size, each batch of members), apply the rules again, "
                            "and rank by NPV with marginal shared energy, premium and fund gain "
                            "per € invested.")
    expand.add_argument("scenario", nargs="?", default=None, help=SCENARIO_HELP)
    expand.add_argument("--candidates", required=True, type=Path, help="candidates TOML file")
    expand.add_argument("--objective", choices=["npv", "fund", "shared_energy", "fund_per_euro"],
                        default="npv", help="what the portfolio maximises step by step")
    expand.add_argument("--out", type=Path, default=None,
                        help="folder for ranking.csv, sizing_curves.csv and portfolio.csv "
                        "(default: ./results/expand-<scenario>)")
    expand.add_argument("--force", action="store_true",
                        help="write into --out even if it holds other results")


def _add_compare(sub: Commands) -> None:
    compare = sub.add_parser("compare", help="run two scenarios (or two branches) and show the "
                             "difference per configuration and year",
                             description="B minus A: shared energy, premium, valorization, "
                             "fund and self-sufficiency per configuration and year, and the "
                             "hours where shared energy differs most.")
    compare.add_argument("a", help="scenario file or built-in name, or a branch with --store")
    compare.add_argument("b", help="scenario file or built-in name, or a branch with --store")
    compare.add_argument("--store", help="compare two branches of this store")
    compare.add_argument("--years", type=int, default=None, help="simulate this many years")
    compare.add_argument("--report", action="store_true", help="also write report.html")
    compare.add_argument("--allow-different-inputs", action="store_true",
                         help="compare even when A and B differ in period, seed, weather or "
                         "prices (the output says how); refused otherwise")
    compare.add_argument("--monte-carlo", type=int, default=None, metavar="N",
                         help="also B minus A under N weather years with paired seeds: P90/P50/"
                         "P10 of the difference (compare_montecarlo.csv)")
    compare.add_argument("--out", type=Path, default=None,
                         help="folder for compare.csv and compare_hours.csv "
                         "(default: ./results/compare-A-B)")
    compare.add_argument("--force", action="store_true",
                        help="write into --out even if it holds other results")


def _add_meters(sub: Commands) -> None:
    meters = sub.add_parser("meters", help="measured meter data: import, log")
    mt = meters.add_subparsers(dest="meters_command", metavar="ACTION", required=True)
    imp = mt.add_parser("import", help="validate a distributor export, store it content-hashed "
                        "and record MeterDataImported; runs then use the measured values",
                        description="Distributor exports (docs/events.md): daily rows "
                        "(POD;Data;1..24 or 1..96), interval rows (POD;Data;Ora|Quarto;kWh), the "
                        "e-distribuzione portal file, the Unareti curve export, or plain "
                        "time,value rows. Imports accumulate; a later import of an interval "
                        "corrects it.")
    imp.add_argument("file", type=Path, help="the distributor's export (CSV)")
    imp.add_argument("--store", required=True, help=STORE_HELP)
    imp.add_argument("--branch", default="main", help=BRANCH_HELP)
    imp.add_argument("--member", help="the member whose withdrawal this is")
    imp.add_argument("--plant", help="the plant whose injection this is")
    imp.add_argument("--quantity", choices=["withdrawal", "injection"], default=None,
                     help="import only this quantity (default: every quantity in the file that "
                     "applies: a member's withdrawal, and the net injection of plants behind "
                     "its POD; a plant's injection)")
    imp.add_argument("--format", choices=["auto", *METER_FORMATS], default="auto",
                     help="the export's layout (default: detected from the header)")
    imp.add_argument("--unit", default=None,
                     help="unit of the values when the file does not say: kWh, Wh, MWh (per "
                     "interval) or kW (mean power)")
    imp.add_argument("--pod", default=None,
                     help="the POD, when the file names none (it must be the target's)")
    log = mt.add_parser("log", help="every import of a branch, and how many of its intervals "
                        "are still in force")
    log.add_argument("--store", required=True, help=STORE_HELP)
    log.add_argument("--branch", default="main", help=BRANCH_HELP)


def _add_sweep(sub: Commands) -> None:
    sweep = sub.add_parser("sweep", help="run many variants (scenarios, branches, roof sizes, "
                           "weather years) on dask.distributed",
                           description="Expand a sweep file into its variants, run them on a "
                           "local dask cluster or an existing one, and write one Dataset: a "
                           "list of variants along a scenario dimension (summary per "
                           "configuration and hourly shared energy), or a grid (scenario + "
                           "[grid]) with one dimension per swept field. A variant that fails "
                           "is retried, then reported by name (exit code 1, the others still "
                           "written).")
    sweep.add_argument("spec", type=Path, help="sweep file (TOML: scenarios or store and "
                       "branches, candidates, weather_seeds, years; or scenario + [grid]; see "
                       "the README)")
    where = sweep.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, default=None,
                       help="workers of the local cluster (default: one per core)")
    where.add_argument("--scheduler", default=None,
                       help="address of an existing dask scheduler, e.g. tcp://10.0.0.5:8786")
    sweep.add_argument("--out", type=Path, default=None,
                       help="NetCDF (.nc) or Zarr (.zarr) file "
                       "(default: ./results/sweep-<spec>.nc)")
    sweep.add_argument("--quiet", action="store_true", help="print nothing but errors")
    sweep.add_argument("--max-variants", type=int, default=None, metavar="N",
                       help="run up to N variants (default: at most 10,000 are refused beyond)")


def _add_calibrate(sub: Commands) -> None:
    calibrate = sub.add_parser(
        "calibrate", help="measured vs modelled, meter by meter, with suggested corrections",
        description="For each meter with measured data: the model's energy for the same "
        "intervals and weather, monthly and for the period (plants: performance against the "
        "model, specific yield; members: energy ratio, r, peaks), and the correction each "
        "suggests (a plant derate, a member's annual_kwh). --apply appends them to the branch.")
    _add_source(calibrate)
    calibrate.add_argument("--apply", action="store_true",
                           help="append the suggested corrections as events (store only)")
    calibrate.add_argument("--report", action="store_true",
                           help="also write calibration.html (charts per meter)")
    calibrate.add_argument("--out", type=Path, default=None,
                           help="folder for calibration.csv and calibration_monthly.csv "
                           "(default: ./results/calibrate-<branch or scenario>)")
    calibrate.add_argument("--force", action="store_true",
                        help="write into --out even if it holds other results")


def _add_state(sub: Commands) -> None:
    state = sub.add_parser("state", help="members and plants active at a time on a branch")
    state.add_argument("--store", required=True, help=STORE_HELP)
    state.add_argument("--branch", default="main", help=BRANCH_HELP)
    state.add_argument("--as-of", required=True, help="local date or time, or with an offset")


def build_parser(lang: str = "en") -> argparse.ArgumentParser:
    """The ``cer-twin`` parser with every command, its help in ``lang`` (build it inside
    :func:`speaking` for argparse's own words in that language too)."""
    parser = argparse.ArgumentParser(
        prog="cer-twin",
        description="Digital twin of an Italian renewable energy community (CER). "
        "With no scenario, runs the built-in CER.ca.MI Solidale scenario.",
        epilog="Exit codes: 0 success; 1 internal error or failed sweep variants; 2 invalid "
        "input (message names the file and field); 3 event-store verification failed.",
    )
    parser.add_argument("--version", action="version", version=f"cer-twin {__version__}")
    parser.add_argument("--lang", choices=LANGUAGES, dest="top_lang", default=None,
                        help=LANG_HELP + "; also after the command")
    parser.add_argument("--debug", action="store_true",
                        help="show the Python traceback of an internal error (a bug)")
    parser.add_argument("--allow-outside-paths", action="store_true",
                        help="let scenarios read data files outside their own folder "
                        "(absolute paths or '..'); refused by default")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add in (_add_run, _add_explain, _add_member, _add_events, _add_branch, _add_weather,
                _add_expand, _add_compare, _add_meters, _add_sweep, _add_state, _add_calibrate):
        add(sub)
    default = default_lang()
    for command in _commands(parser):
        command.add_argument("--lang", choices=LANGUAGES, default=default, help=LANG_HELP)
    if lang != "en":
        _translate(parser, HELP[lang])
    return parser


def _translate(parser: argparse.ArgumentParser, table: dict[str, str]) -> None:
    """Every description, epilog and help text of ``parser`` and its commands in the language
    of ``table`` (English text → translation; a text it lacks stays English)."""
    parser.description = table.get(parser.description, parser.description)
    parser.epilog = table.get(parser.epilog, parser.epilog)
    for action in parser._actions:  # noqa: SLF001 - argparse has no public walk
        action.help = table.get(action.help, action.help)
        if isinstance(action, Commands):
            for choice in action._choices_actions:  # noqa: SLF001
                choice.help = table.get(choice.help, choice.help)
            for command in dict.fromkeys(action.choices.values()):
                _translate(command, table)


def requested_lang(argv: Sequence[str]) -> str:
    """The language a command line asks for before it is parsed (``--lang X`` or ``--lang=X``,
    else ``CER_TWIN_LANG``, else English), so that its help and argument errors are in it."""
    asked = [arg.removeprefix("--lang=") if arg.startswith("--lang=") else argv[k + 1]
             for k, arg in enumerate(argv)
             if arg.startswith("--lang=") or (arg == "--lang" and k + 1 < len(argv))]
    valid = [value for value in asked if value in LANGUAGES]
    return valid[-1] if valid else default_lang()  # the last one given, as argparse reads it


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """argparse's own words (``usage:``, section titles, its error templates) in ``lang`` while
    a parser is built and used: argparse looks them up through its module's ``_`` (gettext),
    which is swapped for the catalogue's table and put back afterwards."""
    if lang == "en":
        yield
        return
    table = ARGPARSE[lang]
    english = argparse._  # noqa: SLF001 - argparse's gettext hook
    argparse._ = lambda text: table.get(text, english(text))  # noqa: SLF001
    try:
        yield
    finally:
        argparse._ = english  # noqa: SLF001


def _commands(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """The parsers that run something (``run``, ``events log``, ...), not those that only
    choose a subcommand (``events``): ``--lang`` goes on each, after its own arguments."""
    subs = [a for a in parser._actions if isinstance(a, Commands)]  # noqa: SLF001
    if not subs:
        yield parser
    for action in subs:
        for command in dict.fromkeys(action.choices.values()):  # aliases share a parser
            yield from _commands(command)
