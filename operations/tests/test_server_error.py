"""The server error page: in the failing site's identity and language, 503 for the database."""

import pytest
from django.db import OperationalError, connection
from django.test import RequestFactory
from wagtail.models import Site

from operations.views import server_error

pytestmark = pytest.mark.django_db


def test_the_500_page_wears_the_territory_identity():
    request = RequestFactory().get("/", HTTP_HOST="var.localhost")
    response = server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert "--color-primary: #00607a;" in html and "Var — Startups de territoire" in html
    assert "<h1>Erreur du serveur</h1>" in html


def test_the_500_page_still_answers_when_no_site_is_found():
    # An unknown host and no default site: the plain network page, never a second error.
    request = RequestFactory().get("/", HTTP_HOST="inconnu.example")
    Site.objects.filter(is_default_site=True).update(is_default_site=False)
    response = server_error(request)
    assert response.status_code == 500
    assert "--color-primary" not in response.content.decode()


def test_a_database_outage_answers_503_in_the_language_of_the_url():
    # As when the page cache fails to read the database, before LocaleMiddleware has run.
    for path, text in [
        ("/en/projets/", "Service temporarily unavailable"),
        ("/projets/", "Service temporairement indisponible"),
    ]:
        request = RequestFactory().get(path, HTTP_HOST="var.localhost")
        try:
            raise OperationalError("connection refused")
        except OperationalError:
            response = server_error(request)
        assert response.status_code == 503 and response["Retry-After"] == "30"
        assert text in response.content.decode()


@pytest.mark.parametrize("name", ["OperationalError", "InterfaceError"])
def test_a_driver_error_that_django_did_not_wrap_is_an_outage_too(name):
    # Closing a server-side cursor (Wagtail's .specific() iterates with one on PostgreSQL)
    # raises the driver's own error when the server went away between two fetches.
    driver_error = getattr(connection.Database, name)
    request = RequestFactory().get("/projets/", HTTP_HOST="var.localhost")
    try:
        raise driver_error("server closed the connection unexpectedly")
    except driver_error:
        response = server_error(request)
    assert response.status_code == 503 and response["Retry-After"] == "30"
