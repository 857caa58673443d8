import time

from django.core.management.base import BaseCommand
from modelsearch.conf import get_app_config

from search.services import rebuild_index

BAR_WIDTH = 30


class Command(BaseCommand):
    help = "Rebuild the search index of every page, image and document, with a progress bar."

    def add_arguments(self, parser):
        parser.add_argument("--backend", help="Only this search backend (default: all).")
        parser.add_argument("--chunk-size", type=int, default=500, help="Objects per batch.")

    def handle(self, *args, backend=None, chunk_size=500, **options):
        self.verbosity = options["verbosity"]
        names = [backend] if backend else list(get_app_config().get_search_backend_config())
        for name in names:
            started = time.monotonic()
            self.last_line = ""
            total = rebuild_index(name, chunk_size=max(chunk_size, 1), progress=self.progress)
            if self.verbosity:
                self.stdout.write("")
                self.stdout.write(
                    self.style.SUCCESS(
                        f"Search backend {name!r}: {total} objects indexed "
                        f"in {time.monotonic() - started:.1f} s."
                    )
                )

    def progress(self, done, total):
        """Redraw the bar on one line in a terminal; elsewhere (logs, CI) print each step."""
        if not self.verbosity:
            return
        filled = BAR_WIDTH * done // total if total else BAR_WIDTH
        percent = 100 * done // total if total else 100
        line = f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {percent:3d}% {done}/{total}"
        if line == self.last_line:
            return
        self.last_line = line
        if self.stdout.isatty():
            self.stdout.write(f"\r{line}", ending="")
            self.stdout.flush()
        else:
            self.stdout.write(line)
