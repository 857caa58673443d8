"""What every public page carries: the accessibility statement, sharing tags, error pages."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from home.models import AccessibilityPage, ComplianceStatus
from territories.launch import launch
from territories.services import TerritorySpec, create_territory

pytestmark = pytest.mark.django_db


def test_every_site_links_its_own_statement_with_its_status_from_every_page(client):
    for host, path in [
        ("localhost", "/"),
        ("var.localhost", "/"),
        ("var.localhost", "/projets/rsa-en-ligne/"),
        ("pau.localhost", "/actualites/"),
        ("var.localhost", "/page-qui-n-existe-pas/"),
    ]:
        page = client.get(path, HTTP_HOST=host).content.decode()
        assert '<a href="/accessibilite/">Accessibilité : partiellement conforme</a>' in page


def test_the_statement_states_what_the_law_asks(client):
    response = client.get("/accessibilite/", HTTP_HOST="pau.localhost")
    assert response.status_code == 200
    html = response.content.decode()
    for heading in (
        "État de conformité",
        "Résultats des tests",
        "Contenus non accessibles",
        "Établissement de cette déclaration",
        "Retour d’information et contact",
        "Voies de recours",
    ):
        assert f"<h2>{heading}</h2>" in html
    assert "<strong>partiellement conforme</strong>" in html
    assert "Défenseur des droits" in html and "incubateur@" in html


def test_a_new_territory_starts_with_an_honest_statement(client):
    # Online, as its statement is read by the public.
    launch(
        create_territory(
            TerritorySpec(
                name="Département du Calvados",
                slug="calvados",
                hostname="calvados.localhost",
                port=80,
            )
        )
    )
    statement = AccessibilityPage.objects.get(url_path="/calvados/accessibilite/")
    assert statement.compliance_status == ComplianceStatus.NONE and statement.live
    assert not statement.show_in_menus
    page = client.get("/", HTTP_HOST="calvados.localhost").content.decode()
    assert "Accessibilité : non conforme" in page
    assert (
        "Aucune évaluation"
        in client.get("/accessibilite/", HTTP_HOST="calvados.localhost").content.decode()
    )


def test_a_compliance_level_needs_an_audit():
    statement = AccessibilityPage.objects.get(url_path="/var/accessibilite/")
    statement.audit_date = None
    with pytest.raises(ValidationError) as error:
        statement.clean()
    assert "audit_date" in error.value.message_dict
    statement.audit_date = datetime.date(2026, 1, 1)
    statement.compliance_status, statement.compliance_rate = ComplianceStatus.FULL, 80
    with pytest.raises(ValidationError) as error:
        statement.clean()
    assert "compliance_rate" in error.value.message_dict


def test_sharing_tags_name_the_page_on_its_own_host(client):
    html = client.get("/projets/lapins/", HTTP_HOST="pasdecalais.localhost:8000").content.decode()
    assert '<meta property="og:type" content="website">' in html
    assert '<meta property="og:title" content="Lapins">' in html
    assert (
        '<meta property="og:url" content="http://pasdecalais.localhost:8000/projets/lapins/">'
        in html
    )
    assert '<meta property="og:site_name" content="Pas-de-Calais — Startups de territoire">' in html
    assert '<meta property="og:locale" content="fr_FR">' in html
    assert (
        '<meta property="og:image" content="http://pasdecalais.localhost:8000/media/images/' in html
    )
    assert '<meta name="description" content="' in html
    english = client.get("/en/", HTTP_HOST="var.localhost:8000").content.decode()
    assert '<meta property="og:locale" content="en_GB">' in english


def test_the_404_page_wears_the_territory_identity(client):
    response = client.get("/nulle-part/", HTTP_HOST="grandest.localhost")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Page introuvable</h1>" in html
    assert "--color-primary: #3d3a8a;" in html
    assert "Grand Est — Startups de territoire" in html
    assert 'aria-label="Menu principal"' in html
