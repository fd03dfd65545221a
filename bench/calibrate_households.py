"""How the household shapes by contracted-power class were calibrated (run on demand).

    python bench/calibrate_households.py

Fits, for each ARERA power class, the heights and evening timing of the household bumps so that
the expected daily shape (bumps widened by the members' time shifts) correlates with the ARERA
Lombardy average profiles of every month and day type (read from ../shared/data; the fitted
parameters, not the data, go into twin/assets/loads.py: HOUSEHOLD_CLASS_SHAPES). Prints the
parameters and the worst correlation.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from scipy import optimize

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "load" / "rse_cacer"
NAMES = {0: "Giorno feriale", 1: "Sabato", 2: "Domenica"}
CLASSES = ["0<P<=1.5", "1.5<P<=3", "3<P<=4.5", "4.5<P<=6", "P>6"]
HOURS = np.arange(24) + 0.5
SHIFT_STD_H = 0.7


def bump(centre, width, height):
    w = np.sqrt(width**2 + SHIFT_STD_H**2)
    gap = (HOURS - centre + 12) % 24 - 12
    return height * width / w * np.exp(-0.5 * (gap / w) ** 2)


def shape(params, month, day):
    (morning, midday, evening, evening_hour, summer_shift, cooling, night, base,
     evening_width, late) = params  # late: night loads, all year
    summer = 0.5 - 0.5 * np.cos(2 * np.pi * (month - 1) / 12)
    centres = {0: (7.6, 13.0, 3.6), 1: (9.5, 13.5, 2.8), 2: (10.0, 12.0, 1.7)}[day]
    out = base + bump(centres[0], 1.2, morning) + bump(centres[1], centres[2], midday)
    out = out + bump(evening_hour + summer_shift * summer, evening_width, evening)
    out = out + bump(1.5, 3.0, late)  # night loads all year (water heating, pumps)
    return out + summer * (bump(15.0, 2.6, cooling) + bump(3.0, 3.0, night)
                           + bump(23.3, 1.8, night))


def main() -> None:
    frame = pd.read_csv(DATA / "prelievo_orario_ARERA.csv")
    lom = frame[frame["Regione"] == "Lombardia"]
    for power_class in CLASSES:
        refs = {(m, d): lom[(lom["Classe potenza"] == power_class) & (lom["Mese"] == m)
                            & (lom["Working day"] == NAMES[d])].sort_values("Ora")[
            "Prelievo medio Orario Regionale (kWh)"].to_numpy()
            for m in range(1, 13) for d in NAMES}

        def loss(p, refs=refs):
            rs = [np.corrcoef(shape(np.abs(p), m, d), ref)[0, 1] for (m, d), ref in refs.items()]
            return -(np.mean(rs) + 2 * min(rs))

        best = None
        for start in ([0.30, 0.40, 0.85, 19.8, 0.7, 0.30, 0.15, 0.30, 1.9, 0.05],
                      [0.20, 0.10, 0.60, 20.2, 1.0, 0.15, 0.15, 0.60, 2.4, 0.20]):
            fit = optimize.minimize(loss, np.array(start), method="Nelder-Mead",
                                    options={"maxiter": 4000, "xatol": 1e-3, "fatol": 1e-6})
            if best is None or fit.fun < best.fun:
                best = fit
        p = np.abs(best.x)
        worst = min(np.corrcoef(shape(p, m, d), ref)[0, 1] for (m, d), ref in refs.items())
        print(f'    "{power_class}": ({", ".join(f"{v:.2f}" for v in p)}),  # worst r {worst:.3f}')


if __name__ == "__main__":
    main()
