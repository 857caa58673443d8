"""One live stack for the load, fault and email tests: a throwaway PostgreSQL cluster, a
Redis server, an SMTP server and gunicorn in production mode with the demo network, all on
loopback."""

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from .services import (
    Gunicorn,
    PostgresCluster,
    RedisServer,
    SmtpServer,
    free_port,
    prepare_database,
    production_env,
)


@dataclass
class LiveStack:
    cluster: PostgresCluster
    redis: RedisServer
    server: Gunicorn
    database_url: str
    folder: Path
    mailbox: SmtpServer


@pytest.fixture(scope="session")
def live():
    folder = Path(tempfile.mkdtemp(prefix="live-"))
    cluster, redis, mailbox = PostgresCluster(), RedisServer(), SmtpServer()
    server = None
    try:
        cluster.start()
        redis.start()
        mailbox.start()
        port = free_port()
        database_url = cluster.url("postgres")
        # The load test's visitors all come from 127.0.0.1: the rate limit is raised for them.
        env = production_env(
            folder, database_url, redis.url, IRRITANTS_RATE_LIMIT="1000000/60", **mailbox.env()
        )
        prepare_database(env, port)
        server = Gunicorn(env, port, folder)
        server.start()
        yield LiveStack(cluster, redis, server, database_url, folder, mailbox)
    finally:
        if server is not None:
            server.stop()
        redis.kill()
        mailbox.stop()
        cluster.remove()
        shutil.rmtree(folder, ignore_errors=True)
