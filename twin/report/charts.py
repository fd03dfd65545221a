"""The report's charts: matplotlib figures (no global backend: ``Figure`` objects only, so a
notebook's backend is left alone), embedded as inline SVG."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import xarray as xr
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, ScalarFormatter

from twin.core.numbers import number
from twin.core.time import to_local


def svg(fig: Figure, lang: str = "en") -> str:
    """``fig`` as inline SVG, its numeric ticks written in ``lang`` (``1,5`` in Italian)."""
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            if isinstance(axis.get_major_formatter(), ScalarFormatter):
                axis.set_major_formatter(FuncFormatter(_tick_writer(axis, lang)))
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def _tick_writer(axis, lang: str):  # noqa: ANN001, ANN202 - a matplotlib Axis
    """Ticks with as many decimals as their spacing needs, in the language's separators."""
    ticks = np.diff(axis.get_ticklocs())
    step = float(np.min(np.abs(ticks[ticks != 0]))) if np.any(ticks != 0) else 1.0
    digits = max(0, -int(np.floor(np.log10(step) + 1e-9)))
    return lambda value, _position: number(value, digits, lang)


def local_times(ds: xr.Dataset) -> pd.DatetimeIndex:
    return to_local(ds["time"].to_numpy())


MAX_MONTH_BARS = 24
"""Beyond this many months a chart shows years: 240 monthly bars smear into a band."""


def period_labels(local: pd.DatetimeIndex) -> pd.Index:
    """The bar of each step: its month, or its year beyond :data:`MAX_MONTH_BARS` months."""
    month = local.strftime("%Y-%m")
    return local.strftime("%Y") if month.nunique() > MAX_MONTH_BARS else month


def monthly_chart(ds: xr.Dataset, t: dict[str, str]) -> str:
    """Shared energy by configuration and incentives per month, or per year for long runs."""
    local = local_times(ds)
    month = period_labels(local)
    shared = ds["shared_energy_kwh"].to_pandas()
    shared.index = month
    by_month = shared.groupby(level=0).sum() / 1000
    money = (ds["premium_eur"].sum("plant") + ds["valorization_eur"].sum("configuration"))
    incentives = pd.Series(money.to_numpy(), index=month).groupby(level=0).sum()
    fig = Figure(figsize=(10, 3.6))
    ax = fig.subplots()
    bottom = np.zeros(len(by_month))
    names = dict(zip(ds["configuration"].to_numpy(), ds["configuration_name"].to_numpy(),
                     strict=True))
    for cid in by_month.columns:
        ax.bar(by_month.index, by_month[cid], bottom=bottom, label=str(names[cid]))
        bottom += by_month[cid].to_numpy()
    ax.set_ylabel(t["mwh"])
    ax.tick_params(axis="x", rotation=90 if len(by_month) > 14 else 0, labelsize=8)
    ax2 = ax.twinx()
    ax2.plot(incentives.index, incentives.to_numpy(), color="black", marker="o", ms=3,
             label=f"{t['premium']} + {t['valorization']}")
    ax2.set_ylabel(t["eur"])
    ax.legend(loc="upper left", fontsize=8)
    ax2.legend(loc="upper right", fontsize=8)
    return svg(fig, t["lang"])


SEASONS = {"winter": (12, 1, 2), "spring": (3, 4, 5), "summer": (6, 7, 8),
           "autumn": (9, 10, 11)}
"""Months of each season of the typical-day charts."""


def _seasonal_figure() -> tuple[Figure, list]:
    """A figure of four panels side by side, one per season, sharing the y axis."""
    fig = Figure(figsize=(12, 3))
    return fig, list(fig.subplots(1, 4, sharey=True))


def typical_days_chart(ds: xr.Dataset, t: dict[str, str]) -> str:
    local = local_times(ds)
    injection = ds["configuration_injected_energy_kwh"].sum("configuration").to_numpy()
    withdrawal = ds["configuration_withdrawn_energy_kwh"].sum("configuration").to_numpy()
    fig, axes = _seasonal_figure()
    for ax, (season, months) in zip(axes, SEASONS.items(), strict=True):
        sel = np.isin(local.month, months)
        if not sel.any():
            ax.set_title(t[season])
            continue
        hours = local.hour[sel]
        inj = pd.Series(injection[sel]).groupby(hours).mean().reindex(range(24))
        wd = pd.Series(withdrawal[sel]).groupby(hours).mean().reindex(range(24))
        ax.fill_between(range(24), np.minimum(inj, wd), color="#9bd3ae", label=t["shared_area"])
        ax.plot(range(24), inj, color="#e3a008", label=t["injection"])
        ax.plot(range(24), wd, color="#1f5faa", label=t["withdrawal"])
        ax.set_title(t[season])
        ax.set_xlabel(t["hour"])
        ax.set_xticks([0, 6, 12, 18, 23])
    axes[0].set_ylabel("kW")  # settlement is hourly: mean kWh per hour is mean kW
    handles, labels = next((ax.get_legend_handles_labels() for ax in axes if ax.lines), ([], []))
    if handles:
        fig.legend(handles, labels, loc="upper right", fontsize=7)
    return svg(fig, t["lang"])


def heatmap_chart(ds: xr.Dataset, t: dict[str, str]) -> str:
    """Shared energy hour by day; a run of more than a year as its typical year (each day of
    the year averaged over the years)."""
    local = local_times(ds)
    shared = ds["shared_energy_kwh"].sum("configuration").to_numpy()
    day = local.normalize().tz_localize(None)
    if local.year.nunique() > 1:  # the typical year, labelled on a leap year's calendar
        day = pd.to_datetime("2000-01-01") + pd.to_timedelta(local.dayofyear - 1, unit="D")
    frame = pd.DataFrame({"day": day, "hour": local.hour, "kwh": shared}).pivot_table(
        index="hour", columns="day", values="kwh", aggfunc="mean" if local.year.nunique() > 1
        else "sum")
    fig = Figure(figsize=(10, 3.2))
    ax = fig.subplots()
    image = ax.imshow(frame.to_numpy(), aspect="auto", origin="lower", cmap="YlGn",
                      interpolation="nearest")
    ax.set_ylabel(t["hour"])
    ax.set_xlabel(t["day"])
    ticks = np.linspace(0, frame.shape[1] - 1, min(12, frame.shape[1])).astype(int)
    ax.set_xticks(ticks)
    ax.set_xticklabels([frame.columns[i].strftime("%d/%m") for i in ticks], fontsize=7)
    fig.colorbar(image, ax=ax, label="kWh")
    return svg(fig, t["lang"])


def fund_chart(cash: pd.DataFrame, fund: pd.DataFrame, t: dict[str, str]) -> str:
    """GSE payments and the fund's balance by month, or by year (balance at year end) when the
    run is longer than :data:`MAX_MONTH_BARS` months."""
    if len(cash) > MAX_MONTH_BARS:
        years = cash.index.str[:4]
        cash = cash[["payment_eur"]].groupby(years).sum()
        fund = fund[["balance_eur"]].groupby(fund.index.str[:4]).last()
    fig = Figure(figsize=(10, 3))
    ax = fig.subplots()
    ax.bar(cash.index, cash["payment_eur"], color="#7fb2e5", label=t["payments"])
    ax.plot(fund.index, fund["balance_eur"], color="#2c7a4b", marker="o", ms=3,
            label=t["balance"])
    ax.axhline(0, color="grey", lw=0.8)
    ax.set_ylabel(t["eur"])
    ax.tick_params(axis="x", rotation=90, labelsize=7)
    ax.legend(fontsize=8)
    return svg(fig, t["lang"])


def monthly_comparison_chart(runs: tuple[tuple[xr.Dataset, str], ...], t: dict[str, str]) -> str:
    """Monthly shared energy of each run, one line each."""
    fig = Figure(figsize=(10, 3.4))
    ax = fig.subplots()
    for ds, label in runs:
        shared = pd.Series(ds["shared_energy_kwh"].sum("configuration").to_numpy(),
                           index=local_times(ds).strftime("%Y-%m")).groupby(level=0).sum() / 1000
        ax.plot(shared.index, shared.to_numpy(), marker="o", label=label)
    ax.set_ylabel(t["mwh"])
    ax.tick_params(axis="x", rotation=90, labelsize=7)
    ax.legend(fontsize=8)
    return svg(fig, t["lang"])


def measured_modelled_chart(months: pd.DataFrame, t: dict[str, str]) -> str:
    """Measured and modelled energy by month, side by side."""
    fig = Figure(figsize=(10, 3))
    ax = fig.subplots()
    x = np.arange(len(months))
    ax.bar(x - 0.2, months["measured_kwh"], 0.4, label=t["measured"], color="#2c7a4b")
    ax.bar(x + 0.2, months["modelled_kwh"], 0.4, label=t["modelled"], color="#9aa5b1")
    ax.set_xticks(x, list(months.index), rotation=45, fontsize=8)
    ax.set_ylabel("kWh")
    ax.legend(fontsize=8)
    return svg(fig, t["lang"])


def battery_day_chart(ds: xr.Dataset, t: dict[str, str]) -> str:
    """A typical day of the batteries, by season: mean charge, discharge and stored energy."""
    local = local_times(ds)
    charge = ds["battery_charge_energy_kwh"].sum("battery").to_numpy()
    discharge = ds["battery_discharge_energy_kwh"].sum("battery").to_numpy()
    stored = ds["battery_soc_kwh"].sum("battery").to_numpy()
    fig, axes = _seasonal_figure()
    for ax, (season, months) in zip(axes, SEASONS.items(), strict=True):
        ax.set_title(t[season])
        sel = np.isin(local.month, months)
        if not sel.any():
            continue
        hours = local.hour[sel]
        for values, color, label in ((charge, "#e3a008", t["battery_charge"]),
                                     (discharge, "#1f5faa", t["battery_discharge"]),
                                     (stored, "#2c7a4b", t["battery_stored"])):
            mean = pd.Series(values[sel]).groupby(hours).mean().reindex(range(24))
            ax.plot(range(24), mean, color=color, label=label)
        ax.set_xlabel(t["hour"])
        ax.set_xticks([0, 6, 12, 18, 23])
    axes[0].set_ylabel("kW, kWh")
    handles, labels = next((ax.get_legend_handles_labels() for ax in axes if ax.lines), ([], []))
    if handles:
        fig.legend(handles, labels, loc="upper right", fontsize=7)
    return svg(fig, t["lang"])
