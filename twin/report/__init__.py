"""HTML reports: one self-contained file (inline SVG charts, no scripts, no downloads).

``run_report`` for a run, ``compare_report`` for a comparison; labels in English or Italian.
Charts (:mod:`twin.report.charts`) are matplotlib ``Figure`` objects embedded as SVG, so the
file opens offline in any browser and no global matplotlib backend is switched.
"""

from twin.report.pages import calibration_report, compare_report, run_report

__all__ = ["calibration_report", "compare_report", "run_report"]
