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
    """CREATE TABLE IF NOT EXISTS cer_heads (
        branch TEXT NOT NULL, n INTEGER NOT NULL, seq INTEGER NOT NULL, event_hash TEXT NOT NULL,
        settings_sha256 TEXT NOT NULL, prev_record TEXT NOT NULL, record TEXT NOT NULL,
        PRIMARY KEY (branch, n))""",
)


def event_hash(prev_hash: str, seq: int, event_type: str, version: int, effective: str,
               recorded: str, payload: str) -> str:
    """SHA-256 of the previous hash and the row's content (the branch name is not included, so
    a branch's chain continues its parent's)."""
    body = json.dumps([seq, event_type, version, effective, recorded, payload],
                      separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(f"{prev_hash}|{body}".encode()).hexdigest()


def head_record(prev_record: str, branch: str, parent: str | None, parent_seq: int | None,
                seq: int, last_event_hash: str, settings_sha256: str) -> str:
    """SHA-256 of a branch's head record: its fork point, its last event and the run settings,
    chained over the branch's previous head record. Deleting the last events or editing the
    settings leaves a head the log no longer matches."""
    body = json.dumps([branch, parent, parent_seq, seq, last_event_hash, settings_sha256],
                      separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(f"{prev_record}|{body}".encode()).hexdigest()
