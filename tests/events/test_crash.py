"""A writer killed with SIGKILL in the middle of appending leaves a readable, consistent log."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

from twin.events import ProjectFunded
from twin.events.store import EventStore

BATCH = 200

WRITER = textwrap.dedent(f"""
    import datetime as dt, sys
    from twin.events import ProjectFunded
    from twin.events.store import EventStore
    store = EventStore(sys.argv[1])
    n = 0
    while True:
        batch = [ProjectFunded(effective_utc=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
                               project_id=f"p{{n}}-{{i}}", name="x" * 200, amount_cents=i)
                 for i in range({BATCH})]
        store.append("main", batch)
        n += 1
        print(n, flush=True)
""")


def test_sigkill_during_appends_leaves_whole_batches(store_location):
    EventStore(store_location).close()  # create the schema first
    proc = subprocess.Popen([sys.executable, "-c", WRITER, store_location],
                            stdout=subprocess.PIPE, text=True,
                            cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
    assert proc.stdout is not None
    committed = 0
    deadline = time.monotonic() + 60
    while committed < 5 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line:
            committed = int(line)
    time.sleep(0.05)  # let it get into the middle of the next batch
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert committed >= 5
    with EventStore(store_location) as store:
        head = store.head("main")
        assert head % BATCH == 0  # whole batches only
        assert head >= committed * BATCH
        assert store.verify() == []
        events = store.events("main")
        assert all(isinstance(e, ProjectFunded) for e in events)
        store.append("main", events[:1])  # and it accepts new appends
