"""The targets of issue 19, one row each: what a benchmark measured against its limit.

Each benchmark records its rows in var/bench/targets-<benchmark>-<database>.json (the last
run's); `make bench` then prints them all in one table (``python bench/targets.py``), with
the machine's load average, so that a run shows at a glance what holds and what does not.
"""

import json
import os
import sys
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "var" / "bench"


def row(target, measured, limit, met, ratio=""):
    """``met`` None: shown for information (a figure the target does not apply to)."""
    return {"target": target, "measured": measured, "ratio": ratio, "limit": limit, "met": met}


def verdict(met):
    return "(info)" if met is None else "met" if met else "NOT MET"


def print_rows(rows, title="Targets"):
    print(f"\n{title}")
    print(f"  {'target':<62}{'measured':>24}{'ratio':>8}{'limit':>11}")
    for item in rows:
        print(
            f"  {item['target']:<62}{item['measured']:>24}{item['ratio']:>8}{item['limit']:>11}"
            f"  {verdict(item['met'])}"
        )


def record(benchmark, database, rows):
    """Print ``rows`` and keep them for the summary of the whole run."""
    print_rows(rows)
    FOLDER.mkdir(parents=True, exist_ok=True)
    path = FOLDER / f"targets-{benchmark}-{database}.json"
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    path.write_text(
        json.dumps(
            {
                "benchmark": benchmark,
                "database": database,
                "date": datetime.now().isoformat(timespec="minutes"),
                "load_average": load,
                "rows": rows,
            },
            indent=2,
            ensure_ascii=False,
        )
    )


def summary():
    """Every benchmark's last recorded rows, one table per database."""
    runs = [json.loads(path.read_text()) for path in sorted(FOLDER.glob("targets-*.json"))]
    if not runs:
        print("No benchmark has recorded its targets yet: run `make bench`.")
        return 1
    for database in sorted({run["database"] for run in runs}):
        rows = []
        for run in (run for run in runs if run["database"] == database):
            print(
                f"{run['benchmark']} on {database}: {run['date']}, load average at the end "
                f"{run['load_average']}"
            )
            rows += run["rows"]
        print_rows(rows, f"All targets, {database}")
    return 0


if __name__ == "__main__":
    sys.exit(summary())
