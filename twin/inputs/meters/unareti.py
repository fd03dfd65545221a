"""The Unareti (and Duereti) curve export, read as columns: ``POD;DATA;ORA;FL_ORA_LEGALE;
(CONSUMO_)ATTIVA_PRELEVATA;ATTIVA_IMMESSA;…;TIPO_DATO;`` (METER_FORMATS.md §2.2-2.3).

One row per POD and quarter hour, local clock with the DST flag (``1``/``+01`` CET,
``2``/``+02`` CEST); rows whose time does not exist with their flag are the DST placeholders and
must be zero; ``TIPO_DATO`` ``S`` marks an estimated interval.
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd

from twin.core.time import LOCAL_TZ
from twin.errors import InputDataError, Text
from twin.inputs.meters.formats import MINUTE_NS, NUMBER, Column, Parsed, one_value, resolve_unit

UNARETI_WITHDRAWAL = ("attiva_prelevata", "consumo_attiva_prelevata")
UNARETI_INJECTION = ("attiva_immessa",)


def _first_bad(mask: np.ndarray) -> int | None:
    bad = np.flatnonzero(mask)
    return int(bad[0]) if len(bad) else None


def _strict_numbers(cells: pd.Series, name: str, column: str) -> np.ndarray:
    """Values of a text column as floats (NaN where blank); the first non-number is an error
    naming its line."""
    text = cells.str.strip().str.strip('"').str.strip()
    blank = (text == "").to_numpy()
    bad = _first_bad(~blank & ~text.str.fullmatch(NUMBER.pattern).to_numpy())
    if bad is not None:
        raise InputDataError(Text("{name}: line {line}, field '{column}': expected a number such "
                                  "as 0,25 (no sign, no thousands separator); found "
                                  "{found!r}", name=name, line=bad + 2, column=column,
                                  found=text.iloc[bad]))
    values = np.full(len(text), np.nan)
    values[~blank] = text[~blank].str.replace(",", ".", regex=False).astype(float).to_numpy()
    return values


def read_unareti(text: str, name: str, unit: str | None) -> Parsed:
    """The Unareti curve export, read as columns (pandas' C parser) and checked as arrays."""
    frame = pd.read_csv(io.StringIO(text), sep=";", dtype=str, keep_default_na=False,
                        index_col=False)
    headers = {str(c).strip().lower(): c for c in frame.columns if str(c).strip()
               and not str(c).startswith("Unnamed")}
    col = {k: frame[v].astype(str) for k, v in headers.items()}
    columns = {"withdrawal": next((c for c in UNARETI_WITHDRAWAL if c in col), None),
               "injection": next((c for c in UNARETI_INJECTION if c in col), None)}
    parsed = Parsed("unareti", None, "15min", resolve_unit(None, unit, "kwh", name))
    dates = pd.to_datetime(col["data"].str.strip(), format="%Y%m%d", errors="coerce")
    bad = _first_bad(dates.isna().to_numpy())
    if bad is not None:
        raise InputDataError(Text("{name}: line {line}, field 'DATA': expected a date "
                                  "(yyyymmdd); found {found!r}", name=name,
                                  line=bad + 2, found=col['data'].iloc[bad]))
    clock = col["ora"].str.strip().str.zfill(6)
    flag = col["fl_ora_legale"].str.strip().str.lstrip("+").str.lstrip("0")
    ok = clock.str.fullmatch(r"([01]\d|2[0-3])[0-5]\d\d\d") & flag.isin(["1", "2"])
    bad = _first_bad(~ok.to_numpy())
    if bad is not None:
        raise InputDataError(Text("{name}: line {line}, fields 'ORA'/'FL_ORA_LEGALE': expected "
                                  "hhmmss and 1|2|+01|+02; found {clock!r}, "
                                  "{flag!r}", name=name, line=bad + 2,
                                  clock=clock.iloc[bad],
                                  flag=col['fl_ora_legale'].iloc[bad]))
    minutes = clock.str[:2].astype(int) * 60 + clock.str[2:4].astype(int)
    wall = dates.to_numpy().astype("datetime64[ns]").astype(np.int64) + \
        minutes.to_numpy() * MINUTE_NS
    offsets = flag.astype(int).to_numpy()
    utc = wall - offsets * 3_600 * 10**9
    lived = pd.DatetimeIndex(utc, tz="UTC").tz_convert(LOCAL_TZ).tz_localize(None)
    exists = lived.as_unit("ns").asi8 == wall  # a placeholder's time does not exist so flagged
    values = {q: _strict_numbers(col[c], name, headers[c]) for q, c in columns.items()
              if c is not None}
    for q, v in values.items():
        bad = _first_bad(~exists & (np.nan_to_num(v) > 0))
        if bad is not None:
            when = pd.Timestamp(int(wall[bad]))
            raise InputDataError(Text("{name}: line {line}: {when:%Y-%m-%d %H:%M} with flag "
                                      "{offset} is not a time of Europe/Rome, so it must be "
                                      "zero; found {q} {value:g}", name=name, line=bad + 2,
                                      when=when, offset=offsets[bad], q=q, value=v[bad]))
    lines = np.arange(2, len(frame) + 2)
    for q, v in values.items():
        keep = exists & ~np.isnan(v)
        column = parsed.values.setdefault(q, Column())
        column.stamps_ns = utc[keep].tolist()
        column.values = v[keep].tolist()
        column.places = [(int(line), headers[columns[q]]) for line in lines[keep]]
    if "tipo_dato" in col:
        kinds = col["tipo_dato"].str.strip().str.upper().to_numpy()
        parsed.estimated = dict(zip(utc[exists].tolist(), (kinds[exists] == "S").tolist(),
                                    strict=True))
    parsed.pod = one_value(set(col["pod"].str.strip()), name)
    if (~exists).any():
        parsed.notes.append(Text("{count} DST placeholder row(s) dropped (times that do "
                                 "not exist with their flag)",
                                 count=int((~exists).sum())))
    return parsed
