"""Sweeps: many variants of a community run on dask.distributed, gathered into one Dataset.

A sweep file (TOML) names what varies; the variants are every combination of:

* ``scenarios``: scenario files or built-in names (relative to the sweep file), or
  ``store`` + ``branches``: branches of an event store;
* ``candidates``: optionally a candidates file; each roof at each size of its sizing curve is a
  variant of each scenario (besides the scenario as it is);
* ``weather_seeds``: a list of seeds, or ``{first = 1, count = 100}``, for the built-in weather
  generator (default: each scenario's own seed);
* ``years``: simulate this many calendar years (default: each scenario's period).

Each variant is one full run (:meth:`twin.Simulation.run`). Runs go to a ``LocalCluster`` by
default, or to the scheduler of an existing cluster (``tcp://host:8786``): the workers need
cer-twin installed and, for file inputs (weather, prices, stores), the same paths. A failed
variant is retried; one that still fails is reported by name with its error and the sweep ends
with an error after writing what succeeded.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import xarray as xr

from twin.core.progress import Progress, silent
from twin.errors import ScenarioError, SweepError, Text
from twin.scenario.bounds import MAX_SWEEP_VARIANTS
from twin.scenario.sweep_file import read_sweep_file
from twin.sim.results import SUMMARY_COLUMNS
from twin.sim.spec import RunSpec

RETRIES = 2
"""Times a failed variant is resubmitted before it is reported as failed."""


@dataclass(frozen=True)
class Variant:
    """One run of a sweep: a label, its run spec and the coordinates that describe it."""

    label: str
    spec: RunSpec
    source: str
    roof: str = ""
    roof_kwp: float = 0.0
    weather_seed: int = -1
    """-1: the scenario's own weather."""


def one_line(error: BaseException | None, width: int = 160) -> str:
    """An exception as one short line: its type and the first line of its message."""
    if error is None:
        return "no result"
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    line = f"{type(error).__name__}: {text}" if text else type(error).__name__
    return line if len(line) <= width else line[:width - 1] + "…"


def load_sweep(path: str | Path, allow_outside_paths: bool = False,
               max_variants: int = MAX_SWEEP_VARIANTS) -> list[Variant]:
    """Read a sweep file and expand it into its variants (its scenarios' data files inside their
    folders unless ``allow_outside_paths``; at most ``max_variants`` of them)."""
    import twin
    from twin.scenario.candidates import load_candidates
    from twin.studies.expansion import host_of, roof_plants, roof_sizes

    path = Path(path)
    sweep = read_sweep_file(path)

    def beside(name: str) -> Path | str:
        """A file next to the sweep file if there is one, else the name as given (a built-in
        scenario, a store URL)."""
        local = path.parent / name
        return local if local.exists() else name

    bases: list[tuple[str, RunSpec]] = [
        (Path(name).stem, twin.load(beside(name), allow_outside_paths).spec)
        for name in sweep.scenarios]
    bases += [(branch, twin.load_store(beside(sweep.store or ""), branch).spec)
              for branch in sweep.branches]
    roofs = []
    if sweep.candidates:
        candidates = load_candidates(beside(sweep.candidates))
        roofs = [(roof, float(kwp), layout) for roof in candidates.roofs
                 for layout in roof.layouts for kwp in roof_sizes(roof)]

    count = len(bases) * (1 + len(roofs)) * len(sweep.seeds())
    if count > max_variants:
        raise ScenarioError(Text("{path}: {count:,} variants ({bases} base(s) x "
                                 "{roofs} roof option(s) x {seeds} weather "
                                 "seed(s)); at most {max_variants:,} run in one sweep (give "
                                 "--max-variants N for more)", path=path, count=count,
                                 bases=len(bases), roofs=1 + len(roofs),
                                 seeds=len(sweep.seeds()), max_variants=max_variants))
    variants = []
    for source, spec in bases:
        if sweep.years is not None:
            spec = spec.with_years(sweep.years)
        start = spec.settings.simulation.start
        actions: list[tuple[str, RunSpec, str, float]] = [(source, spec, "", 0.0)]
        for roof, kwp, layout in roofs:
            host = host_of(spec, roof) if roof.host_member is not None else None
            plants = roof_plants(roof, kwp, max(start, spec.community.founded_on), host, layout)
            suffix = "" if layout == "as_given" else f"-{layout}"
            actions.append((f"{source}+{roof.id}{suffix}@{kwp:g}kWp",
                            dataclasses.replace(spec, events=(*spec.events, *plants)),
                            roof.id, kwp))
        for label, action_spec, roof_id, kwp in actions:
            for seed in sweep.seeds():
                variant = Variant(label, action_spec, source, roof_id, kwp)
                variants.append(with_weather_seed(variant, seed))
    return variants


def with_weather_seed(variant: Variant, seed: int | None) -> Variant:
    """The variant under another weather year (:meth:`RunSpec.with_weather_seed`; None:
    unchanged)."""
    if seed is None:
        return variant
    return dataclasses.replace(variant, label=f"{variant.label}/w{seed}",
                               spec=variant.spec.with_weather_seed(seed), weather_seed=seed)


def run_variant(variant: Variant) -> xr.Dataset:
    """Run one variant and keep what a sweep compares: the summary per configuration and the
    hourly shared energy per configuration (plants and members differ between variants)."""
    from twin.sim.run import Simulation

    result = Simulation(variant.spec).run()
    summary = result.summary.drop(index="community")
    ds = xr.Dataset(
        {name: ("configuration", summary[name].to_numpy(dtype=float),
                {"long_name": SUMMARY_COLUMNS[name]}) for name in SUMMARY_COLUMNS},
        coords={"configuration": summary.index.to_numpy(dtype=str)})
    ds["shared_energy_kwh"] = result.dataset["shared_energy_kwh"]
    return ds.expand_dims(scenario=[variant.label]).assign_coords(
        source=("scenario", [variant.source]), roof=("scenario", [variant.roof]),
        roof_kwp=("scenario", [variant.roof_kwp]),
        weather_seed=("scenario", [variant.weather_seed]))


def gather(parts: Sequence[xr.Dataset], labels: Sequence[str]) -> xr.Dataset:
    """One Dataset with a ``scenario`` dimension, in the order of ``labels``; configurations
    missing from a variant are NaN."""
    by_label = {str(p["scenario"].item()): p for p in parts}
    ordered = [by_label[label] for label in labels if label in by_label]
    return xr.concat(ordered, dim="scenario", join="outer", combine_attrs="drop_conflicts")


def run_sweep(variants: Sequence[Variant], client: Any = None,
              progress: Progress | None = None) -> xr.Dataset:
    """Run the variants on a dask.distributed ``client`` (or here, in order, without one).

    Each task is retried :data:`RETRIES` times. Raises :class:`SweepError` naming every variant
    that still failed; the error's ``partial`` attribute holds the Dataset of those that
    succeeded.
    """
    say = progress or silent
    labels = [v.label for v in variants]
    if len(set(labels)) != len(labels):
        raise ScenarioError(Text("the sweep has two variants with the same label"))
    parts, failed = [], {}
    say("variants", 0, len(variants))
    if client is None:
        for k, variant in enumerate(variants, 1):
            parts.append(run_variant(variant))
            say("variants", k, len(variants))
    else:
        from distributed import as_completed

        futures = client.map(run_variant, variants, key=[f"variant-{label}" for label in labels],
                             retries=RETRIES, pure=False)
        label_of = {f.key: label for f, label in zip(futures, labels, strict=True)}
        for k, future in enumerate(as_completed(futures), 1):
            if future.status == "finished":
                parts.append(future.result())
            else:  # an error after the retries, or a cancelled task (a lost cluster)
                try:
                    failed[label_of[future.key]] = one_line(future.exception())
                except Exception as error:  # noqa: BLE001 - reported, never dropped
                    failed[label_of[future.key]] = f"{future.status}: {one_line(error)}"
            future.release()
            say("variants", k, len(variants))
    result = gather(parts, labels) if parts else xr.Dataset()
    result.attrs["variants"] = len(variants)
    result.attrs["failed_variants"] = len(failed)
    if failed:
        raise SweepError([Text("{failed} of {count} variants failed after {retries} retries:",
                               failed=len(failed), count=len(variants), retries=RETRIES)]
                         + [f"  {label}: {message}" for label, message in failed.items()],
                         partial=result)
    return result


def write_sweep(ds: xr.Dataset, out: Path) -> Path:
    """Write a sweep's Dataset to NetCDF (``.nc``) or Zarr (``.zarr``)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix == ".zarr":
        ds.to_zarr(out, mode="w", zarr_format=2)  # v2: a stable spec for text coordinates
    elif out.suffix == ".nc":
        ds.to_netcdf(out)
    else:
        raise ScenarioError(Text("--out {out}: expected a .nc or .zarr path", out=out))
    return out
