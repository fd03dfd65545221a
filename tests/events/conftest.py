"""Event-store fixtures: one contract, run against SQLite and a real PostgreSQL server.

The PostgreSQL server is a throw-away cluster that this fixture creates with the server binaries
of the machine (Debian's ``postgresql`` package, installed by ``.ci/run``), on a free loopback
port, and stops at the end of the session. ``CER_TWIN_TEST_PG_URL`` points the tests at an
existing server instead.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from twin.events.store import EventStore


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_postgres(cmd: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its tools as the 'postgres' user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """URL of a running PostgreSQL server (started here unless CER_TWIN_TEST_PG_URL is set)."""
    if os.environ.get("CER_TWIN_TEST_PG_URL"):
        yield os.environ["CER_TWIN_TEST_PG_URL"]
        return
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not (initdb and pg_ctl):
        reason = ("PostgreSQL server binaries not found (Debian package 'postgresql'; "
                  ".ci/run installs it)")
        if os.environ.get("CI"):
            pytest.fail(reason)  # CI must test the PostgreSQL backend, not skip it
        pytest.skip(reason)
    root = Path(tempfile.mkdtemp(prefix="cer-twin-pg-"))
    data = root / "data"
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    subprocess.run(_as_postgres([initdb, "-D", str(data), "-A", "trust", "-U", "postgres",
                                 "--no-sync"]), check=True, capture_output=True)
    port = _free_port()
    options = f"-h 127.0.0.1 -p {port} -k {root} -c fsync=off"
    subprocess.run(_as_postgres([pg_ctl, "-D", str(data), "-o", options, "-l",
                                 str(root / "log"), "-w", "start"]), check=True,
                   capture_output=True)
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_postgres([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty database on the test server for one test."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    url = postgres_server.rsplit("/", 1)[0] + f"/{name}"
    yield url
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The location of an empty store, once per backend."""
    if request.param == "sqlite":
        return str(tmp_path / "events.db")
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def store(store_location: str) -> Iterator[EventStore]:
    with EventStore(store_location) as s:
        yield s
