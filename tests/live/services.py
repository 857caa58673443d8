"""Real services for the load and fault tests, each in its own process on loopback: a
throwaway PostgreSQL cluster (that the tests may stop and start), a Redis server (that they
may kill) and gunicorn in production mode with the demo network loaded.

Used by tests/live/conftest.py and by `make load` (tests/live/load.py).
"""

import email
import email.policy
import glob
import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import requests

ROOT = Path(__file__).resolve().parents[2]
MANAGE = [sys.executable, str(ROOT / "manage.py")]
# The open call the load test submits irritants to (opened by prepare_database).
CALL_HOST, CALL_PATH = "pau.localhost", "/appels/appel-a-irritants-saison-2/"
ADMIN_USERNAME, ADMIN_PASSWORD = "live-admin", "live-admin-password-0"
PREPARE = f"""
from django.contrib.auth.models import User
from irritants.tests.helpers import open_call
open_call()
User.objects.create_superuser("{ADMIN_USERNAME}", password="{ADMIN_PASSWORD}")
"""


def run(command, **kwargs):
    """Run a command and return its result; on failure, raise with what it printed."""
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command[:4])}… exited with {result.returncode}:\n"
            f"{result.stdout[-2000:]}{result.stderr[-2000:]}"
        )
    return result


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_bin():
    """The newest PostgreSQL server binaries Debian installed."""
    folders = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda path: int(Path(path).parent.name)
    )
    if not folders:
        raise RuntimeError("PostgreSQL is missing: `make test` installs Debian's postgresql.")
    return Path(folders[-1])


class PostgresCluster:
    """A cluster of its own in a temporary folder: initdb, start, stop, remove."""

    def __init__(self):
        self.bin = postgres_bin()
        self.port = free_port()
        # Not under pytest's tmp_path: the postgres user must be able to reach the folder.
        self.folder = Path(tempfile.mkdtemp(prefix="live-pg-"))
        self.data = self.folder / "data"
        # PostgreSQL refuses to run as root: it runs as the postgres user then.
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(self.folder, "postgres")
        self._run("initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8")

    def _run(self, program, *args):
        run([*self.as_user, str(self.bin / program), *map(str, args)])

    def url(self, name):
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def start(self):
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
            # A throwaway cluster: durability is not what is measured.
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        log = self.folder / "log"
        self._run("pg_ctl", "-D", self.data, "-o", options, "-l", log, "-w", "start")

    def stop(self):
        self._run("pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    def remove(self):
        try:
            self.stop()
        except RuntimeError:
            pass  # already stopped
        shutil.rmtree(self.folder, ignore_errors=True)


class RedisServer:
    """redis-server on a free port, in memory only; kill() and start() again on the same port."""

    def __init__(self):
        self.program = shutil.which("redis-server") or "/usr/bin/redis-server"
        if not Path(self.program).exists():
            raise RuntimeError("redis-server is missing: `make test` installs Debian's package.")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [self.program, "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def kill(self):
        if self.process is not None:
            self.process.kill()
            self.process.wait(10)
            self.process = None


class SmtpServer:
    """A real SMTP server (aiosmtpd) on a free port, in a thread of the test process: what
    gunicorn sends through Django's SMTP backend arrives in ``messages``, parsed."""

    def __init__(self):
        from aiosmtpd.controller import Controller

        self.messages = []
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append(message)
        return "250 Message accepted for delivery"

    def env(self):
        return {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(self.port), "EMAIL_USE_TLS": "false"}

    def start(self):
        self.controller.start()

    def stop(self):
        self.controller.stop()

    def wait_for(self, predicate, timeout=15):
        """The first message received that satisfies ``predicate``, waiting for it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for message in list(self.messages):
                if predicate(message):
                    return message
            time.sleep(0.1)
        subjects = [message["Subject"] for message in self.messages]
        raise AssertionError(f"No such email within {timeout} s; received: {subjects}")


def production_env(folder, database_url, redis_url=None, **extra):
    env = {
        **os.environ,
        "DJANGO_ENV": "production",
        "SECRET_KEY": "live-tests-" + "x" * 50,
        # Plain HTTP on loopback, as `make serve` does.
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(folder / "media"),
        "IRRITANTS_PRIVATE_ROOT": str(folder / "private"),
        **extra,
    }
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def prepare_database(env, port):
    """Migrate, load the demo for sites on `port`, open the call, add an administrator,
    collect static files."""
    for command in (
        ["migrate", "--noinput"],
        ["load_demo", "--port", str(port)],
        ["shell", "-c", PREPARE],
        ["collectstatic", "--noinput", "--verbosity", "0"],
    ):
        run(MANAGE + command, env=env, cwd=ROOT)


class Gunicorn:
    def __init__(self, env, port, folder, workers=3):
        self.env, self.port, self.folder, self.workers = env, port, folder, workers
        self.base = f"http://127.0.0.1:{port}"
        self.process = None

    def start(self):
        self.log = open(self.folder / "gunicorn.log", "a")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "site_config.wsgi"]
            + ["--workers", str(self.workers), "--bind", f"127.0.0.1:{self.port}"]
            + ["--timeout", "30", "--graceful-timeout", "5"],
            env=self.env,
            cwd=ROOT,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped: see {self.folder / 'gunicorn.log'}")
            if get(self, "/healthz", timeout=2)[0] == 200:
                return
            time.sleep(0.3)
        raise RuntimeError("gunicorn did not answer /healthz within 60 s")

    def errors_logged(self):
        """The tracebacks and error lines gunicorn and Django wrote to the log, the last 8 KB."""
        self.log.flush()
        text = (self.folder / "gunicorn.log").read_text(errors="replace")
        lines = [line for line in text.splitlines() if "[INFO]" not in line]
        return "\n".join(lines)[-8000:]

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(15)
            self.process = None
            self.log.close()


def get(server, path, host="localhost", timeout=10, method="GET", headers=None):
    """(status, body, headers) of one request to the server, for the given site's host
    name; status None when no answer came in time."""
    request = urllib.request.Request(
        server.base + path,
        method=method,
        headers={"Host": f"{host}:{server.port}", **(headers or {})},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers
    except OSError:
        return None, b"", {}


def admin_session(server):
    """A requests session logged into the admin over HTTP (the login form, CSRF included)."""
    session = requests.Session()
    headers = {"Host": f"localhost:{server.port}"}
    form = session.get(f"{server.base}/admin/login/", headers=headers, timeout=10)
    token = form.text.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    response = session.post(
        f"{server.base}/admin/login/",
        data={"csrfmiddlewaretoken": token, "username": ADMIN_USERNAME, "password": ADMIN_PASSWORD},
        headers=headers,
        # Secure cookies: sent back by hand on plain HTTP (browsers do it on localhost).
        cookies={"csrftoken": session.cookies.get("csrftoken")},
        allow_redirects=False,
        timeout=10,
    )
    assert response.status_code == 302, response.text[:500]
    return session, response


CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CSRF_COOKIE = re.compile(r"csrftoken=([^;]+)")


def exchange(server, method, address, body=b"", headers=None, host=CALL_HOST):
    """(status, body, headers) of one request. ``address`` is a path on ``host``, or a full
    address of a demo site (as emails carry them), sent to this server with its host name."""
    parts = urlsplit(address)
    if parts.netloc:
        host = parts.hostname
        address = parts.path + (f"?{parts.query}" if parts.query else "")
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        connection.request(
            method, address, body, {"Host": f"{host}:{server.port}", **(headers or {})}
        )
        response = connection.getresponse()
        return response.status, response.read(), response.headers
    finally:
        connection.close()


def post_form(server, address, fields, host=CALL_HOST):
    """GET the page's form, then POST ``fields`` (multipart) with its CSRF token, as a browser
    does: (status, body, headers) of the POST."""
    status, html, headers = exchange(server, "GET", address, host=host)
    assert status == 200, (status, address)
    token, extra = CSRF_TOKEN.search(html.decode()), {}
    if token:  # a form without one (a one-click unsubscription) is posted as it is
        fields = {"csrfmiddlewaretoken": token.group(1), **fields}
        # The cookie is Secure in production: sent back by hand on plain HTTP.
        extra["Cookie"] = "csrftoken=" + CSRF_COOKIE.search(headers["Set-Cookie"]).group(1)
    boundary = uuid.uuid4().hex
    body = (
        b"".join(
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
            ).encode()
            for name, value in fields.items()
        )
        + f"--{boundary}--\r\n".encode()
    )
    content_type = f"multipart/form-data; boundary={boundary}"
    return exchange(
        server,
        "POST",
        address,
        body,
        {"Content-Type": content_type, **extra},
        host=host,
    )


def irritant_fields(title, email="agent.test@example.org"):
    """A complete, valid irritant for the open call (Pau's demo lists no agents' domains)."""
    return {
        "title": title,
        "problem": "Le même justificatif est demandé à chaque guichet, à chaque visite.",
        "consequences": "Des allers-retours et des dossiers incomplets.",
        "people_affected": "Les usagers des guichets",
        "service": "Accueil",
        "solution_idea": "",
        "submitter_name": "Agent de test",
        "submitter_email": email,
        "submitter_service": "Accueil",
        "consent": "on",
        "website": "",
    }
