"""The jobs that run each minute beside scheduled publication (``run_scheduler``).

A feature app adds one with the Wagtail hook ``register_scheduled_job``: a function taking no
argument, run after the publications of the minute (so a page that has just gone live is
seen by the job). One job failing does not stop the others: the next minute tries again.
"""

import logging

from wagtail import hooks

logger = logging.getLogger(__name__)


def scheduled_jobs():
    return hooks.get_hooks("register_scheduled_job")


def run_scheduled_jobs():
    for job in scheduled_jobs():
        try:
            job()
        except Exception:
            logger.exception("The scheduled job %s failed; trying again next minute.", job)
