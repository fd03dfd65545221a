"""Compensating events: how to take back an event without editing the log.

The log is append-only (its hashes and head records prove it), so a wrong event is undone by a
later one that cancels its effect from the same instant, where the domain has one; otherwise the
way back is a branch forked before it (``cer-twin branch create NEW --from B --at SEQ-1``).
"""

from __future__ import annotations

from twin.events.domain import (
    DomainEvent,
    PlantDerated,
    PlantOutageEnded,
    PlantOutageStarted,
)


def compensating(event: DomainEvent, seq: int) -> DomainEvent | None:
    """The event that cancels ``event`` (stored as ``seq``) from its own effective time, or
    None where the domain has none (a founding, a registration, a tariff change, a payment...).

    An outage's start is cancelled by its end, a derating by the inverse factor (where the
    domain accepts it). A joining, a commissioning or a proposal has none: a membership or a
    plant of no duration is refused by the domain (it would count for the hour it starts in)
    and a project id is proposed once, so the way back is a fork before it.
    """
    at = event.effective_utc
    reason = f"reverts event {seq}"
    if isinstance(event, PlantOutageStarted):
        return PlantOutageEnded(effective_utc=at, plant_id=event.plant_id)
    if isinstance(event, PlantDerated) and event.factor > 0:
        return PlantDerated(effective_utc=at, plant_id=event.plant_id, factor=1 / event.factor,
                            reason=reason)
    return None
