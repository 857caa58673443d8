"""The outside validators (`make validate`): Lighthouse 12.2.3 (Debian's Chromium, mobile and
desktop, median of RUNS runs), the Nu HTML checker (vnu-jar) and feedparser, on every page
type of the hub and of the Var, in French and in English, served as `make serve` serves them
(gunicorn, production settings) on a throwaway database holding the demo. Prints the figures
and writes them to bench/VALIDATORS.md.

Lighthouse and vnu-jar are pinned in validators/package-lock.json (`npm ci` there, with the
machine's npm: no browser is downloaded). Environment: RUNS per page and form factor (3),
WORKERS (2: Chromium processes side by side; 1 gives steadier performance figures on a busy
machine), ONLY (a comma-separated list of page labels, to rerun a few), CHROME_PATH
(/usr/bin/chromium), OUTPUT (bench/VALIDATORS.md; empty: not written), COMMIT (the commit
named in the output, when the tree is not a git checkout).
"""

import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urljoin, urlsplit
from urllib.request import Request, urlopen

from throwaway import ROOT, throwaway_database

RUNS = int(os.environ.get("RUNS", "3"))
WORKERS = int(os.environ.get("WORKERS", "2"))
ONLY = [label for label in os.environ.get("ONLY", "").split(",") if label]
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
OUTPUT = os.environ.get("OUTPUT", str(ROOT / "bench" / "VALIDATORS.md"))
VALIDATORS = ROOT / "validators"
VNU_JAR = VALIDATORS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
FORM_FACTORS = ["mobile", "desktop"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# The machine's closed network: without these Chromium keeps calling home. *.localhost reaches
# the local gunicorn whatever the system resolver says.
CHROME_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP *.localhost 127.0.0.1",
]
HUB = "localhost"
TERRITORY = "var.localhost"


def page_types():
    """(label, host, French path) of every public page type of the hub and of the Var."""
    from demo import content

    var = next(t for t in content.TERRITORIES if t["hostname"] == TERRITORY)
    return [
        ("hub home", HUB, "/"),
        ("hub content page", HUB, f"/{content.NETWORK['method_page']['slug']}/"),
        ("hub accessibility", HUB, "/accessibilite/"),
        ("catalogue", HUB, "/catalogue/"),
        ("reusable", HUB, "/catalogue/a-reutiliser/"),
        ("hub search results", HUB, "/recherche/?q=agents"),
        ("territory home", TERRITORY, "/"),
        ("calls index", TERRITORY, "/appels/"),
        ("call", TERRITORY, f"/appels/{var['calls'][0]['slug']}/"),
        ("project index", TERRITORY, "/projets/"),
        ("project", TERRITORY, f"/projets/{var['projects'][0]['slug']}/"),
        ("results", TERRITORY, "/resultats/"),
        ("news index", TERRITORY, "/actualites/"),
        ("news item", TERRITORY, f"/actualites/{var['news'][0]['slug']}/"),
        ("content page", TERRITORY, "/a-propos/"),
        ("accessibility", TERRITORY, "/accessibilite/"),
        ("search results", TERRITORY, "/recherche/?q=projet"),
    ]


class Links(HTMLParser):
    """The <link> elements of a page: its English alternate and the feeds it announces."""

    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "link":
            self.links.append(dict(attrs))


def links_of(html):
    parser = Links()
    parser.feed(html)
    return parser.links


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url):
    """Status, content type and body of ``url``, asked on loopback with the site's host, as a
    browser resolving *.localhost asks."""
    parts = urlsplit(url)
    local = parts._replace(netloc=f"127.0.0.1:{parts.port}").geturl()
    request = Request(local, headers={"Host": parts.netloc, "Accept-Encoding": "identity"})
    try:
        with urlopen(request, timeout=180) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def production_env(database_url):
    """`make serve`'s settings: production mode, hashed static files served by WhiteNoise,
    uploaded images served by gunicorn (SERVE_MEDIA)."""
    return dict(
        os.environ,
        DATABASE_URL=database_url,
        DJANGO_ENV="production",
        SECURE_SSL_REDIRECT="false",
        SECRET_KEY="validators-only",
        SERVE_MEDIA="true",
    )


def start_gunicorn(database_url, port, log):
    env = production_env(database_url)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "site_config.wsgi"]
        + ["--workers", "2", "--bind", f"127.0.0.1:{port}", "--access-logfile", "-"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
    )
    for _attempt in range(150):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            if server.poll() is not None:
                raise RuntimeError(f"gunicorn stopped (see {log.name})") from None
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("gunicorn did not answer within 30 s")


def discover(port):
    """Every page to validate, French then English: the English address is the French page's
    own hreflang="en" alternate, or its /en/ counterpart when it announces none."""
    pages = []
    for label, host, path in page_types():
        french = f"http://{host}:{port}{path}"
        status, _type, body = fetch(french)
        if status != 200:
            raise RuntimeError(f"{french} answered {status}")
        english = next(
            (
                urljoin(french, link["href"])
                for link in links_of(body.decode())
                if link.get("rel") == "alternate" and link.get("hreflang") == "en"
            ),
            f"http://{host}:{port}/en{path}",
        )
        pages.append({"label": label, "language": "fr", "url": french})
        pages.append({"label": label, "language": "en", "url": english})
    if ONLY:
        pages = [page for page in pages if page["label"] in ONLY]
    return pages


def check_html(pages, folder):
    """Fetches each page (its status, its announced feeds) and runs vnu on all of them at once."""
    files = {}
    for number, page in enumerate(pages):
        status, content_type, body = fetch(page["url"])
        page["status"] = status
        page["feeds"] = sorted(
            {
                urljoin(page["url"], link["href"])
                for link in links_of(body.decode(errors="replace"))
                if link.get("rel") == "alternate"
                and link.get("type") in ("application/rss+xml", "application/atom+xml")
            }
        )
        path = folder / f"page-{number:02d}.html"
        path.write_bytes(body)
        files[str(path)] = page
        page["nu"] = []
    output = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU_JAR),
            "--format",
            "json",
            "--stdout",
            "--exit-zero-always",
            *files,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for message in json.loads(output)["messages"]:
        if message["type"] != "error" and message.get("subType") != "fatal":
            continue
        page = files[urlsplit(message["url"]).path]
        page["nu"].append(f"line {message.get('lastLine', '?')}: {message['message']}")


def check_feeds(pages):
    """Every feed the pages announce, parsed as a feed reader does."""
    import feedparser

    feeds = {}
    for page in pages:
        for url in page["feeds"]:
            if url in feeds:
                continue
            status, content_type, body = fetch(url)
            parsed = feedparser.parse(body)
            feeds[url] = {
                "status": status,
                "version": parsed.version,
                "bozo": bool(parsed.bozo),
                "error": str(parsed.get("bozo_exception", "")),
                "entries": len(parsed.entries),
            }
    return feeds


def lighthouse_round(pages, results, on_run):
    """One Lighthouse run per page and form factor, in WORKERS Chromium processes side by side
    (validators/lighthouse.mjs), each run printed as it arrives, added to ``results`` and
    passed to ``on_run``."""
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("Lighthouse needs Node.js (Debian's nodejs)")
    urls = [page["url"] for page in pages]
    shares = [urls[worker::WORKERS] for worker in range(WORKERS)]
    lock = threading.Lock()

    def work(share):
        job = {"urls": share, "runs": 1, "formFactors": FORM_FACTORS, "chromeFlags": CHROME_FLAGS}
        process = subprocess.Popen(
            [node, str(VALIDATORS / "lighthouse.mjs")],
            cwd=VALIDATORS,
            env=dict(os.environ, CHROME_PATH=CHROME_PATH),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        process.stdin.write(json.dumps(job))
        process.stdin.close()
        for line in process.stdout:
            run = json.loads(line)
            with lock:
                results[run["url"], run["formFactor"]].append(run)
                scores = run["runtimeError"] or " ".join(
                    str(run["scores"][category]) for category in CATEGORIES
                )
                print(f"  {run['formFactor']:<8}{scores:<18}{run['url']}", flush=True)
                on_run(run)
        process.wait()

    threads = [threading.Thread(target=work, args=(share,)) for share in shares if share]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def completed_runs(page, results):
    """The fewest runs Lighthouse completed on ``page`` in one form factor."""
    return min(
        sum(not run["runtimeError"] for run in results.get((page["url"], form_factor), []))
        for form_factor in FORM_FACTORS
    )


def summarize_lighthouse(pages, results):
    """Each page's median scores and the audits failing in most of its runs."""
    for page in pages:
        page["lighthouse"] = {}
        for form_factor in FORM_FACTORS:
            every = results.get((page["url"], form_factor), [])
            # The first RUNS that Lighthouse completed (make-up rounds may add more).
            runs = [run for run in every if not run["runtimeError"]][:RUNS]
            if not runs:
                if every:
                    page["lighthouse"][form_factor] = {"error": every[-1]["runtimeError"]}
                continue
            scores = {
                category: statistics.median_low([run["scores"][category] for run in runs])
                for category in CATEGORIES
            }
            # An audit fails when it fails in most runs (as the median score does); an audit
            # that Lighthouse could not run is listed apart.
            counts = Counter(audit for run in runs for audit in run["failing"])
            failing = sorted(audit for audit, count in counts.items() if count * 2 > len(runs))
            page["lighthouse"][form_factor] = {
                "scores": scores,
                "failing": [audit for audit in failing if not audit.endswith("(error)")],
                "details": {
                    audit: next(run["details"][audit] for run in runs if audit in run["details"])
                    for audit in failing
                },
                "errors": [
                    audit.removesuffix(" (error)") for audit in failing if "(error)" in audit
                ],
                "runs": len(runs),
            }


def scores_cell(result, separator=" "):
    if result is None:
        return "-"
    if "error" in result:
        return result["error"]
    return separator.join(str(result["scores"][category]) for category in CATEGORIES)


def vnu_version():
    return subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()


def java_version():
    output = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr
    return output.splitlines()[0] if output else "?"


def print_report(pages, feeds):
    print("\nPer page: Lighthouse median scores (performance accessibility best-practices seo)")
    print(f"  {'page':<22}{'lang':<6}{'mobile':<18}{'desktop':<18}{'Nu errors':>9}")
    for page in pages:
        cells = [scores_cell(page.get("lighthouse", {}).get(ff)) for ff in FORM_FACTORS]
        print(
            f"  {page['label']:<22}{page['language']:<6}{cells[0]:<18}{cells[1]:<18}"
            f"{len(page['nu']):>9}"
        )
    print("\nFailing audits and Nu errors")
    for page in pages:
        lines = []
        for form_factor in FORM_FACTORS:
            result = page.get("lighthouse", {}).get(form_factor)
            if result and result.get("failing"):
                lines.append(f"    Lighthouse {form_factor}: {', '.join(result['failing'])}")
        lines += [f"    Nu: {message}" for message in page["nu"]]
        if lines:
            print(f"  {page['label']} ({page['language']}) {page['url']}")
            print("\n".join(lines))
    print("\nFeeds (feedparser)")
    for url, feed in feeds.items():
        verdict = "bozo: " + feed["error"] if feed["bozo"] else "well-formed"
        print(
            f"  {feed['status']} {feed['version']:<7}{feed['entries']:>3} entries  {verdict}  {url}"
        )


def markdown(pages, feeds, meta):
    """bench/VALIDATORS.md: the same figures, for the README to point to."""
    lines = [
        "# The outside validators' figures",
        "",
        "Generated by `make validate` (bench/validators.py): do not edit by hand.",
        "",
        f"- Date: {meta['date']}",
        f"- Commit: {meta['commit']}",
        f"- Lighthouse {meta['lighthouse']} on {meta['browser']}, mobile and desktop presets,"
        f" median of the runs per page and form factor ({RUNS} asked, the column Runs says how many"
        f" were made; {WORKERS} Chromium side by side; load average {meta['load']} during the"
        " runs)",
        f"- Nu HTML checker (vnu-jar) {meta['vnu']} on {meta['java']}",
        f"- feedparser {meta['feedparser']}",
        f"- Served as `make serve` serves (gunicorn, production settings) on a throwaway SQLite "
        f"database holding the demo; machine: {meta['machine']}",
        "",
        "Scores are performance / accessibility / best practices / SEO. Performance depends on",
        "the machine's load at the time; the other three do not.",
        "",
        "| Page type | Language | Address | Mobile | Desktop | Runs | Nu errors |",
        "|---|---|---|---|---|---|---|",
    ]
    for page in pages:
        cells = [scores_cell(page.get("lighthouse", {}).get(ff), " / ") for ff in FORM_FACTORS]
        path = urlsplit(page["url"])
        address = f"{path.hostname}{path.path}" + (f"?{path.query}" if path.query else "")
        runs = "/".join(
            str(page.get("lighthouse", {}).get(form_factor, {}).get("runs", 0))
            for form_factor in FORM_FACTORS
        )
        lines.append(
            f"| {page['label']} | {page['language']} | `{address}` | {cells[0]} | {cells[1]} "
            f"| {runs} | {len(page['nu'])} |"
        )
    lines += ["", "## Failing Lighthouse audits", ""]
    failing = False
    for page in pages:
        for form_factor in FORM_FACTORS:
            result = page.get("lighthouse", {}).get(form_factor)
            if result and result.get("failing"):
                failing = True
                lines.append(f"- {page['label']} ({page['language']}, {form_factor}):")
                for audit in result["failing"]:
                    detail = result["details"].get(audit, "").replace("|", "/").replace("\n", " ")
                    lines.append(f"  - `{audit}`" + (f": {detail}" if detail else ""))
    if not failing:
        lines.append("None.")
    errors = sorted(
        {
            audit
            for page in pages
            for result in page.get("lighthouse", {}).values()
            for audit in result.get("errors", [])
        }
    )
    if errors:
        lines += [
            "",
            "Audits Lighthouse could not run (an error of Lighthouse itself, not a failure of "
            "the page; Lighthouse 12.2.3 predates this Chromium's trace format): "
            + ", ".join(f"`{audit}`" for audit in errors)
            + ".",
        ]
    lines += ["", "## Nu HTML checker errors", ""]
    if any(page["nu"] for page in pages):
        for page in pages:
            for message in page["nu"]:
                lines.append(f"- {page['label']} ({page['language']}): {message}")
    else:
        lines.append("None.")
    lines += [
        "",
        "## Feeds (feedparser)",
        "",
        "| Feed | Format | Entries | Well-formed |",
        "|---|---|---|---|",
    ]
    for url, feed in feeds.items():
        path = urlsplit(url)
        verdict = "no: " + feed["error"] if feed["bozo"] else "yes"
        lines.append(
            f"| `{path.hostname}{path.path}` | {feed['version']} | {feed['entries']} | {verdict} |"
        )
    return "\n".join(lines) + "\n"


def main():
    # Each figure as soon as it is known, also when the output goes to a file.
    sys.stdout.reconfigure(line_buffering=True)
    if not VNU_JAR.exists():
        sys.exit("The validators are not installed: cd validators && npm ci")
    import feedparser

    started = datetime.now(UTC)
    log_folder = ROOT / "var" / "bench"
    log_folder.mkdir(parents=True, exist_ok=True)
    meta = {
        "date": f"{started:%Y-%m-%d %H:%M} UTC",
        # COMMIT: when run from an exported tree (`git archive`), which commit it is.
        "commit": os.environ.get("COMMIT")
        or subprocess.run(
            ["git", "log", "-1", "--format=%h %s"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()[:100],
        "vnu": vnu_version(),
        "java": java_version(),
        "feedparser": feedparser.__version__,
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
    }
    loads = [os.getloadavg()[0]]
    with throwaway_database("bench-validators-", shared=True) as database_url:
        from django.core.management import call_command

        port = free_port()
        # As `make serve` loads it, with links between sites on this port.
        call_command("load_demo", port=port, stdout=open(os.devnull, "w"))  # noqa: SIM115
        log = open(log_folder / "validators-gunicorn.log", "w")  # noqa: SIM115
        server = start_gunicorn(database_url, port, log)
        try:
            pages = discover(port)
            with tempfile.TemporaryDirectory(prefix="validators-") as folder:
                check_html(pages, Path(folder))
            feeds = check_feeds(pages)
            print_report(pages, feeds)
            results = defaultdict(list)

            def on_run(run):
                # The figures written after every run: an interrupted validation keeps what
                # it measured, each page with its number of runs.
                loads.append(os.getloadavg()[0])
                summarize_lighthouse(pages, results)
                meta["load"] = f"{min(loads):.1f} to {max(loads):.1f}"
                meta["lighthouse"] = run["lighthouse"]
                meta["browser"] = run["userAgent"].split(") ")[-1].split(" Safari")[0]
                if OUTPUT:
                    Path(OUTPUT).write_text(markdown(pages, feeds, meta))

            # Round after round: every page once before any page twice.
            for number in range(RUNS):
                print(f"\nLighthouse, round {number + 1} of {RUNS}: {len(pages)} pages x 2")
                lighthouse_round(pages, results, on_run)
            # Lighthouse 12 sometimes fails a run on this Chromium (NO_NAVSTART, an error of
            # its own): the pages short of RUNS completed runs get make-up rounds, RUNS at most.
            for number in range(RUNS):
                short = [page for page in pages if completed_runs(page, results) < RUNS]
                if not short:
                    break
                print(f"\nMake-up round {number + 1}: {len(short)} pages short of {RUNS} runs")
                lighthouse_round(short, results, on_run)
        finally:
            server.terminate()
            server.wait()
            log.close()
    print_report(pages, feeds)
    print(f"\n{datetime.now(UTC) - started} in all")
    if OUTPUT:
        output = Path(OUTPUT).resolve()
        print(f"Written to {output.relative_to(ROOT) if output.is_relative_to(ROOT) else output}")


if __name__ == "__main__":
    main()
