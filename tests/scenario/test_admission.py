"""Members the law refuses are stopped at the door (the event file), before any store."""

import pytest

from twin.errors import ConsistencyError
from twin.scenario.event_files import read_event_file

JOIN = """
[[events]]
type = "MemberJoined"
effective = 2026-07-01
member_id = "big-co"
configuration_id = "bovisa"
archetype = "office"
annual_kwh = 50000
"""


@pytest.mark.parametrize(("extra", "expected"), [
    ('category = "large_enterprise"', r"events\[0\] \(MemberJoined 'big-co'\): member 'big-co': "
                                      r"large enterprises cannot be CER members "
                                      r"\(RO-2024 §1\.2\.2\.2\)"),
    ('category = "sme"\nnet_metering = true', r"net metering \(scambio sul posto\) cannot be a "
                                              r"CER consumer \(RO-2024 §1\.2\.2\.3\)"),
])
def test_refused_members_are_refused_with_the_source(tmp_path, extra, expected):
    path = tmp_path / "join.toml"
    path.write_text(JOIN + extra + "\n")
    with pytest.raises(ConsistencyError, match=expected):
        read_event_file(path)


def test_an_admissible_member_reads(tmp_path):
    path = tmp_path / "join.toml"
    path.write_text(JOIN + 'category = "sme"\n')
    (event,) = read_event_file(path)
    assert event.member_id == "big-co" and event.group_id == "big-co"
