"""The sun's position at several sites with the SPA's time-only part shared is pvlib's own."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pvlib
import pytest

from twin.assets.solar import solar_positions

SITES = [(45.5, 9.2), (45.4, 9.1), (41.9, 12.5), (-33.9, 151.2)]  # Milan twice, Rome, Sydney


@pytest.mark.parametrize("tz", ["UTC", None])
def test_solar_positions_equal_pvlibs_spa(tz):
    times = pd.date_range("2026-01-01", "2027-01-01", freq="15min", inclusive="left", tz=tz) \
        + pd.Timedelta("7min 30s")
    positions = solar_positions(times, SITES)
    assert list(positions) == SITES
    for lat, lon in SITES:
        ref = pvlib.solarposition.get_solarposition(times, lat, lon)
        zenith, azimuth = positions[(lat, lon)]
        np.testing.assert_array_equal(zenith, ref["apparent_zenith"].to_numpy())
        np.testing.assert_array_equal(azimuth, ref["azimuth"].to_numpy())
