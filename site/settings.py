"""Settings for the territorial incubators platform.

Everything that differs between a laptop and a server comes from environment
variables, each with a development default that is safe on a developer machine.
The README documents them in one table.
"""

import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from pagecache.config import frontend_cache_backends
from search.config import search_backends

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(
        f"{name}={value!r} is not a boolean: use 1/0, true/false, yes/no or on/off."
    )


def env_list(name, default):
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_languages(name, default):
    """Language codes from the environment, each named in its own language (for the switcher)."""
    codes = env_list(name, default)
    unknown = [code for code in codes if code not in LANG_INFO]
    if unknown:
        raise ImproperlyConfigured(f"{name}: unknown language code(s) {', '.join(unknown)}.")
    return [(code, LANG_INFO[code]["name_local"]) for code in codes]


# "development" (the default: DEBUG on, console email, no HTTPS) or "production" (DEBUG off,
# HTTPS-only cookies, HSTS, static files hashed and compressed, served by gunicorn).
DJANGO_ENV = os.environ.get("DJANGO_ENV", "development")
if DJANGO_ENV not in ("development", "production"):
    raise ImproperlyConfigured(
        f"DJANGO_ENV={DJANGO_ENV!r} is unknown: use development or production."
    )
PRODUCTION = DJANGO_ENV == "production"

DEBUG = env_bool("DEBUG", not PRODUCTION)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be off when DJANGO_ENV=production.")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. With DEBUG off the site refuses to start without a secret "
            "key: set SECRET_KEY to a long random string (for example the output of "
            "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`)."
        )
    # Development only: never used when DEBUG is off (see above).
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"

# *.localhost always resolves to loopback, so every territory can be tried locally.
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", ".localhost", "127.0.0.1", "[::1]"])

INSTALLED_APPS = [
    # The project's apps, in their layers (docs/architecture.md): the core, territories,
    # the page cache and operations, the features, the hub, the demo.
    "home",
    "territories",
    "pagecache",
    "operations",
    "projects",
    "irritants",
    "subscriptions",
    "search",
    "hub",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "csp",
    "wagtail.contrib.frontend_cache",
]

MIDDLEWARE = [
    # Outermost: a HEAD answer leaves with the GET's headers and no body.
    "operations.head.HeadWithoutBodyMiddleware",
    # Around every view: a change is answered once every process serves what it made.
    "home.middleware.ChangesSeenEverywhereMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads a body: public requests larger than the irritant form get 413.
    "irritants.middleware.RequestSizeLimitMiddleware",
    # Static files from gunicorn itself in production (runserver serves them in development).
    *(["whitenoise.middleware.WhiteNoiseMiddleware"] if PRODUCTION else []),
    # 304 answers to browsers whose copy is still the page, cache hits included.
    "django.middleware.http.ConditionalGetMiddleware",
    # Before everything that sets cookies: it stores responses as they leave (pagecache/).
    "pagecache.middleware.PageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Who writes: pages go live only through their publishers, whatever the view.
    "territories.acting.ActingRequestMiddleware",
    # A site in preparation: visitors get "coming soon" at every address but the admin's and
    # the invitations' (territories/preparation.py). After authentication: members see it.
    "territories.preparation.PreparationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "territories.middleware.AdminIsolationMiddleware",
    # Last, as django-axes asks: it turns a lockout into its own response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "site_config.urls"
WSGI_APPLICATION = "site_config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "territories.identity.site_identity",
            ],
        },
    },
]

# An embedded SQLite file by default; postgres://… selects PostgreSQL through psycopg 3.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if not DATABASE_URL:
    # SQLite cannot create the folder of its file, and var/ is not in git.
    VAR_DIR.mkdir(exist_ok=True)
    DATABASE_URL = f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
# A kept connection is checked when a request first uses it: a restarted server is
# reconnected to.
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_health_checks=True)}
postgresql = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
# Seconds a connection is kept for the next requests. SQLite keeps its file open (opening it
# for every request was most of a cached page's cost); PostgreSQL uses the pool below
# instead, which Django requires to be 0.
DATABASES["default"]["CONN_MAX_AGE"] = int(
    os.environ.get("DATABASE_CONN_MAX_AGE", "0" if postgresql else "600")
)
if postgresql:
    options = DATABASES["default"].setdefault("OPTIONS", {})
    # An unreachable server fails the request in seconds (a 503 page, see
    # operations.views.server_error) instead of holding a worker.
    connect_timeout = int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3"))
    options.setdefault("connect_timeout", connect_timeout)
    # No JIT compilation: it pays for long analytic queries, and costs seconds on listings
    # whose plan the planner overestimates (the privacy rule's subqueries). A random read
    # priced as an SSD or the page cache serves it, not a spinning disk (PostgreSQL's default
    # of 4): at 4 the planner scans every search entry, joining two text vectors on each
    # row, rather than reading the matches from their GIN index, ten times slower.
    # A deployer's own options (DATABASE_URL's ?options=) come after: theirs win.
    options["options"] = f"-c jit=off -c random_page_cost=1.1 {options.get('options', '')}".strip()
    if env_bool("DATABASE_POOL", True) and not DATABASES["default"]["CONN_MAX_AGE"]:
        # Django's psycopg pool, one per process: a request borrows an open connection,
        # checked first since CONN_HEALTH_CHECKS is on (a server restarted since is
        # reconnected to), and gives it back.
        options["pool"] = {
            "min_size": 1,
            "max_size": int(os.environ.get("DATABASE_POOL_MAX_SIZE", "4")),
            # Seconds a request waits for a connection: a sync worker never shares its pool,
            # so waiting means the server is down, and the request should get its 503 fast.
            "timeout": float(os.environ.get("DATABASE_POOL_TIMEOUT", "1")),
            # The pool retries a failed connection in the background with a doubling delay,
            # and meanwhile opens no other: after a long outage a worker would wait a minute
            # more for a server already back. Giving up after a few seconds lets the next
            # request start a fresh attempt instead.
            "reconnect_timeout": 5,
        }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: the first language is the default one, for the admin and the public
# sites, and has no URL prefix; the others live under /<code>/ (site/urls.py). Content and
# interface languages are the same list: a language needs its catalogue in locale/ too.
LANGUAGES = env_languages("LANGUAGES", ["fr", "en"])
LANGUAGE_CODE = LANGUAGES[0][0]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Sending a page for translation makes a draft, never a publication: the translation goes
# live when a publisher publishes it (territories/publication.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or VAR_DIR / "media")
# Uploaded files (logos, images and their renditions) answered by Django itself: in development,
# and in `make serve` (SERVE_MEDIA=true) so that this machine shows them. A deployment leaves
# it off: its reverse proxy (or the S3 bucket) serves /media/ from the disk, with caching
# headers and byte ranges, without holding a gunicorn worker per file.
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)

# Files: static files hashed and compressed by WhiteNoise in production; uploaded media on
# the local disk, or in an S3-compatible bucket when S3_BUCKET is set (several app servers).
S3_BUCKET = os.environ.get("S3_BUCKET", "")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
if S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("S3_REGION") or None,
            "access_key": os.environ.get("S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY") or None,
            "custom_domain": os.environ.get("S3_CUSTOM_DOMAIN") or None,
            "file_overwrite": False,
            "querystring_auth": False,
        },
    }

# Cache: Redis when REDIS_URL is set (shared by every app server), else this process's memory.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": {
        # A Redis outage must not take the site down: calls fail fast, then behave as
        # misses (pages are served uncached) until Redis answers again.
        "BACKEND": "operations.cache.TolerantRedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
# The generations every cached entry is stored under (home/generations.py) are read from the
# shared cache when there is one (no database round trip for a cached page), else from the
# database.
GENERATIONS_IN_CACHE = bool(REDIS_URL) and env_bool("GENERATIONS_IN_CACHE", True)
# How long a process trusts the generations it read (seconds); a change is answered only once
# every process's lease has run out, so this is added to each publication's time.
GENERATIONS_LEASE_SECONDS = float(os.environ.get("GENERATIONS_LEASE_SECONDS", "0.05"))
# Anonymous visitors' GETs of public pages, from the cache above (pagecache/). An entry is
# never served once what it shows has changed; the timeout only bounds the memory it takes.
PAGECACHE_ENABLED = env_bool("PAGECACHE_ENABLED", True)
PAGECACHE_TIMEOUT = int(os.environ.get("PAGECACHE_TIMEOUT", "3600"))
# Search results also depend on the search index, rebuilt outside of any page change.
PAGECACHE_EXCLUDED_PREFIXES = (
    "/admin/",
    "/documents/",
    "/static/",
    "/media/",
    "/healthz",
    "/recherche/",
    # Pages reached through a private link (an agent's follow-up, a subscription's
    # confirmation or unsubscription): personal, never stored.
    "/suivi/",
    "/abonnement/",
)
# A CDN or caching proxy in front of the sites, purged when a page is published (see README).
WAGTAILFRONTENDCACHE = frontend_cache_backends(os.environ)

# Sessions in the database, read through the cache: they survive a Redis restart.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(12 * 3600)))

# Wagtail's page editor posts many fields for pages with long phase histories and bodies.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = _("Territorial startups network")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
# The database searches (PostgreSQL in French, or SQLite's FTS5) unless SEARCH_URL names an
# Elasticsearch or OpenSearch server.
WAGTAILSEARCH_BACKENDS = search_backends(os.environ, DATABASES["default"]["ENGINE"])
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "odp", "rtf", "txt", "xlsx"]
# Draftail, with pasted word-processor markup cleaned (home/rich_text.py): tables become one
# paragraph per row, scripts and styles are dropped instead of turning into text.
WAGTAILADMIN_RICH_TEXT_EDITORS = {"default": {"WIDGET": "home.rich_text.CleanDraftailRichTextArea"}}
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: a public body's admin must not send its agents' email hashes
# to a third party; Wagtail shows its default avatar instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Wagtail's sign-in form leaves « Password » in English (home/admin_login.py).
WAGTAILADMIN_USER_LOGIN_FORM = "home.admin_login.LoginForm"
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Email: printed on the console unless an SMTP server is configured.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "incubateur@localhost")

# Irritants: attachments are kept outside MEDIA_ROOT (only the reviewing team reads them).
IRRITANTS_PRIVATE_ROOT = Path(os.environ.get("IRRITANTS_PRIVATE_ROOT") or VAR_DIR / "private")
IRRITANTS_ATTACHMENT_MAX_BYTES = int(
    os.environ.get("IRRITANTS_ATTACHMENT_MAX_BYTES", str(5 * 1024 * 1024))
)
# Django refuses (400) a request with more file parts than this. The irritant form takes 3
# (irritants/attachments.py) and explains itself up to here; the admin uploads one at a time.
DATA_UPLOAD_MAX_NUMBER_FILES = 10
# The largest request to the admin (an editor's image or document and its form); public
# requests are bounded by the irritant form (irritants/middleware.py).
ADMIN_REQUEST_MAX_BYTES = int(os.environ.get("ADMIN_REQUEST_MAX_BYTES", str(100 * 1024 * 1024)))
# Submissions, and subscription requests, per client address: "attempts/seconds".
IRRITANTS_RATE_LIMIT = os.environ.get("IRRITANTS_RATE_LIMIT", "10/3600")
SUBSCRIPTIONS_RATE_LIMIT = os.environ.get("SUBSCRIPTIONS_RATE_LIMIT", "10/3600")
for name, rate in (
    ("IRRITANTS_RATE_LIMIT", IRRITANTS_RATE_LIMIT),
    ("SUBSCRIPTIONS_RATE_LIMIT", SUBSCRIPTIONS_RATE_LIMIT),
):
    if not re.fullmatch(r"[1-9][0-9]*/[1-9][0-9]*", rate):
        raise ImproperlyConfigured(f"{name}={rate!r}: write attempts/seconds, like 10/3600.")
# The hour (local time, 0-23) after which the daily digests of news go out.
SUBSCRIPTIONS_DIGEST_HOUR = int(os.environ.get("SUBSCRIPTIONS_DIGEST_HOUR", "7"))
if not 0 <= SUBSCRIPTIONS_DIGEST_HOUR <= 23:
    raise ImproperlyConfigured(
        f"SUBSCRIPTIONS_DIGEST_HOUR={SUBSCRIPTIONS_DIGEST_HOUR}: an hour from 0 to 23."
    )

# Reverse proxies (load balancer, CDN) in front of gunicorn that append the client's address
# to X-Forwarded-For: the rate limit and the sign-in throttling read the address there
# (operations/clients.py). 0 trusts no header and uses the connection's address.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be 0 or more.")

# Security headers. The admin shows previews in frames of its own origin, hence SAMEORIGIN
# (Django's deploy check asks for DENY: W019 is silenced for that reason only).
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    if env_bool("TRUST_X_FORWARDED_PROTO", False):
        # Only behind a proxy that sets this header itself (never passes the client's on).
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy of the public sites: scripts only from this origin, never inline.
# Wagtail's admin still runs inline scripts, so it is left out of this policy.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        # The admin's widgets set style attributes; styles cannot run code.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *env_list("CSP_EXTRA_IMG_SRC", [])],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# Admin login throttling: after AXES_FAILURE_LIMIT failures for one account from one address,
# that pair is locked out for AXES_COOLOFF_MINUTES.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "operations.views.lockout"
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "operations.clients.client_address"

# Errors and warnings go to stderr in every mode (gunicorn or the container collects them):
# Django's default sends a production server error only to ADMINS by email, and the
# platform configures none.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stderr"], "level": os.environ.get("LOG_LEVEL", "WARNING").upper()},
}
