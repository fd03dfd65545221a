"""Benchmark: event-store append throughput and replay of 100,000 events (SQLite).

    python bench/event_store.py [--events 100000] [--single 2000]

Measures, in one run: batched appends (batches of 1,000), single-event appends, reading and
folding the whole log into community state ("replay"), and, as a reference, reading the raw rows
without decoding them. Targets (issue 3): replay < 1 s, batched append > 5,000 events/s.
Appends a line to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from community import record

from twin.events import (
    CommunityFounded,
    ConfigurationRegistered,
    MemberJoined,
    MemberLeft,
    MemberProfileChanged,
)
from twin.events.state import replay
from twin.events.store import EventStore

T0 = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def community_events(n: int) -> list:
    """A founding, 4 configurations, then members joining, changing profile and leaving."""
    events: list = [CommunityFounded(effective_utc=T0, name="bench", region="Lombardia",
                                     market_zone="NORD", solidarity=True,
                                     founded_on=dt.date(2025, 1, 1))]
    events += [ConfigurationRegistered(effective_utc=T0, configuration_id=f"c{k}",
                                       name=f"C{k}", cabina_primaria=f"CP{k}") for k in range(4)]
    i = 0
    while len(events) < n:
        when = T0 + dt.timedelta(minutes=i)
        mid = f"m{i}"
        events.append(MemberJoined(effective_utc=when, member_id=mid, configuration_id=f"c{i % 4}",
                                   category="household", archetype="household",
                                   annual_kwh=1800.0, group_id="g"))
        events.append(MemberProfileChanged(effective_utc=when + dt.timedelta(seconds=20),
                                           member_id=mid, annual_kwh=2500.0))
        events.append(MemberLeft(effective_utc=when + dt.timedelta(seconds=40), member_id=mid))
        i += 1
    return events[:n]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--single", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=5, help="replays; the median is reported")
    args = parser.parse_args()
    events = community_events(args.events)
    folder = Path(tempfile.mkdtemp())

    with EventStore(folder / "batched.db") as store:
        start = time.perf_counter()
        for i in range(0, len(events), 1000):
            store.append("main", events[i:i + 1000])
        batched = len(events) / (time.perf_counter() - start)

    with EventStore(folder / "single.db") as store:
        start = time.perf_counter()
        for event in events[:args.single]:
            store.append("main", [event])
        single = args.single / (time.perf_counter() - start)

    raws, replays = [], []
    with EventStore(folder / "batched.db") as store:
        for _ in range(args.repeat):
            start = time.perf_counter()
            rows = store.db.fetchall("SELECT seq, payload FROM cer_events ORDER BY seq")
            raws.append(time.perf_counter() - start)
            start = time.perf_counter()
            state = replay(store.events("main"))
            replays.append(time.perf_counter() - start)
    assert len(rows) == len(events) and state.founded is not None
    raw, replay_s = statistics.median(raws), statistics.median(replays)

    record(f"event store (SQLite): {len(events):,} events",
           f"replay {replay_s:.2f} s (median of {args.repeat}); batched append "
           f"{batched:,.0f} ev/s; single append "
           f"{single:,.0f} ev/s",
           f"raw row read {raw:.2f} s (replay/raw {replay_s / raw:.1f})",
           f"python bench/event_store.py --events {args.events} --single {args.single} "
           f"--repeat {args.repeat}")

if __name__ == "__main__":
    main()
