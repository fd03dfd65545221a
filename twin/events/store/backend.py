"""What a database must offer the event store: a handful of operations (the recorder interface)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from twin.errors import TwinError


class StoreError(TwinError):
    """The store cannot be opened, or a branch or argument is wrong."""


class ConflictError(StoreError):
    """Another writer appended to the branch first: read the head again and retry."""


class Backend:
    """The few database operations the store needs, for sqlite3 and psycopg."""

    placeholder = "?"

    def sql(self, text: str) -> str:
        return text if self.placeholder == "?" else text.replace("?", "%s")

    def fetchall(self, text: str, params: Sequence[Any] = ()) -> list[tuple]:
        raise NotImplementedError

    def execute(self, text: str, params: Sequence[Any] = ()) -> None:
        raise NotImplementedError

    def executemany(self, text: str, rows: list[tuple]) -> None:
        raise NotImplementedError

    @contextmanager
    def write_transaction(self, branch: str) -> Iterator[None]:
        raise NotImplementedError
        yield

    def create_schema(self, statements: Sequence[str]) -> None:
        for statement in statements:
            self.execute(statement)

    def close(self) -> None:
        raise NotImplementedError

    is_integrity_error: Callable[[BaseException], bool]
