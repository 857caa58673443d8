"""Production settings, security headers and the admin's login throttling."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def manage(*args, **env):
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
    )


def test_the_deploy_check_reports_nothing_in_production():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_ENV="production",
        SECRET_KEY="x" * 30 + "-a-long-random-production-secret-key-!",
        ALLOWED_HOSTS="incubateur.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_debug_and_a_missing_secret():
    result = manage("check", DJANGO_ENV="production", DEBUG="true", SECRET_KEY="s" * 50)
    assert result.returncode != 0 and "DEBUG must be off" in result.stderr
    result = manage("check", DJANGO_ENV="production", SECRET_KEY="")
    assert result.returncode != 0 and "SECRET_KEY is not set" in result.stderr


def test_public_pages_carry_the_security_headers(client):
    response = client.get("/", HTTP_HOST="var.localhost")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'self'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_repeated_failed_sign_ins_lock_the_account_out_with_a_clear_message(
    client, django_user_model, settings
):
    django_user_model.objects.create_user("redaction-test", password="le-bon-mot-de-passe")
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(
            "/admin/login/", {"username": "redaction-test", "password": "mauvais"}
        )
        assert response.status_code == 200  # the form again, with its error
    response = client.post("/admin/login/", {"username": "redaction-test", "password": "mauvais"})
    assert response.status_code == 429
    assert "Trop de tentatives de connexion" in response.content.decode()
    # Even the right password is refused until the cool-off has passed.
    response = client.post(
        "/admin/login/", {"username": "redaction-test", "password": "le-bon-mot-de-passe"}
    )
    assert response.status_code == 429
    # Another account from the same address is not affected.
    django_user_model.objects.create_user("autre", password="un-autre-mot-de-passe")
    response = client.post(
        "/admin/login/", {"username": "autre", "password": "un-autre-mot-de-passe"}
    )
    assert response.status_code == 302


def test_a_deactivated_editor_loses_access_at_once(client, django_user_model):
    from territories.models import Territory

    user = django_user_model.objects.create_user("redaction-depart", password="x-long-password")
    user.groups.add(Territory.objects.get(slug="var").editors)
    client.force_login(user)
    assert client.get("/admin/").status_code == 200
    user.is_active = False
    user.save()
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_session_older_than_its_age_no_longer_reaches_the_admin(
    client, django_user_model, settings
):
    import time

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    settings.SESSION_COOKIE_AGE = 2
    django_user_model.objects.create_user(
        "redaction-session", password="x-long-password", is_superuser=True
    )
    response = client.post(
        "/admin/login/", {"username": "redaction-session", "password": "x-long-password"}
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    session_key = client.cookies["sessionid"].value

    time.sleep(2.5)
    # The test client sends the cookie back whatever its expiry: the server must refuse it.
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not Session.objects.filter(
        session_key=session_key, expire_date__gt=timezone.now()
    ).exists()
