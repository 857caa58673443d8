import pytest

from projects.models import NewsIndexPage
from territories.services import section_of
from testing import make_project, make_territory


@pytest.fixture
def territory():
    return make_territory()


@pytest.fixture
def other_territory():
    return make_territory()


@pytest.fixture
def news_index(territory):
    return section_of(territory.home, NewsIndexPage)


@pytest.fixture
def project(territory):
    return make_project(territory)
