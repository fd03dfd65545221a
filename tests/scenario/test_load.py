"""Scenario files: the built-in ones load, broken ones fail with a message naming file and field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import TESTS, write_scenario
from twin.errors import ScenarioError
from twin.scenario import builtin_scenarios_dir, load_scenario, merge_scenarios

TINY = (TESTS / "data" / "scenarios" / "tiny.toml").read_text()


def test_default_scenario_is_cercami_with_four_configurations_and_about_300_members():
    loaded = load_scenario()
    sc = loaded.scenario
    assert sc.community.name == "CER.ca.MI Solidale"
    assert [c.name for c in sc.configurations] == ["Bovisa", "Città Studi", "Chiaravalle",
                                                   "Niguarda-Affori"]
    assert 280 <= sum(m.count for m in sc.members) <= 320
    polimi_cs = sum(p.capacity_kwp for p in sc.plants if p.id.startswith("polimi-cs"))
    polimi_bovisa = sum(p.capacity_kwp for p in sc.plants if p.id.startswith("polimi-bovisa"))
    assert (polimi_cs, polimi_bovisa) == (1049.0, 194.0)
    assert len([p for p in sc.plants if p.id.startswith("polimi-cs")]) == 12


@pytest.mark.parametrize("name", sorted(p.name for p in builtin_scenarios_dir().glob("*.toml")
                                         if "candidates" not in p.name))
def test_every_builtin_scenario_is_valid(name):
    assert load_scenario(name).scenario.configurations


def test_builtin_candidates_refer_to_the_default_configurations():
    from twin.scenario.candidates import load_candidates

    candidates = load_candidates(builtin_scenarios_dir() / "cercami-candidates.toml")
    configurations = {c.id for c in load_scenario().scenario.configurations}
    assert candidates.roofs and candidates.member_batches and candidates.new_configurations
    for item in [*candidates.roofs, *candidates.member_batches]:
        assert item.configuration in configurations


def test_whatif_files_extend_the_default_by_id():
    base = load_scenario().scenario
    school = load_scenario("whatif-chiaravalle-school-200kw.toml").scenario
    households = load_scenario("whatif-niguarda-60-households.toml").scenario
    assert len(school.plants) == len(base.plants) + 1
    assert sum(m.count for m in households.members) == sum(m.count for m in base.members) + 60


def _broken(tmp_path: Path, old: str, new: str) -> str:
    assert old in TINY
    path = write_scenario(tmp_path, TINY.replace(old, new, 1), "broken.toml")
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    message = str(info.value)
    assert str(path) in message
    return message


def test_wrong_type_names_field_expected_and_found(tmp_path):
    msg = _broken(tmp_path, "capacity_kwp = 60.0", 'capacity_kwp = "sixty"')
    assert "plants[0] (id 'early').capacity_kwp" in msg
    assert "expected" in msg and "'sixty'" in msg


def test_negative_capacity(tmp_path):
    msg = _broken(tmp_path, "capacity_kwp = 60.0", "capacity_kwp = -60.0")
    assert re.search(r"plants\[0\] \(id 'early'\)\.capacity_kwp: expected: .*greater than 0.*"
                     r"found: -60\.0", msg)


def test_unknown_configuration(tmp_path):
    msg = _broken(tmp_path, 'configuration = "c1"\ncapacity_kwp = 60.0',
                  'configuration = "c9"\ncapacity_kwp = 60.0')
    assert "plants[0] (id 'early').configuration: expected one of ['c1']; found 'c9'" in msg


def test_member_leaving_before_joining(tmp_path):
    msg = _broken(tmp_path, "left_on = 2026-06-05", "left_on = 2024-06-05")
    assert "members[1] (id 'leaver').left_on: expected a date after joined_on (2025-02-01); " \
           "found 2024-06-05" in msg


def test_member_leaving_before_the_community_was_founded(tmp_path):
    msg = _broken(tmp_path, "joined_on = 2025-02-01\nleft_on = 2026-06-05",
                  "joined_on = 2024-02-01\nleft_on = 2024-06-05")
    assert "members[1] (id 'leaver').left_on: expected a date after community.founded_on " \
           "(2025-01-01); found 2024-06-05" in msg


def test_unknown_field_and_missing_field(tmp_path):
    msg = _broken(tmp_path, "tilt_deg = 20.0\n", "tilt_degrees = 20.0\n")
    assert "plants[0] (id 'early').tilt_deg: required field is missing" in msg
    assert "plants[0] (id 'early').tilt_degrees: unknown field" in msg


def test_large_enterprises_are_refused(tmp_path):
    msg = _broken(tmp_path, 'category = "sme"', 'category = "large_enterprise"')
    assert "members[1] (id 'leaver').category" in msg and "large_enterprise" in msg


def test_not_toml(tmp_path):
    path = write_scenario(tmp_path, "this is = not [ toml", "bad.toml")
    with pytest.raises(ScenarioError, match=r"bad\.toml: not valid TOML"):
        load_scenario(path)


def test_missing_file():
    with pytest.raises(ScenarioError, match="scenario file not found"):
        load_scenario("/nonexistent/scenario.toml")


def test_merge_by_id_updates_and_appends():
    base = {"a": {"x": 1, "y": 2}, "plants": [{"id": "p1", "kw": 1}, {"id": "p2", "kw": 2}]}
    over = {"a": {"y": 3}, "plants": [{"id": "p2", "kw": 5}, {"id": "p3", "kw": 7}]}
    assert merge_scenarios(base, over) == {
        "a": {"x": 1, "y": 3},
        "plants": [{"id": "p1", "kw": 1}, {"id": "p2", "kw": 5}, {"id": "p3", "kw": 7}],
    }
