"""The SQLite backend of the event store (the default: one file, WAL journal)."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from twin.errors import Text
from twin.events.store.backend import Backend, StoreError


class SQLiteBackend(Backend):
    def __init__(self, path: Path) -> None:
        try:
            self.conn = sqlite3.connect(path, isolation_level=None, timeout=60.0,
                                        check_same_thread=False)
            self._use_wal()
            self.conn.execute("PRAGMA synchronous=FULL")
        except sqlite3.Error as err:
            raise StoreError(Text("{path}: cannot open the SQLite event store ({err})", path=path,
                                  err=err)) from None
        self.is_integrity_error = lambda e: isinstance(e, sqlite3.IntegrityError)

    def _use_wal(self, patience_s: float = 60.0) -> None:
        """Switch the file to write-ahead logging (persistent: done once per file).

        Changing the journal mode needs an exclusive lock and SQLite does not wait for it
        through the busy timeout, so two processes opening a new store at the same moment
        could fail with "database is locked". Retry with backoff instead.
        """
        deadline = time.monotonic() + patience_s
        delay_s = 0.005
        while True:
            try:
                mode = self.conn.execute("PRAGMA journal_mode").fetchone()[0]
                if mode.lower() != "wal":
                    self.conn.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as err:
                if "locked" not in str(err) or time.monotonic() > deadline:
                    raise
                time.sleep(delay_s)
                delay_s = min(delay_s * 2, 0.2)

    def fetchall(self, text: str, params: Sequence[Any] = ()) -> list[tuple]:
        return self.conn.execute(text, tuple(params)).fetchall()

    def execute(self, text: str, params: Sequence[Any] = ()) -> None:
        self.conn.execute(text, tuple(params))

    def executemany(self, text: str, rows: list[tuple]) -> None:
        self.conn.executemany(text, rows)

    @contextmanager
    def write_transaction(self, branch: str) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()
