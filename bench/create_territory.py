"""Benchmark: how long create_territory takes (target: under 3 s on SQLite).

Run it with `make bench-territory` (or `.venv/bin/python bench/create_territory.py`).
It works on a throwaway database: a fresh SQLite file, or, when DATABASE_URL is set, that
database's server with a test database created and dropped around the run.
"""

import os
import statistics
import time

from throwaway import throwaway_database

RUNS = int(os.environ.get("RUNS", "10"))


def main():
    with throwaway_database("bench-territory-"):
        from django.db import connection

        from demo.loader import DemoLoader
        from territories.services import TerritorySpec, create_territory

        DemoLoader(port=8000).load()  # the four demo territories already exist
        timings = []
        for number in range(RUNS):
            spec = TerritorySpec(
                name=f"Territoire de mesure {number}",
                slug=f"mesure-{number}",
                hostname=f"mesure-{number}.localhost",
                port=8000,
            )
            start = time.perf_counter()
            create_territory(spec)
            timings.append(time.perf_counter() - start)
            print(f"  run {number + 1}/{RUNS}: {timings[-1] * 1000:.0f} ms", flush=True)
        print(
            f"create_territory on {connection.vendor}, {RUNS} runs: "
            f"median {statistics.median(timings) * 1000:.0f} ms, "
            f"max {max(timings) * 1000:.0f} ms (target: under 3000 ms)"
        )


if __name__ == "__main__":
    main()
