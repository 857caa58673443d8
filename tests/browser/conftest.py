"""Browser tests: Debian's Chromium, driven by Playwright, against a real server.

The server is a separate process with its own embedded database holding the demo, as a
visitor would meet it after `make run`; the tests never share the pytest database.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without these, Chromium keeps calling home, which this sandbox refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the demo server stopped (exit code {process.returncode})")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"the demo server did not answer {url} within {timeout} s")


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory):
    """Base URL template of a server on the demo network: ``{host}`` is the site's host."""
    if not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium is missing at {CHROMIUM}: `make test` installs Debian's chromium.")
    folder = tmp_path_factory.mktemp("demo-server")
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "IRRITANTS_PRIVATE_ROOT": str(folder / "private"),
        "DEBUG": "true",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    # As `make run` prepares it: the demo and its accounts (admin/admin, <role>-<slug>/demo).
    for command in (
        ["migrate", "--noinput"],
        ["load_demo", "--port", str(port)],
        ["create_dev_admin"],
    ):
        subprocess.run(manage + command, env=env, check=True, capture_output=True)
    log = open(folder / "server.log", "w")  # noqa: SIM115 - closed at teardown
    process = subprocess.Popen(
        manage + ["runserver", f"127.0.0.1:{port}", "--noreload", "--nothreading"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until_up(f"http://localhost:{port}/", process)
        yield f"http://{{host}}:{port}"
    finally:
        process.terminate()
        process.wait(10)
        log.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR")
    yield context.new_page()
    context.close()
