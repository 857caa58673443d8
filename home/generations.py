"""The generations of the network and of each site, and what is cached under them.

A cached entry's key (or, for the page cache, the entry itself) holds the generations of the
network and of its site as they were read *before* the entry was computed. Any change that
can show on a site gives that site (or the whole network) a new generation, in the transaction
of the change: an entry computed from older content is then under generations nobody reads
any more. Nothing cached can be served stale, whatever the order of a publication and a
request being rendered.

Where the generations are read from:

- the database (``Generation`` rows), when each process has its own cache (local memory):
  one small query, on the connection the request keeps;
- the shared cache itself (Redis, ``GENERATIONS_IN_CACHE``), so that a cached page costs no
  database round trip. A change writes new values there once its transaction has committed,
  each a fresh random value: whatever order two changes' writes land in, the last one is
  newer than both commits. Every process checks them against the database every few
  seconds, so that a lost write is caught up (``CacheGenerations``). This needs one Redis
  server that every read and write reaches (no replicas).

Either way a process trusts what it read for a short lease (``GENERATIONS_LEASE_SECONDS``,
``Leases``), so that a page it serves again costs no round trip at all; a change is not
complete (its request is not answered) before every lease taken before it was committed has
run out, nor, when its write to Redis failed, before every process has checked against the
database. No request that starts once an editor has seen a publication done is answered with
what it replaced.
"""

import atexit
import contextvars
import hashlib
import time
import uuid
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.utils.translation import get_language

from .models import Generation

NETWORK = "network"


def site_scope(site_id):
    return f"site:{site_id}"


def _new_value():
    return uuid.uuid4().hex


class Leases:
    """The generations this process read (from Redis, or from the database outside a
    transaction), trusted for ``GENERATIONS_LEASE_SECONDS`` from the moment the read was sent."""

    def __init__(self):
        self._held = {}  # scope: (value, the time.monotonic() it is trusted until)

    def held(self, scopes):
        """These scopes' values while every one's lease lasts, else None."""
        now = time.monotonic()
        values = {}
        for scope in scopes:
            value, until = self._held.get(scope, (None, now))
            if until <= now:
                return None
            values[scope] = value
        return values

    def take(self, found, read_at):
        until = read_at + settings.GENERATIONS_LEASE_SECONDS
        self._held.update({scope: (value, until) for scope, value in found.items()})

    def forget(self):
        self._held.clear()


leases = Leases()

# Monotonic clocks of two machines may run at slightly different rates (NTP slews them by
# 500 ppm at most): a change waits out a little more than a lease.
LEASE_MARGIN = 1.01
# Within ``changes_seen_everywhere`` (each request), the moments its changes are seen by
# every process, waited for once as it is left: a bulk publication waits one lease, not one
# per page. Elsewhere (a command), once as the process exits.
_waits = contextvars.ContextVar("generation_waits", default=None)
_exit_wait = {"until": None}


def sleep_until(moment):
    remaining = moment - time.monotonic()
    if remaining > 0:
        time.sleep(remaining)


@contextmanager
def changes_seen_everywhere():
    """The changes made within are complete (the block is left) only once no process can
    serve what they replaced."""
    waits = []
    token = _waits.set(waits)
    try:
        yield
    finally:
        _waits.reset(token)
        if waits:
            sleep_until(max(waits))


def complete_after(moment):
    waits = _waits.get()
    if waits is not None:
        waits.append(moment)
        return
    if _exit_wait["until"] is None:
        atexit.register(wait_before_exit)
    _exit_wait["until"] = max(moment, _exit_wait["until"] or moment)


def wait_out_leases(extra=0.0):
    """Complete the current change once every lease taken before now (and ``extra``
    seconds more) has run out."""
    complete_after(time.monotonic() + (settings.GENERATIONS_LEASE_SECONDS + extra) * LEASE_MARGIN)


def wait_before_exit():
    if _exit_wait["until"] is not None:
        sleep_until(_exit_wait["until"])


class DatabaseGenerations:
    """Generations read from their rows: the truth every process shares."""

    def read(self, scopes):
        # A transaction reads its own rows: it may have changed them, and may yet roll back
        # (another thread's lease would hide the one, this one's would outlive the other).
        if connection.in_atomic_block:
            return self.select(scopes)
        if (values := leases.held(scopes)) is not None:
            return values
        read_at = time.monotonic()
        values = self.select(scopes)
        # A scope never changed has no row.
        leases.take({scope: values.get(scope, "") for scope in scopes}, read_at)
        return values

    def select(self, scopes):
        table = connection.ops.quote_name(Generation._meta.db_table)
        placeholders = ", ".join(["%s"] * len(scopes))
        # A plain cursor: this runs for every cached page, the ORM's query building would
        # cost more than the query.
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT scope, value FROM {table} WHERE scope IN ({placeholders})",  # noqa: S608
                list(scopes),
            )
            return dict(cursor.fetchall())

    def read_with(self, key, scopes):
        """The cache entry ``key``, and these scopes' generations."""
        return cache.get(key), self.read(scopes) if scopes else {}

    def written(self, values):
        # Outside a transaction (autocommit), this process reads the new rows at once; the
        # other processes once their leases have run out.
        leases.forget()
        transaction.on_commit(self.committed, robust=True)

    def committed(self):
        leases.forget()
        wait_out_leases()


# How often a process checks the shared generations against the database's (seconds).
RECONCILE_SECONDS = 2.0
# When this process last found them in agreement (time.monotonic()); None: not since a write
# failed, so nothing the shared cache holds is trusted until they agree again.
_agreed = {"at": None}


class CacheGenerations(DatabaseGenerations):
    """Generations kept in the shared cache, beside what is cached under them.

    Each value there is ``<the database's value>.<nonce>``. Every few seconds, and at once
    after a failed write or a missing key, a process compares them with the database's rows
    and gives a fresh value to every scope whose database value has moved on. A write lost
    after a commit (Redis unreachable or refusing writes, a process killed, Redis restarted
    from an older snapshot, a process not writing there at all) is caught up within
    ``RECONCILE_SECONDS``; a fresh value never brings an old one back, so this may race with
    any publication.
    """

    prefix = "generation:"

    def trusted(self):
        agreed = _agreed["at"]
        if agreed is not None and time.monotonic() - agreed < RECONCILE_SECONDS:
            return True
        return self.reconcile()

    def reconcile(self):
        # Before the database is read: a change committed after it is caught up within
        # RECONCILE_SECONDS of its commit.
        checked_at = time.monotonic()
        try:
            rows = dict(Generation.objects.values_list("scope", "value"))
        except DatabaseError:
            # The database is down: nothing can be published meanwhile. What agreed before
            # is trusted until the next check (cached pages are still served).
            if _agreed["at"] is None:
                return False
            _agreed["at"] = checked_at
            return True
        names = {scope: self.prefix + scope for scope in rows}
        found = cache.get_many(list(names.values()))
        behind = {
            names[scope]: f"{value}.{_new_value()}"
            for scope, value in rows.items()
            if not str(found.get(names[scope], "")).startswith(f"{value}.")
        }
        if behind:
            # What this process holds of them is behind too.
            leases.forget()
            if cache.set_many(behind, timeout=None):
                _agreed["at"] = None
                return False
        _agreed["at"] = checked_at
        return True

    def fetch(self, scopes, *keys):
        """These scopes' generations Redis holds (a scope it lacks is left out), leased, and
        the cache entries ``keys``, in one call."""
        names = {self.prefix + scope: scope for scope in scopes}
        # Taken before the read is sent: a write Redis applies later waits this lease out.
        read_at = time.monotonic()
        found = cache.get_many([*keys, *names])
        values = {names[name]: value for name, value in found.items() if name in names}
        leases.take(values, read_at)
        return values, found

    def read(self, scopes):
        if not self.trusted():
            # A value nobody stored anything under: everything is rendered afresh.
            return {scope: _new_value() for scope in scopes}
        if (values := leases.held(scopes)) is not None:
            return values
        values, _found = self.fetch(scopes)
        if len(values) < len(scopes):
            # Lost (Redis restarted empty) or never written: from the database's.
            if not self.reconcile():
                return {scope: _new_value() for scope in scopes}
            for scope in scopes:
                # A scope never changed has no row: any value will do, the first stored.
                cache.add(self.prefix + scope, f".{_new_value()}", timeout=None)
            values, _found = self.fetch(scopes)
        return {scope: values.get(scope) or _new_value() for scope in scopes}

    def read_with(self, key, scopes):
        """The cache entry ``key`` and these scopes' generations, in one call to the cache."""
        if not scopes:
            return cache.get(key), {}
        if not self.trusted():
            return None, self.read(scopes)
        if (values := leases.held(scopes)) is not None:
            return cache.get(key), values
        values, found = self.fetch(scopes, key)
        if len(values) < len(scopes):
            return found.get(key), self.read(scopes)
        return found.get(key), values

    def written(self, values):
        # Not before the commit: a process reading the new value meanwhile would render the
        # old content and store it under that value. Robust: a failure here must neither
        # reach the editor nor stop the other callbacks; the reconciliation catches up.
        transaction.on_commit(lambda: self.write(values), robust=True)

    def write(self, values):
        names = {self.prefix + scope: f"{value}.{_new_value()}" for scope, value in values.items()}
        failed = list(names)
        try:
            failed = cache.set_many(names, timeout=None)
        finally:
            # This process reads them again at once, whatever Redis did.
            leases.forget()
            if failed:
                # The other processes catch up at their next check against the database.
                _agreed["at"] = None
            wait_out_leases(RECONCILE_SECONDS if failed else 0.0)


def store():
    return CacheGenerations() if settings.GENERATIONS_IN_CACHE else DatabaseGenerations()


class Generations:
    """The generations one request reads, each scope once, the scopes asked together in one
    query (or one cache call)."""

    def __init__(self):
        self._values = {}
        self._expected = set()
        self._store = store()

    def expect(self, *scopes):
        """Scopes to read with the first ones asked for, in the same query or cache call."""
        self._expected.update(scopes)

    def _missing(self, scopes):
        missing = [scope for scope in scopes if scope not in self._values]
        if missing:
            missing.extend(self._expected.difference(self._values, missing))
        return missing

    def of(self, *scopes):
        missing = self._missing(scopes)
        if missing:
            found = self._store.read(missing)
            self._values.update({scope: found.get(scope, "") for scope in missing})
        return tuple(self._values[scope] for scope in scopes)

    def with_entry(self, key, *scopes):
        """The cache entry ``key`` and these scopes' generations, in one call to the cache
        when it holds the generations."""
        missing = self._missing(scopes)
        entry, found = self._store.read_with(key, missing)
        self._values.update({scope: found.get(scope, "") for scope in missing})
        return entry, self.of(*scopes)

    def get(self, scope, default=""):
        return self.of(scope)[0] or default


def current(request):
    """The generations this request reads, the same from its first read to its end (read
    afresh outside a request: ``request`` None)."""
    if request is None:
        return Generations()
    if not hasattr(request, "_pagecache_generations"):
        request._pagecache_generations = Generations()
    return request._pagecache_generations


def bump(*scopes):
    """New generations for these scopes: what was cached under the old ones is obsolete."""
    values = {scope: _new_value() for scope in set(scopes)}
    for scope, value in values.items():
        Generation.objects.update_or_create(scope=scope, defaults={"value": value})
    store().written(values)


def timeout():
    return settings.PAGECACHE_TIMEOUT


def scoped_key(request, site, *parts):
    """A cache key under the network's and the site's current generations."""
    network, own = current(request).of(NETWORK, site_scope(site.pk))
    return ":".join(["pagecache", network, str(site.pk), own, *parts])


def cached_for_site(request, site, name, build):
    """What ``build()`` returns for ``site`` (the request's), in the active language, computed
    once per generation. ``build`` must depend only on the site, the language and the content.
    ``request`` may be None, for work done outside a request (the generations are then read
    for this call)."""
    if site is None:
        return build()
    # Hashed: a long path must not make a key longer than cache backends accept.
    digest = hashlib.sha256(f"{get_language()} {name}".encode()).hexdigest()
    key = scoped_key(request, site, digest)
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout())
    return value
