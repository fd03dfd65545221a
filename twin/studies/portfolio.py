"""Portfolio ranking: which candidates first, each chosen given the ones already chosen.

Alone, three roofs in one configuration each look as good as if the others did not exist; the
shared energy they add together is less than the sum. The greedy portfolio adds one candidate at
a time (a roof at any size of its curve, a member batch, a new configuration): at each step every
remaining option is settled on top of the portfolio so far and the best by the objective is
taken, until none adds anything. For at most 8 candidates every subset is also tried (each roof
at its size in the greedy run, or its best size alone) and the best subset reported, so a
planner sees where greedy falls short.

Objectives: ``npv`` (NPV of the step's marginal cash flows), ``fund`` (yearly fund gain),
``shared_energy`` (yearly shared energy) and ``fund_per_euro`` (yearly fund gain per € of
capex).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from twin.core.progress import Progress, silent
from twin.finance import OPEX_EUR_PER_KWP_YEAR, plant_capex_eur
from twin.scenario.candidates import Candidates
from twin.studies.expansion import (
    Evaluator,
    State,
    _finance,
    configuration_capex_eur,
    roof_sizes,
)

OBJECTIVES = ("npv", "fund", "shared_energy", "fund_per_euro")
EXHAUSTIVE_UP_TO = 8
"""Candidate sets this small are also searched subset by subset."""


@dataclass(frozen=True)
class Option:
    """One way to take a candidate: a roof at one size, a batch, a configuration."""

    candidate: str
    kind: str
    kwp: float
    capex_eur: float
    opex_eur_per_year: float
    apply: Callable[[State], State]
    layout: str = ""
    """A roof's orientation layout (as_given, east_west)."""
    kwh: float = 0.0
    """A battery's capacity. [kWh]"""
    replacements: tuple[tuple[int, float], ...] = ()
    """(life, cost) of a battery replaced at the end of each life. [years], [€]"""


def options(evaluator: Evaluator, candidates: Candidates) -> dict[str, list[Option]]:
    """Every option of every candidate, by candidate id."""
    out: dict[str, list[Option]] = {}
    for roof in candidates.roofs:
        out[roof.id] = [
            Option(roof.id, "roof", float(kwp),
                   plant_capex_eur(kwp, roof.capex_eur_per_kwp), kwp * OPEX_EUR_PER_KWP_YEAR,
                   lambda s, roof=roof, kwp=float(kwp), layout=layout:
                   evaluator.roof_state(s, roof, kwp, layout), layout)
            for layout in roof.layouts for kwp in roof_sizes(roof)]
    for c in candidates.batteries:
        out[c.id] = [Option(c.id, "battery", 0.0, c.capex_eur(kwh),
                            c.capex_eur(kwh) * c.opex_pct_per_year / 100,
                            lambda s, c=c, kwh=kwh: evaluator.battery_state(s, c, kwh), kwh=kwh,
                            replacements=((c.life_years, c.capex_eur(kwh)),))
                     for kwh in c.sizes()]
    for batch in candidates.member_batches:
        out[batch.id] = [Option(batch.id, "members", 0.0, batch.cost_eur, 0.0,
                                lambda s, batch=batch: evaluator.batch_state(s, batch))]
    for new in candidates.new_configurations:
        kwp = sum(p.capacity_kwp for p in new.plants)
        out[new.id] = [Option(new.id, "configuration", kwp, configuration_capex_eur(new),
                              kwp * OPEX_EUR_PER_KWP_YEAR,
                              lambda s, new=new: evaluator.configuration_state(s, new))]
    return out


def score(objective: str, marginal: pd.Series, finance: dict, capex_eur: float) -> float:
    """The objective's value of a marginal (yearly) result."""
    if objective == "npv":
        return float(finance["npv_eur"])
    if objective == "fund":
        return float(marginal["fund_eur"])
    if objective == "shared_energy":
        return float(marginal["shared_mwh"])
    if objective == "fund_per_euro":
        return float(marginal["fund_eur"]) / capex_eur if capex_eur > 0 else float("inf")
    raise ValueError(f"objective: expected one of {OBJECTIVES}; found {objective!r}")


@dataclass
class _Step:
    option: Option
    state: State
    totals: pd.Series
    marginal: pd.Series
    finance: dict
    score: float


def _best_step(evaluator: Evaluator, state: State, totals: pd.Series,
               remaining: dict[str, list[Option]], candidates: Candidates, objective: str,
               per_year: float) -> _Step | None:
    best = None
    for opts in remaining.values():
        for option in opts:
            new_state = option.apply(state)
            new_totals = evaluator.totals(new_state)
            marginal = (new_totals - totals) * per_year
            finance = _finance(marginal, option.capex_eur, option.opex_eur_per_year,
                               candidates.finance, option.replacements)
            value = score(objective, marginal, finance, option.capex_eur)
            if best is None or value > best.score:
                best = _Step(option, new_state, new_totals, marginal, finance, value)
    return best


def greedy(evaluator: Evaluator, candidates: Candidates, objective: str = "npv",
           progress: Progress | None = None) -> pd.DataFrame:
    """The greedy portfolio: one row per step with the option taken, its marginal (yearly)
    shared energy, premium, fund and NPV given the steps before, and the cumulative curve."""
    say = progress or silent
    score(objective, pd.Series({"fund_eur": 0.0, "shared_mwh": 0.0}), {"npv_eur": 0.0}, 1.0)
    per_year = evaluator.per_year
    remaining = options(evaluator, candidates)
    state, totals = evaluator.state, evaluator.base
    rows: list[dict] = []
    while remaining:
        step = _best_step(evaluator, state, totals, remaining, candidates, objective, per_year)
        if step is None or step.score <= 0:
            break
        o = step.option
        rows.append({"step": len(rows) + 1, "candidate": o.candidate, "kind": o.kind,
                     "layout": o.layout, "kwp": o.kwp, "kwh": o.kwh, "capex_eur": o.capex_eur,
                     "shared_mwh": step.marginal["shared_mwh"],
                     "premium_eur": step.marginal["premium_eur"],
                     "fund_eur": step.marginal["fund_eur"], "npv_eur": step.finance["npv_eur"],
                     "objective": step.score})
        state, totals = step.state, step.totals
        del remaining[o.candidate]
        say("portfolio steps", len(rows), len(rows) + len(remaining))
    table = pd.DataFrame(rows)
    if len(table):
        for column in ("shared_mwh", "premium_eur", "fund_eur", "npv_eur", "capex_eur"):
            table[f"cumulative_{column}"] = table[column].cumsum()
        table = table.set_index("step")
    return table


def portfolio_value(evaluator: Evaluator, chosen: list[Option], candidates: Candidates,
                    objective: str) -> float:
    """The objective of taking ``chosen`` together (their combined marginal result)."""
    state = evaluator.state
    for option in chosen:
        state = option.apply(state)
    per_year = evaluator.per_year
    marginal = (evaluator.totals(state) - evaluator.base) * per_year
    capex = sum(o.capex_eur for o in chosen)
    finance = _finance(marginal, capex, sum(o.opex_eur_per_year for o in chosen),
                       candidates.finance, tuple(r for o in chosen for r in o.replacements))
    return score(objective, marginal, finance, capex)


def exhaustive_check(evaluator: Evaluator, candidates: Candidates, plan: pd.DataFrame,
                     objective: str = "npv") -> dict | None:
    """For at most :data:`EXHAUSTIVE_UP_TO` candidates: the best subset (each roof at the size
    greedy took, or its best size alone) against greedy's own set. ``None`` for larger sets."""
    opts = options(evaluator, candidates)
    if not opts or len(opts) > EXHAUSTIVE_UP_TO:
        return None
    taken = {row.candidate: (row.kwp, row.layout, row.kwh) for row in plan.itertuples()} \
        if len(plan) else {}
    fixed: dict[str, Option] = {}
    for cid, choices in opts.items():
        if cid in taken:
            fixed[cid] = next(o for o in choices if (o.kwp, o.layout, o.kwh) == taken[cid])
        else:  # the best size alone
            fixed[cid] = max(choices, key=lambda o: portfolio_value(evaluator, [o], candidates,
                                                                     objective))
    best_set, best_value = (), float("-inf")
    for r in range(1, len(fixed) + 1):
        for subset in itertools.combinations(fixed, r):
            value = portfolio_value(evaluator, [fixed[c] for c in subset], candidates, objective)
            if value > best_value:
                best_set, best_value = subset, value
    greedy_set = tuple(plan["candidate"]) if len(plan) else ()
    greedy_value = portfolio_value(evaluator, [fixed[c] for c in greedy_set], candidates,
                                   objective) if greedy_set else 0.0
    return {"best": sorted(best_set), "best_value": best_value, "greedy": sorted(greedy_set),
            "greedy_value": greedy_value,
            "agrees": sorted(best_set) == sorted(greedy_set)
            or best_value <= greedy_value + 1e-6 * max(1.0, abs(greedy_value))}
