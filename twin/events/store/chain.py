"""The hash chain of the event log and the tables that hold it."""

from __future__ import annotations

import hashlib
import json

GENESIS = "0" * 64
MAIN = "main"

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS cer_branches (
        name TEXT PRIMARY KEY, parent TEXT, parent_seq INTEGER, created_utc TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS cer_events (
        branch TEXT NOT NULL, seq INTEGER NOT NULL, event_type TEXT NOT NULL,
        schema_version INTEGER NOT NULL, effective_utc TEXT NOT NULL,
        recorded_utc TEXT NOT NULL, payload TEXT NOT NULL, prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL, PRIMARY KEY (branch, seq))""",
    """CREATE TABLE IF NOT EXISTS cer_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS cer_blobs (sha256 TEXT PRIMARY KEY, name TEXT NOT NULL,
        data TEXT NOT NULL)""",
)


def event_hash(prev_hash: str, seq: int, event_type: str, version: int, effective: str,
               recorded: str, payload: str) -> str:
    """SHA-256 of the previous hash and the row's content (the branch name is not included, so
    a branch's chain continues its parent's)."""
    body = json.dumps([seq, event_type, version, effective, recorded, payload],
                      separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(f"{prev_hash}|{body}".encode()).hexdigest()
