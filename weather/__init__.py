"""Weather sources for cer-twin, following pvlib's iotools convention.

``read_<source>(path)`` returns ``(data, metadata)``: ``data`` has a tz-aware **UTC** index labelled
by interval **start** and the canonical pvlib columns ``ghi``, ``dni``, ``dhi`` [W/m², mean over
the interval], ``temp_air`` [°C] and ``wind_speed`` [m/s]; ``metadata`` records the site and the
source's interval convention. :func:`generate_milan_weather` is the built-in offline default.
"""

from weather.align import align_typical_year
from weather.epw import read_epw
from weather.milan import MILANO_SITE, UNI_10349_MILANO, generate_milan_weather

__all__ = [
    "MILANO_SITE",
    "UNI_10349_MILANO",
    "align_typical_year",
    "generate_milan_weather",
    "read_epw",
]
