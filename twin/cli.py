"""The ``cer-twin`` command line: thin, it parses, calls the library and prints.

Exit codes: 0 success; 2 user error (bad scenario, data file or argument: a message naming the
file and field, no traceback); 3 the event store failed verification; 1 an unexpected internal
error (a bug: please report it) or sweep variants that failed after their retries.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from twin._version import __version__
from twin.errors import SweepError, TwinError
from twin.progress import progress_bar

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_VERIFY = 0, 1, 2, 3


STORE_HELP = "event store: a SQLite file or a postgresql:// URL"
BRANCH_HELP = "branch of the store (default: main)"


def _add_source(parser: argparse.ArgumentParser) -> None:
    """SCENARIO, or --store S [--branch B]: where a run's events come from."""
    parser.add_argument("scenario", nargs="?", default=None,
                        help="scenario TOML file, or the name of a built-in one "
                        "(default: cercami-solidale.toml); not with --store")
    parser.add_argument("--store", help=STORE_HELP)
    parser.add_argument("--branch", default="main", help=BRANCH_HELP)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cer-twin",
        description="Digital twin of an Italian renewable energy community (CER). "
        "With no scenario, runs the built-in CER.ca.MI Solidale scenario.",
        epilog="Exit codes: 0 success; 1 internal error or failed sweep variants; 2 invalid "
        "input (message names the file and field); 3 event-store verification failed.",
    )
    parser.add_argument("--version", action="version", version=f"cer-twin {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser("run", help="simulate a scenario or a store branch and print shared "
                         "energy and incentives",
                         description="Simulate the period, print a table per configuration and "
                         "for the community, and write results.nc, summary.csv, cashflow.csv.")
    _add_source(run)
    run.add_argument("--out", type=Path, default=None,
                     help="output folder (default: ./results/<scenario name or branch>)")
    run.add_argument("--years", type=int, default=None,
                     help="simulate this many calendar years from the scenario's start "
                     "(a new weather year each year; the [future] section drawn as events)")
    run.add_argument("--monte-carlo", type=int, default=None, metavar="N",
                     help="also run N weather years (seeds from the scenario's) and report "
                     "P10/P50/P90 of shared energy, premium and fund (montecarlo.csv)")
    run.add_argument("--quiet", action="store_true", help="print nothing but errors")
    run.add_argument("--json", action="store_true",
                     help="print the summary as JSON (machine-readable) instead of tables")
    run.add_argument("--report", action="store_true",
                     help="also write report.html: one self-contained page with the charts")
    run.add_argument("--lang", choices=["en", "it"], default="en", help="report language")
    run.add_argument("--audit", action="store_true",
                     help="also write audit.csv: every hour × plant with shared energy, its "
                     "price, premium rate, F, rule version and euro")

    explain = sub.add_parser("explain", help="explain one hour of one configuration",
                             description="Run and print the derivation of one hour of one "
                             "configuration: flows, shared energy, the split among plants, "
                             "premium, valorization and RID, with their legal sources.")
    _add_source(explain)
    explain.add_argument("--hour", required=True,
                         help="start of the hour, ISO 8601; local Europe/Rome time unless it "
                         "has an offset (e.g. 2026-06-15T13:00 or 2026-06-15T11:00Z)")
    explain.add_argument("--configuration", required=True, help="configuration id")

    events = sub.add_parser("events", help="the event log: init, log, append, verify")
    ev = events.add_subparsers(dest="events_command", metavar="ACTION", required=True)
    init = ev.add_parser("init", help="seed the main branch of a store from a scenario file")
    init.add_argument("scenario", nargs="?", default=None,
                      help="scenario file or built-in name (default: cercami-solidale.toml)")
    init.add_argument("--store", required=True, help="SQLite file or postgresql:// URL")
    log = ev.add_parser("log", help="list the events of a branch")
    log.add_argument("--store", required=True, help=STORE_HELP)
    log.add_argument("--branch", default="main", help=BRANCH_HELP)
    log.add_argument("--as-of", help="only events effective at or before this time "
                     "(local date or time, or with an offset)")
    append = ev.add_parser("append", help="append events from a TOML or JSON file")
    append.add_argument("file", type=Path, help="event file ([[events]] in TOML, a JSON list)")
    append.add_argument("--store", required=True, help=STORE_HELP)
    append.add_argument("--branch", default="main", help=BRANCH_HELP)
    append.add_argument("--expected-head", type=int, default=None,
                        help="refuse unless the branch's last event is this one (concurrency)")
    verify = ev.add_parser("verify", help="check the hash chains of every branch")
    verify.add_argument("--store", required=True, help=STORE_HELP)

    branch = sub.add_parser("branch", help="branches of the event log: create, list")
    br = branch.add_subparsers(dest="branch_command", metavar="ACTION", required=True)
    create = br.add_parser("create", help="fork a branch")
    create.add_argument("name", help="name of the new branch")
    create.add_argument("--store", required=True, help=STORE_HELP)
    create.add_argument("--from", dest="from_branch", default="main",
                        help="branch to fork (at its head)")
    create.add_argument("--at-seq", type=int, default=None,
                        help="fork after this event (default: the branch's last)")
    listing = br.add_parser("list", help="list the branches")
    listing.add_argument("--store", required=True, help=STORE_HELP)

    from twin import weather_cli

    weather_cli.add_parser(sub)

    expand = sub.add_parser("expand", help="rank candidate roofs and member batches, with "
                            "sizing curves",
                            description="Simulate the scenario once, add each candidate (each "
                            "roof at each size, each batch of members), apply the rules again, "
                            "and rank by NPV with marginal shared energy, premium and fund gain "
                            "per € invested.")
    expand.add_argument("scenario", nargs="?", default=None,
                        help="scenario file or built-in name (default: cercami-solidale.toml)")
    expand.add_argument("--candidates", required=True, type=Path, help="candidates TOML file")
    expand.add_argument("--out", type=Path, default=None,
                        help="folder for ranking.csv and sizing_curves.csv "
                        "(default: ./results/expand-<scenario>)")

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
    compare.add_argument("--lang", choices=["en", "it"], default="en", help="report language")
    compare.add_argument("--out", type=Path, default=None,
                         help="folder for compare.csv and compare_hours.csv "
                         "(default: ./results/compare-A-B)")

    meters = sub.add_parser("meters", help="measured meter data: import")
    mt = meters.add_subparsers(dest="meters_command", metavar="ACTION", required=True)
    imp = mt.add_parser("import", help="validate a distributor export, store it content-hashed "
                        "and record MeterDataImported; runs then use the measured values",
                        description="Semicolon CSV with decimal commas: one row per day "
                        "(POD;Data;1..24 or 1..96) or per interval (POD;Data;Ora|Quarto;kWh); "
                        "DST days with 23/25 hours or 92/100 quarters.")
    imp.add_argument("file", type=Path, help="the distributor's export (CSV)")
    imp.add_argument("--store", required=True, help=STORE_HELP)
    imp.add_argument("--branch", default="main", help=BRANCH_HELP)
    imp.add_argument("--member", help="the member whose withdrawal this is")
    imp.add_argument("--plant", help="the plant whose injection this is")
    imp.add_argument("--quantity", choices=["withdrawal", "injection"], default=None,
                     help="what the file measures (default: withdrawal of a --member, "
                     "injection of a --plant)")

    sweep = sub.add_parser("sweep", help="run many variants (scenarios, branches, roof sizes, "
                           "weather years) on dask.distributed",
                           description="Expand a sweep file into its variants, run them on a "
                           "local dask cluster or an existing one, and write one Dataset with a "
                           "scenario dimension (summary per configuration and hourly shared "
                           "energy). A variant that fails is retried, then reported by name "
                           "(exit code 1, the others still written).")
    sweep.add_argument("spec", type=Path, help="sweep file (TOML: scenarios or store and "
                       "branches, candidates, weather_seeds, years; see the README)")
    where = sweep.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, default=None,
                       help="workers of the local cluster (default: one per core)")
    where.add_argument("--scheduler", default=None,
                       help="address of an existing dask scheduler, e.g. tcp://10.0.0.5:8786")
    sweep.add_argument("--out", type=Path, default=None,
                       help="NetCDF (.nc) or Zarr (.zarr) file "
                       "(default: ./results/sweep-<spec>.nc)")
    sweep.add_argument("--quiet", action="store_true", help="print nothing but errors")

    state = sub.add_parser("state", help="members and plants active at a time on a branch")
    state.add_argument("--store", required=True, help=STORE_HELP)
    state.add_argument("--branch", default="main", help=BRANCH_HELP)
    state.add_argument("--as-of", required=True, help="local date or time, or with an offset")
    return parser


ROWS = [
    ("Members (at end)", "members", "{:,.0f}"),
    ("Plants kW (at end)", "plants_kw", "{:,.0f}"),
    ("Injected MWh", "injected_mwh", "{:,.1f}"),
    ("Withdrawn MWh", "withdrawn_mwh", "{:,.1f}"),
    ("Shared MWh", "shared_mwh", "{:,.1f}"),
    ("Shared/injected %", "shared_pct_of_injected", "{:,.1f}"),
    ("Self-sufficiency %", "self_sufficiency_pct", "{:,.1f}"),
    ("TIP premium €", "premium_eur", "{:,.0f}"),
    ("Valorization €", "valorization_eur", "{:,.0f}"),
    ("GSE fees €", "gse_fees_eur", "{:,.0f}"),
    ("FUND", "fund_eur", "{:,.0f}"),
    (" earmarked (55%) €", "excess_premium_eur", "{:,.0f}"),
    ("RID, producers €", "rid_eur", "{:,.0f}"),
]
"""Rows of the printed table: label, summary column, format."""


def _summary_table(title: str, summary: pd.DataFrame, names: dict[str, str],
                   solidarity: bool) -> Table:
    """Metrics as rows, configurations and the community as columns (fits 80 columns)."""
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, padding=(0, 0),
                  pad_edge=False)
    table.add_column("", no_wrap=True)
    for cid in summary.index:
        header = names.get(str(cid), "Community")
        if len(header) > 11:  # break long names at a hyphen or space to fit 80 columns
            sep = "-" if "-" in header else " "
            header = header.replace(sep, "-\n" if sep == "-" else "\n", 1)
        table.add_column(header, justify="right", min_width=11,
                         style="bold" if cid == "community" else None)
    fund = "Solidarity fund €" if solidarity else "Net incentives €"
    for label, key, fmt in ROWS:
        label = fund if label == "FUND" else label
        table.add_row(label, *[fmt.format(v) for v in summary[key]],
                      style="bold" if key == "fund_eur" else None)
    return table


def _simulation(args: argparse.Namespace):  # noqa: ANN202 - twin.Simulation
    import twin

    if args.store is not None:
        if args.scenario is not None:
            raise TwinError("give either a SCENARIO or --store, not both")
        return twin.load_store(args.store, args.branch)
    return twin.load(args.scenario)


def _run(args: argparse.Namespace, console: Console, err: Console) -> int:
    sim = _simulation(args)
    stem = (args.branch if args.store is not None
            else Path(sim.spec.provenance["scenario"]).stem)
    out = args.out if args.out is not None else Path("results") / stem
    if args.years is not None and not 1 <= args.years <= 30:
        raise TwinError(f"--years: expected 1 to 30; found {args.years}")
    with progress_bar(err, f"Simulating {sim.name}", not (args.quiet or args.json)) as say:
        result = sim.run(progress=say, years=args.years)
    paths = result.write(out)
    if args.monte_carlo:
        from twin.montecarlo import weather_monte_carlo

        if not 2 <= args.monte_carlo <= 500:
            raise TwinError(f"--monte-carlo: expected 2 to 500; found {args.monte_carlo}")
        with progress_bar(err, "Monte Carlo", not (args.quiet or args.json)) as say:
            per_run, percentiles = weather_monte_carlo(sim, args.monte_carlo, progress=say)
        per_run.round(3).to_csv(out / "montecarlo.csv")
        paths["montecarlo"] = out / "montecarlo.csv"
        if not args.quiet:
            mc = Table(title=f"{args.monte_carlo} weather years", box=box.SIMPLE_HEAD,
                       title_justify="left")
            for column in ("", "shared MWh", "TIP €", "fund €", "self-suff. %"):
                mc.add_column(column, justify="right")
            for name, row in percentiles.iterrows():
                mc.add_row(str(name), f"{row.shared_mwh:,.1f}", f"{row.premium_eur:,.0f}",
                           f"{row.fund_eur:,.0f}", f"{row.self_sufficiency_pct:.1f}")
            console.print(mc)
    if args.audit:
        from twin.results import audit_table

        paths["audit"] = out / "audit.csv"
        audit_table(result.dataset).to_csv(paths["audit"], index=False)
    if args.report:
        from twin.report import run_report

        paths["report"] = out / "report.html"
        paths["report"].write_text(run_report(result, sim.name, args.lang), encoding="utf-8")
    if args.json:
        import json

        document = {"community": sim.name, "version": __version__,
                    "provenance": {k: str(v) for k, v in result.dataset.attrs.items()
                                   if k in ("scenario", "scenario_sha256", "store", "branch",
                                            "head_seq", "seed")},
                    "summary": json.loads(result.summary.to_json(orient="index")),
                    "files": {k: str(v) for k, v in paths.items()}}
        print(json.dumps(document, indent=2, ensure_ascii=False))  # noqa: T201 - the output
        return EXIT_OK
    if not args.quiet:
        sim_settings = sim.spec.settings.simulation
        if args.years is not None:
            sim_settings = sim_settings.with_years(args.years)
        where = (f"store branch {args.branch!r}" if args.store is not None else "")
        title = (f"{sim.name}{', ' + where if where else ''}, {sim_settings.start} to "
                 f"{sim_settings.end} (excl.), {sim_settings.time_step} steps, seed "
                 f"{sim_settings.seed}")
        names = {c.configuration_id: c.name for c in sim.spec.configurations}
        console.print(_summary_table(title, result.summary, names, sim.spec.community.solidarity))
        cash = result.cash_timeline
        settlements = cash.loc[cash["settlement_eur"] != 0, "settlement_eur"]
        advances = cash["payment_eur"].sum() - settlements.sum()
        console.print(
            f"GSE cash: advances net of fees € {advances:,.0f}; {len(settlements)} yearly "
            f"settlement(s) € {settlements.sum():,.0f}; total € {cash['payment_eur'].sum():,.0f} "
            "(monthly in cashflow.csv).")
        if args.years is not None and args.years > 1:
            from twin.results import yearly_table

            yearly = yearly_table(result.dataset).groupby(level="year").sum()
            table = Table(title="Community by year", box=box.SIMPLE_HEAD, title_justify="left")
            for column in ("year", "shared MWh", "TIP €", "valorization €", "fund €"):
                table.add_column(column, justify="right")
            for year, row in yearly.iterrows():
                table.add_row(str(year), f"{row.shared_mwh:,.1f}", f"{row.premium_eur:,.0f}",
                              f"{row.valorization_eur:,.0f}", f"{row.fund_eur:,.0f}")
            console.print(table)
        fund, projects = result.fund, result.projects
        done = projects[projects["funded"] != ""]
        console.print(
            f"Solidarity fund: inflows € {fund['inflow_eur'].sum():,.0f}; support to "
            f"{int(fund['families'].max()) if len(fund) else 0} energy-poor families "
            f"€ {fund['support_paid_eur'].sum():,.0f}; projects funded {len(done)} of "
            f"{len(projects)} (€ {done['cost_eur'].sum():,.0f}); balance at the end "
            f"€ {fund['balance_eur'].iloc[-1]:,.0f} (fund.csv, projects.csv).")
        console.print(f"Weather: {result.dataset.attrs['weather_source']}; "
                      f"prices: {result.dataset.attrs['price_source']}.")
        console.print("Wrote " + ", ".join(str(p) for p in paths.values()))
    return EXIT_OK


def _explain(args: argparse.Namespace, console: Console, err: Console) -> int:
    from twin.explain import explain_hour, parse_hour

    hour = parse_hour(args.hour)
    sim = _simulation(args)
    with err.status(f"Simulating {sim.name}…"):
        result = sim.run()
    console.print(explain_hour(result.dataset, hour, args.configuration), highlight=False,
                  markup=False)
    return EXIT_OK


def _expand(args: argparse.Namespace, console: Console, err: Console) -> int:
    import twin
    from twin.expansion import evaluate, load_candidates

    candidates = load_candidates(args.candidates)
    sim = twin.load(args.scenario)
    with progress_bar(err, "Evaluating candidates") as say:
        ranking, curves = evaluate(sim.spec, candidates, say)
    stem = Path(sim.spec.provenance["scenario"]).stem
    out = args.out if args.out is not None else Path("results") / f"expand-{stem}"
    out.mkdir(parents=True, exist_ok=True)
    ranking.round(3).to_csv(out / "ranking.csv")
    curves.round(3).to_csv(out / "sizing_curves.csv", index=False)
    table = Table(title=f"Candidates for {sim.name}, ranked by NPV over "
                  f"{candidates.finance.years} years at {candidates.finance.discount_rate_pct:g} %",
                  box=box.SIMPLE_HEAD, title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("candidate", overflow="fold", max_width=22)
    for column in ("kWp", "ΔMWh/yr", "ΔTIP €/yr", "NPV €", "IRR %", "saturates"):
        table.add_column(column, justify="right", no_wrap=True)
    for rank, row in ranking.iterrows():
        irr = "-" if row.irr_pct is None or pd.isna(row.irr_pct) else f"{row.irr_pct:.1f}"
        saturates = ("-" if row.saturation_kwp is None or pd.isna(row.saturation_kwp)
                     else f"{row.saturation_kwp:g} kWp")
        table.add_row(str(rank), str(row.candidate), f"{row.kwp:g}" if row.kwp else "-",
                      f"{row.shared_mwh:,.1f}", f"{row.premium_eur:,.0f}", f"{row.npv_eur:,.0f}",
                      irr, saturates)
    console.print(table)
    console.print(f"Wrote {out / 'ranking.csv'} and {out / 'sizing_curves.csv'} (shared energy, "
                  "premium and NPV at every size).")
    return EXIT_OK


def _compare(args: argparse.Namespace, console: Console, err: Console) -> int:
    import twin
    from twin.compare import compare

    def load(name: str):  # noqa: ANN202 - twin.Simulation
        return twin.load_store(args.store, name) if args.store else twin.load(name)

    sims = [load(args.a), load(args.b)]
    results = []
    for label, sim in zip((args.a, args.b), sims, strict=True):
        with err.status(f"Simulating {label}…"):
            results.append(sim.run(years=args.years))
    names = [Path(n).stem for n in (args.a, args.b)]
    result = compare(results[0], results[1], names[0], names[1])
    out = args.out if args.out is not None else Path("results") / f"compare-{names[0]}-{names[1]}"
    out.mkdir(parents=True, exist_ok=True)
    result.by_year.round(3).to_csv(out / "compare.csv")
    result.hours.round(3).to_csv(out / "compare_hours.csv")
    if args.report:
        from twin.report import compare_report

        (out / "report.html").write_text(
            compare_report(result, results[0], results[1], args.lang), encoding="utf-8")

    totals = result.by_year.groupby(level="configuration").sum()
    table = Table(title=f"{names[1]} minus {names[0]}, whole period", box=box.SIMPLE_HEAD,
                  title_justify="left")
    for column in ("configuration", "Δ shared MWh", "Δ TIP €", "Δ valorization €", "Δ fund €"):
        table.add_column(column, justify="left" if column == "configuration" else "right")
    for cid, row in totals.iterrows():
        table.add_row(str(cid), f"{row.shared_mwh_diff:+,.1f}", f"{row.premium_eur_diff:+,.0f}",
                      f"{row.valorization_eur_diff:+,.0f}", f"{row.fund_eur_diff:+,.0f}")
    table.add_row("community", f"{totals.shared_mwh_diff.sum():+,.1f}",
                  f"{totals.premium_eur_diff.sum():+,.0f}",
                  f"{totals.valorization_eur_diff.sum():+,.0f}",
                  f"{totals.fund_eur_diff.sum():+,.0f}", style="bold")
    console.print(table)
    hours = Table(title="Hours where shared energy differs most (local time)",
                  box=box.SIMPLE_HEAD, title_justify="left")
    for column in ("hour", f"{names[0]} kWh", f"{names[1]} kWh", "Δ kWh"):
        hours.add_column(column, justify="right")
    for time_utc, row in result.hours.iterrows():
        local = pd.Timestamp(time_utc).tz_localize("UTC").tz_convert("Europe/Rome")
        hours.add_row(f"{local:%Y-%m-%d %H:%M}", f"{row.shared_kwh_a:,.1f}",
                      f"{row.shared_kwh_b:,.1f}", f"{row.diff_kwh:+,.1f}")
    console.print(hours)
    written = ["compare.csv", "compare_hours.csv"] + (["report.html"] if args.report else [])
    console.print("Wrote " + ", ".join(str(out / name) for name in written))
    return EXIT_OK


def _sweep(args: argparse.Namespace, console: Console, err: Console) -> int:
    import os

    from twin.sweep import load_sweep, run_sweep, write_sweep

    variants = load_sweep(args.spec)
    out = args.out if args.out is not None else Path("results") / f"sweep-{args.spec.stem}.nc"
    if out.suffix not in (".nc", ".zarr"):  # before the work, not after it
        raise TwinError(f"--out {out}: expected a .nc or .zarr path")
    if args.workers is not None and not 1 <= args.workers <= 1024:
        raise TwinError(f"--workers: expected 1 to 1024; found {args.workers}")
    from distributed import Client, LocalCluster

    if args.scheduler:
        try:
            client = Client(args.scheduler, timeout="20s")
        except OSError as error:
            raise TwinError(f"--scheduler {args.scheduler}: cannot connect ({error})") from None
        cluster = None
    else:
        workers = args.workers or os.cpu_count() or 1
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=":0", silence_logs=40)
        client = Client(cluster)
    try:
        if not args.quiet:
            err.print(f"Sweep of {len(variants)} variants on {client.scheduler_info()['address']} "
                      f"({len(client.scheduler_info()['workers'])} workers)", highlight=False)
        failure = None
        with progress_bar(err, "Sweep", not args.quiet) as say:
            try:
                result = run_sweep(variants, client, say)
            except SweepError as error:
                result, failure = error.partial, error
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    if result.sizes.get("scenario"):
        write_sweep(result, out)
        if not args.quiet:
            console.print(f"Wrote {out}: {result.sizes['scenario']} variants × "
                          f"{result.sizes['configuration']} configurations.", highlight=False)
    if failure is not None:
        raise failure
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``cer-twin`` console script."""
    parser = _parser()
    args = parser.parse_args(argv)
    console = Console()
    err = Console(stderr=True)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        if args.command == "run":
            return _run(args, console, err)
        if args.command == "explain":
            return _explain(args, console, err)
        from twin import store_cli

        if args.command == "events":
            return store_cli.events(args, console)
        if args.command == "branch":
            return store_cli.branch(args, console)
        if args.command == "state":
            return store_cli.state(args, console)
        if args.command == "expand":
            return _expand(args, console, err)
        if args.command == "compare":
            return _compare(args, console, err)
        if args.command == "meters":
            return store_cli.meters(args, console)
        if args.command == "sweep":
            return _sweep(args, console, err)
        if args.command == "weather":
            from twin import weather_cli

            return weather_cli.run(args, console)
    except TwinError as error:
        err.print(f"[bold red]error:[/] {escape(str(error))}", highlight=False, markup=True)
        return EXIT_INTERNAL if isinstance(error, SweepError) else EXIT_USAGE
    except KeyboardInterrupt:
        err.print("interrupted")
        return 130
    return EXIT_USAGE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
