"""The store's integrity check: hash chains, head records and stored files (a mixin of
:class:`twin.events.store.EventStore`, which holds the database and the branch queries)."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from twin.errors import Text
from twin.events.store.backend import StoreError
from twin.events.store.chain import GENESIS, event_hash, head_record

if TYPE_CHECKING:
    from twin.events.store import Branch


class Verification:
    """:meth:`verify` and its parts; expects the :class:`EventStore` methods it calls."""

    def verify(self, branches: Sequence[str] | None = None,
               expect_head: tuple[str, str] | None = None) -> list[str]:
        """Problems found in the hash chains and head records of every branch, or of
        ``branches`` and the branches they descend from (an empty list: all intact).

        ``expect_head`` is ``(branch, "SEQ:HASH")`` as printed after an append: the branch's
        head records must reach it (a log cut short and re-recorded does not)."""
        problems: list[str] = []
        wanted = None if branches is None else {
            name for b in branches for name, _, _ in self._lineage(b)}
        for b in self.branches():
            if wanted is not None and b.name not in wanted:
                continue
            problems += self._verify_heads(b)
            first = (b.parent_seq or 0) + 1
            prev = GENESIS
            if b.parent is not None and b.parent_seq:
                try:
                    prev = self._last_hash(b.parent, b.parent_seq)
                except StoreError as err:
                    problems.append(Text("branch {branch!r}: its fork point is missing ({err})",
                                         branch=b.name, err=err))
            rows = self.db.fetchall(self.db.sql(
                "SELECT seq, event_type, schema_version, effective_utc, recorded_utc, payload, "
                "prev_hash, hash FROM cer_events WHERE branch = ? ORDER BY seq"), (b.name,))
            expected_seq = first
            for seq, etype, version, effective, recorded, payload, prev_hash, digest in rows:
                where = f"branch {b.name!r} event {seq}"
                if seq != expected_seq:
                    missing = (f"{expected_seq}" if seq == expected_seq + 1
                               else f"{expected_seq}-{seq - 1}")
                    problems.append(Text("{where}: event(s) {missing} missing (deleted?)",
                                         where=where, missing=missing))
                if prev_hash != prev:
                    problems.append(Text("{where}: chain broken, its previous hash does not match "
                                         "the event before it (deleted or reordered?)",
                                         where=where))
                if event_hash(prev_hash, seq, etype, version, effective, recorded,
                              payload) != digest:
                    problems.append(Text("{where} ({etype}): content does not match its hash "
                                         "(edited?)", where=where, etype=etype))
                prev = digest
                expected_seq = seq + 1
        if expect_head is not None:
            problems += self._verify_expected(*expect_head)
        for sha256, name, data in self.db.fetchall("SELECT sha256, name, data FROM cer_blobs"):
            try:
                ok = hashlib.sha256(base64.b64decode(data)).hexdigest() == sha256
            except ValueError:
                ok = False
            if not ok:
                problems.append(Text("stored file {name!r} ({sha}…): its content does not "
                                     "match its SHA-256 (replaced or damaged?)", name=name,
                                     sha=sha256[:12]))
        return problems

    def _verify_heads(self, b: Branch) -> list[str]:
        """The branch's head records chain, and the last one matches the log and settings."""
        records = self._head_records(b.name)
        if not records:
            return [Text("branch {branch!r}: no head record (deleted?)", branch=b.name)]
        problems, prev = [], GENESIS
        for n, seq, last_hash, settings, prev_record, record in records:
            if prev_record != prev:
                problems.append(Text("branch {branch!r} head record {n}: does not follow the one "
                                     "before it (head records deleted or reordered?)",
                                     branch=b.name, n=n))
            if head_record(prev_record, b.name, b.parent, b.parent_seq, seq, last_hash,
                           settings) != record:
                problems.append(Text("branch {branch!r} head record {n}: content does not match "
                                     "its hash (edited, or the branch's fork point changed?)",
                                     branch=b.name, n=n))
            prev = record
        _, seq, last_hash, settings, _, _ = records[-1]
        head = self.head(b.name)
        if head < seq:
            problems.append(Text("branch {branch!r}: the log ends at event {head} but its head "
                                 "record says {seq} (events deleted from the end?)",
                                 branch=b.name, head=head, seq=seq))
        elif head > seq:
            problems.append(Text("branch {branch!r}: events {first}-{head} were written without a "
                                 "head record (outside cer-twin?)", branch=b.name, first=seq + 1,
                                 head=head))
        else:
            try:
                if self._last_hash(b.name, seq) != last_hash:
                    problems.append(Text("branch {branch!r}: its last event is not the one its "
                                         "head record names (replaced?)", branch=b.name))
            except StoreError:
                pass  # a missing event is reported by the chain check
        if settings != self._settings_sha256():
            problems.append(Text("branch {branch!r}: the run settings were changed after the last "
                                 "head record (edited outside cer-twin?)", branch=b.name))
        return problems

    def _verify_expected(self, branch: str, token: str) -> list[str]:
        seq_text, _, digest = token.partition(":")
        if not seq_text.isdigit() or len(digest) < 12:
            raise StoreError(Text("--expect-head: expected SEQ:HASH as printed after an append "
                                  "(at least 12 hex digits); found {token!r}", token=token))
        if not any(str(seq) == seq_text and record.startswith(digest)
                   for _, seq, _, _, _, record in self._head_records(branch)):
            return [Text("branch {branch!r}: head {seq}:{digest}… is not among its head records "
                         "(the log was cut short or rewritten after it)", branch=branch,
                         seq=seq_text, digest=digest[:12])]
        return []
