"""``cer-twin events``, ``branch`` and ``state``: the event store from the shell."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich import box
from rich.console import Console
from rich.table import Table

from twin.cli.codes import EXIT_OK, EXIT_VERIFY
from twin.core.time import local_date, local_datetime, parse_local_time
from twin.errors import ConsistencyError, TwinError
from twin.events import CommunityState, DomainEvent
from twin.events.store import EventStore, StoreError, existing_store
from twin.rules import tariff_power_kw
from twin.rules.configuration import existing_power_warnings
from twin.scenario.event_files import read_event_file


def cli_time(option: str, value: str):  # noqa: ANN201 - a UTC datetime
    """A command-line time (local unless it has an offset), or a TwinError naming the option."""
    try:
        return parse_local_time(value)
    except ValueError as err:
        raise TwinError(f"{option}: {err}") from None

def _warn(state: CommunityState, console: Console) -> None:
    """Rules that flag rather than refuse, on the branch's state after an append."""
    for warning in existing_power_warnings(state.configurations, state.plants.values()):
        console.print(f"[yellow]warning:[/] {warning}")


def _summary(event: DomainEvent) -> str:
    """The identifying fields of an event, in a few words."""
    keys = ("configuration_id", "member_id", "plant_id", "storage_id", "project_id", "name",
            "pod", "category", "annual_kwh", "capacity_kwp", "value", "amount_cents")
    parts = [f"{k.removesuffix('_id')}={getattr(event, k)}" for k in keys
             if getattr(event, k, None) not in (None, "")]
    return " ".join(parts[:4])


def events(args: argparse.Namespace, console: Console, err: Console) -> int:

    if args.events_command == "init":
        import twin
        from twin.sim.run import SETTINGS_KEY
        from twin.sim.spec import settings_to_json

        sim = twin.load(args.scenario, args.allow_outside_paths)
        with EventStore(args.store) as store:
            head = store.head("main")
            if head:
                raise StoreError(f"{args.store}: already initialised ({head} events on main); "
                                 "use `cer-twin events append` or a new store")
            result = store.append("main", sim.spec.events, blobs=sim.spec.files)
            store.set_meta(SETTINGS_KEY, settings_to_json(sim.spec.settings))
        console.print(f"Seeded branch main of {args.store} with {result.last_seq} events from "
                      f"{sim.spec.provenance['scenario']}.")
        _warn(result.state, console)
        return EXIT_OK

    if args.events_command == "log":
        as_of = cli_time("--as-of", args.as_of) if args.as_of else None
        with existing_store(args.store) as store:
            stored = store.read(args.branch)
        console.print(f"{args.store}, branch {args.branch}: seq, branch, recorded (UTC), "
                      "effective (local), event, what", highlight=False)
        shown = 0
        for s in stored:
            if as_of is not None and s.event.effective_utc > as_of:
                continue
            effective = local_datetime(s.event.effective_utc).strftime("%Y-%m-%d %H:%M")
            console.print(f"{s.seq:>6}  {s.branch:<10} {s.recorded_utc:%Y-%m-%d %H:%M:%S}  "
                          f"{effective}  {type(s.event).__name__:<24} {_summary(s.event)}",
                          highlight=False, markup=False, soft_wrap=True)
            shown += 1
        console.print(f"{shown} of {len(stored)} events.")
        return EXIT_OK

    if args.events_command == "append":
        batch, blobs = _batch(args)
        if args.dry_run:
            for e in batch:
                console.print(f"  {local_datetime(e.effective_utc):%Y-%m-%d %H:%M}  "
                              f"{type(e).__name__:<24} {_summary(e)}", highlight=False,
                              markup=False, soft_wrap=True)
            console.print(f"{len(batch)} event(s) from {args.file}; nothing appended "
                          "(--dry-run).", highlight=False)
            return EXIT_OK
        with existing_store(args.store) as store:
            result = store.append(args.branch, batch, expected_head=args.expected_head,
                                  blobs=blobs)
            token = store.head_token(args.branch)
        console.print(f"Appended events {result.first_seq}-{result.last_seq} to branch "
                      f"{args.branch!r} of {args.store}. Head {token} (keep it elsewhere: "
                      "`events verify --expect-head` proves nothing was cut off later).",
                      highlight=False)
        _warn(result.state, console)
        return EXIT_OK

    if args.events_command == "revert":
        return _revert(args, console)

    if Path(args.store).is_file() and Path(args.store).stat().st_size == 0:
        console.print(f"[red]{args.store}: an empty file, not an event store (truncated?)[/]")
        return EXIT_VERIFY
    with existing_store(args.store) as store:  # verify
        expect = (args.branch, args.expect_head) if args.expect_head else None
        problems = store.verify(expect_head=expect)
        count = sum(1 for _ in store.branches())
    if problems:
        for problem in problems:
            console.print(f"[red]{problem}[/]")
        console.print(f"{len(problems)} problem(s) in {args.store}.")
        return EXIT_VERIFY
    console.print(f"{args.store}: the hash chains and head records of all {count} branch(es) "
                  "are intact" + (f", and branch {args.branch!r} reaches head "
                                  f"{args.expect_head}." if args.expect_head else "."))
    return EXIT_OK


def _batch(args: argparse.Namespace) -> tuple[list[DomainEvent], dict]:
    """The events of an event file, or those a what-if scenario file adds to its base (with
    the data files they refer to)."""
    from twin.scenario.load import extends_of, resolve_scenario_path

    path = args.file if args.file.exists() else resolve_scenario_path(args.file)
    if path.suffix.lower() == ".toml" and path.is_file() and extends_of(path) is not None:
        from twin.scenario.whatif import whatif_events

        events, loaded = whatif_events(path, args.allow_outside_paths)
        if not events:
            raise TwinError(f"{args.file}: the what-if adds nothing to its base")
        return events, {sha: (name.rsplit("/", 1)[-1], data)
                        for name, (sha, data) in loaded.files.items()}
    return read_event_file(args.file), {}


def _revert(args: argparse.Namespace, console: Console) -> int:
    from twin.events.revert import compensating

    with existing_store(args.store) as store:
        stored = {s.seq: s for s in store.read(args.branch)}
        if args.seq not in stored:
            raise StoreError(f"SEQ: branch {args.branch!r} has events 1 to {len(stored)}; "
                             f"found {args.seq}")
        event = stored[args.seq].event
        undo = compensating(event, args.seq)
        fork = (f"fork a branch before it instead: `cer-twin branch create NEW --store "
                f"{args.store} --from {args.branch} --at {args.seq - 1}`")
        if undo is None:
            raise StoreError(f"event {args.seq} ({type(event).__name__}) has no compensating "
                             f"event; {fork}")
        try:
            result = store.append(args.branch, [undo])
        except ConsistencyError as err:
            raise ConsistencyError(f"event {args.seq}: its compensating event is refused "
                                   f"({err}); {fork}") from None
        token = store.head_token(args.branch)
    console.print(f"Appended event {result.last_seq} ({type(undo).__name__}) cancelling event "
                  f"{args.seq} on branch {args.branch!r}. Head {token}.", highlight=False)
    return EXIT_OK


def branch(args: argparse.Namespace, console: Console, err: Console) -> int:

    with existing_store(args.store) as store:
        if args.branch_command == "create":
            b = store.create_branch(args.name, args.from_branch, args.at_seq)
            console.print(f"Created branch {b.name!r} from {b.parent!r} at event {b.parent_seq}.")
            return EXIT_OK
        table = Table(title=f"Branches of {args.store}", box=box.SIMPLE_HEAD)
        for column in ("branch", "from", "at event", "last event", "created (UTC)"):
            table.add_column(column)
        for b in store.branches():
            table.add_row(b.name, b.parent or "", "" if b.parent_seq is None else str(b.parent_seq),
                          str(store.head(b.name)), b.created_utc[:19])
    console.print(table)
    return EXIT_OK


def state(args: argparse.Namespace, console: Console, err: Console) -> int:

    as_of = cli_time("--as-of", args.as_of)
    with existing_store(args.store) as store:
        st = store.state(args.branch, as_of)
    when = local_datetime(as_of).strftime("%Y-%m-%d %H:%M %Z")
    console.print(f"Branch {args.branch!r} of {args.store} as of {when}: "
                  f"{len(st.members)} members, {len(st.plants)} plants.")
    for cid, cfg in st.configurations.items():
        table = Table(title=f"{cfg.name} ({cid}, cabina primaria {cfg.cabina_primaria})",
                      box=box.SIMPLE_HEAD, title_justify="left")
        table.add_column("kind")
        table.add_column("id")
        table.add_column("details")
        for p in st.plants.values():
            if p.configuration_id == cid:
                outage = " (in outage)" if p.plant_id in st.plants_in_outage else ""
                table.add_row("plant", p.plant_id, f"{tariff_power_kw(p):g} kW, in operation "
                              f"{p.entry_into_operation}{outage}")
        groups: dict[tuple[str, str], list] = {}
        for m in st.members.values():
            if m.configuration_id == cid:
                groups.setdefault((m.group_id, m.category), []).append(m)
        for (group, category), members in sorted(groups.items()):
            since = local_date(min(m.effective_utc for m in members))
            table.add_row("members", group, f"{len(members)} × {category}, since {since}")
        console.print(table)
    return EXIT_OK


def meters(args: argparse.Namespace, console: Console, err: Console) -> int:
    """``cer-twin meters import`` and ``meters log``."""
    from twin.inputs.meters.ledger import history
    from twin.inputs.meters.stored import stored_imports

    if args.meters_command == "log":
        with existing_store(args.store) as store:
            imports = stored_imports(store, args.branch)
        _print_history(history(imports), args, console)
        return EXIT_OK

    from twin.inputs.meters import read_meter_file
    from twin.inputs.meters.stored import import_meter_file

    meter_file, data = read_meter_file(args.file, args.format, args.unit)
    with existing_store(args.store) as store:
        binding, result = import_meter_file(store, args.branch, meter_file, data,
                                            member=args.member, plant=args.plant,
                                            quantity=args.quantity, pod=args.pod)
    detected = " (detected)" if args.format == "auto" else ""
    for series, seq in zip(binding.series, range(result.first_seq, result.last_seq + 1),
                           strict=True):
        console.print(f"Imported {len(series.energy_kwh)} {series.step} values "
                      f"({float(series.energy_kwh.sum()):,.1f} kWh) of POD "
                      f"{binding.events[0].pod} as {series.quantity} of "
                      f"{args.member or args.plant}: event {seq} on branch {args.branch!r} "
                      f"(format {meter_file.format}{detected}, unit {meter_file.unit}, file "
                      f"SHA-256 {meter_file.sha256[:12]}…).", highlight=False, soft_wrap=True)
    for note in binding.notes:
        console.print(f"note: {note}", highlight=False, markup=False, soft_wrap=True)
    return EXIT_OK


def _print_history(table, args: argparse.Namespace, console: Console) -> None:  # noqa: ANN001
    out = Table(title=f"Meter imports on branch {args.branch!r} of {args.store}",
                box=box.SIMPLE_HEAD, title_justify="left", padding=(0, 1))
    for column in ("seq", "meter", "file", "period (UTC)", "intervals", "in force", "kWh"):
        numeric = column in ("seq", "intervals", "in force", "kWh")
        out.add_column(column, justify="right" if numeric else "left",
                       overflow="fold", no_wrap=numeric)
    for row in table.itertuples():
        out.add_row(str(row.seq), f"{row.meter} {row.quantity}", row.file,
                    f"{row.from_utc:%Y-%m-%d %H:%M} to {row.to_utc:%Y-%m-%d %H:%M}",
                    f"{row.intervals:,}", f"{row.in_force:,}", f"{row.energy_kwh:,.1f}")
    console.print(out)
    console.print(f"{len(table)} import(s); 'in force': intervals whose value a later import "
                  "has not corrected.", highlight=False)
