"""The PostgreSQL backend of the event store (a shared planning server), through psycopg."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from twin.errors import Text
from twin.events.store.backend import Backend, StoreError


class PostgresBackend(Backend):
    placeholder = "%s"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError:  # pragma: no cover - psycopg is a dependency
            raise StoreError(Text("PostgreSQL stores need the psycopg package")) from None
        try:
            self.conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as err:
            raise StoreError(Text("{url}: cannot connect to PostgreSQL ({err})", url=url,
                                  err=err)) from None
        self.is_integrity_error = lambda e: isinstance(e, psycopg.errors.IntegrityError)

    def fetchall(self, text: str, params: Sequence[Any] = ()) -> list[tuple]:
        with self.conn.cursor() as cur:
            cur.execute(self.sql(text), tuple(params))
            return cur.fetchall() if cur.description else []

    def execute(self, text: str, params: Sequence[Any] = ()) -> None:
        with self.conn.cursor() as cur:
            cur.execute(self.sql(text), tuple(params))

    def executemany(self, text: str, rows: list[tuple]) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(self.sql(text), rows)

    @contextmanager
    def write_transaction(self, branch: str) -> Iterator[None]:
        with self.conn.transaction():
            self.execute("SELECT name FROM cer_branches WHERE name = ? FOR UPDATE", (branch,))
            yield

    def create_schema(self, statements: Sequence[str]) -> None:
        # Concurrent CREATE TABLE IF NOT EXISTS can collide in PostgreSQL: serialise it.
        with self.conn.transaction():
            self.execute("SELECT pg_advisory_xact_lock(727022)")
            for statement in statements:
                self.execute(statement)

    def close(self) -> None:
        self.conn.close()
