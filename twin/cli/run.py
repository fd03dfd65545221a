"""``cer-twin run`` and ``cer-twin explain``: a run's tables in the terminal."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.table import Table

from twin._version import __version__
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
from twin.errors import Text, TwinError

if TYPE_CHECKING:
    import pandas as pd


ROWS = [
    ("row.members", "members", 0),
    ("row.plants_kw", "plants_kw", 0),
    ("row.injected", "injected_mwh", 1),
    ("row.withdrawn", "withdrawn_mwh", 1),
    ("row.shared", "shared_mwh", 1),
    ("row.shared_pct", "shared_pct_of_injected", 1),
    ("row.self_consumed", "self_consumed_mwh", 1),
    ("row.shared_withdrawn", "shared_pct_of_withdrawn", 1),
    ("row.self_sufficiency", "self_sufficiency_pct", 1),
    ("row.premium", "premium_eur", 0),
    ("row.valorization", "valorization_eur", 0),
    ("row.fees", "gse_fees_eur", 0),
    ("FUND", "fund_eur", 0),
    ("row.earmarked", "excess_premium_eur", 0),
    ("row.rid", "rid_eur", 0),
]
"""Rows of the printed table: label (catalogue key), summary column, decimals."""


LABEL_WIDTH = 19
"""Width of the metric labels of the summary table (its longest label). [characters]"""
COLUMN_WIDTH = 11
"""Width of one configuration's column (a figure up to 1,000,000,000). [characters]"""


def summary_tables(title: str, summary: pd.DataFrame, names: dict[str, str],
                   solidarity: bool, width: int, lang: str = "en") -> list[Table]:
    """The summary as tables that fit ``width`` columns: configurations split over several
    tables when they do not fit in one (the community always in the last), never a column
    silently cut."""
    per_table = max(1, (width - LABEL_WIDTH) // COLUMN_WIDTH)
    ids = list(summary.index)
    chunks = [ids[i:i + per_table] for i in range(0, len(ids), per_table)]
    more = Say(lang)("run.continued")
    return [_summary_table(title if k == 0 else f"{title}{more}", summary.loc[chunk],
                           names, solidarity, lang) for k, chunk in enumerate(chunks)]


def _summary_table(title: str, summary: pd.DataFrame, names: dict[str, str],
                   solidarity: bool, lang: str = "en") -> Table:
    """Metrics as rows, configurations and the community as columns (fits 80 columns)."""
    say = Say(lang)
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, padding=(0, 0),
                  pad_edge=False)
    table.add_column("", no_wrap=True)
    for cid in summary.index:
        header = names.get(str(cid), say("row.community"))
        if len(header) > 11:  # break long names at a hyphen or space to fit 80 columns
            sep = "-" if "-" in header else " "
            header = header.replace(sep, "-\n" if sep == "-" else "\n", 1)
        table.add_column(header, justify="right", min_width=COLUMN_WIDTH, overflow="fold",
                         style="bold" if cid == "community" else None)
    fund = "row.fund" if solidarity else "row.net"
    for label, key, digits in ROWS:
        cells = [say.n(v, digits) for v in summary[key]]
        table.add_row(say(fund if label == "FUND" else label), *cells,
                      style="bold" if key == "fund_eur" else None)
    return table


def simulation_of(args: argparse.Namespace):  # noqa: ANN201 - twin.Simulation
    """The run a command names: SCENARIO, or --store S --branch B."""
    import twin

    if args.store is not None:
        if args.scenario is not None:
            raise TwinError(Text("give either a SCENARIO or --store, not both"))
        return twin.load_store(args.store, args.branch)
    return twin.load(args.scenario, args.allow_outside_paths)


def source_of(args: argparse.Namespace, sim) -> str:  # noqa: ANN001 - twin.Simulation
    """What a command ran, for the output folder's marker: a store branch or a scenario."""
    if args.store is not None:
        return f"branch {args.branch} of {args.store}"
    return str(Path(sim.spec.provenance["scenario"]).resolve())


def run(args: argparse.Namespace, console: Console, err: Console) -> int:
    say = Say(args.lang)
    if not (args.quiet or args.json):  # the first line at once, before the scientific imports
        source = (say("cli.store_branch", store=args.store, branch=args.branch)
                  if args.store is not None else args.scenario or "cercami-solidale.toml")
        err.print(say("cli.loading", source=source), highlight=False)
    sim = simulation_of(args)
    stem = (args.branch if args.store is not None
            else Path(sim.spec.provenance["scenario"]).stem)
    identity = f"run of {source_of(args, sim)}"
    out = out_folder(args.out, Path("results") / stem, identity, args.force)
    require_range("--years", args.years, YEARS)
    require_range("--monte-carlo", args.monte_carlo, MONTE_CARLO_RUNS)
    with progress_bar(err, say("cli.simulating", name=sim.name),
                      not (args.quiet or args.json), say=say) as progress:
        result = sim.run(progress=progress, years=args.years)
    paths = result.write(out, compress=args.compress)
    mark_results(out, identity)
    if args.monte_carlo:
        paths["montecarlo"] = _monte_carlo(args, sim, out, console, err)
        paths["montecarlo_p_values"] = out / "montecarlo_p_values.csv"
        paths["montecarlo_plant_npv"] = out / "montecarlo_plant_npv.csv"
    if args.audit:
        from twin.sim.results import audit_table

        paths["audit"] = out / "audit.csv"
        audit_table(result.dataset).to_csv(paths["audit"], index=False)
    if args.report or args.pdf:
        from twin.report import run_report

        paths["report"] = out / "report.html"
        paths["report"].write_text(run_report(result, sim.name, args.lang), encoding="utf-8")
        if args.pdf:
            paths["pdf"] = print_to_pdf(paths["report"])
    for warning in result.warnings:
        err.print(f"[yellow]{say('cli.warning')}[/] {say.message(warning)}", highlight=False)
    if args.json:
        _print_json(sim, result, paths)
    elif not args.quiet:
        _print_run(args, sim, result, paths, console)
    return EXIT_OK


def print_to_pdf(page: Path) -> Path:
    """``page`` printed to PDF by headless Chromium (decisions.md: the renderer the report is
    checked with; no PDF library to install)."""
    import shutil
    import subprocess

    browser = next((found for name in ("chromium", "chromium-browser", "google-chrome")
                    if (found := shutil.which(name))), None)
    if browser is None:
        raise TwinError(Text("--pdf: needs headless Chromium (Debian package chromium); "
                             "{page} was written", page=page))
    pdf = page.with_suffix(".pdf")
    done = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                           "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                           page.resolve().as_uri()], capture_output=True, timeout=300,
                          check=False)
    if done.returncode != 0 or not pdf.is_file():
        raise TwinError(Text("--pdf: Chromium could not print {page} (exit {code})", page=page,
                             code=done.returncode))
    return pdf


def _monte_carlo(args: argparse.Namespace, sim, out: Path,  # noqa: ANN001 - twin.Simulation
                 console: Console, err: Console) -> Path:
    from twin.studies.montecarlo import weather_monte_carlo

    say = Say(args.lang)
    with progress_bar(err, say("run.monte_carlo_progress"),
                      not (args.quiet or args.json), say=say) as progress:
        per_run, p = weather_monte_carlo(sim, args.monte_carlo, progress=progress,
                                         years=args.years)
    per_run.round(3).to_csv(out / "montecarlo.csv")
    p.round(3).to_csv(out / "montecarlo_p_values.csv")
    p.attrs["plant_npv_eur"].T.round(0).to_csv(out / "montecarlo_plant_npv.csv")
    if not args.quiet:
        mc = Table(title=say("run.monte_carlo", runs=say.n(args.monte_carlo)),
                   box=box.SIMPLE_HEAD, title_justify="left")
        for column in ("", "col.shared_mwh", "col.tip_eur", "col.fund_eur", "col.npv_eur"):
            mc.add_column(say(column) if column else "", justify="right")
        for name, row in p.loc["community"].iterrows():
            mc.add_row(str(name), say.n(row.shared_mwh, 1), say.n(row.premium_eur),
                       say.n(row.fund_eur), say.n(row.npv_eur))
        console.print(mc)
    return out / "montecarlo.csv"


def _print_json(sim, result, paths: dict[str, Path]) -> None:  # noqa: ANN001
    import json

    document = {"community": sim.name, "version": __version__,
                "provenance": {k: str(v) for k, v in result.dataset.attrs.items()
                               if k in ("scenario", "scenario_sha256", "store", "branch",
                                        "head_seq", "seed")},
                "summary": json.loads(result.summary.to_json(orient="index")),
                "files": {k: str(v) for k, v in paths.items()}}
    print(json.dumps(document, indent=2, ensure_ascii=False))  # noqa: T201 - the output


def _print_run(args: argparse.Namespace, sim, result,  # noqa: ANN001 - Simulation, RunResult
               paths: dict[str, Path], console: Console) -> None:
    say = Say(args.lang)
    settings = sim.spec.settings.simulation
    if args.years is not None:
        settings = settings.with_years(args.years)
    where = say("run.where", branch=args.branch) if args.store is not None else ""
    title = say("run.title", name=sim.name, where=where, start=say.date(settings.start),
                end=say.date(settings.end), step=settings.time_step, seed=settings.seed)
    names = {c.configuration_id: c.name for c in sim.spec.configurations}
    for table in summary_tables(title, result.summary, names, sim.spec.community.solidarity,
                                console.width, args.lang):
        console.print(table)
    cash = result.cash_timeline
    settlements = cash.loc[cash["settlement_eur"] != 0, "settlement_eur"]
    console.print(say("run.cash", advances=say.eur(cash["payment_eur"].sum() - settlements.sum()),
                      count=say.n(len(settlements)), settlements=say.eur(settlements.sum()),
                      total=say.eur(cash["payment_eur"].sum())), highlight=False)
    if args.years is not None and args.years > 1:
        console.print(_yearly_table(result, say))
    fund, projects = result.fund, result.projects
    done = projects[projects["funded"] != ""]
    console.print(say(
        "run.fund", inflows=say.eur(fund["inflow_eur"].sum()),
        families=say.n(int(fund["families"].max()) if len(fund) else 0),
        support=say.eur(fund["support_paid_eur"].sum()), projects=say.eur(done["cost_eur"].sum()),
        done=say.n(len(done)), total=say.n(len(projects)),
        balance=say.eur(fund["balance_eur"].iloc[-1])), highlight=False)
    _print_families(result, sim.spec.settings.fund.family_support.income_eur_per_year, say,
                    console)
    console.print(say("run.sources", weather=result.dataset.attrs["weather_source"],
                      prices=result.dataset.attrs["price_source"]), highlight=False)
    console.print(say("cli.wrote", files=", ".join(str(p) for p in paths.values())),
                  highlight=False)


def _yearly_table(result, say: Say) -> Table:  # noqa: ANN001 - RunResult
    """The community year by year, with the changes of each year."""
    from twin.sim.results import yearly_table

    yearly = yearly_table(result.dataset).groupby(level="year").sum()
    changes = result.events_by_year.reindex(yearly.index, fill_value=0)
    table = Table(title=say("run.by_year"), box=box.SIMPLE_HEAD, title_justify="left")
    for column in ("year", "shared_mwh", "tip_eur", "fund_eur", "joined", "left", "outages"):
        table.add_column(say(f"col.{column}"), justify="right")
    for (year, row), (_, change) in zip(yearly.iterrows(), changes.iterrows(), strict=True):
        table.add_row(str(year), say.n(row.shared_mwh, 1), say.n(row.premium_eur),
                      say.n(row.fund_eur), say.n(change.members_joined),
                      say.n(change.members_left), say.n(change.plant_outages))
    return table


def _print_families(result, income_eur: float, say: Say,  # noqa: ANN001 - RunResult
                    console: Console) -> None:
    from twin.sim.members import family_indicators

    f = family_indicators(result.dataset, result.fund, income_eur)
    if f["families"]:
        console.print(say(
            "run.family", bill=say.eur(f["bill_eur_per_family_year"]),
            burden=say.n(f["burden_pct"], 1), income=say.eur(income_eur),
            support=say.eur(f["support_eur_per_family_year"]),
            after=say.n(f["burden_after_support_pct"], 1)), highlight=False)
    avoided = result.dataset["avoided_bill_eur"].sum().item()
    if avoided > 0:
        console.print(say("run.avoided", avoided=say.eur(avoided)), highlight=False)


def explain(args: argparse.Namespace, console: Console, err: Console) -> int:
    from twin.sim.explain import explain_hour, parse_hour

    hour = parse_hour(args.hour)
    sim = simulation_of(args)
    with err.status(Say(args.lang)("cli.simulating", name=sim.name) + "…"):
        result = sim.run()
    console.print(explain_hour(result.dataset, hour, args.configuration, args.lang),
                  highlight=False, markup=False)
    return EXIT_OK


