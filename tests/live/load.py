"""The load test: locust's visitors (tests/live/locustfile.py) against gunicorn in production
mode on PostgreSQL, from a second process on loopback.

`make load` runs it on its own (python -m tests.live.load: a throwaway PostgreSQL cluster,
Redis and gunicorn, then the figures); tests/live/test_load.py runs it in the suite.
USERS and DURATION (seconds) change the load; the defaults are the issue's 50 visitors for
60 s.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg

from demo import content

from .services import (
    CALL_HOST,
    CALL_PATH,
    ROOT,
    Gunicorn,
    PostgresCluster,
    RedisServer,
    free_port,
    prepare_database,
    production_env,
)

LOCUSTFILE = Path(__file__).parent / "locustfile.py"
HOSTS = ["localhost", *(territory["hostname"] for territory in content.TERRITORIES)]


def run_load(server, folder, users=50, duration=60):
    """Run locust headless against the server; its figures, as locustfile.py writes them."""
    results = Path(folder) / "load-results.json"
    env = {
        **os.environ,
        "LOAD_PORT": str(server.port),
        "LOAD_SITES": ",".join(HOSTS),
        "LOAD_CALL": f"{CALL_HOST} {CALL_PATH}",
        "LOAD_RESULTS": str(results),
    }
    subprocess.run(
        [str(Path(sys.executable).parent / "locust"), "-f", str(LOCUSTFILE)]
        + ["--headless", "--users", str(users), "--spawn-rate", str(users)]
        + ["--run-time", f"{duration}s", "--stop-timeout", "10", "--only-summary"]
        + ["--loglevel", "WARNING"],
        env=env,
        cwd=ROOT,
        check=False,  # locust exits with 1 when any request failed: the caller judges
        capture_output=True,
        timeout=duration + 120,
    )
    return json.loads(results.read_text())


def stored_markers(database_url, markers):
    """How many irritants carry each marker in their title."""
    with psycopg.connect(database_url.replace("postgres://", "postgresql://")) as connection:
        rows = connection.execute(
            "SELECT title FROM irritants_irritant WHERE title LIKE 'Test de charge charge-%%'"
        ).fetchall()
    titles = [title for (title,) in rows]
    return {marker: sum(marker in title for title in titles) for marker in markers}


def report(figures, stored):
    server_errors = sum(
        count for code, count in figures["statuses"].items() if code.isdigit() and int(code) >= 500
    )
    once = sum(count == 1 for count in stored.values())
    return (
        f"Load: {figures['requests']} requests in {figures['duration']} s by {figures['users']} "
        f"visitors ({figures['rps']:.1f} requests/s) over {figures['pages']} pages, search and "
        f"the irritant form; median {figures['median_ms']:.0f} ms, p95 {figures['p95_ms']:.0f} ms, "
        f"max {figures['max_ms']:.0f} ms; statuses {dict(sorted(figures['statuses'].items()))}; "
        f"5xx: {server_errors}; submissions confirmed {len(stored)}, stored exactly once {once}."
    )


def main():
    users = int(os.environ.get("USERS", "50"))
    duration = int(os.environ.get("DURATION", "60"))
    folder = Path(tempfile.mkdtemp(prefix="load-"))
    cluster, redis = PostgresCluster(), RedisServer()
    cluster.start()
    redis.start()
    port = free_port()
    database_url = cluster.url("postgres")
    env = production_env(folder, database_url, redis.url, IRRITANTS_RATE_LIMIT="1000000/60")
    server = Gunicorn(env, port, folder)
    try:
        print("Preparing the database (migrate, demo, static files)…", flush=True)
        prepare_database(env, port)
        server.start()
        print(f"Load: {users} visitors for {duration} s…", flush=True)
        figures = run_load(server, folder, users, duration)
        figures.update(users=users, duration=duration)
        print(report(figures, stored_markers(database_url, figures["confirmed"])))
    finally:
        server.stop()
        redis.kill()
        cluster.remove()


if __name__ == "__main__":
    main()
