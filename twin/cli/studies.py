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
from twin.core.locale import Say
from twin.errors import SweepError, Text, TwinError


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
    say = Say(args.lang)
    with progress_bar(err, say("expand.progress"), say=say) as progress:
        evaluator = Evaluator(sim.spec, progress)
        ranking, curves = evaluate(sim.spec, candidates, progress, evaluator)
        plan = greedy(evaluator, candidates, args.objective, progress)
        check = exhaustive_check(evaluator, candidates, plan, args.objective)
    mark_results(out, identity)
    ranking.round(3).to_csv(out / "ranking.csv")
    curves.round(3).to_csv(out / "sizing_curves.csv", index=False)
    table = Table(title=say("expand.title", name=sim.name, years=candidates.finance.years,
                            rate=say.g(candidates.finance.discount_rate_pct)),
                  box=box.SIMPLE_HEAD, title_justify="left")
    table.add_column("#", justify="right")
    table.add_column(say("col.candidate"), overflow="fold", max_width=22)
    for column in ("kWp", "col.d_mwh_year", "col.d_tip_year", "col.npv_eur", "col.irr_pct",
                   "col.saturates"):
        table.add_column(say.text.get(column, column), justify="right", no_wrap=True)
    for rank, row in ranking.iterrows():
        irr = "-" if row.irr_pct is None or pd.isna(row.irr_pct) else say.n(row.irr_pct, 1)
        saturates = ("-" if row.saturation_kwp is None or pd.isna(row.saturation_kwp)
                     else f"{say.g(row.saturation_kwp)} kWp")
        table.add_row(str(rank), _label(row), say.g(row.kwp) if row.kwp else "-",
                      say.n(row.shared_mwh, 1), say.n(row.premium_eur), say.n(row.npv_eur),
                      irr, saturates)
    console.print(table)
    for _, row in ranking[ranking["kind"] == "roof"].iterrows():
        console.print(sizing_summary(row, candidates.saturation_fraction, args.lang),
                      soft_wrap=True, highlight=False)
    plan.round(3).to_csv(out / "portfolio.csv")
    _print_portfolio(plan, check, args.objective, console, say)
    console.print(say("expand.wrote", ranking=out / "ranking.csv",
                      curves=out / "sizing_curves.csv", portfolio=out / "portfolio.csv"),
                  highlight=False)
    return EXIT_OK


def _print_portfolio(plan, check: dict | None, objective: str,  # noqa: ANN001 - DataFrame
                     console: Console, say: Say) -> None:
    table = Table(title=say("portfolio.title", objective=objective),
                  box=box.SIMPLE_HEAD, title_justify="left")
    table.add_column("#", justify="right")
    table.add_column(say("col.candidate"), overflow="fold", max_width=22)
    for column in ("kWp", "col.d_mwh_year", "col.d_fund_year", "col.npv_eur",
                   "col.sum_mwh_year", "col.sum_npv_eur"):
        table.add_column(say.text.get(column, column), justify="right", no_wrap=True)
    for step, row in plan.iterrows():
        table.add_row(str(step), _label(row), say.g(row.kwp) if row.kwp else "-",
                      say.n(row.shared_mwh, 1), say.n(row.fund_eur), say.n(row.npv_eur),
                      say.n(row.cumulative_shared_mwh, 1), say.n(row.cumulative_npv_eur))
    console.print(table)
    if check is None:
        text = say("portfolio.unchecked")
    elif check["agrees"]:
        text = say("portfolio.agrees", value=say.n(check["greedy_value"], 1))
    else:
        text = say("portfolio.differs", best=", ".join(check["best"]),
                   best_value=say.n(check["best_value"], 1), greedy=", ".join(check["greedy"]),
                   greedy_value=say.n(check["greedy_value"], 1))
    console.print(text, highlight=False)


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
        raise TwinError([Text("A and B differ in more than the what-if, so their difference "
                              "would mix it with other inputs:")]
                        + [f"  {d}" for d in differences]
                        + [Text("give --allow-different-inputs to compare anyway (the output "
                                "is labelled)")])
    names = [Path(n).stem for n in (args.a, args.b)]
    identity = f"compare of {args.a} and {args.b}"
    out = out_folder(args.out, Path("results") / f"compare-{names[0]}-{names[1]}", identity,
                     args.force)
    say = Say(args.lang)
    results = []
    for label, sim in zip((args.a, args.b), sims, strict=True):
        with err.status(say("cli.simulating", name=label) + "…"):
            results.append(sim.run(years=args.years))
    result = compare_runs(results[0], results[1], names[0], names[1])
    mark_results(out, identity)
    result.by_year.round(3).to_csv(out / "compare.csv")
    result.hours.round(3).to_csv(out / "compare_hours.csv")
    if args.report:
        from twin.report import compare_report

        (out / "report.html").write_text(
            compare_report(result, results[0], results[1], args.lang), encoding="utf-8")

    console.print(_difference_table(result.by_year, names, differences, say))
    hours = Table(title=say("compare.hours"), box=box.SIMPLE_HEAD, title_justify="left")
    for column in (say("col.hour"), f"{names[0]} kWh", f"{names[1]} kWh", "Δ kWh"):
        hours.add_column(column, justify="right")
    for local, (_, row) in zip(to_local(result.hours.index), result.hours.iterrows(),
                               strict=True):
        hours.add_row(f"{local:%Y-%m-%d %H:%M}", say.n(row.shared_kwh_a, 1),
                      say.n(row.shared_kwh_b, 1), say.n(row.diff_kwh, 1, signed=True))
    console.print(hours)
    written = ["compare.csv", "compare_hours.csv"] + (["report.html"] if args.report else [])
    if args.monte_carlo:
        _paired(args, sims, out, console, err)
        written.append("compare_montecarlo.csv")
    console.print(say("cli.wrote", files=", ".join(str(out / name) for name in written)),
                  highlight=False)
    return EXIT_OK


def _paired(args: argparse.Namespace, sims: list, out: Path, console: Console,
            err: Console) -> None:
    from twin.studies.compare import paired_monte_carlo
    from twin.studies.montecarlo import p_values

    say = Say(args.lang)
    with progress_bar(err, say("compare.paired_progress"), say=say) as progress:
        diffs = paired_monte_carlo(sims[0], sims[1], args.monte_carlo, args.years, progress)
    diffs.round(3).to_csv(out / "compare_montecarlo.csv")
    p = diffs.groupby(level="configuration", sort=False).apply(p_values)
    table = Table(title=say("compare.paired", runs=say.n(args.monte_carlo)),
                  box=box.SIMPLE_HEAD, title_justify="left")
    for column in ("configuration", "", "d_shared_mwh", "d_tip_eur", "d_fund_eur"):
        table.add_column(say(f"col.{column}") if column else "",
                         justify="left" if column == "configuration" else "right")
    for (cid, name), row in p.iterrows():
        table.add_row(str(cid), str(name), say.n(row.shared_mwh, 1, signed=True),
                      say.n(row.premium_eur, signed=True), say.n(row.fund_eur, signed=True))
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
        raise TwinError(Text("--out {out}: expected a .nc or .zarr path", out=out))
    require_range("--workers", args.workers, (1, 1024))
    failure = None
    say = Say(args.lang)
    with _dask_client(args) as client:
        if not args.quiet:
            info = client.scheduler_info()
            err.print(say("sweep.start", count=say.n(count), address=info["address"],
                          workers=say.n(len(info["workers"]))), highlight=False)
        with progress_bar(err, say("sweep.progress"), not args.quiet, say) as progress:
            try:
                result = _run_work(work, is_grid, client, progress)
            except SweepError as error:
                result, failure = error.partial, error
    _write_result(result, out, is_grid, None if args.quiet else say, console)
    if failure is not None:
        raise failure
    return EXIT_OK


def _run_work(work, is_grid: bool, client, progress):  # noqa: ANN001, ANN202 - Grid, variants
    if is_grid:
        from twin.studies.grid import run_grid

        return run_grid(work, client, progress)
    from twin.studies.sweep import run_sweep

    return run_sweep(work, client, progress)


def _write_result(result, out: Path, is_grid: bool, say: Say | None,  # noqa: ANN001 - Dataset
                  console: Console) -> None:
    """Write the sweep's Dataset and say what it holds (nothing said when ``say`` is None)."""
    from twin.studies.sweep import write_sweep

    if is_grid:
        write_sweep(result, out)
        if say is not None:
            shape = " × ".join(f"{result.sizes[d]} {d}" for d in result.dims)
            console.print(say("sweep.wrote_grid", out=out, shape=shape), highlight=False)
    elif result.sizes.get("scenario"):
        write_sweep(result, out)
        if say is not None:
            console.print(say("sweep.wrote_list", out=out,
                              variants=say.n(result.sizes["scenario"]),
                              configurations=say.n(result.sizes["configuration"])),
                          highlight=False)


def _difference_table(by_year, names: list[str], differences: list[str],  # noqa: ANN001
                      say: Say) -> Table:
    """B minus A by configuration and for the community, over the whole period."""
    totals = by_year.groupby(level="configuration").sum()
    differ = say("compare.differ", what="; ".join(differences)) if differences else ""
    table = Table(title=say("compare.title", a=names[0], b=names[1], differ=differ),
                  box=box.SIMPLE_HEAD, title_justify="left")
    columns = ("shared_mwh", "premium_eur", "valorization_eur", "fund_eur")
    for column in ("configuration", "d_shared_mwh", "d_tip_eur", "d_valorization_eur",
                   "d_fund_eur"):
        table.add_column(say(f"col.{column}"),
                         justify="left" if column == "configuration" else "right")
    for cid, row in totals.iterrows():
        table.add_row(str(cid), *(say.n(row[f"{c}_diff"], 1 if c == "shared_mwh" else 0,
                                        signed=True) for c in columns))
    table.add_row(say("row.community"), *(
        say.n(totals[f"{c}_diff"].sum(), 1 if c == "shared_mwh" else 0, signed=True)
        for c in columns), style="bold")
    return table


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
            raise TwinError(Text("--scheduler {address}: cannot connect ({error})",
                                 address=args.scheduler, error=error)) from None
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
        raise TwinError(Text("--apply needs --store: corrections are appended to a branch"))
    sim = simulation_of(args)
    stem = args.branch if args.store is not None else Path(
        sim.spec.provenance["scenario"]).stem
    identity = f"calibrate of {stem}"
    out = out_folder(args.out, Path("results") / f"calibrate-{stem}", identity, args.force)
    say = Say(args.lang)
    with progress_bar(err, say("calibrate.progress"), say=say) as progress:
        result = measured_vs_modelled(sim.spec, progress)
    if result.meters.empty:
        raise TwinError(Text("{source}: no meter has measured data in the run's period "
                             "(import some with `cer-twin meters import`)",
                             source=args.store or sim.spec.provenance.get("scenario")))
    mark_results(out, identity)
    result.meters.round(4).to_csv(out / "calibration.csv")
    result.monthly.round(3).to_csv(out / "calibration_monthly.csv")
    console.print(_calibration_table(result.meters, sim.name, say))
    console.print(say("calibrate.legend"), highlight=False)
    for event in result.suggestions:
        console.print(say("calibrate.derate", plant=event.plant_id, factor=say.n(event.factor, 3))
                      if type(event).__name__ == "PlantDerated" else
                      say("calibrate.rescale", member=event.member_id,
                          kwh=say.n(event.annual_kwh)), highlight=False)
    if args.apply and result.suggestions:
        from twin.events.store import existing_store

        with existing_store(args.store) as store:
            appended = store.append(args.branch, result.suggestions)
        console.print(say("calibrate.appended", first=appended.first_seq,
                          last=appended.last_seq, branch=args.branch), highlight=False)
    written = ["calibration.csv", "calibration_monthly.csv"]
    if args.report:
        from twin.report import calibration_report

        (out / "calibration.html").write_text(calibration_report(result, sim.name, args.lang),
                                              encoding="utf-8")
        written.append("calibration.html")
    console.print(say("cli.wrote", files=", ".join(str(out / name) for name in written)),
                  highlight=False)
    return EXIT_OK


def _calibration_table(meters, name: str, say: Say) -> Table:  # noqa: ANN001 - DataFrame
    """Each meter measured against the model, over its measured intervals."""
    table = Table(title=say("calibrate.title", name=name), box=box.SIMPLE_HEAD,
                  title_justify="left")
    table.add_column(say("col.meter"), overflow="fold")
    for column in ("hours", "measured_mwh", "model_mwh", "ratio", "r", "peak_kw"):
        table.add_column(say.text.get(f"col.{column}", column), justify="right", no_wrap=True)
    for (meter, quantity), row in meters.iterrows():
        table.add_row(f"{meter} {quantity}", say.n(row.covered_h),
                      say.n(row.measured_kwh / 1e3, 2), say.n(row.modelled_kwh / 1e3, 2),
                      say.n(row.ratio, 3), say.n(row.r, 2),
                      f"{say.n(row.peak_measured_kw)}/{say.n(row.peak_modelled_kw)}")
    return table
