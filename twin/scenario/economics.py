"""The money sections of a scenario: how members are billed, the solidarity fund and its
projects, and the plants' finance (pydantic models; :mod:`twin.scenario.schema` uses them)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from twin.errors import Text


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class MemberBilling(_Model):
    """How the members' electricity is billed (BILLS.md; docs/bills.md). Unset fields take the
    default of the category: homes are resident domestic customers at 3 kW, energy-poor homes on
    the regulated vulnerable tariff and others on a PUN-indexed offer; other categories are
    low-voltage 'altri usi' on a PUN-indexed offer at 22 % VAT, deductible for an SME."""

    customer_class: Literal["domestic_resident", "domestic_non_resident", "lv_other",
                            "mv_other"] | None = Field(
        None, description="Tariff class (default: domestic_resident for homes, lv_other else).")
    offer: Literal["regulated_vulnerable", "pun_indexed", "fixed_price"] | None = Field(
        None, description="How energy is priced (default: regulated_vulnerable for "
        "energy_poor_household, pun_indexed else).")
    spread_eur_per_kwh: float | None = Field(
        None, ge=-0.2, le=0.5, description="pun_indexed: the offer's spread over the PUN "
        "(default: BILLS §6.3's example). [EUR/kWh]")
    fixed_eur_per_year: float | None = Field(
        None, ge=-200, le=20000, description="The offer's fixed fee (default: the regulated "
        "PCV + DISPbt, or BILLS §6.3's example). [EUR/year]")
    band_price_eur_per_kwh: list[float] | None = Field(
        None, min_length=3, max_length=3, description="fixed_price: prices in F1, F2, F3. "
        "[EUR/kWh]")
    vat_pct: float | None = Field(None, ge=0, le=30, description="VAT rate (default: 10 % "
                                  "domestic, 22 % else). [%]")
    vat_deductible: bool | None = Field(
        None, description="A business that recovers VAT (default: true for an sme).")
    household_size: int | None = Field(
        None, ge=1, le=30, description="People in the home (bonus sociale band; default 2).")
    isee_eur: float | None = Field(
        None, ge=0, le=1e6, description="ISEE of the household; energy-poor homes within the "
        "threshold get the bonus sociale (unknown: taken to qualify). [EUR]")

    @model_validator(mode="after")
    def _prices(self) -> MemberBilling:
        prices = self.band_price_eur_per_kwh
        if self.offer == "fixed_price" and prices is None:
            raise ValueError(Text("a fixed_price offer needs band_price_eur_per_kwh (F1, F2, F3)"))
        if prices is not None and not all(0 <= v <= 2 for v in prices):
            raise ValueError(Text("band_price_eur_per_kwh must be 0 to 2 EUR/kWh, found {prices}",
                                  prices=prices))
        return self


class Project(_Model):
    """A neighbourhood project the solidarity fund pays for once approved and affordable."""

    id: str = Field(description="Identifier of the project.")
    name: str = Field(description="What the project is.")
    cost_eur: float = Field(gt=0, description="Cost of the project. [EUR]")
    approved_on: dt.date = Field(description="Approval by the community (queue order).")
    configuration: str | None = Field(None, description="Configuration it serves, if one.")
    neighbourhood: str = Field("", description="Neighbourhood it serves.")


class FamilySupport(_Model):
    """How much each energy-poor family receives from the fund (docs/bills.md)."""

    policy: Literal["fixed", "share_of_bill", "target_burden"] = Field(
        "fixed", description="fixed: support_eur_per_family_per_year; share_of_bill: a share "
        "of the family's bill; target_burden: what brings the bill down to a share of income.")
    share_of_bill_pct: float = Field(
        30.0, ge=0, le=100, description="share_of_bill: the share paid. [%]")
    target_burden_pct: float = Field(
        3.0, ge=0, le=100, description="target_burden: the bill's target share of income. [%]")
    income_eur_per_year: float = Field(
        12000.0, gt=0, le=1e6, description="target_burden and the burden indicator: the "
        "assumed income of an energy-poor family (ISEE-band proxy [U]). [EUR/year]")
    cap_eur_per_year: float | None = Field(
        None, ge=0, description="Most a family receives in a year (default: no cap). [EUR]")


class Fund(_Model):
    """The solidarity fund: what the incentives pay for besides projects."""

    support_eur_per_family_per_year: float = Field(
        0.0, ge=0, description="fixed policy: support to each energy-poor household member, "
        "paid monthly before projects. [EUR/year]")
    family_support: FamilySupport = Field(
        FamilySupport(), description="The support policy ([fund.family_support]).")
    reserve_eur: float = Field(
        0.0, ge=0, description="Kept aside on top of the advances GSE may claw back. [EUR]")
    surplus: Literal["projects", "families"] = Field(
        "projects", description="What money beyond due support and the project queue does: "
        "wait for the next project, or raise family support up to its cap.")

    @model_validator(mode="after")
    def _surplus_needs_cap(self) -> Fund:
        if self.surplus == "families" and self.family_support.cap_eur_per_year is None:
            raise ValueError(Text("surplus = \"families\" raises support up to a cap: set "
                                  "family_support.cap_eur_per_year"))
        return self
    host_share_pct: float = Field(
        0.0, ge=0, le=100, description="Share of the incentives returned to members hosting "
        "plants (CER.ca.MI reportedly 20 % to SME and public hosts [U]). [%]")
    opening_balance_eur: float = Field(0.0, ge=0, description="[EUR]")


class PlantFinance(_Model):
    """One plant's costs and financing; unset fields take [finance]'s (or the default by
    size for capex)."""

    capex_eur_per_kwp: float | None = Field(None, ge=0, le=10000, description="[EUR/kWp]")
    opex_eur_per_kwp_year: float | None = Field(None, ge=0, le=500, description="[EUR/kWp/yr]")
    equity_share_pct: float | None = Field(None, ge=0, le=100, description="[%]")
    loan_rate_pct: float | None = Field(None, ge=0, le=30, description="[%]")
    loan_years: int | None = Field(None, ge=1, le=30, description="[years]")


class Finance(_Model):
    """Investment appraisal of the plants (NPV, IRR, payback) over ``years``."""

    discount_rate_pct: float = Field(4.0, ge=0, le=30, description="[%]")
    years: int = Field(20, ge=1, le=30, description="Appraisal horizon. [years]")
    price_escalation_pct_per_year: float | None = Field(
        None, ge=-20, le=20, description="Energy prices (RID, avoided bills) beyond the "
        "simulated years (default: [prices] escalation). [%/year]")
    equity_share_pct: float = Field(100.0, ge=0, le=100, description="[%]")
    loan_rate_pct: float = Field(4.0, ge=0, le=30, description="[%]")
    loan_years: int = Field(10, ge=1, le=30, description="[years]")
    opex_eur_per_kwp_year: float = Field(
        16.0, ge=0, le=500, description="O&M (ARERA opex component, derived [U]). [EUR/kWp/yr]")
    plants: dict[str, PlantFinance] = Field(
        default_factory=dict, description="Per plant id: its own costs and financing.")
