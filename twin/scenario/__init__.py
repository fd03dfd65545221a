"""Scenarios: the schema (pydantic), loading files with ``extends``, compiling a scenario into the
events that build its community, event files, candidates and sweep files.

Everything a user writes enters the twin here and is validated at the door.
"""

from twin.scenario.economics import FamilySupport, Finance, Fund, MemberBilling, Project
from twin.scenario.load import (
    DEFAULT_SCENARIO,
    LoadedScenario,
    builtin_scenarios_dir,
    load_scenario,
    merge_scenarios,
    resolve_scenario_path,
)
from twin.scenario.schema import (
    Archetype,
    Community,
    Configuration,
    Future,
    Growth,
    MarketZone,
    MemberCategory,
    MemberFlexibility,
    MemberGroup,
    ParameterOverride,
    Plant,
    Prices,
    Region,
    Rules,
    RunSettings,
    Scenario,
    Simulation,
    Weather,
    plant_joined_on,
)

__all__ = [
    "DEFAULT_SCENARIO", "Archetype", "Community", "Configuration", "FamilySupport",
    "Finance", "Fund", "Future", "Growth", "LoadedScenario", "MarketZone", "MemberBilling",
    "MemberCategory", "MemberFlexibility", "MemberGroup", "ParameterOverride", "Plant",
    "Prices", "Project", "Region", "Rules", "RunSettings", "Scenario", "Simulation", "Weather",
    "builtin_scenarios_dir", "load_scenario", "merge_scenarios", "plant_joined_on",
    "resolve_scenario_path",
]
