"""``cer-twin expand``, ``compare`` and ``sweep``: the studies from the shell."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rich import box
from rich.console import Console
from rich.table import Table

from twin.cli.codes import (
    EXIT_OK,
    MONTE_CARLO_RUNS,
    YEARS,
    mark_results,
    out_folder,
    require_range,
)
from twin.cli.progress import progress_bar
from twin.errors import SweepError, TwinError


def _label(row) -> str:  # noqa: ANN001 - a table row
    """A candidate's name, with its layout when a roof is not as given."""
    layout = getattr(row, "layout", "")
    return str(row.candidate) + (f" ({layout})" if isinstance(layout, str) and layout
                                 not in ("", "as_given") else "")


def expand(args: argparse.Namespace, console: Console, err: Console) -> int:
    import pandas as pd

    import twin
    from twin.scenario.candidates import load_candidates
    from twin.studies.expansion import Evaluator, evaluate, sizing_summary
    from twin.studies.portfolio import exhaustive_check, greedy

    candidates = load_candidates(args.candidates)
    sim = twin.load(args.scenario, args.allow_outside_paths)
    stem = Path(sim.spec.provenance["scenario"]).stem
    identity = f"expand of {Path(sim.spec.provenance['scenario']).resolve()} with " \
        f"{Path(args.candidates).name}"
    out = out_folder(args.out, Path("results") / f"expand-{stem}", identity, args.force)
    with progress_bar(err, "Evaluating candidates") as say:
        evaluator = Evaluator(sim.spec, say)
        ranking, curves = evaluate(sim.spec, candidates, say, evaluator)
        plan = greedy(evaluator, candidates, args.objective, say)
        check = exhaustive_check(evaluator, candidates, plan, args.objective)
    mark_results(out, identity)
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
        table.add_row(str(rank), _label(row), f"{row.kwp:g}" if row.kwp else "-",
                      f"{row.shared_mwh:,.1f}", f"{row.premium_eur:,.0f}", f"{row.npv_eur:,.0f}",
                      irr, saturates)
    console.print(table)
    for _, row in ranking[ranking["kind"] == "roof"].iterrows():
        console.print(sizing_summary(row, candidates.saturation_fraction), soft_wrap=True,
                      highlight=False)
    plan.round(3).to_csv(out / "portfolio.csv")
    _print_portfolio(plan, check, args.objective, console)
    console.print(f"Wrote {out / 'ranking.csv'}, {out / 'sizing_curves.csv'} (each candidate "
                  f"alone, every size) and {out / 'portfolio.csv'} (one after another).")
    return EXIT_OK


def _print_portfolio(plan, check: dict | None, objective: str,  # noqa: ANN001 - DataFrame
                     console: Console) -> None:
    table = Table(title=f"Portfolio by {objective}: each step given the ones before",
                  box=box.SIMPLE_HEAD, title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("candidate", overflow="fold", max_width=22)
    for column in ("kWp", "ΔMWh/yr", "Δfund €/yr", "NPV €", "Σ MWh/yr", "Σ NPV €"):
        table.add_column(column, justify="right", no_wrap=True)
    for step, row in plan.iterrows():
        table.add_row(str(step), _label(row), f"{row.kwp:g}" if row.kwp else "-",
                      f"{row.shared_mwh:,.1f}", f"{row.fund_eur:,.0f}", f"{row.npv_eur:,.0f}",
                      f"{row.cumulative_shared_mwh:,.1f}", f"{row.cumulative_npv_eur:,.0f}")
    console.print(table)
    if check is None:
        console.print("No exhaustive check (more than 8 candidates, or none to combine).",
                      highlight=False)
    elif check["agrees"]:
        console.print(f"Exhaustive check over every subset: greedy's set is the best "
                      f"({check['greedy_value']:,.1f}).", highlight=False)
    else:
        console.print(f"Exhaustive check: the best subset is {', '.join(check['best'])} "
                      f"({check['best_value']:,.1f}), greedy's {', '.join(check['greedy'])} "
                      f"({check['greedy_value']:,.1f}).", highlight=False)


def compare(args: argparse.Namespace, console: Console, err: Console) -> int:
    import twin
    from twin.core.time import to_local
    from twin.studies.compare import compare as compare_runs
    from twin.studies.compare import input_differences

    def load(name: str):  # noqa: ANN202 - twin.Simulation
        return twin.load_store(args.store, name) if args.store else twin.load(
            name, args.allow_outside_paths)

    require_range("--years", args.years, YEARS)
    require_range("--monte-carlo", args.monte_carlo, MONTE_CARLO_RUNS)
    sims = [load(args.a), load(args.b)]
    differences = input_differences(sims[0].spec, sims[1].spec)
    if differences and not args.allow_different_inputs:
        raise TwinError("A and B differ in more than the what-if, so their difference would "
                        "mix it with other inputs:\n  " + "\n  ".join(differences)
                        + "\ngive --allow-different-inputs to compare anyway (the output is "
                        "labelled)")
    names = [Path(n).stem for n in (args.a, args.b)]
    identity = f"compare of {args.a} and {args.b}"
    out = out_folder(args.out, Path("results") / f"compare-{names[0]}-{names[1]}", identity,
                     args.force)
    results = []
    for label, sim in zip((args.a, args.b), sims, strict=True):
        with err.status(f"Simulating {label}…"):
            results.append(sim.run(years=args.years))
    result = compare_runs(results[0], results[1], names[0], names[1])
    mark_results(out, identity)
    result.by_year.round(3).to_csv(out / "compare.csv")
    result.hours.round(3).to_csv(out / "compare_hours.csv")
    if args.report:
        from twin.report import compare_report

        (out / "report.html").write_text(
            compare_report(result, results[0], results[1], args.lang), encoding="utf-8")

    totals = result.by_year.groupby(level="configuration").sum()
    label = f" (inputs differ: {'; '.join(differences)})" if differences else ""
    table = Table(title=f"{names[1]} minus {names[0]}, whole period{label}", box=box.SIMPLE_HEAD,
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
    for local, (_, row) in zip(to_local(result.hours.index), result.hours.iterrows(),
                               strict=True):
        hours.add_row(f"{local:%Y-%m-%d %H:%M}", f"{row.shared_kwh_a:,.1f}",
                      f"{row.shared_kwh_b:,.1f}", f"{row.diff_kwh:+,.1f}")
    console.print(hours)
    written = ["compare.csv", "compare_hours.csv"] + (["report.html"] if args.report else [])
    if args.monte_carlo:
        _paired(args, sims, out, console, err)
        written.append("compare_montecarlo.csv")
    console.print("Wrote " + ", ".join(str(out / name) for name in written))
    return EXIT_OK


def _paired(args: argparse.Namespace, sims: list, out: Path, console: Console,
            err: Console) -> None:
    from twin.studies.compare import paired_monte_carlo
    from twin.studies.montecarlo import p_values

    with progress_bar(err, "Paired weather years") as say:
        diffs = paired_monte_carlo(sims[0], sims[1], args.monte_carlo, args.years, say)
    diffs.round(3).to_csv(out / "compare_montecarlo.csv")
    p = diffs.groupby(level="configuration", sort=False).apply(p_values)
    table = Table(title=f"B minus A over {args.monte_carlo} paired weather years (P90: "
                  "exceeded in 90 % of years)", box=box.SIMPLE_HEAD, title_justify="left")
    for column in ("configuration", "", "Δ shared MWh", "Δ TIP €", "Δ fund €"):
        table.add_column(column, justify="left" if column == "configuration" else "right")
    for (cid, name), row in p.iterrows():
        table.add_row(str(cid), str(name), f"{row.shared_mwh:+,.1f}",
                      f"{row.premium_eur:+,.0f}", f"{row.fund_eur:+,.0f}")
    console.print(table)


def sweep(args: argparse.Namespace, console: Console, err: Console) -> int:
    from twin.scenario.bounds import MAX_SWEEP_VARIANTS
    from twin.scenario.sweep_file import read_sweep_file

    require_range("--max-variants", args.max_variants, (1, 10_000_000))
    limit = args.max_variants or MAX_SWEEP_VARIANTS
    is_grid = bool(read_sweep_file(args.spec).grid)
    if is_grid:
        from twin.studies.grid import read_grid

        work = read_grid(args.spec, args.allow_outside_paths, limit)
        count = work.size
    else:
        from twin.studies.sweep import load_sweep

        work = load_sweep(args.spec, args.allow_outside_paths, limit)
        count = len(work)
    out = args.out if args.out is not None else Path("results") / f"sweep-{args.spec.stem}.nc"
    if out.suffix not in (".nc", ".zarr"):  # before the work, not after it
        raise TwinError(f"--out {out}: expected a .nc or .zarr path")
    require_range("--workers", args.workers, (1, 1024))
    failure = None
    with _dask_client(args) as client:
        if not args.quiet:
            info = client.scheduler_info()
            err.print(f"Sweep of {count:,} variants on {info['address']} "
                      f"({len(info['workers'])} workers)", highlight=False)
        with progress_bar(err, "Sweep", not args.quiet) as say:
            try:
                result = _run_work(work, is_grid, client, say)
            except SweepError as error:
                result, failure = error.partial, error
    _write_result(result, out, is_grid, args.quiet, console)
    if failure is not None:
        raise failure
    return EXIT_OK


def _run_work(work, is_grid: bool, client, say):  # noqa: ANN001, ANN202 - Grid or variants
    if is_grid:
        from twin.studies.grid import run_grid

        return run_grid(work, client, say)
    from twin.studies.sweep import run_sweep

    return run_sweep(work, client, say)


def _write_result(result, out: Path, is_grid: bool, quiet: bool,  # noqa: ANN001 - Dataset
                  console: Console) -> None:
    from twin.studies.sweep import write_sweep

    if is_grid:
        write_sweep(result, out)
        if not quiet:
            shape = " × ".join(f"{result.sizes[d]} {d}" for d in result.dims)
            console.print(f"Wrote {out}: {shape}; P-values with "
                          "twin.studies.percentiles(ds, dim=\"weather_seed\").", highlight=False)
    elif result.sizes.get("scenario"):
        write_sweep(result, out)
        if not quiet:
            console.print(f"Wrote {out}: {result.sizes['scenario']} variants × "
                          f"{result.sizes['configuration']} configurations.", highlight=False)


@contextmanager
def _dask_client(args: argparse.Namespace) -> Iterator:
    """A client of ``--scheduler``, or of a local cluster of ``--workers`` processes (one
    thread each; all cores by default), closed afterwards."""
    import os

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
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def calibrate(args: argparse.Namespace, console: Console, err: Console) -> int:
    from twin.cli.run import simulation_of
    from twin.studies.calibrate import calibrate as measured_vs_modelled

    if args.apply and args.store is None:
        raise TwinError("--apply needs --store: corrections are appended to a branch")
    sim = simulation_of(args)
    stem = args.branch if args.store is not None else Path(
        sim.spec.provenance["scenario"]).stem
    identity = f"calibrate of {stem}"
    out = out_folder(args.out, Path("results") / f"calibrate-{stem}", identity, args.force)
    with progress_bar(err, "Calibrating") as say:
        result = measured_vs_modelled(sim.spec, say)
    if result.meters.empty:
        raise TwinError(f"{args.store or sim.spec.provenance.get('scenario')}: no meter has "
                        "measured data in the run's period (import some with `cer-twin meters "
                        "import`)")
    mark_results(out, identity)
    result.meters.round(4).to_csv(out / "calibration.csv")
    result.monthly.round(3).to_csv(out / "calibration_monthly.csv")
    table = Table(title=f"Measured vs modelled, {sim.name}", box=box.SIMPLE_HEAD,
                  title_justify="left")
    table.add_column("meter", overflow="fold")
    for column in ("hours", "measured MWh", "model MWh", "ratio", "r", "peak kW"):
        table.add_column(column, justify="right", no_wrap=True)
    for (meter, quantity), row in result.meters.iterrows():
        table.add_row(f"{meter} {quantity}", f"{row.covered_h:,.0f}",
                      f"{row.measured_kwh / 1e3:,.2f}", f"{row.modelled_kwh / 1e3:,.2f}",
                      f"{row.ratio:.3f}", f"{row.r:.2f}",
                      f"{row.peak_measured_kw:,.0f}/{row.peak_modelled_kw:,.0f}")
    console.print(table)
    console.print("ratio = measured / modelled energy over the measured intervals; peak kW "
                  "measured/modelled.", highlight=False)
    for event in result.suggestions:
        what = (f"derate plant {event.plant_id} by {event.factor:.3f}"
                if type(event).__name__ == "PlantDerated"
                else f"member {event.member_id}: annual_kwh {event.annual_kwh:,.0f}")
        console.print(f"suggested: {what}", highlight=False)
    if args.apply and result.suggestions:
        from twin.events.store import existing_store

        with existing_store(args.store) as store:
            appended = store.append(args.branch, result.suggestions)
        console.print(f"Appended events {appended.first_seq}-{appended.last_seq} to branch "
                      f"{args.branch!r}.", highlight=False)
    written = ["calibration.csv", "calibration_monthly.csv"]
    if args.report:
        from twin.report import calibration_report

        (out / "calibration.html").write_text(calibration_report(result, sim.name, args.lang),
                                              encoding="utf-8")
        written.append("calibration.html")
    console.print("Wrote " + ", ".join(str(out / name) for name in written))
    return EXIT_OK
