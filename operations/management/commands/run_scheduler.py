"""Scheduled publication beside the server: `make run` and `make serve` start this command.

It runs Wagtail's ``publish_scheduled`` (pages whose go-live date has come, pages whose expiry
date has passed) once a minute until it is stopped, then the jobs the feature apps register
with the ``register_scheduled_job`` hook (operations/scheduler.py). In production, cron or a
systemd timer runs ``manage.py run_scheduler --once`` every minute instead (see the README's
"Deploying").
"""

import logging
import os
import signal
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connections

from home.generations import changes_seen_everywhere
from operations.scheduler import run_scheduled_jobs

logger = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


class Command(BaseCommand):
    help = (
        "Publish the pages whose go-live time has come (and unpublish expired ones) every "
        "minute, until stopped by SIGTERM or Ctrl-C. --once runs it a single time."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=float, default=60, help="Seconds between runs (default: 60)."
        )
        parser.add_argument("--once", action="store_true", help="Run once, then exit.")

    def handle(self, *args, interval=60, once=False, **options):
        if once:
            publish_due()
            return
        stopping = []
        # A signal ignored by whoever started us stays ignored (as Python does for Ctrl-C):
        # `make run` starts this in the background, where the shell ignores Ctrl-C, and stops
        # it with SIGTERM once the server has stopped.
        previous = {
            sig: signal.signal(sig, lambda *_: stopping.append(True))
            for sig in STOP_SIGNALS
            if signal.getsignal(sig) is not signal.SIG_IGN
        }
        parent = os.getppid()
        if options["verbosity"]:
            self.stdout.write(f"Scheduled publication: every {interval:g} s.")
        try:
            while not stopping:
                try:
                    publish_due()
                except Exception:
                    # A database outage must not end the loop: the next run catches up.
                    logger.exception("Scheduled publication failed; trying again later.")
                # Short sleeps: a signal stops the loop within a second, between two runs,
                # never in the middle of one; so does the end of whoever started it.
                deadline = time.monotonic() + interval
                while not stopping and time.monotonic() < deadline:
                    if os.getppid() != parent:
                        stopping.append(True)
                        break
                    time.sleep(min(1.0, max(deadline - time.monotonic(), 0)))
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        if options["verbosity"]:
            self.stdout.write("Scheduled publication stopped.")


def publish_due():
    # A long-lived process: a connection that broke (database restarted) or outlived
    # DATABASE_CONN_MAX_AGE is replaced, as Django does at each request. Never inside a
    # transaction (a caller's, or a test's), which closing would break.
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()
    # Complete once every process serves what it published: the jobs after it (the news
    # emails) may send people to it.
    with changes_seen_everywhere():
        call_command("publish_scheduled", verbosity=0)
    run_scheduled_jobs()
