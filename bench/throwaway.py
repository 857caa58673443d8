"""A throwaway database for the benchmarks: a fresh SQLite file, or, when DATABASE_URL is
set, a test database created on that server and dropped after the run."""

import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


@contextmanager
def throwaway_database(prefix, shared=False):
    """``shared``: on SQLite, the test database is a file (not in memory), so that another
    process (gunicorn) can open it; the context then yields that database's URL."""
    scratch = tempfile.mkdtemp(prefix=prefix)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{scratch}/bench.sqlite3")
    os.environ.setdefault("MEDIA_ROOT", scratch)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_config.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import get_runner

    if shared and connection.vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = f"{scratch}/bench-test.sqlite3"
    runner = get_runner(settings)(verbosity=0, interactive=False)
    old_config = runner.setup_databases()
    try:
        url = os.environ["DATABASE_URL"]
        if connection.vendor == "sqlite":
            yield f"sqlite:///{connection.settings_dict['NAME']}"
        else:
            yield url.rsplit("/", 1)[0] + "/" + connection.settings_dict["NAME"]
    finally:
        runner.teardown_databases(old_config)
