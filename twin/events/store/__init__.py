"""The event store: a durable, hash-chained, branchable log of domain events.

Backends: a SQLite file (the default; ``sqlite3`` from the standard library, WAL journal) or
PostgreSQL given a ``postgresql://`` URL (``psycopg``). Both use the same three tables:

* ``cer_branches(name, parent, parent_seq, created_utc)``: ``main`` exists from the start; a
  branch is its parent up to ``parent_seq`` plus its own events, numbered from ``parent_seq + 1``;
* ``cer_events(branch, seq, event_type, schema_version, effective_utc, recorded_utc, payload,
  prev_hash, hash)`` with primary key ``(branch, seq)``: no gap, no duplicate;
* ``cer_meta(key, value)``: the run settings a store was initialised with;
* ``cer_blobs(sha256, name, data)``: content-addressed files (imported meter data, base64),
  referenced by events and written in the same transaction as the event that refers to them.

Guarantees: an append is one transaction (a batch is stored whole or not at all); appends to one
branch are serialised (SQLite ``BEGIN IMMEDIATE``; PostgreSQL ``SELECT … FOR UPDATE`` on the
branch row); ``expected_head`` gives optimistic concurrency (a stale writer gets
:class:`ConflictError` and can re-read and retry); domain rules are checked on the branch's state
before anything is written; every event's hash covers its content and the previous hash, so
:meth:`EventStore.verify` finds edited, deleted or reordered rows.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from twin.errors import ConsistencyError, TamperError, Text
from twin.events.codec import from_stored_rows, to_json
from twin.events.domain import DomainEvent
from twin.events.state import CommunityState, replay
from twin.events.store.backend import Backend, ConflictError, StoreError
from twin.events.store.chain import GENESIS, MAIN, SCHEMA, event_hash, head_record
from twin.events.store.sqlite import SQLiteBackend
from twin.events.store.verify import Verification

__all__ = ["AppendResult", "Branch", "ConflictError", "EventStore", "GENESIS", "MAIN",
           "SETTINGS_KEY", "StoreError", "StoredEvent", "TamperError", "event_hash",
           "existing_store"]

SETTINGS_KEY = "run_settings"
"""The meta key of the run settings a store was initialised with (inside the head records)."""
_HEADS_KEY = "head_records"
"""Meta key set once head records are kept (a store from before them gets its first ones on
opening: trust on first use)."""



@dataclass(frozen=True)
class StoredEvent:
    """An event as stored: its branch, sequence number, recording time and hash."""

    branch: str
    seq: int
    recorded_utc: dt.datetime
    event: DomainEvent
    hash: str


@dataclass(frozen=True)
class Branch:
    name: str
    parent: str | None
    parent_seq: int | None
    created_utc: str


@dataclass(frozen=True)
class AppendResult:
    first_seq: int
    last_seq: int
    state: CommunityState
    """The branch's state after the batch (all events, whatever their effective times)."""


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def existing_store(location: str | Path) -> EventStore:
    """A store that must exist already: reading, appending and running never create one (a
    mistyped path would otherwise be an empty store, "intact"); an empty file is not a store."""
    text = str(location)
    if not text.startswith(("postgresql://", "postgres://")):
        path = Path(text)
        if not path.is_file():
            raise StoreError(Text("{text}: no event store there (create one with `cer-twin events "
                                  "init SCENARIO --store ...`)", text=text))
        if path.stat().st_size == 0:
            raise StoreError(Text("{text}: an empty file, not an event store (truncated?)",
                                  text=text))
    return EventStore(location)


class EventStore(Verification):
    """A branchable event log in SQLite or PostgreSQL.

    Parameters
    ----------
    location : str or Path
        A SQLite file path (created if missing) or a ``postgresql://`` URL.
    clock : callable, optional
        Returns the recording time (UTC); injectable so tests and simulations control it.
    """

    def __init__(self, location: str | Path, clock: Callable[[], dt.datetime] | None = None):
        self.location = str(location)
        self.clock = clock or _utc_now
        if self.location.startswith(("postgresql://", "postgres://")):
            from twin.events.store.postgres import PostgresBackend

            self.db: Backend = PostgresBackend(self.location)
        else:
            path = Path(location)
            if path.exists() and path.is_dir():
                raise StoreError(Text("{path}: is a folder, expected an event store file",
                                      path=path))
            self.db = SQLiteBackend(path)
        self.db.create_schema(SCHEMA)
        self.db.execute("INSERT INTO cer_branches (name, parent, parent_seq, created_utc) "
                        "VALUES (?, NULL, NULL, ?) ON CONFLICT (name) DO NOTHING",
                        (MAIN, self.clock().isoformat()))
        self._cache: dict[str, tuple[int, str, CommunityState, dt.datetime]] = {}
        if self.get_meta(_HEADS_KEY) is None:  # a new store, or one from before head records
            with self.db.write_transaction(MAIN):  # one writer records them
                if self.get_meta(_HEADS_KEY) is None:
                    for b in self.branches():
                        if not self._head_records(b.name):
                            self._record_head(b.name)
                    self.set_meta(_HEADS_KEY, "1")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- branches -----------------------------------------------------------------------------

    def branches(self) -> list[Branch]:
        rows = self.db.fetchall("SELECT name, parent, parent_seq, created_utc FROM cer_branches "
                                "ORDER BY created_utc, name")
        return [Branch(*row) for row in rows]

    def branch(self, name: str) -> Branch:
        rows = self.db.fetchall(self.db.sql("SELECT name, parent, parent_seq, created_utc FROM "
                                            "cer_branches WHERE name = ?"), (name,))
        if not rows:
            known = [b.name for b in self.branches()]
            raise StoreError(Text("{location}: no branch {name!r} (branches: {known})",
                                  location=self.location, name=name, known=known))
        return Branch(*rows[0])

    def create_branch(self, name: str, from_branch: str = MAIN,
                      at_seq: int | None = None) -> Branch:
        """A new branch: ``from_branch`` up to ``at_seq`` (default: its head) + its own events."""
        if not name or not name.replace("-", "").replace("_", "").replace(".", "").isalnum():
            raise StoreError(Text("branch name: expected letters, digits, '-', '_' or '.'; found "
                                  "{name!r}", name=name))
        parent = self.branch(from_branch)
        head = self.head(parent.name)
        seq = head if at_seq is None else at_seq
        if not 0 <= seq <= head:
            raise StoreError(Text("--at-seq: expected 0 to {head} (head of {from_branch!r}); "
                                  "found {seq}", head=head, from_branch=from_branch, seq=seq))
        try:
            self.db.execute(self.db.sql("INSERT INTO cer_branches (name, parent, parent_seq, "
                                        "created_utc) VALUES (?, ?, ?, ?)"),
                            (name, parent.name, seq, self.clock().isoformat()))
        except Exception as err:
            if self.db.is_integrity_error(err):
                raise StoreError(Text("branch {name!r} already exists", name=name)) from None
            raise
        self._record_head(name)
        return self.branch(name)

    def _lineage(self, name: str) -> list[tuple[str, int, int | None]]:
        """``(branch, first own seq, last seq taken)`` from the root down to ``name``."""
        chain: list[tuple[str, int, int | None]] = []
        limit: int | None = None
        branch = self.branch(name)
        while True:
            first = (branch.parent_seq or 0) + 1
            chain.append((branch.name, first, limit))
            if branch.parent is None:
                break
            limit = branch.parent_seq
            branch = self.branch(branch.parent)
        return chain[::-1]

    # --- reading ------------------------------------------------------------------------------

    def head(self, branch: str = MAIN) -> int:
        """Sequence number of the branch's last event (0 for an empty ``main``)."""
        b = self.branch(branch)
        rows = self.db.fetchall(self.db.sql("SELECT MAX(seq) FROM cer_events WHERE branch = ?"),
                                (branch,))
        own = rows[0][0]
        return int(own) if own is not None else int(b.parent_seq or 0)

    def _rows(self, branch: str, up_to_seq: int | None,
              columns: str) -> Iterator[tuple[str, list[tuple]]]:
        """Rows of each branch in the lineage, in log order."""
        for name, first, limit in self._lineage(branch):
            top = limit if limit is not None else up_to_seq
            if limit is not None and up_to_seq is not None:
                top = min(limit, up_to_seq)
            query = f"SELECT {columns} FROM cer_events WHERE branch = ? AND seq >= ?"
            params: list[Any] = [name, first]
            if top is not None:
                query += " AND seq <= ?"
                params.append(top)
            rows = self.db.fetchall(self.db.sql(query + " ORDER BY seq"), params)
            if rows:
                yield name, rows

    def read(self, branch: str = MAIN, up_to_seq: int | None = None) -> list[StoredEvent]:
        """The branch's stored events in log order (its ancestors' first)."""
        out: list[StoredEvent] = []
        for name, rows in self._rows(branch, up_to_seq, "event_type, schema_version, payload, "
                                                         "seq, recorded_utc, hash"):
            decoded = from_stored_rows(rows, f"{self.location} branch {name}")
            out.extend(StoredEvent(name, row[3], dt.datetime.fromisoformat(row[4]), event,
                                   row[5]) for row, event in zip(rows, decoded, strict=True))
        return out

    def events(self, branch: str = MAIN, up_to_seq: int | None = None) -> list[DomainEvent]:
        """The branch's events in log order (reads only what decoding needs)."""
        out: list[DomainEvent] = []
        for name, rows in self._rows(branch, up_to_seq, "event_type, schema_version, payload"):
            out.extend(from_stored_rows(rows, f"{self.location} branch {name}"))
        return out

    def state(self, branch: str = MAIN, as_of: dt.datetime | None = None) -> CommunityState:
        """Community state on a branch as of an effective time (all events when ``None``)."""
        return replay(self.events(branch), as_of)

    # --- writing ------------------------------------------------------------------------------

    def _checked_state(self, branch: str, head: int, last_hash: str,
                       new: Sequence[DomainEvent]) -> tuple[CommunityState, dt.datetime]:
        """The branch's state with ``new`` applied, and its latest effective time; or
        :class:`ConsistencyError`.

        Appending in time order (the common case) applies the batch to the cached state of the
        branch; a batch reaching back before the branch's latest effective time is checked by
        replaying the whole branch with it, in effective-time order.
        """
        newest = max(e.effective_utc for e in new)
        cached = self._cache.pop(branch, None)
        if cached is not None and cached[:2] == (head, last_hash) and \
                min(e.effective_utc for e in new) >= cached[3]:
            state = cached[2]
            for i, event in enumerate(new):
                try:
                    state.apply(event)
                except ConsistencyError as err:
                    raise ConsistencyError(Text("event {number} of {count} ({event}): "
                                                "{err}; nothing was stored", number=i + 1,
                                                count=len(new),
                                                event=type(event).__name__, err=err)) from None
            return state, max(newest, cached[3])
        everything = [*self.events(branch), *new]
        try:
            state = replay(everything)
        except ConsistencyError as err:
            raise ConsistencyError(Text("{err}; nothing was stored", err=err)) from None
        return state, max(e.effective_utc for e in everything)

    def _last_hash(self, branch: str, head: int) -> str:
        if head == 0:
            return GENESIS
        for name, first, limit in reversed(self._lineage(branch)):
            if head >= first and (limit is None or head <= limit):
                rows = self.db.fetchall(self.db.sql(
                    "SELECT hash FROM cer_events WHERE branch = ? AND seq = ?"), (name, head))
                if rows:
                    return str(rows[0][0])
        raise StoreError(Text("{location}: branch {branch!r} has no event {head}: the log is "
                              "damaged (run `cer-twin events verify`)", location=self.location,
                              branch=branch, head=head))

    def get_blob(self, sha256: str) -> bytes:
        """A stored file by its SHA-256."""
        rows = self.db.fetchall(self.db.sql("SELECT data FROM cer_blobs WHERE sha256 = ?"),
                                (sha256,))
        if not rows:
            raise StoreError(Text("{location}: no stored file with SHA-256 {sha256}",
                                  location=self.location, sha256=sha256))
        data = base64.b64decode(rows[0][0])
        if hashlib.sha256(data).hexdigest() != sha256:
            raise StoreError(Text("{location}: the stored file {sha}… does not match its "
                                  "SHA-256 (replaced or damaged; run `cer-twin events verify`)",
                                  location=self.location, sha=sha256[:12]))
        return data

    def append(self, branch: str, events: Sequence[DomainEvent],
               expected_head: int | None = None,
               blobs: dict[str, tuple[str, bytes]] | None = None) -> AppendResult:
        """Append a batch atomically, after checking the domain rules on the branch's state.

        Raises
        ------
        ConflictError
            ``expected_head`` is given and the branch has moved on.
        ConsistencyError
            An event breaks a domain rule; nothing is stored.

        ``blobs`` (SHA-256 → (name, bytes)) are files the events refer to, stored in the same
        transaction.
        """
        if not events:
            raise StoreError(Text("nothing to append"))
        self.branch(branch)
        with self.db.write_transaction(branch):
            head = self.head(branch)
            if expected_head is not None and head != expected_head:
                raise ConflictError(Text("branch {branch!r} is at event {head}, not "
                                         "{expected_head}: another writer appended first; read "
                                         "the log again and retry", branch=branch, head=head,
                                         expected_head=expected_head))
            prev = self._last_hash(branch, head)
            state, latest = self._checked_state(branch, head, prev, events)
            recorded = self.clock().isoformat()
            rows = []
            for offset, event in enumerate(events, start=1):
                payload = to_json(event)
                etype = type(event).__name__
                effective = event.effective_utc.isoformat()
                digest = event_hash(prev, head + offset, etype, event.schema_version, effective,
                                    recorded, payload)
                rows.append((branch, head + offset, etype, event.schema_version, effective,
                             recorded, payload, prev, digest))
                prev = digest
            for digest, (blob_name, data) in (blobs or {}).items():
                if hashlib.sha256(data).hexdigest() != digest:
                    raise StoreError(Text("file {blob_name}: content does not match its SHA-256",
                                          blob_name=blob_name))
                self.db.execute(self.db.sql(
                    "INSERT INTO cer_blobs (sha256, name, data) VALUES (?, ?, ?) ON CONFLICT "
                    "(sha256) DO NOTHING"), (digest, blob_name, base64.b64encode(data).decode()))
            try:
                self.db.executemany(
                    "INSERT INTO cer_events (branch, seq, event_type, schema_version, "
                    "effective_utc, recorded_utc, payload, prev_hash, hash) VALUES "
                    "(?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            except Exception as err:
                if self.db.is_integrity_error(err):
                    raise ConflictError(Text("branch {branch!r}: another writer appended event "
                                             "{next} first; read the log again and retry",
                                             branch=branch, next=head + 1)) from None
                raise
            self._record_head(branch, head + len(events), prev)
        self._cache[branch] = (head + len(events), prev, state, latest)
        return AppendResult(head + 1, head + len(events), state)

    # --- settings -----------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        rows = self.db.fetchall(self.db.sql("SELECT value FROM cer_meta WHERE key = ?"), (key,))
        return str(rows[0][0]) if rows else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute(self.db.sql("INSERT INTO cer_meta (key, value) VALUES (?, ?) ON CONFLICT "
                                    "(key) DO UPDATE SET value = excluded.value"), (key, value))
        if key == SETTINGS_KEY:  # the settings are inside every branch's head record
            for b in self.branches():
                self._record_head(b.name)

    # --- head records ---------------------------------------------------------------------------

    def _settings_sha256(self) -> str:
        text = self.get_meta(SETTINGS_KEY)
        return hashlib.sha256(text.encode()).hexdigest() if text is not None else ""

    def _head_records(self, branch: str) -> list[tuple]:
        return self.db.fetchall(self.db.sql(
            "SELECT n, seq, event_hash, settings_sha256, prev_record, record FROM cer_heads "
            "WHERE branch = ? ORDER BY n"), (branch,))

    def _record_head(self, branch: str, seq: int | None = None,
                     last_hash: str | None = None) -> None:
        """Append a head record of ``branch`` (its head now, unless given)."""
        b = self.branch(branch)
        seq = self.head(branch) if seq is None else seq
        last_hash = self._last_hash(branch, seq) if last_hash is None else last_hash
        records = self._head_records(branch)
        n, prev = (records[-1][0] + 1, records[-1][5]) if records else (1, GENESIS)
        settings = self._settings_sha256()
        record = head_record(prev, branch, b.parent, b.parent_seq, seq, last_hash, settings)
        self.db.execute(self.db.sql(
            "INSERT INTO cer_heads (branch, n, seq, event_hash, settings_sha256, prev_record, "
            "record) VALUES (?, ?, ?, ?, ?, ?, ?)"),
            (branch, n, seq, last_hash, settings, prev, record))

    def head_token(self, branch: str = MAIN) -> str:
        """``SEQ:HASH`` of the branch's latest head record: kept elsewhere, it proves later that
        nothing was cut off the log (``cer-twin events verify --expect-head``)."""
        records = self._head_records(branch)
        if not records:
            raise TamperError(Text("{location}: branch {branch!r} has no head record",
                                   location=self.location, branch=branch))
        return f"{records[-1][1]}:{records[-1][5]}"
