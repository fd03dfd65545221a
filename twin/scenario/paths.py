"""Scenario fields by path, for studies that vary them: ``members.households.count``,
``plants.school-roof.capacity_kwp``, ``simulation.seed``, ``weather.seed``.

A path walks the scenario: a section's field by name, an item of a list (plants, members,
configurations, storage, projects) by its ``id``. Setting a value re-validates the whole
scenario, so a swept value is checked as if it were written in the file.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ValidationError

from twin.errors import ScenarioError, Text
from twin.scenario.schema import Scenario

UNIT = re.compile(r"\[([^\[\]]+)\]\s*$")


def _walk(scenario: Scenario, path: str) -> tuple[BaseModel, str]:
    """The model holding the path's last field, and that field's name."""
    parts = path.split(".")
    node: Any = scenario
    k = 0
    while k < len(parts) - 1:
        name = parts[k]
        if not isinstance(node, BaseModel) or name not in type(node).model_fields:
            fields = sorted(type(node).model_fields) if isinstance(node, BaseModel) else []
            raise ScenarioError(Text("{path}: no field {name!r} here; expected one of {fields}",
                                     path=path, name=name, fields=fields))
        node = getattr(node, name)
        if isinstance(node, list):
            k += 1
            if k >= len(parts) - 1:
                raise ScenarioError(Text("{path}: {name} is a list: name an item by its id, then "
                                         "a field (e.g. members.<id>.count)", path=path,
                                         name=name))
            ids = [getattr(item, "id", None) for item in node]
            if parts[k] not in ids:
                raise ScenarioError(Text("{path}: no {name} item with id {item!r}; the "
                                         "scenario has {ids}", path=path, name=name,
                                         item=parts[k], ids=ids))
            node = node[ids.index(parts[k])]
        k += 1
    field = parts[-1]
    if not isinstance(node, BaseModel) or field not in type(node).model_fields:
        fields = sorted(type(node).model_fields) if isinstance(node, BaseModel) else []
        raise ScenarioError(Text("{path}: no field {field!r}; expected one of {fields}",
                                 path=path, field=field, fields=fields))
    return node, field


def field_info(scenario: Scenario, path: str) -> tuple[str, str]:
    """The unit (from the ``[unit]`` its description ends with; "" when it has none) and the
    description of the field at ``path``."""
    node, field = _walk(scenario, path)
    description = type(node).model_fields[field].description or field
    unit = UNIT.search(description)
    return (unit.group(1) if unit else ""), UNIT.sub("", description).strip().rstrip(".")


def value_at(scenario: Scenario, path: str) -> Any:
    node, field = _walk(scenario, path)
    return getattr(node, field)


def with_values(scenario: Scenario, values: dict[str, Any]) -> Scenario:
    """The scenario with each path set to its value, validated as a whole.

    A plant whose ``capacity_kwp`` is set keeps its inverter in the same ratio to it unless
    its ``inverter_kw`` is set too (a bigger roof gets a bigger inverter)."""
    raw = scenario.model_dump(mode="python", round_trip=True)
    for path, value in values.items():
        _walk(scenario, path)  # names the bad path before anything is built
        parts = path.split(".")
        node: Any = raw
        k = 0
        while k < len(parts) - 1:
            node = node[parts[k]]
            if isinstance(node, list):
                k += 1
                node = next(item for item in node if item.get("id") == parts[k])
            k += 1
        if parts[0] == "plants" and parts[-1] == "capacity_kwp" and \
                f"{'.'.join(parts[:-1])}.inverter_kw" not in values and node.get("inverter_kw"):
            node["inverter_kw"] = node["inverter_kw"] * float(value) / node["capacity_kwp"]
        node[parts[-1]] = value
    try:
        return Scenario.model_validate(raw)
    except ValidationError as err:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}"
                             for e in err.errors())
        raise ScenarioError(Text("{values}: {problems}",
                                 values=', '.join(f'{p} = {v!r}' for p, v in values.items()),
                                 problems=problems)) from None
