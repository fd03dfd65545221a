"""``cer-twin events``, ``branch`` and ``state``: the event store from the shell."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from twin.cli.codes import EXIT_OK, EXIT_VERIFY
from twin.core.locale import Say
from twin.core.time import local_date, local_datetime, parse_local_time
from twin.errors import ConsistencyError, Text, TwinError
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
        raise TwinError(Text("{option}: {error}", option=option, error=err)) from None

def _warn(state: CommunityState, console: Console, say: Say) -> None:
    """Rules that flag rather than refuse, on the branch's state after an append."""
    for warning in existing_power_warnings(state.configurations, state.plants.values()):
        console.print(f"[yellow]{say('cli.warning')}[/] {say.message(warning)}")


def _summary(event: DomainEvent) -> str:
    """The identifying fields of an event, in a few words."""
    keys = ("configuration_id", "member_id", "plant_id", "storage_id", "project_id", "name",
            "pod", "category", "annual_kwh", "capacity_kwp", "value", "amount_cents")
    parts = [f"{k.removesuffix('_id')}={getattr(event, k)}" for k in keys
             if getattr(event, k, None) not in (None, "")]
    return " ".join(parts[:4])


def events(args: argparse.Namespace, console: Console, err: Console) -> int:
    say = Say(args.lang)
    if args.events_command == "init":
        import twin
        from twin.sim.run import SETTINGS_KEY
        from twin.sim.spec import settings_to_json

        sim = twin.load(args.scenario, args.allow_outside_paths)
        with EventStore(args.store) as store:
            head = store.head("main")
            if head:
                raise StoreError(Text("{store}: already initialised ({head} events on main); "
                                      "use `cer-twin events append` or a new store",
                                      store=args.store, head=head))
            result = store.append("main", sim.spec.events, blobs=sim.spec.files)
            store.set_meta(SETTINGS_KEY, settings_to_json(sim.spec.settings))
        console.print(say("events.seeded", store=args.store, count=say.n(result.last_seq),
                          source=sim.spec.provenance["scenario"]), highlight=False)
        _warn(result.state, console, say)
        return EXIT_OK

    if args.events_command == "log":
        as_of = cli_time("--as-of", args.as_of) if args.as_of else None
        with existing_store(args.store) as store:
            stored = store.read(args.branch)
        console.print(say("events.log_head", store=args.store, branch=args.branch),
                      highlight=False)
        shown = 0
        for s in stored:
            if as_of is not None and s.event.effective_utc > as_of:
                continue
            effective = local_datetime(s.event.effective_utc).strftime("%Y-%m-%d %H:%M")
            console.print(f"{s.seq:>6}  {s.branch:<10} {s.recorded_utc:%Y-%m-%d %H:%M:%S}  "
                          f"{effective}  {type(s.event).__name__:<24} {_summary(s.event)}",
                          highlight=False, markup=False, soft_wrap=True)
            shown += 1
        console.print(say("events.shown", shown=say.n(shown), total=say.n(len(stored))),
                      highlight=False)
        return EXIT_OK

    if args.events_command == "append":
        batch, blobs = _batch(args)
        if args.dry_run:
            for e in batch:
                console.print(f"  {local_datetime(e.effective_utc):%Y-%m-%d %H:%M}  "
                              f"{type(e).__name__:<24} {_summary(e)}", highlight=False,
                              markup=False, soft_wrap=True)
            console.print(say("events.dry_run", count=say.n(len(batch)), file=args.file),
                          highlight=False)
            return EXIT_OK
        with existing_store(args.store) as store:
            result = store.append(args.branch, batch, expected_head=args.expected_head,
                                  blobs=blobs)
            token = store.head_token(args.branch)
        console.print(say("events.appended", first=result.first_seq, last=result.last_seq,
                          branch=args.branch, store=args.store, token=token), highlight=False)
        _warn(result.state, console, say)
        return EXIT_OK

    if args.events_command == "revert":
        return _revert(args, console, say)

    if Path(args.store).is_file() and Path(args.store).stat().st_size == 0:
        console.print(f"[red]{say('events.empty_store', store=args.store)}[/]")
        return EXIT_VERIFY
    with existing_store(args.store) as store:  # verify
        expect = (args.branch, args.expect_head) if args.expect_head else None
        problems = store.verify(expect_head=expect)
        count = sum(1 for _ in store.branches())
    if problems:
        for problem in problems:
            console.print(f"[red]{escape(say.message(problem))}[/]")
        console.print(say("events.problems", count=say.n(len(problems)), store=args.store))
        return EXIT_VERIFY
    head = (say("events.reaches", branch=args.branch, token=args.expect_head)
            if args.expect_head else ".")
    console.print(say("events.intact", store=args.store, count=say.n(count), head=head))
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
            raise TwinError(Text("{file}: the what-if adds nothing to its base",
                                 file=args.file))
        return events, {sha: (name.rsplit("/", 1)[-1], data)
                        for name, (sha, data) in loaded.files.items()}
    return read_event_file(args.file), {}


def _revert(args: argparse.Namespace, console: Console, say: Say) -> int:
    from twin.events.revert import compensating

    with existing_store(args.store) as store:
        stored = {s.seq: s for s in store.read(args.branch)}
        if args.seq not in stored:
            raise StoreError(Text("SEQ: branch {branch!r} has events 1 to {count}; found {seq}",
                                  branch=args.branch, count=len(stored), seq=args.seq))
        event = stored[args.seq].event
        undo = compensating(event, args.seq)
        fork = Text("fork a branch before it instead: `cer-twin branch create NEW --store "
                    "{store} --from {branch} --at {seq}`", store=args.store,
                    branch=args.branch, seq=args.seq - 1)
        if undo is None:
            raise StoreError(Text("event {seq} ({kind}) has no compensating event; {fork}",
                                  seq=args.seq, kind=type(event).__name__, fork=fork))
        try:
            result = store.append(args.branch, [undo])
        except ConsistencyError as err:
            raise ConsistencyError(Text("event {seq}: its compensating event is refused "
                                        "({error}); {fork}", seq=args.seq, error=str(err),
                                        fork=fork)) from None
        token = store.head_token(args.branch)
    console.print(say("events.reverted", seq=result.last_seq, kind=type(undo).__name__,
                      target=args.seq, branch=args.branch, token=token), highlight=False)
    return EXIT_OK


def branch(args: argparse.Namespace, console: Console, err: Console) -> int:
    say = Say(args.lang)
    with existing_store(args.store) as store:
        if args.branch_command == "create":
            b = store.create_branch(args.name, args.from_branch, args.at_seq)
            console.print(say("branch.created", name=b.name, parent=b.parent, seq=b.parent_seq))
            return EXIT_OK
        table = Table(title=say("branch.title", store=args.store), box=box.SIMPLE_HEAD)
        for column in ("branch", "from", "at_event", "last_event", "created"):
            table.add_column(say(f"col.{column}"))
        for b in store.branches():
            table.add_row(b.name, b.parent or "", "" if b.parent_seq is None else str(b.parent_seq),
                          str(store.head(b.name)), b.created_utc[:19])
    console.print(table)
    return EXIT_OK


def state(args: argparse.Namespace, console: Console, err: Console) -> int:
    say = Say(args.lang)
    as_of = cli_time("--as-of", args.as_of)
    with existing_store(args.store) as store:
        st = store.state(args.branch, as_of)
    when = local_datetime(as_of).strftime("%Y-%m-%d %H:%M %Z")
    console.print(say("state.head", branch=args.branch, store=args.store, when=when,
                      members=say.n(len(st.members)), plants=say.n(len(st.plants))))
    for cid, cfg in st.configurations.items():
        table = Table(title=f"{cfg.name} ({cid}, cabina primaria {cfg.cabina_primaria})",
                      box=box.SIMPLE_HEAD, title_justify="left")
        for column in ("col.kind", "id", "col.details"):
            table.add_column(say.text.get(column, column))
        for p in st.plants.values():
            if p.configuration_id == cid:
                outage = say("state.outage") if p.plant_id in st.plants_in_outage else ""
                table.add_row(say("state.plant"), p.plant_id, say(
                    "state.plant_details", kw=say.g(tariff_power_kw(p)),
                    since=say.date(p.entry_into_operation), outage=outage))
        groups: dict[tuple[str, str], list] = {}
        for m in st.members.values():
            if m.configuration_id == cid:
                groups.setdefault((m.group_id, m.category), []).append(m)
        for (group, category), members in sorted(groups.items()):
            since = local_date(min(m.effective_utc for m in members))
            table.add_row(say("state.members"), group, say(
                "state.member_details", count=say.n(len(members)),
                category=say(f"category.{category}"), since=say.date(since)))
        console.print(table)
    return EXIT_OK


def meters(args: argparse.Namespace, console: Console, err: Console) -> int:
    """``cer-twin meters import`` and ``meters log``."""
    from twin.inputs.meters.ledger import history
    from twin.inputs.meters.stored import stored_imports

    if args.meters_command == "log":
        with existing_store(args.store) as store:
            imports = stored_imports(store, args.branch)
        _print_history(history(imports), args, console, Say(args.lang))
        return EXIT_OK

    from twin.inputs.meters import read_meter_file
    from twin.inputs.meters.stored import import_meter_file

    meter_file, data = read_meter_file(args.file, args.format, args.unit)
    with existing_store(args.store) as store:
        binding, result = import_meter_file(store, args.branch, meter_file, data,
                                            member=args.member, plant=args.plant,
                                            quantity=args.quantity, pod=args.pod)
    say = Say(args.lang)
    detected = say("meters.detected") if args.format == "auto" else ""
    for series, seq in zip(binding.series, range(result.first_seq, result.last_seq + 1),
                           strict=True):
        console.print(say(
            "meters.imported", count=say.n(len(series.energy_kwh)), step=series.step,
            kwh=say.n(float(series.energy_kwh.sum()), 1), pod=binding.events[0].pod,
            quantity=series.quantity, owner=args.member or args.plant, seq=seq,
            branch=args.branch, format=meter_file.format, detected=detected,
            unit=meter_file.unit, sha=meter_file.sha256[:12]), highlight=False, soft_wrap=True)
    for note in binding.notes:
        console.print(f"{say('cli.note')} {say.message(note)}", highlight=False, markup=False,
                      soft_wrap=True)
    return EXIT_OK


def _print_history(table, args: argparse.Namespace, console: Console,  # noqa: ANN001
                   say: Say) -> None:
    out = Table(title=say("meters.title", branch=args.branch, store=args.store),
                box=box.SIMPLE_HEAD, title_justify="left", padding=(0, 1))
    for column in ("seq", "meter", "file", "period", "intervals", "in_force", "kWh"):
        numeric = column in ("seq", "intervals", "in_force", "kWh")
        out.add_column(say.text.get(f"col.{column}", column),
                       justify="right" if numeric else "left", overflow="fold",
                       no_wrap=numeric)
    for row in table.itertuples():
        out.add_row(str(row.seq), f"{row.meter} {row.quantity}", row.file,
                    say("meters.period", start=f"{row.from_utc:%Y-%m-%d %H:%M}",
                        end=f"{row.to_utc:%Y-%m-%d %H:%M}"),
                    say.n(row.intervals), say.n(row.in_force), say.n(row.energy_kwh, 1))
    console.print(out)
    console.print(say("meters.count", count=say.n(len(table))), highlight=False)
