"""Meter imports as a store branch holds them: each event with its file read back (hash-checked)
the way it was imported."""

from __future__ import annotations

from twin.events import MeterDataImported
from twin.events.store import EventStore
from twin.inputs.meters import MeterSeries, parse_meter_file


def stored_imports(store: EventStore, branch: str, up_to_seq: int | None = None
                   ) -> list[tuple[int, MeterDataImported, MeterSeries]]:
    """``(seq, event, series)`` of every ``MeterDataImported`` on the branch, in log order."""
    out = []
    for stored in store.read(branch, up_to_seq):
        e = stored.event
        if isinstance(e, MeterDataImported):
            meter_file = parse_meter_file(store.get_blob(e.sha256), e.source_name, e.format,
                                          e.unit)
            out.append((stored.seq, e, meter_file.quantity(e.quantity)))
    return out
