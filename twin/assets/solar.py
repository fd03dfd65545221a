"""The sun's position at several sites over the same times, with the part of NREL's SPA that
depends only on time computed once.

pvlib's SPA (``pvlib.solarposition.get_solarposition``, method ``nrel_numpy``) spends most of
its time on the Earth's heliocentric position and the nutation, which depend on the time alone;
the site enters only in the hour angle, the parallax and the refraction. Here the same pvlib.spa
functions run in the same order as ``pvlib.spa.solar_position_numpy``, the time-only part once
for all sites: the numbers are pvlib's (a test holds them equal), for a fraction of the work
when a run has several site cells (``twin.assets.pv.SITE_CELL_DEG``). Decision 72.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
from pvlib import spa

PRESSURE_MBAR = 1013.25
"""Air pressure at sea level (``get_solarposition``'s default, 101,325 Pa). [mbar]"""
TEMPERATURE_C = 12.0
"""Annual mean air temperature for the refraction (``get_solarposition``'s default). [°C]"""
DELTA_T_S = 67.0
"""Terrestrial time minus universal time (``spa_python``'s default). [s]"""
ATMOS_REFRACT_DEG = 0.5667
"""Refraction at sunrise and sunset (``spa_python``'s default). [°]"""


def solar_positions(times: pd.DatetimeIndex, sites: Iterable[tuple[float, float]]
                    ) -> dict[tuple[float, float], tuple[np.ndarray, np.ndarray]]:
    """Apparent zenith and azimuth of the sun at each ``(latitude, longitude)`` site (at sea
    level), ``times`` in UTC (naive ones read as UTC, as pvlib does). [°],
    ``{site: (apparent_zenith, azimuth)}``"""
    times = times.tz_localize("UTC") if times.tz is None else times
    unixtime = np.asarray((times - pd.Timestamp("1970-01-01", tz="UTC")) / pd.Timedelta("1s"))
    jd = spa.julian_day(unixtime)
    jde = spa.julian_ephemeris_day(jd, DELTA_T_S)
    jc = spa.julian_century(jd)
    jce = spa.julian_ephemeris_century(jde)
    jme = spa.julian_ephemeris_millennium(jce)
    radius = spa.heliocentric_radius_vector(jme)
    theta = spa.geocentric_longitude(spa.heliocentric_longitude(jme))
    beta = spa.geocentric_latitude(spa.heliocentric_latitude(jme))
    x0, x1, x2 = spa.mean_elongation(jce), spa.mean_anomaly_sun(jce), spa.mean_anomaly_moon(jce)
    x3, x4 = spa.moon_argument_latitude(jce), spa.moon_ascending_longitude(jce)
    nutation = np.empty((2, len(x0)))
    spa.longitude_obliquity_nutation(jce, x0, x1, x2, x3, x4, nutation)
    delta_psi, delta_epsilon = nutation
    epsilon = spa.true_ecliptic_obliquity(spa.mean_ecliptic_obliquity(jme), delta_epsilon)
    lamd = spa.apparent_sun_longitude(theta, delta_psi, spa.aberration_correction(radius))
    v = spa.apparent_sidereal_time(spa.mean_sidereal_time(jd, jc), delta_psi, epsilon)
    alpha = spa.geocentric_sun_right_ascension(lamd, epsilon, beta)
    delta = spa.geocentric_sun_declination(lamd, epsilon, beta)
    xi = spa.equatorial_horizontal_parallax(radius)
    return {(lat, lon): _at_site(lat, lon, v, alpha, delta, xi) for lat, lon in sites}


def _at_site(lat: float, lon: float, v: np.ndarray, alpha: np.ndarray, delta: np.ndarray,
             xi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The site's part of the SPA (sea level): apparent zenith and azimuth. [°]"""
    hour_angle = spa.local_hour_angle(v, lon, alpha)
    u = spa.uterm(lat)
    x, y = spa.xterm(u, lat, 0.0), spa.yterm(u, lat, 0.0)
    delta_alpha = spa.parallax_sun_right_ascension(x, xi, hour_angle, delta)
    delta_prime = spa.topocentric_sun_declination(delta, x, y, xi, delta_alpha, hour_angle)
    h_prime = spa.topocentric_local_hour_angle(hour_angle, delta_alpha)
    e0 = spa.topocentric_elevation_angle_without_atmosphere(lat, delta_prime, h_prime)
    delta_e = spa.atmospheric_refraction_correction(PRESSURE_MBAR, TEMPERATURE_C, e0,
                                                    ATMOS_REFRACT_DEG)
    zenith = spa.topocentric_zenith_angle(spa.topocentric_elevation_angle(e0, delta_e))
    gamma = spa.topocentric_astronomers_azimuth(h_prime, delta_prime, lat)
    return zenith, spa.topocentric_azimuth_angle(gamma)
