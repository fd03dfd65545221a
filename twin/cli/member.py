"""``cer-twin member ID``: one member's period in the terminal."""

from __future__ import annotations

import argparse

from rich import box
from rich.console import Console
from rich.table import Table

from twin.cli.codes import EXIT_OK, YEARS, require_range
from twin.cli.run import simulation_of
from twin.core.locale import Say
from twin.errors import Text, TwinError


def member(args: argparse.Namespace, console: Console, err: Console) -> int:
    from twin.sim.members import member_table

    require_range("--years", args.years, YEARS)
    sim = simulation_of(args)
    with err.status(Say(args.lang)("cli.simulating", name=sim.name) + "…"):
        result = sim.run(years=args.years)
    ds = result.dataset
    ids = [str(m) for m in ds["member"].to_numpy()]
    if args.member_id not in ids:
        close = [m for m in ids if args.member_id.lower() in m.lower()][:8]
        raise TwinError(Text("ID: no member {member!r} in {name}; expected one of the {count} "
                             "member ids (see members.csv){close}", member=args.member_id,
                             name=sim.name, count=len(ids), close=Text(
                                 ", e.g. {ids}", ids=", ".join(close)) if close else ""))
    row = member_table(ds, result.fund.attrs.get("support_paid_by_member_eur", {})) \
        .loc[args.member_id]
    say = Say(args.lang)
    category = say(f"category.{row.category}")
    console.print(say("member.head", member=args.member_id, category=category,
                      configuration=row.configuration, days=say.n(row.active_days)),
                  highlight=False)
    console.print(say("member.energy", consumption=say.n(row.consumption_kwh),
                      withdrawn=say.n(row.withdrawn_kwh),
                      self_consumed=say.n(row.self_consumed_kwh), shared=say.n(row.shared_kwh)),
                  highlight=False)
    console.print(_monthly_bills(ds.sel(member=args.member_id), ds["month"].to_numpy(), say))
    console.print(say(
        "member.bills", bill=say.eur(row.bill_eur, 2), bonus=say.eur(row.bonus_sociale_eur, 2),
        without=say.eur(row.cost_eur + row.avoided_by_own_plant_eur, 2),
        vat=say("member.vat") if row.cost_eur != row.bill_eur else "",
        support=say.eur(row.support_received_eur, 2),
        after=say.eur(row.bill_after_support_eur, 2)), highlight=False)
    return EXIT_OK


def _monthly_bills(one, months, say: Say) -> Table:  # noqa: ANN001 - one member's Dataset
    """The member's bill by month, with and without its own plant."""
    table = Table(box=box.SIMPLE_HEAD, title=say("member.bills_title"), title_justify="left")
    for column in ("month", "days", "withdrawn_kwh", "bill_eur", "without_plant_eur"):
        table.add_column(say(f"col.{column}"), justify="right")
    bill = one["bill_eur"].sel(bill_component="total_eur").to_numpy()
    avoided = one["avoided_bill_eur"].to_numpy()
    days = one["member_active_days"].to_numpy()
    withdrawn = one["member_withdrawn_by_band_kwh"].sum("band").to_numpy()
    for k, month in enumerate(months):
        if days[k] > 0:
            table.add_row(say.month(month), say.n(days[k]), say.n(withdrawn[k]), say.n(bill[k], 2),
                          say.n(bill[k] + avoided[k], 2))
    return table
