"""Whatever arrives in the catalogue's query string, it answers a page of projects."""

import pytest

from testing import make_project, make_territory

pytestmark = pytest.mark.django_db


def catalogue(client, query=""):
    response = client.get(f"/catalogue/{query}", HTTP_HOST="localhost")
    assert response.status_code == 200
    return response.context["projects"]


def test_unknown_filters_and_bad_page_numbers_never_fail(client):
    make_project(make_territory())
    everything = catalogue(client).paginator.count

    assert catalogue(client, "?phase=nope&theme=<script>").paginator.count == everything
    assert catalogue(client, "?territory=%00&user_type=-1").paginator.count == everything
    assert catalogue(client, "?page=abc").number == 1
    last = catalogue(client, "?page=999")
    assert last.number == last.paginator.num_pages
