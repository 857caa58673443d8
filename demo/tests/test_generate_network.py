"""The benchmarks' network generator: real territories, live pages that render."""

import pytest
from django.core.management import call_command

from projects.models import NewsPage, ProjectPage
from territories.models import Territory

pytestmark = pytest.mark.django_db


def test_the_generated_network_is_reproducible_and_served(client):
    call_command("generate_network", territories=2, projects=3, news=2, seed=5, verbosity=0)

    generated = Territory.objects.filter(slug__startswith="genere-").order_by("slug")
    assert generated.count() == 2
    home = generated[0].home
    projects = ProjectPage.objects.descendant_of(home).live().order_by("path")
    assert projects.count() == 3
    assert NewsPage.objects.descendant_of(home).live().count() == 6
    project = projects[0]
    response = client.get(project.url, HTTP_HOST=generated[0].site.hostname)
    assert response.status_code == 200
    assert project.title in response.content.decode()
    news = client.get("/actualites/", HTTP_HOST=generated[0].site.hostname).content.decode()
    assert project.news_links.first().page.title in news

    # The same seed writes the same content.
    titles = list(projects.values_list("title", flat=True))
    call_command("generate_network", territories=1, projects=3, news=2, seed=5, verbosity=0)
    again = Territory.objects.filter(slug__startswith="genere-").order_by("-created_at")[0]
    assert (
        list(
            ProjectPage.objects.descendant_of(again.home)
            .order_by("path")
            .values_list("title", flat=True)
        )
        == titles
    )
