"""A what-if scenario file (one that ``extends`` another) as the events it adds to its base: what
``cer-twin events append WHATIF.toml`` appends to a branch seeded from that base."""

from __future__ import annotations

from pathlib import Path

from twin.errors import ScenarioError, Text
from twin.events.codec import to_json
from twin.events.domain import DomainEvent
from twin.scenario.compile import compile_events
from twin.scenario.load import LoadedScenario, extends_of, load_scenario


def _keyed(loaded: LoadedScenario) -> dict[str, DomainEvent]:
    hashes = {name: sha for name, (sha, _) in loaded.files.items()}
    return {f"{type(e).__name__}:{to_json(e)}": e for e in compile_events(loaded.scenario,
                                                                           hashes)}


def whatif_events(path: str | Path, allow_outside_paths: bool = False
                  ) -> tuple[list[DomainEvent], LoadedScenario]:
    """The events the what-if file at ``path`` adds to the scenario it extends, in order, and
    the loaded what-if (its data files go with the events). A what-if that changes or removes
    something of its base, or changes how to simulate (``[simulation]``, ``[weather]``, ...),
    cannot be appended to a branch: that is refused, naming what differs."""
    path = Path(path)
    parent = extends_of(path)
    if parent is None:
        raise ScenarioError(Text("{path}: not a what-if file (no `extends`): append its events as "
                                 "an event file, or seed a store from it with `events init`",
                                 path=path))
    base = load_scenario(parent, allow_outside_paths)
    whatif = load_scenario(path, allow_outside_paths)
    settings = [name for name in ("simulation", "weather", "prices", "rules", "future", "fund",
                                  "finance")
                if getattr(base.scenario, name) != getattr(whatif.scenario, name)]
    if settings:
        raise ScenarioError(Text("{path}: changes how to simulate ({settings}), which events "
                                 "cannot carry (a store keeps the settings it was seeded with): "
                                 "seed a store from the what-if file instead", path=path,
                                 settings=', '.join(settings)))
    before, after = _keyed(base), _keyed(whatif)
    changed = [f"{type(e).__name__} of {_what(e)}" for key, e in before.items()
               if key not in after]
    if changed:
        raise ScenarioError(Text("{path}: changes or removes what its base has ({changed}): "
                                 "only additions can be appended; write the change as events "
                                 "(e.g. MemberLeft) or seed a store from the what-if file",
                                 path=path, changed='; '.join(changed)))
    return [e for key, e in after.items() if key not in before], whatif


def _what(event: DomainEvent) -> str:
    for name in ("member_id", "plant_id", "configuration_id", "project_id", "storage_id",
                 "name"):
        if hasattr(event, name):
            return f"{name.removesuffix('_id')} {getattr(event, name)!r}"
    return "the community"
