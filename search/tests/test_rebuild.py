"""manage.py rebuild_search_index: an index lost or stale is rebuilt, with a progress bar."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from projects.models import ProjectPage
from testing import make_project, make_territory

pytestmark = pytest.mark.django_db


def finds(client, territory, q):
    response = client.get("/recherche/", {"q": q}, HTTP_HOST=territory.site.hostname)
    return [result.page.title for result in response.context["search_results"]]


def test_the_command_rebuilds_a_lost_index_and_shows_its_progress(client):
    territory = make_territory()
    project = make_project(territory, "Poubelles partagées")
    # Text changed behind the index's back (a raw update sends no signal).
    ProjectPage.objects.filter(pk=project.pk).update(pitch="Des lombricomposteurs.")
    get_search_backend().get_index_for_model(Page).reset()  # the index is lost
    assert finds(client, territory, "Poubelles") == []

    out = StringIO()
    call_command("rebuild_search_index", "--chunk-size", "7", stdout=out)

    lines = out.getvalue().splitlines()
    assert lines[0].startswith("[..............................]   0% 0/")
    bars = [line for line in lines if line.startswith("[")]
    assert len(bars) > 3, "one step per chunk of seven objects"
    total = int(bars[-1].rsplit("/", 1)[1])
    assert bars[-1] == f"[{'#' * 30}] 100% {total}/{total}"
    assert f"{total} objects indexed" in lines[-1]
    assert IndexEntry.objects.count() == total
    assert finds(client, territory, "Poubelles") == ["Poubelles partagées"]
    assert finds(client, territory, "lombricomposteurs") == ["Poubelles partagées"]


def test_the_command_is_quiet_when_asked():
    out = StringIO()
    call_command("rebuild_search_index", verbosity=0, stdout=out)
    assert out.getvalue() == ""
