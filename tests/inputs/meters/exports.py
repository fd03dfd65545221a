"""Distributor exports written from a known series, in each layout of METER_FORMATS.md.

Writers, not parsers: each lays a UTC series (interval start → kWh) out the way the document
says that distributor does, DST days included, so a reader can be held against the truth.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

ROME = ZoneInfo("Europe/Rome")
POD = "IT012E00107977"


def truth(first: dt.date, days: int, step: str = "15min", seed: int = 1) -> pd.Series:
    """Positive energies per interval over whole local days from ``first``. [kWh]"""
    start = pd.Timestamp(dt.datetime.combine(first, dt.time()), tz=ROME).tz_convert("UTC")
    end = pd.Timestamp(dt.datetime.combine(first + dt.timedelta(days=days), dt.time()),
                       tz=ROME).tz_convert("UTC")
    index = pd.date_range(start, end, freq=step, inclusive="left")
    rng = np.random.default_rng(seed)
    return pd.Series(np.round(rng.uniform(0.01, 0.9, len(index)), 3), index=index)


def _comma(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".").replace(".", ",") or "0"


def _local_days(series: pd.Series) -> dict[dt.date, pd.Series]:
    local = series.index.tz_convert(ROME)
    return {d: series[local.date == d] for d in sorted(set(local.date))}


def daily_rows(series: pd.Series, pod: str = POD, unit: str | None = None) -> str:
    """``POD;Data;1..N`` with the values of each day as lived (23/25 hours, 92/100 quarters)."""
    per_hour = 4 if series.index.freq == pd.Timedelta("15min") or len(series) > 1 and \
        series.index[1] - series.index[0] == pd.Timedelta("15min") else 1
    columns = 25 * per_hour
    header = "POD;Data;" + ";".join(str(k) for k in range(1, columns + 1))
    lines = [header + (";Unita" if unit else "")]
    for day, values in _local_days(series).items():
        cells = [_comma(v) for v in values] + [""] * (columns - len(values))
        lines.append(f"{pod};{day:%d/%m/%Y};" + ";".join(cells) + (f";{unit}" if unit else ""))
    return "\n".join(lines) + "\n"


def edistribuzione(series: pd.Series) -> str:
    """The portal's quarter-hour file: quoted values, trailing ``;``; a spring day keeps 96
    columns with 02:00-02:45 blank; an autumn day has its 100 values as lived."""
    labels = [f"{(t := dt.datetime(2000, 1, 1) + dt.timedelta(minutes=15 * k)):%H:%M}-"
              f"{t + dt.timedelta(minutes=15):%H:%M}" for k in range(96)]
    lines = ["Giorno;" + ";".join(labels)]
    for day, values in _local_days(series).items():
        cells = [f'"{_comma(v)}"' for v in values]
        if len(values) == 92:  # spring: the clock grid with the missing hour blank
            cells = cells[:8] + ['""'] * 4 + cells[8:]
        lines.append(f'"{day:%d/%m/%Y}";' + ";".join(cells) + ";")
    return "\n".join(lines) + "\n"


UNARETI_2026 = ("POD;DATA;ORA;FL_ORA_LEGALE;ATTIVA_PRELEVATA;ATTIVA_IMMESSA;"
                "REATTIVA_CAPACITIVA_IMMESSA;REATTIVA_CAPACITIVA_PRELEVATA;"
                "REATTIVA_INDUTTIVA_IMMESSA;REATTIVA_INDUTTIVA_PRELEVATA;PICCO_PRELEVATA;"
                "CONSUMO_PICCO_IMMESSA;TIPO_DATO;")
UNARETI_2023 = ("POD;DATA;ORA;FL_ORA_LEGALE;CONSUMO_ATTIVA_PRELEVATA;ATTIVA_IMMESSA;"
                "CONSUMO_REATTIVA_INDUTTIVA_PRELEVATA;REATTIVA_INDUTTIVA_IMMESSA;"
                "CONSUMO_REATTIVA_CAPACITIVA_PRELEVATA;REATTIVA_CAPACITIVA_IMMESSA;"
                "POTENZA_MASSIMA;TIPO_DATO;")


def _unareti_row(variant: int, day: dt.date, clock: dt.time, offset_h: int, withdrawal: str,
                 injection: str, kind: str = "E", pod: str = POD) -> str:
    flag = (str(offset_h) if variant == 2026 else f"+0{offset_h}")
    if variant == 2026:
        return (f"{pod};{day:%Y%m%d};{clock:%H%M%S};{flag};{withdrawal};{injection};;;;0,0;5,004;"
                f";{kind};")
    return f"{pod};{day:%Y%m%d};{clock:%H%M%S};{flag};{withdrawal};{injection};0,0;;;;;{kind};"


def unareti(withdrawal: pd.Series, injection: pd.Series | None = None, variant: int = 2026,
            estimated: set[pd.Timestamp] = frozenset(), pod: str = POD) -> str:
    """The curve export, one row per quarter hour; the spring day keeps 96 rows (4 zero
    placeholders flagged CEST), the autumn day has 100 rows (2026) or 192 (2023: the whole
    grid once per offset, zeros where that offset does not exist)."""
    lines = [UNARETI_2026 if variant == 2026 else UNARETI_2023]
    local = withdrawal.index.tz_convert(ROME)
    offset_h = (local.tz_localize(None) - withdrawal.index.tz_localize(None)) // pd.Timedelta("1h")
    rows = pd.DataFrame({"day": local.date, "clock": local.time, "off": offset_h,
                         "w": withdrawal.to_numpy(),
                         "i": injection[withdrawal.index].to_numpy() if injection is not None
                         else np.full(len(withdrawal), np.nan),
                         "s": withdrawal.index.isin(list(estimated))})
    for day, block in rows.groupby("day", sort=True):
        grid = list(block.itertuples(index=False))
        if len(grid) == 92:  # the 02:00-02:45 placeholders, flagged CEST, after 01:45
            grid = grid[:8] + [_placeholder(day, dt.time(2, m), 2, injection is not None)
                               for m in (0, 15, 30, 45)] + grid[8:]
        elif len(grid) == 100 and variant == 2023:  # the whole grid once per offset
            real = {(r.clock, r.off): r for r in grid}
            grid = [real.get((dt.time(h, m), off)) or _placeholder(day, dt.time(h, m), off,
                                                                   injection is not None)
                    for off in (2, 1) for h in range(24) for m in (0, 15, 30, 45)]
        for r in grid:
            inj = "" if np.isnan(r.i) else _comma(r.i)
            lines.append(_unareti_row(variant, day, r.clock, int(r.off), _comma(r.w), inj,
                                      "S" if r.s else "E", pod))
    return "\n".join(lines) + "\n"


def _placeholder(day: dt.date, clock: dt.time, off: int, has_injection: bool):  # noqa: ANN202
    from types import SimpleNamespace

    return SimpleNamespace(day=day, clock=clock, off=off, w=0.0,
                           i=0.0 if has_injection else np.nan, s=False)


def plain(series: pd.Series, column: str = "energy_kwh", factor: float = 1.0) -> str:
    lines = [f"time_utc,{column}"]
    lines += [f"{t:%Y-%m-%dT%H:%M:%S},{v * factor:.6f}" for t, v in series.items()]
    return "\n".join(lines) + "\n"
