"""Settings for the territorial incubators platform.

Everything that differs between a laptop and a server comes from environment
variables, each with a development default that is safe on a developer machine.
The README documents them in one table.
"""

import os
import re
from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

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


DEBUG = env_bool("DEBUG", True)

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
    "home",
    "territories",
    "projects",
    "search",
    "irritants",
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
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "territories.middleware.AdminIsolationMiddleware",
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
DATABASES = {"default": dj_database_url.parse(DATABASE_URL)}
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

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or VAR_DIR / "media")

# Wagtail's page editor posts many fields for pages with long phase histories and bodies.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = _("Territorial startups network")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
# The database searches (PostgreSQL in French, or SQLite's FTS5) unless SEARCH_URL names an
# Elasticsearch or OpenSearch server.
WAGTAILSEARCH_BACKENDS = search_backends(os.environ, DATABASES["default"]["ENGINE"])
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "odp", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
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
# Submissions per client address: "attempts/seconds".
IRRITANTS_RATE_LIMIT = os.environ.get("IRRITANTS_RATE_LIMIT", "10/3600")
if not re.fullmatch(r"[1-9][0-9]*/[1-9][0-9]*", IRRITANTS_RATE_LIMIT):
    raise ImproperlyConfigured(
        f"IRRITANTS_RATE_LIMIT={IRRITANTS_RATE_LIMIT!r}: write attempts/seconds, like 10/3600."
    )
