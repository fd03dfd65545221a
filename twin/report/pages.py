"""HTML pages of the reports: one self-contained file (inline SVG charts, no scripts, no downloads).

``run_report`` for a run, ``compare_report`` for a comparison; labels in English or Italian.
Charts are drawn with matplotlib and embedded as SVG, so the file opens offline in any browser.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from twin._version import __version__
from twin.core.locale import CATALOGUE, Say
from twin.core.numbers import number
from twin.core.time import to_local
from twin.report.charts import (
    fund_chart,
    heatmap_chart,
    local_times,
    measured_modelled_chart,
    monthly_chart,
    monthly_comparison_chart,
    period_labels,
    typical_days_chart,
)
from twin.rules.switches import SWITCH_NAMES

CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d2733;
background:#f6f7f9}main{max-width:1100px;margin:auto;padding:24px}
h1{margin:0 0 4px}h2{margin-top:32px;border-bottom:2px solid #2c7a4b;padding-bottom:4px}
.sub{color:#5b6773}.cards{display:flex;flex-wrap:wrap;gap:12px;margin-top:16px}
.card{background:#fff;border-radius:8px;padding:12px 16px;min-width:150px;
box-shadow:0 1px 2px #0002}.card b{display:block;font-size:1.4em;color:#2c7a4b}
table{border-collapse:collapse;background:#fff;margin:8px 0;font-size:.92em}
th,td{padding:4px 10px;border-bottom:1px solid #e3e6ea;text-align:right}
th:first-child,td:first-child,td.text{text-align:left}th{background:#eef1f4}
figure{background:#fff;margin:12px 0;padding:8px;border-radius:8px}svg{max-width:100%;height:auto}
.small{font-size:.85em;color:#5b6773}.scroll{overflow-x:auto;max-width:100%}
.summary{background:#fff;border-radius:8px;padding:8px 20px 16px}.summary h3{margin-bottom:4px}
@media print{body{background:#fff}main{max-width:none;padding:0}.summary{page-break-after:always}
.scroll{overflow:visible}figure,table{page-break-inside:avoid}}
"""


def _table(frame: pd.DataFrame, floats: str = "{:,.1f}", lang: str = "en") -> str:
    if isinstance(frame.index, pd.MultiIndex):  # one text column per level
        frame = frame.reset_index(level=list(range(1, frame.index.nlevels)))
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in [frame.index.name or "", *frame])
    rows = []
    for index, row in frame.iterrows():
        cells = [f"<td>{html.escape(str(index))}</td>"]
        for value in row:
            if isinstance(value, float | np.floating | int | np.integer) and \
                    not isinstance(value, bool | np.bool_):
                text = "" if pd.isna(value) else number(value, _digits(floats), lang)
                if "+" in floats and value > 0:
                    text = "+" + text
                cells.append(f"<td>{text}</td>")
            elif isinstance(value, Num):
                cells.append(f"<td>{html.escape(value)}</td>")
            else:
                cells.append(f"<td class='text'>{html.escape(str(value))}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (f"<div class='scroll'><table><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></div>")


class Num(str):
    """A number already written in the report's language (right-aligned like numbers)."""


SUMMARY_DIGITS = {"members": 0, "plants_kw": 0, "premium_eur": 0, "valorization_eur": 0,
                  "gse_fees_eur": 0, "fund_eur": 0, "excess_premium_eur": 0, "rid_eur": 0}
"""Decimals of each summary figure in the report (others: one)."""


def _by_configuration(summary: pd.DataFrame, names: dict, t: dict[str, str]) -> pd.DataFrame:
    """The summary with figures as rows and configurations as columns (it fits the page),
    each figure labelled in the report's language, counts as integers."""
    columns = [str(names.get(c, t["community_col"] if c == "community" else c))
               for c in summary.index]
    rows = {t[f"col_{name}"]: [Num(number(v, SUMMARY_DIGITS.get(name, 1), t["lang"]))
                               for v in summary[name]] for name in summary.columns}
    table = pd.DataFrame.from_dict(rows, orient="index", columns=columns)
    table.index.name = t["figure"]
    return table


def _digits(fmt: str) -> int:
    """Decimals of a ``{:,.1f}``-style format."""
    found = re.search(r"\.(\d+)f", fmt)
    return int(found.group(1)) if found else 0


def _cards(summary: pd.Series, t: dict[str, str]) -> str:
    lang = t["lang"]
    items = [("members", number(summary["members"], 0, lang)),
             ("plants_kw", number(summary["plants_kw"], 0, lang)),
             ("shared", number(summary["shared_mwh"], 1, lang)),
             ("shared_pct", number(summary["shared_pct_of_injected"], 1, lang)),
             ("self", number(summary["self_sufficiency_pct"], 1, lang)),
             ("premium", number(summary["premium_eur"], 0, lang)),
             ("valorization", number(summary["valorization_eur"], 0, lang)),
             ("fund", number(summary["fund_eur"], 0, lang))]
    return "<div class='cards'>" + "".join(
        f"<div class='card'>{html.escape(t[k])}<b>{v}</b></div>" for k, v in items) + "</div>"


def _page(title: str, subtitle: str, sections: Sequence[tuple[str, str]], lang: str) -> str:
    body = "".join(f"<h2>{html.escape(h)}</h2>{content}" for h, content in sections)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>{html.escape(title)}</title><style>{CSS}</style></head><body><main>"
            f"<h1>{html.escape(title)}</h1><div class='sub'>{html.escape(subtitle)}</div>"
            f"{body}<p class='small'>{CATALOGUE[lang]['generated']} {__version__}, {stamp}</p>"
            "</main></body></html>")


def _summary(result, name: str, period: str, t: dict[str, str]) -> str:  # noqa: ANN001
    """The first page for a council: the question, the answer in three figures, what was
    assumed and how sure it is."""
    from twin.sim.members import family_indicators

    ds, summary = result.dataset, result.summary.loc["community"]
    years = ds.sizes["time"] / 8760.0  # a common year: a one-year run shows its totals
    income = result.settings.fund.family_support.income_eur_per_year if result.settings \
        else 12000.0
    families = family_indicators(ds, result.fund, income)
    figures = [("shared_year", number(summary["shared_mwh"] / years, 0, t["lang"])),
               ("fund_year", number(summary["fund_eur"] / years, 0, t["lang"])),
               ("family_year", number(families["support_eur_per_family_year"], 0, t["lang"]))]
    cards = "<div class='cards'>" + "".join(
        f"<div class='card'>{html.escape(t[k])}<b>{v}</b></div>" for k, v in figures) + "</div>"
    texts = {"question": t["question_text"].format(name=name, period=period),
             "assumed": t["assumed_text"].format(weather=ds.attrs.get("weather_source", ""),
                                                 prices=ds.attrs.get("price_source", "")),
             "risk": t["risk_text"]}
    return ("<div class='summary'>"
            + f"<h3>{html.escape(t['question'])}</h3><p>{html.escape(texts['question'])}</p>"
            + f"<h3>{html.escape(t['answer'])}</h3>{cards}"
            + f"<h3>{html.escape(t['assumed'])}</h3><p>{html.escape(texts['assumed'])}</p>"
            + f"<h3>{html.escape(t['risk'])}</h3><p>{html.escape(texts['risk'])}</p></div>")


def run_report(result, name: str, lang: str = "en") -> str:  # noqa: ANN001 - RunResult
    """The HTML report of a run."""
    t = CATALOGUE[lang]
    ds = result.dataset
    local = local_times(ds)
    summary = result.summary
    names = dict(zip(ds["configuration"].to_numpy(), ds["configuration_name"].to_numpy(),
                     strict=True))
    config_table = _by_configuration(summary, names, t)
    plants = pd.DataFrame({
        t["configuration"]: ds["plant_configuration"].to_numpy(),
        "kWp": ds["plant_capacity_kwp"].to_numpy(), "kW": ds["plant_power_kw"].to_numpy(),
        t["in_operation"]: ds["plant_entry_into_operation"].to_numpy(),
        "MWh": ds["injected_energy_kwh"].sum("time").to_numpy() / 1000,
        t["premium"]: ds["premium_eur"].sum("time").to_numpy(),
        t["eligibility"]: _eligibility(ds, t)},
        index=pd.Index(ds["plant"].to_numpy(), name="plant"))
    mix = pd.crosstab(ds["member_category"].to_numpy(), ds["member_configuration"].to_numpy())
    mix = mix.rename(index=lambda c: t.get(f"cat_{c}", c), columns=lambda c: names.get(c, c))
    mix.index.name = t["category"]
    finance = result.finance()
    period = f"{local[0]:%Y-%m-%d} – {local[-1]:%Y-%m-%d}"
    sections = [
        (t["summary"], _summary(result, name, period, t)),
        (t["key"], _cards(summary.loc["community"], t)),
        (t["by_config"], _table(config_table, lang=t["lang"])),
        (t["by_year"] if len(period_labels(local)[0]) == 4 else t["monthly"],
         f"<figure>{monthly_chart(ds, t)}</figure>"),
        (t["days"], f"<figure>{typical_days_chart(ds, t)}</figure>"),
        (t["heatmap"], f"<figure>{heatmap_chart(ds, t)}</figure>"),
        (t["plants"], _table(plants, "{:,.1f}", lang=t["lang"])),
        (t["mix"], _table(mix, "{:,.0f}", lang=t["lang"])),
        (t["cash"], f"<figure>{fund_chart(result.cash_timeline, result.fund, t)}</figure>"
         + _table(_projects(result.projects, t), "{:,.0f}", lang=t["lang"])),
        (t["families"], _families(result, t)),
        (t["finance"], _table(_finance(finance, t), "{:,.0f}", lang=t["lang"])),
    ]
    if ds.sizes.get("battery", 0):
        sections.insert(4, (t["batteries"], _batteries(ds, t)))
    if local.year.nunique() > 1:
        from twin.sim.results import yearly_table

        yearly = yearly_table(ds).groupby(level="year").sum().drop(
            columns="self_sufficiency_pct")
        sections.append((t["yearly"], _table(_labelled(yearly, t), "{:,.0f}", lang=t["lang"])))
    keys = [*SWITCH_NAMES, "payment_calendar", "weather_source", "price_source", "time_step"]
    assumptions = pd.DataFrame({t["value"]: [str(ds.attrs.get(k, "")) for k in keys]},
                               index=pd.Index(keys, name=t["setting"]))
    provenance_keys = ["scenario", "scenario_sha256", "store", "branch", "head_seq",
                       "head_hash", "seed", "cer_twin_version", "future_events"]
    provenance = pd.DataFrame({t["value"]: [str(ds.attrs[k]) for k in provenance_keys
                                         if k in ds.attrs]},
                              index=pd.Index([k for k in provenance_keys if k in ds.attrs],
                                             name=t["field"]))
    counting = ds["member_counting"].to_series() if "member_counting" in ds.coords else None
    if counting is not None and (counting != "").any():
        late = counting[counting != ""]
        grouped = late.groupby(late).apply(lambda g: g.index[0] if len(g) == 1 else
                                           f"{g.index[0]} … {g.index[-1]} ({len(g)})")
        table = pd.DataFrame({t["members"]: grouped.to_numpy()}, index=grouped.index)
        table.index.name = t["counting"]
        sections.append((t["counting_title"], _table(table, lang=t["lang"])))
    if result.warnings:
        items = "".join(f"<li>{html.escape(w)}</li>" for w in result.warnings)
        sections.append((t["warnings"], f"<ul>{items}</ul>"))
    if not result.coverage.empty:
        sections.append((t["coverage"], f"<p class='small'>{html.escape(t['coverage_note'])}</p>"
                         + _table(result.coverage, '{:,.0f}', lang=t["lang"])))
    sections += [(t["assumptions"], _table(assumptions, lang=t["lang"])),
                 (t["provenance"], _table(provenance, lang=t["lang"]))]
    return _page(f"{name} — {t['report']}", period, sections, lang)


def _batteries(ds, t: dict[str, str]) -> str:  # noqa: ANN001 - a Dataset
    """Each battery's year in figures and a typical day of all of them."""
    from twin.report.charts import battery_day_chart

    charged = ds["battery_charge_energy_kwh"].sum("time").to_numpy()
    discharged = ds["battery_discharge_energy_kwh"].sum("time").to_numpy()
    capacity = ds["battery_soc_kwh"].max("time").to_numpy()
    table = pd.DataFrame({
        t["host"]: [h or t["community_battery"] for h in ds["battery_host_member"].to_numpy()],
        t["charged_mwh"]: charged / 1000, t["discharged_mwh"]: discharged / 1000,
        t["cycles"]: np.divide(discharged, capacity, out=np.zeros_like(capacity),
                               where=capacity > 0)},
        index=pd.Index(ds["battery"].to_numpy(), name=t["batteries"]))
    return (_table(table, "{:,.1f}", lang=t["lang"])
            + f"<figure>{battery_day_chart(ds, t)}</figure>")


def _eligibility(ds, t: dict[str, str]) -> list[str]:  # noqa: ANN001 - a Dataset
    """Each plant's premium eligibility in the report's language."""
    reasons = [str(r) for r in ds["plant_eligibility"].to_numpy()]
    if "plant_eligibility_code" not in ds.coords:
        return reasons
    say = Say(t["lang"])
    return [say.eligibility(reason, code, values)
            for reason, code, values in zip(reasons, ds["plant_eligibility_code"].to_numpy(),
                                            ds["plant_eligibility_values"].to_numpy(),
                                            strict=True)]


def _projects(projects: pd.DataFrame, t: dict[str, str]) -> pd.DataFrame:
    """The fund's projects with headers and status in the report's language."""
    table = projects.assign(status=projects["status"].map(lambda v: t.get(v, v)))
    table = table.rename(columns={"name": t["h_name"], "neighbourhood": t["h_neighbourhood"],
                                  "approved": t["h_approved"], "cost_eur": t["h_cost"],
                                  "scheduled": t["h_scheduled"], "funded": t["h_funded"],
                                  "status": t["h_status"]})
    return table.set_index("project").rename_axis(t["h_project"])


def _families(result, t: dict[str, str]) -> str:  # noqa: ANN001 - RunResult
    """The families the fund serves (BILLS.md §8 indicators) and bills by category."""
    from twin.sim.members import family_indicators, member_table

    income = result.settings.fund.family_support.income_eur_per_year if result.settings \
        else 12000.0
    f = family_indicators(result.dataset, result.fund, income)
    rows = [("n_families", f["families"]), ("family_bill", f["bill_eur_per_family_year"]),
            ("family_support", f["support_eur_per_family_year"]), ("burden", f["burden_pct"]),
            ("burden_after", f["burden_after_support_pct"]),
            ("to_families", f["to_families_pct"]), ("to_projects", f["to_projects_pct"]),
            ("kept", f["kept_pct"])]
    indicators = pd.DataFrame({t["value"]: [number(v, 0 if isinstance(v, int) else 1,
                                                   t["lang"]) for _, v in rows]},
                              index=pd.Index([t[k] for k, _ in rows], name=t["indicator"]))
    members = member_table(result.dataset, result.fund.attrs.get("support_paid_by_member_eur",
                                                                 {}))
    per_year = members.select_dtypes("number").div(members["active_days"] / 365.0, axis=0)
    by_category = per_year.groupby(members["category"]).mean()[[
        "consumption_kwh", "self_consumed_kwh", "bill_eur", "avoided_by_own_plant_eur",
        "support_received_eur"]].rename(
        index=lambda c: t.get(f"cat_{c}", c),
        columns={"consumption_kwh": t["h_consumption"], "self_consumed_kwh": t["h_self_consumed"],
                 "bill_eur": t["h_bill"], "avoided_by_own_plant_eur": t["h_avoided_member"],
                 "support_received_eur": t["h_support"]})
    by_category.index.name = t["category"]
    return (f"<p class='small'>{html.escape(t['families_note'].format(income=income))}</p>"
            + _table(indicators, "{:,.1f}", lang=t["lang"])
            + f"<h3>{html.escape(t['bills_by_category'])}</h3>"
            + _table(by_category, "{:,.0f}", lang=t["lang"]))


FINANCE_COLUMNS = {"kwp": "h_kwp", "capex_eur": "h_capex", "year1_net_eur": "h_year1",
                   "year1_avoided_bill_eur": "h_avoided", "npv_eur": "npv", "irr_pct": "irr",
                   "payback_years": "payback"}
"""The economics table's columns and their labels."""


def _finance(finance: pd.DataFrame, t: dict[str, str]) -> pd.DataFrame:
    """Each plant's economics (and the community's), in the report's words."""
    table = finance[list(FINANCE_COLUMNS)].rename(
        columns={c: t[k] for c, k in FINANCE_COLUMNS.items()})
    return table.rename(index={"community": t["community_col"]}).rename_axis(t["h_plant"])


def compare_report(comparison, a, b, lang: str = "en") -> str:  # noqa: ANN001
    """The HTML report of a comparison of two runs (B minus A)."""
    t = CATALOGUE[lang]
    # Energy and euro add up over years and configurations; percentages do not (they stay in
    # the year-by-year table).
    totals = comparison.by_year.groupby(level="configuration").sum()
    diff = totals.filter(like="_diff").rename(columns=lambda c: c.removesuffix("_diff"))
    diff = diff.drop(columns=[c for c in diff if c.endswith("_pct")])
    diff.loc[t["community_col"]] = diff.sum()
    runs = ((a.dataset, comparison.name_a), (b.dataset, comparison.name_b))
    hours = comparison.hours.rename(columns={"diff_kwh": "shared_kwh_diff"})
    hours.index = to_local(hours.index).strftime("%Y-%m-%d %H:%M")
    hours.index.name = t["hour"]
    yearly = comparison.by_year[["shared_mwh_a", "shared_mwh_b",
                                 *comparison.by_year.filter(like="_diff")]]
    sections = [
        (t["difference"], _table(_labelled(diff, t), "{:+,.1f}", lang=t["lang"])),
        (t["monthly_shared"], f"<figure>{monthly_comparison_chart(runs, t)}</figure>"),
        (t["yearly"], _table(_labelled(yearly, t), "{:,.1f}", lang=t["lang"])),
        (t["hours"], _table(_labelled(hours, t), "{:,.1f}", lang=t["lang"])),
    ]
    return _page(f"{t['comparison']}: {comparison.name_b} − {comparison.name_a}",
                 "B − A", sections, lang)


def _labelled(frame: pd.DataFrame, t: dict[str, str]) -> pd.DataFrame:
    """A table of run figures in the report's words (``shared_mwh`` is "Shared (MWh)"; in a
    comparison ``shared_mwh_a`` is "Shared (MWh) A", ``_diff`` "B − A"); index levels too."""
    def label(column: str) -> str:
        base, _, side = column.rpartition("_")
        if side not in ("a", "b", "diff"):
            base, side = column, ""
        name = t.get(f"col_{base}", base)
        return {"a": f"{name} A", "b": f"{name} B", "diff": f"{name} B − A"}.get(side, name)

    out = frame.rename(columns=label)
    out.index = out.index.set_names([t.get(n, n) if n else n for n in out.index.names])
    return out


CALIBRATION_COLUMNS = {
    "covered_h": ("hours_measured", "{:,.0f}"), "measured_kwh": ("measured_kwh", "{:,.0f}"),
    "modelled_kwh": ("modelled_kwh", "{:,.0f}"), "ratio": ("ratio", "{:.3f}"),
    "r": ("r", "{:.3f}"), "peak_measured_kw": ("peak_measured_kw", "{:,.1f}"),
    "peak_modelled_kw": ("peak_modelled_kw", "{:,.1f}"),
    "specific_yield_measured_kwh_per_kwp": ("yield_measured", "{:,.0f}"),
    "specific_yield_modelled_kwh_per_kwp": ("yield_modelled", "{:,.0f}"),
}
"""Columns of the calibration tables: label key and format."""


def _formatted(frame: pd.DataFrame, t: dict[str, str]) -> pd.DataFrame:
    out = pd.DataFrame(index=frame.index)
    for column, (label, fmt) in CALIBRATION_COLUMNS.items():
        if column in frame:
            out[t.get(label, label)] = [fmt.format(v) if pd.notna(v) else "–"
                                        for v in frame[column]]
    return out


def calibration_report(result, name: str, lang: str = "en") -> str:  # noqa: ANN001 - Calibration
    """Measured against modelled, meter by meter, with a monthly chart each."""
    t = CATALOGUE[lang]
    meters = result.meters.copy()
    meters.index = [f"{m} ({q})" for m, q in meters.index]
    sections = [(t["meters"], f"<p class='small'>{html.escape(t['calibration_note'])}</p>"
                 f"<div class='scroll'>{_table(_formatted(meters, t), lang=t['lang'])}</div>")]
    for (meter, quantity), months in result.monthly.groupby(level=["meter", "quantity"]):
        frame = months.droplevel(["meter", "quantity"])
        sections.append((f"{meter} ({quantity})",
                         f"<figure>{measured_modelled_chart(frame, t)}</figure>"
                         + _table(_formatted(frame, t), lang=t["lang"])))
    if result.suggestions:
        items = "".join(f"<li>{html.escape(_suggestion(e, t))}</li>" for e in result.suggestions)
        sections.append((t["suggested"], f"<ul>{items}</ul>"))
    return _page(f"{t['calibration']}: {name}", t["by_month"], sections, lang)


def _suggestion(event, t: dict[str, str]) -> str:  # noqa: ANN001 - a domain event
    if hasattr(event, "factor"):
        return t["derate"].format(plant=event.plant_id, factor=event.factor)
    return t["rescale"].format(member=event.member_id, kwh=event.annual_kwh)
