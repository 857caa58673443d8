"""A call's results and a project's origin link pages only when visitors may see them."""

import pytest
from wagtail.models import Page, PageViewRestriction

pytestmark = pytest.mark.django_db

VAR = {"HTTP_HOST": "var.localhost"}
CALL = "/appels/appel-a-irritants-2018/"
PROJECT = "/projets/apa-a-domicile/"


def restrict(url_path):
    page = Page.objects.get(url_path=f"/var{url_path}")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )


def test_the_call_results_link_a_project_only_while_it_is_public(client):
    assert f'href="{PROJECT}"' in client.get(CALL, **VAR).content.decode()

    restrict(PROJECT)

    html = client.get(CALL, **VAR).content.decode()
    assert f'href="{PROJECT}"' not in html
    assert "Les personnes âgées attendent des mois l’APA à domicile" in html  # still counted


def test_a_project_links_the_call_it_was_born_from_only_while_it_is_public(client):
    assert f"{CALL}#irritant-" in client.get(PROJECT, **VAR).content.decode()

    restrict(CALL)

    html = client.get(PROJECT, **VAR).content.decode()
    assert CALL not in html
    assert "project-origin" in html  # the origin is still told, without the link
