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
from twin.core.numbers import number
from twin.errors import TwinError

if TYPE_CHECKING:
    import pandas as pd


ROWS_IT = {
    "Members (at end)": "Soci (alla fine)", "Plants kW (at end)": "Impianti kW (fine)",
    "Injected MWh": "Immessa MWh", "Withdrawn MWh": "Prelevata MWh",
    "Shared MWh": "Condivisa MWh", "Shared/injected %": "Condivisa/immessa %",
    "Self-consumed MWh": "Autoconsumo MWh", "Shared/withdrawn %": "Condivisa/prelev. %",
    "Self-sufficiency %": "Autosufficienza %", "TIP premium €": "Premio TIP €",
    "Valorization €": "Valorizzazione €", "GSE fees €": "Corrispettivi GSE €",
    " earmarked (55%) €": " vincolato (55%) €", "RID, producers €": "RID, produttori €",
    "Solidarity fund €": "Fondo solidale €", "Net incentives €": "Incentivi netti €",
    "Community": "Comunità",
}
"""The table's labels in Italian (``run --lang it``)."""

ROWS = [
    ("Members (at end)", "members", "{:,.0f}"),
    ("Plants kW (at end)", "plants_kw", "{:,.0f}"),
    ("Injected MWh", "injected_mwh", "{:,.1f}"),
    ("Withdrawn MWh", "withdrawn_mwh", "{:,.1f}"),
    ("Shared MWh", "shared_mwh", "{:,.1f}"),
    ("Shared/injected %", "shared_pct_of_injected", "{:,.1f}"),
    ("Self-consumed MWh", "self_consumed_mwh", "{:,.1f}"),
    ("Shared/withdrawn %", "shared_pct_of_withdrawn", "{:,.1f}"),
    ("Self-sufficiency %", "self_sufficiency_pct", "{:,.1f}"),
    ("TIP premium €", "premium_eur", "{:,.0f}"),
    ("Valorization €", "valorization_eur", "{:,.0f}"),
    ("GSE fees €", "gse_fees_eur", "{:,.0f}"),
    ("FUND", "fund_eur", "{:,.0f}"),
    (" earmarked (55%) €", "excess_premium_eur", "{:,.0f}"),
    ("RID, producers €", "rid_eur", "{:,.0f}"),
]
"""Rows of the printed table: label, summary column, format."""


LABEL_WIDTH = 19
"""Width of the metric labels of the summary table (its longest label). [characters]"""
COLUMN_WIDTH = 11
"""Width of one configuration's column (a figure up to 1,000,000,000). [characters]"""


def _label(text: str, lang: str) -> str:
    return ROWS_IT.get(text, text) if lang == "it" else text


def summary_tables(title: str, summary: pd.DataFrame, names: dict[str, str],
                   solidarity: bool, width: int, lang: str = "en") -> list[Table]:
    """The summary as tables that fit ``width`` columns: configurations split over several
    tables when they do not fit in one (the community always in the last), never a column
    silently cut."""
    per_table = max(1, (width - LABEL_WIDTH) // COLUMN_WIDTH)
    ids = list(summary.index)
    chunks = [ids[i:i + per_table] for i in range(0, len(ids), per_table)]
    more = " (segue)" if lang == "it" else " (continued)"
    return [_summary_table(title if k == 0 else f"{title}{more}", summary.loc[chunk],
                           names, solidarity, lang) for k, chunk in enumerate(chunks)]


def _summary_table(title: str, summary: pd.DataFrame, names: dict[str, str],
                   solidarity: bool, lang: str = "en") -> Table:
    """Metrics as rows, configurations and the community as columns (fits 80 columns)."""
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, padding=(0, 0),
                  pad_edge=False)
    table.add_column("", no_wrap=True)
    for cid in summary.index:
        header = names.get(str(cid), _label("Community", lang))
        if len(header) > 11:  # break long names at a hyphen or space to fit 80 columns
            sep = "-" if "-" in header else " "
            header = header.replace(sep, "-\n" if sep == "-" else "\n", 1)
        table.add_column(header, justify="right", min_width=COLUMN_WIDTH, overflow="fold",
                         style="bold" if cid == "community" else None)
    fund = "Solidarity fund €" if solidarity else "Net incentives €"
    for label, key, fmt in ROWS:
        label = _label(fund if label == "FUND" else label, lang)
        digits = 1 if ".1f" in fmt else 0
        cells = [fmt.format(v) if lang == "en" else number(v, digits, lang)
                 for v in summary[key]]
        table.add_row(label, *cells, style="bold" if key == "fund_eur" else None)
    return table


def simulation_of(args: argparse.Namespace):  # noqa: ANN201 - twin.Simulation
    """The run a command names: SCENARIO, or --store S --branch B."""
    import twin

    if args.store is not None:
        if args.scenario is not None:
            raise TwinError("give either a SCENARIO or --store, not both")
        return twin.load_store(args.store, args.branch)
    return twin.load(args.scenario, args.allow_outside_paths)


def source_of(args: argparse.Namespace, sim) -> str:  # noqa: ANN001 - twin.Simulation
    """What a command ran, for the output folder's marker: a store branch or a scenario."""
    if args.store is not None:
        return f"branch {args.branch} of {args.store}"
    return str(Path(sim.spec.provenance["scenario"]).resolve())


def run(args: argparse.Namespace, console: Console, err: Console) -> int:
    if not (args.quiet or args.json):  # the first line at once, before the scientific imports
        source = (f"{args.store} (branch {args.branch})" if args.store is not None
                  else args.scenario or "cercami-solidale.toml")
        err.print(f"Loading {source}…", highlight=False)
    sim = simulation_of(args)
    stem = (args.branch if args.store is not None
            else Path(sim.spec.provenance["scenario"]).stem)
    identity = f"run of {source_of(args, sim)}"
    out = out_folder(args.out, Path("results") / stem, identity, args.force)
    require_range("--years", args.years, YEARS)
    require_range("--monte-carlo", args.monte_carlo, MONTE_CARLO_RUNS)
    with progress_bar(err, f"Simulating {sim.name}", not (args.quiet or args.json)) as say:
        result = sim.run(progress=say, years=args.years)
    paths = result.write(out)
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
        err.print(f"[yellow]warning:[/] {warning}", highlight=False)
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
        raise TwinError(f"--pdf: needs headless Chromium (Debian package chromium); {page} "
                        "was written")
    pdf = page.with_suffix(".pdf")
    done = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                           "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                           page.resolve().as_uri()], capture_output=True, timeout=300,
                          check=False)
    if done.returncode != 0 or not pdf.is_file():
        raise TwinError(f"--pdf: Chromium could not print {page} (exit {done.returncode})")
    return pdf


def _monte_carlo(args: argparse.Namespace, sim, out: Path,  # noqa: ANN001 - twin.Simulation
                 console: Console, err: Console) -> Path:
    from twin.studies.montecarlo import weather_monte_carlo

    with progress_bar(err, "Monte Carlo", not (args.quiet or args.json)) as say:
        per_run, p = weather_monte_carlo(sim, args.monte_carlo, progress=say, years=args.years)
    per_run.round(3).to_csv(out / "montecarlo.csv")
    p.round(3).to_csv(out / "montecarlo_p_values.csv")
    p.attrs["plant_npv_eur"].T.round(0).to_csv(out / "montecarlo_plant_npv.csv")
    if not args.quiet:
        mc = Table(title=f"Community over {args.monte_carlo} weather years (P90: exceeded in "
                   "90 % of years, the prudent figure)", box=box.SIMPLE_HEAD,
                   title_justify="left")
        for column in ("", "shared MWh", "TIP €", "fund €", "NPV €"):
            mc.add_column(column, justify="right")
        for name, row in p.loc["community"].iterrows():
            mc.add_row(str(name), f"{row.shared_mwh:,.1f}", f"{row.premium_eur:,.0f}",
                       f"{row.fund_eur:,.0f}", f"{row.npv_eur:,.0f}")
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
    sim_settings = sim.spec.settings.simulation
    if args.years is not None:
        sim_settings = sim_settings.with_years(args.years)
    where = (f"store branch {args.branch!r}" if args.store is not None else "")
    title = (f"{sim.name}{', ' + where if where else ''}, {sim_settings.start} to "
             f"{sim_settings.end} (excl.), {sim_settings.time_step} steps, seed "
             f"{sim_settings.seed}")
    names = {c.configuration_id: c.name for c in sim.spec.configurations}
    for table in summary_tables(title, result.summary, names, sim.spec.community.solidarity,
                                console.width, args.lang):
        console.print(table)
    cash = result.cash_timeline
    settlements = cash.loc[cash["settlement_eur"] != 0, "settlement_eur"]
    advances = cash["payment_eur"].sum() - settlements.sum()
    console.print(
        f"GSE cash: advances net of fees € {advances:,.0f}; {len(settlements)} yearly "
        f"settlement(s) € {settlements.sum():,.0f}; total € {cash['payment_eur'].sum():,.0f} "
        "(monthly in cashflow.csv).")
    if args.years is not None and args.years > 1:
        from twin.sim.results import yearly_table

        yearly = yearly_table(result.dataset).groupby(level="year").sum()
        changes = result.events_by_year.reindex(yearly.index, fill_value=0)
        table = Table(title="Community by year (members joined and left, plant outages)",
                      box=box.SIMPLE_HEAD, title_justify="left")
        for column in ("year", "shared MWh", "TIP €", "fund €", "joined", "left", "outages"):
            table.add_column(column, justify="right")
        for (year, row), (_, change) in zip(yearly.iterrows(), changes.iterrows(), strict=True):
            table.add_row(str(year), f"{row.shared_mwh:,.1f}", f"{row.premium_eur:,.0f}",
                          f"{row.fund_eur:,.0f}", f"{change.members_joined:,}",
                          f"{change.members_left:,}", f"{change.plant_outages:,}")
        console.print(table)
    fund, projects = result.fund, result.projects
    done = projects[projects["funded"] != ""]
    console.print(
        f"Solidarity fund: inflows € {fund['inflow_eur'].sum():,.0f}; to "
        f"{int(fund['families'].max()) if len(fund) else 0} energy-poor families "
        f"€ {fund['support_paid_eur'].sum():,.0f}; to projects € {done['cost_eur'].sum():,.0f} "
        f"({len(done)} of {len(projects)} funded); balance at the end "
        f"€ {fund['balance_eur'].iloc[-1]:,.0f} (fund.csv, projects.csv).")
    _print_families(result, sim.spec.settings.fund.family_support.income_eur_per_year, console)
    console.print(f"Weather: {result.dataset.attrs['weather_source']}; "
                  f"prices: {result.dataset.attrs['price_source']}.")
    console.print("Wrote " + ", ".join(str(p) for p in paths.values()))


def _print_families(result, income_eur: float,  # noqa: ANN001 - RunResult
                    console: Console) -> None:
    from twin.sim.members import family_indicators

    f = family_indicators(result.dataset, result.fund, income_eur)
    if f["families"]:
        console.print(
            f"An energy-poor family's bill: € {f['bill_eur_per_family_year']:,.0f} a year "
            f"(after the bonus sociale), {f['burden_pct']:.1f} % of an assumed income of "
            f"€ {income_eur:,.0f}; support from the fund € "
            f"{f['support_eur_per_family_year']:,.0f} a year, leaving "
            f"{f['burden_after_support_pct']:.1f} % (bills.csv, members.csv).")
    avoided = result.dataset["avoided_bill_eur"].sum().item()
    if avoided > 0:
        console.print(f"Self-consumption behind members' meters avoids € {avoided:,.0f} of "
                      "their bills (members.csv; counted in finance.csv).")


def explain(args: argparse.Namespace, console: Console, err: Console) -> int:
    from twin.sim.explain import explain_hour, parse_hour

    hour = parse_hour(args.hour)
    sim = simulation_of(args)
    with err.status(f"Simulating {sim.name}…"):
        result = sim.run()
    console.print(explain_hour(result.dataset, hour, args.configuration), highlight=False,
                  markup=False)
    return EXIT_OK


