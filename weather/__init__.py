"""Weather sources for cer-twin, following pvlib's iotools convention.

``read_<source>(path)`` returns ``(data, metadata)``: ``data`` has a tz-aware **UTC** index labelled
by interval **start** and the canonical pvlib columns ``ghi``, ``dni``, ``dhi`` [W/m², mean over
the interval], ``temp_air`` [°C] and ``wind_speed`` [m/s]; ``metadata`` records the site and the
source's interval convention. :func:`generate_milan_weather` is the built-in offline default.
"""

from weather.align import align_typical_year, align_weather
from weather.bootstrap import block_bootstrap
from weather.epw import read_epw
from weather.errors import WeatherDataError
from weather.milan import MILANO_SITE, UNI_10349_MILANO, generate_milan_weather, monthly_targets
from weather.pvgis import read_pvgis_hourly, read_pvgis_tmy
from weather.tables import read_netcdf, read_weather_csv


def read_weather(source: str, path: str, **options: object) -> tuple:
    """Read a weather file by source name: ``epw``, ``pvgis_tmy``, ``pvgis_hourly``, ``csv``
    (options: ``columns``, ``time_column``, ``timezone``, ``interval``) or ``netcdf`` (options:
    ``latitude``, ``longitude``)."""
    readers = {"epw": read_epw, "pvgis_tmy": read_pvgis_tmy, "pvgis_hourly": read_pvgis_hourly,
               "csv": read_weather_csv, "netcdf": read_netcdf}
    if source not in readers:
        raise WeatherDataError(f"unknown weather source {source!r}; expected one of "
                               f"{sorted(readers)}")
    return readers[source](path, **options)  # type: ignore[operator]

__all__ = [
    "MILANO_SITE",
    "WeatherDataError",
    "UNI_10349_MILANO",
    "align_typical_year",
    "align_weather",
    "block_bootstrap",
    "read_weather",
    "generate_milan_weather",
    "monthly_targets",
    "read_epw",
    "read_netcdf",
    "read_pvgis_hourly",
    "read_pvgis_tmy",
    "read_weather_csv",
]
