"""Benchmark: the open data at two network sizes (target: at most 300 ms per page of
/api/projects.json at 10,000 projects on PostgreSQL; the CSV export's memory flat).

Run it with `.venv/bin/python bench/opendata.py`. Like bench/search.py it works on a
throwaway database: a fresh SQLite file, or, when DATABASE_URL is set, a test database
created and dropped on that server. The demo network is loaded, then `generate_network`
adds territories of PER_TERRITORY projects (each given two measured indicators, as the
demo's have) until each size of SIZES is reached.

At each size: the hub's API, page cache off, walked from the first page to the last by
links.next at the default page size (every page timed once), then the first, middle and last
pages timed ROUNDS times each, with their query counts; then the whole CSV export streamed
and thrown away chunk by chunk under tracemalloc (its peak is what the server holds),
against the same bytes joined in memory (what a non-streamed answer would hold).
"""

import gc
import json
import os
import statistics
import time
import tracemalloc
from urllib.parse import urlsplit

from targets import record, row
from throwaway import throwaway_database

SIZES = [int(size) for size in os.environ.get("SIZES", "1000,10000").split(",")]
PER_TERRITORY = int(os.environ.get("PER_TERRITORY", "200"))
ROUNDS = int(os.environ.get("ROUNDS", "20"))
INDICATOR = {
    "type": "indicator",
    "value": {
        "name": "Usagers servis",
        "category": "used",
        "unit": "usagers",
        "direction": "higher",
        "baseline": "0",
        "target": "100",
        "description": "",
        "highlighted": True,
        "measurements": [{"date": f"2024-0{month}-01", "value": "10"} for month in (1, 2, 3)],
    },
}


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def report(label, timings, queries=None):
    extra = f"   {queries} queries" if queries is not None else ""
    print(
        f"  {label:<30} n={len(timings):<4} median {statistics.median(timings) * 1000:7.1f} ms"
        f"   p95 {percentile(timings, 0.95) * 1000:7.1f} ms{extra}"
    )


def grow_to(size):
    """Generated territories until the network has ``size`` published projects."""
    from django.core.management import call_command
    from django.db import connection

    from projects.models import ProjectPage

    missing = size - ProjectPage.objects.live().count()
    if missing > 0:
        newest = ProjectPage.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        call_command(
            "generate_network",
            territories=-(-missing // PER_TERRITORY),
            projects=PER_TERRITORY,
            news=0,
            seed=size,
            stdout=open(os.devnull, "w"),  # noqa: SIM115
        )
        # The generated projects measure something, like the demo's: two indicators each.
        ProjectPage.objects.filter(pk__gt=newest).update(
            indicators=json.dumps([INDICATOR, INDICATOR])
        )
    if connection.vendor == "postgresql":
        # As autovacuum would after such a load: the planner's statistics, and the
        # visibility map and hint bits of the rows just written.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    return ProjectPage.objects.live().count()


def timed_get(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    parts = urlsplit(url)
    connection.queries_log.clear()  # a full log would count nothing
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        response = client.get(f"{parts.path}?{parts.query}", HTTP_HOST=parts.netloc)
        elapsed = time.perf_counter() - start
    assert response.status_code == 200, (url, response.status_code)
    return elapsed, len(queries), response.json()


def measure_pages(client):
    first = "http://localhost/api/projects.json"
    timed_get(client, first)  # warm-up: site lookup, identity, connections
    walk, counts, url, urls = [], set(), first, []
    while url:
        urls.append(url)
        elapsed, queries, payload = timed_get(client, url)
        walk.append(elapsed)
        counts.add(queries)
        url = payload["links"]["next"]
    total = payload["meta"]["count"]
    print(
        f"  /api/projects.json: {total} projects, {len(urls)} pages of "
        f"{payload['meta']['page_size']}, queries per page: {sorted(counts)}"
    )
    report("every page (links.next walk)", walk)
    for label, url in [
        ("first page", urls[0]),
        ("middle page", urls[len(urls) // 2]),
        ("last page", urls[-1]),
        ("first page, page_size=500", first + "?page_size=500"),
    ]:
        runs = [timed_get(client, url) for _round in range(ROUNDS)]
        report(label, [elapsed for elapsed, _queries, _payload in runs], runs[0][1])
    return walk


def measure_csv(client):
    """The CSV export's peak memory streamed (chunks thrown away) and held whole."""
    results = {}
    for label, keep in (("streamed", False), ("held whole", True)):
        tracemalloc.start()
        start = time.perf_counter()
        response = client.get("/api/projects.csv", HTTP_HOST="localhost")
        size, chunks = 0, []
        for chunk in response.streaming_content:
            size += len(chunk)
            if keep:
                chunks.append(chunk)
        elapsed = time.perf_counter() - start
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del chunks
        results[label] = peak
        print(
            f"  /api/projects.csv {label:<11} {size / 1e6:6.1f} MB in {elapsed:5.1f} s "
            f"(under tracemalloc), peak memory {peak / 1e6:6.1f} MB"
        )
    return results


def main():
    with throwaway_database("bench-opendata-"):
        from django.db import connection
        from django.test import Client
        from django.test.utils import override_settings

        from demo.loader import DemoLoader

        DemoLoader(port=80).load()
        client = Client()
        summary = []
        for size in SIZES:
            start = time.perf_counter()
            projects = grow_to(size)
            print(
                f"\n{projects} published projects on {connection.vendor} "
                f"(network grown in {time.perf_counter() - start:.1f} s)"
            )
            # What is loaded by now stays out of the cycle collector's way, as the server's
            # processes do once started (site/wsgi.py; they freeze less: the demo network
            # built here is not in a server).
            gc.collect()
            gc.freeze()
            # DEBUG off: Django would otherwise keep every query in memory. No lease on the
            # generations: each page counts their read, as after a lease runs out.
            with override_settings(
                PAGECACHE_ENABLED=False, DEBUG=False, GENERATIONS_LEASE_SECONDS=0
            ):
                walk = measure_pages(client)
                memory = measure_csv(client)
            summary.append((projects, walk, memory))
        record("opendata", connection.vendor, targets(summary, connection.vendor))


def targets(summary, vendor):
    """A page of the JSON at each size (the 300 ms applies on PostgreSQL), and the CSV
    export's streamed peak from the smallest size to the largest: flat means it grows by
    less than half while the data grows tenfold."""
    rows = []
    for projects, walk, _memory in summary:
        p95 = percentile(walk, 0.95) * 1000
        rows.append(
            row(
                f"/api/projects.json, p95 of every page, {projects:,} projects",
                f"{p95:.1f} ms",
                "<= 300 ms",
                p95 <= 300 if vendor == "postgresql" else None,
            )
        )
    (small, _walk, low), (large, _walk, high) = summary[0], summary[-1]
    growth = high["streamed"] / low["streamed"]
    rows.append(
        row(
            f"/api/projects.csv streamed, peak memory {small:,} → {large:,} projects",
            f"{low['streamed'] / 1e6:.1f} → {high['streamed'] / 1e6:.1f} MB",
            "< x1.5",
            growth < 1.5 if len(summary) > 1 else None,  # one size shows no growth
            ratio=f"x{growth:.2f}",
        )
    )
    rows.append(
        row(
            f"/api/projects.csv held whole instead, {large:,} projects",
            f"{high['held whole'] / 1e6:.1f} MB",
            "",
            None,
        )
    )
    return rows


if __name__ == "__main__":
    main()
