"""Event files: `count` for a batch of alike members, and errors that list the fields."""

from __future__ import annotations

import pytest

from twin.scenario.event_files import EventFileError, read_event_file

JOIN = """[[events]]
type = "MemberJoined"
effective = 2026-06-03
member_id = "flats"
configuration_id = "c1"
category = "household"
archetype = "household"
annual_kwh = 2000
"""


def test_count_gives_alike_members_numbered_as_a_scenario_does(tmp_path):
    path = tmp_path / "e.toml"
    path.write_text(JOIN + "count = 3\n")
    events = read_event_file(path)
    assert [e.member_id for e in events] == ["flats-001", "flats-002", "flats-003"]
    assert {e.group_id for e in events} == {"flats"}
    assert all(e.annual_kwh == 2000 for e in events)


@pytest.mark.parametrize("count", ["0", "-2", "2.5", '"3"', "1000000"])
def test_a_bad_count_names_the_field(tmp_path, count):
    path = tmp_path / "e.toml"
    path.write_text(JOIN + f"count = {count}\n")
    with pytest.raises(EventFileError, match=r"events\[0\] \(MemberJoined 'flats'\)\.count"):
        read_event_file(path)


def test_an_unknown_field_lists_the_accepted_ones(tmp_path):
    path = tmp_path / "e.toml"
    path.write_text(JOIN + "colour = 'blue'\n")
    with pytest.raises(EventFileError, match=r"has no field\(s\) \['colour'\]; its fields are "
                                             r"\[.*'annual_kwh'.*'member_id'.*\]"):
        read_event_file(path)
