"""The network benchmark (`make bench`): queries and server time of every public page type at
two sizes, page-cache throughput under gunicorn, the admin on a large territory, and
create_territory. Prints a table and writes var/bench/<date>.json.

On a throwaway database: SQLite by default, DATABASE_URL's server when set. Sizes from the
environment: TERRITORIES (50), PROJECTS per territory (200), NEWS per project (5), ROUNDS
per page (20), WRK_SECONDS per throughput run (10).
"""

import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from urllib.request import Request, urlopen

from throwaway import ROOT, throwaway_database

TERRITORIES = int(os.environ.get("TERRITORIES", "50"))
PROJECTS = int(os.environ.get("PROJECTS", "200"))
NEWS = int(os.environ.get("NEWS", "5"))
ROUNDS = int(os.environ.get("ROUNDS", "20"))
WRK_SECONDS = int(os.environ.get("WRK_SECONDS", "10"))


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def pages_of(host, project, news):
    """Every public page type and listing, on one territory's host and on the hub."""
    return [
        ("hub", "localhost", "/"),
        ("catalogue", "localhost", "/catalogue/"),
        ("territory home", host, "/"),
        ("project index", host, "/projets/"),
        ("project", host, project),
        ("news index", host, "/actualites/"),
        ("news", host, news),
        ("call index", host, "/appels/"),
        ("results", host, "/resultats/"),
        ("search", host, "/recherche/?q=service"),
        ("feed (hub)", "localhost", "/flux/rss.xml"),
        ("feed (territory)", host, "/flux/atom.xml"),
        ("API projects (hub)", "localhost", "/api/projects.json"),
        ("API territories", "localhost", "/api/territories.json"),
    ]


def path_on_site(page):
    """The page's address on its own site: its url_path without the home page's slug."""
    return "/" + page.url_path.split("/", 2)[2]


def measure_pages(pages):
    """Queries and server time of each page, rendered every time (page cache off)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    client = Client()
    results = {}
    with override_settings(PAGECACHE_ENABLED=False):
        for label, host, path in pages:
            assert client.get(path, HTTP_HOST=host).status_code == 200, (host, path)
            with CaptureQueriesContext(connection) as queries:
                client.get(path, HTTP_HOST=host)
            # Read now: the next request empties the connection's query log.
            count = len(queries)
            timings = []
            for _round in range(ROUNDS):
                start = time.perf_counter()
                client.get(path, HTTP_HOST=host)
                timings.append(time.perf_counter() - start)
            results[label] = {
                "path": f"{host}{path}",
                "queries": count,
                "median_ms": round(statistics.median(timings) * 1000, 1),
                "p95_ms": round(percentile(timings, 0.95) * 1000, 1),
            }
    return results


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def throughput(database_url, host, path, cached):
    """Requests per second of one page, gunicorn with 2 workers, wrk on loopback."""
    wrk = shutil.which("wrk")
    if wrk is None:
        return None
    port = free_port()
    log = open(ROOT / "var" / "bench" / "gunicorn.log", "a")
    env = dict(
        os.environ,
        DATABASE_URL=database_url,
        PAGECACHE_ENABLED="true" if cached else "false",
        DEBUG="false",
        SECRET_KEY="benchmark-only",
    )
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "site_config.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    try:
        for _attempt in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.2)
        url = f"http://127.0.0.1:{port}{path}"
        # Each worker's first requests load the code and fill its caches: not measured.
        for _request in range(20):
            urlopen(Request(url, headers={"Host": host}), timeout=30).read()
        header = ["-H", f"Host: {host}", "--timeout", "10s"]
        output = subprocess.run(
            [wrk, "-t2", "-c8", f"-d{WRK_SECONDS}s", *header, url],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        line = next(line for line in output.splitlines() if line.startswith("Requests/sec"))
        return float(line.split()[1])
    finally:
        server.terminate()
        server.wait()
        log.close()


def admin_times(territory):
    """The explorer of the territory's biggest section and a project's edit view."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from projects.models import NewsIndexPage, ProjectIndexPage, ProjectPage
    from territories.services import section_of

    user = get_user_model().objects.create_superuser("bench", password="bench-bench-bench")
    client = Client()
    client.force_login(user)
    index = section_of(territory.home, ProjectIndexPage)
    news = section_of(territory.home, NewsIndexPage)
    project = ProjectPage.objects.child_of(index).first()
    results = {"pages in territory": territory.pages().count()}
    for label, url in [
        ("explorer (projects)", f"/admin/pages/{index.pk}/"),
        ("explorer (news)", f"/admin/pages/{news.pk}/"),
        ("page edit view", f"/admin/pages/{project.pk}/edit/"),
    ]:
        assert client.get(url, HTTP_HOST="localhost").status_code == 200, url
        timings = []
        for _round in range(max(3, ROUNDS // 4)):
            start = time.perf_counter()
            client.get(url, HTTP_HOST="localhost")
            timings.append(time.perf_counter() - start)
        results[label] = {
            "median_ms": round(statistics.median(timings) * 1000, 1),
            "p95_ms": round(percentile(timings, 0.95) * 1000, 1),
        }
    return results


def print_table(title, rows):
    print(f"\n{title}")
    print(f"  {'page':<22}{'queries':>8}{'median ms':>11}{'p95 ms':>9}")
    for label, row in rows.items():
        print(f"  {label:<22}{row['queries']:>8}{row['median_ms']:>11}{row['p95_ms']:>9}")


def main():
    (ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)
    with throwaway_database("bench-network-", shared=True) as database_url:
        from django.core.management import call_command
        from django.db import connection

        from demo.loader import DemoLoader
        from projects.models import NewsPage, ProjectPage
        from territories.models import Territory
        from territories.services import TerritorySpec, create_territory

        DemoLoader(port=80).load()
        report = {
            "date": datetime.now().isoformat(timespec="minutes"),
            "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.platform()}",
            "database": connection.vendor,
            "sizes": {"territories": TERRITORIES, "projects": PROJECTS, "news": NEWS},
        }
        demo = pages_of(
            "var.localhost",
            "/projets/rsa-en-ligne/",
            "/actualites/lancement-pre-incubation-2019/",
        )
        report["demo"] = measure_pages(demo)
        print_table("Demo network (4 territories)", report["demo"])

        start = time.perf_counter()
        call_command(
            "generate_network", territories=TERRITORIES, projects=PROJECTS, news=NEWS, seed=1
        )
        report["generation_s"] = round(time.perf_counter() - start, 1)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        territory = Territory.objects.filter(slug__startswith="genere-").order_by("pk").last()
        host = territory.site.hostname
        project = ProjectPage.objects.descendant_of(territory.home).first()
        news = NewsPage.objects.descendant_of(territory.home).first()
        generated = pages_of(host, path_on_site(project), path_on_site(news))
        report["generated"] = measure_pages(generated)
        print_table(
            f"Generated network ({TERRITORIES + 4} territories, {PROJECTS} projects and "
            f"{PROJECTS * NEWS} news each)",
            report["generated"],
        )

        report["admin"] = admin_times(territory)
        print(f"\nAdmin, territory with {report['admin']['pages in territory']} pages")
        for label in ("explorer (projects)", "explorer (news)", "page edit view"):
            row = report["admin"][label]
            print(f"  {label:<22}median {row['median_ms']} ms, p95 {row['p95_ms']} ms")

        timings = []
        for number in range(5):
            spec = TerritorySpec(
                name=f"Mesure {number}", slug=f"mesure-{number}", hostname=f"m{number}.localhost"
            )
            start = time.perf_counter()
            create_territory(spec)
            timings.append(time.perf_counter() - start)
        report["create_territory_ms"] = round(statistics.median(timings) * 1000)
        print(f"\ncreate_territory, generated network: median {report['create_territory_ms']} ms")

        # Committed rows only reach gunicorn's connections: the throwaway database is not in a
        # transaction here, every write above is already committed.
        rps = {}
        for cached in (False, True):
            rps["cached" if cached else "uncached"] = throughput(
                database_url, host, path_on_site(project), cached
            )
        report["requests_per_second"] = rps
        if rps["uncached"] is None:
            print("\nThroughput skipped: wrk is missing (apt-get install wrk).")
        else:
            print(
                f"\nProject page under gunicorn (2 workers), wrk 2 threads 8 connections "
                f"{WRK_SECONDS} s: {rps['uncached']:.0f} req/s uncached, "
                f"{rps['cached']:.0f} req/s from the page cache "
                f"(x{rps['cached'] / rps['uncached']:.1f})"
            )

        folder = ROOT / "var" / "bench"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"network-{connection.vendor}-{datetime.now():%Y%m%d-%H%M}.json"
        target.write_text(json.dumps(report, indent=2, ensure_ascii=False))
        print(f"\nWritten to {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
