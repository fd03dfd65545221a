"""Meter imports as a store branch holds them: each event with its file read back (hash-checked)
the way it was imported."""

from __future__ import annotations

import datetime as dt

from twin.events import MeterDataImported
from twin.events.store import AppendResult, EventStore
from twin.inputs.meters import QUANTITIES, MeterFile, MeterSeries, parse_meter_file
from twin.inputs.meters.binding import Binding, bind
from twin.inputs.meters.ledger import Meter, in_force, meter_of


def stored_imports(store: EventStore, branch: str, up_to_seq: int | None = None,
                   meters: set[Meter] | None = None,
                   overlapping: tuple[dt.datetime, dt.datetime] | None = None,
                   ) -> list[tuple[int, MeterDataImported, MeterSeries]]:
    """``(seq, event, series)`` of every ``MeterDataImported`` on the branch, in log order;
    only those of ``meters`` and covering part of ``overlapping`` when given (their files are
    the only ones read)."""
    out = []
    for stored in store.read(branch, up_to_seq):
        e = stored.event
        if not isinstance(e, MeterDataImported):
            continue
        if meters is not None and meter_of(e) not in meters:
            continue
        if overlapping is not None and not (e.start_utc < overlapping[1]
                                            and overlapping[0] < e.end_utc):
            continue
        meter_file = parse_meter_file(store.get_blob(e.sha256), e.source_name, e.format, e.unit)
        out.append((stored.seq, e, meter_file.quantity(e.quantity)))
    return out


def import_meter_file(store: EventStore, branch: str, meter_file: MeterFile, data: bytes, *,
                      member: str | None = None, plant: str | None = None,
                      quantity: str | None = None, pod: str | None = None,
                      ) -> tuple[Binding, AppendResult]:
    """Check an export against the branch (:func:`~twin.inputs.meters.binding.bind`) and store
    it with its events in one transaction; a refused import stores nothing."""
    events = store.events(branch)
    kind, key = ("member", member) if member is not None else ("plant", str(plant))
    first = min(s.start_utc for s in meter_file.series.values())
    last = max(s.end_utc for s in meter_file.series.values())
    earlier = stored_imports(store, branch, meters={(kind, str(key), q) for q in QUANTITIES},
                             overlapping=(first, last))
    binding = bind(events, meter_file, member=member, plant=plant, quantity=quantity, pod=pod,
                   existing=in_force([(e, s) for _, e, s in earlier]))
    name = meter_file.name.replace("\\", "/").rsplit("/", 1)[-1]
    result = store.append(branch, binding.events, blobs={meter_file.sha256: (name, data)})
    return binding, result
