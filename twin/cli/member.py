"""``cer-twin member ID``: one member's period in the terminal."""

from __future__ import annotations

import argparse

from rich import box
from rich.console import Console
from rich.table import Table

from twin.cli.codes import EXIT_OK, YEARS, require_range
from twin.cli.run import simulation_of
from twin.errors import TwinError


def member(args: argparse.Namespace, console: Console, err: Console) -> int:
    from twin.sim.members import member_table

    require_range("--years", args.years, YEARS)
    sim = simulation_of(args)
    with err.status(f"Simulating {sim.name}…"):
        result = sim.run(years=args.years)
    ds = result.dataset
    ids = [str(m) for m in ds["member"].to_numpy()]
    if args.member_id not in ids:
        close = [m for m in ids if args.member_id.lower() in m.lower()][:8]
        raise TwinError(f"ID: no member {args.member_id!r} in {sim.name}; expected one of the "
                        f"{len(ids)} member ids (see members.csv)"
                        + (f", e.g. {', '.join(close)}" if close else ""))
    row = member_table(ds, result.fund.attrs.get("support_paid_by_member_eur", {})) \
        .loc[args.member_id]
    one = ds.sel(member=args.member_id)
    console.print(f"[bold]{args.member_id}[/] ({row.category}, configuration "
                  f"{row.configuration}), {row.active_days:,.0f} days a member", highlight=False)
    console.print(
        f"Consumption {row.consumption_kwh:,.0f} kWh: withdrawn {row.withdrawn_kwh:,.0f} kWh, "
        f"self-consumed from its own plant {row.self_consumed_kwh:,.0f} kWh. Its part of the "
        f"configuration's shared energy {row.shared_kwh:,.0f} kWh (pro rata of withdrawal by "
        "month and band).", highlight=False)
    table = Table(box=box.SIMPLE_HEAD, title="Bills by month (€, taxes included)",
                  title_justify="left")
    for column in ("month", "days", "withdrawn kWh", "bill €", "without own plant €"):
        table.add_column(column, justify="right")
    bill = one["bill_eur"].sel(bill_component="total_eur").to_numpy()
    avoided = one["avoided_bill_eur"].to_numpy()
    days = one["member_active_days"].to_numpy()
    withdrawn = one["member_withdrawn_by_band_kwh"].sum("band").to_numpy()
    for k, month in enumerate(ds["month"].to_numpy()):
        if days[k] > 0:
            table.add_row(str(month), f"{days[k]:.0f}", f"{withdrawn[k]:,.0f}",
                          f"{bill[k]:,.2f}", f"{bill[k] + avoided[k]:,.2f}")
    console.print(table)
    console.print(
        f"Bills € {row.bill_eur:,.2f} (bonus sociale deducted € {row.bonus_sociale_eur:,.2f}); "
        f"without its own plant € {row.cost_eur + row.avoided_by_own_plant_eur:,.2f}"
        + (" (net of recoverable VAT)" if row.cost_eur != row.bill_eur else "")
        + f"; support from the solidarity fund € {row.support_received_eur:,.2f}; after it "
        f"€ {row.bill_after_support_eur:,.2f}. Community membership itself does not change a "
        "bill: shared energy is settled virtually and its incentive goes to the community.",
        highlight=False)
    return EXIT_OK
