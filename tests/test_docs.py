"""The docs name every rule parameter and every scenario field."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from twin import scenario
from twin.rules import DEFAULT_PARAMETERS

DOCS = Path(__file__).parent.parent / "docs"


def test_every_rule_parameter_is_documented():
    text = (DOCS / "rules.md").read_text()
    for name in {r.name for r in DEFAULT_PARAMETERS.records}:
        assert f"`{name}`" in text, name


def test_every_scenario_field_is_documented():
    text = (DOCS / "scenarios.md").read_text()
    models: list[type[BaseModel]] = [scenario.Community, scenario.Simulation, scenario.Weather,
                                     scenario.Prices, scenario.Rules, scenario.Configuration,
                                     scenario.Plant, scenario.MemberGroup,
                                     scenario.ParameterOverride, scenario.Future,
                                     scenario.Growth, scenario.Fund, scenario.Project]
    for model in models:
        for field in model.model_fields:
            assert f"`{field}`" in text or f"`{model.__name__.lower()}.{field}`" in text or \
                f".{field}`" in text, f"{model.__name__}.{field}"
