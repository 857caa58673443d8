"""Configuration comes from the environment, and production refuses unsafe defaults."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def start_django(code="print('started')", **environment):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "LANGUAGES"}}
    env.update(environment, DJANGO_SETTINGS_MODULE="site_config.settings")
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_without_secret_key_refuses_to_start_with_a_clear_message():
    result = start_django(DEBUG="false")

    assert result.returncode != 0
    assert "started" not in result.stdout
    assert "SECRET_KEY is not set" in result.stderr


def test_production_with_a_secret_key_starts():
    result = start_django(DEBUG="false", SECRET_KEY="a-long-random-test-secret-0123456789")

    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


def test_an_unreadable_boolean_is_refused_with_its_name():
    result = start_django(DEBUG="maybe")

    assert result.returncode != 0
    assert "DEBUG='maybe' is not a boolean" in result.stderr


def test_french_is_the_default_language(settings):
    assert settings.LANGUAGE_CODE == "fr"
    assert settings.TIME_ZONE == "Europe/Paris"


def test_a_third_language_is_a_settings_change():
    result = start_django(
        "from django.conf import settings; "
        "print(settings.LANGUAGE_CODE, settings.WAGTAIL_CONTENT_LANGUAGES)",
        LANGUAGES="fr,en,de",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "fr [('fr', 'français'), ('en', 'English'), ('de', 'Deutsch')]"
    )


def test_an_unknown_language_code_is_refused_with_its_name():
    result = start_django(LANGUAGES="fr,klingon")

    assert result.returncode != 0
    assert "LANGUAGES: unknown language code(s) klingon" in result.stderr
